#include "check/common.h"

#include <fmt/format.h>

#include <algorithm>

namespace yusuan {

std::string TableName(const Table& t) {
  return fmt::format("表{} {}", static_cast<int>(t.kind()), t.spec->name);
}

std::string RowName(const Table& t, const Row& r) {
  const SideSpec& side = t.spec->sides[r.side];
  int code = side.code_column();
  std::string name = r.label(t).str();
  const std::span<const Cell> cells = r.cells(t);
  if (code >= 0 && static_cast<size_t>(code) < cells.size() && !cells[code].text.empty()) {
    if (name.empty()) return cells[code].text.str();
    return cells[code].text + " " + name;
  }
  return name.empty() ? r.key.str() : name;
}

std::string ColumnName(const Table& t, int side, std::string_view column) {
  int c = t.spec->sides[side].column(column);
  return c < 0 ? std::string(column) : std::string(t.spec->sides[side].columns[c].name);
}

std::string Money(WideFen fen, MoneyUnit unit) {
  return unit == MoneyUnit::kWanYuan ? FormatWanYuan(fen) + " 万元" : FormatYuan(fen) + " 元";
}

std::string Money(const Amount& a, MoneyUnit unit) {
  if (!a.present()) return "（空）";
  return FormatIn(a, unit) + " " + MoneyUnitName(unit);
}

SumResult CompareSum(const Amount& total, std::span<const Amount> parts) {
  SumResult r;
  r.applies = total.present() ||
              std::any_of(parts.begin(), parts.end(), [](const Amount& p) { return p.present(); });
  if (!r.applies) return r;
  const PartsSum s = SumParts(total, parts);
  r.sum = s.sum;
  r.tolerance = s.tolerance;
  r.diff = total.fen - r.sum;
  r.ok = (r.diff < 0 ? -r.diff : r.diff) <= r.tolerance;
  return r;
}

SumResult CompareEqual(const Amount& a, const Amount& b) {
  Amount parts[] = {b};
  return CompareSum(a, parts);
}

void ReportFailedSum(Reporter& r, uint32_t line, std::string_view what, const Amount& total,
                     const SumResult& s, std::span<const uint32_t> part_lines, MoneyUnit unit) {
  Finding& f = r.Report(line, fmt::format("{}：合计 {}，各项之和 {}，相差 {}（超出舍入容差 {}）",
                                          what, Money(total, unit), Money(s.sum, unit),
                                          Money(s.diff, unit), Money(s.tolerance, unit)));
  f.expected = Money(s.sum, unit);
  f.actual = Money(total, unit);
  for (uint32_t l : part_lines) {
    if (l != line && l != 0) f.related_lines.push_back(l);
  }
}

}  // namespace yusuan
