#include "base/text.h"

#include <simdjson.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>

namespace yusuan {

char32_t NextCodePoint(std::string_view s, size_t* pos) {
  size_t i = *pos;
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i);
  if (c < 0x80) {
    *pos = i + 1;
    return c;
  }
  int len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
  if (len == 0 || i + len > s.size()) {
    *pos = i + 1;
    return 0xFFFD;
  }
  char32_t cp = c & (0x7F >> len);
  for (int k = 1; k < len; ++k) {
    unsigned char cc = byte(i + k);
    if ((cc & 0xC0) != 0x80) {
      *pos = i + 1;
      return 0xFFFD;
    }
    cp = (cp << 6) | (cc & 0x3F);
  }
  static constexpr std::array<char32_t, 5> kMin = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    *pos = i + 1;
    return 0xFFFD;
  }
  *pos = i + len;
  return cp;
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

namespace {

// The length of the well-formed UTF-8 sequence at p (RFC 3629: no overlong forms, no
// surrogates, nothing above U+10FFFF), or 0. REQUIRES: p < end, *p >= 0x80.
inline size_t SequenceAt(const unsigned char* p, const unsigned char* end) {
  const unsigned char c = *p;
  if (c >= 0xE0 && c <= 0xEF) {
    if (end - p < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80) return 0;
    if ((c == 0xE0 && p[1] < 0xA0) || (c == 0xED && p[1] >= 0xA0)) return 0;
    return 3;
  }
  if (c >= 0xC2 && c <= 0xDF) return end - p >= 2 && (p[1] & 0xC0) == 0x80 ? 2 : 0;
  if (c >= 0xF0 && c <= 0xF4) {
    if (end - p < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80) {
      return 0;
    }
    if ((c == 0xF0 && p[1] < 0x90) || (c == 0xF4 && p[1] >= 0x90)) return 0;
    return 4;
  }
  return 0;  // a continuation byte, C0/C1, or F5-FF
}

// True when the three bytes at p are a three-byte sequence from U+1000 to U+CFFF or
// U+E000 to U+FFFF: leads E1-EC and EE-EF need no range check beyond the continuation bits.
// Chinese text is nearly all such sequences, so this is the validator's fast path.
inline bool CommonThreeByte(const unsigned char* p) {
  // Byte 0 in the low bits, whatever the machine's byte order (compiles to one load).
  const uint32_t word = p[0] | (p[1] << 8) | (uint32_t{p[2]} << 16);
  if ((word & 0xC0C0F0) != 0x8080E0) return false;
  return p[0] != 0xE0 && p[0] != 0xED;
}

}  // namespace

bool IsValidUtf8(std::string_view s) {
  // simdjson picks the widest vector unit of the machine at run time: decoding validates every
  // document whole, and a byte-wise validator was 3% of reading and checking.
  return simdjson::validate_utf8(s.data(), s.size());
}

namespace {

bool IsIdeographLead(char c) { return c >= '\xE4' && c <= '\xE9'; }

// The shortest run of two to six ideographs at `at` written twice in a row (0 when none).
// REQUIRES: the byte at `at` leads an ideograph.
size_t DoubledRunAt(std::string_view s, size_t at) {
  // The first character of a run compared in one step (three bytes of a four-byte load;
  // at + len + 4 <= at + 2 * len for every len tried).
  auto char_at = [&](size_t i) {
    uint32_t w;
    std::memcpy(&w, s.data() + i, 4);
    return w;
  };
  constexpr uint32_t kFirstThree =
      std::endian::native == std::endian::little ? 0x00FFFFFF : 0xFFFFFF00;
  const uint32_t first = char_at(at);
  for (size_t len = 6; len <= 18 && at + 2 * len <= s.size(); len += 3) {
    if (((first ^ char_at(at + len)) & kFirstThree) != 0) continue;
    std::string_view a(s.data() + at, len), b(s.data() + at + len, len);
    if (a != b) continue;
    bool ideographs = true;
    for (size_t k = 0; k < len;) {
      const char32_t cp = NextCodePoint(a, &k);
      ideographs = ideographs && cp >= 0x4E00 && cp <= 0x9FFF;
    }
    if (ideographs) return len;
  }
  return 0;
}

}  // namespace

