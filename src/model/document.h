// The model of a budget disclosure: what the readers produce and everything else consumes.
//
//   auto doc = ReadDocumentFile("samples/001_8dd967fac47080d3.txt");   // read/document_reader.h
//   const Table* t3 = doc->table(TableKind::kExpenditureSummary);
//   const Row* total = t3->find_row(RowKind::kTotal);
//   Amount basic = total->amount(*t3, "basic");                         // exact, in fen
//
// Every value keeps where it came from: Document::source is the file, each Location the
// 1-based line and (where the layout has columns) the 1-based column within the line.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/key_index.h"
#include "base/money.h"
#include "model/catalogue.h"
#include "model/claim.h"
#include "model/location.h"
#include "model/target.h"

namespace yusuan {

enum class DocumentKind : uint8_t { kUnknown, kUnit, kDepartment, kLivelihood };
std::string_view DocumentKindId(DocumentKind kind);  // "unit", "department", "livelihood"
DocumentKind DocumentKindFromId(std::string_view id);
// The reader's word for it: "单位预算", "部门预算", "民生领域重大事项", "类型不明".
std::string_view DocumentKindName(DocumentKind kind);

// A cell of a standard table: 32 bytes, as a table-dense document is mostly cells.
struct Cell {
  Text text;  // label, code and text columns: the cell as printed, cleaned of layout spaces
  // Its padding holds `doubtful` and the amount's last digit.
  [[no_unique_address]] Location at;
  // The reader could not be sure this cell is in the right column (a missing or extra tab was
  // resolved by the table's identities, or the text was not a number).
  bool doubtful = false;

  // Amount columns: the amount as printed; absent when the cell held none.
  Amount amount() const {
    return Amount{fen_, ulp_power_ < 0 ? 0 : kPowersOfTen[static_cast<size_t>(ulp_power_)]};
  }
  // `a.ulp_fen` is zero (no amount) or a power of ten, as ParseAmount gives.
  void set_amount(const Amount& a);
  friend bool operator==(const Cell&, const Cell&) = default;

 private:
  static constexpr std::array<int64_t, 19> kPowersOfTen = [] {  // 10^0 .. 10^18
    std::array<int64_t, 19> p{1};
    for (size_t i = 1; i < p.size(); ++i) p[i] = p[i - 1] * 10;
    return p;
  }();
  int8_t ulp_power_ = -1;  // the amount's ulp_fen is 10^ulp_power_; -1: no amount
  int64_t fen_ = 0;
};

struct Table;

struct Row {
  RowKind kind = RowKind::kLine;
  uint8_t side = 0;  // index into the spec's sides (income / expenditure for two-sided tables)
  // The row's cells, one per column of the side in catalogue order, are Table::cells
  // [first_cell, first_cell + cell_count): one vector for the whole table, not one per row.
  uint16_t cell_count = 0;
  uint32_t first_cell = 0;
  int32_t parent = -1;  // index of the parent row (项 -> 款 -> 类 -> 合计, item -> group)
  Location at;
  // Stable identity within the table: the classification code ("2080505"), a catalogue row id
  // ("current_total"), or the match key of the label.
  Text key;
  Text unit;   // tables 11-13: the unit a project or subtotal belongs to
  Text doubt;  // why the reading of this row is doubtful; empty when sure

  std::span<const Cell> cells(const Table& table) const;
  std::span<Cell> cells(Table& table) const;
  // Cell of column `column_id`, or nullptr when the side has no such column.
  const Cell* cell(const Table& table, std::string_view column_id) const;
  Amount amount(const Table& table, std::string_view column_id) const;
  // The amount in column `column` of the row's side (an index from SideSpec::column, which a
  // rule resolves once for many rows); absent when the row has no such column.
  Amount amount_at(const Table& table, int column) const;
  // The row's label (label or name column) as printed.
  const Text& label(const Table& table) const;
  // Rows are equal when what they hold is, wherever their tables keep their cells.
  friend bool SameRow(const Table& ta, const Row& a, const Table& tb, const Row& b);
};

struct Table {
  const TableSpec* spec = nullptr;  // never null in a read document
  std::string title;                // as printed, without markup
  Location title_at;
  std::string printed_label;  // "预算公开表10", "部门公开表9" when the document prints one
  std::string entity;         // 单位名称 / 部门名称 line
  MoneyUnit unit = MoneyUnit::kWanYuan;
  bool no_data = false;  // "注：本表无数据"
  Location no_data_at;
  std::vector<TextItem> notes;  // other 注 lines
  uint32_t last_line = 0;       // last line of the table's region
  std::vector<Row> rows;
  std::vector<Cell> cells;  // every row's cells, row after row (Row::cells)

