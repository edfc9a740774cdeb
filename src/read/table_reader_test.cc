// Table reading on small inline documents: each test names the layout variation it proves.
#include "read/table_reader.h"

#include <gtest/gtest.h>

#include "read/document_reader.h"

namespace yusuan {
namespace {

Document Read(const std::string& text, const char* title = "测试单位\n\n2026年度单位预算公开\n") {
  auto doc = ReadDecoded(std::string(title) + text, "test.txt", "UTF-8");
  EXPECT_TRUE(doc.ok()) << doc.status().message();
  return doc.ok() ? std::move(*doc) : Document{};
}

int64_t Wan(const char* printed) { return ParseAmount(printed, MoneyUnit::kWanYuan)->fen; }

const char* kExpenditure =
    "2026年预算支出总表\n"
    "单位名称：测试单位\n"
    "单位：万元\n"
    "项目\t\t2026年预算数\t\t\n"
    "科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
    "合计\t\t186.83\t56.83\t130.00\n"
    "208\t社会保障和就业支出\t186.83\t56.83\t130.00\n"
    "20805\t行政事业单位养老支出\t56.83\t56.83\t\n"
    "2080505\t机关事业单位基本养老保险缴费支出\t37.89\t37.89\t\n"
    "2080506\t机关事业单位职业年金缴费支出\t18.94\t18.94\t\n"
    "20807\t就业补助\t130.00\t\t130.00\n"
    "2080704\t社会保险补贴\t130.00\t\t130.00\n";

TEST(TableReader, ReadsCodesIntoTheHierarchy) {
  Document doc = Read(kExpenditure);
  const Table* t = doc.table(TableKind::kExpenditureSummary);
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->entity, "测试单位");
  ASSERT_EQ(t->rows.size(), 7u);
  EXPECT_EQ(t->rows[0].kind, RowKind::kTotal);
  EXPECT_EQ(t->rows[1].kind, RowKind::kClass);
  EXPECT_EQ(t->rows[2].kind, RowKind::kKuan);
  EXPECT_EQ(t->rows[3].kind, RowKind::kXiang);
  EXPECT_EQ(t->rows[1].parent, 0);
  EXPECT_EQ(t->rows[2].parent, 1);
  EXPECT_EQ(t->rows[3].parent, 2);
  EXPECT_EQ(t->rows[6].parent, 5);
  EXPECT_EQ(t->rows[0].amount(*t, "basic").fen, Wan("56.83"));
  EXPECT_FALSE(t->rows[2].amount(*t, "project").present());
  // Provenance: line and 1-based column of the cell.
  const Cell* c = t->rows[3].cell(*t, "total");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->at.line, 12u);
  EXPECT_EQ(c->at.column, 3u);
  EXPECT_TRUE(doc.diagnostics.empty());
}

// The national template's code columns 类, 款 and 项: told by the header line or, without it,
// by a row that starts with a class and a 款; a 款 or 项 printed without its parents takes them
// from the rows above; a 项 under a class with no 款 is left as printed, marked.
TEST(TableReader, JoinsACodePrintedOverTheCellsOfItsLevels) {
  const std::string head =
      "2026年预算支出总表\n"
      "单位：万元\n"
      "科目编码\t\t\t科目名称\t合计\t基本支出\t项目支出\n";
  const std::string levels = "类\t款\t项\n";
  const std::string rows =
      "\t\t\t合计\t56.83\t56.83\t\n"
      "208\t\t\t社会保障和就业支出\t56.83\t56.83\t\n"
      "208\t05\t\t行政事业单位养老支出\t56.83\t56.83\t\n"
      "\t\t05\t机关事业单位基本养老保险缴费支出\t37.89\t37.89\t\n"
      "\t\t06\t机关事业单位职业年金缴费支出\t18.94\t18.94\t\n";
  for (const std::string& text : {head + levels + rows, head + rows}) {
    Document doc = Read(text);
    const Table* t = doc.table(TableKind::kExpenditureSummary);
    ASSERT_NE(t, nullptr);
    ASSERT_EQ(t->rows.size(), 5u);
    EXPECT_EQ(t->rows[0].kind, RowKind::kTotal);
    EXPECT_EQ(t->rows[2].key, "20805");
    EXPECT_EQ(t->rows[3].key, "2080505");
    EXPECT_EQ(t->rows[4].key, "2080506");
    EXPECT_EQ(t->rows[4].parent, 2);
    EXPECT_EQ(t->rows[4].cells(*t)[1].text, "机关事业单位职业年金缴费支出");
    EXPECT_EQ(t->rows[4].cell(*t, "total")->at.column, 5u);  // as printed
    EXPECT_TRUE(doc.diagnostics.empty()) << doc.diagnostics.front().message;
  }
  Document odd = Read(head + levels + "208\t\t01\t行政运行\t1.00\t1.00\t\n");
  const Table* t = odd.table(TableKind::kExpenditureSummary);
  ASSERT_NE(t, nullptr);
  ASSERT_EQ(t->rows.size(), 1u);
  EXPECT_NE(t->rows[0].key, "20801");
  EXPECT_FALSE(odd.diagnostics.empty());
}

