#include "read/target_reader.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "base/key_index.h"
#include "base/text.h"
#include "read/table_reader.h"

namespace yusuan {
namespace {

// Texts the reader builds (a cleaned cell that differs from its line, a joined paragraph, a key
// that differs from its text), copied into large blocks so that cells can be views. Most cells
// are clean as printed and most keys equal their text: those are views of the lines and cost
// no copy; the others cost a copy and no allocation of their own.
class TextArena {
 public:
  std::string_view Keep(std::string_view text) {
    if (text.empty()) return {};
    char* at = Reserve(text.size());
    std::memcpy(at, text.data(), text.size());
    return std::string_view(at, text.size());
  }

  // The pieces `piece(c)` of every cell joined, kept. `piece` may keep texts of its own on its
  // first call for a cell (TCell::mkey), and must return the same view when called again.
  template <typename Cell, typename Piece>
  std::string_view Join(std::span<const Cell> cells, Piece piece) {
    size_t size = 0;
    for (const Cell& c : cells) size += piece(c).size();
    if (size == 0) return {};
    char* const at = Reserve(size);
    char* next = at;
    for (const Cell& c : cells) {
      std::string_view p = piece(c);
      if (p.empty()) continue;
      std::memcpy(next, p.data(), p.size());
      next += p.size();
    }
    return std::string_view(at, size);
  }

  // CleanCell(raw).
  std::string_view Clean(std::string_view raw) {
    std::string_view t = CleanValidCellView(raw, &scratch_);
    return t.data() == scratch_.data() ? Keep(t) : t;
  }

  // CleanCell(t) for a trimmed cell ShapeOfValidCell found to need cleaning.
  std::string_view Fold(std::string_view t) {
    FoldCellSpaces(t, &scratch_);
    return Keep(scratch_);
  }

  // MatchKey(text).
  std::string_view Key(std::string_view text) {
    std::string_view k = MatchKeyView(text, &scratch_);
    return k.data() == text.data() ? k : Keep(k);
  }

  // The key of text whose first folding character is at `first_fold` (ShapeOfValidCell).
  std::string_view KeyFrom(std::string_view text, size_t first_fold) {
    scratch_.assign(text.substr(0, first_fold));
    AppendMatchKey(text.substr(first_fold), &scratch_);
    return Keep(scratch_);
  }

  // Forgets every text kept; the first block is kept for the next table.
  void Clear() {
    if (blocks_.empty()) return;
    blocks_.resize(1);
    next_ = blocks_[0].get();
    free_ = first_size_;
  }

 private:
  // `size` bytes at a stable address, from the current block or a new one.
  char* Reserve(size_t size) {
    if (size > free_) {
      const size_t block = std::max(kBlock, size);
      blocks_.push_back(std::make_unique_for_overwrite<char[]>(block));
      if (blocks_.size() == 1) first_size_ = block;
      next_ = blocks_.back().get();
      free_ = block;
    }
    char* at = next_;
    next_ += size;
    free_ -= size;
    return at;
  }

  static constexpr size_t kBlock = 16 * 1024;  // a few target tables' worth
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* next_ = nullptr;
  size_t free_ = 0, first_size_ = 0;
  std::string scratch_;
};

// A cell as the reader sees it: its clean text, and its MatchKey built when first asked for
// (the long texts of 项目概况 and the like are never compared by key).
class TCell {
 public:
  TCell() = default;
  // A cell whose text is already clean; its key is built from it when needed.
  TCell(std::string_view text, Location at, TextArena* arena)
      : text(text), at(at), arena_(arena), fold_(kUnknown) {}

  std::string_view text;  // CleanCell
  Location at;

  std::string_view mkey() const {  // MatchKey(text)
    if (fold_ == kKeyed) return key_;
    key_ = fold_ == kUnknown ? arena_->Key(text) : arena_->KeyFrom(text, fold_);
    fold_ = kKeyed;
    return key_;
  }

  // A plain cell (ForEachCell): its text is clean and is its own key.
  static TCell Plain(std::string_view raw, Location at, TextArena* arena) {
    TCell cell(raw, at, arena);
    cell.key_ = raw;
    cell.fold_ = kKeyed;
    return cell;
  }

  // The cell of raw text: cleaned, and keyed at once when the key is the text itself.
  static TCell Make(TextArena* arena, std::string_view raw, Location at) {
    std::string_view t = Trim(raw);
    const CellShape shape = ShapeOfValidCell(t);
    if (shape.needs_clean) return TCell(arena->Fold(t), at, arena);
    TCell cell(t, at, arena);
    if (shape.first_fold == std::string_view::npos) {
      cell.key_ = t;
      cell.fold_ = kKeyed;
    } else if (shape.first_fold < kUnknown) {
      cell.fold_ = static_cast<uint32_t>(shape.first_fold);
    }
    return cell;
  }