DoubledRun FindDoubledRun(std::string_view s) {
  // A run starts where a character's three bytes recur 6, 9, 12, 15 or 18 bytes later. Sixteen
  // positions are tested for that at once, fourteen kept (the last two lack their third byte's
  // comparison), and only the candidates get the full test.
  size_t i = 0;
#ifdef __SSE2__
  // The candidates among the fourteen positions from `p` (bit k: position k).
  auto candidates_at = [](const char* p) {
    const __m128i here = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    unsigned candidates = 0;
    for (size_t len : {6, 9, 12, 15, 18}) {
      const __m128i there = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + len));
      const unsigned same = unsigned(_mm_movemask_epi8(_mm_cmpeq_epi8(here, there)));
      candidates |= same & (same >> 1) & (same >> 2);
    }
    return candidates & 0x3FFF;
  };
  constexpr size_t kReach = 18 + 16;
  for (; i + kReach <= s.size(); i += 14) {
    for (unsigned c = candidates_at(s.data() + i); c != 0; c &= c - 1) {
      const size_t at = i + std::countr_zero(c);
      if (!IsIdeographLead(s[at])) continue;
      if (const size_t len = DoubledRunAt(s, at)) return DoubledRun{at, len};
    }
  }
  // The rest (most texts are names and values shorter than one step) is tested the same way
  // in a copy padded with zero bytes; a position needs twelve bytes of text after it.
  if (i + 12 <= s.size()) {
    char padded[64] = {};
    const size_t rest = s.size() - i;  // < kReach
    std::memcpy(padded, s.data() + i, rest);
    for (size_t block = 0; block + 12 <= rest; block += 14) {
      for (unsigned c = candidates_at(padded + block); c != 0; c &= c - 1) {
        const size_t at = i + block + std::countr_zero(c);
        if (at + 12 > s.size()) break;
        if (!IsIdeographLead(s[at])) continue;
        if (const size_t len = DoubledRunAt(s, at)) return DoubledRun{at, len};
      }
    }
  }
  return DoubledRun{};
#endif
  // Without SSE2, position by position. Ideographs are three bytes and their lead bytes are
  // never continuation bytes.
  for (; i + 12 <= s.size(); ++i) {
    if (!IsIdeographLead(s[i])) continue;
    if (const size_t len = DoubledRunAt(s, i)) return DoubledRun{i, len};
  }
  return DoubledRun{};
}

bool IsCjk(char32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) ||  // unified ideographs
         (cp >= 0x3400 && cp <= 0x4DBF) ||  // extension A
         (cp >= 0x3000 && cp <= 0x303F) ||  // CJK punctuation
         (cp >= 0xFF00 && cp <= 0xFFEF) ||  // full-width forms
         (cp >= 0x2018 && cp <= 0x201F) ||  // curly quotes
         (cp >= 0x2460 && cp <= 0x24FF) ||  // circled numbers ①
         (cp >= 0x20000 && cp <= 0x2FFFF);  // extensions B+
}

static bool IsSpaceCp(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\n' || cp == 0x3000 || cp == 0xA0 ||
         cp == 0xFEFF;
}

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty()) {
    if (s[0] == ' ' || s[0] == '\t' || s[0] == '\r' || s[0] == '\n') {
      s.remove_prefix(1);
    } else if (s.starts_with("\xE3\x80\x80") || s.starts_with("\xEF\xBB\xBF")) {
      s.remove_prefix(3);
    } else if (s.starts_with("\xC2\xA0")) {
      s.remove_prefix(2);
    } else {
      break;
    }
  }
  while (!s.empty()) {
    char c = s.back();
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      s.remove_suffix(1);
    } else if (s.ends_with("\xE3\x80\x80") || s.ends_with("\xEF\xBB\xBF")) {
      s.remove_suffix(3);
    } else if (s.ends_with("\xC2\xA0")) {
      s.remove_suffix(2);
    } else {
      break;
    }
  }
  return s;
}

namespace {

// The length of the white-space character at s[i] (IsSpaceCp), or 0.
size_t SpaceAt(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c == ' ' || c == '\t' || c == '\r' || c == '\n') return 1;
  if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) return 2;
  if (c == 0xE3 && s.substr(i, 3) == "\xE3\x80\x80") return 3;
  if (c == 0xEF && s.substr(i, 3) == "\xEF\xBB\xBF") return 3;
  return 0;
}

// The code point that ends just before `end` in valid UTF-8.
char32_t CodePointBefore(std::string_view s, size_t end) {
  size_t start = end - 1;
  while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
  return NextCodePoint(s, &start);
}

// CleanCell for any bytes: decodes and re-encodes every character (invalid bytes become
// U+FFFD).
std::string CleanCellSlow(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t pos = 0;
  char32_t prev = 0;  // last non-space code point written
  bool pending_space = false;
  while (pos < s.size()) {
    char32_t cp = NextCodePoint(s, &pos);
    if (IsSpaceCp(cp)) {
      pending_space = true;
      continue;
    }
    if (pending_space) {
      // A space between two CJK characters is a wrap or layout artefact, not a word break.
      if (!(IsCjk(prev) && IsCjk(cp)) && prev != 0) out.push_back(' ');
      pending_space = false;
    }
    AppendUtf8(cp, &out);
    prev = cp;
  }
  return out;
}

}  // namespace

