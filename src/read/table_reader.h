// Reads one standard table out of its region of lines, guided by its catalogue entry.
//
// Header rows are recognised as the lines before the first data-like row; data rows are split
// on tabs and mapped to the catalogue's columns. When a row has a missing or extra tab, every
// one-tab repair is tried and the reading that satisfies the row's identities (合计 = Σ parts)
// is taken, with the moved cells marked doubtful; when no reading is clearly right the row is
// kept as printed and marked doubtful. Nothing in the region is dropped without a Diagnostic.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/document.h"
#include "read/lines.h"

namespace yusuan {

struct TableRegion {
  const TableSpec* spec = nullptr;
  uint32_t title_line = 0;
  uint32_t last_line = 0;  // inclusive
  std::string title;
  std::string printed_label;
};

// A line between a table's title and its header that names the budget unit and/or the money
// unit: "单位名称：某局", "单位：万元", or both on one line ("部门名称：某局\t\t单位：万元",
// "编制单位：某局　单位：元"). Every part of the line must be one of them.
struct TableHead {
  std::string entity;  // "某局"; empty when the line names none
  bool has_unit = false;
  MoneyUnit unit = MoneyUnit::kWanYuan;
};
bool ReadTableHead(std::string_view plain, TableHead* head);
// Whether a line's match key starts as a head line's does: the cheap test before ReadTableHead.
bool StartsLikeTableHead(std::string_view key);

// `skip[n]` is true for line n that belongs to no table (a watermark). `kind` tells how tables
// 11-13 start (a department total, or a unit's own total).
Table ReadTable(const Lines& lines, const TableRegion& region, const LineFlags& skip,
                DocumentKind kind, std::vector<Diagnostic>* diagnostics);

}  // namespace yusuan
