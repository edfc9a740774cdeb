// The decoded text split into lines, numbered from 1, as views into the text.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace yusuan {

class Lines {
 public:
  // `text` must outlive this object.
  explicit Lines(std::string_view text);
  uint32_t size() const { return static_cast<uint32_t>(lines_.size()); }
  // REQUIRES: 1 <= number <= size()
  std::string_view operator[](uint32_t number) const { return lines_[number - 1]; }

 private:
  std::vector<std::string_view> lines_;
};

}  // namespace yusuan
