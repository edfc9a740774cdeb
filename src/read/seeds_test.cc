// Golden tests on the five real disclosures in samples/. Every figure here was checked by hand
// against the document text.
#include <gtest/gtest.h>

#include <iostream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "base/text.h"
#include "model/summary.h"
#include "read/document_reader.h"
#include "testing/samples.h"

namespace yusuan {
namespace {

std::string Sample(const std::string& name) { return testing::SamplePath(name); }

const Document& Seed(const std::string& name) {
  static std::map<std::string, Document> cache;
  auto it = cache.find(name);
  if (it == cache.end()) {
    auto doc = ReadDocumentFile(Sample(name));
    EXPECT_TRUE(doc.ok()) << doc.status().message();
    it = cache.emplace(name, doc.ok() ? std::move(*doc) : Document{}).first;
  }
  return it->second;
}

int64_t Wan(const char* printed) { return ParseAmount(printed, MoneyUnit::kWanYuan)->fen; }

struct SummaryCase {
  const char* file;
  DocumentKind kind;
  int year;
  const char* name;
  const char* region;
  const char* income_total;
  const char* expenditure_total;
  const char* current_income;
  const char* carryover;
  const char* general;
  const char* fund;
  const char* basic;
  const char* project;
  const char* personnel;
  const char* public_funds;
  const char* three_public;
  const char* org_running;
  int projects_current;
  int projects_carryover;
  int performance_tables;
};

const SummaryCase kSummaries[] = {
    {"001_8dd967fac47080d3.txt",
     DocumentKind::kUnit,
     2026,
     "高平市医疗保险服务中心",
     "高平市",
     "6056.35",
     "6056.35",
     "6056.35",
     "0",
     "6056.35",
     "0",
     "383.26",
     "5673.09",
     "359.54",
     "23.72",
     "2.18",
     "0",
     12,
     0,
     12},
    {"003_e6ae60a0aa2cb151.txt",
     DocumentKind::kDepartment,
     2026,
     "孟县人力资源和社会保障局",
     "孟县",
     "8237.74",
     "8237.74",
     "7737.21",
     "500.53",
     "6217.80",
     "1519.41",
     "1123.27",
     "7114.48",
     "1046.84",
     "76.42",
     "0",
     "60.64",
     22,
     6,
     24},
    {"004_0beacd04c5a77258.txt",
     DocumentKind::kDepartment,
     2026,
     "长治市屯留区卫生健康和体育局",
     "长治市屯留区",
     "9263.63",
     "9263.63",
     "6449.93",
     "2813.71",
     "6449.93",
     "0",
     "256.44",
     "9007.20",
     "244.65",
     "11.79",
     "0",
     "11.79",
     48,
     28,
     48},
};

TEST(Seeds, SummaryOfEachBudgetDisclosure) {
  for (const SummaryCase& c : kSummaries) {
    SCOPED_TRACE(c.file);
    const Document& doc = Seed(c.file);
    Summary s = Summarize(doc);
    EXPECT_EQ(s.kind, c.kind);
    EXPECT_EQ(s.year, c.year);
    EXPECT_EQ(s.name, c.name);
    EXPECT_EQ(doc.region, c.region);
    EXPECT_EQ(s.income_total, Wan(c.income_total));
    EXPECT_EQ(s.expenditure_total, Wan(c.expenditure_total));
    EXPECT_EQ(s.current_income, Wan(c.current_income));
    EXPECT_EQ(s.carryover, Wan(c.carryover));
    EXPECT_EQ(s.general_public_budget, Wan(c.general));
    EXPECT_EQ(s.government_fund, Wan(c.fund));
    EXPECT_EQ(s.basic_expenditure, Wan(c.basic));
    EXPECT_EQ(s.project_expenditure, Wan(c.project));
    EXPECT_EQ(s.personnel, Wan(c.personnel));
    EXPECT_EQ(s.public_funds, Wan(c.public_funds));
    EXPECT_EQ(s.three_public, Wan(c.three_public));
    EXPECT_EQ(s.org_running, Wan(c.org_running));
    EXPECT_EQ(s.projects_current, c.projects_current);
    EXPECT_EQ(s.projects_carryover, c.projects_carryover);
    EXPECT_EQ(s.performance_tables, c.performance_tables);
  }
}

TEST(Seeds, LivelihoodDocuments) {
  const Document& d000 = Seed("000_da7aa4487f922a22.txt");
  EXPECT_EQ(d000.kind, DocumentKind::kLivelihood);
  EXPECT_EQ(d000.year, 2026);
  EXPECT_EQ(d000.region, "高平市");
  EXPECT_EQ(Summarize(d000).performance_tables, 4);
  EXPECT_TRUE(d000.tables.empty());
  ASSERT_EQ(d000.targets.size(), 4u);
  EXPECT_EQ(d000.targets[1].project_name.text, "育儿补贴本级补助");

  const Document& d002 = Seed("002_31488b35b9684d74.txt");
  EXPECT_EQ(d002.kind, DocumentKind::kLivelihood);
  EXPECT_EQ(d002.year, 2025);
  EXPECT_EQ(d002.region, "晋城市城区");
  EXPECT_EQ(Summarize(d002).performance_tables, 29);
}

// Rows per table, in catalogue order 1..13, and whether the table says 本表无数据.
struct TableShape {
  const char* file;
  std::vector<int> rows;
  std::set<int> no_data;
};

TEST(Seeds, AllThirteenTablesFoundWithTheirRows) {
  const TableShape shapes[] = {
      {"001_8dd967fac47080d3.txt",
       {41, 20, 20, 42, 20, 23, 1, 1, 1, 6, 1, 13, 0},
       {7, 8, 9, 11, 13}},
      {"003_e6ae60a0aa2cb151.txt", {41, 33, 33, 42, 29, 40, 4, 4, 1, 6, 2, 26, 8}, {9, 10}},
      {"004_0beacd04c5a77258.txt", {41, 38, 38, 42, 37, 21, 1, 1, 1, 6, 2, 50, 30}, {7, 8, 9, 10}},
  };
  for (const TableShape& shape : shapes) {
    SCOPED_TRACE(shape.file);
    const Document& doc = Seed(shape.file);
    ASSERT_EQ(doc.tables.size(), 13u);
    for (int k = 1; k <= 13; ++k) {
      const Table* t = doc.table(static_cast<TableKind>(k));
      ASSERT_NE(t, nullptr) << "table " << k;
      EXPECT_EQ(static_cast<int>(t->rows.size()), shape.rows[k - 1]) << "table " << k;
      EXPECT_EQ(t->no_data, shape.no_data.count(k) == 1) << "table " << k;
      EXPECT_EQ(t->unit, MoneyUnit::kWanYuan);
    }
  }
}

TEST(Seeds, EveryCodedRowHasItsParentAndTotalsMatchTheirClassesWithinRounding) {
  for (const char* file :
       {"001_8dd967fac47080d3.txt", "003_e6ae60a0aa2cb151.txt", "004_0beacd04c5a77258.txt"}) {
    SCOPED_TRACE(file);
    const Document& doc = Seed(file);
    for (TableKind k : {TableKind::kIncomeSummary, TableKind::kExpenditureSummary,
                        TableKind::kGeneralExpenditure}) {
      const Table* t = doc.table(k);
      ASSERT_NE(t, nullptr);
      int64_t class_sum = 0;
      std::vector<Amount> classes;
      for (const Row& r : t->rows) {
        if (r.kind == RowKind::kClass || r.kind == RowKind::kKuan || r.kind == RowKind::kXiang) {
          ASSERT_GE(r.parent, 0) << "line " << r.at.line;
          const Row& parent = t->rows[r.parent];
          EXPECT_TRUE(r.key.starts_with(parent.key) || parent.kind == RowKind::kTotal);
        }
        if (r.kind == RowKind::kClass) {
          classes.push_back(r.amount(*t, "total"));
          class_sum += classes.back().fen;
        }
      }
      // The documents round each figure to 0.01 万元 before summing (部分金额可能存在尾差), so the
      // total may drift from the sum of its classes by the rounding bound, and no more.
      Amount total = t->find_row(RowKind::kTotal)->amount(*t, "total");
      int64_t drift = total.fen - class_sum;
      EXPECT_LE(drift < 0 ? -drift : drift, RoundingTolerance(total, classes));
    }
  }
}

TEST(Seeds, MissingTabsInSeed004AreRepairedAndMarked) {
  const Document& doc = Seed("004_0beacd04c5a77258.txt");
  const Table* t = doc.table(TableKind::kIncomeSummary);
  ASSERT_NE(t, nullptr);
  std::set<uint32_t> doubtful;
  for (const Row& r : t->rows) {
    if (!r.doubt.empty()) doubtful.insert(r.at.line);
  }
  EXPECT_EQ(doubtful, (std::set<uint32_t>{189, 190, 192, 193, 194, 203, 204, 206}));
  const Row* row = t->find_key("2101999");
  ASSERT_NE(row, nullptr);
  EXPECT_EQ(row->amount(*t, "carryover").fen, Wan("2024.99"));
  EXPECT_FALSE(row->amount(*t, "unit_funds").present());
  EXPECT_TRUE(row->cell(*t, "carryover")->doubtful);
  // The carry-over column adds up once the rows are repaired: 21004 = 2100408 + 2100409.
  EXPECT_EQ(t->find_key("21004")->amount(*t, "carryover").fen,
            t->find_key("2100408")->amount(*t, "carryover").fen +
                t->find_key("2100409")->amount(*t, "carryover").fen);
}

TEST(Seeds, DepartmentProjectTablesSplitIntoUnits) {
  const Document& doc = Seed("003_e6ae60a0aa2cb151.txt");
  const Table* t = doc.table(TableKind::kProjectsCurrent);
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->rows[0].kind, RowKind::kDepartment);
  EXPECT_EQ(t->rows[0].amount(*t, "total").fen, Wan("6613.94"));
  std::vector<std::pair<std::string, int>> units;
  for (const Row& r : t->rows) {
    if (r.kind == RowKind::kUnit) units.emplace_back(r.unit, 0);
    if (r.kind == RowKind::kProject) ++units.back().second;
  }
  EXPECT_EQ(units, (std::vector<std::pair<std::string, int>>{{"孟县人力资源和社会保障局", 17},
                                                             {"孟县公共就业和人才服务中心", 3},
                                                             {"孟县医疗保险中心", 2}}));
}

TEST(Seeds, PrintedTableLabelsAreKeptButNeverUsedToIdentify) {
  const Document& doc = Seed("001_8dd967fac47080d3.txt");
  EXPECT_EQ(doc.table(TableKind::kStateCapital)->printed_label, "部门公开表9");
  EXPECT_EQ(doc.table(TableKind::kThreePublic)->printed_label, "预算公开表10");
  EXPECT_EQ(doc.table(TableKind::kBudgetSummary)->printed_label, "预算公开表1");
}

TEST(Seeds, OverviewNarrativeAndAssets) {
  const Document& d001 = Seed("001_8dd967fac47080d3.txt");
  EXPECT_EQ(d001.overview.duties.size(), 9u);
  EXPECT_EQ(d001.overview.offices.size(), 6u);
  EXPECT_EQ(d001.assets.vehicle_quota.hundredths, 0);
  EXPECT_EQ(d001.assets.vehicles_held.hundredths, 100);
  EXPECT_EQ(d001.assets.vehicles_by_type.size(), 7u);
  EXPECT_EQ(d001.assets.office_area.hundredths, 30000);
  // The target tables inside 十、绩效管理情况 are not narrative.
  for (const Section& s : d001.narrative) {
    for (const TextItem& p : s.paragraphs) {
      EXPECT_EQ(p.text.find("绩效指标"), std::string::npos) << p.at.line;
    }
  }
  const Document& d003 = Seed("003_e6ae60a0aa2cb151.txt");
  EXPECT_EQ(d003.overview.offices.size(), 8u);
  EXPECT_EQ(d003.overview.subordinate_units.size(), 3u);
  EXPECT_EQ(d003.assets.office_area.hundredths, 242700);
  const Document& d004 = Seed("004_0beacd04c5a77258.txt");
  EXPECT_EQ(d004.overview.offices.size(), 5u);
  EXPECT_EQ(d004.assets.office_area.hundredths, 415000);
}

TEST(Seeds, CleanTablesReadWithoutDoubt) {
  for (const char* file : {"001_8dd967fac47080d3.txt", "003_e6ae60a0aa2cb151.txt"}) {
    SCOPED_TRACE(file);
    const Document& doc = Seed(file);
    EXPECT_TRUE(doc.diagnostics.empty());
    for (const Table& t : doc.tables) {
      for (const Row& r : t.rows) EXPECT_TRUE(r.doubt.empty()) << r.at.line;
    }
  }
}

}  // namespace
}  // namespace yusuan

