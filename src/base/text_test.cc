#include "base/text.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <iterator>
#include <span>
#include <utility>

namespace yusuan {
namespace {

// The same numbers on every run (0 to 32767), for tests that compare a fast path with its
// definition on many random texts.
class RandomNumbers {
 public:
  explicit RandomNumbers(uint32_t seed) : seed_(seed) {}
  uint32_t operator()() {
    seed_ = seed_ * 1103515245 + 12345;
    return (seed_ >> 16) & 0x7FFF;
  }

 private:
  uint32_t seed_;
};

TEST(CleanCell, RemovesSpacesThatSplitChineseTextOnly) {
  EXPECT_EQ(CleanCell("财政专户管理 资金"), "财政专户管理资金");
  EXPECT_EQ(CleanCell("政府性 基金预 算"), "政府性基金预算");
  EXPECT_EQ(CleanCell("  二十二、国有资本经营 预算支出 "), "二十二、国有资本经营预算支出");
  EXPECT_EQ(CleanCell("“城乡居民基本医疗保险个人缴费补 贴”"), "“城乡居民基本医疗保险个人缴费补贴”");
  EXPECT_EQ(CleanCell("2026年中央 财政"), "2026年中央财政");
  EXPECT_EQ(CleanCell("Word  document"), "Word document");
  EXPECT_EQ(CleanCell("\xE3\x80\x80全角空格\xE3\x80\x80"), "全角空格");
  EXPECT_EQ(CleanCell(""), "");
}

// CleanCell's definition, character by character: white space trimmed, a run of it one space,
// none between two CJK characters.
std::string CleanCellByDefinition(std::string_view s) {
  auto space = [](char32_t cp) {
    return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\n' || cp == 0x3000 || cp == 0xA0 ||
           cp == 0xFEFF;
  };
  auto cjk = [](char32_t cp) {
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3000 && cp <= 0x303F) ||
           (cp >= 0xFF00 && cp <= 0xFFEF) || (cp >= 0x2018 && cp <= 0x201F);
  };
  std::string out;
  char32_t prev = 0;
  bool pending = false;
  for (size_t pos = 0; pos < s.size();) {
    const char32_t cp = NextCodePoint(s, &pos);
    if (space(cp)) {
      pending = true;
      continue;
    }
    if (pending && prev != 0 && !(cjk(prev) && cjk(cp))) out += ' ';
    pending = false;
    AppendUtf8(cp, &out);
    prev = cp;
  }
  return out;
}

TEST(CleanCell, AgreesWithItsDefinitionOnLongRandomText) {
  const std::string_view pieces[] = {
      "预算",         "a",  "1",  " ", "\t", "\xC2\xA0",    "\xE3\x80\x80",
      "\xEF\xBB\xBF", "，", "（", "“", "é",  "\xE2\x80\xA6"};
  RandomNumbers next(777);
  for (int round = 0; round < 5000; ++round) {
    std::string s;
    const size_t count = next() % 120;  // past the sixteen-byte steps, and short texts too
    for (size_t k = 0; k < count; ++k) s += pieces[next() % std::size(pieces)];
    ASSERT_EQ(CleanCell(s), CleanCellByDefinition(s)) << s;
  }
}

TEST(CleanCell, CollapsesMixedSpaceRunsAndKeepsInvalidBytesVisible) {
  // A run of mixed white space (NBSP, U+3000, tab, BOM) is one gap.
  EXPECT_EQ(CleanCell("A\xC2\xA0\t\xE3\x80\x80"
                      "B"),
            "A B");
  EXPECT_EQ(CleanCell("项目\xC2\xA0 \xEF\xBB\xBF名称"), "项目名称");
  EXPECT_EQ(CleanCell("合计 100.00"), "合计 100.00");
  EXPECT_EQ(CleanCell("100 万元"), "100 万元");
  // Invalid bytes take the careful path and show as U+FFFD, spaces handled the same way.
  EXPECT_EQ(CleanCell("a\xFF  b"), "a\xEF\xBF\xBD b");
  EXPECT_EQ(CleanCell("预\xE9  算"), "预\xEF\xBF\xBD 算");
}

TEST(MatchKey, FoldsWidthBracketsAndSpaces) {
  EXPECT_EQ(MatchKey("因公出国（境）费"), MatchKey("因公出国(境)费"));
  EXPECT_EQ(MatchKey("单位：万元"), "单位:万元");
  EXPECT_EQ(MatchKey("长财社【2025】185号"), MatchKey("长财社[2025]185号"));
  EXPECT_EQ(MatchKey("“三公”经费"), MatchKey("\"三公\"经费"));
  EXPECT_EQ(MatchKey("目 录"), "目录");
  EXPECT_EQ(MatchKey("ＡＢＣ１２３"), "ABC123");
}

// MatchKey by its definition, one decoded character at a time (for valid UTF-8).
std::string MatchKeyByCharacters(std::string_view s) {
  std::string out;
  for (size_t pos = 0; pos < s.size();) {
    char32_t cp = NextCodePoint(s, &pos);
    if (cp == ' ' || cp == '\t' || cp == '\r' || cp == '\n' || cp == 0x3000 || cp == 0xFEFF ||
        cp == 0xA0) {
      continue;
    }
    if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;
    if (cp == 0x3010 || cp == 0x3014 || cp == 0x3016) cp = '[';
    if (cp == 0x3011 || cp == 0x3015 || cp == 0x3017) cp = ']';
    if (cp == 0x201C || cp == 0x201D || cp == 0x2018 || cp == 0x2019 || cp == '\'') cp = '"';
    if (cp == 0x3001) cp = ',';
    if (cp == 0x3002) cp = '.';
    AppendUtf8(cp, &out);
  }
  return out;
}

TEST(MatchKey, AgreesWithItsDefinitionOnEveryPairOfPieces) {
  const std::string_view pieces[] = {"预算",
                                     "（",
                                     "）",
                                     "：",
                                     "１",
                                     "Ａ",
                                     "＇",
                                     "'",
                                     " ",
                                     "\t",
                                     "\r",
                                     "\n",
                                     "\xE3\x80\x80",
                                     "\xEF\xBB\xBF",
                                     "\xC2\xA0",
                                     "【",
                                     "】",
                                     "〔",
                                     "〕",
                                     "〖",
                                     "〗",
                                     "“",
                                     "”",
                                     "‘",
                                     "’",
                                     "、",
                                     "。",
                                     "—",
                                     "…",
                                     "≥",
                                     "①",
                                     "a",
                                     "9",
                                     "é",
                                     "😀",
                                     "\xE2\x80\xA6",
                                     "～"};
  std::string storage;
  for (std::string_view a : pieces) {
    for (std::string_view b : pieces) {
      for (std::string_view c : {std::string_view(""), std::string_view("经费"), a}) {
        std::string s = std::string(a) + std::string(b) + std::string(c);
        const std::string expected = MatchKeyByCharacters(s);
        ASSERT_EQ(MatchKey(s), expected) << s;
        // Character by character: the key of joined pieces is their keys joined (the target
        // reader keys a wrapped paragraph from its lines' keys).
        ASSERT_EQ(MatchKey(a) + MatchKey(b) + MatchKey(c), expected) << s;
        // KeyIs compares without building the key: it agrees with the key built.
        ASSERT_TRUE(KeyIs(s, expected)) << s;
        ASSERT_FALSE(KeyIs(s, expected + "x")) << s;
        ASSERT_EQ(KeyIs(s, s), expected == s) << s;
        if (!expected.empty()) {
          ASSERT_FALSE(KeyIs(s, expected.substr(0, expected.size() - 1))) << s;
          std::string changed = expected;
          changed.back() = changed.back() == 'z' ? 'y' : 'z';
          ASSERT_FALSE(KeyIs(s, changed)) << s;
        }
        std::string_view view = MatchKeyView(s, &storage);
        ASSERT_EQ(view, expected) << s;
        // Unchanged text is not copied: the key is a view of the text itself.
        if (expected == s) {
          ASSERT_EQ(view.data(), s.data()) << s;
        }
        // One pass tells where the key first differs and whether cleaning may change the cell.
        const CellShape shape = ShapeOfValidCell(s);
        const size_t fold = std::min(shape.first_fold, s.size());
        ASSERT_EQ(MatchKey(s.substr(0, fold)), s.substr(0, fold)) << s;
        ASSERT_EQ(s.substr(0, fold) + MatchKey(s.substr(fold)), expected) << s;
        ASSERT_EQ(shape.first_fold == std::string_view::npos, expected == s) << s;
        const bool space = s.find_first_of(" \t\r\n") != std::string::npos ||
                           s.find("\xE3\x80\x80") != std::string::npos ||
                           s.find("\xEF\xBB\xBF") != std::string::npos ||
                           s.find("\xC2\xA0") != std::string::npos;
        ASSERT_EQ(shape.needs_clean, space) << s;
        if (!shape.needs_clean) {
          ASSERT_EQ(CleanCell(s), s) << s;
        }
      }
    }
  }
}

TEST(MatchKey, CopiesInvalidBytesThrough) {
  EXPECT_EQ(MatchKey("预\xE9 算"), "预\xE9算");
  EXPECT_EQ(MatchKey("\xE4'\xBF"), "\xE4\"\xBF");
  EXPECT_EQ(MatchKey("\xEF\xBC"), "\xEF\xBC");
}

TEST(FindText, AgreesWithFindOnEveryPlacement) {
  const std::string_view parts[] = {"",         "a",  "ab",  "abc",  "支出", "支出表", "出支",
                                    "预算支出", "aa", "aaa", "出表", "表",   "\xE6",   "\xAF\x9B"};
  const std::string_view fills[] = {"", "a", "支", "出", "预算", "aab", "表支出", "支出支出表"};
  for (std::string_view part : parts) {
    for (std::string_view a : fills) {
      for (std::string_view b : fills) {
        for (std::string_view c : fills) {
          std::string s = std::string(a) + std::string(b) + std::string(c);
          ASSERT_EQ(FindText(s, part), std::string_view(s).find(part)) << s << " / " << part;
        }
      }
    }
  }
}

TEST(ByteSet, FindsTheFirstByteOfTheSetAtEveryOffsetAndLength) {
  using Set = ByteSet<'(', ')', '\xE3'>;
  // Texts of every length from 0 to 40 with one hit (or none) at every position, searched
  // from every start: the vector path, the last overlapping block and the short path agree
  // with a plain scan.
  for (size_t size = 0; size <= 40; ++size) {
    for (size_t hit = 0; hit <= size; ++hit) {
      std::string s(size, 'x');
      if (hit < size) s[hit] = hit % 2 ? '(' : '\xE3';
      for (size_t from = 0; from <= size; ++from) {
        size_t expected = std::string_view(s).find_first_of("()\xE3", from);
        ASSERT_EQ(Set::FindIn(s, from), expected) << size << " " << hit << " " << from;
      }
    }
  }
  EXPECT_TRUE(Set::contains(')'));
  EXPECT_FALSE(Set::contains('\xE4'));
}

TEST(BytePairSet, FindsTheFirstPairOfTheSetAtEveryOffsetAndLength) {
  using Set = BytePairSet<'a', 'b', '\xB9', '\xB4'>;
  // Texts of every length from 1 to 40 with one pair (or a half of one, or none) ending at
  // every position, searched from every start: the vector path, the last overlapping block
  // and the plain path agree with a plain scan. Halves ("a" alone, "b" alone, "\xB4" after
  // "a") must not stop it.
  const std::string_view plants[] = {"ab", "\xB9\xB4", "a", "b", "a\xB4", "\xB9\x62" /* b */, ""};
  for (size_t size = 1; size <= 40; ++size) {
    for (size_t end = 1; end < size; ++end) {
      for (std::string_view plant : plants) {
        std::string s(size, 'x');
        s.replace(end + 1 - plant.size(), plant.size(), plant);
        for (size_t from = 1; from <= size; ++from) {
          size_t expected = std::string_view::npos;
          for (size_t i = from; i < size && expected == std::string_view::npos; ++i) {
            if (Set::contains(s[i - 1], s[i])) expected = i;
          }
          ASSERT_EQ(Set::FindIn(s, from), expected) << size << " " << end << " " << from;
        }
      }
    }
  }
  EXPECT_TRUE(Set::contains('\xB9', '\xB4'));
  EXPECT_FALSE(Set::contains('a', '\xB4'));
  EXPECT_FALSE(Set::contains('b', 'a'));
}

// Short texts are read in loads of four or eight bytes into a vector whose other bytes are
// zero: a set holding the zero byte finds only the text's own.
TEST(ByteSet, FindsTheZeroByteOnlyWithinTheText) {
  using Nul = ByteSet<'\0'>;
  for (size_t size = 0; size <= 20; ++size) {
    const std::string plain(size, 'x');
    EXPECT_EQ(Nul::FindIn(plain, 0), std::string_view::npos) << size;
    for (size_t hit = 0; hit < size; ++hit) {
      std::string s = plain;
      s[hit] = '\0';
      EXPECT_EQ(Nul::FindIn(s, 0), hit) << size << " " << hit;
      EXPECT_EQ(Nul::FindIn(s, hit + 1), std::string_view::npos) << size << " " << hit;
    }
  }
}

TEST(ByteRange, FindsTheFirstByteInTheRangeForEveryByteValueOffsetAndLength) {
  using Digits = ByteRange<'0', '9'>;
  using High = ByteRange<0xB0, 0xBF>;
  // Every byte value at every position of texts long enough for the vector path, its last
  // overlapping block and the short path: each agrees with a plain comparison.
  for (size_t size : {1, 3, 4, 5, 7, 8, 9, 12, 15, 16, 17, 31, 33}) {
    for (size_t hit = 0; hit < size; ++hit) {
      for (int b = 0; b < 256; ++b) {
        std::string s(size, 'x');
        s[hit] = static_cast<char>(b);
        const bool digit = b >= '0' && b <= '9', high = b >= 0xB0 && b <= 0xBF;
        for (size_t from : {size_t{0}, hit, hit + 1}) {
          const size_t npos = std::string_view::npos;
          ASSERT_EQ(Digits::FindIn(s, from), digit && from <= hit ? hit : npos) << size << hit << b;
          ASSERT_EQ(High::FindIn(s, from), high && from <= hit ? hit : npos) << size << hit << b;
        }
      }
    }
  }
  EXPECT_TRUE(Digits::contains('0'));
  EXPECT_TRUE(Digits::contains('9'));
  EXPECT_FALSE(Digits::contains('/'));
  EXPECT_FALSE(Digits::contains(':'));
}

// The definition FindDoubledRun implements, character by character.
DoubledRun DoubledRunByDefinition(std::string_view s) {
  std::vector<size_t> starts;  // byte offset of every character
  std::vector<char32_t> cps;
  for (size_t pos = 0; pos < s.size();) {
    starts.push_back(pos);
    cps.push_back(NextCodePoint(s, &pos));
  }
  starts.push_back(s.size());
  auto ideograph = [](char32_t cp) { return cp >= 0x4E00 && cp <= 0x9FFF; };
  for (size_t i = 0; i < cps.size(); ++i) {
    for (size_t n = 2; n <= 6 && i + 2 * n <= cps.size(); ++n) {
      bool doubled = true;
      for (size_t k = 0; k < n; ++k) {
        doubled = doubled && ideograph(cps[i + k]) && cps[i + k] == cps[i + n + k];
      }
      if (doubled) return DoubledRun{starts[i], starts[i + n] - starts[i]};
    }
  }
  return DoubledRun{};
}

TEST(FindDoubledRun, AgreesWithItsDefinitionOnRandomText) {
  // A small alphabet makes doubled runs common; ASCII, punctuation and a four-byte character
  // shift the ideographs off any alignment.
  const std::string_view alphabet[] = {"保", "障", "及", "时", "a", "，", "𠀀", "1"};
  RandomNumbers next(12345);
  int found = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    const size_t chars = next() % 60;
    const size_t letters = 2 + next() % 7;
    for (size_t c = 0; c < chars; ++c) s += alphabet[next() % letters];
    const DoubledRun got = FindDoubledRun(s), want = DoubledRunByDefinition(s);
    ASSERT_EQ(got.at, want.at) << s;
    ASSERT_EQ(got.size, want.size) << s;
    found += got.at != std::string_view::npos;
  }
  EXPECT_GT(found, 1000);  // the comparison covered texts with runs as well as without
  EXPECT_EQ(FindDoubledRun("及时及时").size, 6u);
  EXPECT_EQ(FindDoubledRun("工作保障保障到位").at, 6u);
  EXPECT_EQ(FindDoubledRun("保保").at, std::string_view::npos);  // one character is no word
  EXPECT_EQ(FindDoubledRun("100%100%").at, std::string_view::npos);
}

