#include "check/prose.h"

#include <bit>
#include <cstring>

#include "base/text.h"

namespace yusuan {
namespace {

constexpr char kYuBytes[] = "与", kDengBytes[] = "等";

#ifdef __SSE2__
__m128i Load(const char* p) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p)); }
__m128i Eq(__m128i v, char c) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(c)); }
__m128i StartsPunctuation16(__m128i v) { return Eq(v, ',') | Eq(v, '\xE3') | Eq(v, '\xEF'); }

// The positions of the block at `p` where a punctuation pair starts: ',' followed by such a
// byte, or a three-byte character led by E3 or EF followed by one. Reads p[0..18].
unsigned PunctuationPairs(const char* p, __m128i v) {
  const __m128i pairs = (Eq(v, ',') & StartsPunctuation16(Load(p + 1))) |
                        ((Eq(v, '\xE3') | Eq(v, '\xEF')) & StartsPunctuation16(Load(p + 3)));
  return unsigned(_mm_movemask_epi8(pairs));
}

// The positions where the three bytes of `ch` start, given the block and the blocks one and
// two positions on.
__m128i CharacterIn(const char (&ch)[4], __m128i v, __m128i next, __m128i third) {
  return Eq(v, ch[0]) & Eq(next, ch[1]) & Eq(third, ch[2]);
}

// The marks of the blocks at `p`, sixteen positions each, for at least `count` positions (the
// bytes up to 18 past each position readable: the text, or a copy padded with zero bytes, which
// start nothing any mark looks for, so that the positions past the text in the last block mark
// nothing). Once a pair and a bracket are found, only the two characters are looked for.
uint8_t MarkBlocks(const char* p, size_t count) {
  unsigned pairs = 0, brackets = 0, yu = 0, deng = 0;
  size_t i = 0;
  for (; i < count; i += 16) {
    const __m128i v = Load(p + i), next = Load(p + i + 1), third = Load(p + i + 2);
    pairs |= PunctuationPairs(p + i, v);
    brackets |= unsigned(_mm_movemask_epi8(detail::BracketCandidates(v, third)));
    yu |= unsigned(_mm_movemask_epi8(CharacterIn(kYuBytes, v, next, third)));
    deng |= unsigned(_mm_movemask_epi8(CharacterIn(kDengBytes, v, next, third)));
    if (pairs != 0 && brackets != 0) {
      i += 16;
      break;
    }
  }
  for (; i < count && (yu == 0 || deng == 0); i += 16) {
    const __m128i v = Load(p + i), next = Load(p + i + 1), third = Load(p + i + 2);
    yu |= unsigned(_mm_movemask_epi8(CharacterIn(kYuBytes, v, next, third)));
    deng |= unsigned(_mm_movemask_epi8(CharacterIn(kDengBytes, v, next, third)));
  }
  return static_cast<uint8_t>((pairs ? kPunctuationPair : 0) | (brackets ? kBracket : 0) |
                              (yu ? kYu : 0) | (deng ? kDeng : 0));
}
#endif

}  // namespace

size_t FindPunctuationPair(std::string_view s, size_t from) {
  size_t i = from;
#ifdef __SSE2__
  // Sixteen positions a step: a stop at every punctuation mark instead was a branch the
  // processor could not predict.
  for (; i + 19 <= s.size(); i += 16) {
    if (const unsigned mask = PunctuationPairs(s.data() + i, Load(s.data() + i))) {
      return i + static_cast<size_t>(std::countr_zero(mask));
    }
  }
#endif
  for (; i < s.size(); ++i) {
    if (!StartsPunctuation(s[i])) continue;
    const size_t next = i + (s[i] == ',' ? 1 : 3);
    if (next < s.size() && StartsPunctuation(s[next])) return i;
  }
  return std::string_view::npos;
}

uint8_t MarksOf(std::string_view text) {
#ifdef __SSE2__
  // The blocks whose nineteen bytes lie in the text, then the rest (most texts: names and
  // values shorter than one block) from a copy padded with zero bytes.
  const size_t whole = text.size() >= 19 ? (text.size() - 19) / 16 * 16 + 16 : 0;
  uint8_t marks = whole > 0 ? MarkBlocks(text.data(), whole) : 0;
  if (whole < text.size()) {
    char padded[64] = {};
    const size_t rest = text.size() - whole;  // at most 18
    std::memcpy(padded, text.data() + whole, rest);
    marks |= MarkBlocks(padded, rest);
  }
  return marks;
#else
  return static_cast<uint8_t>(
      (FindPunctuationPair(text, 0) != std::string_view::npos ? kPunctuationPair : 0) |
      (FindBracketCandidate(text, 0) != std::string_view::npos ? kBracket : 0) |
      (Contains(text, kYuBytes) ? kYu : 0) | (Contains(text, kDengBytes) ? kDeng : 0));
#endif
}

std::vector<uint8_t> ReadProseMarks(const Document& doc) {
  size_t count = 0;
  ForProse(doc, [&](const Prose&) { ++count; });
  std::vector<uint8_t> marks;
  marks.reserve(count);
  ForProse(doc, [&](const Prose& t) { marks.push_back(MarksOf(t.text)); });
  return marks;
}

}  // namespace yusuan