 private:
  static constexpr uint32_t kKeyed = UINT32_MAX, kUnknown = UINT32_MAX - 1;
  TextArena* arena_ = nullptr;
  mutable std::string_view key_;
  // kKeyed once key_ holds the key; else where the text first folds, or kUnknown.
  mutable uint32_t fold_ = kKeyed;
};

TCell MakeCell(TextArena* arena, std::string_view raw, Location at) {
  return TCell::Make(arena, raw, at);
}

// The key labels are compared by: MatchKey without a leading "其中:" and trailing colons.
std::string_view Key(std::string_view mkey) {
  if (StartsWith(mkey, "其中:")) mkey.remove_prefix(std::string_view("其中:").size());
  while (!mkey.empty() && mkey.back() == ':') mkey.remove_suffix(1);
  return mkey;
}
std::string_view Key(const TCell& c) { return Key(c.mkey()); }

// The rows of a table, their cells in one array.
struct TRows {
  std::vector<TCell> cells;
  std::vector<size_t> ends;  // row r is cells [r == 0 ? 0 : ends[r - 1], ends[r])
  size_t size() const { return ends.size(); }
  std::span<const TCell> operator[](size_t r) const {
    size_t begin = r == 0 ? 0 : ends[r - 1];
    return std::span<const TCell>(cells).subspan(begin, ends[r] - begin);
  }
  void EndRow() { ends.push_back(cells.size()); }
  // Empties the rows and keeps their room: one TRows serves every table of a document.
  void Clear() {
    cells.clear();
    ends.clear();
  }
};

// ---- layouts ---------------------------------------------------------------------------------

enum class Layout { kTabbed, kCellPerLine, kPdfText };

// A line as the one-cell-per-line layout sees it: without the spaces (ASCII, U+3000, U+00A0) a
// converter leaves before its tab or on an empty line ("  " is an empty line, "　\t合计" a
// cell).
std::string_view CellLineSkippingSpaces(std::string_view raw) {
  size_t lead = 0;
  while (lead < raw.size()) {
    if (raw[lead] == ' ') {
      ++lead;
    } else if (raw.substr(lead, 3) == "\u3000") {
      lead += 3;
    } else if (raw.substr(lead, 2) == "\u00A0") {
      lead += 2;
    } else {
      break;
    }
  }
  return lead == raw.size() || raw[lead] == '\t' ? raw.substr(lead) : raw;
}
// Most lines start with none of those spaces' first bytes: asked first, inline.
inline std::string_view CellLine(std::string_view raw) {
  if (raw.empty() || (raw[0] != ' ' && raw[0] != '\xE3' && raw[0] != '\xC2')) return raw;
  return CellLineSkippingSpaces(raw);
}

Layout DetectLayout(const Lines& lines, uint32_t begin, uint32_t end, const LineFlags& skip) {
  int non_empty = 0, multi = 0, tab_led = 0;
  for (uint32_t n = begin; n <= end; ++n) {
    // Tabbed already, whatever the lines left hold: they can add at most one non-empty line
    // each. Most target tables are tabbed and are decided a third of the way through.
    if (const int64_t most = non_empty + int64_t{end - n + 1};
        multi > 0 && int64_t{multi} * 10 >= most * 3) {
      return Layout::kTabbed;
    }
    if (skip[n]) continue;
    std::string_view raw = CellLine(lines[n]);
    if (raw.empty()) continue;
    ++non_empty;
    // How many of the line's tab-separated cells hold something (two are enough to know).
    int filled = 0;
    for (size_t start = 0; start <= raw.size() && filled < 2;) {
      size_t tab = ByteSet<'\t'>::FindIn(raw, start);
      if (tab == std::string_view::npos) tab = raw.size();
      filled += !Trim(raw.substr(start, tab - start)).empty();
      start = tab + 1;
    }
    if (filled >= 2) ++multi;
    if (raw[0] == '\t' && filled <= 1) ++tab_led;
  }
  if (non_empty == 0) return Layout::kPdfText;
  if (multi * 10 >= non_empty * 3) return Layout::kTabbed;
  if (tab_led * 2 >= non_empty) return Layout::kCellPerLine;
  return Layout::kPdfText;
}

const TRows& TabbedRows(const Lines& lines, uint32_t begin, uint32_t end, const LineFlags& skip,
                        TextArena* arena, TRows* rows) {
  rows->Clear();
  for (uint32_t n = begin; n <= end; ++n) {
    if (skip[n] || Trim(lines[n]).empty()) continue;
    uint16_t column = 0;
    // Only the cells that hold something (every reader of the rows passes over the others;
    // a tabbed row is often half empty cells), each with its printed column.
    ForEachCell(lines[n], [&](std::string_view raw, bool plain) {
      const Location at{n, ++column};
      const TCell cell = plain ? TCell::Plain(raw, at, arena) : MakeCell(arena, raw, at);
      if (!cell.text.empty()) rows->cells.push_back(cell);
    });
    rows->EndRow();
  }
  return *rows;
}

// One cell per line, indented by a tab; a line without the tab continues the cell above
// (a wrapped cell); a truly empty line ends the row.
const TRows& CellPerLineRows(const Lines& lines, uint32_t begin, uint32_t end,
                             const LineFlags& skip, TextArena* arena, TRows* out) {
  out->Clear();
  TRows& rows = *out;
  size_t row_begin = 0;
  auto end_row = [&] {
    if (rows.cells.size() > row_begin) rows.EndRow();
    row_begin = rows.cells.size();
  };
  for (uint32_t n = begin; n <= end; ++n) {
    if (skip[n]) continue;
    std::string_view raw = CellLine(lines[n]);
    if (raw.empty()) {
      end_row();
      continue;
    }
    if (raw[0] == '\t' || rows.cells.size() == row_begin) {
      uint16_t column = static_cast<uint16_t>(rows.cells.size() - row_begin + 1);
      rows.cells.push_back(MakeCell(arena, raw, Location{n, column}));
    } else {
      // Both clean, no space at the joint: still clean.
      TCell& cell = rows.cells.back();
      std::string joined(cell.text);
      joined += arena->Clean(raw);
      cell = TCell(arena->Keep(joined), cell.at, arena);
    }
  }
  end_row();
  return rows;
}

// ---- vocabulary ------------------------------------------------------------------------------

// Level names in their printed forms (model/target: CanonicalLevelName). 成本指标 at the head of
// a row is first-level only before a cost's second-level name (经济成本指标, …); else it is the
// second-level 成本指标 of the templates that put costs under 产出指标.
bool IsLevel1(std::string_view k) { return !CanonicalLevelName(k, 1).empty(); }
bool IsLevel2(std::string_view k) { return !CanonicalLevelName(k, 2).empty(); }

// `text` is clean (CleanCell).
bool LooksLikeValue(std::string_view text) {
  if (text.empty()) return false;
  ValueShape v = IndicatorValueShapeOf(text);
  if (v.kind == ValueKind::kDeadline || v.kind == ValueKind::kCadence) return true;
  if (v.kind == ValueKind::kQuantity) return v.prefix_size <= 6;
  return false;
}

// Where the reader records the place of each 项目资金 line.
Location* FundPlace(Funds* f, const Amount* slot) {
  if (slot == &f->total) return &f->at;
  if (slot == &f->central) return &f->central_at;
  if (slot == &f->provincial) return &f->provincial_at;
  if (slot == &f->local) return &f->local_at;
  if (slot == &f->self_raised) return &f->self_raised_at;
  return &f->other_at;
}

// The characters the 项目资金 words need, as bits: which of them a label holds.
enum FundChar : uint32_t {
  kFundE = 1u << 0,      // 额 of 资金总额
  kFundDao = 1u << 1,    // 到 of 到位资金
  kFundZi = 1u << 2,     // 资 of 资金
  kFundYang = 1u << 3,   // 央 of 中央
  kFundSheng = 1u << 4,  // 省
  kFundChou = 1u << 5,   // 筹 of 自筹
  kFundTa = 1u << 6,     // 他 of 其他资金
  kFundShi = 1u << 7,    // 市
  kFundXian = 1u << 8,   // 县
  kFundQu = 1u << 9,     // 区
  kFundCai = 1u << 10,   // 财 of 财政
};

// Which of those characters a label holds, in one pass over it: FundSlot searches only for
// the words whose rarest character is there, and most labels of a target table hold none.
uint32_t FundCharsOf(std::string_view k) {
  static constexpr std::pair<uint32_t, uint32_t> kChars[] = {
      {Char3("额"), kFundE},    {Char3("到"), kFundDao},   {Char3("资"), kFundZi},
      {Char3("央"), kFundYang}, {Char3("省"), kFundSheng}, {Char3("筹"), kFundChou},
      {Char3("他"), kFundTa},   {Char3("市"), kFundShi},   {Char3("县"), kFundXian},
      {Char3("区"), kFundQu},   {Char3("财"), kFundCai}};
  // Each character by its last byte (no two share one; the other bytes hold {0, 0}, and no
  // character is 0): a character is looked up and compared without a branch on whether it is
  // one of them.
  static constexpr auto kByLastByte = [] {
    std::array<std::pair<uint32_t, uint32_t>, 256> slot{};
    for (auto [ch, bit] : kChars) slot[ch & 0xFF] = {ch, bit};
    return slot;
  }();
  static_assert([] {
    size_t filled = 0;
    for (const auto& slot : kByLastByte) filled += slot.second != 0 ? 1 : 0;
    return filled;
  }() == std::size(kChars));
  uint32_t found = 0;
  const auto* b = reinterpret_cast<const unsigned char*>(k.data());
  for (size_t i = 0; i + 3 <= k.size();) {
    if (static_cast<unsigned char>(b[i] - 0xE0) > 0xEF - 0xE0) {  // not a three-byte lead
      ++i;
      continue;
    }
    const auto [ch, bit] = kByLastByte[b[i + 2]];
    found |= Char3(k.substr(i, 3)) == ch ? bit : 0;
    i += 3;
  }
  return found;
}

// Which 项目资金 line a label names. Local funds are spelt many ways ("市县(区)财政资金",
// "市(区)级财政资金", even "市基(区)财政资金"). Each word is searched for only when the label
// holds its character in FundChar (a word added needs one there).
Amount* FundSlot(Funds* f, std::string_view k) {
  const uint32_t chars = FundCharsOf(k);
  if (((chars & kFundE) && Contains(k, "资金总额")) ||
      ((chars & kFundDao) && Contains(k, "到位资金")) || Equals(k, "年度资金") ||
      Equals(k, "实施期资金")) {
    return &f->total;
  }
  if ((chars & kFundYang) && Contains(k, "中央")) return &f->central;
  if (chars & kFundSheng) return &f->provincial;
  if ((chars & kFundChou) && Contains(k, "自筹")) return &f->self_raised;
  if ((chars & kFundTa) && Contains(k, "其他资金")) return &f->other;
  if ((chars & (kFundShi | kFundXian | kFundQu)) && (chars & kFundCai) && Contains(k, "财政")) {
    return &f->local;
  }
  return nullptr;
}

// The slot of a 项目资金 label (a label, not a printed amount), or nullptr.
Amount* FundLabelSlot(Funds* f, std::string_view k) {
  Amount* slot = FundSlot(f, k);
  return slot != nullptr && !LooksLikeAmount(k) ? slot : nullptr;
}

// Whether a label holds a character that every 项目资金 label has one of (资 of 资金, 央 of
// 中央, 省, 筹 of 自筹, 财 of 财政): FundSlot and "项目资金" need one, and most rows of a target
// table have none.
bool MayNameFunds(std::string_view k) {
  return (FundCharsOf(k) & (kFundZi | kFundYang | kFundSheng | kFundChou | kFundCai)) != 0;
}

bool IsFundLabel(std::string_view k) {
  Funds f;
  return FundLabelSlot(&f, k) != nullptr;
}

// ---- tabbed and cell-per-line tables ---------------------------------------------------------

class RowTableParser {
 public:
  RowTableParser(TargetTable* t, const Lines& lines) : t_(t), lines_(lines) {}

