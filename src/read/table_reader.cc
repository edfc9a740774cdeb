#include "read/table_reader.h"

#include <algorithm>
#include <deque>
#include <set>
#include <span>
#include <string_view>

#include "base/text.h"

namespace yusuan {
namespace {

// 功能分类 and revenue codes: 类 3 digits, 款 5, 项 7.
bool IsClassificationCode(std::string_view s) {
  return IsAsciiDigits(s) && (s.size() == 3 || s.size() == 5 || s.size() == 7);
}

RowKind CodeKind(std::string_view code) {
  switch (code.size()) {
    case 3:
      return RowKind::kClass;
    case 5:
      return RowKind::kKuan;
    default:
      return RowKind::kXiang;
  }
}

constexpr size_t kNoCell = SIZE_MAX;

// The only cell of a line that is not blank, or kNoCell.
size_t LoneCell(const std::vector<std::string_view>& cells) {
  size_t lone = kNoCell;
  for (size_t i = 0; i < cells.size(); ++i) {
    if (Trim(cells[i]).empty()) continue;
    if (lone != kNoCell) return kNoCell;
    lone = i;
  }
  return lone;
}

// Text that can be the rest of a name wrapped onto the next line: a few words, not a sentence,
// a note or a table's footer ("填报单位（盖章）", "制表人 张三").
bool IsNameTail(std::string_view text) {
  constexpr size_t kMaxChars = 30;
  if (CodePoints(text) > kMaxChars) return false;
  for (std::string_view mark : {"。", "，", "；", "：", ":", "填报", "制表", "盖章", "负责人",
                                "审核", "联系电话", "日期"}) {
    if (text.find(mark) != std::string_view::npos) return false;
  }
  return true;
}

bool HasDecimalAmount(std::string_view s) {
  return LooksLikeAmount(s) &&
         (s.find('.') != std::string_view::npos || s.find("．") != std::string_view::npos);
}

// "1 2 3 4 5 6 7": the row of column numbers under a header.
bool IsColumnNumberRow(const std::vector<std::string_view>& cells) {
  int expected = 1;
  for (std::string_view c : cells) {
    std::string_view t = Trim(c);
    if (t.empty()) continue;
    if (!IsAsciiDigits(t) || std::to_string(expected) != t) return false;
    ++expected;
  }
  return expected > 3;
}

// Splits on tabs; a line without tabs but with runs of two or more spaces is split on those.
// `plain[i]` tells whether cell i is plain (ForEachCell).
void SplitRowCells(std::string_view line, std::vector<std::string_view>* cells,
                   std::vector<char>* plain) {
  if (line.find('\t') != std::string_view::npos || line.find("  ") == std::string_view::npos) {
    cells->clear();
    plain->clear();
    ForEachCell(line, [&](std::string_view raw, bool is_plain) {
      cells->push_back(raw);
      plain->push_back(is_plain);
    });
    return;
  }
  cells->clear();
  size_t i = 0;
  while (i < line.size()) {
    size_t gap = line.find("  ", i);
    if (gap == std::string_view::npos) {
      cells->push_back(line.substr(i));
      break;
    }
    cells->push_back(line.substr(i, gap - i));
    i = gap;
    while (i < line.size() && line[i] == ' ') ++i;
  }
  plain->assign(cells->size(), false);  // cells split on spaces are looked at in full
}

// The match keys of a line's cells from cell `from`, each followed by '|' (empty cells
// skipped), appended to `key`; with `first_only`, up to the first cell with a key. Returns
// the index of the next cell.
size_t AppendLineKey(const std::vector<std::string_view>& cells, size_t from, bool first_only,
                     std::string* key) {
  for (size_t i = from; i < cells.size(); ++i) {
    const size_t before = key->size();
    AppendMatchKey(cells[i], key);
    if (key->size() == before) continue;
    *key += '|';
    if (first_only) return i + 1;
  }
  return cells.size();
}

void LineKey(const std::vector<std::string_view>& cells, std::string* key) {
  key->clear();
  AppendLineKey(cells, 0, false, key);
}

// Which physical cell each logical column reads: the cells as printed, or as printed with one
// tab repaired (a tab missing before cell `at`, or an empty cell `at` too many). A description,
// not a table of indices: every line is read at least once, and most only as printed.
struct ColumnSource {
  enum Kind : uint8_t { kPrinted, kTabMissing, kTabExtra } kind = kPrinted;
  int at = 0;
  int cells = 0;  // physical cells on the line
  // The physical cell of logical column `i`, or -1.
  int operator[](int i) const {
    const int p = kind == kPrinted ? i : i < at ? i : kind == kTabMissing ? i - 1 : i + 1;
    return p >= 0 && p < cells ? p : -1;
  }
};

// One way of laying the physical cells of a line onto the catalogue's columns.
struct Reading {
  ColumnSource source;
  // The cells of every side in turn, side s's from TableSpec::side_offset(s). A reading is
  // scratch space, filled again for each line: no allocation a line.
  std::vector<Cell> cells;
  bool valid = true;
  int satisfied = 0;
  int violated = 0;
  std::string signature;  // the cells' texts (when asked for), or how the reading was chosen
  std::vector<std::string> problems;  // cells that hold an amount the model cannot represent
};

class TableReader {
 public:
  TableReader(const Lines& lines, const TableRegion& region, const LineFlags& skip,
              DocumentKind kind, std::vector<Diagnostic>* diagnostics)
      : lines_(lines),
        region_(region),
        skip_(skip),
        doc_kind_(kind),
        diagnostics_(diagnostics),
        spec_(*region.spec) {
    // The catalogue names a row sum's columns; every line's evaluation needs their indices. A
    // sum whose total the side lacks holds on no line.
    for (const RowSum& sum : spec_.row_sums) {
      const SideSpec& side = spec_.sides[sum.side];
      ResolvedSum resolved{sum.side, side.column(sum.total), {}};
      if (resolved.total < 0) continue;
      for (std::string_view id : sum.parts) {
        if (int c = side.column(id); c >= 0) resolved.parts.push_back(c);
      }
      sums_.push_back(std::move(resolved));
    }
  }

  Table Read();

 private:
  // A RowSum with its columns as indices into the side's cells (parts the side lacks left out).
  struct ResolvedSum {
    uint8_t side;
    int total;
    std::vector<int> parts;
  };