namespace {

// One pass over `s`: false when it is not valid UTF-8; otherwise `*space` tells whether it
// holds any white space (IsSpaceCp) for CleanCell to fold.
bool ScanCell(std::string_view s, bool* space) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const unsigned char* end = p + s.size();
  bool found = false;
  while (p < end) {
    const unsigned char c = *p;
    if (c < 0x80) {
      found = found || c == ' ' || c == '\t' || c == '\r' || c == '\n';
      ++p;
      continue;
    }
    // Ideographs (leads E4-E9) are never white space.
    if (c >= 0xE4 && c <= 0xE9 && end - p >= 3 && CommonThreeByte(p)) {
      p += 3;
      continue;
    }
    const size_t n = SequenceAt(p, end);
    if (n == 0) return false;
    found = found || (c == 0xC2 && p[1] == 0xA0) || (c == 0xE3 && p[1] == 0x80 && p[2] == 0x80) ||
            (c == 0xEF && p[1] == 0xBB && p[2] == 0xBF);
    p += n;
  }
  *space = found;
  return true;
}

}  // namespace

std::string CleanCell(std::string_view s) {
  s = Trim(s);
  bool space = false;
  if (!ScanCell(s, &space)) return CleanCellSlow(s);
  if (!space) return std::string(s);  // most cells: nothing inside to fold
  std::string out;
  FoldCellSpaces(s, &out);
  return out;
}

void FoldCellSpaces(std::string_view s, std::string* folded) {
  // Valid UTF-8 re-encodes to itself, so only the white space needs attention: the bytes
  // between space runs are copied whole, and a run becomes one space or none.
  std::string& out = *folded;
  out.clear();
  out.reserve(s.size());
  size_t run = 0;
  // White space is ASCII or led by C2, E3 or EF; in valid UTF-8 those bytes start characters,
  // so the scan jumps from one to the next.
  using SpaceLeads = ByteSet<' ', '\t', '\r', '\n', '\xC2', '\xE3', '\xEF'>;
  for (size_t i = SpaceLeads::FindIn(s, 0); i != std::string_view::npos;
       i = SpaceLeads::FindIn(s, i)) {
    size_t n = SpaceAt(s, i);
    if (n == 0) {
      ++i;
      continue;
    }
    out.append(s.data() + run, i - run);
    char32_t prev = i > 0 ? CodePointBefore(s, i) : 0;
    size_t after = i + n;
    while (after < s.size() && (n = SpaceAt(s, after)) > 0) after += n;
    if (after < s.size() && prev != 0) {
      size_t p = after;
      char32_t next = NextCodePoint(s, &p);
      // A space between two CJK characters is a wrap or layout artefact, not a word break.
      if (!(IsCjk(prev) && IsCjk(next))) out.push_back(' ');
    }
    run = i = after;
    if (i >= s.size()) break;
  }
  out.append(s.data() + run, s.size() - run);
}

namespace {

// The folded form of the character at s[i] for MatchKey: true when it changes, with its length
// in `*len` and its replacement in `*to` (an ASCII character, or 0 when it is dropped). Every
// fold is to ASCII or to nothing, so a key is never longer than its text.
bool FoldAt(std::string_view s, size_t i, size_t* len, char* to) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      *len = 1;
      *to = 0;
      return true;
    }
    if (c == '\'') {
      *len = 1;
      *to = '"';
      return true;
    }
    return false;
  }
  if (c == 0xC2) {
    if (i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      *len = 2;  // no-break space
      *to = 0;
      return true;
    }
    return false;
  }
  // Only a few three-byte sequences fold (U+2018-201D, U+3000-3017, U+FEFF, U+FF01-FF5E).
  if ((c != 0xE2 && c != 0xE3 && c != 0xEF) || i + 2 >= s.size()) return false;
  // Decoded in place: with these leads a sequence is valid exactly when the next two bytes are
  // continuation bytes (no overlong form or surrogate starts with E2, E3 or EF).
  const unsigned char c1 = static_cast<unsigned char>(s[i + 1]);
  const unsigned char c2 = static_cast<unsigned char>(s[i + 2]);
  if ((c1 & 0xC0) != 0x80 || (c2 & 0xC0) != 0x80) return false;
  const char32_t cp = (char32_t{c & 0x0Fu} << 12) | (char32_t{c1 & 0x3Fu} << 6) | (c2 & 0x3Fu);
  const size_t pos = i + 3;
  char folded = 0;
  if (cp == 0x3000 || cp == 0xFEFF) {
    folded = 0;  // ideographic space, BOM
  } else if (cp >= 0xFF01 && cp <= 0xFF5E) {
    folded = static_cast<char>(cp - 0xFEE0);
    if (folded == '\'') folded = '"';
  } else {
    switch (cp) {
      case 0x3010:  // 【
      case 0x3014:  // 〔
      case 0x3016:  // 〖
        folded = '[';
        break;
      case 0x3011:
      case 0x3015:
      case 0x3017:
        folded = ']';
        break;
      case 0x201C:
      case 0x201D:
      case 0x2018:
      case 0x2019:
        folded = '"';
        break;
      case 0x3001:  // 、
        folded = ',';
        break;
      case 0x3002:  // 。
        folded = '.';
        break;
      default:
        return false;
    }
  }
  *len = pos - i;
  *to = folded;
  return true;
}

