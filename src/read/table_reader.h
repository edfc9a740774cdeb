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

// `skip[n]` is true for line n that belongs to no table (a watermark). `kind` tells how tables
// 11-13 start (a department total, or a unit's own total).
Table ReadTable(const Lines& lines, const TableRegion& region, const LineFlags& skip,
                DocumentKind kind, std::vector<Diagnostic>* diagnostics);

}  // namespace yusuan