  TableKind kind() const { return spec->kind; }
  // Appends `row` with `row_cells` as its cells.
  Row& add_row(Row row, std::span<Cell> row_cells);
  // First row of `kind` (on `side` when given), or nullptr.
  const Row* find_row(RowKind kind, int side = -1) const;
  // Row with `key` (on `side` when given), or nullptr.
  const Row* find_key(std::string_view key, int side = -1) const;
  // Whether any cell holds an amount other than zero (what "注：本表无数据" denies).
  bool has_data() const;
  friend bool operator==(const Table& a, const Table& b);
};

// The rows of `t` keyed by a classification code (类, 款, 项; on `side` when given), by code:
// First(code) is the index of the first row of that code in t.rows.
KeyIndex CodedRows(const Table& t, int side = -1);

inline std::span<const Cell> Row::cells(const Table& table) const {
  return {table.cells.data() + first_cell, cell_count};
}
inline std::span<Cell> Row::cells(Table& table) const {
  return {table.cells.data() + first_cell, cell_count};
}
inline Amount Row::amount_at(const Table& table, int column) const {
  return column >= 0 && column < cell_count ? table.cells[first_cell + column].amount() : Amount{};
}

struct Section {
  TextItem heading;
  std::vector<TextItem> paragraphs;
  friend bool operator==(const Section&, const Section&) = default;
};

// 第一部分 概况
struct Overview {
  std::vector<TextItem> duties;             // 职责, one item per numbered duty or paragraph
  std::vector<TextItem> offices;            // 内设机构
  std::vector<TextItem> subordinate_units;  // 下属单位 (departments)
  friend bool operator==(const Overview&, const Overview&) = default;
};

// A count or measure stated in the text ("实有1辆", "建筑总面积300平方米").
struct Quantity {
  std::string label;  // what is counted ("编制", "实有", "领导用车", "办公用房建筑总面积")
  std::string printed;     // the number as printed ("300", "1,250.5")
  int64_t hundredths = 0;  // exact value × 100
  std::string unit;        // "辆", "平方米", "台（套）"
  Location at;
  friend bool operator==(const Quantity&, const Quantity&) = default;
};

// 国有资产占有使用情况
struct Assets {
  bool present = false;    // the section exists
  Quantity vehicle_quota;  // 公务用车编制 (unit empty when not stated)
  Quantity vehicles_held;  // 实有
  std::vector<Quantity> vehicles_by_type;
  Quantity office_area;             // 办公用房建筑总面积
  std::vector<Quantity> equipment;  // 价值50万元/100万元以上的设备
  friend bool operator==(const Assets&, const Assets&) = default;
};

struct Document {
  std::string source;    // the file the document was read from
  std::string encoding;  // as detected
  uint32_t line_count = 0;
  DocumentKind kind = DocumentKind::kUnknown;
  int year = 0;
  std::string name;    // the unit or department ("高平市医疗保险服务中心")
  std::string region;  // the county or district ("高平市", "长治市屯留区")
  TextItem title;      // "2026年度单位预算公开"
  Overview overview;
  std::vector<Table> tables;
  std::vector<Section> narrative;  // 第三部分 情况说明, target tables excluded
  std::vector<Claim> claims;       // the figures the narrative states
  Assets assets;
  std::vector<TargetTable> targets;
  LivelihoodSummary livelihood;
  std::vector<Diagnostic> diagnostics;
  // What the texts above refer to (see model/text.h): the decoded text and the texts the readers
  // changed; for a model read from JSON, its texts only.
  BackingRef backing;

  const Table* table(TableKind kind) const;
  // The decoded text the document was read from; empty for a model read from JSON.
  std::string_view text() const { return backing.backing ? backing.backing->text() : ""; }
  friend bool operator==(const Document&, const Document&) = default;
};

}  // namespace yusuan
