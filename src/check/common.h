// Helpers the rules share: naming tables, rows and columns in messages, and comparing sums
// within the rounding bound.
#pragma once

#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "check/rule.h"
#include "model/document.h"

namespace yusuan {

// "表3 预算支出总表"
std::string TableName(const Table& t);
// "208 社会保障和就业支出", "合计", a project's name
std::string RowName(const Table& t, const Row& r);
// "基本支出"
std::string ColumnName(const Table& t, int side, std::string_view column);
// "6056.35 万元" / "35000000 元"
std::string Money(WideFen fen, MoneyUnit unit);
std::string Money(const Amount& a, MoneyUnit unit);

struct SumResult {
  bool applies = false;   // something to compare (a total or a part is printed)
  bool ok = true;         // within the rounding bound
  WideFen sum = 0;        // in 128 bits: no count of parts overflows it
  WideFen diff = 0;       // total - sum
  int64_t tolerance = 0;  // the rounding bound
};
// total = Σ parts, allowing n rounded parts their half units. Absent amounts count as zero.
SumResult CompareSum(const Amount& total, std::span<const Amount> parts);
// a = b, each with its own rounding.
SumResult CompareEqual(const Amount& a, const Amount& b);

// Reports a failed comparison `s` of `total = Σ parts` (ReportSum's slow path).
void ReportFailedSum(Reporter& r, uint32_t line, std::string_view what, const Amount& total,
                     const SumResult& s, std::span<const uint32_t> part_lines, MoneyUnit unit);

// Reports `total = Σ parts` when it fails. `parts` and `part_lines` run in parallel. `what`, the
// subject of the message, is text or a callable that returns it, called only on failure: most
// sums hold, and their messages are never built.
template <typename What>
void ReportSum(Reporter& r, uint32_t line, const What& what, const Amount& total,
               std::span<const Amount> parts, std::span<const uint32_t> part_lines,
               MoneyUnit unit) {
  const SumResult s = CompareSum(total, parts);
  if (s.ok) return;
  if constexpr (std::is_invocable_v<const What&>) {
    ReportFailedSum(r, line, what(), total, s, part_lines, unit);
  } else {
    ReportFailedSum(r, line, std::string_view(what), total, s, part_lines, unit);
  }
}
// The same for parts listed in place: ReportSum(r, line, what, total, {a, b}, {la, lb}, unit).
template <typename What>
void ReportSum(Reporter& r, uint32_t line, const What& what, const Amount& total,
               std::initializer_list<Amount> parts, std::initializer_list<uint32_t> part_lines,
               MoneyUnit unit) {
  ReportSum(r, line, what, total, std::span<const Amount>(parts.begin(), parts.size()),
            std::span<const uint32_t>(part_lines.begin(), part_lines.size()), unit);
}

}  // namespace yusuan