// The next byte that can start a character MatchKey changes (detail::IsFoldStart): the text
// between two of them (ideographs, most ASCII) is passed over without decoding.
size_t FindFoldStart(std::string_view s, size_t from) {
#ifdef __SSE2__
  return detail::FindByte(
      s, from, [](__m128i v) { return detail::FoldStarts(v); }, detail::IsFoldStart);
#else
  return detail::FindByte(s, from, nullptr, detail::IsFoldStart);
#endif
}

// Calls on_fold(i, len, to) for each character MatchKey changes, in order, until it returns
// false; returns where it stopped (npos when it reached the end).
template <typename OnFold>
size_t ScanFolds(std::string_view s, OnFold on_fold) {
  size_t len = 1;
  char to = 0;
  for (size_t i = FindFoldStart(s, 0); i != std::string_view::npos;) {
    if (!FoldAt(s, i, &len, &to)) {
      i = FindFoldStart(s, i + 1);
      continue;
    }
    if (!on_fold(i, len, to)) return i;
    i = FindFoldStart(s, i + len);
  }
  return std::string_view::npos;
}

}  // namespace

void AppendMatchKey(std::string_view s, std::string* out) {
  out->reserve(out->size() + s.size());
  // Bytes that stay as they are accumulate in a run and are copied in one append.
  size_t run = 0;
  ScanFolds(s, [&](size_t i, size_t len, char to) {
    out->append(s.data() + run, i - run);
    if (to != 0) out->push_back(to);
    run = i + len;
    return true;
  });
  out->append(s.data() + run, s.size() - run);
}

std::string MatchKey(std::string_view s) {
  std::string out;
  AppendMatchKey(s, &out);
  return out;
}

std::string_view MatchKeyView(std::string_view s, std::string* storage) {
  const size_t at = ScanFolds(s, [](size_t, size_t, char) { return false; });
  if (at == std::string_view::npos) return s;
  storage->assign(s.data(), at);
  AppendMatchKey(s.substr(at), storage);
  return *storage;
}

bool KeyIs(std::string_view s, std::string_view key) {
  if (s.size() < key.size()) return false;  // a key is never longer than its text
  // The key of `s` compared with `key` piece by piece as it would be built, without building
  // it: unchanged runs of `s`, and the character each fold writes.
  size_t k = 0, run = 0;
  auto take = [&](std::string_view part) {
    if (part.empty()) return true;  // (no memcmp with a null pointer, even of no bytes)
    if (part.size() > key.size() - k ||
        std::memcmp(key.data() + k, part.data(), part.size()) != 0) {
      return false;
    }
    k += part.size();
    return true;
  };
  bool same = true;
  ScanFolds(s, [&](size_t i, size_t len, char to) {
    same = take(s.substr(run, i - run)) && (to == 0 || take(std::string_view(&to, 1)));
    run = i + len;
    return same;
  });
  return same && take(s.substr(run)) && k == key.size();
}

bool SameKey(std::string_view a, std::string_view b) {
  if (a == b) return true;  // one text, one key
  std::string storage_a, storage_b;
  return MatchKeyView(a, &storage_a) == MatchKeyView(b, &storage_b);
}

CellShape ShapeOfValidCell(std::string_view s) {
  CellShape shape;
  ScanFolds(s, [&](size_t i, size_t, char to) {
    if (shape.first_fold == std::string_view::npos) shape.first_fold = i;
    // Every white space character folds to nothing, and no other character does.
    shape.needs_clean = to == 0;
    return !shape.needs_clean;  // after white space, both answers are known
  });
  return shape;
}

std::string_view CleanValidCellView(std::string_view s, std::string* storage) {
  s = Trim(s);
  if (!ShapeOfValidCell(s).needs_clean) return s;
  FoldCellSpaces(s, storage);  // valid, as ShapeOfValidCell requires: not scanned again
  return *storage;
}