  void Parse(const TRows& rows) {
    for (size_t r = 0; r < rows.size(); ++r) {
      rows_left_ = rows.size() - r;
      Row(rows[r]);
    }
    if (t_->kind == TargetTable::Kind::kProject && t_->project_name.text.empty()) {
      Gap(t_->at, "未找到项目名称");
    }
    if (!saw_indicator_header_) Gap(t_->at, "未找到绩效指标表头", true);
  }

 private:
  using Cells = std::span<const TCell* const>;

  // A gap in the table. Only gaps among the indicators lower the pairing confidence.
  void Gap(Location at, std::string message, bool indicators = false) {
    t_->gaps.push_back(Diagnostic{at, std::move(message)});
    if (indicators && t_->confidence == Confidence::kFull) t_->confidence = Confidence::kPartial;
  }

  // A text of the model: a view of the document where it can be (see model/text.h).
  Text Keep(std::string_view s) const { return lines_.Keep(s); }
  TextItem Item(const TCell* c) const { return TextItem{Keep(c->text), c->at}; }

  // The value of `label` in a row: the cell after the label, or the label cell's own tail
  // ("实施单位 高平市医疗保险服务中心").
  static const TCell* ValueAfter(Cells f, size_t i) {
    return i + 1 < f.size() ? f[i + 1] : nullptr;
  }

  bool TakeLabelled(Cells f, std::string_view label, TextItem* out) {
    for (size_t i = 0; i < f.size(); ++i) {
      std::string_view k = Key(*f[i]);
      if (k == label) {
        if (const TCell* v = ValueAfter(f, i); v && Key(*v) != "实施单位" && Key(*v) != "项目期") {
          *out = Item(v);
        }
        return true;
      }
      if (k.starts_with(label) && k.size() > label.size()) {
        // The labels are plain Chinese, printed as their keys: the value follows in the cell.
        size_t at = f[i]->text.find(label);
        if (at != std::string_view::npos) {
          *out = TextItem{Keep(CleanCell(f[i]->text.substr(at + label.size()))), f[i]->at};
        }
        return true;
      }
    }
    return false;
  }

  void Department(const TCell* cell) {
    std::string_view text = cell->text;
    size_t dash = text.find('-');
    if (dash != std::string_view::npos && dash > 0 &&
        std::all_of(text.begin(), text.begin() + dash,
                    [](char c) { return c >= '0' && c <= '9'; })) {
      t_->department_code = std::string(text.substr(0, dash));
      text.remove_prefix(dash + 1);
    }
    t_->department = TextItem{Keep(Trim(text)), cell->at};
  }

  // Label/value pairs in order: the k-th pair belongs to period k.
  void FundPairs(Cells f, size_t from) {
    int period = 0;
    for (size_t i = from; i < f.size() && period < 2; ++i) {
      Funds& funds = t_->funds[period];
      Amount* slot = FundLabelSlot(&funds, Key(*f[i]));
      if (slot == nullptr) {
        Gap(f[i]->at, "项目资金行中无法归类的单元格：“" + std::string(f[i]->text) + "”");
        continue;
      }
      if (i + 1 < f.size() && LooksLikeAmount(f[i + 1]->text)) {
        auto a = ParseAmount(f[i + 1]->text, funds_unit_);
        if (a.ok()) {
          *slot = *a;
          *FundPlace(&funds, slot) = f[i + 1]->at;
        } else {
          Gap(f[i + 1]->at, a.status().message());
        }
        ++i;
      } else if (i + 1 < f.size() && IsEmptyAmountMark(f[i + 1]->text)) {
        ++i;  // "-" or "—" where the amount would be: nothing printed, as a blank cell
      }
      ++period;
    }
  }

