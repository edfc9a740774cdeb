#include "read/spaced_layout.h"

#include <algorithm>
#include <array>
#include <vector>

#include "base/text.h"
#include "model/catalogue.h"

namespace yusuan {
namespace {

// A line longer than this is prose or a broken file, not a table row: its positions are not
// counted (and a 10 MB line costs one search for a tab). Its bytes and places fit 16 bits.
constexpr size_t kMaxRowBytes = 4096;

// Two ways to count a cell's place on its line: an ideograph as two places (kWide) or as one.
enum Metric { kWide = 0, kNarrow = 1, kMetrics = 2 };

struct Cell {
  uint16_t begin = 0, end = 0;                     // bytes within the line
  std::array<uint16_t, kMetrics> start{}, stop{};  // places within the line
};

struct Row {
  uint32_t offset = 0;  // where the line starts in the text
  uint32_t size = 0;
  uint32_t number = 0;  // line number, from 1
  std::vector<Cell> cells;
};

// The cells of a line separated by runs of two or more spaces; false when the line has a tab,
// is too long, or has fewer than two cells.
bool SplitAtSpaceRuns(std::string_view line, std::vector<Cell>* cells) {
  cells->clear();
  if (line.size() > kMaxRowBytes || line.find('\t') != std::string_view::npos) return false;
  std::array<uint16_t, kMetrics> place{};
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && line[i] == ' ') {
      ++i;
      ++place[kWide];
      ++place[kNarrow];
    }
    if (i >= line.size()) break;
    Cell cell;
    cell.begin = static_cast<uint16_t>(i);
    cell.start = place;
    std::array<uint16_t, kMetrics> stop = place;  // after the last byte that is not a space
    size_t end = i;
    while (i < line.size() && !(line[i] == ' ' && i + 1 < line.size() && line[i + 1] == ' ')) {
      const auto c = static_cast<unsigned char>(line[i]);
      if (c < 0x80) {
        ++place[kWide];
        ++place[kNarrow];
      } else if (c >= 0xC0) {
        place[kWide] += c >= 0xE0 ? 2 : 1;  // three- and four-byte characters are wide
        ++place[kNarrow];
      }
      ++i;
      if (c != ' ') {
        end = i;
        stop = place;
      }
    }
    cell.end = static_cast<uint16_t>(end);
    cell.stop = stop;
    cells->push_back(cell);
  }
  return cells->size() >= 2;
}

bool IsFigure(std::string_view text) {
  return !text.empty() && text.find_first_not_of("0123456789,.-%") == std::string_view::npos;
}

using Spans = std::vector<std::pair<uint32_t, uint32_t>>;

// The columns of a block counted one way: spans of places, left to right.
struct Columns {
  Spans spans;
  uint32_t collisions = 0;  // cells that share a column with another cell of their row

  // The column of a cell: a figure by where it ends (figures are right-aligned), other text by
  // where it starts; a cell in a gap between columns goes to the column it faces.
  size_t Of(const Cell& cell, Metric m, bool figure) const {
    if (figure) {
      const auto after = std::partition_point(
          spans.begin(), spans.end(), [&](const auto& span) { return span.first < cell.stop[m]; });
      return after == spans.begin() ? 0 : static_cast<size_t>(after - spans.begin()) - 1;
    }
    return static_cast<size_t>(
        std::partition_point(spans.begin(), spans.end(),
                             [&](const auto& span) { return span.second <= cell.start[m]; }) -
        spans.begin());
  }
};

// Where each cell of a block falls: its column, and what each column holds.
struct Placement {
  std::vector<std::vector<uint32_t>> in;  // per row, per cell: the column
  std::vector<uint8_t> holds;             // per column: bit 0 text, bit 1 figures
  // Per column c: the rightmost column left of c that some row has a cell in along with c
  // (-1 if none). Columns i..j share no row exactly when reach[c] < i for every c in i+1..j.
  std::vector<int64_t> reach;
};

Placement Place(std::string_view all, const std::vector<Row>& rows, const Columns& columns,
                Metric m) {
  const size_t n = columns.spans.size();
  Placement p{std::vector<std::vector<uint32_t>>(rows.size()), std::vector<uint8_t>(n, 0),
              std::vector<int64_t>(n, -1)};
  for (size_t r = 0; r < rows.size(); ++r) {
    const std::string_view line = all.substr(rows[r].offset, rows[r].size);
    for (const Cell& cell : rows[r].cells) {
      const bool figure = IsFigure(line.substr(cell.begin, cell.end - cell.begin));
      const auto column = static_cast<uint32_t>(columns.Of(cell, m, figure));
      if (column < n) {
        p.holds[column] |= figure ? 2 : 1;
        if (!p.in[r].empty() && p.in[r].back() < column) {
          p.reach[column] = std::max<int64_t>(p.reach[column], p.in[r].back());
        }
      }
      p.in[r].push_back(column);
    }
  }
  return p;
}

