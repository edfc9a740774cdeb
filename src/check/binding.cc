#include "check/binding.h"

#include <map>
#include <string>
#include <tuple>

#include "base/text.h"
#include "model/catalogue.h"

namespace yusuan {
namespace {

constexpr std::string_view kClass = "<class>";  // the row is the 功能分类 class the subject names

struct Binding {
  std::string_view section;  // the section heading contains this
  std::string_view subject;  // the claim's subject contains this (kClass: names a class)
  TableKind table;
  std::string_view row;
  int side;
  std::string_view column;
};

using K = TableKind;
const Binding kBindings[] = {
    // 一、收支数据变动情况
    {"收支数据变动", "收入总计", K::kBudgetSummary, "grand_total", 0, "amount"},
    {"收支数据变动", "本年收入", K::kBudgetSummary, "current_total", 0, "amount"},
    {"收支数据变动", "上年结转", K::kBudgetSummary, "carryover", 0, "amount"},
    {"收支数据变动", "支出总计", K::kBudgetSummary, "grand_total", 1, "total"},
    {"收支数据变动", "预算安排", K::kBudgetSummary, "grand_total", 1, "current"},
    // 二、收入预算情况说明
    {"收入预算", "一般公共预算", K::kBudgetSummary, "general", 0, "amount"},
    {"收入预算", "政府性基金", K::kBudgetSummary, "fund", 0, "amount"},
    {"收入预算", "国有资本", K::kBudgetSummary, "capital", 0, "amount"},
    {"收入预算", "财政专户", K::kBudgetSummary, "special", 0, "amount"},
    {"收入预算", "单位资金", K::kBudgetSummary, "unit_funds", 0, "amount"},
    {"收入预算", "上年结转", K::kBudgetSummary, "carryover", 0, "amount"},
    {"收入预算", "预算收入", K::kBudgetSummary, "grand_total", 0, "amount"},
    // 三、支出预算情况说明
    {"支出预算情况", "基本支出", K::kExpenditureSummary, "total", 0, "basic"},
    {"支出预算情况", "项目支出", K::kExpenditureSummary, "total", 0, "project"},
    {"支出预算情况", "支出预算", K::kExpenditureSummary, "total", 0, "total"},
    // 四、财政拨款收支预算总体情况说明
    {"财政拨款收支", "总预算", K::kFiscalSummary, "grand_total", 0, "amount"},
    {"财政拨款收支", "当年拨款收入", K::kFiscalSummary, "current_total", 0, "amount"},
    {"财政拨款收支", "上年结转", K::kFiscalSummary, "carryover_total", 0, "amount"},
    {"财政拨款收支", "一般公共预算", K::kFiscalSummary, "grand_total", 1, "general"},
    {"财政拨款收支", "政府性基金", K::kFiscalSummary, "grand_total", 1, "fund"},
    {"财政拨款收支", "国有资本", K::kFiscalSummary, "grand_total", 1, "capital"},
    {"财政拨款收支", kClass, K::kFiscalSummary, kClass, 1, "subtotal"},
    // 五、一般公共预算支出情况说明
    {"支出规模", "当年支出", K::kGeneralExpenditure, "total", 0, "total"},
    {"支出结构", "当年支出", K::kGeneralExpenditure, "total", 0, "total"},
    {"支出结构", kClass, K::kGeneralExpenditure, kClass, 0, "total"},
    // 六、一般公共预算基本支出情况说明
    {"基本支出情况", "人员经费", K::kBasicEconomic, "total", 0, "personnel"},
    {"基本支出情况", "公用经费", K::kBasicEconomic, "total", 0, "public"},
    {"基本支出情况", "基本支出", K::kBasicEconomic, "total", 0, "total"},
    // 七、“三公”经费
    {"三公", "因公出国", K::kThreePublic, "outbound", 0, "total"},
    {"三公", "公务接待", K::kThreePublic, "reception", 0, "total"},
    {"三公", "购置及运行", K::kThreePublic, "vehicles", 0, "total"},
    {"三公", "运行维护", K::kThreePublic, "vehicle_operation", 0, "total"},
    {"三公", "购置费", K::kThreePublic, "vehicle_purchase", 0, "total"},
    {"三公", "三公", K::kThreePublic, "total", 0, "total"},
    // 八、机关运行经费
    {"机关运行经费", "机关运行经费", K::kOrgRunning, "total", 0, "total"},
    // 十、绩效管理：整体绩效目标
    {"整体绩效", "预算资金", K::kBudgetSummary, "grand_total", 1, "total"},
    {"整体绩效", "基本支出", K::kExpenditureSummary, "total", 0, "basic"},
    {"整体绩效", "项目支出", K::kExpenditureSummary, "total", 0, "project"},
};

// The table and row of each binding (table kind, row key, side) found so far: claims restate
// the same few figures, and a search of the tables and of the table's rows for each claim (all
// of them when the key is missing) grew with claims × rows.
using BoundRows = std::map<std::tuple<TableKind, std::string_view, int>, Bound>;

// The table figure a claim restates, when the catalogue knows it.
bool Bind(const Document& doc, const Claim& c, Bound* out, BoundRows* found) {
  std::string section_storage, subject_storage;
  const std::string_view section = MatchKeyView(c.section, &section_storage);
  const std::string_view subject = MatchKeyView(c.subject, &subject_storage);
  // The bindings come in runs of one section: a section the claim's lacks is tested once.
  std::string_view lacked;
  for (const Binding& b : kBindings) {
    if (b.section == lacked) continue;
    if (!Contains(section, b.section)) {
      lacked = b.section;
      continue;
    }
    std::string_view row_key = b.row;
    if (b.subject == kClass) {
      row_key = FunctionClassCode(c.subject);
      if (row_key.empty()) continue;
    } else if (!Contains(subject, b.subject)) {
      continue;
    }
    auto [it, fresh] = found->try_emplace(std::tuple(b.table, row_key, b.side));
    if (fresh) {
      it->second.table = doc.table(b.table);
      if (it->second.table) it->second.row = it->second.table->find_key(row_key, b.side);
    }
    out->table = it->second.table;
    if (!out->table) return false;
    out->row = it->second.row;
    out->column = b.column;
    return true;
  }
  return false;
}

}  // namespace

std::vector<Bound> BindClaims(const Document& doc) {
  std::vector<Bound> bound(doc.claims.size());
  BoundRows found;
  for (size_t k = 0; k < doc.claims.size(); ++k) {
    const Claim& c = doc.claims[k];
    if (c.kind == ClaimKind::kAmount) Bind(doc, c, &bound[k], &found);
  }
  return bound;
}

}  // namespace yusuan
