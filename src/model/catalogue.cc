#include "model/catalogue.h"

#include <algorithm>
#include <bit>
#include <string>

#include "base/text.h"

namespace yusuan {
namespace {

using C = ColumnSpec;
constexpr ColumnType kLabel = ColumnType::kLabel;
constexpr ColumnType kCode = ColumnType::kCode;
constexpr ColumnType kText = ColumnType::kText;
constexpr ColumnType kAmount = ColumnType::kAmount;

// Columns shared by the tables classified by 功能分类 code with 基本/项目 split.
std::vector<ColumnSpec> BasicProjectColumns() {
  return {C{"code", "科目编码", kCode}, C{"name", "科目名称", kLabel}, C{"total", "合计", kAmount},
          C{"basic", "基本支出", kAmount}, C{"project", "项目支出", kAmount}};
}

std::vector<ColumnSpec> FundColumns(std::string_view label_name) {
  return {C{"label", label_name, kLabel}, C{"total", "合计", kAmount},
          C{"general", "一般公共预算", kAmount}, C{"fund", "政府性基金预算", kAmount},
          C{"capital", "国有资本经营预算", kAmount}};
}

const std::vector<std::string_view> kNotTargets = {"绩效"};

}  // namespace

bool RowSpec::Matches(std::string_view key) const {
  for (size_t at = 0; at <= pattern.size();) {
    const size_t bar = std::min(pattern.find('|', at), pattern.size());
    if (Contains(key, pattern.substr(at, bar - at))) return true;
    at = bar + 1;
  }
  return false;
}

namespace {

// The Shanxi county template (13 tables, 万元), as published by the seeds' counties. A row's
// pattern is the part of its label every template prints: "收入合计" matches 本年收入合计 and
// the 收入合计 of templates that drop 本年.
std::vector<TableSpec> BuildCatalogue() {
  std::vector<TableSpec> specs;

  specs.push_back(TableSpec{
      .id = "budget_summary",
      .kind = TableKind::kBudgetSummary,
      .name = "预算收支总表",
      .template_name = "shanxi-2026",
      .title_any = {{"预算收支总表"}},
      .title_none = {"财政拨款", "绩效"},
      .sides = {SideSpec{"income", {C{"label", "项目", kLabel}, C{"amount", "金额", kAmount}}},
                SideSpec{"expenditure",
                         {C{"label", "项目", kLabel}, C{"total", "合计", kAmount},
                          C{"current", "当年预算安排", kAmount},
                          C{"carryover", "上年结转安排", kAmount}}}},
      .scheme = RowScheme::kFixedRows,
      .rows = {{"general", "一般公共预算", 0, RowKind::kLine, {}, "一般公共预算"},
               {"fund", "政府性基金预算", 0, RowKind::kLine, {}, "政府性基金预算"},
               {"capital", "国有资本经营预算", 0, RowKind::kLine, {}, "国有资本经营预算"},
               {"special", "财政专户管理资金", 0, RowKind::kLine, {}, "财政专户管理资金"},
               {"unit_funds", "单位资金", 0, RowKind::kLine, {}, "单位资金"},
               {"current_total", "收入合计", 0, RowKind::kLine, {}, "本年收入合计"},
               {"carryover", "上年结转", 0, RowKind::kLine, {}, "上年结转"},
               {"grand_total", "收入总计", 0, RowKind::kTotal, {}, "收入总计"},
               {"current_total", "支出合计", 1, RowKind::kLine, {}, "本年支出合计"},
               {"year_end_carryover", "年终结转", 1, RowKind::kLine, {}, "年终结转"},
               {"grand_total", "支出总计", 1, RowKind::kTotal, {}, "支出总计"}},
      .row_sums = {{1, "total", {"current", "carryover"}}},
  });

  specs.push_back(TableSpec{
      .id = "income_summary",
      .kind = TableKind::kIncomeSummary,
      .name = "预算收入总表",
      .template_name = "shanxi-2026",
      .title_any = {{"预算收入总表"}},
      .title_none = {"财政拨款", "绩效"},
      .sides = {SideSpec{
          "main",
          {C{"code", "科目编码", kCode}, C{"name", "科目名称", kLabel}, C{"total", "合计", kAmount},
           C{"general", "一般公共预算", kAmount}, C{"fund", "政府性基金", kAmount},
           C{"capital", "国有资本经营预算", kAmount}, C{"special", "财政专户管理资金", kAmount},
           C{"unit_funds", "单位资金", kAmount}, C{"carryover", "上年结转", kAmount}}}},
      .scheme = RowScheme::kFunctionCodes,
      .row_sums = {{0, "total", {"general", "fund", "capital", "special", "unit_funds"}}},
  });

  specs.push_back(TableSpec{
      .id = "expenditure_summary",
      .kind = TableKind::kExpenditureSummary,
      .name = "预算支出总表",
      .template_name = "shanxi-2026",
      .title_any = {{"预算支出总表"}},
      .title_none = {"财政拨款", "项目支出", "绩效"},
      .sides = {SideSpec{"main", BasicProjectColumns()}},
      .scheme = RowScheme::kFunctionCodes,
      .row_sums = {{0, "total", {"basic", "project"}}},
  });

  specs.push_back(TableSpec{
      .id = "fiscal_summary",
      .kind = TableKind::kFiscalSummary,
      .name = "财政拨款收支总表",
      .template_name = "shanxi-2026",
      .title_any = {{"财政拨款收支总表"}},
      .title_none = kNotTargets,
      .sides = {SideSpec{"income", {C{"label", "项目", kLabel}, C{"amount", "金额", kAmount}}},
                SideSpec{
                    "expenditure",
                    {C{"label", "项目", kLabel}, C{"subtotal", "小计", kAmount},
                     C{"general", "一般公共预算", kAmount}, C{"fund", "政府性基金预算", kAmount},
                     C{"capital", "国有资本经营预算", kAmount}}}},
      .scheme = RowScheme::kFixedRows,
      .rows = {{"general", "一般公共预算", 0, RowKind::kLine, {}, "一般公共预算"},
               {"fund", "政府性基金预算", 0, RowKind::kLine, {}, "政府性基金预算"},
               {"capital", "国有资本经营预算", 0, RowKind::kLine, {}, "国有资本经营预算"},
               {"current_total", "收入合计", 0, RowKind::kLine, {}, "本年收入合计"},
               {"carryover_total", "上年财政拨款结转", 0, RowKind::kLine, {}, "上年财政拨款结转"},
               {"carryover_general", "一般公共预算", 0, RowKind::kLine, "carryover_total",
                "上年结转一般公共预算"},
               {"carryover_fund", "政府性基金预算", 0, RowKind::kLine, "carryover_total",
                "上年结转政府性基金预算"},
               {"carryover_capital", "国有资本经营预算", 0, RowKind::kLine, "carryover_total",
                "上年结转国有资本经营预算"},
               {"grand_total", "收入总计", 0, RowKind::kTotal, {}, "收入总计"},
               {"current_total", "支出合计", 1, RowKind::kLine, {}, "本年支出合计"},
               {"year_end_carryover", "年终结转", 1, RowKind::kLine, {}, "年终结转"},
               {"grand_total", "支出总计", 1, RowKind::kTotal, {}, "支出总计"}},
      .row_sums = {{1, "subtotal", {"general", "fund", "capital"}}},
  });

  specs.push_back(TableSpec{
      .id = "general_expenditure",
      .kind = TableKind::kGeneralExpenditure,
      .name = "一般公共预算支出预算表",
      .template_name = "shanxi-2026",
      .title_any = {{"一般公共预算支出预算表"}, {"一般公共预算支出表"}},
      .title_none = {"基本支出", "经济", "绩效"},
      .sides = {SideSpec{"main", BasicProjectColumns()}},
      .scheme = RowScheme::kFunctionCodes,
      .row_sums = {{0, "total", {"basic", "project"}}},
  });

  specs.push_back(TableSpec{
      .id = "basic_economic",
      .kind = TableKind::kBasicEconomic,
      .name = "一般公共预算安排基本支出分经济科目表",
      .template_name = "shanxi-2026",
      .title_any = {{"基本支出", "经济科目"}, {"基本支出", "经济分类"}},
      .title_none = kNotTargets,
      .sides = {SideSpec{
          "main",
          {C{"label", "部门预算支出经济科目名称", kLabel},
           C{"gov_class", "政府预算支出经济科目名称", kText}, C{"total", "合计", kAmount},
           C{"personnel", "人员经费", kAmount}, C{"public", "公用经费", kAmount}}}},
      .scheme = RowScheme::kEconomic,
      .groups = {"工资福利支出", "商品和服务支出", "对个人和家庭的补助", "资本性支出", "对企业补助",
                 "债务利息及费用支出", "对社会保障基金补助", "其他支出"},
      .row_sums = {{0, "total", {"personnel", "public"}}},
  });

  specs.push_back(TableSpec{
      .id = "fund_income",
      .kind = TableKind::kFundIncome,
      .name = "政府性基金预算收入表",
      .template_name = "shanxi-2026",
      .title_any = {{"政府性基金", "收入", "表"}},
      .title_none = {"收支", "绩效"},
      .sides = {SideSpec{"main",
                         {C{"code", "收入科目编码", kCode}, C{"name", "科目名称", kLabel},
                          C{"amount", "政府性基金收入预算", kAmount}}}},
      .scheme = RowScheme::kFunctionCodes,
  });

  specs.push_back(TableSpec{
      .id = "fund_expenditure",
      .kind = TableKind::kFundExpenditure,
      .name = "政府性基金预算支出表",
      .template_name = "shanxi-2026",
      .title_any = {{"政府性基金", "支出", "表"}},
      .title_none = {"收支", "收入", "绩效"},
      .sides = {SideSpec{"main", BasicProjectColumns()}},
      .scheme = RowScheme::kFunctionCodes,
      .row_sums = {{0, "total", {"basic", "project"}}},
  });

  specs.push_back(TableSpec{
      .id = "state_capital",
      .kind = TableKind::kStateCapital,
      .name = "国有资本经营预算收支预算表",
      .template_name = "shanxi-2026",
      .title_any = {{"国有资本经营预算", "表"}},
      .title_none = {"财政拨款", "预算收支总表", "绩效"},
      .sides = {SideSpec{"income",
                         {C{"code", "收入科目编码", kCode}, C{"name", "科目名称", kLabel},
                          C{"amount", "国有资本经营收入预算", kAmount}}},
                SideSpec{"expenditure", BasicProjectColumns()}},
      .scheme = RowScheme::kFunctionCodes,
      .row_sums = {{1, "total", {"basic", "project"}}},
  });

  specs.push_back(TableSpec{
      .id = "three_public",
      .kind = TableKind::kThreePublic,
      .name = "财政拨款安排“三公”经费支出预算表",
      .template_name = "shanxi-2026",
      .title_any = {{"三公", "经费", "表"}},
      .title_none = kNotTargets,
      .sides = {SideSpec{"main", FundColumns("项目")}},
      .scheme = RowScheme::kFixedRows,
      .rows = {{"outbound", "因公出国", 0, RowKind::kLine, {}, "因公出国（境）费"},
               {"reception", "公务接待", 0, RowKind::kLine, {}, "公务接待费"},
               {"vehicles",
                "公务用车购置及运行|公务用车购置和运行|公务用车购置与运行|公务用车费",
                0,
                RowKind::kLine,
                {},
                "公务用车购置及运行费"},
               {"vehicle_purchase", "公务用车购置费", 0, RowKind::kLine, {}, "公务用车购置费"},
               {"vehicle_operation", "公务用车运行", 0, RowKind::kLine, {}, "公务用车运行维护费"},
               {"total", "合计", 0, RowKind::kTotal, {}, "合计"}},
      .row_sums = {{0, "total", {"general", "fund", "capital"}}},
  });

  specs.push_back(TableSpec{
      .id = "org_running",
      .kind = TableKind::kOrgRunning,
      .name = "财政拨款安排机关运行经费预算表",
      .template_name = "shanxi-2026",
      .title_any = {{"机关运行经费", "表"}},
      .title_none = kNotTargets,
      .sides = {SideSpec{"main", FundColumns("单位名称")}},
      .scheme = RowScheme::kUnits,
      .row_sums = {{0, "total", {"general", "fund", "capital"}}},
  });

  specs.push_back(TableSpec{
      .id = "projects_current",
      .kind = TableKind::kProjectsCurrent,
      .name = "项目支出预算表（本年预算）",
      .template_name = "shanxi-2026",
      .title_any = {{"项目支出", "表", "本年"}},
      .title_none = {"上年结转", "绩效"},
      .sides = {SideSpec{
          "main",
          {C{"label", "项目名称", kLabel}, C{"total", "合计", kAmount},
           C{"general", "一般公共预算", kAmount}, C{"fund", "政府性基金预算", kAmount},
           C{"capital", "国有资本经营预算", kAmount}, C{"special", "财政专户管理资金", kAmount},
           C{"unit_funds", "单位资金", kAmount}}}},
      .scheme = RowScheme::kProjects,
      .row_sums = {{0, "total", {"general", "fund", "capital", "special", "unit_funds"}}},
  });

  specs.push_back(TableSpec{
      .id = "projects_carryover",
      .kind = TableKind::kProjectsCarryover,
      .name = "项目支出预算表（上年结转）",
      .template_name = "shanxi-2026",
      .title_any = {{"项目支出", "表", "上年结转"}},
      .title_none = kNotTargets,
      .sides = {SideSpec{"main", FundColumns("项目名称")}},
      .scheme = RowScheme::kProjects,
      .row_sums = {{0, "total", {"general", "fund", "capital"}}},
  });
  return specs;
}

constexpr FunctionClass kFunctionClasses[] = {
    {"201", "一般公共服务支出"},
    {"202", "外交支出"},
    {"203", "国防支出"},
    {"204", "公共安全支出"},
    {"205", "教育支出"},
    {"206", "科学技术支出"},
    {"207", "文化旅游体育与传媒支出"},
    {"208", "社会保障和就业支出"},
    {"209", "社会保险基金支出"},
    {"210", "卫生健康支出"},
    {"211", "节能环保支出"},
    {"212", "城乡社区支出"},
    {"213", "农林水支出"},
    {"214", "交通运输支出"},
    {"215", "资源勘探工业信息等支出"},
    {"216", "商业服务业等支出"},
    {"217", "金融支出"},
    {"219", "援助其他地区支出"},
    {"220", "自然资源海洋气象等支出"},
    {"221", "住房保障支出"},
    {"222", "粮油物资储备支出"},
    {"223", "国有资本经营预算支出"},
    {"224", "灾害防治及应急管理支出"},
    {"227", "预备费"},
    {"229", "其他支出"},
    {"230", "转移性支出"},
    {"231", "债务还本支出"},
    {"232", "债务付息支出"},
    {"233", "债务发行费用支出"},
    {"234", "抗疫特别国债安排的支出"},
};

}  // namespace

int SideSpec::label_column() const {
  for (size_t i = 0; i < columns.size(); ++i) {
    if (columns[i].type == ColumnType::kLabel) return static_cast<int>(i);
  }
  return 0;
}

int SideSpec::code_column() const {
  for (size_t i = 0; i < columns.size(); ++i) {
    if (columns[i].type == ColumnType::kCode) return static_cast<int>(i);
  }
  return -1;
}

int SideSpec::column(std::string_view column_id) const {
  for (size_t i = 0; i < columns.size(); ++i) {
    if (columns[i].id == column_id) return static_cast<int>(i);
  }
  return -1;
}

int TableSpec::total_width() const {
  int w = 0;
  for (const SideSpec& s : sides) w += static_cast<int>(s.columns.size());
  return w;
}

int TableSpec::side_offset(int side) const {
  int w = 0;
  for (int i = 0; i < side; ++i) w += static_cast<int>(sides[i].columns.size());
  return w;
}

std::span<const TableSpec> Catalogue() {
  static const std::vector<TableSpec> specs = BuildCatalogue();
  return specs;
}

const TableSpec* FindSpec(std::string_view id) {
  for (const TableSpec& s : Catalogue()) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

const TableSpec* FindSpec(TableKind kind) {
  for (const TableSpec& s : Catalogue()) {
    if (s.kind == kind) return &s;
  }
  return nullptr;
}

const TableSpec* MatchTitle(std::string_view title) {
  std::string storage;
  return MatchTitleKey(MatchKeyView(title, &storage));
}

namespace {

// A 64-bit signature of the ideographs in a text: bit h(c) is set for each ideograph c. A text
// can contain a part only if the signature of the part's ideographs is within the text's, so
// the title alternatives a line cannot match are ruled out without searching it. Ideographs
// are the same in a line and in its key (MatchKey never changes them).
uint64_t IdeographSignature(std::string_view s) {
  uint64_t sig = 0;
  const auto* b = reinterpret_cast<const unsigned char*>(s.data());
  for (size_t i = 0; i + 2 < s.size();) {
    if (b[i] < 0xE4 || b[i] > 0xE9) {
      ++i;
      continue;
    }
    sig |= uint64_t{1} << ((b[i + 1] * 7 + b[i + 2]) & 63);
    i += 3;
  }
  return sig;
}

// The signature of every title alternative, in catalogue order.
const std::vector<std::vector<uint64_t>>& TitleSignatures() {
  static const std::vector<std::vector<uint64_t>> signatures = [] {
    std::vector<std::vector<uint64_t>> all;
    for (const TableSpec& spec : Catalogue()) {
      std::vector<uint64_t>& alternatives = all.emplace_back();
      for (const std::vector<std::string_view>& parts : spec.title_any) {
        uint64_t sig = 0;
        for (std::string_view part : parts) sig |= IdeographSignature(part);
        alternatives.push_back(sig);
      }
    }
    return all;
  }();
  return signatures;
}

// Every title alternative's signature in one array, with what decides most lines at once: the
// bits every alternative needs, and the fewest bits any alternative has.
struct FlatSignatures {
  std::vector<uint64_t> all;
  uint64_t common = ~uint64_t{0};
  int fewest_bits = 64;
};

const FlatSignatures& TitleSignaturesFlat() {
  static const FlatSignatures flat = [] {
    FlatSignatures f;
    for (const std::vector<uint64_t>& alternatives : TitleSignatures()) {
      for (uint64_t a : alternatives) {
        f.all.push_back(a);
        f.common &= a;
        f.fewest_bits = std::min(f.fewest_bits, std::popcount(a));
      }
    }
    return f;
  }();
  return flat;
}

bool AnyAlternativeWithin(uint64_t sig) {
  const FlatSignatures& f = TitleSignaturesFlat();
  if ((f.common & ~sig) != 0 || std::popcount(sig) < f.fewest_bits) return false;
  for (uint64_t a : f.all) {
    if ((a & ~sig) == 0) return true;
  }
  return false;
}

}  // namespace

bool MayBeTitle(std::string_view text) { return AnyAlternativeWithin(IdeographSignature(text)); }

bool IsTargetTitle(std::string_view key) {
  if (Contains(key, "情况表")) return false;
  return Contains(key, "项目支出绩效目标表") ||
         (Contains(key, "整体支出绩效目标") && (key.ends_with("表") || Contains(key, "表(")));
}

const TableSpec* MatchTitleKey(std::string_view key) {
  const uint64_t sig = IdeographSignature(key);
  const auto& signatures = TitleSignatures();
  std::span<const TableSpec> specs = Catalogue();
  for (size_t k = 0; k < specs.size(); ++k) {
    const TableSpec& s = specs[k];
    bool any = false;
    for (size_t a = 0; a < s.title_any.size() && !any; ++a) {
      if ((signatures[k][a] & ~sig) != 0) continue;  // some character of a part is missing
      any = std::all_of(s.title_any[a].begin(), s.title_any[a].end(),
                        [&](std::string_view part) { return Contains(key, part); });
    }
    if (!any) continue;
    // Most lines match no alternative; the exclusions are looked at only when one does.
    bool excluded = std::any_of(s.title_none.begin(), s.title_none.end(),
                                [&](std::string_view none) { return Contains(key, none); });
    if (!excluded) return &s;
  }
  return nullptr;
}

std::string_view RowKindId(RowKind kind) {
  switch (kind) {
    case RowKind::kTotal:
      return "total";
    case RowKind::kClass:
      return "class";
    case RowKind::kKuan:
      return "kuan";
    case RowKind::kXiang:
      return "xiang";
    case RowKind::kGroup:
      return "group";
    case RowKind::kItem:
      return "item";
    case RowKind::kDepartment:
      return "department";
    case RowKind::kUnit:
      return "unit";
    case RowKind::kProject:
      return "project";
    case RowKind::kLine:
      return "line";
  }
  return "line";
}

bool RowKindFromId(std::string_view id, RowKind* kind) {
  for (RowKind k :
       {RowKind::kTotal, RowKind::kClass, RowKind::kKuan, RowKind::kXiang, RowKind::kGroup,
        RowKind::kItem, RowKind::kDepartment, RowKind::kUnit, RowKind::kProject, RowKind::kLine}) {
    if (RowKindId(k) == id) {
      *kind = k;
      return true;
    }
  }
  return false;
}

std::span<const FunctionClass> FunctionClasses() { return kFunctionClasses; }

std::string_view FunctionClassCode(std::string_view label) {
  std::string key = MatchKey(StripOrdinal(label));
  for (const FunctionClass& c : kFunctionClasses) {
    if (key == c.name) return c.code;
  }
  return {};
}

}  // namespace yusuan