  void Note(uint32_t line, std::string message) {
    diagnostics_->push_back(Diagnostic{Location{line, 0}, std::move(message)});
  }
  bool IsDataLike(const std::vector<std::string_view>& cells) const;
  bool LabelMatchesRowSpec(std::string_view label) const;
  // `signed_reading`: also fill Reading::signature, which tells repairs apart.
  // `plain[i]`: whether cells[i] is plain (ForEachCell).
  void Evaluate(const std::vector<std::string_view>& cells, const std::vector<char>& plain,
                ColumnSource source, uint32_t line, bool signed_reading, Reading* r) const;
  // The reading chosen for the line: one of the reader's scratch readings, valid until the
  // next line is read.
  Reading& ChooseReading(const std::vector<std::string_view>& cells, const std::vector<char>& plain,
                         uint32_t line);
  // Adds the reading's rows; their cells are moved out of it.
  void AddRows(Reading& reading, uint32_t line);
  // Sets the label of the row whose name was wrapped over lines, gathered in wrapped_.
  void FlushWrapped();
  // A row split over two lines where a name wraps: the code and the name's head on one line,
  // the name's tail and the figures on the next. The first line is held until the next tells.
  // Whether the table's rows may be so split: coded rows, the code then the name first.
  bool SplitsRows() const {
    const SideSpec& side = spec_.sides[0];
    return spec_.sides.size() == 1 && HasCodedRows() && side.code_column() == 0 &&
           side.label_column() == 1;
  }
  // "2080505 机关事业单位基本养老保险缴费支出" in the code's cell (a converter that took the tab
  // between a code and its name for a space, or a template that prints them together): the
  // code and the name as two cells. The name fills a blank cell after the code (the
  // template's name cell) unless the line is short of the table's width and reads as printed
  // only with the name inserted before that cell (the tab after the code was lost); with no
  // blank cell there it is inserted. A code has 3, 5 or 7 digits ("2026年" is not one); a
  // figure ("6056.35") goes on with a digit or a point, a name with neither.
  void SplitCodeFromName(std::vector<std::string_view>* cells, std::vector<char>* plain,
                         uint32_t line) const;
  // Whether the table prints its codes over the cells 类, 款 and 项 ("208\t05\t05\t机关…"), as
  // the national template does: a header line 类|款|项, or a first coded row with a second cell
  // that starts with a class and a 款 in cells of their own. Looked for before the rows are read.
  bool PrintsCodeLevels() const;
  // Joins a code printed over three cells into one ("208", "05", "05" into "2080505"), so that
  // the line reads as in the one-cell layout; a 款 or 项 printed without its parents takes them
  // from the rows above. Lines that start otherwise lose the two blank cells (the 合计 row, a
  // wrapped name's tail); a line it cannot read so is left as printed.
  // Returns whether it joined them.
  bool JoinCodeLevels(std::vector<std::string_view>* cells, std::vector<char>* plain);
  // Learns from a header line the order a template prints the amount columns in, when it is
  // not the catalogue's ("合计 上年结转 一般公共预算 …" where the catalogue has 上年结转 last):
  // every amount column of the (one-sided) table named by exactly one header cell, and each
  // such cell naming one column. Lines are then read in the catalogue's order (ReorderCells).
  void LearnColumnOrder(const std::vector<std::string_view>& cells);
  // `cells` in the catalogue's order of columns, when the header gave another (cells past the
  // header's columns kept after them).
  void ReorderCells(std::vector<std::string_view>* cells, std::vector<char>* plain);
  // Whether `cells` is a code and a name with no figure: a line to hold.
  bool IsCodeAndNameOnly(const std::vector<std::string_view>& cells) const;
  // Joins the held line with `cells`, the next, when that goes on with the name's tail and
  // the figures; the joined cells replace `cells` (and `plain`). False when it does not.
  bool JoinHeld(std::vector<std::string_view>* cells, std::vector<char>* plain);
  // Reads the held line as a row of its own.
  void FlushHeld();
  // Whether the row has a classification code (it starts with a digit).
  bool HasCode(const Row& row) const {
    const int code = spec_.sides[row.side].code_column();
    if (code < 0) return false;
    std::string_view text = row.cells(table_)[code].text;
    return !text.empty() && text[0] >= '0' && text[0] <= '9';
  }
  // Whether a line of text alone continues the name of the row above: in the tables whose
  // rows are classification codes or projects (a unit's table may head its rows with a name
  // and no figure; a fixed-row table has two label columns).
  bool ContinuesNames() const { return HasCodedRows() || spec_.scheme == RowScheme::kProjects; }
  // Whether every row but a total has a classification code (function and economic tables).
  bool HasCodedRows() const {
    return spec_.scheme == RowScheme::kFunctionCodes || spec_.scheme == RowScheme::kEconomic;
  }
  // The match key of `label` as a text of the model: the label itself when it is its own key
  // (most Chinese names), else a copy kept in the backing.
  Text KeyOf(const Text& label) {
    const std::string_view key = MatchKeyView(label, &storage_);
    if (key.data() == label.data() && key.size() == label.size()) return label;
    return lines_.Keep(key);
  }
  // Reads a head line (ReadTableHead) into the table; false when `plain` is none. Out of line:
  // a few lines per table come here, and Read's loop stays as the compiler laid it out before.
  [[gnu::noinline]] bool ReadHead(std::string_view plain) {
    TableHead head;
    if (!ReadTableHead(plain, &head)) return false;
    if (!head.entity.empty()) table_.entity = std::move(head.entity);
    if (head.has_unit) table_.unit = head.unit;
    return true;
  }
  void Classify(Row* row, uint32_t line);
  void LinkFunctionCodes();
  void LinkEconomic();
  void LinkUnits();
  void SegmentProjects();
  bool LooksLikeOrgName(std::string_view name) const;

