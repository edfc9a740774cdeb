// UTF-8 text helpers shared by the readers: normalisation of width and stray spaces,
// tab splitting, markup stripping, Chinese ordinals. All take and return UTF-8.
#pragma once

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace yusuan {

// Decodes the code point at `*pos` and advances `*pos`; invalid bytes yield U+FFFD, one byte each.
char32_t NextCodePoint(std::string_view s, size_t* pos);
void AppendUtf8(char32_t cp, std::string* out);
bool IsValidUtf8(std::string_view s);

// CJK ideographs and CJK/full-width punctuation: the characters between which a space is a
// layout accident ("财政专户管理 资金") rather than a word break.
bool IsCjk(char32_t cp);

// The three bytes of a CJK character, as one number, for comparing characters in one step.
// REQUIRES: c.size() >= 3.
constexpr uint32_t Char3(std::string_view c) {
  return (uint32_t{static_cast<unsigned char>(c[0])} << 16) |
         (uint32_t{static_cast<unsigned char>(c[1])} << 8) | static_cast<unsigned char>(c[2]);
}

// Trim without the check for the common case (no white space at either end).
std::string_view TrimSpaces(std::string_view s);
// Trims ASCII whitespace, U+3000, U+00A0 and a UTF-8 BOM from both ends.
inline std::string_view Trim(std::string_view s) {
  // White space starts with one of these bytes (' ', tab, CR, LF; C2 A0; E3 80 80; EF BB BF)
  // and ends with one of the others: a text whose ends are neither is its own trim. One table
  // lookup per end (Trim runs on nearly every cell and line).
  static constexpr auto kEnds = [] {
    std::array<uint8_t, 256> ends{};
    for (unsigned char c : {' ', '\t', '\r', '\n', '\xC2', '\xE3', '\xEF'}) ends[c] |= 1;
    for (unsigned char c : {' ', '\t', '\r', '\n', '\xA0', '\x80', '\xBF'}) ends[c] |= 2;
    return ends;
  }();
  if (s.empty() || ((kEnds[static_cast<unsigned char>(s.front())] & 1) |
                    (kEnds[static_cast<unsigned char>(s.back())] & 2)) == 0) {
    return s;
  }
  return TrimSpaces(s);
}

// The cell text as a reviewer would write it: trimmed, runs of white space collapsed to one
// space, spaces that split CJK text removed. Punctuation and width are left as printed.
std::string CleanCell(std::string_view s);
// What a cell needs before use, from one pass over it: whether CleanCell would change it
// (white space in it), and where the first character that MatchKey changes starts (npos for
// none). REQUIRES: `s` is valid UTF-8 (all decoded text is), so it is not checked again.
struct CellShape {
  bool needs_clean = false;
  size_t first_fold = std::string_view::npos;
};
CellShape ShapeOfValidCell(std::string_view s);
// CleanCell(s) without a copy when the trimmed cell needs no cleaning (most cells): a view of
// `s`, else of `*storage`. REQUIRES as ShapeOfValidCell.
std::string_view CleanValidCellView(std::string_view s, std::string* storage);
// CleanCell(s) into `*folded` for a trimmed `s` that ShapeOfValidCell found to need cleaning:
// its white space folded, nothing checked again. REQUIRES: `s` valid UTF-8 and trimmed.
void FoldCellSpaces(std::string_view s, std::string* folded);

// A key for comparing names: CleanCell, then full-width ASCII folded to half-width, all white
// space removed, Chinese brackets and quotes folded to one form.
std::string MatchKey(std::string_view s);
// MatchKey(s) appended to `*out`: callers that key many strings reuse one buffer.
void AppendMatchKey(std::string_view s, std::string* out);
// MatchKey(s) without a copy when the key is `s` itself (most Chinese text); otherwise the key
// is built in `*storage`. The view lives as long as `s` and `*storage` are unchanged.
std::string_view MatchKeyView(std::string_view s, std::string* storage);
// MatchKey(s) == key, and MatchKey(a) == MatchKey(b), without building the keys when no
// character folds (the rules compare thousands of names this way).
bool KeyIs(std::string_view s, std::string_view key);
bool SameKey(std::string_view a, std::string_view b);

// A lower bound on the number of characters in MatchKey(s), from one cheap pass (ASCII other
// than white space, ideographs and four-byte characters are always kept), counted up to
// limit + 1: lets a caller that wants only short keys skip building the keys of long lines.
size_t KeptCharacters(std::string_view s, size_t limit);
// The ideographs (U+4E00-9FFF, leads E4-E9) in `s`, counted up to limit + 1. MatchKey keeps every
// one: a text with more ideographs than a name cannot have that name as its key.
size_t Ideographs(std::string_view s, size_t limit);

// Removes Markdown-ish markup a converter leaves: leading '#'s, <b>, </b>, <p>, </p>, "**".
std::string StripMarkup(std::string_view line);
// StripMarkup(line) without a copy when the line has no markup (most lines): a view of the
// trimmed line, else of `*storage`.
std::string_view StripMarkupView(std::string_view line, std::string* storage);

// Value of a Chinese numeral from 一 to 九十九 ("二十一" -> 21); 0 when `s` is not one.
int ChineseNumber(std::string_view s);
// Whether `s` starts with a Chinese numeral (零 to 十), as every number ChineseNumber reads does.
bool StartsWithChineseNumeral(std::string_view s);

// s == lit, s.starts_with(lit) and s.ends_with(lit) for a string literal. Its length is known
// when compiling, so the comparison is written out in place; std::string_view's own operators
// call memcmp, which costs more than the comparison on every cell and sentence position.
template <size_t N>
inline bool Equals(std::string_view s, const char (&lit)[N]) {
  static_assert(N > 1, "a non-empty literal");
  return s.size() == N - 1 && std::memcmp(s.data(), lit, N - 1) == 0;
}
template <size_t N>
inline bool StartsWith(std::string_view s, const char (&lit)[N]) {
  static_assert(N > 1, "a non-empty literal");
  return s.size() >= N - 1 && std::memcmp(s.data(), lit, N - 1) == 0;
}
template <size_t N>
inline bool EndsWith(std::string_view s, const char (&lit)[N]) {
  static_assert(N > 1, "a non-empty literal");
  return s.size() >= N - 1 && std::memcmp(s.data() + (s.size() - (N - 1)), lit, N - 1) == 0;
}

// A line holding nothing but a page number set in from the margin ("          5"), as
// `pdftotext -layout` prints one under each page: one to four digits after two spaces or more.
// (A number at the margin may be a cell of its own line.)
bool IsSetInPageNumber(std::string_view line);
// A leading ordinal: how it is written, its number, and where the text after it begins.
struct Ordinal {
  enum class Style : uint8_t {
    kNone,
    kNumeral,           // "十一、", "一.", "一．"
    kDigits,            // "11、", "11.", "11．"
    kBracketedNumeral,  // "（十一）", "(十一)"
    kBracketedDigits,   // "（11）", "(11)"
    kCircled,           // "①" .. "⑳"
  };
  Style style = Style::kNone;
  int number = 0;
  size_t end = 0;  // in the trimmed text
};
// The ordinal `trimmed` starts with (Style::kNone when none).
Ordinal OrdinalOf(std::string_view trimmed);
// Strips a leading ordinal like "二十一、", "(三)", "（三）", "1、", "1.", "一．", "①" and returns
// the rest.
std::string_view StripOrdinal(std::string_view s);
// Where the text after a leading numbered mark begins: a Chinese numeral (or, with `digits`,
// ASCII digits) and "、", "." or "．" ("十一、", "一.", "3．"; not "1.5万元"); 0 when there is
// none. `t` is trimmed.
size_t NumberedMarkEnd(std::string_view t, bool digits);
// Whether trimmed text starts with a character an ordinal can start with (a digit, a bracket,
// a circled number, a Chinese numeral): StripOrdinal leaves any other text as it is.
bool MayStartOrdinal(std::string_view trimmed);

// s.find(part), faster on Chinese text: the first occurrence of `part` in `s`, or npos.
size_t FindText(std::string_view s, std::string_view part);
bool Contains(std::string_view s, std::string_view part);

namespace detail {
#ifdef __SSE2__
// Marks the bytes of `v` from `lo` to `hi` (unsigned, inclusive; hi - lo < 128): shifted so that
// the range starts at -128, one signed comparison decides it.
inline __m128i BytesInRange(__m128i v, unsigned char lo, unsigned char hi) {
  const __m128i shifted = _mm_add_epi8(v, _mm_set1_epi8(static_cast<char>(0x80 - lo)));
  return _mm_cmplt_epi8(shifted, _mm_set1_epi8(static_cast<char>(0x80 + (hi - lo) + 1)));
}

// The positions of `v` where FindBracketCandidate stops, `third` the bytes two positions on.
inline __m128i BracketCandidates(__m128i v, __m128i third) {
  auto eq = [](__m128i x, unsigned char c) { return _mm_cmpeq_epi8(x, _mm_set1_epi8(char(c))); };
  const __m128i ascii = eq(v, '(') | eq(v, ')') | eq(v, '[') | eq(v, ']');
  const __m128i lead = eq(v, 0xE2) | eq(v, 0xE3) | eq(v, 0xEF);
  const __m128i bracket_third = BytesInRange(third, 0x88, 0x8B) | BytesInRange(third, 0x90, 0x91) |
                                BytesInRange(third, 0x94, 0x95) | BytesInRange(third, 0x9C, 0x9D) |
                                eq(third, 0xBB) | eq(third, 0xBD);
  return ascii | (lead & bracket_third);
}
#endif

// The first position at or after `from` that `hits(at)` marks (bit k: position at + k) in the
// blocks of sixteen positions from `from`, then in one more block that ends with the text
// (its positions already seen shifted out), or npos. REQUIRES: from + 16 <= size. Inlined
// into each search, as the loop was before it was shared (called, it cost 0.6% more
// instructions over the samples).
template <typename Hits>
[[gnu::always_inline]] inline size_t FirstMarkedInBlocks(size_t size, size_t from, Hits hits) {
  size_t i = from;
  for (; i + 16 <= size; i += 16) {
    if (const unsigned mask = hits(i)) return i + std::countr_zero(mask);
  }
  const size_t last = size - 16;
  const unsigned mask = hits(last) >> (i - last);
  return mask ? i + std::countr_zero(mask) : std::string_view::npos;
}

// The first position at or after `from` whose byte satisfies `test`, sixteen bytes a step:
// `block(v)` marks the matching bytes of a 16-byte vector, `test(c)` decides one byte.
template <typename Block, typename Test>
size_t FindByte(std::string_view s, size_t from, Block block, Test test) {
  size_t i = from;
#ifdef __SSE2__
  if (i + 16 <= s.size()) {
    return FirstMarkedInBlocks(s.size(), i, [&](size_t at) {
      return unsigned(_mm_movemask_epi8(
          block(_mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + at)))));
    });
  }
  // Fewer than sixteen bytes (most cells and values): two overlapping loads of eight bytes, or
  // of four, into the low end of a vector; matches among the zero bytes above are masked off.
  auto small_hits = [&](size_t at, size_t width) {
    __m128i v;
    if (width == 8) {
      int64_t x;
      std::memcpy(&x, s.data() + at, 8);
      v = _mm_cvtsi64_si128(x);
    } else {
      int32_t x;
      std::memcpy(&x, s.data() + at, 4);
      v = _mm_cvtsi32_si128(x);
    }
    return unsigned(_mm_movemask_epi8(block(v))) & ((1u << width) - 1);
  };
  for (size_t width : {size_t{8}, size_t{4}}) {
    if (i + width > s.size()) continue;
    if (const unsigned mask = small_hits(i, width)) return i + std::countr_zero(mask);
    const size_t last = s.size() - width;  // the rest, in a load that ends with the text
    const unsigned mask = small_hits(last, width) >> (i + width - last);
    return mask ? i + width + std::countr_zero(mask) : std::string_view::npos;
  }
#endif
  for (; i < s.size(); ++i) {
    if (test(s[i])) return i;
  }
  return std::string_view::npos;
}

