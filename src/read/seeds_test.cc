// Golden tests on the five real disclosures in samples/. Every figure here was checked by hand
// against the document text.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "model/summary.h"
#include "read/document_reader.h"

namespace yusuan {
namespace {

std::string Sample(const std::string& name) { return std::string(YUSUAN_SAMPLES) + "/" + name; }

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
    {"001_8dd967fac47080d3.txt", DocumentKind::kUnit, 2026, "高平市医疗保险服务中心", "高平市",
     "6056.35", "6056.35", "6056.35", "0", "6056.35", "0", "383.26", "5673.09", "359.54",
     "23.72", "2.18", "0", 12, 0, 12},
    {"003_e6ae60a0aa2cb151.txt", DocumentKind::kDepartment, 2026, "孟县人力资源和社会保障局",
     "孟县", "8237.74", "8237.74", "7737.21", "500.53", "6217.80", "1519.41", "1123.27",
     "7114.48", "1046.84", "76.42", "0", "60.64", 22, 6, 24},
    {"004_0beacd04c5a77258.txt", DocumentKind::kDepartment, 2026, "长治市屯留区卫生健康和体育局",
     "长治市屯留区", "9263.63", "9263.63", "6449.93", "2813.71", "6449.93", "0", "256.44",
     "9007.20", "244.65", "11.79", "0", "11.79", 48, 28, 48},
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
      {"001_8dd967fac47080d3.txt", {41, 20, 20, 42, 20, 23, 1, 1, 1, 6, 1, 13, 0},
       {7, 8, 9, 11, 13}},
      {"003_e6ae60a0aa2cb151.txt", {41, 33, 33, 42, 29, 40, 4, 4, 1, 6, 2, 26, 8}, {9, 10}},
      {"004_0beacd04c5a77258.txt", {41, 38, 38, 42, 37, 21, 1, 1, 1, 6, 2, 50, 30},
       {7, 8, 9, 10}},
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
  for (const char* file : {"001_8dd967fac47080d3.txt", "003_e6ae60a0aa2cb151.txt",
                           "004_0beacd04c5a77258.txt"}) {
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
  EXPECT_EQ(units, (std::vector<std::pair<std::string, int>>{
                       {"孟县人力资源和社会保障局", 17},
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