  void Row(std::span<const TCell> row) {
    // The non-empty cells of the row, in order.
    filled_.clear();
    for (const TCell& c : row) {
      if (!c.text.empty()) filled_.push_back(&c);
    }
    Cells f = filled_;
    if (f.empty()) return;
    std::string_view k = Key(*f[0]);

    if (StartsWith(k, "负责人") || StartsWith(k, "填报")) {
      in_indicators_ = false;
      return;
    }
    if (in_indicators_ && !StartsWith(k, "项目名称")) {
      IndicatorRow(f);
      return;
    }
    if (StartsWith(k, "项目名称")) {
      TakeLabelled(f, "项目名称", &t_->project_name);
      return;
    }
    // A unit line above the table ("金额单位：万元", read as a standard table's head line is):
    // the 项目资金's unit unless its label says.
    if (TableHead head; f.size() == 1 && StartsLikeTableHead(k) &&
                        ReadTableHead(f[0]->text, &head) && head.has_unit) {
      funds_unit_ = head.unit;
      return;
    }
    if (Equals(k, "部门基本信息") || Equals(k, "单位基本信息")) {
      for (size_t i = 1; i + 1 < f.size(); ++i) {
        std::string_view l = Key(*f[i]);
        if (Equals(l, "部门名称") || Equals(l, "单位名称")) {
          Department(f[i + 1]);
          t_->project_name = t_->department;
        }
      }
      return;
    }
    if (StartsWith(k, "主管部门")) {
      if (f.size() > 1 && Key(*f[1]) != "实施单位") Department(f[1]);
      TakeLabelled(f, "实施单位", &t_->implementing_unit);
      return;
    }
    if (StartsWith(k, "项目属性")) {
      TakeLabelled(f, "项目属性", &t_->attribute);
      TakeLabelled(f, "项目期", &t_->duration);
      return;
    }
    if (MayNameFunds(k)) {
      if (Contains(k, "项目资金")) {
        // "项目资金 (元)", or "项目资金（万元）" as some templates print it.
        if (Contains(k, "万元")) funds_unit_ = MoneyUnit::kWanYuan;
        FundPairs(f, 1);
        return;
      }
      if (IsFundLabel(k)) {
        FundPairs(f, 0);
        return;
      }
    }
    struct TextField {
      std::string_view label;
      TextItem TargetTable::*field;
    };
    static const TextField kTexts[] = {{"项目概况", &TargetTable::overview},
                                       {"立项依据", &TargetTable::basis},
                                       {"项目设立必要性", &TargetTable::necessity},
                                       {"保证项目实施的制度", &TargetTable::measures},
                                       {"项目实施计划", &TargetTable::plan}};
    for (const TextField& tf : kTexts) {
      if (k.starts_with(tf.label)) {
        if (f.size() > 1) (t_->*tf.field) = Item(f[1]);
        if (f.size() > 2) {
          std::string joined = (t_->*tf.field).text.str();
          for (size_t i = 2; i < f.size(); ++i) joined += f[i]->text;
          (t_->*tf.field).text = Keep(joined);
        }
        return;
      }
    }
    if (Equals(k, "实施期目标") || Equals(k, "年度目标")) return;  // the goals' header row
    if (Equals(k, "总体目标") || Equals(k, "年度绩效目标")) {
      if (t_->kind == TargetTable::Kind::kOverall) {
        if (f.size() > 1) t_->goals[kAnnual] = Item(f[1]);
        return;
      }
      if (f.size() > 1) t_->goals[kImplementation] = Item(f[1]);
      if (f.size() > 2) t_->goals[kAnnual] = Item(f[2]);
      if (f.size() == 2) Gap(f[0]->at, "总体目标只有一栏，已记为实施期目标");
      return;
    }
    if (Equals(k, "绩效指标") || Equals(k, "年度绩效指标")) {
      saw_indicator_header_ = true;
      in_indicators_ = true;
      int seen = 0;
      for (const TCell& c : row) {
        if (Key(c) == "二级指标" && ++seen == 2) annual_column_ = c.at.column;
        // "绩效指标 产出指标 一级指标 …": a first-level name slipped into the header row.
        if (IsLevel1(Key(c))) level1_ = Keep(c.text);
      }
      return;
    }
    if (t_->kind == TargetTable::Kind::kOverall) OverallRow(f, k);
  }

  void OverallRow(Cells f, std::string_view k) {
    static constexpr std::string_view kFactLabels[] = {
        "内设职能部门数", "所属预算单位数", "核定的人员编制数", "实际在职人员总数", "在编人员数",
        "其他人员数",     "部门职责",       "部门战略目标",     "单位职责",         "单位战略目标"};
    if (Equals(k, "年度预算情况")) {
      mode_ = kBudget;
      return;
    }
    if (Equals(k, "年度重点任务")) {
      mode_ = kTasks;
      return;
    }
    bool any_fact = false;
    for (size_t i = 0; i < f.size(); ++i) {
      std::string_view l = Key(*f[i]);
      if (std::find(std::begin(kFactLabels), std::end(kFactLabels), l) == std::end(kFactLabels)) {
        continue;
      }
      any_fact = true;
      if (i + 1 < f.size()) {
        t_->facts.push_back(Fact{std::string(l), std::string(f[i + 1]->text), f[i + 1]->at});
      }
      ++i;
    }
    if (any_fact) return;
    if (mode_ == kBudget) {
      // "合计 8237.74 合计 8237.74": a source pair, then a use pair.
      std::vector<Fact>* side = &t_->funds_by_source;
      for (size_t i = 0; i + 1 < f.size(); i += 2) {
        if (!LooksLikeAmount(f[i + 1]->text)) break;
        side->push_back(Fact{std::string(Key(*f[i])), std::string(f[i + 1]->text), f[i + 1]->at});
        side = &t_->funds_by_use;
      }
      return;
    }
    if (mode_ == kTasks) {
      if (Equals(k, "核心职能")) return;
      for (const TCell* c : f) t_->tasks.push_back(Item(c));
    }
  }

  // Splits an indicator row into its sides by meaning. Each side reads [二级指标] 三级指标
  // [指标值]; stray tabs move cells, and a 三级指标 may repeat its 二级指标's words, so every
  // split point is scored: sides that mirror each other, values that look like values and
  // names that do not, and cells on the side their printed column suggests.
  void IndicatorRow(Cells f) {
    size_t i = 0;
    // A bare form ("满意度") with a value after it is an indicator's name, not a level.
    bool bare = false;
    if (const std::string_view l1 = CanonicalLevelName(Key(*f[0]), 1, &bare);
        !l1.empty() && (!bare || !NameAndValue(f)) &&
        (l1 != "成本指标" || (f.size() > 1 && IsCostLevel2(Key(*f[1]))))) {
      level1_ = Keep(f[0]->text);
      i = 1;
    }
    Cells rest = f.subspan(i);
    if (rest.empty()) return;
    if (t_->kind == TargetTable::Kind::kOverall) {
      Side(kAnnual, rest);
      return;
    }
    // Seven cells: a misplaced first-level label in front of two full sides.
    if (rest.size() == 7) {
      Gap(rest[0]->at, "指标行首多出的单元格按一级指标处理：“" + std::string(rest[0]->text) + "”",
          true);
      rest = rest.subspan(1);
    }
    // What each cell looks like, computed once for all split points.
    l2_.assign(rest.size(), kNotLevel2);
    value_.assign(rest.size(), false);
    for (size_t j = 0; j < rest.size(); ++j) {
      bool bare_l2 = false;
      if (!CanonicalLevelName(Key(*rest[j]), 2, &bare_l2).empty()) {
        l2_[j] = bare_l2 ? kBareLevel2 : kLevel2;
      }
      value_[j] = LooksLikeValue(rest[j]->text);
    }
    // A point for each cell on the side its printed column suggests, for the split at k: the
    // cells before k printed left of the annual columns plus those from k printed in them.
    // Kept as a running count: a split costs a step, not a pass over the row (a row of many
    // cells was quadratic).
    int on_side = 0;
    if (annual_column_ > 0) {
      for (const TCell* c : rest) on_side += c->at.column >= annual_column_ ? 1 : 0;
    }
    size_t best_k = 0;
    int best = -1000;
    for (size_t k = 0; k <= rest.size(); ++k) {
      if (annual_column_ > 0 && k > 0) {
        on_side += rest[k - 1]->at.column >= annual_column_ ? -1 : 1;
      }
      int score = SideScore(0, k) + SideScore(k, rest.size());
      bool a_l2 = k > 0 && l2_[0];
      bool b_l2 = k < rest.size() && l2_[k];
      if (k == rest.size() - k && a_l2 == b_l2) score += 3;
      score += on_side;
      if (score > best) {
        best = score;
        best_k = k;
      }
    }
    Side(kImplementation, rest.first(best_k), 0);
    Side(kAnnual, rest.subspan(best_k), best_k);
  }