// The first position i at or after `from` (at least 1) where the bytes s[i - 1], s[i] make a
// wanted pair, sixteen positions a step: `block(prev, v)` marks them in two vectors loaded one
// byte apart, `test(prev, c)` decides one position. Looking for the last two bytes of a
// character, not its last byte alone, stops far less often on Chinese text, whose last bytes
// repeat every few characters: each stop was a branch the processor could not predict.
template <typename Block, typename Test>
size_t FindBytePair(std::string_view s, size_t from, Block block, Test test) {
  size_t i = from;
#ifdef __SSE2__
  if (i + 16 <= s.size()) {
    return FirstMarkedInBlocks(s.size(), i, [&](size_t at) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + at));
      const __m128i prev = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + at - 1));
      return unsigned(_mm_movemask_epi8(block(prev, v)));
    });
  }
#endif
  for (; i < s.size(); ++i) {
    if (test(s[i - 1], s[i])) return i;
  }
  return std::string_view::npos;
}

// Whether a byte can start a character MatchKey changes: white space or another control, an
// apostrophe, or the lead C2, E2, E3 or EF. None of them is ever a continuation byte, so the
// text between two of them (ideographs, most ASCII) needs no folding.
inline bool IsFoldStart(char ch) {
  const auto c = static_cast<unsigned char>(ch);
  return c <= ' ' || c == '\'' || c == 0xC2 || c == 0xE2 || c == 0xE3 || c == 0xEF;
}
#ifdef __SSE2__
// IsFoldStart for sixteen bytes.
inline __m128i FoldStarts(__m128i v) {
  // Signed bytes: 0 <= c <= ' ' is a control or a space.
  __m128i may = _mm_and_si128(_mm_cmpgt_epi8(_mm_set1_epi8(' ' + 1), v),
                              _mm_cmpgt_epi8(v, _mm_set1_epi8(-1)));
  may = _mm_or_si128(may, _mm_cmpeq_epi8(v, _mm_set1_epi8('\'')));
  may = _mm_or_si128(may, _mm_cmpeq_epi8(v, _mm_set1_epi8('\xC2')));
  may = _mm_or_si128(may, _mm_cmpeq_epi8(_mm_and_si128(v, _mm_set1_epi8('\xFE')),
                                         _mm_set1_epi8('\xE2')));  // E2, E3
  return _mm_or_si128(may, _mm_cmpeq_epi8(v, _mm_set1_epi8('\xEF')));
}
#endif
}  // namespace detail

