#include "read/spaced_layout.h"

#include <algorithm>
#include <array>
#include <span>
#include <string>
#include <vector>

#include "base/text.h"
#include "model/catalogue.h"

namespace yusuan {
namespace {

// A line longer than this is prose or a broken file, not a table row: its positions are not
// counted (and a 10 MB line costs one search for a tab). Its bytes and places fit 16 bits.
constexpr size_t kMaxRowBytes = 4096;

// A line of one cell at the left margin longer than this is prose: it ends a block of rows.
constexpr size_t kMaxLoneCellBytes = 120;

// Two ways to count a cell's place on its line: an ideograph as two places (kWide) or as one.
enum Metric { kWide = 0, kNarrow = 1, kMetrics = 2 };

struct Cell {
  uint16_t begin = 0, end = 0;                     // bytes within the line
  std::array<uint16_t, kMetrics> start{}, stop{};  // places within the line
  bool figure = false;  // digits and , . - % only: right-aligned where the text is not
};

// Every cell of the text, row after row: a row is a range of them (one allocation for all).
using Pool = std::vector<Cell>;

struct Row {
  uint32_t offset = 0;  // where the line starts in the text
  uint32_t size = 0;
  uint32_t number = 0;            // line number, from 1
  uint32_t first = 0, count = 0;  // its cells in the pool

  std::span<const Cell> cells(const Pool& pool) const { return {pool.data() + first, count}; }
};

using Spans = std::vector<std::pair<uint32_t, uint32_t>>;

bool IsFigure(std::string_view text) {
  return !text.empty() && text.find_first_not_of("0123456789,.-%") == std::string_view::npos;
}

// Appends to `pool` the cells of a line separated by runs of two or more spaces, and returns
// how many; none when the line has a tab or is too long.
size_t SplitAtSpaceRuns(std::string_view line, Pool* pool) {
  if (line.size() > kMaxRowBytes || line.find('\t') != std::string_view::npos) return 0;
  const size_t before = pool->size();
  std::array<uint16_t, kMetrics> place{};  // the places before byte `at`
  size_t at = 0;
  for (size_t i = line.find_first_not_of(' '); i < line.size();) {
    for (uint16_t& p : place) p = static_cast<uint16_t>(p + (i - at));  // spaces: one place each
    // The cell ends before two spaces or at the line's end (a space there is not its own).
    size_t end = i;
    for (;;) {
      const size_t space = line.find(' ', end);
      if (space == std::string_view::npos || space + 1 == line.size()) {
        end = space == std::string_view::npos ? line.size() : space;
        break;
      }
      if (line[space + 1] == ' ') {
        end = space;
        break;
      }
      end = space + 1;
    }
    Cell cell;
    cell.begin = static_cast<uint16_t>(i);
    cell.end = static_cast<uint16_t>(end);
    cell.start = place;
    // In valid UTF-8 every byte but a continuation byte starts a character; three- and
    // four-byte characters (leads E0 and up) are the wide ones.
    uint16_t chars = 0, wide = 0;
    for (size_t k = i; k < end; ++k) {
      const auto c = static_cast<unsigned char>(line[k]);
      chars += (c & 0xC0) != 0x80;
      wide += c >= 0xE0;
    }
    place[kNarrow] = static_cast<uint16_t>(place[kNarrow] + chars);
    place[kWide] = static_cast<uint16_t>(place[kWide] + chars + wide);
    cell.stop = place;
    cell.figure = IsFigure(line.substr(i, end - i));
    pool->push_back(cell);
    at = end;
    i = line.find_first_not_of(' ', end);
  }
  return pool->size() - before;
}

// The columns of a block counted one way: spans of places, left to right.
struct Columns {
  Spans spans;
  uint32_t collisions = 0;  // cells that share a column with another cell of their row

