// The prose the wording rules read: its marks, found in one pass, are what each rule's own
// search finds, whatever the text's length and wherever the characters fall.
#include "check/prose.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "base/text.h"

namespace yusuan {
namespace {

// The marks as the rules' own searches find them.
uint8_t MarksBySearch(std::string_view text) {
  return static_cast<uint8_t>(
      (FindPunctuationPair(text, 0) != std::string_view::npos ? kPunctuationPair : 0) |
      (FindBracketCandidate(text, 0) != std::string_view::npos ? kBracket : 0) |
      (Contains(text, "与") ? kYu : 0) | (Contains(text, "等") ? kDeng : 0));
}

void ExpectSameMarks(std::string_view text) {
  EXPECT_EQ(int(MarksOf(text)), int(MarksBySearch(text))) << text;
}

TEST(Prose, MarksInOnePassAreWhatEachSearchFinds) {
  // Pieces that make or nearly make each mark: punctuation and its pairs, every bracket form
  // and U+FFFD, the two markers and characters that share their bytes (与 E4 B8 8E beside 丏
  // E4 B8 8F; 等 E7 AD 89 beside 筈 E7 AD 88), ideographs, digits and ASCII.
  const std::vector<std::string> pieces = {
      "，",   "。",   "、",   "；", "：",           ",",  "（", "）", "(",
      ")",    "[",    "]",    "《", "》",           "“",  "”",  "【", "】",
      "〔",   "〕",   "［",   "］", "\xEF\xBF\xBD", "与", "丏", "等", "筈",
      "资金", "项目", "指标", "1",  "95%",          " ",  "a",  "≥"};
  std::mt19937 random(20261204);
  for (int n = 0; n < 20000; ++n) {
    // Lengths from nothing to several blocks, so that marks fall inside the vector blocks,
    // across their edges and in the padded rest.
    const int count = static_cast<int>(random() % 24);
    std::string text;
    for (int k = 0; k < count; ++k) text += pieces[random() % pieces.size()];
    ExpectSameMarks(text);
    if (HasFailure()) return;
  }
}

TEST(Prose, AMarkAtEitherEndOfAnyLengthIsFound) {
  for (size_t filler = 0; filler <= 40; ++filler) {
    const std::string middle(filler, 'x');
    for (const char* mark : {"，，", ",,", "（", ")", "与", "等", "\xEF\xBF\xBD", "，"}) {
      ExpectSameMarks(mark + middle);
      ExpectSameMarks(middle + mark);
      // Cut inside the mark: its first bytes at the very end mark nothing.
      const std::string whole = middle + mark;
      for (size_t cut = 1; cut < std::string_view(mark).size(); ++cut) {
        ExpectSameMarks(std::string_view(whole).substr(0, whole.size() - cut));
      }
    }
  }
}

TEST(Prose, MarkersAreFoundAfterThePairAndTheBracketAreKnown) {
  const std::string filler(40, 'x');
  ExpectSameMarks("，，（" + filler + "与" + filler + "等");
  ExpectSameMarks("（，，" + filler + "等" + filler + "与" + filler);
  EXPECT_EQ(MarksOf("，，（" + filler + "与" + filler + "等"),
            kPunctuationPair | kBracket | kYu | kDeng);
}

TEST(Prose, ListsEveryTextAReviewerReadsInTheDocumentsOrderWithItsLine) {
  Document doc;
  doc.overview.duties.push_back(TextItem{"负责医疗保险等工作。", Location{3, 0}});
  Section s;
  s.heading = TextItem{"一、收支预算", Location{10, 0}};
  s.paragraphs.push_back(TextItem{"收入与支出（一）。", Location{11, 0}});
  doc.narrative.push_back(std::move(s));
  TargetTable t;
  t.overview = TextItem{"保障运转", Location{20, 2}};
  Indicator i;
  i.name = "培训人数";
  i.at = Location{25, 3};
  i.value.raw = "≥100人";
  i.value_at = Location{25, 4};
  t.indicators[kAnnual].push_back(i);
  doc.targets.push_back(std::move(t));

  std::vector<std::pair<std::string, uint32_t>> listed;
  ForProse(doc, [&](const Prose& p) {
    if (!p.text.empty()) listed.emplace_back(std::string(p.text), p.line);
  });
  const std::vector<std::pair<std::string, uint32_t>> expected = {{"负责医疗保险等工作。", 3},
                                                                  {"一、收支预算", 10},
                                                                  {"收入与支出（一）。", 11},
                                                                  {"保障运转", 20},
                                                                  {"培训人数", 25},
                                                                  {"≥100人", 25}};
  EXPECT_EQ(listed, expected);
  // A mark for every text listed, empty ones included, in the same order.
  const std::vector<uint8_t> marks = ReadProseMarks(doc);
  size_t count = 0;
  ForProse(doc, [&](const Prose& p) {
    ASSERT_LT(count, marks.size());
    EXPECT_EQ(marks[count++], MarksOf(p.text)) << p.text;
  });
  EXPECT_EQ(count, marks.size());
  EXPECT_EQ(marks[0], kDeng);
  // 与, the brackets, and "）。": two punctuation marks in a row (a candidate; the rule decides).
  EXPECT_EQ(marks[2], kYu | kBracket | kPunctuationPair);
}

}  // namespace
}  // namespace yusuan
