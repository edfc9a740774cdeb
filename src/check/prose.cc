#include "check/prose.h"

#include <bit>
#include <cstring>

#include "base/text.h"

namespace yusuan {
namespace {

constexpr char kYu[] = "与", kDeng[] = "等";

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

// All of a text's marks from the blocks at `p`, sixteen positions each, for at least `count`
// positions (the bytes up to 18 past each position readable: the text, or a copy padded with
// zero bytes, which start nothing any mark looks for, so that the positions past the text in
// the last block mark nothing). `offset` is the first position's place in the text. Most
// blocks hold no mark: one branch passes over them. Once the first pair and bracket are
// known, only the markers are looked for, and not even those once both are found.
void MarkBlocks(const char* p, size_t count, size_t offset, Prose* out) {
  size_t i = 0;
  for (; i < count; i += 16) {
    const __m128i v = Load(p + i), next = Load(p + i + 1), third = Load(p + i + 2);
    const unsigned pairs = PunctuationPairs(p + i, v);
    const unsigned brackets = unsigned(_mm_movemask_epi8(detail::BracketCandidates(v, third)));
    const unsigned yu = unsigned(_mm_movemask_epi8(CharacterIn(kYu, v, next, third)));
    const unsigned deng = unsigned(_mm_movemask_epi8(CharacterIn(kDeng, v, next, third)));
    if ((pairs | brackets | yu | deng) == 0) continue;
    if (pairs && out->punctuation_pair == Prose::kNone) {
      out->punctuation_pair = static_cast<uint32_t>(offset + i + std::countr_zero(pairs));
    }
    if (brackets && out->bracket == Prose::kNone) {
      out->bracket = static_cast<uint32_t>(offset + i + std::countr_zero(brackets));
    }
    out->markers |= (yu ? Prose::kYu : 0) | (deng ? Prose::kDeng : 0);
    if (out->punctuation_pair != Prose::kNone && out->bracket != Prose::kNone) {
      i += 16;
      break;
    }
  }
  for (; i < count && out->markers != (Prose::kYu | Prose::kDeng); i += 16) {
    const __m128i v = Load(p + i), next = Load(p + i + 1), third = Load(p + i + 2);
    const unsigned yu = unsigned(_mm_movemask_epi8(CharacterIn(kYu, v, next, third)));
    const unsigned deng = unsigned(_mm_movemask_epi8(CharacterIn(kDeng, v, next, third)));
    out->markers |= (yu ? Prose::kYu : 0) | (deng ? Prose::kDeng : 0);
  }
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

Prose MarksOf(std::string_view text) {
  Prose out;
  out.text = text;
#ifdef __SSE2__
  // The blocks whose nineteen bytes lie in the text, then the rest (most texts: names and
  // values shorter than one block) from a copy padded with zero bytes.
  size_t whole = text.size() >= 19 ? (text.size() - 19) / 16 * 16 + 16 : 0;
  if (whole > 0) MarkBlocks(text.data(), whole, 0, &out);
  if (whole < text.size()) {
    char padded[64] = {};
    const size_t rest = text.size() - whole;  // at most 18
    std::memcpy(padded, text.data() + whole, rest);
    MarkBlocks(padded, rest, whole, &out);
  }
#else
  const size_t pair = FindPunctuationPair(text, 0), bracket = FindBracketCandidate(text, 0);
  if (pair != std::string_view::npos) out.punctuation_pair = static_cast<uint32_t>(pair);
  if (bracket != std::string_view::npos) out.bracket = static_cast<uint32_t>(bracket);
  if (Contains(text, kYu)) out.markers |= Prose::kYu;
  if (Contains(text, kDeng)) out.markers |= Prose::kDeng;
#endif
  return out;
}

std::vector<Prose> ReadProse(const Document& doc) {
  std::vector<Prose> prose;
  auto add = [&](std::string_view text, uint32_t line) {
    Prose p = MarksOf(text);
    p.line = line;
    prose.push_back(p);
  };
  auto item = [&](const TextItem& t) { add(t.text, t.at.line); };
  for (const TextItem& t : doc.overview.duties) item(t);
  for (const Section& s : doc.narrative) {
    item(s.heading);
    for (const TextItem& p : s.paragraphs) item(p);
  }
  for (const TargetTable& t : doc.targets) {
    for (const TextItem* i :
         {&t.overview, &t.basis, &t.necessity, &t.measures, &t.plan, &t.goals[0], &t.goals[1]}) {
      item(*i);
    }
    for (int side : {kImplementation, kAnnual}) {
      for (const Indicator& i : t.indicators[side]) {
        add(i.name, i.at.line);
        add(i.value.raw, i.value_at.line);
      }
    }
  }
  return prose;
}

}  // namespace yusuan
