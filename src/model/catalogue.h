// The catalogue of standard table kinds, as data: how each table's title reads, its columns,
// how its rows are told apart, and the identities that hold inside a row. The readers find and
// map tables only through this catalogue, so another province's template is a new entry here,
// not new parsing code. The checks use the same column ids and identities.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "base/money.h"

namespace yusuan {

// The kinds of standard table, numbered as in the Shanxi template (domain.md). The printed
// number in a document may disagree; it is never used to identify a table.
enum class TableKind : uint8_t {
  kBudgetSummary = 1,   // 预算收支总表
  kIncomeSummary,       // 预算收入总表
  kExpenditureSummary,  // 预算支出总表
  kFiscalSummary,       // 财政拨款收支总表
  kGeneralExpenditure,  // 一般公共预算支出预算表
  kBasicEconomic,       // 一般公共预算安排基本支出分经济科目表
  kFundIncome,          // 政府性基金预算收入表
  kFundExpenditure,     // 政府性基金预算支出表
  kStateCapital,        // 国有资本经营预算收支预算表
  kThreePublic,         // 财政拨款安排“三公”经费支出预算表
  kOrgRunning,          // 财政拨款安排机关运行经费预算表
  kProjectsCurrent,     // 项目支出预算表（本年预算）
  kProjectsCarryover,   // 项目支出预算表（上年结转）
};

enum class RowKind : uint8_t {
  kTotal,       // 合计 / 部门合计 / the table's grand total row
  kClass,       // 类: 3-digit code
  kKuan,        // 款: 5-digit code
  kXiang,       // 项: 7-digit code
  kGroup,       // economic group (工资福利支出)
  kItem,        // economic item (基本工资)
  kDepartment,  // tables 11-13: the department's total row
  kUnit,        // tables 11-13: a unit's subtotal row
  kProject,     // tables 12-13: a project
  kLine,  // a named line of a fixed-row table (一般公共预算, 本年收入合计, 公务接待费)
};
// Whether rows of `kind` are keyed by a classification code (类, 款, 项).
constexpr bool IsCoded(RowKind kind) {
  return kind == RowKind::kClass || kind == RowKind::kKuan || kind == RowKind::kXiang;
}
std::string_view RowKindId(RowKind kind);
bool RowKindFromId(std::string_view id, RowKind* kind);

enum class ColumnType : uint8_t { kLabel, kCode, kText, kAmount };

struct ColumnSpec {
  std::string_view id;    // stable id used by rules and JSON ("total", "basic")
  std::string_view name;  // Chinese header
  ColumnType type;
};

struct SideSpec {
  std::string_view id;  // "main", or "income" / "expenditure"
  std::vector<ColumnSpec> columns;
  int label_column() const;               // the label or name column
  int code_column() const;                // -1 when the side has no code column
  int column(std::string_view id) const;  // -1 when absent
};

// How the rows of a table are classified.
enum class RowScheme : uint8_t {
  kFunctionCodes,  // 科目编码 rows: 类/款/项 by code length, plus 合计
  kFixedRows,      // a fixed list of named rows (RowSpec)
  kEconomic,       // groups and items of the economic classification
  kUnits,          // 部门合计 then one row per unit
  kProjects,       // department total, unit subtotals, projects
};

// A named row of a fixed-row table. A label matches when its match key contains `pattern`, or
// one of its alternatives separated by '|' (the names other templates print); `after` (when
// set) requires that row to have been seen first, which separates the two "一、一般公共预算"
// rows of 财政拨款收支总表 (this year's, then last year's carry-over).
struct RowSpec {
  std::string_view id;
  std::string_view pattern;
  uint8_t side;
  RowKind kind = RowKind::kLine;
  std::string_view after = {};
  std::string_view name = {};  // canonical Chinese name

  bool Matches(std::string_view key) const;
};

// total = Σ parts, inside one row.
struct RowSum {
  uint8_t side;
  std::string_view total;
  std::vector<std::string_view> parts;
};

struct TableSpec {
  std::string_view id;  // "budget_summary"
  TableKind kind;
  std::string_view name;           // "预算收支总表"
  std::string_view template_name;  // "shanxi-2026"
  // The title matches when it contains every part of one alternative and none of `title_none`.
  std::vector<std::vector<std::string_view>> title_any;
  std::vector<std::string_view> title_none;
  MoneyUnit default_unit = MoneyUnit::kWanYuan;
  std::vector<SideSpec> sides;
  RowScheme scheme;
  std::vector<RowSpec> rows = {};             // kFixedRows
  std::vector<std::string_view> groups = {};  // kEconomic: the group names
  std::vector<RowSum> row_sums = {};

  int total_width() const;  // physical columns of all sides together
  int side_offset(int side) const;
};

// All table kinds known to yusuan.
std::span<const TableSpec> Catalogue();
const TableSpec* FindSpec(std::string_view id);
const TableSpec* FindSpec(TableKind kind);
// The entry whose title pattern matches `title` (markup stripped), or nullptr.
const TableSpec* MatchTitle(std::string_view title);
// The same for a title already keyed (MatchKey).
const TableSpec* MatchTitleKey(std::string_view key);
// Whether a keyed title is a performance-target table's (项目支出绩效目标表, 整体支出绩效目标表):
// those are read by the target reader, not through the catalogue.
bool IsTargetTitle(std::string_view key);
// False when `text` cannot match any title pattern (an ideograph some part needs is missing):
// a quick test before a line is keyed.
bool MayBeTitle(std::string_view text);

// 功能分类 classes (类): the 3-digit code and its name ("208", "社会保障和就业支出").
struct FunctionClass {
  std::string_view code;
  std::string_view name;
};
std::span<const FunctionClass> FunctionClasses();
// The class code whose name matches `label` (ordinal and spaces ignored), or empty.
std::string_view FunctionClassCode(std::string_view label);

}  // namespace yusuan