namespace {

// The characters of `s` of one kind, counted up to limit + 1: every character MatchKey always
// keeps (ASCII other than white space and the quote, ideographs, four-byte characters), or the
// ideographs alone (leads E4-E9).
template <bool kIdeographsOnly>
size_t CountCharacters(std::string_view s, size_t limit) {
  size_t kept = 0, i = 0;
  auto kept_byte = [](unsigned char c) -> size_t {
    const bool ideograph = c >= 0xE4 && c <= 0xE9;
    if (kIdeographsOnly) return ideograph;
    return (c > ' ' && c < 0x80 && c != '\'') | ideograph | (c >= 0xF0);
  };
#ifdef __SSE2__
  // Sixteen bytes a step, as signed bytes: ' ' < c (ASCII), -29 < c < -22 (E4-E9), -17 < c < 0
  // (F0-FF); the ones summed by _mm_sad_epu8.
  const __m128i space = _mm_set1_epi8(' '), quote = _mm_set1_epi8('\''),
                below_e4 = _mm_set1_epi8(-29), above_e9 = _mm_set1_epi8(-22),
                below_f0 = _mm_set1_epi8(-17), zero = _mm_setzero_si128(), one = _mm_set1_epi8(1);
  auto count = [&](size_t at, __m128i wanted) {
    const __m128i c = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + at));
    __m128i counted = _mm_and_si128(_mm_cmpgt_epi8(c, below_e4), _mm_cmpgt_epi8(above_e9, c));
    if (!kIdeographsOnly) {
      const __m128i ascii = _mm_andnot_si128(_mm_cmpeq_epi8(c, quote), _mm_cmpgt_epi8(c, space));
      const __m128i four = _mm_and_si128(_mm_cmpgt_epi8(c, below_f0), _mm_cmpgt_epi8(zero, c));
      counted = _mm_or_si128(counted, _mm_or_si128(ascii, four));
    }
    const __m128i sums = _mm_sad_epu8(_mm_and_si128(counted, wanted), zero);
    return size_t(_mm_cvtsi128_si32(sums)) + size_t(_mm_extract_epi16(sums, 4));
  };
  if (s.size() >= 16) {
    for (; i + 16 <= s.size() && kept <= limit; i += 16) kept += count(i, one);
    if (i < s.size() && kept <= limit) {
      // The rest in one block that ends with the text, its lanes already counted masked off.
      const size_t last = s.size() - 16;
      const __m128i lanes = _mm_setr_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
      const __m128i fresh = _mm_cmpgt_epi8(lanes, _mm_set1_epi8(static_cast<char>(i - last - 1)));
      kept += count(last, _mm_and_si128(fresh, one));
    }
    return kept;
  }
#endif
  for (; i < s.size() && kept <= limit; ++i) kept += kept_byte(static_cast<unsigned char>(s[i]));
  return kept;
}

}  // namespace

size_t KeptCharacters(std::string_view s, size_t limit) { return CountCharacters<false>(s, limit); }

size_t Ideographs(std::string_view s, size_t limit) { return CountCharacters<true>(s, limit); }

std::string_view StripMarkupView(std::string_view line, std::string* storage) {
  std::string_view t = Trim(line);
  // Most lines carry no markup: then the result is the trimmed line itself.
  if (ByteSet<'<', '*', '#'>::FindIn(t, 0) == std::string_view::npos) return t;
  *storage = StripMarkup(t);
  return *storage;
}

std::string StripMarkup(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  std::string_view s = Trim(line);
  while (!s.empty() && s[0] == '#') s.remove_prefix(1);
  static constexpr std::string_view kTags[] = {"<b>", "</b>", "<p>", "</p>", "**", "<br>", "<br/>"};
  // The text between two possible tags is copied whole.
  using TagStart = ByteSet<'<', '*'>;
  size_t run = 0;
  for (size_t i = TagStart::FindIn(s, 0); i != std::string_view::npos;) {
    const auto tag = std::find_if(std::begin(kTags), std::end(kTags),
                                  [&](std::string_view t) { return s.substr(i, t.size()) == t; });
    if (tag == std::end(kTags)) {
      i = TagStart::FindIn(s, i + 1);
      continue;
    }
    out.append(s, run, i - run);
    run = i + tag->size();
    i = TagStart::FindIn(s, run);
  }
  out.append(s, run, std::string_view::npos);
  return std::string(Trim(out));
}

int ChineseNumber(std::string_view s) {
  static constexpr std::string_view kDigits[] = {"零", "一", "二", "三", "四",
                                                 "五", "六", "七", "八", "九"};
  auto digit = [&](std::string_view d) {
    for (int i = 0; i < 10; ++i) {
      if (d == kDigits[i]) return i;
    }
    return -1;
  };
  constexpr std::string_view kTen = "十";
  if (s.empty() || s.size() % 3 != 0 || s.size() > 9) return 0;
  // One to three characters of three bytes each.
  std::string_view chars[3];
  const size_t count = s.size() / 3;
  for (size_t i = 0; i < count; ++i) chars[i] = s.substr(i * 3, 3);
  if (count == 1) {
    if (chars[0] == kTen) return 10;
    int d = digit(chars[0]);
    return d > 0 ? d : 0;
  }
  if (count == 2) {
    if (chars[0] == kTen) {
      int d = digit(chars[1]);
      return d > 0 ? 10 + d : 0;
    }
    if (chars[1] == kTen) {
      int d = digit(chars[0]);
      return d > 1 ? d * 10 : 0;
    }
    return 0;
  }
  int tens = digit(chars[0]);
  int ones = digit(chars[2]);
  if (chars[1] != kTen || tens < 2 || ones < 1) return 0;
  return tens * 10 + ones;
}

bool MayStartOrdinal(std::string_view t) {
  if (t.empty()) return false;
  if ((t[0] >= '0' && t[0] <= '9') || t[0] == '(' || StartsWith(t, "（") ||
      StartsWith(t, "\xE2\x91")) {
    return true;
  }
  return StartsWithChineseNumeral(t);
}

bool StartsWithChineseNumeral(std::string_view s) {
  static constexpr uint32_t kNumerals[] = {Char3("零"), Char3("一"), Char3("二"), Char3("三"),
                                           Char3("四"), Char3("五"), Char3("六"), Char3("七"),
                                           Char3("八"), Char3("九"), Char3("十")};
  if (s.size() < 3) return false;
  const uint32_t first = Char3(s.substr(0, 3));
  return std::find(std::begin(kNumerals), std::end(kNumerals), first) != std::end(kNumerals);
}