  // How well cells [begin, end) of the row read as one side: [二级指标] 三级指标 [指标值].
  int SideScore(size_t begin, size_t end) const {
    if (begin == end) return 0;
    size_t from = l2_[begin] ? begin + 1 : begin;
    size_t n = end - from;
    if (n > 2) return -10 * static_cast<int>(n - 2);
    int score = 0;
    // A value standing alone, with no name beside it, is an unlikely side.
    if (n == 1 && from == begin && value_[from]) score -= 2;
    if (n == 2) {
      score += value_[from + 1] ? 1 : 0;
      score -= value_[from] ? 2 : 0;
      score -= l2_[from + 1] ? 2 : 0;
    }
    return score;
  }

  // Whether a row's first cell is followed by its value, as an indicator's name is ("满意度",
  // "≥90%"); a level's name is followed by a lower level's or an indicator's (which may look
  // like a value, "26年退休人员发放标准", but then a value follows it). `is_value(j)`:
  // whether cells[j] looks like a value.
  template <typename IsValue>
  static bool NameAndValue(Cells cells, IsValue is_value) {
    return cells.size() >= 2 && is_value(1) && (cells.size() < 3 || !is_value(2));
  }
  static bool NameAndValue(Cells cells) {
    return NameAndValue(cells, [&](size_t j) { return LooksLikeValue(cells[j]->text); });
  }

  // One side of an indicator row. `known`: where cells[0] is in l2_ and value_, which
  // IndicatorRow filled for the row, or kNotKnown.
  static constexpr size_t kNotKnown = SIZE_MAX;
  void Side(int side, Cells cells, size_t known = kNotKnown) {
    if (cells.empty()) return;
    auto is_value = [&](size_t j) {
      return known == kNotKnown ? LooksLikeValue(cells[j]->text) : value_[known + j] != 0;
    };
    bool is_l2 = false, bare = false;
    if (known == kNotKnown) {
      is_l2 = !CanonicalLevelName(Key(*cells[0]), 2, &bare).empty();
    } else {
      is_l2 = l2_[known] != kNotLevel2;
      bare = l2_[known] == kBareLevel2;
    }
    if (is_l2 && (!bare || !NameAndValue(cells, is_value))) {
      level2_[side] = Keep(cells[0]->text);
      cells = cells.subspan(1);
      if (known != kNotKnown) ++known;
      if (cells.empty()) return;  // a 二级指标 with no indicator under it
    }
    std::vector<Indicator>& list = t_->indicators[side];
    if (cells.size() == 1 && is_value(0) && !list.empty() &&
        list.back().value.kind == ValueKind::kEmpty && list.back().level2 == level2_[side]) {
      // The value of the indicator above, printed on its own line.
      list.back().value = ParseCleanIndicatorValue(Keep(cells[0]->text));
      list.back().value_at = cells[0]->at;
      return;
    }
    // A row holds at most one indicator a side: room for the rest of the table at once, not
    // grown by doubling (ReadTargetTables gives back what is left unused).
    if (list.capacity() == 0) list.reserve(rows_left_);
    Indicator& ind = list.emplace_back();  // built in place
    ind.level1 = level1_;
    ind.level2 = level2_[side];
    ind.name = Keep(cells[0]->text);
    ind.at = cells[0]->at;
    if (cells.size() > 1) {
      ind.value = ParseCleanIndicatorValue(Keep(cells[1]->text));
      ind.value_at = cells[1]->at;
    }
    for (size_t j = 2; j < cells.size(); ++j) {
      Gap(cells[j]->at, "指标行中多出的单元格未能归属：“" + std::string(cells[j]->text) + "”",
          true);
    }
  }

  TargetTable* t_;
  const Lines& lines_;
  size_t rows_left_ = 0;  // rows of the table from the one being read to the end
  bool in_indicators_ = false;
  MoneyUnit funds_unit_ = MoneyUnit::kYuan;  // of the 项目资金 amounts
  bool saw_indicator_header_ = false;
  uint16_t annual_column_ = 0;
  Text level1_;
  Text level2_[2];
  enum { kNone, kBudget, kTasks } mode_ = kNone;
  // Scratch space reused from row to row.
  std::vector<const TCell*> filled_;
  // Of each cell of an indicator row: whether it names a second level (kBareLevel2: by a bare
  // form, "数量"), and whether it looks like a value.
  enum : char { kNotLevel2 = 0, kLevel2 = 1, kBareLevel2 = 2 };
  std::vector<char> l2_, value_;
};

// ---- raw PDF text ----------------------------------------------------------------------------

// A paragraph: consecutive non-empty lines (a wrapped cell), joined.
class Para {
 public:
  Para(std::string_view text, Location at, std::span<const TCell> parts, TextArena* arena)
      : text(text), at(at), parts(parts), arena_(arena) {}

  std::string_view text;  // CleanCell of each line, joined
  Location at;
  std::span<const TCell> parts;  // the lines it was joined from

  // MatchKey(text), built when first asked for: a long paragraph (项目概况 and the like) is
  // compared with short names only, which LabelKey answers without its key.
  std::string_view mkey() const {
    if (keyed_) return key_;
    if (parts.size() == 1) {
      key_ = parts[0].mkey();
    } else {
      // MatchKey maps character by character, so the key of the joined lines is their keys
      // joined; it is the text when every line's key is its text.
      const bool same = std::all_of(parts.begin(), parts.end(), [](const TCell& l) {
        return l.mkey().data() == l.text.data() && l.mkey().size() == l.text.size();
      });
      key_ = same ? text : arena_->Join(parts, [](const TCell& l) { return l.mkey(); });
    }
    keyed_ = true;
    return key_;
  }