TEST(MatchKey, KeyIsAndSameKeyCompareAsMatchKeyDoes) {
  EXPECT_TRUE(KeyIs("数量 指标", "数量指标"));
  EXPECT_TRUE(KeyIs("（一）", "(一)"));
  EXPECT_FALSE(KeyIs("数量指标 ", "数量"));
  EXPECT_TRUE(SameKey("Ａ类 支出", "A类支出"));
  EXPECT_FALSE(SameKey("A类", "B类"));
}

TEST(FindText, AgreesWithFindOnLongRandomText) {
  // Haystacks short (one or two small loads) and long enough for the sixteen-position blocks
  // and the last overlapping one, one in ten of many blocks, from a small alphabet so that
  // partial matches abound.
  const std::string_view alphabet[] = {"支", "出", "a", "预", "算", "表"};
  RandomNumbers next(7);
  for (int round = 0; round < 20000; ++round) {
    std::string s, part;
    for (size_t c = next() % (round % 10 == 0 ? 600 : 50); c > 0; --c) s += alphabet[next() % 6];
    for (size_t c = 1 + next() % 6; c > 0; --c) part += alphabet[next() % 6];
    ASSERT_EQ(FindText(s, part), std::string_view(s).find(part)) << s << " / " << part;
  }
}

TEST(CodePoints, CountsCharactersOfEveryLength) {
  // Lengths across the sixteen-byte blocks and their tail; one, two, three and four-byte
  // characters.
  const std::string_view chars[] = {"a", "é", "支", "𠀀"};
  std::string s;
  size_t expected = 0;
  for (int k = 0; k < 100; ++k) {
    ASSERT_EQ(CodePoints(s), expected) << s;
    s += chars[k % 4];
    ++expected;
  }
  EXPECT_EQ(CodePoints(""), 0u);
  // Any bytes: every byte that is not a continuation byte (10xxxxxx) starts a character.
  RandomNumbers random(17);
  for (int round = 0; round < 2000; ++round) {
    std::string bytes(random() % 41, '\0');
    for (char& c : bytes) c = static_cast<char>(random() % 256);
    size_t starts = 0;
    for (char c : bytes) starts += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    ASSERT_EQ(CodePoints(bytes), starts);
  }
}

