// The decoded text split into lines, numbered from 1, as views into the text.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace yusuan {

// One flag per line number (index 0 and size() + 1 unused): the lines a reader must skip, or
// that one part of the document already owns. Bytes rather than std::vector<bool>'s bits: the
// readers test them on every line, and a byte is one load.
using LineFlags = std::vector<uint8_t>;

class Lines {
 public:
  // `text` must outlive this object.
  explicit Lines(std::string_view text);
  uint32_t size() const { return static_cast<uint32_t>(starts_.size() - 1); }
  // REQUIRES: 1 <= number <= size()
  std::string_view operator[](uint32_t number) const {
    return text_.substr(starts_[number - 1], starts_[number] - starts_[number - 1] - 1);
  }

 private:
  std::string_view text_;
  // Where each line starts, then one past the end of the last line's LF (whether or not the
  // text has it): four bytes a line rather than a sixteen-byte view.
  std::vector<uint32_t> starts_;
};

}  // namespace yusuan