 private:
  friend std::string_view LabelKey(const Para& p);
  TextArena* arena_;
  mutable std::string_view key_;
  mutable bool keyed_ = false;
  // LabelKey's answer, once asked.
  mutable std::string_view label_key_;
  mutable bool label_key_known_ = false;
};

// The paragraphs of a region and the lines they hold.
struct Paras {
  std::vector<TCell> lines;  // every non-empty line, clean and keyed
  std::vector<Para> paras;
};

// Column labels of the project target table, as they appear in PDF text.
constexpr std::string_view kPdfLabels[] = {"项目名称",
                                           "主管部门及代码",
                                           "项目属性",
                                           "项目概况",
                                           "立项依据",
                                           "项目设立必要性",
                                           "保证项目实施的制度、措施",
                                           "保证项目实施的制度,措施",
                                           "项目实施计划",
                                           "年度目标",
                                           "绩效指标",
                                           "一级指标",
                                           "二级指标",
                                           "三级指标",
                                           "指标值",
                                           "实施单位",
                                           "项目资金(元)",
                                           "项目期",
                                           "单位:元"};

bool IsPdfLabel(std::string_view k) {
  return std::find(std::begin(kPdfLabels), std::end(kPdfLabels), k) != std::end(kPdfLabels);
}

// The most ideographs a label or a level name holds, and the two of a leading 其中 that Key
// drops. MatchKey keeps every ideograph, so a text with more is neither, whatever else its key
// holds.
constexpr size_t kMostNameIdeographs = [] {
  size_t most = kLevelNameMostIdeographs;
  for (std::string_view label : kPdfLabels) {
    size_t ideographs = 0;
    for (char c : label) {
      ideographs += static_cast<unsigned char>(c) >= 0xE4 && static_cast<unsigned char>(c) <= 0xE9;
    }
    most = std::max(most, ideographs);
  }
  return most + 2;
}();

// Whether clean text may be a label or a level name, by its ideographs alone (counted only
// where there is room for more than the most: three bytes each).
bool MayBeName(std::string_view text) {
  return text.size() <= 3 * kMostNameIdeographs ||
         Ideographs(text, kMostNameIdeographs) <= kMostNameIdeographs;
}

// The key a paragraph is compared with labels and level names by (Key), or empty where its text
// holds too many ideographs to be either: the key of a long paragraph is never built for that.
// Asked of every paragraph by several runs over them: answered once.
std::string_view LabelKey(const Para& p) {
  if (!p.label_key_known_) {
    p.label_key_ = MayBeName(p.text) ? Key(p.mkey()) : std::string_view();
    p.label_key_known_ = true;
  }
  return p.label_key_;
}

// Lines that are never part of a wrapped cell: labels, page headers. Both page headers hold 表,
// an ideograph (the key holds it exactly where the text does): most lines are passed over on
// that search and their ideographs, without a key.
bool StandsAlone(const TCell& line) {
  if (MayBeName(line.text) && IsPdfLabel(Key(line))) return true;
  if (!Contains(line.text, "表")) return false;
  const std::string_view key = Key(line);
  return Contains(key, "项目支出绩效目标表") || Contains(key, "情况表");
}

Paras Paragraphs(const Lines& lines, uint32_t begin, uint32_t end, const LineFlags& skip,
                 TextArena* arena) {
  Paras out;
  // First the lines, each with whether it continues the paragraph above (room for every line
  // of the region taken once: raw PDF text has a line for every cell).
  std::vector<char> continues;
  const size_t region_lines = end >= begin ? size_t{end} - begin + 1 : 0;
  continues.reserve(region_lines);
  out.lines.reserve(region_lines);
  bool open = false;
  for (uint32_t n = begin; n <= end; ++n) {
    if (skip[n]) continue;
    std::string_view t = Trim(lines[n]);
    if (t.empty()) {
      open = false;
      continue;
    }
    // MatchKey ignores the white space CleanCell folds: the clean line's key is the line's.
    TCell line = MakeCell(arena, t, Location{n, 0});
    bool alone = StandsAlone(line);
    continues.push_back(open && !alone);
    out.lines.push_back(line);
    open = !alone;
  }
  // Then the paragraphs. CleanCell(a + t) for a clean `a` and a trimmed `t` is a + CleanCell(t):
  // nothing at the joint is white space, so a paragraph is its clean lines joined.
  std::span<const TCell> all(out.lines);
  for (size_t i = 0; i < all.size();) {
    size_t j = i + 1;
    while (j < all.size() && continues[j]) ++j;
    Para p(all[i].text, all[i].at, all.subspan(i, j - i), arena);
    if (j - i > 1) p.text = arena->Join(p.parts, [](const TCell& l) { return l.text; });
    out.paras.push_back(p);
    i = j;
  }
  return out;
}

// PDF text: field labels come as a run, then their values in the same order; the indicator
// columns come as runs too. Names and values are paired by order only when both runs are
// whole and every pair is plausible; otherwise the table says its pairing is unknown.
void ParsePdfText(const Lines& lines, const LineFlags& skip, TargetTable* t, TextArena* arena) {
  Paras all = Paragraphs(lines, t->at.line, t->last_line, skip, arena);
  std::vector<Para>& paras = all.paras;
  // Drop repeated page headers.
  std::erase_if(paras, [](const Para& p) {
    return (Contains(p.text, "表") && Contains(p.mkey(), "项目支出绩效目标表")) ||
           (MayBeName(p.text) && Equals(p.mkey(), "单位:元"));
  });
  size_t start = 0;
  while (start < paras.size() && LabelKey(paras[start]) != "项目名称") ++start;
  // The run of field labels.
  std::vector<std::string_view> labels;
  size_t i = start;
  while (i < paras.size() && IsPdfLabel(LabelKey(paras[i]))) {
    labels.push_back(LabelKey(paras[i]));
    ++i;
  }
  auto gap = [&](Location at, std::string m) { t->gaps.push_back(Diagnostic{at, std::move(m)}); };
  // Their values, in order, up to 绩效指标 (which has no value paragraph).
  std::vector<Location> consumed;
  for (std::string_view label : labels) {
    if (label == "绩效指标" || i >= paras.size()) break;
    const Para& p = paras[i];
    if (IsPdfLabel(LabelKey(p))) break;
    TextItem item{lines.Keep(p.text), p.at};
    consumed.push_back(p.at);
    if (label == "项目名称")
      t->project_name = item;
    else if (label == "主管部门及代码") {
      size_t dash = p.text.find('-');
      if (dash != std::string_view::npos && dash > 0) {
        t->department_code = std::string(p.text.substr(0, dash));
        item.text = lines.Keep(p.text.substr(dash + 1));
      }
      t->department = item;
    } else if (label == "项目属性")
      t->attribute = item;
    else if (label == "项目概况")
      t->overview = item;
    else if (label == "立项依据")
      t->basis = item;
    else if (label == "项目设立必要性")
      t->necessity = item;
    else if (Contains(label, "保证项目实施"))
      t->measures = item;
    else if (label == "项目实施计划")
      t->plan = item;
    else if (label == "年度目标")
      t->goals[kAnnual] = item;
    ++i;
  }
  // 实施单位 and 项目资金: an organisation name followed by a whole number of 元.
  for (size_t j = i; j + 1 < paras.size(); ++j) {
    std::string_view name = paras[j].text;
    bool org = EndsWith(name, "局") || EndsWith(name, "中心") || EndsWith(name, "会") ||
               EndsWith(name, "部") || EndsWith(name, "院") || EndsWith(name, "分局");
    if (org && LooksLikeAmount(paras[j + 1].text)) {
      t->implementing_unit = TextItem{lines.Keep(name), paras[j].at};
      auto a = ParseAmount(paras[j + 1].text, MoneyUnit::kYuan);
      if (a.ok()) {
        t->funds[kAnnual].total = *a;
        t->funds[kAnnual].at = paras[j + 1].at;
      }
      break;
    }
  }
  // Indicator names after 三级指标, values after 指标值. Stacked values ("≥62所" over
  // "≥50087人") come out as consecutive lines of one paragraph: split them.
  std::vector<Para> value_paras;
  for (const Para& p : paras) {
    bool stacked =
        p.parts.size() > 1 && std::all_of(p.parts.begin(), p.parts.end(),
                                          [](const TCell& l) { return LooksLikeValue(l.text); });
    if (!stacked) {
      value_paras.push_back(p);
      continue;
    }
    for (size_t k = 0; k < p.parts.size(); ++k) {
      const TCell& l = p.parts[k];
      value_paras.push_back(Para(l.text, l.at, p.parts.subspan(k, 1), arena));
    }
  }
  auto funds_at = [&](size_t j, const std::vector<Para>& ps) {
    return j + 1 < ps.size() && ps[j + 1].at == t->funds[kAnnual].at;
  };
  // The paragraphs after `label`, consecutive in `ps`, up to one that ends the run.
  auto run_after = [&](const std::vector<Para>& ps, std::string_view label, bool values) {
    std::vector<const Para*> run;
    size_t j = 0;
    while (j < ps.size() && LabelKey(ps[j]) != label) ++j;
    for (++j; j < ps.size(); ++j) {
      std::string_view k = LabelKey(ps[j]);
      if (IsPdfLabel(k) || IsLevel1(k) || IsLevel2(k)) break;
      if (LooksLikeAmount(ps[j].text) && ps[j].at == t->funds[kAnnual].at) break;
      if (!values && (LooksLikeValue(ps[j].text) || funds_at(j, ps))) break;
      if (values && !LooksLikeValue(ps[j].text) && ps[j].text.size() > 24) break;
      run.push_back(&ps[j]);
    }
    return run;
  };
  std::vector<const Para*> names = run_after(paras, "三级指标", false);
  std::vector<const Para*> values = run_after(value_paras, "指标值", true);
  // Values that stand outside the 指标值 run mean the column was broken up: no safe pairing.
  size_t stray_values = 0;
  for (const Para& p : value_paras) {
    bool valueish = false;
    if (p.text.size() <= 24) {
      ValueShape v = IndicatorValueShapeOf(p.text);
      valueish = v.kind == ValueKind::kQuantity && v.prefix_size == 0;
    }
    // The run is consecutive paragraphs of value_paras: a range test, not a search of the run
    // for every paragraph (which made a column of many thousand values quadratic).
    bool in_run = !values.empty() && values.front() <= &p && &p <= values.back();
    bool is_field = p.at == t->funds[kAnnual].at ||
                    std::find(consumed.begin(), consumed.end(), p.at) != consumed.end();
    if (valueish && !in_run && !is_field) ++stray_values;
  }
  bool paired = !names.empty() && names.size() == values.size() && stray_values == 0;
  if (paired) {
    for (size_t k = 0; k < names.size(); ++k) {
      IndicatorValue v = ParseCleanIndicatorValue(values[k]->text);
      std::string_view n = names[k]->text;
      // A rate must not be paired with a headcount, nor a count with a percentage.
      bool rate = Contains(n, "率");
      if ((rate && v.kind == ValueKind::kQuantity && v.unit() != "%") ||
          (!rate && v.unit() == "%" && (Contains(n, "数") && !Contains(n, "指数")))) {
        paired = false;
        break;
      }
    }
  }
  t->indicators[kAnnual].reserve(names.size());
  if (paired) {
    for (size_t k = 0; k < names.size(); ++k) {
      Indicator ind;
      ind.name = lines.Keep(names[k]->text);
      ind.at = names[k]->at;
      ind.value = ParseCleanIndicatorValue(lines.Keep(values[k]->text));
      ind.value_at = values[k]->at;
      t->indicators[kAnnual].push_back(std::move(ind));
    }
    t->confidence = Confidence::kFull;
    gap(t->at, "PDF 文本中一级、二级指标无法与三级指标对应，已留空");
  } else {
    for (const Para* p : names) {
      Indicator ind;
      ind.name = lines.Keep(p->text);
      ind.at = p->at;
      t->indicators[kAnnual].push_back(std::move(ind));
    }
    t->confidence = Confidence::kLow;
    gap(t->at, "PDF 文本中三级指标（" + std::to_string(names.size()) + " 个）与指标值（" +
                   std::to_string(values.size()) + " 个）的对应关系无法确定，指标值未配对");
  }
  if (t->project_name.text.empty()) gap(t->at, "未找到项目名称");
}

// ---- 民生 summary ----------------------------------------------------------------------------

// "034001-晋城市城区教育局" -> code and name.
void SplitUnit(std::string_view text, LivelihoodRow* row) {
  size_t dash = text.find('-');
  if (dash != std::string_view::npos && dash > 0 &&
      std::all_of(text.begin(), text.begin() + dash, [](char c) { return c >= '0' && c <= '9'; })) {
    row->unit_code = text.substr(0, dash);
    row->unit = text.substr(dash + 1);
  } else {
    row->unit = text;
  }
}

}  // namespace

void ReadTargetTables(const Lines& lines, const LineFlags& skip,
                      std::vector<TargetTable>* targets) {
  // One arena and one set of rows for all tables: their room is reused from table to table.
  TextArena arena;
  TRows rows;
  for (TargetTable& t : *targets) {
    arena.Clear();
    Layout layout = DetectLayout(lines, t.at.line, t.last_line, skip);
    switch (layout) {
      case Layout::kTabbed:
        t.layout = "tabbed";
        RowTableParser(&t, lines).Parse(
            TabbedRows(lines, t.at.line, t.last_line, skip, &arena, &rows));
        break;
      case Layout::kCellPerLine:
        t.layout = "cell-per-line";
        RowTableParser(&t, lines).Parse(
            CellPerLineRows(lines, t.at.line, t.last_line, skip, &arena, &rows));
        break;
      case Layout::kPdfText:
        t.layout = "pdf-text";
        ParsePdfText(lines, skip, &t, &arena);
        break;
    }
    // Indicators are large and their count unknown until the end: no room left unused.
    for (std::vector<Indicator>& side : t.indicators) side.shrink_to_fit();
  }
}

// The money unit of a 民生 summary's amounts: 元, as its header prints them ("预算金额（元）"),
// or 万元 where the header or a unit line says so ("预算金额（万元）", "单位：万元"). Only the
// lines before the first row are looked at.
MoneyUnit SummaryUnit(const Lines& lines, uint32_t title_line, uint32_t last_line,
                      const LineFlags& skip) {
  constexpr uint32_t kHeaderLines = 24;
  for (uint32_t n = title_line + 1; n <= last_line && n <= title_line + kHeaderLines; ++n) {
    if (skip[n]) continue;
    const std::string key = MatchKey(lines[n]);
    if (Contains(key, "(万元)") || Contains(key, "单位:万元")) return MoneyUnit::kWanYuan;
    if (Contains(key, "(元)") || Contains(key, "单位:元")) return MoneyUnit::kYuan;
  }
  return MoneyUnit::kYuan;
}

LivelihoodSummary ReadLivelihoodSummary(const Lines& lines, uint32_t title_line, uint32_t last_line,
                                        const LineFlags& skip,
                                        const std::vector<TargetTable>& targets) {
  const MoneyUnit unit = SummaryUnit(lines, title_line, last_line, skip);
  LivelihoodSummary s;
  s.present = true;
  s.title = TextItem{CleanCell(StripMarkup(lines[title_line])), Location{title_line, 0}};
  Layout layout = DetectLayout(lines, title_line + 1, last_line, skip);
  TextArena arena;
  if (layout != Layout::kPdfText) {
    // Rows of cells: 序号, 单位, 项目, 金额; or 合计 and its amount.
    TRows storage;
    const TRows& rows =
        layout == Layout::kTabbed
            ? TabbedRows(lines, title_line + 1, last_line, skip, &arena, &storage)
            : CellPerLineRows(lines, title_line + 1, last_line, skip, &arena, &storage);
    s.confidence = "rows";
    std::vector<const TCell*> f;
    std::string folded;  // a 序号 typed in full-width
    for (size_t row = 0; row < rows.size(); ++row) {
      f.clear();
      for (const TCell& c : rows[row]) {
        if (!c.text.empty()) f.push_back(&c);
      }
      if (f.empty()) continue;
      if (f[0]->mkey() == "合计" && f.size() >= 2) {
        auto a = ParseAmount(f.back()->text, unit);
        if (a.ok()) {
          s.total = *a;
          s.total_at = f.back()->at;
        }
        continue;
      }
      if (f.size() < 4 || !IsAsciiDigits(FoldDigits(f[0]->text, &folded)) ||
          !LooksLikeAmount(f[3]->text)) {
        continue;
      }
      LivelihoodRow r;
      r.number = f[0]->text;
      SplitUnit(f[1]->text, &r);
      r.project = f[2]->text;
      r.at = f[2]->at;
      auto a = ParseAmount(f[3]->text, unit);
      if (a.ok()) r.amount = *a;
      s.rows.push_back(std::move(r));
    }
  } else {
    // PDF text: per page, a run of 序号, a run of units (wrapped), a run of projects, a run
    // of amounts, each in row order.
    Paras all = Paragraphs(lines, title_line + 1, last_line, skip, &arena);
    const std::vector<Para>& paras = all.paras;
    s.confidence = "columns-by-order";
    size_t i = 0;
    while (i < paras.size()) {
      // 序号 run: one number per line, so split the paragraph into lines.
      std::vector<std::string_view> numbers;
      while (i < paras.size()) {
        bool all_numbers = true;
        size_t before = numbers.size();
        for (uint32_t n = paras[i].at.line; n <= last_line && !Trim(lines[n]).empty(); ++n) {
          if (skip[n]) continue;  // a page number or a watermark inside the run
          std::string_view t = Trim(lines[n]);
          if (!IsAsciiDigits(t) || t.size() > 3) {
            all_numbers = false;  // the run ends here: the lines after cannot change that
            break;
          }
          numbers.push_back(t);
        }
        if (!all_numbers || numbers.size() == before) {
          numbers.resize(before);
          break;
        }
        ++i;
      }
      if (numbers.empty()) {
        ++i;
        continue;
      }
      size_t count = numbers.size();
      std::vector<const Para*> units, projects;
      std::vector<std::pair<std::string_view, Location>> amounts;
      for (; i < paras.size() && units.size() < count; ++i) units.push_back(&paras[i]);
      for (; i < paras.size() && projects.size() < count; ++i) projects.push_back(&paras[i]);
      for (; i < paras.size() && amounts.size() < count; ++i) {
        // More amounts than numbers fail below whatever follows: no need to read on.
        for (uint32_t n = paras[i].at.line;
             n <= last_line && !Trim(lines[n]).empty() && amounts.size() <= count; ++n) {
          if (!skip[n]) amounts.emplace_back(Trim(lines[n]), Location{n, 0});
        }
      }
      if (units.size() != count || projects.size() != count || amounts.size() != count) break;
      for (size_t k = 0; k < count; ++k) {
        LivelihoodRow r;
        r.number = numbers[k];
        SplitUnit(units[k]->text, &r);
        r.project = projects[k]->text;
        r.at = projects[k]->at;
        auto a = ParseAmount(amounts[k].first, unit);
        if (a.ok()) r.amount = *a;
        s.rows.push_back(std::move(r));
      }
    }
  }
  // Link each row to its target table: by project name, else by a unique annual amount (the
  // names often differ slightly; the checks report that, the link still stands).
  // Both through maps (a search of every target per row grew with the product of the two).
  std::vector<bool> taken(targets.size(), false);
  std::vector<std::string> target_keys;
  for (const TargetTable& t : targets) target_keys.push_back(MatchKey(t.project_name.text));
  // Each row takes the first untaken target of its name.
  KeyIndex by_name(target_keys);
  for (LivelihoodRow& r : s.rows) {
    if (std::optional<size_t> k = by_name.Take(MatchKey(r.project))) {
      r.target = static_cast<int32_t>(*k);
      taken[*k] = true;
    }
  }
  // The untaken targets by annual amount (fen and printed precision, as Amount compares them),
  // sorted: a row takes the target of its amount when there is exactly one. Only this pass
  // takes from them, and only from an amount with one, so that count never changes otherwise.
  std::vector<std::tuple<int64_t, int64_t, size_t>> by_amount;
  for (size_t k = 0; k < targets.size(); ++k) {
    const Amount& a = targets[k].funds[kAnnual].total;
    if (!taken[k]) by_amount.emplace_back(a.fen, a.ulp_fen, k);
  }
  std::sort(by_amount.begin(), by_amount.end());
  for (LivelihoodRow& r : s.rows) {
    if (r.target >= 0 || !r.amount.present()) continue;
    auto [lo, hi] = std::equal_range(by_amount.begin(), by_amount.end(),
                                     std::tuple(r.amount.fen, r.amount.ulp_fen, size_t{0}),
                                     [](const auto& a, const auto& b) {
                                       return std::tie(std::get<0>(a), std::get<1>(a)) <
                                              std::tie(std::get<0>(b), std::get<1>(b));
                                     });
    if (hi - lo != 1 || taken[std::get<2>(*lo)]) continue;
    r.target = static_cast<int32_t>(std::get<2>(*lo));
    taken[std::get<2>(*lo)] = true;
  }
  return s;
}

}  // namespace yusuan