// Checks a counter of characters with a limit (KeptCharacters, Ideographs) on random texts of
// `pieces`, each with what it counts: exact up to the limit, and over it exactly when the text
// holds more. Lengths across sixteen-byte blocks and the tail.
void ExpectCountsUpToTheLimit(size_t (*count)(std::string_view, size_t),
                              std::span<const std::pair<std::string_view, size_t>> pieces,
                              uint32_t seed) {
  RandomNumbers next(seed);
  for (int round = 0; round < 5000; ++round) {
    std::string s;
    size_t expected = 0;
    for (size_t c = next() % 40; c > 0; --c) {
      const auto& [piece, counted] = pieces[next() % pieces.size()];
      s += piece;
      expected += counted;
    }
    const size_t limit = next() % 30;
    const size_t got = count(s, limit);
    ASSERT_EQ(got <= limit, expected <= limit) << s << " / " << limit;
    if (expected <= limit) {
      ASSERT_EQ(got, expected) << s;
    }
  }
}

TEST(KeptCharacters, CountsWhatMatchKeyAlwaysKeepsUpToTheLimit) {
  // ASCII but white space and the quote, ideographs and four-byte characters count; other
  // punctuation and white space do not.
  const std::pair<std::string_view, size_t> pieces[] = {{"a", 1},  {" ", 0},  {"'", 0},
                                                        {"支", 1}, {"，", 0}, {"𠀀", 1},
                                                        {"\t", 0}, {"é", 0},  {"Ｂ", 0}};
  ExpectCountsUpToTheLimit(&KeptCharacters, pieces, 99);
}

