#include "read/lines.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <bit>

namespace yusuan {

Lines::Lines(std::string_view text, TextBacking* backing) : text_(text), backing_(backing) {
  // Decoded text is at most kMaxInputBytes (512 MB): offsets fit in 32 bits.
  starts_.reserve(text.size() / 32 + 2);
  uint32_t start = 0;
  auto line_end = [&](size_t nl) {
    starts_.push_back(start);
    start = static_cast<uint32_t>(nl + 1);
  };
  // Every line end of a sixteen-byte block from one comparison, not a search per line: most
  // lines are short (a cell a line in raw PDF text), where a memchr call costs more than the
  // line.
  size_t i = 0;
#ifdef __SSE2__
  const __m128i lf = _mm_set1_epi8('\n');
  for (; i + 16 <= text.size(); i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
    for (unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, lf))); mask != 0;
         mask &= mask - 1) {
      line_end(i + static_cast<size_t>(std::countr_zero(mask)));
    }
  }
#endif
  for (; i < text.size(); ++i) {
    if (text[i] == '\n') line_end(i);
  }
  // A last line without a line end; the end of the text is one past it.
  if (start < text.size()) line_end(text.size());
  starts_.push_back(start);
}

}  // namespace yusuan
