// Arithmetic inside one table: row sums, hierarchy sums, group and unit subtotals, the
// balance of the summary tables, and the 本表无数据 note. The row sums and hierarchy rules are
// made from the catalogue, one rule per table kind.
#include <fmt/format.h>

#include "base/text.h"
#include "check/common.h"

namespace yusuan {
namespace {

std::vector<uint32_t> LinesOf(std::span<const Row* const> rows) {
  std::vector<uint32_t> out;
  for (const Row* r : rows) out.push_back(r->at.line);
  return out;
}

// total = Σ parts for every amount column of `side`. `amounts`, when given, is scratch space
// reused by a caller that sums many rows.
void SumColumns(Reporter& rep, const Table& t, const Row& total, std::span<const Row* const> parts,
                std::string_view what, std::vector<Amount>* amounts = nullptr) {
  std::vector<Amount> own;
  if (amounts == nullptr) amounts = &own;
  const SideSpec& side = t.spec->sides[total.side];
  std::vector<uint32_t> lines;  // the parts' lines, listed only when a column fails
  for (size_t column = 0; column < side.columns.size(); ++column) {
    const ColumnSpec& c = side.columns[column];
    if (c.type != ColumnType::kAmount) continue;
    amounts->clear();
    for (const Row* p : parts) {
      amounts->push_back(p->side == total.side ? p->amount_at(t, static_cast<int>(column))
                                               : p->amount(t, c.id));
    }
    const Amount sum_total = total.amount_at(t, static_cast<int>(column));
    const SumResult s = CompareSum(sum_total, *amounts);
    if (s.ok) continue;
    if (lines.empty()) lines = LinesOf(parts);
    ReportFailedSum(rep, total.at.line,
                    fmt::format("{} 第{}行“{}”的“{}”{}", TableName(t), total.at.line,
                                RowName(t, total), c.name, what),
                    sum_total, s, lines, t.unit);
  }
}

void RowSums(const Table& t, Reporter& rep) {
  std::vector<Amount> parts;
  std::vector<int> part_columns;
  for (const RowSum& sum : t.spec->row_sums) {
    // The columns are resolved once per sum; every row below is of the sum's side.
    const SideSpec& side = t.spec->sides[sum.side];
    const int total_column = side.column(sum.total);
    part_columns.clear();
    for (std::string_view p : sum.parts) part_columns.push_back(side.column(p));
    for (const Row& r : t.rows) {
      if (r.side != sum.side) continue;
      parts.clear();
      for (int column : part_columns) parts.push_back(r.amount_at(t, column));
      auto what = [&] {
        std::string names;
        for (std::string_view p : sum.parts) {
          if (!names.empty()) names += "+";
          names += ColumnName(t, sum.side, p);
        }
        return fmt::format("{} 第{}行“{}”：{} 应等于 {}", TableName(t), r.at.line, RowName(t, r),
                           ColumnName(t, sum.side, sum.total), names);
      };
      ReportSum(rep, r.at.line, what, r.amount_at(t, total_column), parts, {}, t.unit);
    }
  }
}

// Every row that has children equals the sum of its children, column by column.
void Hierarchy(const Table& t, Reporter& rep) {
  // The rows that have a parent, by parent and then in printed order: each parent's children
  // are one run.
  std::vector<std::pair<int32_t, const Row*>> children;
  for (const Row& r : t.rows) {
    if (r.parent >= 0 && static_cast<size_t>(r.parent) < t.rows.size()) {
      children.emplace_back(r.parent, &r);
    }
  }
  std::stable_sort(children.begin(), children.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<const Row*> run;
  std::vector<Amount> amounts;
  for (size_t begin = 0; begin < children.size();) {
    const int32_t parent = children[begin].first;
    run.clear();
    size_t end = begin;
    for (; end < children.size() && children[end].first == parent; ++end) {
      run.push_back(children[end].second);
    }
    begin = end;
    const Row& r = t.rows[parent];
    const std::string_view what = r.kind == RowKind::kTotal   ? "应等于各类之和"
                                  : r.kind == RowKind::kClass ? "应等于其下各款之和"
                                  : r.kind == RowKind::kKuan  ? "应等于其下各项之和"
                                  : r.kind == RowKind::kGroup ? "应等于其下各科目之和"
                                  : r.kind == RowKind::kDepartment ? "应等于各单位小计之和"
                                  : r.kind == RowKind::kUnit ? "应等于本单位各项目之和"
                                                             : "应等于其下各行之和";
    SumColumns(rep, t, r, run, what, &amounts);
  }
}

template <typename Fn>
void ForTable(const Document& doc, TableKind kind, Fn fn) {
  if (const Table* t = doc.table(kind)) fn(*t);
}

const Row* Key(const Table& t, std::string_view key, int side = -1) {
  return t.find_key(key, side);
}

// total = Σ rows by key, on every amount column.
void KeyedSum(Reporter& rep, const Table& t, std::string_view total, int side,
              const std::vector<std::string_view>& parts, const std::string& what) {
  const Row* tr = Key(t, total, side);
  if (!tr) return;
  std::vector<const Row*> rows;
  for (std::string_view p : parts) {
    if (const Row* r = Key(t, p, side)) rows.push_back(r);
  }
  SumColumns(rep, t, *tr, rows, what);
}

// Rows of the expenditure side that are 功能分类 classes.
std::vector<const Row*> Classes(const Table& t, int side) {
  std::vector<const Row*> out;
  for (const Row& r : t.rows) {
    if (r.side == side && r.kind == RowKind::kClass) out.push_back(&r);
  }
  return out;
}

}  // namespace

void AddTableRules(std::vector<Rule>* rules) {
  for (const TableSpec& spec : Catalogue()) {
    int n = static_cast<int>(spec.kind);
    if (!spec.row_sums.empty()) {
      std::string cols;
      for (const RowSum& s : spec.row_sums) {
        cols += std::string(spec.sides[s.side].columns[spec.sides[s.side].column(s.total)].name) +
                " = ";
        for (size_t i = 0; i < s.parts.size(); ++i) {
          cols +=
              (i ? " + " : "") +
              std::string(spec.sides[s.side].columns[spec.sides[s.side].column(s.parts[i])].name);
        }
      }
      TableKind kind = spec.kind;
      rules->push_back(Rule{{fmt::format("table{}.row-sum", n), Severity::kError, "表内算术",
                             fmt::format("{}每行：{}", spec.name, cols),
                             fmt::format("{}某行合计与各列之和不符（超出舍入容差）", spec.name)},
                            [kind](const Document& doc, Reporter& rep) {
                              ForTable(doc, kind, [&](const Table& t) { RowSums(t, rep); });
                            }});
    }
    if (spec.scheme == RowScheme::kFunctionCodes) {
      TableKind kind = spec.kind;
      rules->push_back(
          Rule{{fmt::format("table{}.hierarchy", n), Severity::kError, "表内算术",
                fmt::format("{}：合计 = Σ类，类 = Σ款，款 = Σ项（每个金额列）", spec.name),
                fmt::format("{}中“208 社会保障和就业支出”不等于其下各款之和", spec.name)},
               [kind](const Document& doc, Reporter& rep) {
                 ForTable(doc, kind, [&](const Table& t) { Hierarchy(t, rep); });
               }});
    }
  }

  rules->push_back(Rule{{"table6.groups", Severity::kError, "表内算术",
                         "基本支出分经济科目表：合计 = Σ类，类 = Σ其下科目",
                         "“商品和服务支出”不等于办公费、邮电费等之和"},
                        [](const Document& doc, Reporter& rep) {
                          ForTable(doc, TableKind::kBasicEconomic,
                                   [&](const Table& t) { Hierarchy(t, rep); });
                        }});
  rules->push_back(
      Rule{{"table10.components", Severity::kError, "表内算术",
            "“三公”经费表：公务用车购置及运行费 = 购置费 + 运行维护费；合计 = 三项之和",
            "合计 2.18 万元，而出国、接待、公务用车三项之和为 2.28 万元"},
           [](const Document& doc, Reporter& rep) {
             ForTable(doc, TableKind::kThreePublic, [&](const Table& t) {
               KeyedSum(rep, t, "vehicles", 0, {"vehicle_purchase", "vehicle_operation"},
                        "应等于购置费与运行维护费之和");
               KeyedSum(rep, t, "total", 0, {"outbound", "reception", "vehicles"},
                        "应等于因公出国（境）费、公务接待费、公务用车购置及运行费之和");
             });
           }});
  rules->push_back(Rule{{"table11.units", Severity::kError, "表内算术",
                         "机关运行经费表：部门合计 = Σ各单位", "部门合计与各行政单位之和不符"},
                        [](const Document& doc, Reporter& rep) {
                          ForTable(doc, TableKind::kOrgRunning,
                                   [&](const Table& t) { Hierarchy(t, rep); });
                        }});
  for (TableKind kind : {TableKind::kProjectsCurrent, TableKind::kProjectsCarryover}) {
    int n = static_cast<int>(kind);
    rules->push_back(
        Rule{{fmt::format("table{}.units", n), Severity::kError, "表内算术",
              fmt::format("{}：部门合计 = Σ单位小计，单位小计 = Σ本单位项目", FindSpec(kind)->name),
              "单位小计 6419.64 万元，其后各项目之和为 6420.64 万元"},
             [kind](const Document& doc, Reporter& rep) {
               ForTable(doc, kind, [&](const Table& t) { Hierarchy(t, rep); });
             }});
  }
  rules->push_back(Rule{
      {"table1.income-sum", Severity::kError, "表内算术",
       "预算收支总表：本年收入合计 = 各收入来源之和；收入总计 = 本年收入合计 + 上年结转",
       "本年收入合计 7737.21 万元，而一般公共预算与政府性基金之和为 7737.31 万元"},
      [](const Document& doc, Reporter& rep) {
        ForTable(doc, TableKind::kBudgetSummary, [&](const Table& t) {
          KeyedSum(rep, t, "current_total", 0,
                   {"general", "fund", "capital", "special", "unit_funds"}, "应等于各收入来源之和");
          KeyedSum(rep, t, "grand_total", 0, {"current_total", "carryover"},
                   "应等于本年收入合计与上年结转之和");
        });
      }});
  rules->push_back(Rule{
      {"table1.expenditure-sum", Severity::kError, "表内算术",
       "预算收支总表：本年支出合计 = 各功能分类之和（每列）；支出总计 = 本年支出合计 + 年终结转",
       "本年支出合计 8237.74 万元，各类支出之和为 8237.84 万元"},
      [](const Document& doc, Reporter& rep) {
        ForTable(doc, TableKind::kBudgetSummary, [&](const Table& t) {
          if (const Row* total = Key(t, "current_total", 1)) {
            SumColumns(rep, t, *total, Classes(t, 1), "应等于各类支出之和");
          }
          KeyedSum(rep, t, "grand_total", 1, {"current_total", "year_end_carryover"},
                   "应等于本年支出合计与年终结转之和");
        });
      }});
  for (TableKind kind : {TableKind::kBudgetSummary, TableKind::kFiscalSummary}) {
    int n = static_cast<int>(kind);
    rules->push_back(
        Rule{{fmt::format("table{}.balance", n), Severity::kError, "表内算术",
              fmt::format("{}：收入总计 = 支出总计", FindSpec(kind)->name),
              "收入总计 8237.74 万元，支出总计 8237.47 万元"},
             [kind](const Document& doc, Reporter& rep) {
               ForTable(doc, kind, [&](const Table& t) {
                 const Row* in = Key(t, "grand_total", 0);
                 const Row* out = Key(t, "grand_total", 1);
                 if (!in || !out) return;
                 std::string out_col = kind == TableKind::kBudgetSummary ? "total" : "subtotal";
                 Amount a = in->amount(t, "amount"), b = out->amount(t, out_col);
                 SumResult s = CompareEqual(a, b);
                 if (s.ok) return;
                 Finding& f = rep.Report(
                     in->at.line, fmt::format("{}：收入总计 {} 与支出总计 {} 不等", TableName(t),
                                              Money(a, t.unit), Money(b, t.unit)));
                 f.expected = Money(b, t.unit);
                 f.actual = Money(a, t.unit);
                 if (out->at.line != in->at.line) f.related_lines.push_back(out->at.line);
               });
             }});
  }
  rules->push_back(Rule{{"table4.income-sum", Severity::kError, "表内算术",
                         "财政拨款收支总表：本年收入合计 = 三项财政拨款之和；上年结转 = "
                         "各项结转之和；收入总计 = 两者之和",
                         "上年财政拨款结转 500.53 万元，而其下一般公共预算结转为 500.35 万元"},
                        [](const Document& doc, Reporter& rep) {
                          ForTable(doc, TableKind::kFiscalSummary, [&](const Table& t) {
                            KeyedSum(rep, t, "current_total", 0, {"general", "fund", "capital"},
                                     "应等于三项财政拨款之和");
                            KeyedSum(rep, t, "carryover_total", 0,
                                     {"carryover_general", "carryover_fund", "carryover_capital"},
                                     "应等于各项上年结转之和");
                            KeyedSum(rep, t, "grand_total", 0, {"current_total", "carryover_total"},
                                     "应等于本年收入合计与上年结转之和");
                          });
                        }});
  rules->push_back(Rule{{"table4.expenditure-sum", Severity::kError, "表内算术",
                         "财政拨款收支总表：本年支出合计 = 各功能分类之和（每列）；支出总计 = "
                         "本年支出合计 + 年终结转",
                         "本年支出合计的一般公共预算列与各类之和不符"},
                        [](const Document& doc, Reporter& rep) {
                          ForTable(doc, TableKind::kFiscalSummary, [&](const Table& t) {
                            if (const Row* total = Key(t, "current_total", 1)) {
                              SumColumns(rep, t, *total, Classes(t, 1), "应等于各类支出之和");
                            }
                            KeyedSum(rep, t, "grand_total", 1,
                                     {"current_total", "year_end_carryover"},
                                     "应等于本年支出合计与年终结转之和");
                          });
                        }});
  rules->push_back(Rule{
      {"table.no-data-note", Severity::kWarning, "表内算术",
       "没有数据的表应注明“本表无数据”；注明无数据的表不应有金额",
       "国有资本经营预算收支预算表全空，却没有“注：本表无数据”"},
      [](const Document& doc, Reporter& rep) {
        for (const Table& t : doc.tables) {
          const bool data = t.has_data();
          if (!data && !t.no_data) {
            rep.Report(t.title_at.line,
                       fmt::format("{} 没有任何金额，但未注明“本表无数据”", TableName(t)));
          } else if (data && t.no_data) {
            Finding& f = rep.Report(t.no_data_at.line,
                                    fmt::format("{} 注明“本表无数据”，表中却有金额", TableName(t)),
                                    Severity::kError);
            f.related_lines.push_back(t.title_at.line);
          }
        }
      }});
}

}  // namespace yusuan
