// The prose the wording rules read: its marks, found in one pass, are where each rule's own
// search would stop first, whatever the text's length and wherever the characters fall.
#include "check/prose.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "base/text.h"

namespace yusuan {
namespace {

// Each mark as the rules' own searches find it.
Prose MarksBySearch(std::string_view text) {
  Prose p;
  p.text = text;
  if (size_t at = FindPunctuationPair(text, 0); at != std::string_view::npos) {
    p.punctuation_pair = static_cast<uint32_t>(at);
  }
  if (size_t at = FindBracketCandidate(text, 0); at != std::string_view::npos) {
    p.bracket = static_cast<uint32_t>(at);
  }
  if (Contains(text, "与")) p.markers |= Prose::kYu;
  if (Contains(text, "等")) p.markers |= Prose::kDeng;
  return p;
}

void ExpectSameMarks(std::string_view text) {
  const Prose one_pass = MarksOf(text), searched = MarksBySearch(text);
  EXPECT_EQ(one_pass.punctuation_pair, searched.punctuation_pair) << text;
  EXPECT_EQ(one_pass.bracket, searched.bracket) << text;
  EXPECT_EQ(int(one_pass.markers), int(searched.markers)) << text;
  EXPECT_EQ(one_pass.text.data(), text.data());
}

TEST(Prose, MarksInOnePassAreWhereEachSearchStopsFirst) {
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
  EXPECT_EQ(MarksOf("，，（" + filler + "与" + filler + "等").markers, Prose::kYu | Prose::kDeng);
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

  const std::vector<Prose> prose = ReadProse(doc);
  std::vector<std::pair<std::string, uint32_t>> listed;
  for (const Prose& p : prose) {
    if (!p.text.empty()) listed.emplace_back(std::string(p.text), p.line);
  }
  const std::vector<std::pair<std::string, uint32_t>> expected = {{"负责医疗保险等工作。", 3},
                                                                  {"一、收支预算", 10},
                                                                  {"收入与支出（一）。", 11},
                                                                  {"保障运转", 20},
                                                                  {"培训人数", 25},
                                                                  {"≥100人", 25}};
  EXPECT_EQ(listed, expected);
  EXPECT_EQ(prose[0].markers, Prose::kDeng);
  EXPECT_EQ(prose[2].markers, Prose::kYu);
  EXPECT_EQ(prose[2].bracket, std::string_view("收入与支出").size());
}

}  // namespace
}  // namespace yusuan