  // The column of a cell: a figure by where it ends (figures are right-aligned), other text by
  // where it starts; a cell in a gap between columns goes to the column it faces.
  size_t Of(const Cell& cell, Metric m) const {
    if (cell.figure) {
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

// Where the cells of a block fall: what each column holds, and which columns share a row.
struct Placement {
  std::vector<uint8_t> holds;  // per column: bit 0 text, bit 1 figures
  // Per column c: the rightmost column left of c that some row has a cell in along with c
  // (-1 if none). Columns i..j share no row exactly when reach[c] < i for every c in i+1..j.
  std::vector<int64_t> reach;
  uint32_t collisions = 0;
};

Placement Place(const Pool& pool, const std::vector<Row>& rows, const Columns& columns, Metric m) {
  const size_t n = columns.spans.size();
  Placement p{std::vector<uint8_t>(n, 0), std::vector<int64_t>(n, -1)};
  for (const Row& row : rows) {
    int64_t previous = -1;
    for (const Cell& cell : row.cells(pool)) {
      const auto column = static_cast<int64_t>(columns.Of(cell, m));
      p.collisions += previous >= column;
      if (column < static_cast<int64_t>(n)) {
        p.holds[column] |= cell.figure ? 2 : 1;
        if (previous >= 0 && previous < column) {
          p.reach[column] = std::max(p.reach[column], previous);
        }
      }
      previous = column;
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
Columns FindColumns(const Pool& pool, const std::vector<Row>& rows, Metric m) {
  std::vector<const Row*> order;
  order.reserve(rows.size());
  for (const Row& row : rows) order.push_back(&row);
  std::stable_sort(order.begin(), order.end(),
                   [](const Row* a, const Row* b) { return a->count > b->count; });
  Columns columns;
  Spans& spans = columns.spans;
  std::vector<const Cell*> wide;
  for (const Row* row : order) {
    for (const Cell& cell : row->cells(pool)) {
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

  Placement placed = Place(pool, rows, columns, m);
  std::vector<uint8_t> join(spans.size(), 0);
  bool any = false;
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
    if (apart && last > first) {
      std::fill(join.begin() + first, join.begin() + last, 1);
      any = true;
    }
  }
  if (any) {
    spans = Joined(spans, join);
    placed = Place(pool, rows, columns, m);
  }

  join.assign(spans.size(), 0);
  any = false;
  for (size_t c = 1; c < spans.size(); ++c) {
    // Only a pair joins: a column joined to the one before it joins no further.
    join[c - 1] = (c < 2 || !join[c - 2]) && placed.reach[c] < static_cast<int64_t>(c - 1) &&
                  placed.holds[c - 1] == 1 && placed.holds[c] == 2;
    any = any || join[c - 1];
  }
  if (any) {
    spans = Joined(spans, join);
    placed = Place(pool, rows, columns, m);
  }
  columns.collisions = placed.collisions;
  return columns;
}

// Whether a line may open a table: its first cell reads as a catalogue title or a target
// table's, and no cell is a figure. Such a line starts a new block, so two tables printed
// close together are not lined up as one, and a title is not taken for a row.
bool OpensTable(std::string_view line, std::span<const Cell> cells) {
  if (std::any_of(cells.begin(), cells.end(), [](const Cell& c) { return c.figure; })) {
    return false;
  }
  const std::string_view first = line.substr(cells[0].begin, cells[0].end - cells[0].begin);
  if (!MayBeTitle(first) && !Contains(first, "绩效目标")) return false;
  const std::string key = MatchKey(first);
  return MatchTitleKey(key) != nullptr || IsTargetTitle(key);
}

// A block's columns, counted the way that lines them up better.
struct Layout {
  Columns columns;
  Metric metric = kWide;
};

Layout LayOut(const Pool& pool, const std::vector<Row>& rows) {
  Layout wide{FindColumns(pool, rows, kWide), kWide};
  if (std::all_of(rows.begin(), rows.end(), [&](const Row& row) {
        const auto cells = row.cells(pool);
        return std::all_of(cells.begin(), cells.end(), [](const Cell& c) {
          return c.start[kWide] == c.start[kNarrow] && c.stop[kWide] == c.stop[kNarrow];
        });
      })) {
    return wide;  // no wide character: both ways count alike
  }
  Layout narrow{FindColumns(pool, rows, kNarrow), kNarrow};
  // Counted the wrong way, the cells of a column drift apart: they collide, and their edges
  // (where text starts, where figures end) no longer line up.
  auto score = [&](const Layout& l) {
    std::vector<uint32_t> edges;
    for (const Row& row : rows) {
      for (const Cell& cell : row.cells(pool)) {
        edges.push_back(cell.figure ? (uint32_t{1} << 16) | cell.stop[l.metric]
                                    : cell.start[l.metric]);
      }
    }
    std::sort(edges.begin(), edges.end());
    const auto distinct = std::unique(edges.begin(), edges.end()) - edges.begin();
    return std::pair(l.columns.collisions, distinct);
  };
  return score(narrow) < score(wide) ? narrow : wide;
}

// Appends the row as tab-separated cells, each in its column.
void AppendRow(std::string_view line, std::span<const Cell> cells, const Layout& layout,
               std::string* out) {
  const bool positional = layout.columns.spans.size() >= 2;
  size_t column = 0;  // the column the row has reached
  for (size_t k = 0; k < cells.size(); ++k) {
    const Cell& cell = cells[k];
    const size_t target = positional ? layout.columns.Of(cell, layout.metric) : k;
    if (k > 0 && target <= column) {
      out->push_back(' ');  // two cells in one column: one cell again
    } else {
      out->append(target - column, '\t');
      column = target;
    }
    out->append(line.substr(cell.begin, cell.end - cell.begin));
  }
}

// Whether some line of the text is a row of cells separated by spaces: only the lines with two
// spaces in a row are looked at (most texts have none, or a few inside tab-separated rows).
bool HasSpacedRow(std::string_view all) {
  Pool scratch;
  for (size_t at = FindText(all, "  "); at != std::string_view::npos;) {
    const size_t begin = all.rfind('\n', at) + 1;  // 0 when there is none
    const size_t end = std::min(all.find('\n', at), all.size());
    if (SplitAtSpaceRuns(all.substr(begin, end - begin), &scratch) >= 2) return true;
    scratch.clear();
    if (end == all.size()) break;
    const size_t next = FindText(all.substr(end), "  ");
    at = next == std::string_view::npos ? next : end + next;
  }
  return false;
}

}  // namespace

SpacedLayout TabulateSpacedRows(std::string* text) {
  SpacedLayout result;
  const std::string_view all = *text;
  if (!HasSpacedRow(all)) return result;

  // Blocks of rows. A line of one cell that is indented or short (a row whose other cells are
  // empty, or a wrapped cell's continuation) joins the block when a row follows it directly,
  // or a blank line. Blank lines do not end a block (tall rows, a page break); any other line does,
  // and a line that opens a table starts the next.
  Pool pool;
  std::vector<std::vector<Row>> blocks(1);
  std::vector<Row> indented;  // one-cell lines waiting for the next row
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
    const auto first_cell = static_cast<uint32_t>(pool.size());
    if (IsSetInPageNumber(line)) {  // under a page, inside a table: no row, no end of one
      at = nl + 1;
      continue;
    }
    // Lines of one cell may be rows too: a short one, or one set in from the margin.
    const bool may_be_row = line.size() <= kMaxLoneCellBytes || line.starts_with(' ') ||
                            FindText(line, "  ") != std::string_view::npos;
    const size_t count = may_be_row ? SplitAtSpaceRuns(line, &pool) : 0;
    const Row row{static_cast<uint32_t>(at), static_cast<uint32_t>(line.size()), number, first_cell,
                  static_cast<uint32_t>(count)};
    const size_t first = line.find_first_not_of(' ');
    if (count >= 2) {
      if (OpensTable(line, row.cells(pool))) end_block();
      std::vector<Row>& rows = blocks.back();
      rows.insert(rows.end(), indented.begin(), indented.end());
      indented.clear();
      rows.push_back(row);
    } else if (first == std::string_view::npos) {
      // Indented lines right after rows are rows too (the last rows of a table, their other
      // cells empty).
      std::vector<Row>& rows = blocks.back();
      if (!rows.empty()) rows.insert(rows.end(), indented.begin(), indented.end());
      indented.clear();
    } else if (count == 1 && (first > 0 || line.size() <= kMaxLoneCellBytes) &&
               !OpensTable(line, row.cells(pool))) {
      indented.push_back(row);
    } else {
      end_block();
      pool.resize(first_cell);  // no row of this line's cells is kept
    }
    at = nl + 1;
  }
  if (blocks.back().empty()) blocks.pop_back();
  if (blocks.empty()) return result;

  std::string out;
  out.reserve(all.size());
  size_t copied = 0;
  for (const std::vector<Row>& rows : blocks) {
    const Layout layout = LayOut(pool, rows);
    for (const Row& row : rows) {
      out.append(all.substr(copied, row.offset - copied));
      AppendRow(all.substr(row.offset, row.size), row.cells(pool), layout, &out);
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