// The budget unit and the money unit on one line, in the forms templates print them: both
// are read (the money unit was missed, and a table in 元 read as 万元, ten thousand times too
// much; the unit's label went into the entity's name).
TEST(TableReader, ReadsTheEntityAndTheMoneyUnitFromOneLine) {
  for (const char* head :
       {"部门名称：测试局\t\t\t单位：元", "编制单位：测试局　　金额单位：元",
        "单位名称：测试局    单位:元", "单位名称：测试局单位：元", "单位：元\t单位名称：测试局",
        "预算单位：测试局\t金额单位：元\t",
        "编制单位：长治市屯留区卫生健康和体育局下属社区卫生服务中心\t\t单位：元"}) {
    Document doc = Read(std::string("2026年预算支出总表\n") + head +
                        "\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
                        "合计\t\t1500.00\t1500.00\t\n");
    const Table* t = doc.table(TableKind::kExpenditureSummary);
    ASSERT_NE(t, nullptr) << head;
    EXPECT_TRUE(t->entity == "测试局" || t->entity.ends_with("服务中心")) << head;
    EXPECT_EQ(t->unit, MoneyUnit::kYuan) << head;
    ASSERT_EQ(t->rows.size(), 1u) << head;
    EXPECT_EQ(t->rows[0].amount(*t, "total").fen, 150000) << head;
  }
  // A name with 单位 in it stays whole; a line with more than the two is no head line.
  TableHead head;
  ASSERT_TRUE(ReadTableHead("单位名称：测试事业单位", &head));
  EXPECT_EQ(head.entity, "测试事业单位");
  EXPECT_FALSE(head.has_unit);
  EXPECT_FALSE(ReadTableHead("单位名称：测试局\t科目编码", &head));
  EXPECT_FALSE(ReadTableHead("单位：千元", &head));
}