// The tab-separated cells of a line, in order: on_cell(raw, plain) for each, the cell as
// printed (a view into `line`) and whether it is plain: none of its bytes is white space or
// starts a character MatchKey changes, so the cell is its own Trim, CleanCell and MatchKey
// (ShapeOfValidCell would find nothing to clean and no fold). Most cells of a table are plain
// and need no further look; the line is read once, sixteen bytes a step.
template <typename OnCell>
void ForEachCell(std::string_view line, OnCell on_cell) {
  // Every tab is also a fold start (a control): a cell is plain when no fold start other than
  // the tabs around it lies inside it.
  size_t start = 0;
  bool plain = true;
  // Takes the bits of one stretch of the line at `at`: `tabs` and `folds` (tabs included).
  auto take = [&](size_t at, unsigned tabs, unsigned folds) {
    folds &= ~tabs;
    for (; tabs != 0; tabs &= tabs - 1) {
      const unsigned k = static_cast<unsigned>(std::countr_zero(tabs));
      const unsigned before = (1u << k) - 1;  // the lanes of this stretch before the tab
      on_cell(line.substr(start, at + k - start), plain && (folds & before) == 0);
      start = at + k + 1;
      plain = true;
      folds &= ~(before | (1u << k));
    }
    plain = plain && folds == 0;
  };
  size_t i = 0;
#ifdef __SSE2__
  if (line.size() >= 16) {
    auto block = [&](size_t at, unsigned shift) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(line.data() + at));
      const unsigned tabs =
          unsigned(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('\t')))) >> shift;
      // A cell already known not to be plain, going on past these bytes: nothing to learn.
      if (tabs == 0 && !plain) return;
      take(at + shift, tabs, unsigned(_mm_movemask_epi8(detail::FoldStarts(v))) >> shift);
    };
    for (; i + 16 <= line.size(); i += 16) block(i, 0);
    // The last bytes in one more block that ends with the line, its lanes already seen
    // shifted out.
    if (i < line.size()) block(line.size() - 16, static_cast<unsigned>(i - (line.size() - 16)));
    on_cell(line.substr(start), plain);
    return;
  }
