#include "read/claims_reader.h"

#include <gtest/gtest.h>

#include <chrono>

namespace yusuan {
namespace {

// A document whose narrative is one section of the given paragraphs, from line 10 on.
Document WithNarrative(std::string heading, std::vector<std::string> paragraphs) {
  Document doc;
  doc.name = "某单位";
  Section s;
  s.heading = TextItem{std::move(heading), Location{9, 0}};
  uint32_t line = 10;
  for (std::string& p : paragraphs)
    s.paragraphs.push_back(TextItem{std::move(p), Location{line++, 0}});
  doc.narrative.push_back(std::move(s));
  return doc;
}

// The last claim of `kind` in `doc`, or nullptr.
const Claim* LastOf(const Document& doc, ClaimKind kind) {
  const Claim* last = nullptr;
  for (const Claim& c : doc.claims) {
    if (c.kind == kind) last = &c;
  }
  return last;
}

TEST(ExtractClaims, ReadsAmountsSharesAndChangesWithTheirLines) {
  Document doc = WithNarrative("三、支出预算情况说明",
                               {"2026年支出预算6056.35万元，其中：基本支出383.26万元，占6.33%；",
                                "项目支出5673.09万元，比上年增加1770.29万元，增长45.36%。"});
  ExtractClaims(&doc);
  std::vector<const Claim*> amounts;
  const Claim* share = nullptr;
  const Claim* change = nullptr;
  for (const Claim& c : doc.claims) {
    if (c.kind == ClaimKind::kAmount) amounts.push_back(&c);
    if (c.kind == ClaimKind::kShare) share = &c;
    if (c.kind == ClaimKind::kChange) change = &c;
  }
  ASSERT_EQ(amounts.size(), 3u);
  EXPECT_EQ(amounts[0]->subject, "支出预算");
  // 0.01 万元 is 100 元, 10,000 分.
  EXPECT_EQ(amounts[0]->amount.fen, int64_t{605635} * 10000);
  EXPECT_EQ(amounts[0]->at.line, 10u);
  EXPECT_EQ(amounts[1]->subject, "基本支出");
  EXPECT_EQ(amounts[1]->amount.fen, int64_t{38326} * 10000);
  EXPECT_EQ(amounts[2]->subject, "项目支出");
  EXPECT_EQ(amounts[2]->at.line, 11u);
  ASSERT_NE(share, nullptr);
  EXPECT_EQ(share->subject, "基本支出");
  EXPECT_EQ(share->percent.digits, 633);
  EXPECT_EQ(share->percent.scale, 2);
  ASSERT_NE(change, nullptr);
  EXPECT_EQ(change->amount.fen, int64_t{177029} * 10000);
  EXPECT_FALSE(change->decrease);
  EXPECT_EQ(change->at.line, 11u);
}

// A change against last year said with 较 ("较上年", "较2025年预算") as with 比: it was read as
// an amount whose subject was "较上年增加", and a wrong change went unchecked. 较 of a degree
// ("人员较多，增加…") begins no comparison.
TEST(ExtractClaims, ReadsAChangeSaidWith较) {
  for (const char* said : {"较上年减少", "较2025年预算减少", "较去年同期减少", "比上年减少"}) {
    Document doc = WithNarrative("三、支出预算情况说明", {std::string("项目支出5673.09万元，") +
                                                          said + "1770.29万元，下降23.78%。"});
    ExtractClaims(&doc);
    const Claim* change = nullptr;
    size_t amounts = 0;
    for (const Claim& c : doc.claims) {
      if (c.kind == ClaimKind::kChange) change = &c;
      amounts += c.kind == ClaimKind::kAmount;
    }
    ASSERT_NE(change, nullptr) << said;
    EXPECT_EQ(amounts, 1u) << said;
    EXPECT_TRUE(change->decrease) << said;
    EXPECT_EQ(change->subject, "项目支出") << said;
    EXPECT_EQ(change->amount.fen, int64_t{177029} * 10000) << said;
    EXPECT_TRUE(change->has_percent) << said;
    EXPECT_TRUE(change->text.starts_with(std::string(said).substr(0, 3))) << change->text;
  }
  Document degree =
      WithNarrative("三、支出预算情况说明", {"基本支出383.26万元，因人员较多，增加12.00万元。"});
  ExtractClaims(&degree);
  for (const Claim& c : degree.claims) EXPECT_NE(c.kind, ClaimKind::kChange) << c.text;
}

// A share or a change's percentage in the forms narratives print them, and amounts in "万"
// without 元: each form but the first was missed (the percentage, or the amount itself).
TEST(ExtractClaims, ReadsSharesAndPercentagesInTheirPrintedForms) {
  for (const char* share : {"，占6.33%", "（占6.33%）", "，占比6.33%", "，占总支出的6.33%"}) {
    Document doc = WithNarrative(
        "三、支出预算情况说明",
        {std::string("支出预算6056.35万元，其中：基本支出383.26万元") + share + "；"});
    ExtractClaims(&doc);
    const Claim* found = LastOf(doc, ClaimKind::kShare);
    ASSERT_NE(found, nullptr) << share;
    EXPECT_EQ(found->subject, "基本支出");
    EXPECT_EQ(found->percent.digits, 633) << share;
  }
  for (const char* change :
       {"，增长41.30%", "（增长41.30%）", "，增幅41.30%", "，同比增长41.30%", "，增幅为41.30%"}) {
    Document doc =
        WithNarrative("三、支出预算情况说明",
                      {std::string("支出预算6056.35万元，比上年增加1770.29万元") + change + "。"});
    ExtractClaims(&doc);
    const Claim* found = LastOf(doc, ClaimKind::kChange);
    ASSERT_NE(found, nullptr) << change;
    EXPECT_TRUE(found->has_percent) << change;
    EXPECT_EQ(found->percent.digits, 4130) << change;
  }
  // A percentage further on, or after a figure that is no percentage, is not taken.
  Document far = WithNarrative("三、支出预算情况说明",
                               {"基本支出383.26万元，占全部支出中人员和公用经费合计的6.33%。"});
  ExtractClaims(&far);
  for (const Claim& c : far.claims) EXPECT_NE(c.kind, ClaimKind::kShare) << c.text;
}

TEST(ExtractClaims, ReadsAnAmountInWanWithoutYuan) {
  Document doc = WithNarrative(
      "三、支出预算情况说明",
      {"支出预算6056.35万，其中：住房保障支出31.32万等；“三公”经费2.18万比2025年减少0.42万。"
       "服务参保群众3万人次，新建1.5万平方米。"});
  ExtractClaims(&doc);
  std::vector<int64_t> amounts;
  const Claim* change = nullptr;
  for (const Claim& c : doc.claims) {
    if (c.kind == ClaimKind::kAmount) amounts.push_back(c.amount.fen);
    if (c.kind == ClaimKind::kChange) change = &c;
  }
  EXPECT_EQ(amounts, (std::vector<int64_t>{int64_t{605635} * 10000, int64_t{3132} * 10000,
                                           int64_t{218} * 10000}));
  ASSERT_NE(change, nullptr);
  EXPECT_EQ(change->amount.fen, int64_t{42} * 10000);
  EXPECT_EQ(change->unit, MoneyUnit::kWanYuan);
}

TEST(ExtractClaims, ReadsListsAndStatementsOfNone) {
  Document doc =
      WithNarrative("七、“三公”经费预算情况说明",
                    {"本单位无“三公”经费预算。公用经费主要包括：办公费、邮电费、差旅费等。"});
  ExtractClaims(&doc);
  bool none = false;
  const Claim* list = nullptr;
  for (const Claim& c : doc.claims) {
    none = none || c.kind == ClaimKind::kNone;
    if (c.kind == ClaimKind::kList) list = &c;
  }
  EXPECT_TRUE(none);
  ASSERT_NE(list, nullptr);
  EXPECT_EQ(list->items, (std::vector<std::string>{"办公费", "邮电费", "差旅费"}));
}

// How long extracting the claims of `doc` takes, in seconds.
double TimedExtract(Document* doc) {
  const auto start = std::chrono::steady_clock::now();
  ExtractClaims(doc);
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// The sections below once took time quadratic in their size, half a minute or more each: every
// figure looked for its paragraph among all of them, every list for each of its stops (and
// every change for its 比) through the rest (the start) of the section. The bounds leave room
// for the sanitizer build; the extractions take well under a second in Release.
TEST(ExtractClaims, ASectionOfManyParagraphsIsReadInLinearTime) {
  constexpr int kParagraphs = 200000;
  Document doc = WithNarrative("三、支出预算情况说明",
                               std::vector<std::string>(kParagraphs, "办公费1.00万元。"));
  const double seconds = TimedExtract(&doc);
  ASSERT_EQ(doc.claims.size(), static_cast<size_t>(kParagraphs));
  EXPECT_EQ(doc.claims.back().at.line, 10u + kParagraphs - 1);
  EXPECT_EQ(doc.claims.back().subject, "办公费");
  EXPECT_LT(seconds, 20.0);
}

TEST(ExtractClaims, ManyListsAndChangesInASectionAreReadInLinearTime) {
  constexpr int kParagraphs = 50000;
  Document doc = WithNarrative(
      "三、支出预算情况说明",
      std::vector<std::string>(kParagraphs, "公用经费增加1.00万元，主要包括：办公费、印刷费。"));
  const double seconds = TimedExtract(&doc);
  size_t lists = 0;
  for (const Claim& c : doc.claims) {
    if (c.kind != ClaimKind::kList) continue;
    ++lists;
    EXPECT_EQ(c.items, (std::vector<std::string>{"办公费", "印刷费"}));
  }
  EXPECT_EQ(lists, static_cast<size_t>(kParagraphs));
  EXPECT_LT(seconds, 20.0);
}

// A list ends where the next begins, even when no stop comes between them.
TEST(ExtractClaims, AListEndsWhereTheNextBegins) {
  Document doc =
      WithNarrative("三、支出预算情况说明", {"公用经费主要包括：办公费、印刷费，人员经费主要包括："
                                             "工资、津贴"});
  ExtractClaims(&doc);
  std::vector<std::vector<std::string>> lists;
  for (const Claim& c : doc.claims) {
    if (c.kind == ClaimKind::kList) lists.push_back(c.items);
  }
  EXPECT_EQ(lists, (std::vector<std::vector<std::string>>{{"办公费", "印刷费，人员经费"},
                                                          {"工资", "津贴"}}));
}

// Figures run together without a delimiter: past kMaxSubjectChars characters there is no
// subject to find, and the subject is left unknown instead of being looked for back to the
// start of the text for every figure.
TEST(ExtractClaims, FiguresRunTogetherWithoutADelimiterHaveNoSubject) {
  constexpr int kFigures = 100000;
  std::string text = "办公费";
  for (int i = 0; i < kFigures; ++i) text += "1万元";
  Document doc = WithNarrative("三、支出预算情况说明", {text});
  const double seconds = TimedExtract(&doc);
  ASSERT_EQ(doc.claims.size(), static_cast<size_t>(kFigures));
  EXPECT_EQ(doc.claims.front().subject, "办公费");
  EXPECT_EQ(doc.claims.back().subject, "");
  EXPECT_EQ(doc.claims.back().amount.fen, 1000000);
  EXPECT_LT(seconds, 20.0);
}

}  // namespace
}  // namespace yusuan
