// The decoded text split into lines, numbered from 1, as views into the text.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/text.h"

namespace yusuan {

// One flag per line number (index 0 and size() + 1 unused): the lines a reader must skip, or
// that one part of the document already owns. Bytes rather than std::vector<bool>'s bits: the
// readers test them on every line, and a byte is one load.
using LineFlags = std::vector<uint8_t>;

class Lines {
 public:
  // `text` must outlive this object. With a `backing` (whose text `text` is), Keep makes the
  // model's texts views; without one (tests), copies.
  explicit Lines(std::string_view text, TextBacking* backing = nullptr);
  uint32_t size() const { return static_cast<uint32_t>(starts_.size() - 1); }
  // REQUIRES: 1 <= number <= size()
  std::string_view operator[](uint32_t number) const {
    return text_.substr(starts_[number - 1], starts_[number] - starts_[number - 1] - 1);
  }
  // The whole text, and the number of the line that byte `offset` of it is in.
  std::string_view text() const { return text_; }
  uint32_t LineAt(size_t offset) const {
    return static_cast<uint32_t>(
        std::upper_bound(starts_.begin(), starts_.end(), static_cast<uint32_t>(offset)) -
        starts_.begin());
  }
  // `s` as a text of the model: a view of the backing where there is one.
  Text Keep(std::string_view s) const { return backing_ ? backing_->Keep(s) : Text(s); }
  // `s` as a text that may yet be dropped: a view where the backing holds it, else owned.
  Text ViewOrOwn(std::string_view s) const { return backing_ ? backing_->ViewOrOwn(s) : Text(s); }

 private:
  std::string_view text_;
  TextBacking* backing_ = nullptr;
  // Where each line starts, then one past the end of the last line's LF (whether or not the
  // text has it): four bytes a line rather than a sixteen-byte view.
  std::vector<uint32_t> starts_;
};

}  // namespace yusuan