namespace yusuan {
namespace {

std::vector<std::pair<size_t, size_t>> IndicatorCounts(const Document& doc) {
  std::vector<std::pair<size_t, size_t>> out;
  for (const TargetTable& t : doc.targets) {
    out.emplace_back(t.indicators[kImplementation].size(), t.indicators[kAnnual].size());
  }
  return out;
}

using Counts = std::vector<std::pair<size_t, size_t>>;

TEST(SeedTargets, IndicatorCountsPerTableAndSide) {
  EXPECT_EQ(IndicatorCounts(Seed("000_da7aa4487f922a22.txt")),
            (Counts{{16, 16}, {7, 7}, {12, 12}, {8, 8}}));
  EXPECT_EQ(IndicatorCounts(Seed("001_8dd967fac47080d3.txt")), (Counts{{9, 9},
                                                                       {7, 7},
                                                                       {6, 6},
                                                                       {18, 18},
                                                                       {8, 8},
                                                                       {8, 8},
                                                                       {8, 8},
                                                                       {7, 7},
                                                                       {7, 7},
                                                                       {6, 6},
                                                                       {6, 6},
                                                                       {6, 6}}));
  // The first table of 003 is the department's overall table: one side only.
  EXPECT_EQ(IndicatorCounts(Seed("003_e6ae60a0aa2cb151.txt")),
            (Counts{{0, 7}, {6, 6}, {6, 6}, {5, 5}, {6, 6}, {7, 7}, {6, 6}, {5, 5}, {7, 7},
                    {7, 7}, {6, 6}, {6, 6}, {8, 8}, {7, 7}, {8, 8}, {9, 9}, {8, 8}, {7, 7},
                    {8, 8}, {8, 8}, {7, 7}, {7, 7}, {5, 5}, {6, 6}, {6, 6}}));
  // 004's annual sides often carry an indicator the implementation side leaves blank.
  EXPECT_EQ(IndicatorCounts(Seed("004_0beacd04c5a77258.txt")),
            (Counts{{6, 6}, {6, 6}, {6, 7}, {6, 6}, {6, 6}, {7, 7}, {6, 6}, {6, 6}, {6, 6}, {6, 6},
                    {6, 6}, {6, 6}, {6, 7}, {6, 6}, {6, 6}, {6, 7}, {6, 7}, {6, 6}, {6, 6}, {7, 7},
                    {6, 6}, {6, 6}, {7, 7}, {6, 7}, {6, 6}, {6, 6}, {6, 6}, {6, 8}, {6, 6}, {7, 8},
                    {6, 6}, {7, 8}, {6, 6}, {8, 8}, {6, 7}, {6, 7}, {7, 8}, {6, 6}, {6, 6}, {7, 8},
                    {7, 8}, {6, 7}, {6, 7}, {6, 7}, {6, 7}, {6, 7}, {6, 7}, {6, 7}}));
}

std::vector<std::string> Tree(const std::vector<Indicator>& list) {
  std::vector<std::string> out;
  for (const Indicator& i : list) {
    out.push_back(i.level1 + ">" + i.level2 + ">" + i.name + "=" + i.value.raw);
  }
  return out;
}

TEST(SeedTargets, FullTreeOfATabbedTable) {
  const TargetTable& t = Seed("001_8dd967fac47080d3.txt").targets[0];
  EXPECT_EQ(t.layout, "tabbed");
  EXPECT_EQ(t.project_name.text, "城乡居民基本医疗保险工作经费");
  EXPECT_EQ(t.department_code, "103");
  EXPECT_EQ(t.implementing_unit.text, "高平市医疗保险服务中心");
  EXPECT_EQ(t.duration.text, "99年");
  const std::vector<std::string> tree = {"产出指标>数量指标>临时人员人数=≥27人",
                                         "产出指标>数量指标>代办工作经费涉及乡镇学校个数=≥16家",
                                         "产出指标>质量指标>临时人员工资发放完成率=100%",
                                         "产出指标>质量指标>代办工作经费分配完成率=100%",
                                         "产出指标>时效指标>临时人员工资发放时间=每月",
                                         "产出指标>时效指标>代办工作经费分配时间=当年10月前",
                                         "产出指标>成本指标>该项目总金额=144万元",
                                         "效益指标>社会效益>保障城乡居民医疗保险工作正常运行=保障",
                                         "满意度指标>服务对象满意度>相关人员满意度=≥90%"};
  EXPECT_EQ(Tree(t.indicators[kImplementation]), tree);
  EXPECT_EQ(Tree(t.indicators[kAnnual]), tree);
  EXPECT_EQ(t.funds[kImplementation].total.fen, 144000000);
  EXPECT_EQ(t.funds[kAnnual].local.fen, 144000000);
  EXPECT_EQ(t.confidence, Confidence::kFull);
}

TEST(SeedTargets, FullTreeAndMoneyOfACellPerLineTable) {
  const TargetTable& t = Seed("000_da7aa4487f922a22.txt").targets[1];
  EXPECT_EQ(t.layout, "cell-per-line");
  EXPECT_EQ(t.project_name.text, "育儿补贴本级补助");
  EXPECT_EQ(t.department_code, "148");
  EXPECT_EQ(t.attribute.text, "一次性项目（1年结束）");
  for (int p : {kImplementation, kAnnual}) {
    EXPECT_EQ(t.funds[p].total.fen, 3265610000);
    EXPECT_EQ(t.funds[p].central.fen, 2875510000);
    EXPECT_EQ(t.funds[p].provincial.fen, 181080000);
    EXPECT_EQ(t.funds[p].local.fen, 209020000);
    EXPECT_EQ(t.funds[p].self_raised.fen, 0);
  }
  const std::vector<std::string> tree = {
      "产出指标>数量指标>国家育儿补贴预计补贴人数=≤12000人",
      "产出指标>质量指标>补贴足额发放率=100%",
      "产出指标>质量指标>生育补贴实施政策覆盖率=100%",
      "产出指标>时效指标>国家育儿补贴发放频次=每季度",
      "产出指标>成本指标>国家育儿补贴补助标准=3600元/年",
      "效益指标>社会效益>减少家庭育儿经济压力，提升生育意愿=逐步提升",
      "满意度指标>服务对象满意度>生育家庭满意度=≥90%"};
  EXPECT_EQ(Tree(t.indicators[kAnnual]), tree);
  EXPECT_EQ(Tree(t.indicators[kImplementation]), tree);
}

TEST(SeedTargets, FullTreeOfAPdfTextTable) {
  const TargetTable& t = Seed("002_31488b35b9684d74.txt").targets[0];
  EXPECT_EQ(t.layout, "pdf-text");
  EXPECT_EQ(t.project_name.text, "城区城乡义务教育生均公用经费");
  EXPECT_EQ(t.department_code, "034");
  EXPECT_EQ(t.implementing_unit.text, "晋城市城区教育局");
  EXPECT_EQ(t.funds[kAnnual].total.fen, 4272608200);
  EXPECT_EQ(t.confidence, Confidence::kFull);
  // PDF text loses which 一级/二级 heading each row sat under; names and values are paired.
  EXPECT_EQ(
      Tree(t.indicators[kAnnual]),
      (std::vector<std::string>{
          ">>保障学校=≥62所", ">>保障学生=≥50087人", ">>公用经费下达标准达标率=100%",
          ">>公用经费下达及时性=及时", ">>学校正常运转时间=全年", ">>小学生经费标准=720元/生/年",
          ">>随班就读残疾学生经费标准=6000元/生/年", ">>初中生经费标准=940元/生/年",
          ">>保障学生顺利完成学业=保障", ">>维持学校正常运转=维持", ">>师生满意度=≥90%"}));
}

TEST(SeedTargets, PdfTextTablesReadWithFullConfidenceNeverMispair) {
  const Document& doc = Seed("002_31488b35b9684d74.txt");
  ASSERT_EQ(doc.targets.size(), 29u);
  int full = 0;
  for (const TargetTable& t : doc.targets) {
    if (t.confidence != Confidence::kFull) {
      // Not confident: no value is attached to any indicator.
      for (const Indicator& i : t.indicators[kAnnual]) EXPECT_EQ(i.value.kind, ValueKind::kEmpty);
      continue;
    }
    ++full;
    for (const Indicator& i : t.indicators[kAnnual]) {
      EXPECT_NE(i.value.kind, ValueKind::kEmpty) << t.at.line << " " << i.name;
      if (Contains(i.name, "率") && i.value.kind == ValueKind::kQuantity) {
        EXPECT_EQ(i.value.unit(), "%") << t.at.line << " " << i.name;
      }
    }
  }
  // This number only goes up.
  EXPECT_GE(full, 15);
  std::cout << "[ seed 002 ] target tables read with full confidence: " << full << " of "
            << doc.targets.size() << "\n";
}

TEST(SeedTargets, OverallTableOfTheDepartment) {
  const TargetTable& t = Seed("003_e6ae60a0aa2cb151.txt").targets[0];
  EXPECT_EQ(t.kind, TargetTable::Kind::kOverall);
  EXPECT_EQ(t.project_name.text, "孟县人力资源和社会保障局");
  ASSERT_GE(t.facts.size(), 6u);
  EXPECT_EQ(t.facts[0].label, "内设职能部门数");
  EXPECT_EQ(t.facts[0].printed, "8个");
  EXPECT_EQ(t.facts[2].printed, "109人");
  ASSERT_EQ(t.funds_by_source.size(), 7u);
  EXPECT_EQ(t.funds_by_source[1].printed, "6718.33");
  ASSERT_EQ(t.funds_by_use.size(), 3u);
  EXPECT_EQ(t.funds_by_use[2].printed, "7114.48");
}

TEST(SeedTargets, MoneyBySourceOfADepartmentProject) {
  const TargetTable& t = Seed("003_e6ae60a0aa2cb151.txt").targets[1];
  EXPECT_EQ(t.project_name.text, "2026年遗属生活困难补助(人员补助)");
  EXPECT_EQ(t.funds[kImplementation].total.fen, 626320000);
  EXPECT_EQ(t.funds[kAnnual].local.fen, 626320000);
  EXPECT_EQ(t.funds[kAnnual].central.fen, 0);
  EXPECT_EQ(t.attribute.text, "一次性项目(1年结束)");
}

struct SummaryRowCase {
  const char* number;
  const char* unit_code;
  const char* unit;
  const char* project;
  const char* amount;
};

void ExpectRows(const LivelihoodSummary& s, const std::vector<SummaryRowCase>& rows) {
  ASSERT_EQ(s.rows.size(), rows.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    SCOPED_TRACE(rows[i].number);
    EXPECT_EQ(s.rows[i].number, rows[i].number);
    EXPECT_EQ(s.rows[i].unit_code, rows[i].unit_code);
    EXPECT_EQ(s.rows[i].unit, rows[i].unit);
    EXPECT_EQ(s.rows[i].project, rows[i].project);
    EXPECT_EQ(s.rows[i].amount.fen, ParseAmount(rows[i].amount, MoneyUnit::kYuan)->fen);
  }
}

TEST(SeedTargets, LivelihoodSummaryOf000) {
  const Document& doc = Seed("000_da7aa4487f922a22.txt");
  ExpectRows(
      doc.livelihood,
      {{"1", "", "高平市医疗保险服务中心",
        "“城乡居民基本医疗保险个人缴费补贴”和“困难人群慢性病门诊兜底保障”资金", "35000000"},
       {"2", "", "高平市卫生健康和体育局", "育儿补贴本级补助", "32656100"},
       {"3", "", "高平市交通运输局", "2026年城际城乡镇村公交成本规制补贴（三保）", "38600000"},
       {"4", "", "高平市乡村振兴中心", "就业帮扶公益性岗位补贴项目", "1900000"}});
  EXPECT_EQ(doc.livelihood.total.fen, 10815610000);
  for (int k = 0; k < 4; ++k) EXPECT_EQ(doc.livelihood.rows[k].target, k);
  Summary s = Summarize(doc);
  EXPECT_EQ(s.livelihood_projects, 4);
  EXPECT_EQ(s.livelihood_total, 10815610000);
}

TEST(SeedTargets, LivelihoodSummaryOf002) {
  const Document& doc = Seed("002_31488b35b9684d74.txt");
  ExpectRows(
      doc.livelihood,
      {{"1", "034001", "晋城市城区教育局", "城乡义务教育生均公用经费", "42726082"},
       {"2", "034001", "晋城市城区教育局", "学前教育公用经费", "4515600"},
       {"3", "034001", "晋城市城区教育局", "职中免学费", "594250"},
       {"4", "034001", "晋城市城区教育局", "义务教育免费地方教材", "3192900"},
       {"5", "034001", "晋城市城区教育局", "城区学校保安服务", "6440300"},
       {"6", "038001", "晋城市城区卫生健康和体育局", "基本公共卫生服务", "58016475"},
       {"7", "038001", "晋城市城区卫生健康和体育局", "计划生育服务补助", "6000350"},
       {"8", "038001", "晋城市城区卫生健康和体育局", "加强乡村医生队伍建设", "1347860"},
       {"9", "220001", "晋城市城区医疗保障局", "城乡居民医疗保险区级财政补助", "14020000"},
       {"10", "220001", "晋城市城区医疗保障局", "城乡居民医疗救助基金", "834600"},
       {"11", "038006", "晋城市城区医疗集团", "药品零差率补助", "6720000"},
       {"12", "041001", "晋城市城区民政局", "老年人福利补贴", "6770000"},
       {"13", "041002", "晋城市城区城乡居民最低生活保障服务中心", "城乡低保金", "21912000"},
       {"14", "041002", "晋城市城区城乡居民最低生活保障服务中心", "重度残疾人护理补贴", "3793200"},
       {"15", "194001", "晋城市城区退役军人事务局", "义务兵家庭优待金", "14175900"},
       {"16", "194001", "晋城市城区退役军人事务局", "优抚对象抚恤和生活补助", "14705400"},
       {"17", "043003", "晋城市城区社会保险中心", "城乡居民补充养老保险补贴", "8099100"},
       {"18", "043003", "晋城市城区社会保险中心", "城乡居民基本养老保险补助资金", "65390900"},
       {"19", "043007", "晋城市城区公共就业和人才服务中心", "就业相关补助", "32904456"},
       {"20", "008001", "晋城市城区残疾人联合会", "残疾儿童康复救助项目", "2205600"},
       {"21", "008001", "晋城市城区残疾人联合会", "城乡居民一、二级重度残疾人医疗保障", "1000000"},
       {"22", "225001", "中国共产党晋城市城区委员会社会工作部", "社区建设工作经费", "28103870"},
       {"23", "186001", "晋城市城区民营经济发展局", "促进民营经济发展奖励资金", "4600000"},
       {"24", "011001", "晋城市城区发展改革和科技局", "惠民蔬菜直通车", "1114800"},
       {"25", "204001", "中国共产党晋城市城区委员会政法委员会", "网格化服务管理经费", "38374156"},
       {"26", "193001", "晋城市城区自然资源局", "白马寺山及吴王山森林公园日常管护项目",
        "5831922.19"},
       {"27", "112001", "晋城市城区住房和城乡建设局", "晋城市城区背街小巷综合整治工程", "4200000"},
       {"28", "113001", "晋城市城区市容环卫中心", "环卫合同经费", "104390210.16"},
       {"29", "113001", "晋城市城区市容环卫中心", "垃圾厂运行经费", "25020000"},
       {"30", "110001", "晋城市生态环境局城区分局", "生态环境巡查服务", "2487500"}});
  EXPECT_FALSE(doc.livelihood.total.present());   // 002 prints no 合计
  EXPECT_EQ(doc.livelihood.rows[29].target, -1);  // 30 rows, 29 target tables
  Summary s = Summarize(doc);
  EXPECT_EQ(s.livelihood_projects, 30);
  EXPECT_EQ(s.livelihood_total, 52948743135);
}

}  // namespace
}  // namespace yusuan