// Joins the columns where `join[c]` says column c goes with the one after it.
Spans Joined(const Spans& spans, const std::vector<uint8_t>& join) {
  Spans out;
  for (size_t c = 0; c < spans.size(); ++c) {
    if (c > 0 && join[c - 1]) {
      out.back().second = spans[c].second;
    } else {
      out.push_back(spans[c]);
    }
  }
  return out;
}

// The columns of a block, in three steps. The rows with the most cells lay them out first (a
// header naming every column, a row with every cell filled); a cell of a later row widens the
// one column it overlaps or opens a new one, and a cell over two or more columns is set aside.
// A cell set aside joins the columns it lies over when no row has cells in two of them (a
// header as wide as its column over figures that are narrower); else it spans them (a header
// over its sub-columns, a long text in merged cells) and changes none. Last, a column of text
// and the column of figures to its right that no row has cells in both of are one column (a
// header written at its column's left edge, the figures at its right edge).
Columns FindColumns(std::string_view all, const std::vector<Row>& rows, Metric m) {
  std::vector<const Row*> order;
  order.reserve(rows.size());
  for (const Row& row : rows) order.push_back(&row);
  std::stable_sort(order.begin(), order.end(),
                   [](const Row* a, const Row* b) { return a->cells.size() > b->cells.size(); });
  Columns columns;
  Spans& spans = columns.spans;
  std::vector<const Cell*> wide;
  for (const Row* row : order) {
    for (const Cell& cell : row->cells) {
      const uint32_t s = cell.start[m], e = cell.stop[m];
      const auto lo = std::partition_point(spans.begin(), spans.end(),
                                           [&](const auto& span) { return span.second <= s; });
      const auto hi =
          std::partition_point(lo, spans.end(), [&](const auto& span) { return span.first < e; });
      if (hi - lo >= 2) {
        wide.push_back(&cell);
      } else if (hi - lo == 1) {
        lo->first = std::min(lo->first, s);
        lo->second = std::max(lo->second, e);
      } else {
        spans.insert(lo, {s, e});
      }
    }
  }

  Placement placed = Place(all, rows, columns, m);
  std::vector<uint8_t> join(spans.size(), 0);
  for (const Cell* cell : wide) {
    const auto first = static_cast<size_t>(
        std::partition_point(spans.begin(), spans.end(),
                             [&](const auto& span) { return span.second <= cell->start[m]; }) -
        spans.begin());
    size_t last = first;
    while (last + 1 < spans.size() && spans[last + 1].first < cell->stop[m]) ++last;
    bool apart = true;
    for (size_t c = first + 1; c <= last && apart; ++c) {
      apart = placed.reach[c] < static_cast<int64_t>(first);
    }
    if (apart) std::fill(join.begin() + first, join.begin() + last, 1);
  }
  if (std::find(join.begin(), join.end(), 1) != join.end()) {
    spans = Joined(spans, join);
    placed = Place(all, rows, columns, m);
  }

  join.assign(spans.size(), 0);
  for (size_t c = 1; c < spans.size(); ++c) {
    // Only a pair joins: a column joined to the one before it joins no further.
    join[c - 1] = (c < 2 || !join[c - 2]) && placed.reach[c] < static_cast<int64_t>(c - 1) &&
                  placed.holds[c - 1] == 1 && placed.holds[c] == 2;
  }
  if (std::find(join.begin(), join.end(), 1) != join.end()) {
    spans = Joined(spans, join);
    placed = Place(all, rows, columns, m);
  }
  for (const auto& row : placed.in) {
    for (size_t k = 1; k < row.size(); ++k) columns.collisions += row[k] <= row[k - 1];
  }
  return columns;
}

// Whether a line may open a table: its first cell reads as a catalogue title or a target
// table's, and no cell is a figure. Such a line starts a new block, so two tables printed close
// together are not lined up as one, and a title is not taken for a row.
bool OpensTable(std::string_view line, const std::vector<Cell>& cells) {
  for (const Cell& cell : cells) {
    if (IsFigure(line.substr(cell.begin, cell.end - cell.begin))) return false;
  }
  const Cell& first = cells.front();
  const std::string key = MatchKey(line.substr(first.begin, first.end - first.begin));
  return MatchTitleKey(key) != nullptr || IsTargetTitle(key);
}

// A block's columns, counted the way that lines them up better.
struct Layout {
  Columns columns;
  Metric metric = kWide;
};