  const Lines& lines_;
  const TableRegion& region_;
  const LineFlags& skip_;
  DocumentKind doc_kind_;
  std::vector<Diagnostic>* diagnostics_;
  const TableSpec& spec_;
  Table table_;
  // A project name wrapped over lines, gathered piece by piece and set once the row is complete:
  // appended to the label line by line, the whole name was copied (and keyed) per line, which
  // made a table with many continuation lines quadratic in time.
  std::string wrapped_;
  size_t wrapped_row_ = kNoRow;
  // The held first line of a split row (SplitsRows), its cells and their plainness.
  uint32_t held_line_ = 0;
  std::vector<std::string_view> held_cells_;
  std::vector<char> held_plain_;
  std::string joined_name_;
  // Codes printed over the cells 类, 款 and 项 (PrintsCodeLevels), and the last class and 款 seen.
  bool code_levels_ = false;
  std::string_view level_class_, level_kuan_;
  std::deque<std::string> joined_codes_;  // the joined codes the lines' cells refer to
  int joined_levels_ = 0;  // the cells the line's code level cells were joined from, less one
  // The printed cell of each column of the catalogue when the header orders them otherwise
  // (LearnColumnOrder); empty when the line is read as printed.
  std::vector<int> printed_column_;
  std::vector<std::string_view> ordered_;  // scratch space of ReorderCells
  std::vector<char> ordered_plain_;
  static constexpr size_t kNoRow = static_cast<size_t>(-1);
  std::vector<bool> row_spec_used_;
  std::set<std::string_view> seen_ids_;
  int current_group_ = -1;
  std::vector<ResolvedSum> sums_;
  // Scratch space of Read's splitting of a line: whether each cell is plain.
  std::vector<char> plain_;
  // Scratch space of ChooseReading: the line as printed, and its repairs.
  Reading literal_;
  std::vector<Reading> repairs_;
  // Scratch space of Evaluate, reused from line to line.
  mutable std::vector<char> used_;
  mutable std::vector<Amount> parts_;
  mutable std::string storage_;
};

bool TableReader::LabelMatchesRowSpec(std::string_view label) const {
  std::string key = MatchKey(label);
  if (key.empty()) return false;
  switch (spec_.scheme) {
    case RowScheme::kFixedRows:
      for (const RowSpec& r : spec_.rows) {
        if (r.Matches(key)) return true;
      }
      return !FunctionClassCode(label).empty();
    case RowScheme::kEconomic:
      if (Equals(key, "合计")) return true;
      for (std::string_view g : spec_.groups) {
        if (key == g) return true;
      }
      return false;
    case RowScheme::kUnits:
      return Contains(key, "合计");
    case RowScheme::kFunctionCodes:
      return Equals(key, "合计") ||
             IsClassificationCode(key.substr(0, key.find_first_not_of("0123456789")));
    case RowScheme::kProjects:
      return false;
  }
  return false;
}

bool TableReader::IsDataLike(const std::vector<std::string_view>& cells) const {
  for (std::string_view c : cells) {
    if (HasDecimalAmount(Trim(c))) return true;
  }
  // A label column holding a known row label or a classification code.
  for (size_t s = 0; s < spec_.sides.size(); ++s) {
    const SideSpec& side = spec_.sides[s];
    int offset = spec_.side_offset(static_cast<int>(s));
    for (int c : {side.code_column(), side.label_column()}) {
      if (c < 0) continue;
      size_t phys = static_cast<size_t>(offset + c);
      if (phys < cells.size() && LabelMatchesRowSpec(Trim(cells[phys]))) return true;
    }
  }
  return false;
}

void TableReader::Evaluate(const std::vector<std::string_view>& cells,
                           const std::vector<char>& plain, ColumnSource source, uint32_t line,
                           bool signed_reading, Reading* out) const {
  Reading& r = *out;
  r.source = source;
  r.cells.assign(static_cast<size_t>(spec_.total_width()), Cell{});
  r.valid = true;
  r.satisfied = r.violated = 0;
  r.signature.clear();
  r.problems.clear();
  std::vector<char>& used = used_;
  used.assign(cells.size(), false);
  std::string& storage = storage_;
  for (size_t s = 0; s < spec_.sides.size(); ++s) {
    const SideSpec& side = spec_.sides[s];
    int offset = spec_.side_offset(static_cast<int>(s));
    for (size_t c = 0; c < side.columns.size(); ++c) {
      int phys = r.source[offset + c];
      Cell& cell = r.cells[offset + c];
      // A cell reordered stands in the column it was printed in; cells after a code joined
      // from its levels stand two printed columns further right.
      const int reordered = phys >= 0 && static_cast<size_t>(phys) < printed_column_.size()
                                ? printed_column_[phys]
                                : phys;
      const int printed = reordered + (reordered > 0 ? joined_levels_ : 0);
      cell.at = Location{line, static_cast<uint16_t>(phys >= 0 ? printed + 1 : 0)};
      std::string_view text = phys < 0      ? std::string_view()
                              : plain[phys] ? cells[phys]
                                            : CleanValidCellView(cells[phys], &storage);
      if (phys >= 0) used[phys] = true;
      if (signed_reading) {
        r.signature += text;
        r.signature += '\x1f';
      }
      if (side.columns[c].type == ColumnType::kAmount) {
        if (IsEmptyAmountMark(text)) continue;
        if (!LooksLikeAmount(text)) {
          r.valid = false;
          cell.text = lines_.ViewOrOwn(text);
          cell.doubtful = true;
          continue;
        }
        auto amount = ParseAmount(text, table_.unit);
        if (amount.ok()) {
          cell.set_amount(*amount);
        } else {
          r.problems.push_back(std::string(side.columns[c].name) + "：" +
                               amount.status().message());
          cell.text = lines_.ViewOrOwn(text);
          cell.doubtful = true;
        }
      } else {
        if (HasDecimalAmount(text)) r.valid = false;
        cell.text = lines_.ViewOrOwn(text);
      }
    }
  }
  for (size_t p = 0; p < cells.size(); ++p) {
    if (!used[p] && !Trim(cells[p]).empty()) r.valid = false;  // a value would be lost
  }
  for (const ResolvedSum& sum : sums_) {
    const Cell* row = r.cells.data() + spec_.side_offset(sum.side);
    Amount total = row[sum.total].amount();
    std::vector<Amount>& parts = parts_;
    parts.clear();
    for (int c : sum.parts) parts.push_back(row[c].amount());
    bool any_part =
        std::any_of(parts.begin(), parts.end(), [](const Amount& a) { return a.present(); });
    if (!total.present() && !any_part) continue;
    if (SumsTo(total, parts)) {
      ++r.satisfied;
    } else {
      ++r.violated;
    }
  }
}

Reading& TableReader::ChooseReading(const std::vector<std::string_view>& cells,
                                    const std::vector<char>& plain, uint32_t line) {
  const int n = static_cast<int>(cells.size());
  int last = -1;
  for (int i = 0; i < n; ++i) {
    if (!Trim(cells[i]).empty()) last = i;
  }
  Reading& literal = literal_;
  Evaluate(cells, plain, ColumnSource{ColumnSource::kPrinted, 0, n}, line, false, &literal);
  if (literal.valid && literal.violated == 0) return literal;

  // Every one-tab repair: a tab missing before physical cell p, or an empty cell p too many.
  // A repair reads the physical cells up to width - 2 (a tab missing) or width (one too many):
  // when the last filled cell lies beyond, every such repair loses it and is invalid, and is
  // not evaluated. Besides saving work, this keeps a line of many cells (a broken line of a
  // million tabs) from costing a full evaluation per cell.
  size_t repairs = 0;
  auto repair = [&](ColumnSource source) {
    if (repairs == repairs_.size()) repairs_.emplace_back();
    Evaluate(cells, plain, source, line, true, &repairs_[repairs++]);
  };
  const int width = spec_.total_width();
  for (int p = 1; p <= last && last <= width - 2; ++p) {
    repair(ColumnSource{ColumnSource::kTabMissing, p, n});
  }
  for (int p = 0; p <= last && last <= width; ++p) {
    if (!Trim(cells[p]).empty()) continue;
    repair(ColumnSource{ColumnSource::kTabExtra, p, n});
  }
  std::vector<Reading*> good;
  std::set<std::string> signatures;
  for (Reading& r : std::span(repairs_).first(repairs)) {
    // A repair must break no identity. One that only moves a value out of every identity (into
    // 上年结转, say) counts too: the literal reading broke one, this one breaks none.
    if (!r.valid || r.violated > 0) continue;
    if (signatures.insert(r.signature).second) good.push_back(&r);
  }
  if (good.size() == 1) {
    Reading& chosen = *good.front();
    for (size_t c = 0; c < chosen.cells.size(); ++c) {
      Cell& cell = chosen.cells[c];
      const bool moved = chosen.source[static_cast<int>(c)] != static_cast<int>(c);
      if (moved && (cell.amount().present() || !cell.text.empty())) cell.doubtful = true;
    }
    Note(line, "本行制表符缺失或多余；按行内“合计＝各项之和”确定了列位置，移动过的单元格标为存疑");
    chosen.signature = "repaired";
    return chosen;
  }
  if (good.size() > 1) {
    Note(line, "本行列位置有多种合理读法，按原样读取并标为存疑");
    literal.signature = "ambiguous";
  } else if (!literal.valid) {
    Note(line, "本行内容与表头列不符（文字落在金额列或单元格多于表头），按原样读取并标为存疑");
    literal.signature = "invalid";
  }
  return literal;
}

void TableReader::FlushWrapped() {
  if (wrapped_row_ == kNoRow) return;
  Row& row = table_.rows[wrapped_row_];
  Text& label = row.cells(table_)[spec_.sides[row.side].label_column()].text;
  // A row keyed by its name is keyed by the whole name; one keyed by its code keeps the code.
  const bool keyed_by_name = row.key == MatchKey(label);
  label = lines_.Keep(CleanCell(wrapped_));  // once per row: the backing keeps it
  if (keyed_by_name) row.key = KeyOf(label);
  wrapped_row_ = kNoRow;
}

void TableReader::SplitCodeFromName(std::vector<std::string_view>* cells, std::vector<char>* plain,
                                    uint32_t line) const {
  if (cells->empty()) return;
  const std::string_view cell = Trim((*cells)[0]);
  size_t digits = 0;
  while (digits < cell.size() && cell[digits] >= '0' && cell[digits] <= '9') ++digits;
  if ((digits != 3 && digits != 5 && digits != 7) || digits == cell.size()) return;
  const std::string_view name = Trim(cell.substr(digits));
  if (name.empty() || (name[0] >= '0' && name[0] <= '9') || name[0] == '.' || name[0] == ',') {
    return;
  }
  (*cells)[0] = cell.substr(0, digits);
  auto as_printed = [&](const std::vector<std::string_view>& c, const std::vector<char>& p) {
    const int n = static_cast<int>(c.size());
    Reading r;
    Evaluate(c, p, ColumnSource{ColumnSource::kPrinted, 0, n}, line, false, &r);
    return r.valid && r.violated == 0;
  };
  if (cells->size() > 1 && Trim((*cells)[1]).empty()) {
    (*cells)[1] = name;
    (*plain)[1] = false;
    // A line as wide as the table keeps its blank name cell; a shorter one may have lost the
    // tab after the code, or another (which the reading repairs as for any line).
    if (cells->size() >= static_cast<size_t>(spec_.total_width()) || as_printed(*cells, *plain)) {
      return;
    }
    std::vector<std::string_view> inserted = *cells;
    std::vector<char> inserted_plain = *plain;
    inserted[1] = std::string_view();
    inserted.insert(inserted.begin() + 1, name);
    inserted_plain.insert(inserted_plain.begin() + 1, false);
    if (as_printed(inserted, inserted_plain)) {
      *cells = std::move(inserted);
      *plain = std::move(inserted_plain);
    }
    return;
  }
  cells->insert(cells->begin() + 1, name);
  plain->insert(plain->begin() + 1, false);
}

void TableReader::LearnColumnOrder(const std::vector<std::string_view>& cells) {
  if (spec_.sides.size() != 1) return;
  const std::vector<ColumnSpec>& columns = spec_.sides[0].columns;
  // A line of fewer cells than the table has amount columns cannot name them all.
  const auto amounts = std::count_if(columns.begin(), columns.end(), [](const ColumnSpec& c) {
    return c.type == ColumnType::kAmount;
  });
  if (static_cast<std::ptrdiff_t>(cells.size()) < amounts) return;
  std::vector<int> printed(columns.size(), -1);
  for (size_t p = 0; p < cells.size(); ++p) {
    const std::string_view key = MatchKeyView(cells[p], &storage_);
    if (key.empty()) continue;
    // The amount column this cell names: its name exactly, else the one name it contains
    // ("一般公共预算拨款" names 一般公共预算).
    int named = -1;
    bool ambiguous = false;
    for (size_t c = 0; c < columns.size(); ++c) {
      if (columns[c].type != ColumnType::kAmount) continue;
      const std::string_view name = columns[c].name;  // its own key (catalogue_test)
      if (key == name) {
        named = static_cast<int>(c);
        ambiguous = false;
        break;
      }
      if (Contains(key, name)) {
        ambiguous = ambiguous || named >= 0;
        named = static_cast<int>(c);
      }
    }
    if (named < 0) continue;
    if (ambiguous || printed[named] >= 0) return;  // a cell naming two, or two naming one
    printed[named] = static_cast<int>(p);
  }
  // Every amount column named; the others keep their places, which no named cell may take.
  for (size_t c = 0; c < columns.size(); ++c) {
    if (columns[c].type == ColumnType::kAmount) {
      if (printed[c] < 0) return;
      continue;
    }
    if (std::find(printed.begin(), printed.end(), static_cast<int>(c)) != printed.end()) return;
    printed[c] = static_cast<int>(c);
  }
  bool as_printed = true;
  for (size_t c = 0; c < printed.size(); ++c) {
    as_printed = as_printed && printed[c] == static_cast<int>(c);
  }
  if (as_printed) {
    printed_column_.clear();
    return;
  }
  printed_column_ = std::move(printed);
}

void TableReader::ReorderCells(std::vector<std::string_view>* cells, std::vector<char>* plain) {
  if (printed_column_.empty()) return;
  std::vector<std::string_view>& ordered = ordered_;
  std::vector<char>& ordered_plain = ordered_plain_;
  ordered.clear();
  ordered_plain.clear();
  for (int p : printed_column_) {
    const bool there = static_cast<size_t>(p) < cells->size();
    ordered.push_back(there ? (*cells)[p] : std::string_view());
    ordered_plain.push_back(there ? (*plain)[p] : true);
  }
  for (size_t p = printed_column_.size(); p < cells->size(); ++p) {
    ordered.push_back((*cells)[p]);
    ordered_plain.push_back((*plain)[p]);
  }
  cells->swap(ordered);  // the buffers are reused line by line
  plain->swap(ordered_plain);
}

bool TableReader::PrintsCodeLevels() const {
  auto digits = [](std::string_view s, size_t n) { return s.size() == n && IsAsciiDigits(s); };
  for (uint32_t n = region_.title_line + 1; n <= region_.last_line; ++n) {
    if (skip_[n]) continue;
    std::string_view rest = lines_[n];
    std::string_view first[3];
    size_t got = 0;
    for (; got < 3; ++got) {
      const size_t tab = rest.find('\t');
      first[got] = Trim(rest.substr(0, tab));
      if (tab == std::string_view::npos) break;
      rest.remove_prefix(tab + 1);
    }
    if (got < 2) continue;
    if (first[0] == "类" && first[1] == "款" && first[2] == "项") return true;
    // The first coded row with a second cell tells (rows in the one-cell layout soon come).
    if (IsClassificationCode(first[0]) && !first[1].empty()) {
      return digits(first[0], 3) && digits(first[1], 2) &&
             (first[2].empty() || digits(first[2], 2));
    }
  }
  return false;
}

bool TableReader::JoinCodeLevels(std::vector<std::string_view>* cells, std::vector<char>* plain) {
  if (cells->size() < 3) return false;
  std::vector<std::string_view>& c = *cells;
  const std::string_view cls = Trim(c[0]), kuan = Trim(c[1]), xiang = Trim(c[2]);
  auto level = [](std::string_view s) { return s.empty() || (s.size() == 2 && IsAsciiDigits(s)); };
  if (!level(kuan) || !level(xiang)) return false;
  if (!kuan.empty() || !xiang.empty()) {
    std::string code;
    if (cls.size() == 3 && IsAsciiDigits(cls)) {
      if (kuan.empty()) return false;  // a 项 without its 款
      code.append(cls).append(kuan).append(xiang);
    } else if (cls.empty() && !level_class_.empty() && (!kuan.empty() || !level_kuan_.empty())) {
      code.append(level_class_).append(kuan.empty() ? level_kuan_ : kuan).append(xiang);
    } else {
      return false;
    }
    c[0] = joined_codes_.emplace_back(std::move(code));
    (*plain)[0] = true;
  }
  // The parents a 款 or 项 printed alone takes.
  const std::string_view code = Trim(c[0]);
  if (IsClassificationCode(code)) {
    level_class_ = code.substr(0, 3);
    level_kuan_ = code.size() >= 5 ? code.substr(3, 2) : std::string_view();
  }
  c.erase(c.begin() + 1, c.begin() + 3);
  plain->erase(plain->begin() + 1, plain->begin() + 3);
  return true;
}

bool TableReader::IsCodeAndNameOnly(const std::vector<std::string_view>& cells) const {
  if (cells.size() < 2) return false;
  const std::string_view code = Trim(cells[0]);
  if (code.empty() || code[0] < '0' || code[0] > '9' || Trim(cells[1]).empty()) return false;
  return std::all_of(cells.begin() + 2, cells.end(),
                     [](std::string_view c) { return Trim(c).empty(); });
}

bool TableReader::JoinHeld(std::vector<std::string_view>* cells, std::vector<char>* plain) {
  const size_t first =
      static_cast<size_t>(std::find_if(cells->begin(), cells->end(),
                                       [](std::string_view c) { return !Trim(c).empty(); }) -
                          cells->begin());
  // The tail: the first cell that is not blank, in the name's column (the code's left blank)
  // or first of all (the code's cell left out); then at least one figure.
  if (first > 1 || first >= cells->size()) return false;
  const std::string tail = CleanCell((*cells)[first]);
  if (tail.empty() || LooksLikeAmount(tail) || !IsNameTail(tail) || LabelMatchesRowSpec(tail) ||
      (tail[0] >= '0' && tail[0] <= '9')) {
    return false;
  }
  const bool figures = std::any_of(cells->begin() + first + 1, cells->end(),
                                   [](std::string_view c) { return LooksLikeAmount(Trim(c)); });
  if (!figures) return false;
  joined_name_ = CleanCell(held_cells_[1]) + tail;
  std::vector<std::string_view> joined = {held_cells_[0], joined_name_};
  joined.insert(joined.end(), cells->begin() + first + 1, cells->end());
  std::vector<char> joined_plain = {held_plain_[0], false};
  joined_plain.insert(joined_plain.end(), plain->begin() + first + 1, plain->end());
  *cells = std::move(joined);
  *plain = std::move(joined_plain);
  return true;
}

void TableReader::FlushHeld() {
  if (held_line_ == 0) return;
  const uint32_t line = held_line_;
  held_line_ = 0;
  AddRows(ChooseReading(held_cells_, held_plain_, line), line);
}

void TableReader::AddRows(Reading& reading, uint32_t line) {
  for (const std::string& problem : reading.problems) Note(line, problem);
  for (size_t s = 0; s < spec_.sides.size(); ++s) {
    const std::span<Cell> cells(reading.cells.data() + spec_.side_offset(static_cast<int>(s)),
                                spec_.sides[s].columns.size());
    bool any = std::any_of(cells.begin(), cells.end(),
                           [](const Cell& c) { return c.amount().present() || !c.text.empty(); });
    if (!any) continue;
    Row row;
    row.side = static_cast<uint8_t>(s);
    row.at = Location{line, 0};
    // The reading is chosen: what cleaning changed goes to the backing now (a reading that is
    // dropped would have left its copies there; a line can have many).
    for (Cell& c : cells) {
      if (c.text.owned()) c.text = lines_.Keep(c.text);
    }
    if (reading.signature == "repaired") {
      row.doubt = Text::View("制表符缺失或多余，已按行内合计关系确定列位置");
    } else if (reading.signature == "ambiguous") {
      row.doubt = Text::View("列位置有多种合理读法，按原样读取");
    } else if (reading.signature == "invalid") {
      row.doubt = Text::View("内容与表头列不符，按原样读取");
      for (Cell& c : cells) c.doubtful = c.doubtful || !c.text.empty() || c.amount().present();
    }
    if (row.doubt.empty() &&
        std::any_of(cells.begin(), cells.end(), [](const Cell& c) { return c.doubtful; })) {
      row.doubt = Text::View("有单元格无法读成金额");
    }
    Classify(&table_.add_row(std::move(row), cells), line);
  }
}

void TableReader::Classify(Row* row, uint32_t line) {
  const SideSpec& side = spec_.sides[row->side];
  Text& label = row->cells(table_)[side.label_column()].text;
  switch (spec_.scheme) {
    case RowScheme::kFixedRows: {
      const std::string_view key = MatchKeyView(label, &storage_);
      for (size_t i = 0; i < spec_.rows.size(); ++i) {
        const RowSpec& rs = spec_.rows[i];
        if (rs.side != row->side || row_spec_used_[i] || !rs.Matches(key)) continue;
        if (!rs.after.empty() && !seen_ids_.count(rs.after)) continue;
        row_spec_used_[i] = true;
        seen_ids_.insert(rs.id);
        row->kind = rs.kind;
        row->key = lines_.Keep(rs.id);
        return;
      }
      std::string_view code = FunctionClassCode(label);
      if (!code.empty()) {
        row->kind = RowKind::kClass;
        row->key = lines_.Keep(code);
        return;
      }
      row->kind = RowKind::kLine;
      row->key = lines_.Keep(MatchKeyView(StripOrdinal(label), &storage_));
      Note(line, "“" + label + "”不是" + std::string(spec_.name) + "的标准行，按普通行读取");
      return;
    }
    case RowScheme::kFunctionCodes: {
      int code_col = side.code_column();
      Text& code = row->cells(table_)[code_col].text;
      // Typed in full-width ("２０８０５０５"): the code it is.
      if (std::string_view folded = FoldDigits(code, &storage_); folded.data() != code.data()) {
        code = lines_.Keep(folded);
      }
      // "2080505 机关事业单位…" printed in one cell.
      size_t space = code.find(' ');
      if (space != std::string::npos && IsAsciiDigits(code.substr(0, space)) && label.empty()) {
        label = lines_.Keep(code.substr(space + 1));
        code = lines_.Keep(code.substr(0, space));
      }
      if (KeyIs(code, "合计") || (code.empty() && KeyIs(label, "合计"))) {
        row->kind = RowKind::kTotal;
        row->key = Text::View("total");
      } else if (IsClassificationCode(code)) {
        row->kind = CodeKind(code);
        row->key = code;
      } else {
        row->kind = RowKind::kLine;
        row->key = lines_.Keep(MatchKey(code.str() + label.str()));
        const std::string doubt =
            code.empty() ? "缺少科目编码" : "科目编码“" + code.str() + "”不是3、5或7位数字";
        row->doubt = lines_.Keep(doubt);
        Note(line, doubt);
      }
      return;
    }
    case RowScheme::kEconomic: {
      std::string key = MatchKey(label);
      const Text& gov = row->cells(table_)[side.column("gov_class")].text;
      if (Equals(key, "合计")) {
        row->kind = RowKind::kTotal;
        row->key = Text::View("total");
        return;
      }
      bool group = gov.empty() &&
                   std::find(spec_.groups.begin(), spec_.groups.end(), key) != spec_.groups.end();
      if (group) {
        row->kind = RowKind::kGroup;
        row->key = lines_.Keep(key);
        current_group_ = static_cast<int>(table_.rows.size()) - 1;  // this row, just added
      } else {
        row->kind = RowKind::kItem;
        row->key = lines_.Keep(key + "|" + MatchKey(gov));
        row->parent = current_group_;
      }
      return;
    }
    case RowScheme::kUnits: {
      Text key = KeyOf(label);
      if (Contains(key, "合计")) {
        row->kind = RowKind::kTotal;
        row->key = Text::View("total");
      } else {
        row->kind = RowKind::kUnit;
        row->key = std::move(key);
        row->unit = label;
      }
      return;
    }
    case RowScheme::kProjects:
      row->kind = RowKind::kProject;
      row->key = KeyOf(label);
      return;
  }
}

void TableReader::LinkFunctionCodes() {
  for (size_t s = 0; s < spec_.sides.size(); ++s) {
    const KeyIndex by_code = CodedRows(table_, static_cast<int>(s));
    int total = -1;
    for (size_t i = 0; i < table_.rows.size() && total < 0; ++i) {
      const Row& r = table_.rows[i];
      if (r.side == s && r.kind == RowKind::kTotal) total = static_cast<int>(i);
    }
    for (Row& r : table_.rows) {
      if (r.side != s) continue;
      if (r.kind == RowKind::kClass) {
        r.parent = total;
      } else if (r.kind == RowKind::kKuan || r.kind == RowKind::kXiang) {
        const std::optional<size_t> parent =
            by_code.First(r.key.view().substr(0, r.key.size() - 2));
        if (parent) r.parent = static_cast<int32_t>(*parent);
      }
    }
  }
}

void TableReader::LinkEconomic() {
  int total = -1;
  for (size_t i = 0; i < table_.rows.size(); ++i) {
    if (table_.rows[i].kind == RowKind::kTotal) {
      total = static_cast<int>(i);
      break;
    }
  }
  for (Row& r : table_.rows) {
    if (r.kind == RowKind::kGroup) r.parent = total;
  }
}

void TableReader::LinkUnits() {
  int total = -1;
  for (size_t i = 0; i < table_.rows.size(); ++i) {
    Row& r = table_.rows[i];
    if (r.kind == RowKind::kTotal && total < 0) {
      total = static_cast<int>(i);
    } else if (r.kind == RowKind::kUnit) {
      r.parent = total;
    }
  }
}

bool TableReader::LooksLikeOrgName(std::string_view name) const {
  static constexpr std::string_view kSuffixes[] = {
      "局",     "中心", "院", "所", "站", "队", "办公室", "委员会", "学校",
      "幼儿园", "医院", "馆", "会", "处", "部", "校",     "社",     "团"};
  for (std::string_view s : kSuffixes) {
    if (name.ends_with(s)) return true;
  }
  return false;
}

// Tables 12 and 13 list, for a department, the department total, then for each unit its
// subtotal followed by its projects. Names do not tell them apart (a unit and its department
// may share a name), so the amounts do: a unit's subtotal equals the sum of the projects that
// follow it. A unit's own document has just its total and the projects.
void TableReader::SegmentProjects() {
  std::vector<Row>& rows = table_.rows;
  if (rows.empty()) return;
  auto total_of = [&](const Row& r) { return r.amount(table_, "total"); };
  auto sums_to = [&](size_t head, size_t begin, size_t end) {
    std::vector<Amount> parts;
    for (size_t j = begin; j < end; ++j) parts.push_back(total_of(rows[j]));
    return SumsTo(total_of(rows[head]), parts);
  };

  if (doc_kind_ != DocumentKind::kDepartment) {
    if (rows.size() > 1 && sums_to(0, 1, rows.size())) {
      rows[0].kind = RowKind::kUnit;
      rows[0].unit = rows[0].label(table_);
      for (size_t j = 1; j < rows.size(); ++j) {
        rows[j].parent = 0;
        rows[j].unit = rows[0].unit;
      }
    }
    return;
  }

  rows[0].kind = RowKind::kDepartment;
  rows[0].key = MatchKey(rows[0].label(table_));
  size_t i = 1;
  while (i < rows.size()) {
    Row& unit = rows[i];
    unit.kind = RowKind::kUnit;
    unit.parent = 0;
    unit.unit = unit.label(table_);
    const int64_t target = total_of(unit).fen;
    // Σ of the rows so far and RoundingTolerance(unit, those rows), kept as the rows are added
    // (computed afresh for every row, the tolerance made a unit of n projects cost n²).
    WideFen sum = 0;
    int64_t tolerance = total_of(unit).half_ulp();
    size_t j = i + 1;
    bool closed = false;
    while (j < rows.size()) {
      const Amount part = total_of(rows[j]);
      sum += part.fen;
      tolerance += part.half_ulp();
      ++j;
      const WideFen diff = target - sum;
      if ((diff < 0 ? -diff : diff) <= tolerance) {
        closed = true;
        // Zero-amount projects after the subtotal is reached still belong to this unit.
        while (j < rows.size() && total_of(rows[j]).fen == 0 &&
               !LooksLikeOrgName(rows[j].label(table_))) {
          ++j;
        }
        break;
      }
      if (sum > target + tolerance) break;
    }
    if (!closed) {
      // The amounts do not close: fall back to names for the rest, and say so.
      unit.doubt = Text::View("单位小计与其后项目之和不符，单位与项目按名称区分");
      Note(unit.at.line, unit.doubt.str());
      size_t k = i + 1;
      while (k < rows.size() && !LooksLikeOrgName(rows[k].label(table_))) ++k;
      j = std::max(k, i + 1);
    }
    for (size_t k = i + 1; k < j; ++k) {
      rows[k].kind = RowKind::kProject;
      rows[k].parent = static_cast<int32_t>(i);
      rows[k].unit = unit.unit;
    }
    i = j;
  }
}

// The text after the first full- or half-width colon.
std::string_view AfterColon(std::string_view s) {
  size_t full = s.find("：");
  size_t half = s.find(':');
  if (full != std::string_view::npos && (half == std::string_view::npos || full < half)) {
    return s.substr(full + 3);
  }
  return half == std::string_view::npos ? std::string_view() : s.substr(half + 1);
}

// The labels of a table's head line, as match keys (the colon folded to ':').
constexpr std::string_view kEntityLabels[] = {"单位名称:", "部门名称:", "编制单位:", "预算单位:"};
constexpr std::string_view kUnitLabels[] = {"单位:", "金额单位:"};

// Whether `key` is a money unit's label and unit ("单位:万元").
bool ReadUnitKey(std::string_view key, TableHead* head) {
  for (std::string_view label : kUnitLabels) {
    if (!key.starts_with(label)) continue;
    const std::string_view unit = key.substr(label.size());
    if (unit != "万元" && unit != "元") return false;
    head->has_unit = true;
    head->unit = unit == "元" ? MoneyUnit::kYuan : MoneyUnit::kWanYuan;
    return true;
  }
  return false;
}

// One part of a head line: an entity's label and name, a unit's label and unit, or the two
// run together ("部门名称：某局单位：万元").
bool ReadHeadPart(std::string_view part, TableHead* head) {
  const std::string key = MatchKey(part);
  if (ReadUnitKey(key, head)) return true;
  if (std::none_of(std::begin(kEntityLabels), std::end(kEntityLabels),
                   [&](std::string_view label) { return key.starts_with(label); })) {
    return false;
  }
  std::string_view entity = AfterColon(part);
  // A unit run on after the name: the last "单位：" whose rest is a unit.
  if (key.ends_with("单位:万元") || key.ends_with("单位:元")) {
    for (std::string_view colon : {"单位：", "单位:"}) {
      const size_t at = entity.rfind(colon);
      if (at == std::string_view::npos || !ReadUnitKey(MatchKey(entity.substr(at)), head)) {
        continue;
      }
      entity = entity.substr(0, at);
      if (entity.ends_with("金额")) entity.remove_suffix(std::string_view("金额").size());
      break;
    }
  }
  head->entity = CleanCell(entity);
  return true;
}

}  // namespace

bool StartsLikeTableHead(std::string_view key) {
  // Every label is two to four ideographs and a colon: most lines are turned away here.
  auto colon_at = [&](size_t i) { return i < key.size() && key[i] == ':'; };
  if (!colon_at(6) && !colon_at(9) && !colon_at(12)) return false;
  auto starts = [&](std::string_view label) { return key.starts_with(label); };
  return std::any_of(std::begin(kEntityLabels), std::end(kEntityLabels), starts) ||
         std::any_of(std::begin(kUnitLabels), std::end(kUnitLabels), starts);
}

bool ReadTableHead(std::string_view plain, TableHead* head) {
  *head = TableHead{};
  bool any = false;
  // Parts are separated by tabs or runs of spaces (two or more ASCII, or one U+3000).
  size_t start = 0;
  while (start < plain.size()) {
    size_t end = start, next = plain.size();
    for (; end < plain.size(); ++end) {
      if (plain[end] == '\t') {
        next = end + 1;
        break;
      }
      if (plain[end] == ' ' && end + 1 < plain.size() && plain[end + 1] == ' ') {
        next = end + 2;
        break;
      }
      if (plain[end] == '\xE3' && plain.substr(end).starts_with("\u3000")) {
        next = end + 3;
        break;
      }
    }
    const std::string_view part = Trim(plain.substr(start, end - start));
    if (!part.empty()) {
      if (!ReadHeadPart(part, head)) return false;
      any = true;
    }
    start = next;
  }
  return any;
}

namespace {

Table TableReader::Read() {
  table_.spec = &spec_;
  table_.title = region_.title;
  table_.title_at = Location{region_.title_line, 0};
  table_.printed_label = region_.printed_label;
  table_.unit = spec_.default_unit;
  table_.last_line = region_.last_line;
  row_spec_used_.assign(spec_.rows.size(), false);
  // A line gives at most a row per side: room for them all at once. Grown by doubling instead,
  // and then trimmed to size by a copy, a table of a hundred thousand rows took three times
  // their memory at its peak.
  size_t most_rows = 0;
  for (uint32_t n = region_.title_line + 1; n <= region_.last_line; ++n) {
    most_rows += !skip_[n] && !lines_[n].empty();
  }
  table_.rows.reserve(most_rows * spec_.sides.size());
  table_.cells.reserve(most_rows * static_cast<size_t>(spec_.total_width()));

  code_levels_ = SplitsRows() && PrintsCodeLevels();
  std::vector<std::string_view> cells;
  std::vector<std::string> header_keys;
  std::string line_key;  // reused for every line
  std::string plain_storage, key_storage;
  bool in_data = false;
  for (uint32_t n = region_.title_line + 1; n <= region_.last_line; ++n) {
    if (skip_[n]) continue;
    std::string_view raw = lines_[n];
    if (Trim(raw).empty()) continue;
    std::string_view plain = StripMarkupView(raw, &plain_storage);
    // The lines below are known by keys that start with 单, 部, 金, 编, 预 or 注 (which never
    // fold, so the plain line starts so too) or by a short key; a data row needs none.
    std::string_view key;
    if (StartsWith(plain, "单") || StartsWith(plain, "部") || StartsWith(plain, "金") ||
        StartsWith(plain, "编") || StartsWith(plain, "预") || StartsWith(plain, "注") ||
        KeptCharacters(plain, 24) <= 24) {
      key = MatchKeyView(plain, &key_storage);
    }
    if (StartsLikeTableHead(key) && ReadHead(plain)) continue;
    if (StartsWith(key, "注")) {
      if (Contains(key, "本表无数据")) {
        table_.no_data = true;
        table_.no_data_at = Location{n, 0};
      } else {
        table_.notes.push_back(TextItem{CleanCell(plain), Location{n, 0}});
      }
      continue;
    }
    if (!key.empty() && key.size() <= 24 && Contains(key, "公开表") &&
        Trim(raw).find('\t') == std::string_view::npos) {
      // The next table's printed label (a tab after it leaves it one: "部门公开表9\t"); the
      // document reader attaches it.
      continue;
    }
    SplitRowCells(raw, &cells, &plain_);
    joined_levels_ = code_levels_ && JoinCodeLevels(&cells, &plain_) ? 2 : 0;
    if (!in_data) {
      if (!IsDataLike(cells)) {
        if (!IsColumnNumberRow(cells)) {
          LineKey(cells, &line_key);
          header_keys.push_back(line_key);
          LearnColumnOrder(cells);
        }
        continue;
      }
      in_data = true;
      // Sorted once the header is complete: a row's key is looked for by a binary search, not
      // compared with every header line (a table of many header lines was quadratic).
      std::sort(header_keys.begin(), header_keys.end());
    } else {
      if (IsColumnNumberRow(cells)) continue;
      // A header printed again (at a page break) is skipped. Most rows are told apart by the
      // key of their first cell alone: the keys that start with it are together in sorted
      // order, the first of them (if any) where it would be inserted.
      line_key.clear();
      const size_t next = AppendLineKey(cells, 0, true, &line_key);
      auto first = std::lower_bound(header_keys.begin(), header_keys.end(), line_key);
      if (first != header_keys.end() && first->starts_with(line_key)) {
        AppendLineKey(cells, next, false, &line_key);
        if (std::binary_search(first, header_keys.end(), line_key)) continue;
      }
    }
    ReorderCells(&cells, &plain_);
    if (SplitsRows()) {
      SplitCodeFromName(&cells, &plain_, n);
      if (held_line_ != 0) {
        const uint32_t first_line = held_line_;
        if (JoinHeld(&cells, &plain_)) {
          held_line_ = 0;
          FlushWrapped();
          const size_t before = table_.rows.size();
          AddRows(ChooseReading(cells, plain_, n), n);
          // The row begins on the line of its code and its name's head; its figures are on n.
          if (table_.rows.size() > before) {
            Row& row = table_.rows.back();
            row.at.line = first_line;
            row.cells(table_)[0].at.line = first_line;
            row.cells(table_)[1].at.line = first_line;
          }
          continue;
        }
        FlushHeld();
      }
      if (IsCodeAndNameOnly(cells)) {
        FlushWrapped();
        held_line_ = n;
        held_cells_ = cells;
        held_plain_ = plain_;
        continue;
      }
    }
    // A line of one text cell is a wrapped name's tail in tables whose rows each carry a code
    // or a project: the name goes on. Under a coded row the cell may stand among blank ones (in
    // the name's column); in a project table a line of blank cells and a name may be a unit's.
    const bool coded_rows = HasCodedRows();
    const size_t lone = cells.size() == 1 || coded_rows ? LoneCell(cells) : kNoCell;
    const std::string tail = lone == kNoCell ? std::string() : CleanCell(cells[lone]);
    if (lone != kNoCell && !LooksLikeAmount(tail) && !IsDataLike(cells)) {
      // Under a row with a classification code, the tail of its name is certain: every row of
      // those tables has a code. A project's name may be followed by other text: doubtful.
      if (!table_.rows.empty() && ContinuesNames() &&
          (!coded_rows || (HasCode(table_.rows.back()) && IsNameTail(tail)))) {
        Row& prev = table_.rows.back();
        if (wrapped_row_ != table_.rows.size() - 1) {
          FlushWrapped();
          wrapped_row_ = table_.rows.size() - 1;
          wrapped_ = prev.cells(table_)[spec_.sides[prev.side].label_column()].text;
        }
        wrapped_ += tail;
        if (!coded_rows) {
          prev.doubt = Text::View("名称跨行，已与上一行合并");
          Note(n, "此行被读作上一行名称的续行");
        }
      } else {
        Note(n, "表格区域内的单独文字行，未归入任何行：“" + tail + "”");
      }
      continue;
    }
    FlushWrapped();
    AddRows(ChooseReading(cells, plain_, n), n);
  }
  FlushHeld();
  FlushWrapped();

  switch (spec_.scheme) {
    case RowScheme::kFunctionCodes:
      LinkFunctionCodes();
      break;
    case RowScheme::kEconomic:
      LinkEconomic();
      break;
    case RowScheme::kUnits:
      LinkUnits();
      break;
    case RowScheme::kProjects:
      SegmentProjects();
      break;
    case RowScheme::kFixedRows:
      break;
  }
  // Rows and cells are large: room left unused by header lines and the shorter side of a
  // two-sided table is given back when it is more than an eighth (a copy, cheap for the small
  // tables it is).
  auto give_back_slack = [](auto& v) {
    if (v.capacity() - v.size() > v.size() / 8) v.shrink_to_fit();
  };
  give_back_slack(table_.rows);
  give_back_slack(table_.cells);
  if (table_.no_data && table_.has_data()) {
    Note(table_.no_data_at.line, "表注“本表无数据”，但表中有金额");
  }
  return std::move(table_);
}

}  // namespace

Table ReadTable(const Lines& lines, const TableRegion& region, const LineFlags& skip,
                DocumentKind kind, std::vector<Diagnostic>* diagnostics) {
  TableReader reader(lines, region, skip, kind, diagnostics);
  return reader.Read();
}

}  // namespace yusuan