TEST(Ideographs, CountsTheIdeographsAloneUpToTheLimit) {
  // Only U+4E00-9FFF counts: not ASCII, punctuation, U+3400 (E3 lead), four-byte characters.
  const std::pair<std::string_view, size_t> pieces[] = {
      {"a", 0},  {" ", 0},   {"支", 1},           {"，", 0}, {"𠀀", 0},
      {"\t", 0}, {"鿿", 1}, {"\xE3\x90\x80", 0}, {"Ｂ", 0}};
  ExpectCountsUpToTheLimit(&Ideographs, pieces, 11);
}

TEST(FindBracketCandidate, StopsAtEveryBracketAndReplacementCharacter) {
  // Every bracket the wording rule pairs, U+FFFD, and what shares their lead or third bytes
  // ("，" EF BC 8C, "。" E3 80 82, "—" E2 80 94, ideographs ending in 88 or BD), in texts long
  // and short enough for the sixteen-position blocks and the tail.
  const std::string_view brackets[] = {"(", ")",  "[",  "]",  "（", "）", "《", "》",    "“",
                                       "”", "【", "】", "〔", "〕", "［", "］", "\uFFFD"};
  const std::string_view others[] = {"，", "。", "—", "a", " ", "支", "∈", "与", "、", "：", "…"};
  RandomNumbers next(5);
  for (int round = 0; round < 5000; ++round) {
    std::string s;
    std::vector<size_t> expected;
    for (size_t c = next() % 60; c > 0; --c) {
      if (next() % 4 == 0) {
        expected.push_back(s.size());
        s += brackets[next() % std::size(brackets)];
      } else {
        s += others[next() % std::size(others)];
      }
    }
    std::vector<size_t> found;
    for (size_t i = FindBracketCandidate(s, 0); i != std::string_view::npos;
         i = FindBracketCandidate(s, i + 1)) {
      found.push_back(i);
    }
    // Every bracket is found; the others found are only those sharing a lead and a third byte
    // with one ("∈" E2 88 88), never "，" or "。".
    std::vector<size_t> missed;
    std::set_difference(expected.begin(), expected.end(), found.begin(), found.end(),
                        std::back_inserter(missed));
    ASSERT_TRUE(missed.empty()) << s;
    for (size_t i : found) {
      ASSERT_NE(s.substr(i, 3), "，") << s;
      ASSERT_NE(s.substr(i, 3), "。") << s;
    }
  }
}

