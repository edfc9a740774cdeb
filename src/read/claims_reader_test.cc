#include "read/claims_reader.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace yusuan
