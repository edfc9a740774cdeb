// Identities between tables (domain.md): the same figure restated in another table, per class
// and in total.
#include <fmt/format.h>

#include <optional>

#include "base/key_index.h"
#include "base/text.h"
#include "check/common.h"

namespace yusuan {
namespace {

// A figure in a table: a row by key (or the first row of a kind) and a column.
struct Figure {
  const Table* table = nullptr;
  const Row* row = nullptr;
  std::string_view column;
  bool found() const { return table && row; }
  Amount amount() const { return found() ? row->amount(*table, column) : Amount{}; }
  uint32_t line() const { return found() ? row->at.line : 0; }
  std::string Name() const {
    if (!found()) return "";
    return fmt::format("{} 第{}行“{}”的“{}”", TableName(*table), row->at.line,
                       RowName(*table, *row), ColumnName(*table, row->side, column));
  }
};

Figure ByKey(const Document& doc, TableKind kind, std::string_view key, int side,
             std::string_view column) {
  Figure f;
  f.table = doc.table(kind);
  if (f.table) f.row = f.table->find_key(key, side);
  f.column = column;
  return f;
}

// The first row of tables 12 and 13: the department's or the unit's total.
Figure ProjectsTotal(const Document& doc, TableKind kind, std::string_view column) {
  Figure f;
  f.table = doc.table(kind);
  if (f.table && !f.table->rows.empty()) f.row = &f.table->rows.front();
  f.column = column;
  return f;
}

// a = b. A figure missing from its table counts as zero when the other is printed.
void Equal(Reporter& rep, const Figure& a, const Figure& b, MoneyUnit unit) {
  if (!a.table || !b.table) return;
  if (!a.found() && !b.found()) return;
  Amount x = a.amount(), y = b.amount();
  SumResult s = CompareEqual(x, y);
  if (!s.applies || s.ok) return;
  const Figure& at = a.found() ? a : b;
  std::string an = a.found() ? a.Name() : fmt::format("{}（无此行）", TableName(*a.table));
  std::string bn = b.found() ? b.Name() : fmt::format("{}（无此行）", TableName(*b.table));
  Finding& f = rep.Report(at.line(), fmt::format("{} 为 {}，而 {} 为 {}，两者应相等", an,
                                                 Money(x, unit), bn, Money(y, unit)));
  f.expected = Money(y, unit);
  f.actual = Money(x, unit);
  if (b.found() && b.line() != at.line()) f.related_lines.push_back(b.line());
  if (a.found() && a.line() != at.line()) f.related_lines.push_back(a.line());
}

// a = b + c.
void EqualSum(Reporter& rep, const Figure& a, const std::vector<Figure>& parts, MoneyUnit unit,
              const std::string& relation) {
  if (!a.found()) return;
  std::vector<Amount> amounts;
  std::vector<uint32_t> lines;
  for (const Figure& p : parts) {
    amounts.push_back(p.amount());
    if (p.found()) lines.push_back(p.line());
  }
  ReportSum(
      rep, a.line(), [&] { return a.Name() + relation; }, a.amount(), amounts, lines, unit);
}

// a ≤ b (a part that may not exceed what contains it).
void AtMost(Reporter& rep, const Figure& a, const Figure& b, MoneyUnit unit) {
  if (!a.found() || !b.found()) return;
  Amount x = a.amount(), y = b.amount();
  if (!x.present()) return;
  if (x.fen <= y.fen + x.half_ulp() + y.half_ulp()) return;
  Finding& f = rep.Report(a.line(), fmt::format("{} 为 {}，超过了 {} 的 {}", a.Name(),
                                                Money(x, unit), b.Name(), Money(y, unit)));
  f.expected = "≤ " + Money(y, unit);
  f.actual = Money(x, unit);
  f.related_lines.push_back(b.line());
}

// Per code: rows of `a` and `b` with the same classification code.
template <typename Fn>
void PerCode(const Table* a, const Table* b, Fn fn) {
  if (!a || !b) return;
  const KeyIndex in_b = CodedRows(*b);
  for (const Row& r : a->rows) {
    if (!IsCoded(r.kind)) continue;
    const std::optional<size_t> i = in_b.First(r.key.view());
    fn(r, i ? &b->rows[*i] : nullptr);
  }
}

// The rows of a table by key, for a rule that looks up a row for every row of another table
// (Table::find_key for each would grow with the product of the two: minutes for tables of tens
// of thousands of rows). Finds the row find_key finds: the first of its key.
class RowsByKey {
 public:
  explicit RowsByKey(const Table& t)
      : table_(t), index_(t.rows.size(), [&](size_t i) { return t.rows[i].key.view(); }) {}
  const Row* find(std::string_view key) const {
    std::optional<size_t> i = index_.First(key);
    return i ? &table_.rows[*i] : nullptr;
  }