// The national template orders 预算收入总表 "合计 上年结转 一般公共预算 …" where the catalogue
// has 上年结转 last: the header names every amount column, and the cells are read by name, not
// by place (the figures were a column off: every row-sum and cross-table check false).
TEST(TableReader, ReadsColumnsInTheOrderTheHeaderNamesThem) {
  Document doc = Read(
      "2026年预算收入总表\n"
      "单位：万元\n"
      "科目编码\t科目名称\t合计\t上年结转\t一般公共预算拨款\t政府性基金预算拨款\t"
      "国有资本经营预算\t财政专户管理资金\t单位资金\n"
      "合计\t\t110.00\t10.00\t60.00\t30.00\t\t\t20.00\n"
      "208\t社会保障和就业支出\t110.00\t10.00\t60.00\t30.00\t\t\t20.00\n");
  const Table* t = doc.table(TableKind::kIncomeSummary);
  ASSERT_NE(t, nullptr);
  ASSERT_EQ(t->rows.size(), 2u);
  const Row& total = t->rows[0];
  EXPECT_EQ(total.amount(*t, "carryover").fen, Wan("10.00"));
  EXPECT_EQ(total.amount(*t, "general").fen, Wan("60.00"));
  EXPECT_EQ(total.amount(*t, "fund").fen, Wan("30.00"));
  EXPECT_EQ(total.amount(*t, "unit_funds").fen, Wan("20.00"));
  EXPECT_EQ(total.cell(*t, "carryover")->at.column, 4u);  // where it is printed
  EXPECT_EQ(total.cell(*t, "unit_funds")->at.column, 9u);
  EXPECT_TRUE(doc.diagnostics.empty()) << doc.diagnostics.front().message;
  // A header that names a column twice, or not every one, leaves the catalogue's order.
  Document twice = Read(
      "2026年预算支出总表\n"
      "科目编码\t科目名称\t合计\t项目支出\t项目支出\n"
      "合计\t\t3.00\t1.00\t2.00\n");
  const Table* t2 = twice.table(TableKind::kExpenditureSummary);
  ASSERT_NE(t2, nullptr);
  ASSERT_EQ(t2->rows.size(), 1u);
  EXPECT_EQ(t2->rows[0].amount(*t2, "basic").fen, Wan("1.00"));
}

TEST(TableReader, RepairsAMissingTabWhenExactlyOneReadingSatisfiesTheRowSum) {
  // The second data row lost a tab before 上年结转, putting 268.37 under 单位资金.
  Document doc = Read(
      "2026年预算收入总表\n"
      "项目\t\t本年收入\t\t\t\t\t\t上年结转\n"
      "科目编码\t科目名称\t合计\t一般公共预算\t政府性基金\t国有资本经营预算\t财政专户管理资金\t单位"
      "资金\t\n"
      "2100408\t基本公共卫生服务\t2599.25\t2599.25\t\t\t\t\t268.37\n"
      "2100409\t重大公共卫生服务\t59.85\t59.85\t\t\t\t17.26\n");
  const Table* t = doc.table(TableKind::kIncomeSummary);
  ASSERT_NE(t, nullptr);
  ASSERT_EQ(t->rows.size(), 2u);
  EXPECT_TRUE(t->rows[0].doubt.empty());
  const Row& repaired = t->rows[1];
  EXPECT_FALSE(repaired.amount(*t, "unit_funds").present());
  EXPECT_EQ(repaired.amount(*t, "carryover").fen, Wan("17.26"));
  EXPECT_TRUE(repaired.cell(*t, "carryover")->doubtful);
  EXPECT_EQ(repaired.cell(*t, "carryover")->at.column, 8u);  // where it was printed
  EXPECT_FALSE(repaired.doubt.empty());
  ASSERT_EQ(doc.diagnostics.size(), 1u);
  EXPECT_EQ(doc.diagnostics[0].at.line, 8u);
}

TEST(TableReader, KeepsARowAsPrintedWhenTheSumFailsAndNoRepairHelps) {
  // A genuine arithmetic error is not a layout problem: the reader must not "fix" it.
  Document doc = Read(
      "2026年预算支出总表\n"
      "科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
      "208\t社会保障和就业支出\t186.83\t56.83\t131.00\n");
  const Table* t = doc.table(TableKind::kExpenditureSummary);
  ASSERT_NE(t, nullptr);
  ASSERT_EQ(t->rows.size(), 1u);
  EXPECT_EQ(t->rows[0].amount(*t, "project").fen, Wan("131.00"));
  EXPECT_FALSE(t->rows[0].cell(*t, "project")->doubtful);
}

TEST(TableReader, MarksTextInAnAmountColumnAsDoubtful) {
  Document doc = Read(
      "2026年预算支出总表\n"
      "科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
      "208\t社会保障和就业支出\t186.83\t见附表\t\n");
  const Table* t = doc.table(TableKind::kExpenditureSummary);
  ASSERT_NE(t, nullptr);
  ASSERT_EQ(t->rows.size(), 1u);
  const Cell* basic = t->rows[0].cell(*t, "basic");
  EXPECT_TRUE(basic->doubtful);
  EXPECT_EQ(basic->text, "见附表");
  EXPECT_FALSE(basic->amount().present());
  EXPECT_FALSE(t->rows[0].doubt.empty());
  EXPECT_FALSE(doc.diagnostics.empty());
}