namespace {

int DigitsValue(std::string_view digits) {
  int n = 0;
  for (char c : digits) n = n < 100000 ? n * 10 + (c - '0') : n;
  return n;
}

// A numbered mark ("十一、", "1.") at the start of trimmed `t`: its style and number, and
// where the text after it begins.
Ordinal NumberedMark(std::string_view t, bool digits) {
  for (std::string_view mark : {"、", ".", "．"}) {
    // The mark within the first three characters.
    const size_t sep = t.substr(0, 9 + mark.size()).find(mark);
    if (sep == std::string_view::npos || sep == 0 || sep > 9) continue;
    const size_t after = sep + mark.size();
    // A point with a digit after it is a figure's ("1.5万元").
    if (mark != "、" && after < t.size() && t[after] >= '0' && t[after] <= '9') continue;
    const std::string_view head = t.substr(0, sep);
    if (digits && IsAsciiDigits(head)) return {Ordinal::Style::kDigits, DigitsValue(head), after};
    if (const int n = ChineseNumber(head); n > 0) return {Ordinal::Style::kNumeral, n, after};
  }
  return {};
}

}  // namespace

size_t NumberedMarkEnd(std::string_view t, bool digits) { return NumberedMark(t, digits).end; }

bool IsSetInPageNumber(std::string_view line) {
  const size_t start = line.find_first_not_of(' ');
  if (start == std::string_view::npos || start < 2) return false;
  const size_t end = line.find_last_not_of(' ') + 1;
  return end - start <= 4 && IsAsciiDigits(line.substr(start, end - start));
}

Ordinal OrdinalOf(std::string_view t) {
  if (!MayStartOrdinal(t)) return {};  // most lines
  // "二十一、", "1、", "一." and "1．" forms.
  if (const Ordinal mark = NumberedMark(t, true); mark.end > 0) return mark;
  // "(三)" / "（三）"
  for (auto [open, close] :
       {std::pair<std::string_view, std::string_view>{"(", ")"}, {"（", "）"}}) {
    if (t.starts_with(open)) {
      size_t end = t.find(close);
      if (end != std::string_view::npos && end <= open.size() + 9) {
        std::string_view head = t.substr(open.size(), end - open.size());
        const size_t after = end + close.size();
        if (!head.empty() && IsAsciiDigits(head)) {
          return {Ordinal::Style::kBracketedDigits, DigitsValue(head), after};
        }
        if (const int n = ChineseNumber(head); n > 0) {
          return {Ordinal::Style::kBracketedNumeral, n, after};
        }
      }
    }
  }
  // "①" .. "⑳"
  if (t.size() >= 3 && t.starts_with("\xE2\x91")) {
    size_t pos = 0;
    char32_t cp = NextCodePoint(t, &pos);
    if (cp >= 0x2460 && cp <= 0x2473) {
      return {Ordinal::Style::kCircled, static_cast<int>(cp - 0x2460) + 1, pos};
    }
  }
  return {};
}

std::string_view StripOrdinal(std::string_view s) {
  const std::string_view t = Trim(s);
  const Ordinal ordinal = OrdinalOf(t);
  return ordinal.style == Ordinal::Style::kNone ? t : Trim(t.substr(ordinal.end));
}

bool ParseHundredths(std::string_view digits, int64_t* out) {
  int64_t v = 0;
  int decimals = -1;
  bool any = false;
  for (char c : digits) {
    if (c == ',') continue;
    if (c == '.') {
      if (decimals >= 0) return false;
      decimals = 0;
      continue;
    }
    if (c < '0' || c > '9') return false;
    if (decimals >= 2) continue;
    if (__builtin_mul_overflow(v, 10, &v) || __builtin_add_overflow(v, c - '0', &v)) return false;
    any = true;
    if (decimals >= 0) ++decimals;
  }
  if (decimals < 0) decimals = 0;
  for (int i = decimals; i < 2; ++i) {
    if (__builtin_mul_overflow(v, 10, &v)) return false;
  }
  *out = v;
  return any;
}

size_t CodePoints(std::string_view s) {
  size_t n = 0, i = 0;
#ifdef __SSE2__
  // Every byte but a continuation byte (signed, -128 to -65) starts a character; the sum of
  // each block's ones by _mm_sad_epu8.
  const __m128i below = _mm_set1_epi8(-65), one = _mm_set1_epi8(1);
  __m128i sums = _mm_setzero_si128();
  for (; i + 16 <= s.size(); i += 16) {
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    const __m128i starts = _mm_and_si128(_mm_cmpgt_epi8(block, below), one);
    sums = _mm_add_epi64(sums, _mm_sad_epu8(starts, _mm_setzero_si128()));
  }
  n = size_t(_mm_cvtsi128_si64(sums)) + size_t(_mm_cvtsi128_si64(_mm_unpackhi_epi64(sums, sums)));
#endif
  // The rest eight bytes at a time: a continuation byte has bit 7 set and bit 6 clear.
  auto continuations = [](uint64_t x) {
    constexpr uint64_t kHigh = 0x8080808080808080ull;
    return std::popcount(x & ~(x << 1) & kHigh);
  };
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t x;
    std::memcpy(&x, s.data() + i, 8);
    n += 8 - continuations(x);
  }
  if (i < s.size()) {
    uint64_t x = 0;  // zero bytes above the text are not continuation bytes: counted, then not
    std::memcpy(&x, s.data() + i, s.size() - i);
    n += s.size() - i - continuations(x);
  }
  return n;
}