Layout LayOut(std::string_view all, const std::vector<Row>& rows) {
  Layout wide{FindColumns(all, rows, kWide), kWide};
  Layout narrow{FindColumns(all, rows, kNarrow), kNarrow};
  // Counted the wrong way, the cells of a column drift apart: they collide, and their edges
  // (where text starts, where figures end) no longer line up.
  auto score = [&](const Layout& l) {
    std::vector<uint64_t> edges;
    for (const Row& row : rows) {
      const std::string_view line = all.substr(row.offset, row.size);
      for (const Cell& cell : row.cells) {
        const bool figure = IsFigure(line.substr(cell.begin, cell.end - cell.begin));
        edges.push_back(figure ? (uint64_t{1} << 32) | cell.stop[l.metric] : cell.start[l.metric]);
      }
    }
    std::sort(edges.begin(), edges.end());
    const auto distinct = std::unique(edges.begin(), edges.end()) - edges.begin();
    return std::pair(l.columns.collisions, distinct);
  };
  return score(narrow) < score(wide) ? narrow : wide;
}

// Appends the row as tab-separated cells, each in its column.
void AppendRow(std::string_view line, const Row& row, const Columns& columns, Metric m,
               std::string* out) {
  const bool positional = columns.spans.size() >= 2;
  size_t column = 0;  // the column the row has reached
  for (size_t k = 0; k < row.cells.size(); ++k) {
    const Cell& cell = row.cells[k];
    const std::string_view text = line.substr(cell.begin, cell.end - cell.begin);
    const size_t target = positional ? columns.Of(cell, m, IsFigure(text)) : k;
    if (k > 0 && target <= column) {
      out->push_back(' ');  // two cells in one column: one cell again
    } else {
      out->append(target - column, '\t');
      column = target;
    }
    out->append(text);
  }
}

}  // namespace

SpacedLayout TabulateSpacedRows(std::string* text) {
  SpacedLayout result;
  if (FindText(*text, "  ") == std::string_view::npos) return result;
  const std::string_view all = *text;

  // Blocks of rows. A line of one cell that is indented (a row whose other cells are empty, or
  // a wrapped cell's continuation) joins the block when a row follows it directly, or a blank
  // line. Blank lines do not end a block (tall rows, a page break); any other line does, and a
  // line that opens a table starts the next.
  std::vector<std::vector<Row>> blocks(1);
  std::vector<Row> indented;  // one-cell lines waiting for the next row
  std::vector<Cell> cells;
  uint32_t number = 0;
  auto end_block = [&] {
    indented.clear();
    if (!blocks.back().empty()) blocks.emplace_back();
  };
  for (size_t at = 0; at < all.size();) {
    size_t nl = all.find('\n', at);
    if (nl == std::string_view::npos) nl = all.size();
    const std::string_view line = all.substr(at, nl - at);
    ++number;
    cells.clear();
    const bool spaced =
        FindText(line, "  ") != std::string_view::npos && SplitAtSpaceRuns(line, &cells);
    const size_t first = line.find_first_not_of(' ');
    std::vector<Row>& rows = blocks.back();
    auto row = [&] {
      return Row{static_cast<uint32_t>(at), static_cast<uint32_t>(line.size()), number, cells};
    };
    if (spaced) {
      if (OpensTable(line, cells)) end_block();
      std::vector<Row>& to = blocks.back();
      for (Row& r : indented) to.push_back(std::move(r));
      indented.clear();
      to.push_back(row());
    } else if (first == std::string_view::npos) {
      // Indented lines right after rows are rows too (the last rows of a table, their other
      // cells empty).
      if (!rows.empty()) {
        for (Row& r : indented) rows.push_back(std::move(r));
      }
      indented.clear();
    } else if (first >= 2 && cells.size() == 1 && !OpensTable(line, cells)) {
      indented.push_back(row());
    } else {
      end_block();
    }
    at = nl + 1;
  }

  if (blocks.back().empty()) blocks.pop_back();
  if (blocks.empty()) return result;

  std::string out;
  out.reserve(all.size());
  size_t copied = 0;
  for (const std::vector<Row>& rows : blocks) {
    const Layout layout = LayOut(all, rows);
    for (const Row& row : rows) {
      out.append(all.substr(copied, row.offset - copied));
      AppendRow(all.substr(row.offset, row.size), row, layout.columns, layout.metric, &out);
      copied = row.offset + row.size;
      if (result.rows++ == 0) result.first_row = row.number;
    }
    ++result.blocks;
  }
  out.append(all.substr(copied));
  *text = std::move(out);
  return result;
}

}  // namespace yusuan