TEST(TableReader, ReadsTheNoDataNoteAsAnEmptyTable) {
  Document doc = Read(
      "2026年政府性基金预算支出表（不含上年结转）\n"
      "单位：万元\n"
      "科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
      "合计\t\t\t\t\n"
      "\n"
      "注：本表无数据\n");
  const Table* t = doc.table(TableKind::kFundExpenditure);
  ASSERT_NE(t, nullptr);
  EXPECT_TRUE(t->no_data);
  EXPECT_EQ(t->no_data_at.line, 9u);
  ASSERT_EQ(t->rows.size(), 1u);
  EXPECT_EQ(t->rows[0].kind, RowKind::kTotal);
}

TEST(TableReader, SkipsWatermarksPageBreaksAndRepeatedHeaders) {
  Document doc = Read(
      "2026年预算支出总表\n"
      "科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
      "合计\t\t56.83\t56.83\t\n"
      "仅供内部审核\n"
      "\n"
      "科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
      "208\t社会保障和就业支出\t56.83\t56.83\t\n");
  const Table* t = doc.table(TableKind::kExpenditureSummary);
  ASSERT_NE(t, nullptr);
  ASSERT_EQ(t->rows.size(), 2u);
  EXPECT_EQ(t->rows[1].key, "208");
  EXPECT_TRUE(doc.diagnostics.empty());
}

TEST(TableReader, ReadsTwoSidedSummaryRowsByName) {
  Document doc = Read(
      "2026年财政拨款收支总表\n"
      "收入\t\t支出\t\t\t\t\n"
      "项目\t金额\t项目\t金额\t\t\t\n"
      "\t\t\t小计\t一般公共预算\t政府性基金预算\t国有资本经营预算\n"
      "一、一般公共预算\t6217.80\t八、社会保障和就业支出\t4675.90\t4675.90\t\t\n"
      "本年收入合计\t6217.80\t本年支出合计\t6718.33\t6718.33\t\t\n"
      "上年财政拨款结转\t500.53\t年终结转\t\t\t\t\n"
      "一、一般公共预算\t500.53\t\t\t\t\t\n"
      "收入总计\t6718.33\t支出总计\t6718.33\t6718.33\t\t\n");
  const Table* t = doc.table(TableKind::kFiscalSummary);
  ASSERT_NE(t, nullptr);
  const Row* general = t->find_key("general", 0);
  const Row* carried = t->find_key("carryover_general", 0);
  ASSERT_NE(general, nullptr);
  ASSERT_NE(carried, nullptr);
  EXPECT_EQ(general->at.line, 8u);
  EXPECT_EQ(carried->at.line, 11u);
  const Row* social = t->find_key("208", 1);
  ASSERT_NE(social, nullptr);
  EXPECT_EQ(social->kind, RowKind::kClass);
  EXPECT_EQ(social->amount(*t, "subtotal").fen, Wan("4675.90"));
  EXPECT_EQ(t->find_key("grand_total", 1)->kind, RowKind::kTotal);
}

TEST(TableReader, TellsEconomicGroupsFromItems) {
  Document doc = Read(
      "2026年一般公共预算安排基本支出分经济科目表（不含上年结转）\n"
      "部门预算支出经济科目名称\t政府预算支出经济科目名称\t2026年预算数\t\t\n"
      "\t\t合计\t人员经费\t公用经费\n"
      "合计\t\t383.26\t359.54\t23.72\n"
      "工资福利支出\t\t359.54\t359.54\t\n"
      "基本工资\t工资福利支出\t359.54\t359.54\t\n"
      "商品和服务支出\t\t23.72\t\t23.72\n"
      "办公费\t商品和服务支出\t23.72\t\t23.72\n");
  const Table* t = doc.table(TableKind::kBasicEconomic);
  ASSERT_NE(t, nullptr);
  ASSERT_EQ(t->rows.size(), 5u);
  EXPECT_EQ(t->rows[1].kind, RowKind::kGroup);
  EXPECT_EQ(t->rows[2].kind, RowKind::kItem);
  EXPECT_EQ(t->rows[2].parent, 1);
  EXPECT_EQ(t->rows[4].parent, 3);
  EXPECT_EQ(t->rows[1].parent, 0);
}