TEST(Trim, RemovesEveryKindOfWhiteSpaceAtBothEndsOnly) {
  EXPECT_EQ(Trim(" \t\xE3\x80\x80支出\xC2\xA0\r\n"), "支出");
  EXPECT_EQ(Trim("\xEF\xBB\xBF合 计\xEF\xBB\xBF"), "合 计");
  EXPECT_EQ(Trim(""), "");
  EXPECT_EQ(Trim(" "), "");
  // The quick answer for texts without white space at their ends agrees with the full one,
  // including ends that merely share a byte with white space ("。" ends in 80, "（" starts
  // with EF).
  const std::string_view pieces[] = {
      "", " ", "\t", "\xE3\x80\x80", "\xC2\xA0", "\xEF\xBB\xBF", "。", "（", "a", "支"};
  for (std::string_view a : pieces) {
    for (std::string_view b : pieces) {
      for (std::string_view c : pieces) {
        const std::string s = std::string(a) + std::string(b) + std::string(c);
        ASSERT_EQ(Trim(s), TrimSpaces(s)) << s;
      }
    }
  }
}

TEST(ChineseNumber, ReadsOneToNinetyNine) {
  struct {
    const char* text;
    int value;
  } cases[] = {{"一", 1},      {"九", 9},    {"十", 10},     {"十一", 11}, {"二十", 20},
               {"二十一", 21}, {"三十", 30}, {"九十九", 99}, {"零", 0},    {"一十", 0},
               {"十十", 0},    {"abc", 0},   {"", 0},        {"一二", 0}};
  for (const auto& c : cases) EXPECT_EQ(ChineseNumber(c.text), c.value) << c.text;
}