#endif
  // A short line (or any line without SSE2) byte by byte, in stretches of sixteen.
  for (; i < line.size(); i += 16) {
    unsigned tabs = 0, folds = 0;
    for (size_t k = 0; k < 16 && i + k < line.size(); ++k) {
      tabs |= unsigned(line[i + k] == '\t') << k;
      folds |= unsigned(detail::IsFoldStart(line[i + k])) << k;
    }
    take(i, tabs, folds);
  }
  on_cell(line.substr(start), plain);
}

// Finds the bytes of a small set in text, sixteen bytes a step. In valid UTF-8 an ASCII byte or
// a lead byte starts a character wherever it occurs, so rules that look for a few punctuation
// marks jump from one candidate to the next with this.
//
//   using Brackets = ByteSet<'(', ')'>;
//   for (size_t i = Brackets::FindIn(s, 0); i != npos; i = Brackets::FindIn(s, i + 1)) …
template <char... kBytes>
struct ByteSet {
  static constexpr bool contains(char c) { return ((c == kBytes) || ...); }
  // The first position at or after `from` whose byte is in the set, or npos.
  static size_t FindIn(std::string_view s, size_t from) {
    return detail::FindByte(
        s, from,
#ifdef __SSE2__
        [](__m128i v) { return (_mm_cmpeq_epi8(v, _mm_set1_epi8(kBytes)) | ...); },
#else
        nullptr,
#endif
        contains);
  }
};