TEST(TableReader, SegmentsDepartmentProjectsByUnitSubtotals) {
  // The department and its first unit share a name; only the sums tell them apart.
  Document doc = Read(
      "2026年项目支出预算表（上年结转）\n"
      "部门名称：某局\n"
      "项目名称\t合计\t2026年财政拨款\t\t\n"
      "\t\t一般公共预算\t政府性基金预算\t国有资本经营预算\n"
      "1\t2\t3\t4\t5\n"
      "某局\t130.00\t130.00\t\t\n"
      "某局\t100.00\t100.00\t\t\n"
      "甲项目\t60.00\t60.00\t\t\n"
      "乙项目\t40.00\t40.00\t\t\n"
      "某中心\t30.00\t30.00\t\t\n"
      "丙项目\t30.00\t30.00\t\t\n"
      "丁项目\t0.00\t0.00\t\t\n",
      "某局\n\n2026年度部门预算公开\n");
  ASSERT_EQ(doc.kind, DocumentKind::kDepartment);
  const Table* t = doc.table(TableKind::kProjectsCarryover);
  ASSERT_NE(t, nullptr);
  ASSERT_EQ(t->rows.size(), 7u);
  EXPECT_EQ(t->rows[0].kind, RowKind::kDepartment);
  EXPECT_EQ(t->rows[1].kind, RowKind::kUnit);
  EXPECT_EQ(t->rows[2].kind, RowKind::kProject);
  EXPECT_EQ(t->rows[3].kind, RowKind::kProject);
  EXPECT_EQ(t->rows[4].kind, RowKind::kUnit);
  EXPECT_EQ(t->rows[5].kind, RowKind::kProject);
  EXPECT_EQ(t->rows[6].kind, RowKind::kProject);  // zero-amount project stays with its unit
  EXPECT_EQ(t->rows[5].unit, "某中心");
  EXPECT_EQ(t->rows[5].parent, 4);
}

TEST(TableReader, FallsBackToNamesWhenSubtotalsDoNotCloseAndSaysSo) {
  Document doc = Read(
      "2026年项目支出预算表（上年结转）\n"
      "项目名称\t合计\t一般公共预算\t政府性基金预算\t国有资本经营预算\n"
      "某局\t130.00\t130.00\t\t\n"
      "某局\t99.00\t99.00\t\t\n"
      "甲项目\t60.00\t60.00\t\t\n"
      "乙项目\t40.00\t40.00\t\t\n"
      "某中心\t30.00\t30.00\t\t\n"
      "丙项目\t30.00\t30.00\t\t\n",
      "某局\n\n2026年度部门预算公开\n");
  const Table* t = doc.table(TableKind::kProjectsCarryover);
  ASSERT_NE(t, nullptr);
  ASSERT_EQ(t->rows.size(), 6u);
  EXPECT_EQ(t->rows[1].kind, RowKind::kUnit);
  EXPECT_FALSE(t->rows[1].doubt.empty());
  EXPECT_EQ(t->rows[3].kind, RowKind::kProject);
  EXPECT_EQ(t->rows[4].kind, RowKind::kUnit);
  EXPECT_EQ(t->rows[5].kind, RowKind::kProject);
}