TEST(StartsWithChineseNumeral, KnowsTheFirstCharacterOfEveryChineseNumber) {
  for (int n = 1; n <= 99; ++n) {
    // Every number ChineseNumber reads starts with a numeral.
    static constexpr std::string_view kDigits[] = {"",   "一", "二", "三", "四",
                                                   "五", "六", "七", "八", "九"};
    std::string text = n < 10 ? std::string(kDigits[n])
                       : n < 20
                           ? "十" + std::string(kDigits[n % 10])
                           : std::string(kDigits[n / 10]) + "十" + std::string(kDigits[n % 10]);
    ASSERT_EQ(ChineseNumber(text), n) << text;
    EXPECT_TRUE(StartsWithChineseNumeral(text + "、概况")) << text;
  }
  EXPECT_TRUE(StartsWithChineseNumeral("零"));
  for (std::string_view text : {"", "1、", "两个", "\xE4\xB8", "（一）", "第一部分"}) {
    EXPECT_FALSE(StartsWithChineseNumeral(text)) << text;
  }
}

TEST(NumberedMarkEnd, TellsAChineseNumeralOrDigitsAndTheirMark) {
  EXPECT_EQ(NumberedMarkEnd("十一、资产", false), std::string_view("十一、").size());
  EXPECT_EQ(NumberedMarkEnd("十一.资产", false), std::string_view("十一.").size());
  EXPECT_EQ(NumberedMarkEnd("11.资产", false), 0u);  // digits only when asked
  EXPECT_EQ(NumberedMarkEnd("11.资产", true), 3u);
  EXPECT_EQ(NumberedMarkEnd("2.50万元", true), 0u);
  EXPECT_EQ(NumberedMarkEnd("资产、设备", true), 0u);
}

TEST(IsSetInPageNumber, IsOneToFourDigitsSetInFromTheMargin) {
  EXPECT_TRUE(IsSetInPageNumber("                              5"));
  EXPECT_TRUE(IsSetInPageNumber("  1234  "));
  EXPECT_FALSE(IsSetInPageNumber("5"));   // at the margin: a cell of its own line
  EXPECT_FALSE(IsSetInPageNumber(" 5"));  // one space: a cell set in
  EXPECT_FALSE(IsSetInPageNumber("  12345"));
  EXPECT_FALSE(IsSetInPageNumber("  5.00"));  // an amount
  EXPECT_FALSE(IsSetInPageNumber("  5  6"));
  EXPECT_FALSE(IsSetInPageNumber("\t5"));
  EXPECT_FALSE(IsSetInPageNumber("   "));
}

TEST(OrdinalOf, TellsTheStyleAndTheNumber) {
  using S = Ordinal::Style;
  auto is = [](std::string_view t, S style, int number, std::string_view rest) {
    const Ordinal o = OrdinalOf(t);
    EXPECT_EQ(o.style, style) << t;
    EXPECT_EQ(o.number, number) << t;
    EXPECT_EQ(t.substr(o.end), rest) << t;
  };
  is("十一、国有资产", S::kNumeral, 11, "国有资产");
  is("十一．国有资产", S::kNumeral, 11, "国有资产");
  is("11.国有资产", S::kDigits, 11, "国有资产");
  is("11、国有资产", S::kDigits, 11, "国有资产");
  is("（十一）国有资产", S::kBracketedNumeral, 11, "国有资产");
  is("(十一)国有资产", S::kBracketedNumeral, 11, "国有资产");
  is("（11）国有资产", S::kBracketedDigits, 11, "国有资产");
  is("③国有资产", S::kCircled, 3, "国有资产");
  is("1.5万元用于培训", S::kNone, 0, "1.5万元用于培训");
  is("国有资产", S::kNone, 0, "国有资产");
  is("（项目绩效目标表公开情况见附件）", S::kNone, 0, "（项目绩效目标表公开情况见附件）");
}

TEST(StripOrdinal, RemovesTheLeadingOrdinalOnly) {
  EXPECT_EQ(StripOrdinal("二十一、粮油物资储备支出"), "粮油物资储备支出");
  EXPECT_EQ(StripOrdinal("（三）负责定点医药机构"), "负责定点医药机构");
  EXPECT_EQ(StripOrdinal("(一) 综合股"), "综合股");
  EXPECT_EQ(StripOrdinal("1、整体绩效目标"), "整体绩效目标");
  // A point for the mark, half- or full-width; not a figure's decimal point.
  EXPECT_EQ(StripOrdinal("一.部门预算收支情况"), "部门预算收支情况");
  EXPECT_EQ(StripOrdinal("十一．国有资产占有使用情况"), "国有资产占有使用情况");
  EXPECT_EQ(StripOrdinal("3.支出预算情况说明"), "支出预算情况说明");
  EXPECT_EQ(StripOrdinal("1.5万元用于培训"), "1.5万元用于培训");
  EXPECT_EQ(StripOrdinal("①公务用车购置费"), "公务用车购置费");
  EXPECT_EQ(StripOrdinal("本年收入合计"), "本年收入合计");
  EXPECT_EQ(StripOrdinal("大学、中学"), "大学、中学");
  // The mark ends an ordinal only within the first three characters; a later one is text.
  EXPECT_EQ(StripOrdinal("九十九、经费"), "经费");
  EXPECT_EQ(StripOrdinal("一二三四、经费"), "一二三四、经费");
  EXPECT_EQ(StripOrdinal("九十九十、经费"), "九十九十、经费");
  EXPECT_EQ(StripOrdinal("123、经费"), "经费");
  EXPECT_EQ(StripOrdinal("12345678、经费"), "经费");
  EXPECT_EQ(StripOrdinal("1234567890、经费"), "1234567890、经费");
  // Every kind of first character an ordinal may start with, and some that look alike.
  EXPECT_EQ(StripOrdinal("十、其他说明"), "其他说明");
  EXPECT_EQ(StripOrdinal("  三、经费 "), "经费");
  EXPECT_EQ(StripOrdinal("⑳经费"), "经费");
  EXPECT_EQ(StripOrdinal("零、经费"), "零、经费");
  EXPECT_EQ(StripOrdinal("两、经费"), "两、经费");
  EXPECT_EQ(StripOrdinal("（十二）经费"), "经费");
  EXPECT_EQ(StripOrdinal(""), "");
}