// Finds where a pair of bytes of a small set ends, sixteen positions a step: the pairs are
// given one after the other. For a few Chinese characters, their last two bytes: in valid
// UTF-8 the pair (second, third byte) of a three-byte character stands for it, but for the
// lead byte, which the caller checks at i - 2.
//
//   using DateEnds = BytePairSet<'\xB9', '\xB4', '\x9C', '\x88'>;  // 年 E5 B9 B4, 月 E6 9C 88
//   for (size_t i = DateEnds::FindIn(s, 2); i != npos; i = DateEnds::FindIn(s, i + 1)) …
template <char... kBytes>
struct BytePairSet {
  static_assert(sizeof...(kBytes) % 2 == 0, "pairs of bytes");
  static constexpr char kPairs[sizeof...(kBytes)] = {kBytes...};
  static constexpr bool contains(char prev, char c) {
    for (size_t k = 0; k < sizeof...(kBytes); k += 2) {
      if (prev == kPairs[k] && c == kPairs[k + 1]) return true;
    }
    return false;
  }
#ifdef __SSE2__
  // The lanes of `v` that end a pair, `prev` holding the byte before each lane.
  static __m128i Marks(__m128i prev, __m128i v) {
    __m128i marks = _mm_setzero_si128();
    for (size_t k = 0; k < sizeof...(kBytes); k += 2) {
      marks = _mm_or_si128(marks, _mm_and_si128(_mm_cmpeq_epi8(prev, _mm_set1_epi8(kPairs[k])),
                                                _mm_cmpeq_epi8(v, _mm_set1_epi8(kPairs[k + 1]))));
    }
    return marks;
  }
#endif
  // The first position at or after `from` (at least 1) where a pair ends, or npos.
  static size_t FindIn(std::string_view s, size_t from) {
    return detail::FindBytePair(
        s, from,
#ifdef __SSE2__
        [](__m128i prev, __m128i v) { return Marks(prev, v); },
#else
        nullptr,
#endif
        contains);
  }
};