TEST(TableReader, UnitDocumentStartsWithTheUnitsOwnTotal) {
  Document doc = Read(
      "2026年项目支出预算表（本年预算）\n"
      "项目名称\t合计\t2026年财政拨款\t\t\t财政专户管理 资金\t单位资金\n"
      "\t\t一般公共预算\t政府性 基金预 算\t国有资本经营 预算\t\t\n"
      "1\t2\t3\t4\t5\t6\t7\n"
      "测试单位\t100.00\t100.00\t\t\t\t\n"
      "“城乡居民个人缴费补 贴”资 金\t70.00\t70.00\t\t\t\t\n"
      "信息化经费\t30.00\t30.00\t\t\t\t\n");
  const Table* t = doc.table(TableKind::kProjectsCurrent);
  ASSERT_NE(t, nullptr);
  ASSERT_EQ(t->rows.size(), 3u);
  EXPECT_EQ(t->rows[0].kind, RowKind::kUnit);
  EXPECT_EQ(t->rows[1].kind, RowKind::kProject);
  EXPECT_EQ(t->rows[1].label(*t), "“城乡居民个人缴费补贴”资金");
}

TEST(TableReader, ANameWrappedOverManyLinesIsNotKeptOncePerLine) {
  // Each continuation line lengthens the name; were every length kept in the document's backing,
  // 3,000 lines would keep 3,000²/2 of them (54 MB here).
  std::string text =
      "2026年项目支出预算表（本年预算）\n"
      "项目名称\t合计\t一般公共预算\t政府性基金预算\t国有资本经营预算\t财政专户管理资金\t单位资金\n"
      "测试单位\t30.00\t30.00\t\t\t\t\n"
      "信息化经费\t30.00\t30.00\t\t\t\t\n";
  for (int i = 0; i < 3000; ++i) text += "续行文字\n";
  Document doc = Read(text);
  const Table* t = doc.table(TableKind::kProjectsCurrent);
  ASSERT_NE(t, nullptr);
  const Text& label = t->rows.back().label(*t);
  EXPECT_TRUE(label.starts_with("信息化经费续行文字续行文字"));
  EXPECT_EQ(label.size(), std::string("信息化经费").size() + 3000 * std::string("续行文字").size());
  EXPECT_LT(doc.backing.backing->kept_bytes(), doc.text().size());
}

TEST(TableReader, ReadingsOfALineThatAreDroppedLeaveNothingInTheDocument) {
  // A line whose cells do not fit its columns is read again for every tab that might be missing
  // or extra (here about 600 readings); only the chosen one's cleaned cells are kept, not the
  // name cell cleaned of its spaces once per reading.
  std::string line = "2080505\t机关 事业 单位 基本 养老 保险 缴费 支出\t37.89\t\t37.89";
  for (int i = 0; i < 600; ++i) line += "\t" + std::to_string(i);
  Document doc = Read(std::string(kExpenditure) + line + "\n");
  ASSERT_NE(doc.table(TableKind::kExpenditureSummary), nullptr);
  EXPECT_LT(doc.backing.backing->kept_bytes(), doc.text().size() / 4);
}

TEST(TableReader, ReportsUnknownRowsOfFixedTables) {
  Document doc = Read(
      "2026年财政拨款安排“三公”经费支出预算表\n"
      "项目\t2026年预算数\t\t\t\n"
      "\t合计\t一般公共预算\t政府性基金预算\t国有资本经营预算\n"
      "因公出国（境）费\t\t\t\t\n"
      "公务接待费\t0.70\t0.70\t\t\n"
      "公务用车购置及运行费\t1.48\t1.48\t\t\n"
      "①公务用车购置费\t\t\t\t\n"
      "②公务用车运行维护费\t1.48\t1.48\t\t\n"
      "会议费\t0.10\t0.10\t\t\n"
      "合计\t2.28\t2.28\t\t\n");
  const Table* t = doc.table(TableKind::kThreePublic);
  ASSERT_NE(t, nullptr);
  EXPECT_NE(t->find_key("vehicle_purchase"), nullptr);
  EXPECT_EQ(t->find_key("vehicle_operation")->amount(*t, "total").fen, Wan("1.48"));
  EXPECT_EQ(t->find_key("total")->kind, RowKind::kTotal);
  ASSERT_EQ(doc.diagnostics.size(), 1u);
  EXPECT_EQ(doc.diagnostics[0].at.line, 12u);
}

}  // namespace
}  // namespace yusuan