TEST(StripMarkup, RemovesHeadingsAndTags) {
  EXPECT_EQ(StripMarkup("### 2026年预算收支总表"), "2026年预算收支总表");
  EXPECT_EQ(StripMarkup("<b>第一部分 概况</b> ....."), "第一部分 概况 .....");
  EXPECT_EQ(StripMarkup("**一、基本支出：**指"), "一、基本支出：指");
  EXPECT_EQ(StripMarkup("<p>根据</p> <p>文件</p>"), "根据 文件");
  EXPECT_EQ(StripMarkup("a<br/>b<br>c<x>d*e***f"), "abc<x>d*e*f");
  EXPECT_EQ(StripMarkup("** <b> </b> **"), "");
}

// StripMarkupView is StripMarkup without a copy when the line has no markup.
TEST(StripMarkup, TheViewAgreesOnEveryPairOfPieces) {
  const std::string_view pieces[] = {"",  " ", "#",     "##",   "<b>",          "</b>", "<p>", "**",
                                     "*", "<", "<br/>", "支出", "\xE3\x80\x80", "a",    "\t"};
  std::string storage;
  for (std::string_view a : pieces) {
    for (std::string_view b : pieces) {
      for (std::string_view c : pieces) {
        const std::string s = std::string(a) + std::string(b) + std::string(c);
        ASSERT_EQ(StripMarkupView(s, &storage), StripMarkup(s)) << s;
      }
    }
  }
}

// The cells of a line and whether each is plain, collected from ForEachCell.
std::vector<std::pair<std::string, bool>> CellsOf(std::string_view line) {
  std::vector<std::pair<std::string, bool>> cells;
  ForEachCell(
      line, [&](std::string_view raw, bool plain) { cells.emplace_back(std::string(raw), plain); });
  return cells;
}

TEST(ForEachCell, KeepsEmptyCells) {
  const std::vector<std::pair<std::string, bool>> expected = {
      {"a", true}, {"", true}, {"b", true}, {"", true}};
  EXPECT_EQ(CellsOf("a\t\tb\t"), expected);
  EXPECT_EQ(CellsOf(""), (std::vector<std::pair<std::string, bool>>{{"", true}}));
}

TEST(ForEachCell, SplitsAndMarksPlainCellsAsTheirDefinitionSays) {
  // Lines of every length across the sixteen-byte blocks, the last overlapping block and the
  // short-line path, from pieces that are plain (ideographs, letters, digits) and pieces that
  // are not (spaces, ideographic space, no-break space, full-width and Chinese punctuation, an
  // apostrophe, a curly quote), with tabs among them.
  const std::string_view pieces[] = {"\t",       "支出", "a",  "12.5", " ", "\xE3\x80\x80",
                                     "\xC2\xA0", "，",   "《", "'",    "“", "项目名称",
                                     "\t\t",     "Ａ"};
  RandomNumbers next(31);
  for (int round = 0; round < 20000; ++round) {
    std::string line;
    for (size_t c = next() % 24; c > 0; --c) line += pieces[next() % std::size(pieces)];
    // By definition: split on every tab; plain when no byte may start a folding character.
    std::vector<std::pair<std::string, bool>> expected;
    size_t start = 0;
    for (size_t i = 0; i <= line.size(); ++i) {
      if (i < line.size() && line[i] != '\t') continue;
      const std::string cell = line.substr(start, i - start);
      const bool plain = std::none_of(cell.begin(), cell.end(), [](char ch) {
        const auto c = static_cast<unsigned char>(ch);
        return c <= ' ' || c == '\'' || c == 0xC2 || c == 0xE2 || c == 0xE3 || c == 0xEF;
      });
      expected.emplace_back(cell, plain);
      start = i + 1;
    }
    const auto cells = CellsOf(line);
    ASSERT_EQ(cells, expected) << line;
    // And what plain promises: the cell is its own trim, clean form and key.
    for (const auto& [cell, plain] : cells) {
      if (!plain) continue;
      ASSERT_EQ(Trim(cell), cell);
      ASSERT_EQ(CleanCell(cell), cell);
      ASSERT_EQ(MatchKey(cell), cell);
    }
  }
}

