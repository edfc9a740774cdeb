// Tables aligned with spaces instead of tabs: what `pdftotext -layout` prints, and fixed-width
// text exports of spreadsheets. The readers know tab-separated rows; this stage turns a
// space-aligned table into them before anything is read, one line for one line, so every figure
// keeps its line number.
#pragma once

#include <string>
#include <string_view>

namespace yusuan {

// What Tabulate did to a text.
struct SpacedLayout {
  uint32_t rows = 0;       // lines rewritten as tab-separated rows
  uint32_t blocks = 0;     // runs of such lines whose columns were found together
  uint32_t first_row = 0;  // the line number of the first rewritten row (0 if none)
};

// Rewrites, in `text`, every line without a tab whose cells are separated by runs of two or
// more spaces as a tab-separated row. Consecutive such lines (blank lines between them allowed,
// a line that may be a table's title ending them) form a block whose columns are found together
// from the positions of their cells, so a row with an empty cell keeps the empty cell where it
// is: the gaps every row leaves blank are the column boundaries, and a cell spanning columns
// (a header over its sub-columns) is put in the column where it starts. Positions count an
// ideograph as two places (as a terminal shows it) or as one (as some converters pad it),
// whichever lines the block's columns up better. Lines longer than a table row can be are left
// as they are. A text without two spaces in a row is not changed (one search).
SpacedLayout TabulateSpacedRows(std::string* text);

}  // namespace yusuan
