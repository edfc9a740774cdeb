#include "read/lines.h"

namespace yusuan {

Lines::Lines(std::string_view text, TextBacking* backing) : text_(text), backing_(backing) {
  // Decoded text is at most kMaxInputBytes (512 MB): offsets fit in 32 bits.
  starts_.reserve(text.size() / 32 + 2);
  size_t start = 0;
  while (start < text.size()) {
    starts_.push_back(static_cast<uint32_t>(start));
    size_t nl = text.find('\n', start);
    start = nl == std::string_view::npos ? text.size() + 1 : nl + 1;
  }
  starts_.push_back(static_cast<uint32_t>(start));
}

}  // namespace yusuan