// The definition IsValidUtf8 must agree with: NextCodePoint never has to substitute U+FFFD.
bool ValidByDecoding(std::string_view s) {
  for (size_t pos = 0; pos < s.size();) {
    size_t before = pos;
    if (NextCodePoint(s, &pos) == 0xFFFD && s.substr(before, pos - before) != "\xEF\xBF\xBD") {
      return false;
    }
  }
  return true;
}

TEST(Utf8, ValidationAgreesWithDecodingOnEveryShortSequence) {
  std::string s;
  // Every one- and two-byte string, and every lead byte with every second byte and a sample
  // of third and fourth bytes, each also behind an ASCII run long enough for the 8-byte skip.
  for (int a = 0; a < 256; ++a) {
    for (int b = 0; b < 256; ++b) {
      for (int c : {-1, 0x41, 0x80, 0x8F, 0x90, 0xA0, 0xBF, 0xC0}) {
        for (int d : {-1, 0x80, 0xBF, 0x41}) {
          if (c < 0 && d >= 0) continue;
          s.assign({static_cast<char>(a), static_cast<char>(b)});
          if (c >= 0) s.push_back(static_cast<char>(c));
          if (d >= 0) s.push_back(static_cast<char>(d));
          ASSERT_EQ(IsValidUtf8(s), ValidByDecoding(s)) << a << " " << b << " " << c << " " << d;
          std::string padded = "abcdefghij" + s;
          ASSERT_EQ(IsValidUtf8(padded), ValidByDecoding(padded));
        }
      }
    }
  }
}

TEST(Utf8, DecodesAndValidates) {
  EXPECT_TRUE(IsValidUtf8("预算 abc"));
  EXPECT_FALSE(IsValidUtf8("\xE9\xA2"));      // truncated
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));      // overlong
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));  // surrogate
  size_t pos = 0;
  EXPECT_EQ(NextCodePoint("预", &pos), U'预');
  EXPECT_EQ(pos, 3u);
  std::string out;
  AppendUtf8(U'算', &out);
  AppendUtf8(U'😀', &out);
  EXPECT_EQ(out, "算😀");
}

TEST(ParseHundredths, IsExact) {
  int64_t v = 0;
  ASSERT_TRUE(ParseHundredths("300", &v));
  EXPECT_EQ(v, 30000);
  ASSERT_TRUE(ParseHundredths("1,250.5", &v));
  EXPECT_EQ(v, 125050);
  EXPECT_FALSE(ParseHundredths("1.2.3", &v));
  EXPECT_FALSE(ParseHundredths("", &v));
  EXPECT_FALSE(ParseHundredths(std::string(40, '9'), &v));
}

TEST(FoldDigits, TakesAFullWidthCommaBetweenThousandsAsTheSeparator) {
  std::string storage;
  auto fold = [&](std::string_view s) { return std::string(FoldDigits(s, &storage)); };
  EXPECT_EQ(fold("预算收入总计5，838.20万元"), "预算收入总计5,838.20万元");
  EXPECT_EQ(fold("８，２３７．７４"), "8,237.74");
  EXPECT_EQ(fold("1，234，567元"), "1,234,567元");
  // A sentence's comma: not three digits after it, or no digit before it.
  for (std::string_view s : {"共3个，12人", "第1，2项", "3，4567", "增长5%，100人", "年，2025年"}) {
    EXPECT_EQ(FoldDigits(s, &storage).data(), s.data()) << s;
  }
}

TEST(DropSpacesAroundFigures, DropsSpacesBetweenAFigureAndWhatIsReadWithIt) {
  std::string storage;
  auto drop = [&](std::string_view s) { return std::string(DropSpacesAroundFigures(s, &storage)); };
  EXPECT_EQ(drop("比上年增加 1770.29 万元"), "比上年增加1770.29万元");
  EXPECT_EQ(drop("占 31.53 %，"), "占31.53%，");
  EXPECT_EQ(drop("实有\u30001\u3000辆"), "实有1辆");
  EXPECT_EQ(drop("100人 × 990元/人 = 99000元"), "100人×990元/人=99000元");
  EXPECT_EQ(drop("190 * 500 ＝ 9.5万元"), "190*500＝9.5万元");
}

TEST(DropSpacesAroundFigures, KeepsSpacesBetweenFiguresAndInLatinText) {
  std::string storage;
  for (std::string_view s : {"100 200", "Windows 11", "A B", "", " ", "2026年预算"}) {
    const std::string_view out = DropSpacesAroundFigures(s, &storage);
    EXPECT_EQ(out, s);
    EXPECT_EQ(out.data(), s.data()) << s;  // nothing dropped: the text itself, not a copy
  }
  // Spaces at either end have nothing on one side: they stay.
  EXPECT_EQ(DropSpacesAroundFigures(" 5万元 ", &storage), " 5万元 ");
}

}  // namespace
}  // namespace yusuan