// Finds the bytes from kLow to kHigh (unsigned, inclusive) in text, sixteen bytes a step: the
// ASCII digits are ByteRange<'0', '9'>.
template <unsigned char kLow, unsigned char kHigh>
struct ByteRange {
  static_assert(kLow <= kHigh && kHigh - kLow < 128);  // the signed comparison below
  static constexpr bool contains(char c) {
    return static_cast<unsigned char>(static_cast<unsigned char>(c) - kLow) <= kHigh - kLow;
  }
  static size_t FindIn(std::string_view s, size_t from) {
    return detail::FindByte(
        s, from,
#ifdef __SSE2__
        [](__m128i v) { return detail::BytesInRange(v, kLow, kHigh); },
#else
        nullptr,
#endif
        contains);
  }
};

// Two to six ideographs (U+4E00-9FFF) written twice in a row ("保障保障"): the first such run
// from the start of `s`, shortest first at a position. `s` must be valid UTF-8.
struct DoubledRun {
  size_t at = std::string_view::npos;  // byte offset of the first copy; npos when none
  size_t size = 0;                     // bytes in one copy
};
DoubledRun FindDoubledRun(std::string_view s);

// The first position at or after `from` where a bracket, a quote or a 书名号 may start ( ) [ ]
// or one led by E2, E3 or EF: “ ” 《 》 （ ） 【 】 〔 〕 ［ ］), or U+FFFD: every one of them, and
// few other places. The lead byte alone stops at every "，" and "。"; the third byte tells most
// of those apart, sixteen positions at once.
size_t FindBracketCandidate(std::string_view s, size_t from);

// Number of code points (characters) in UTF-8 text.
size_t CodePoints(std::string_view s);
// The character (whole UTF-8 sequence) that ends at byte `end` (exclusive); empty at 0.
inline std::string_view CharBefore(std::string_view s, size_t end) {
  if (end == 0) return {};
  size_t start = end - 1;
  while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
  return s.substr(start, end - start);
}

// Whether s[i, i + 3) is a full-width digit (０-９: EF BC 90-99 in UTF-8).
inline bool FullWidthDigitAt(std::string_view s, size_t i) {
  return i + 3 <= s.size() && s[i] == '\xEF' && s[i + 1] == '\xBC' &&
         static_cast<unsigned char>(s[i + 2]) >= 0x90 &&
         static_cast<unsigned char>(s[i + 2]) <= 0x99;
}

// Full-width digits, percent and dot (０-９, ％, ．) as half-width, and "，" between thousands
// ("5，838.20", a digit before and exactly three after) as ",", for parsing numbers typed in
// full-width: `text` itself when there is none, else a view of `*storage`.
std::string_view FoldDigits(std::string_view text, std::string* storage);

// `text` without the spaces (ASCII or U+3000) between a figure and what is read with it (the
// Chinese around it, a percent sign) and around an operator of arithmetic (*, =, ×, ＝):
// "增加 1770.29 万元" is "增加1770.29万元", "100人 × 990元 = 99000元" is "100人×990元=99000元".
// Spaces between two figures stay ("100 200" may be two), as do those in Latin text. Returns
// `text` itself when nothing is dropped, else a view of `*storage`.
std::string_view DropSpacesAroundFigures(std::string_view text, std::string* storage);

// Prose as its figures are read: FoldDigits, then DropSpacesAroundFigures ("增加 １，７７０．２９
// 万元" is "增加1,770.29万元"). `text` itself when neither changes it, else a view of one of
// the storages.
inline std::string_view FiguresReadable(std::string_view text, std::string* folded,
                                        std::string* unspaced) {
  return DropSpacesAroundFigures(FoldDigits(text, folded), unspaced);
}

// True when `s` is one or more ASCII digits and nothing else.
bool IsAsciiDigits(std::string_view s);

// Parses a plain decimal count or measure ("300", "1,250.5") into hundredths, exactly;
// digits beyond the second decimal are dropped. False when `s` is not such a number.
bool ParseHundredths(std::string_view s, int64_t* out);

}  // namespace yusuan