bool IsAsciiDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

namespace {

// The third bytes of the three-byte brackets and of U+FFFD: 88-8B （）《》, 90-91 【】, 94-95
// 〔〕, 9C-9D “”, BB ［, BD ］ and U+FFFD.
bool IsBracketThirdByte(unsigned char c) {
  return (c >= 0x88 && c <= 0x8B) || c == 0x90 || c == 0x91 || c == 0x94 || c == 0x95 ||
         c == 0x9C || c == 0x9D || c == 0xBB || c == 0xBD;
}

}  // namespace

size_t FindBracketCandidate(std::string_view s, size_t from) {
  size_t i = from;
  const auto* b = reinterpret_cast<const unsigned char*>(s.data());
#ifdef __SSE2__
  for (; i + 18 <= s.size(); i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b + i));
    const __m128i third = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b + i + 2));
    if (const unsigned mask = unsigned(_mm_movemask_epi8(detail::BracketCandidates(v, third)))) {
      return i + static_cast<size_t>(std::countr_zero(mask));
    }
  }
#endif
  for (; i < s.size(); ++i) {
    const unsigned char c = b[i];
    if (c == '(' || c == ')' || c == '[' || c == ']') return i;
    if ((c == 0xE2 || c == 0xE3 || c == 0xEF) && i + 2 < s.size() && IsBracketThirdByte(b[i + 2])) {
      return i;
    }
  }
  return std::string_view::npos;
}

size_t FindText(std::string_view s, std::string_view part) {
  if (part.size() > s.size()) return std::string_view::npos;
  if (part.size() < 3) return s.find(part);
  // Chinese has few distinct first bytes (E4-E9 lead most characters), so a search anchored on
  // them stops at nearly every character; the third byte varies far more. A stop is confirmed
  // on the second and first bytes before the rest is compared.
  const char first = part[0], second = part[1], anchor = part[2];
  auto found_at = [&](size_t hit) {
    return s[hit - 1] == second && s[hit - 2] == first && hit - 2 + part.size() <= s.size() &&
           std::memcmp(s.data() + hit + 1, part.data() + 3, part.size() - 3) == 0;
  };
#ifdef __SSE2__
  const __m128i seconds = _mm_set1_epi8(second), anchors = _mm_set1_epi8(anchor);
  auto pair_block = [seconds, anchors](__m128i prev, __m128i v) {
    return _mm_and_si128(_mm_cmpeq_epi8(prev, seconds), _mm_cmpeq_epi8(v, anchors));
  };
  auto block = [anchors](__m128i v) { return _mm_cmpeq_epi8(v, anchors); };
#else
  std::nullptr_t pair_block = nullptr, block = nullptr;
#endif
  // A text of a block or more (FindBytePair) stops where the second and third bytes both
  // match, far less often than on the third alone: the pair is worth its second load. A
  // shorter one (most cells and values) stops on the anchor (FindByte, in two small loads).
  if (s.size() >= 18) {
    const auto pair_test = [second, anchor](char p, char c) { return p == second && c == anchor; };
    for (size_t from = 2; from < s.size();) {
      const size_t hit = detail::FindBytePair(s, from, pair_block, pair_test);
      if (hit == std::string_view::npos) break;
      if (found_at(hit)) return hit - 2;
      from = hit + 1;
    }
    return std::string_view::npos;
  }
  const auto test = [anchor](char c) { return c == anchor; };
  for (size_t from = 2; from < s.size();) {
    const size_t hit = detail::FindByte(s, from, block, test);
    if (hit == std::string_view::npos) break;
    if (found_at(hit)) return hit - 2;
    from = hit + 1;
  }
  return std::string_view::npos;
}

bool Contains(std::string_view s, std::string_view part) {
  return FindText(s, part) != std::string_view::npos;
}

