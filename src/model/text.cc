#include "model/text.h"

#include <algorithm>
#include <functional>

namespace yusuan {

bool TextBacking::Contains(std::string_view s) const {
  // std::less gives a total order over pointers into different objects.
  const std::less<const char*> before;
  return !before(s.data(), text_.data()) &&
         !before(text_.data() + text_.size(), s.data() + s.size());
}

Text TextBacking::Keep(std::string_view s) {
  if (s.empty()) return Text();
  if (Contains(s)) return Text::View(s);
  if (s.size() > free_) {
    // Blocks grow with the document (4 KB for a one-page file, up to 64 KB): a few blocks hold
    // a large document's changed texts, and a small one does not pay for a large block.
    const size_t block = std::max(block_size_, s.size());
    blocks_.push_back(std::make_unique_for_overwrite<char[]>(block));
    next_ = blocks_.back().get();
    free_ = block;
    block_size_ = std::min<size_t>(block_size_ * 2, 64 * 1024);
  }
  std::memcpy(next_, s.data(), s.size());
  Text kept = Text::View(std::string_view(next_, s.size()));
  next_ += s.size();
  free_ -= s.size();
  kept_bytes_ += s.size();
  return kept;
}

}  // namespace yusuan
