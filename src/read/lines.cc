#include "read/lines.h"

namespace yusuan {

Lines::Lines(std::string_view text) {
  lines_.reserve(text.size() / 40 + 1);
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    lines_.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
}

}  // namespace yusuan