 private:
  const Table& table_;
  KeyIndex index_;
};

Figure Of(const Table* t, const Row* r, std::string_view column) {
  Figure f;
  f.table = t;
  f.row = r;
  f.column = column;
  return f;
}

MoneyUnit Unit(const Document& doc) {
  return doc.tables.empty() ? MoneyUnit::kWanYuan : doc.tables.front().unit;
}

using Check = std::function<void(const Document&, Reporter&)>;

void Add(std::vector<Rule>* rules, std::string id, std::string title, std::string example,
         Check check, Severity severity = Severity::kError) {
  rules->push_back(Rule{{std::move(id), severity, "表间关系", std::move(title), std::move(example)},
                        std::move(check)});
}

}  // namespace

void AddIdentityRules(std::vector<Rule>* rules) {
  using K = TableKind;
  Add(rules, "t1-t3.total", "表1 支出总计 = 表3 合计",
      "表1 支出总计 6056.35 万元，表3 合计 6065.35 万元", [](const Document& d, Reporter& r) {
        Equal(r, ByKey(d, K::kBudgetSummary, "grand_total", 1, "total"),
              ByKey(d, K::kExpenditureSummary, "total", 0, "total"), Unit(d));
      });
  Add(rules, "t1-t3.classes", "表1 各类支出（合计列）= 表3 同类合计",
      "表1“卫生健康支出”5838.20 万元，表3 210 卫生健康支出 5838.02 万元",
      [](const Document& d, Reporter& r) {
        const Table* t1 = d.table(K::kBudgetSummary);
        const Table* t3 = d.table(K::kExpenditureSummary);
        if (!t1 || !t3) return;
        const RowsByKey in_t3(*t3);
        for (const Row& row : t1->rows) {
          if (row.side != 1 || row.kind != RowKind::kClass) continue;
          Equal(r, Of(t1, &row, "total"), Of(t3, in_t3.find(row.key), "total"), Unit(d));
        }
      });
  Add(rules, "t1-t2.income", "表2 合计各列 = 表1 各收入来源、本年收入合计、上年结转",
      "表2 一般公共预算合计 6217.80 万元，表1 一般公共预算 6217.08 万元",
      [](const Document& d, Reporter& r) {
        const std::pair<std::string_view, std::string_view> pairs[] = {
            {"total", "current_total"}, {"general", "general"}, {"fund", "fund"},
            {"capital", "capital"},     {"special", "special"}, {"unit_funds", "unit_funds"},
            {"carryover", "carryover"}};
        for (auto [col, key] : pairs) {
          Equal(r, ByKey(d, K::kIncomeSummary, "total", 0, col),
                ByKey(d, K::kBudgetSummary, key, 0, "amount"), Unit(d));
        }
      });
  Add(rules, "t2-t3.codes", "每个科目：表2 本年收入合计 + 上年结转 = 表3 支出合计",
      "2080799 表2 926.00 + 394.11，表3 1320.11", [](const Document& d, Reporter& r) {
        const Table* t2 = d.table(K::kIncomeSummary);
        const Table* t3 = d.table(K::kExpenditureSummary);
        PerCode(t3, t2, [&](const Row& row3, const Row* row2) {
          EqualSum(r, Of(t3, &row3, "total"), {Of(t2, row2, "total"), Of(t2, row2, "carryover")},
                   Unit(d), "应等于表2 同科目本年收入与上年结转之和");
        });
      });
  Add(rules, "t5-t1.general", "表5 合计 = 表1 一般公共预算收入",
      "表5 合计 6217.80 万元，表1 一般公共预算 6217.08 万元", [](const Document& d, Reporter& r) {
        Equal(r, ByKey(d, K::kGeneralExpenditure, "total", 0, "total"),
              ByKey(d, K::kBudgetSummary, "general", 0, "amount"), Unit(d));
      });
  Add(rules, "t5-t2.codes", "每个科目：表5 合计 = 表2 一般公共预算列",
      "2080101 表5 154.39 万元，表2 一般公共预算 154.93 万元", [](const Document& d, Reporter& r) {
        const Table* t5 = d.table(K::kGeneralExpenditure);
        const Table* t2 = d.table(K::kIncomeSummary);
        PerCode(t5, t2, [&](const Row& row5, const Row* row2) {
          Equal(r, Of(t5, &row5, "total"), Of(t2, row2, "general"), Unit(d));
        });
      });
  Add(rules, "t5-t6.basic", "表5 基本支出合计 = 表6 合计",
      "表5 基本支出 383.26 万元，表6 合计 383.62 万元", [](const Document& d, Reporter& r) {
        Equal(r, ByKey(d, K::kGeneralExpenditure, "total", 0, "basic"),
              ByKey(d, K::kBasicEconomic, "total", 0, "total"), Unit(d));
      });
  Add(rules, "t5-t12.project", "表5 项目支出合计 = 表12 一般公共预算列合计",
      "表5 项目支出 5094.53 万元，表12 一般公共预算合计 5049.53 万元",
      [](const Document& d, Reporter& r) {
        Equal(r, ByKey(d, K::kGeneralExpenditure, "total", 0, "project"),
              ProjectsTotal(d, K::kProjectsCurrent, "general"), Unit(d));
      });
  Add(rules, "t8-t1.fund", "表8 合计 = 表1 政府性基金预算收入",
      "表8 合计 1519.41 万元，表1 政府性基金 1591.41 万元", [](const Document& d, Reporter& r) {
        Equal(r, ByKey(d, K::kFundExpenditure, "total", 0, "total"),
              ByKey(d, K::kBudgetSummary, "fund", 0, "amount"), Unit(d));
      });
  Add(rules, "t8-t2.codes", "每个科目：表8 合计 = 表2 政府性基金列",
      "2120899 表8 1519.41，表2 政府性基金 1591.41", [](const Document& d, Reporter& r) {
        const Table* t8 = d.table(K::kFundExpenditure);
        const Table* t2 = d.table(K::kIncomeSummary);
        PerCode(t8, t2, [&](const Row& row8, const Row* row2) {
          Equal(r, Of(t8, &row8, "total"), Of(t2, row2, "fund"), Unit(d));
        });
      });
  Add(rules, "t8-t12.project", "表8 项目支出合计 = 表12 政府性基金列合计",
      "表8 项目支出 1519.41 万元，表12 政府性基金合计 1591.41 万元",
      [](const Document& d, Reporter& r) {
        Equal(r, ByKey(d, K::kFundExpenditure, "total", 0, "project"),
              ProjectsTotal(d, K::kProjectsCurrent, "fund"), Unit(d));
      });
  Add(rules, "t3-t12-t13.project", "表3 项目支出合计 = 表12 合计 + 表13 合计",
      "表3 项目支出 7114.48 万元，表12 6613.94 + 表13 500.53 = 7114.47 之外相差更多",
      [](const Document& d, Reporter& r) {
        EqualSum(r, ByKey(d, K::kExpenditureSummary, "total", 0, "project"),
                 {ProjectsTotal(d, K::kProjectsCurrent, "total"),
                  ProjectsTotal(d, K::kProjectsCarryover, "total")},
                 Unit(d), "应等于表12 与表13 合计之和");
      });
  Add(rules, "t13-t1.carryover", "表13 合计 = 表1 上年结转（全部为项目结转时）",
      "表13 合计 500.53 万元，表1 上年结转 505.30 万元", [](const Document& d, Reporter& r) {
        Equal(r, ProjectsTotal(d, K::kProjectsCarryover, "total"),
              ByKey(d, K::kBudgetSummary, "carryover", 0, "amount"), Unit(d));
      });
  Add(rules, "t4-t1.income", "表4 各项财政拨款收入 = 表1 同项收入",
      "表4 一般公共预算 6217.80，表1 6218.70", [](const Document& d, Reporter& r) {
        for (std::string_view key : {"general", "fund", "capital"}) {
          Equal(r, ByKey(d, K::kFiscalSummary, key, 0, "amount"),
                ByKey(d, K::kBudgetSummary, key, 0, "amount"), Unit(d));
        }
      });
  Add(rules, "t4-t5.general", "表4 本年支出合计的一般公共预算列 = 表5 合计 + 上年一般公共预算结转",
      "表4 一般公共预算支出 6718.33 万元，表5 6217.80 + 结转 500.53 = 6718.33 之外不符",
      [](const Document& d, Reporter& r) {
        EqualSum(r, ByKey(d, K::kFiscalSummary, "current_total", 1, "general"),
                 {ByKey(d, K::kGeneralExpenditure, "total", 0, "total"),
                  ByKey(d, K::kFiscalSummary, "carryover_general", 0, "amount")},
                 Unit(d), "应等于表5 合计与上年一般公共预算结转之和");
      });
  Add(rules, "t4-t3.classes", "表4 各类财政拨款支出不超过表3 同类支出合计",
      "表4“卫生健康支出”2000.00 万元，超过表3 同类 1968.64 万元",
      [](const Document& d, Reporter& r) {
        const Table* t4 = d.table(K::kFiscalSummary);
        const Table* t3 = d.table(K::kExpenditureSummary);
        if (!t4 || !t3) return;
        const RowsByKey in_t3(*t3);
        for (const Row& row : t4->rows) {
          if (row.side != 1 || row.kind != RowKind::kClass) continue;
          AtMost(r, Of(t4, &row, "subtotal"), Of(t3, in_t3.find(row.key), "total"), Unit(d));
        }
      });
  Add(rules, "t6-t10.items", "表10 公务接待费、公务用车运行维护费不少于表6 同名科目",
      "表6 公务接待费 0.70 万元，表10 公务接待费 0.50 万元", [](const Document& d, Reporter& r) {
        const Table* t6 = d.table(K::kBasicEconomic);
        const Table* t10 = d.table(K::kThreePublic);
        if (!t6 || !t10) return;
        for (auto [item, key] :
             {std::pair<std::string_view, std::string_view>{"公务接待费", "reception"},
              {"公务用车运行维护费", "vehicle_operation"}}) {
          WideFen in_t6 = 0;
          const Row* first = nullptr;
          for (const Row& row : t6->rows) {
            if (row.kind == RowKind::kItem && KeyIs(row.label(*t6), item)) {
              in_t6 += row.amount(*t6, "total").fen;
              if (!first) first = &row;
            }
          }
          const Row* row10 = t10->find_key(key);
          if (!first) continue;
          int64_t in_t10 = row10 ? row10->amount(*t10, "total").fen : 0;
          if (in_t10 + 10000 >= in_t6) continue;  // half a unit each side
          Finding& f =
              r.Report(row10 ? row10->at.line : t10->title_at.line,
                       fmt::format("表10 {} 为 {}，少于表6 基本支出中的 {} {}", item,
                                   Money(in_t10, t10->unit), item, Money(in_t6, t6->unit)));
          f.expected = "≥ " + Money(in_t6, t6->unit);
          f.actual = Money(in_t10, t10->unit);
          f.related_lines.push_back(first->at.line);
        }
      });
  Add(rules, "t11-t6.public", "表11 机关运行经费不超过表6 公用经费",
      "机关运行经费 80.00 万元，公用经费 76.42 万元", [](const Document& d, Reporter& r) {
        AtMost(r, ByKey(d, K::kOrgRunning, "total", 0, "total"),
               ByKey(d, K::kBasicEconomic, "total", 0, "public"), Unit(d));
      });
}

}  // namespace yusuan