namespace {

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// Whether a digit, ASCII or full-width, ends just before byte `end`; starts at `start` (then
// `*width` is its width).
bool DigitEndsAt(std::string_view text, size_t end) {
  return (end >= 1 && IsAsciiDigit(text[end - 1])) || (end >= 3 && FullWidthDigitAt(text, end - 3));
}
bool DigitStartsAt(std::string_view text, size_t start, size_t* width) {
  if (start < text.size() && IsAsciiDigit(text[start])) {
    *width = 1;
    return true;
  }
  *width = 3;
  return FullWidthDigitAt(text, start);
}

// Whether the "，" at text[i, i + 3) separates thousands: a digit before it, exactly three
// after it ("5，838.20万元", typed with full-width punctuation on).
bool IsThousandsComma(std::string_view text, size_t i) {
  if (!DigitEndsAt(text, i)) return false;
  size_t at = i + 3, width = 0;
  for (int k = 0; k < 3; ++k) {
    if (!DigitStartsAt(text, at, &width)) return false;
    at += width;
  }
  return !DigitStartsAt(text, at, &width);
}

// Whether text[i, i + 3) is a full-width digit, percent or dot (EF BC 90-99, EF BC 85 or
// EF BC 8E in UTF-8), or a full-width comma between thousands (EF BC 8C).
bool FoldsToAscii(std::string_view text, size_t i) {
  const unsigned char c = static_cast<unsigned char>(text[i + 2]);
  return text[i] == '\xEF' && text[i + 1] == '\xBC' &&
         ((c >= 0x90 && c <= 0x99) || c == 0x85 || c == 0x8E ||
          (c == 0x8C && IsThousandsComma(text, i)));
}

// Whether `c` is read with a figure next to it: a byte of a non-ASCII character (Chinese, ×,
// ＝, ％), a percent sign or an ASCII operator.
bool GoesWithFigure(char c) {
  return static_cast<unsigned char>(c) >= 0x80 || c == '%' || c == '*' || c == '=' || c == 'x' ||
         c == '/';
}

// Whether an operator of arithmetic (*, =, ×, ＝) ends just before `end`, or starts at `start`.
bool OperatorEndsAt(std::string_view text, size_t end) {
  return (end >= 1 && (text[end - 1] == '*' || text[end - 1] == '=')) ||
         (end >= 2 && text.compare(end - 2, 2, "×") == 0) ||
         (end >= 3 && text.compare(end - 3, 3, "＝") == 0);
}
bool OperatorStartsAt(std::string_view text, size_t start) {
  return start < text.size() &&
         (text[start] == '*' || text[start] == '=' || text.compare(start, 2, "×") == 0 ||
          text.compare(start, 3, "＝") == 0);
}

// The width of the run of spaces (ASCII or U+3000) at `i`, or 0.
size_t SpacesAt(std::string_view text, size_t i) {
  size_t j = i;
  while (j < text.size()) {
    if (text[j] == ' ') {
      ++j;
    } else if (text.compare(j, 3, "\u3000") == 0) {
      j += 3;
    } else {
      break;
    }
  }
  return j - i;
}

}  // namespace

std::string_view DropSpacesAroundFigures(std::string_view text, std::string* storage) {
  // A space is ' ' or U+3000 (E3 80 80): only those bytes are stopped at.
  using Lead = ByteSet<' ', '\xE3'>;
  size_t copied = 0;
  for (size_t i = Lead::FindIn(text, 0); i != std::string_view::npos; i = Lead::FindIn(text, i)) {
    const size_t run = SpacesAt(text, i);
    if (run == 0) {
      ++i;
      continue;
    }
    const size_t end = i + run;
    if (i > 0 && end < text.size() &&
        ((IsAsciiDigit(text[i - 1]) && GoesWithFigure(text[end])) ||
         (GoesWithFigure(text[i - 1]) && IsAsciiDigit(text[end])) || OperatorEndsAt(text, i) ||
         OperatorStartsAt(text, end))) {
      if (copied == 0) storage->clear();
      storage->append(text.substr(copied, i - copied));
      copied = end;
    }
    i = end;
  }
  if (copied == 0) return text;
  storage->append(text.substr(copied));
  return *storage;
}

// Full-width digits, percent and dot as half-width, for parsing. The fold works on bytes and
// copies everything else whole. Returns `text` itself when there is nothing to fold, else a
// view of `*storage`.
std::string_view FoldDigits(std::string_view text, std::string* storage) {
  // Full-width punctuation (，（）：) shares the EF BC lead: nothing is copied unless a
  // character that folds is present.
  using Lead = ByteSet<'\xEF'>;
  size_t i = Lead::FindIn(text, 0);
  while (i != std::string_view::npos && (i + 2 >= text.size() || !FoldsToAscii(text, i))) {
    i = Lead::FindIn(text, i + 1);
  }
  if (i == std::string_view::npos) return text;
  storage->clear();
  storage->reserve(text.size());
  size_t run = 0;
  for (; i + 2 < text.size(); ++i) {
    if (!FoldsToAscii(text, i)) continue;
    const unsigned char c = static_cast<unsigned char>(text[i + 2]);
    const char half = c == 0x85   ? '%'
                      : c == 0x8E ? '.'
                      : c == 0x8C ? ','
                                  : static_cast<char>('0' + (c - 0x90));
    storage->append(text, run, i - run);
    storage->push_back(half);
    run = i + 3;
    i += 2;
  }
  storage->append(text, run, std::string_view::npos);
  return *storage;
}

}  // namespace yusuan
