// The wording rules on prose written for the test: every bracket form they pair, and the
// renamed class names with and without the characters that mark them.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "check/rule.h"
#include "model/document.h"

namespace yusuan {
namespace {

// The findings of `rule` on a document whose narrative is the given paragraphs (line = index + 1).
std::vector<Finding> FindingsOf(const std::string& rule,
                                const std::vector<std::string>& paragraphs) {
  Document doc;
  Section s;
  for (size_t i = 0; i < paragraphs.size(); ++i) {
    s.paragraphs.push_back(TextItem{paragraphs[i], Location{static_cast<uint32_t>(i + 1), 0}});
  }
  doc.narrative.push_back(std::move(s));
  std::vector<Finding> out;
  for (Finding& f : CheckDocument(doc)) {
    if (f.rule == rule) out.push_back(std::move(f));
  }
  return out;
}

TEST(TextRules, EveryBracketFormIsPairedAndFullAndHalfWidthPairWithEachOther) {
  const std::vector<std::string> balanced = {
      "资金（一）用于培训。", "资金(一)用于培训。", "资金（一)用于培训。", "依据《条例》执行。",
      "称为“两费”。",         "文号〔2017〕32号。", "文号【2017】32号。",  "文号［2017］32号。",
      "文号[2017]32号。",     "文号【2017］32号。", "无括号的句子。",      "引号“嵌套《书名》”。"};
  EXPECT_TRUE(FindingsOf("text.unbalanced-brackets", balanced).empty());
  const std::vector<std::string> unbalanced = {
      "资金（一用于培训。", "资金一)用于培训。", "依据《条例执行。",
      "称为“两费。",        "文号〔2017 32号。", "文号2017】32号。",
      "文号［2017 32号。",  "文号[2017 32号。",  "称为两费”。"};
  std::vector<Finding> found = FindingsOf("text.unbalanced-brackets", unbalanced);
  ASSERT_EQ(found.size(), unbalanced.size());
  for (size_t i = 0; i < found.size(); ++i) EXPECT_EQ(found[i].line, i + 1);
}

TEST(TextRules, AnOpenBracketAtTheEndOfAnUnfinishedCellIsNotReported) {
  // The source may have cut the cell: only a finished sentence proves the bracket unclosed.
  EXPECT_TRUE(FindingsOf("text.unbalanced-brackets", {"资金（一用于培训"}).empty());
  EXPECT_EQ(FindingsOf("text.unbalanced-brackets", {"资金一）用于培训"}).size(), 1u);
}

// Every mention of another year in a paragraph is reported, not only the first; a cut-off
// cell (a replacement character) is not held to its brackets.
TEST(TextRules, EveryWrongYearInAParagraphIsReported) {
  Document doc;
  doc.year = 2026;
  Section s;
  s.paragraphs.push_back(
      TextItem{"依据2025年度部门预算和2026年度部门预算，参照2024年度部门预算。", Location{7, 0}});
  doc.narrative.push_back(std::move(s));
  std::vector<std::string> messages;
  for (const Finding& f : CheckDocument(doc)) {
    if (f.rule == "text.year") messages.push_back(f.message);
  }
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_NE(messages[0].find("2025"), std::string::npos);
  EXPECT_NE(messages[1].find("2024"), std::string::npos);
  EXPECT_TRUE(FindingsOf("text.unbalanced-brackets", {"资金（一用于\xEF\xBF\xBD。"}).empty());
}

TEST(TextRules, BracketsOfATextTheSourceCutAreNotJudgedWhereverTheCutIs) {
  // U+FFFD marks bytes decoding could not read: wherever it stands, before or after the
  // brackets, the text's true end is unknown and no pair is judged.
  for (std::string_view text :
       {"资金）一用于\xEF\xBF\xBD。", "\xEF\xBF\xBD资金）一用于。", "《办法（\xEF\xBF\xBD》。"}) {
    EXPECT_TRUE(FindingsOf("text.unbalanced-brackets", {std::string(text)}).empty()) << text;
  }
  // The same texts without the mark are judged.
  EXPECT_EQ(FindingsOf("text.unbalanced-brackets", {"资金）一用于。"}).size(), 1u);
  EXPECT_EQ(FindingsOf("text.unbalanced-brackets", {"《办法（》。"}).size(), 1u);
}

TEST(TextRules, RenamedClassNamesAreFoundWithEitherMarker) {
  std::vector<Finding> found = FindingsOf(
      "text.outdated-class-name",
      {"医疗卫生与计划生育支出100万元。", "国土海洋气象等支出。", "卫生健康支出与教育支出。",
       "文化体育与传媒支出及粮油物资储备管理等事务。", "等与。"});
  ASSERT_EQ(found.size(), 4u);
  EXPECT_EQ(found[0].line, 1u);
  EXPECT_EQ(found[0].expected, "卫生健康支出");
  EXPECT_EQ(found[1].line, 2u);
  EXPECT_EQ(found[1].expected, "自然资源海洋气象等支出");
  EXPECT_EQ(found[2].line, 4u);
  EXPECT_EQ(found[3].line, 4u);
  EXPECT_EQ(found[3].expected, "粮油物资储备支出");
}

TEST(TextRules, DoubledPunctuationIsFoundAtEveryPlaceOfALongText) {
  // Each listed pair after none to forty characters of text and before a tail of none to four
  // (short texts are read byte by byte, long ones sixteen positions a step and a plain tail),
  // among single marks and pairs that are not listed ("）。", "”，"), which are not reported.
  const std::string_view pairs[] = {"，，", "。。", "、、", "；；", "：：",
                                    "，。", "。，", ",,",   "；。", "：。"};
  const std::string_view fills[] = {"支出", "，",  "支", "。", "支", "）。",
                                    "支",   "”，", "a",  "、", "支"};
  for (std::string_view pair : pairs) {
    for (size_t before = 0; before <= 40; before += 3) {
      std::string clean;
      for (size_t k = 0; clean.size() < before * 3; ++k) clean += fills[k % std::size(fills)];
      if (clean.ends_with("，") || clean.ends_with("。") || clean.ends_with("、")) clean += "支";
      for (std::string_view tail : {"", "x", "支出经费"}) {
        const std::string text = clean + std::string(pair) + std::string(tail);
        std::vector<Finding> found = FindingsOf("text.doubled-punctuation", {text, clean + "支出"});
        ASSERT_EQ(found.size(), 1u) << text;
        EXPECT_EQ(found[0].line, 1u) << text;
        EXPECT_NE(found[0].message.find(std::string(pair)), std::string::npos)
            << text << " / " << found[0].message;
      }
    }
  }
}

}  // namespace
}  // namespace yusuan
