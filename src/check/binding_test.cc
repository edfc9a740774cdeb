// The table figure each narrative amount restates, bound once per document for the rules that
// compare them.
#include "check/binding.h"

#include <gtest/gtest.h>

#include "base/text.h"
#include "read/document_reader.h"
#include "testing/samples.h"

namespace yusuan {
namespace {

TEST(Binding, EachAmountClaimIsBoundToTheTableFigureItsSectionAndSubjectName) {
  auto doc = ReadDocumentFile(testing::SamplePath(testing::kSampleNames[1]));
  ASSERT_TRUE(doc.ok());
  const std::vector<Bound> bound = BindClaims(*doc);
  ASSERT_EQ(bound.size(), doc->claims.size());
  int basic = 0, bound_amounts = 0;
  for (size_t k = 0; k < bound.size(); ++k) {
    const Claim& c = doc->claims[k];
    if (c.kind != ClaimKind::kAmount) {
      EXPECT_EQ(bound[k].table, nullptr) << c.text;  // only amounts restate a figure
      continue;
    }
    bound_amounts += bound[k].table != nullptr;
    // "三、支出预算情况说明 … 基本支出383.26万元": table 3's total row, basic column.
    if (Contains(c.section, "支出预算情况") && Contains(c.subject, "基本支出")) {
      ASSERT_NE(bound[k].table, nullptr) << c.text;
      EXPECT_EQ(bound[k].table->kind(), TableKind::kExpenditureSummary);
      ASSERT_NE(bound[k].row, nullptr);
      EXPECT_EQ(bound[k].row->kind, RowKind::kTotal);
      EXPECT_EQ(bound[k].column, "basic");
      EXPECT_EQ(bound[k].row->amount(*bound[k].table, "basic").fen, c.amount.fen) << c.text;
      ++basic;
    }
  }
  EXPECT_GE(basic, 1);
  EXPECT_GE(bound_amounts, 5);
}

TEST(Binding, AClaimNoBindingKnowsOrWhoseTableIsMissingIsUnbound) {
  Document doc;  // no tables at all
  Claim known;   // a binding knows it, but the document lacks table 3
  known.section = "三、支出预算情况说明";
  known.subject = "基本支出";
  known.amount = Amount{38326, 1};
  Claim unknown = known;  // no binding for this section
  unknown.section = "十一、其他说明";
  doc.claims = {known, unknown};
  const std::vector<Bound> bound = BindClaims(doc);
  ASSERT_EQ(bound.size(), 2u);
  EXPECT_EQ(bound[0].table, nullptr);
  EXPECT_EQ(bound[1].table, nullptr);
}

}  // namespace
}  // namespace yusuan
