#include "model/document.h"

#include <algorithm>
#include <cassert>
#include <iterator>

namespace yusuan {

std::string_view DocumentKindId(DocumentKind kind) {
  switch (kind) {
    case DocumentKind::kUnit:
      return "unit";
    case DocumentKind::kDepartment:
      return "department";
    case DocumentKind::kLivelihood:
      return "livelihood";
    case DocumentKind::kUnknown:
      break;
  }
  return "unknown";
}

DocumentKind DocumentKindFromId(std::string_view id) {
  if (id == "unit") return DocumentKind::kUnit;
  if (id == "department") return DocumentKind::kDepartment;
  if (id == "livelihood") return DocumentKind::kLivelihood;
  return DocumentKind::kUnknown;
}

std::string_view DocumentKindName(DocumentKind kind) {
  switch (kind) {
    case DocumentKind::kUnit:
      return "单位预算";
    case DocumentKind::kDepartment:
      return "部门预算";
    case DocumentKind::kLivelihood:
      return "民生领域重大事项";
    case DocumentKind::kUnknown:
      break;
  }
  return "类型不明";
}

void Cell::set_amount(const Amount& a) {
  fen_ = a.fen;
  ulp_power_ = -1;
  if (a.ulp_fen == 0) return;
  // The first power of ten not below it: the power itself, as ParseAmount gives (any other
  // would be a wider tolerance, never a read past the table).
  int8_t power = 0;
  while (power + 1 < static_cast<int8_t>(kPowersOfTen.size()) && kPowersOfTen[power] < a.ulp_fen) {
    ++power;
  }
  assert(kPowersOfTen[power] == a.ulp_fen && "ulp_fen is a power of ten");
  ulp_power_ = power;
}

const Cell* Row::cell(const Table& table, std::string_view column_id) const {
  const int c = table.spec->sides[side].column(column_id);
  if (c < 0 || c >= cell_count) return nullptr;
  return &table.cells[first_cell + c];
}

Amount Row::amount(const Table& table, std::string_view column_id) const {
  return amount_at(table, table.spec->sides[side].column(column_id));
}

const Text& Row::label(const Table& table) const {
  static const Text kEmpty;
  const int c = table.spec->sides[side].label_column();
  return c >= 0 && c < cell_count ? table.cells[first_cell + c].text : kEmpty;
}

bool SameRow(const Table& ta, const Row& a, const Table& tb, const Row& b) {
  const std::span<const Cell> ca = a.cells(ta), cb = b.cells(tb);
  return a.kind == b.kind && a.side == b.side && a.parent == b.parent && a.at == b.at &&
         a.key == b.key && a.unit == b.unit && a.doubt == b.doubt &&
         std::equal(ca.begin(), ca.end(), cb.begin(), cb.end());
}

Row& Table::add_row(Row row, std::span<Cell> row_cells) {
  row.first_cell = static_cast<uint32_t>(cells.size());
  row.cell_count = static_cast<uint16_t>(row_cells.size());
  cells.insert(cells.end(), std::make_move_iterator(row_cells.begin()),
               std::make_move_iterator(row_cells.end()));
  return rows.emplace_back(std::move(row));
}

KeyIndex CodedRows(const Table& t, int side) {
  // A sorted array, not a map with a node a row: this was the peak of reading and of checking
  // a table of a hundred thousand codes.
  return KeyIndex(t.rows.size(), [&](size_t i) -> std::optional<std::string_view> {
    const Row& r = t.rows[i];
    if ((side >= 0 && r.side != side) || !IsCoded(r.kind)) return std::nullopt;
    return r.key.view();
  });
}

bool Table::has_data() const {
  return std::any_of(cells.begin(), cells.end(), [](const Cell& c) {
    const Amount a = c.amount();
    return a.present() && a.fen != 0;
  });
}

const Row* Table::find_row(RowKind kind, int side) const {
  for (const Row& r : rows) {
    if (r.kind == kind && (side < 0 || r.side == side)) return &r;
  }
  return nullptr;
}

const Row* Table::find_key(std::string_view key, int side) const {
  for (const Row& r : rows) {
    if (r.key == key && (side < 0 || r.side == side)) return &r;
  }
  return nullptr;
}

bool operator==(const Table& a, const Table& b) {
  return a.spec == b.spec && a.title == b.title && a.title_at == b.title_at &&
         a.printed_label == b.printed_label && a.entity == b.entity && a.unit == b.unit &&
         a.no_data == b.no_data && a.no_data_at == b.no_data_at && a.notes == b.notes &&
         a.last_line == b.last_line &&
         std::equal(a.rows.begin(), a.rows.end(), b.rows.begin(), b.rows.end(),
                    [&](const Row& ra, const Row& rb) { return SameRow(a, ra, b, rb); });
}

const Table* Document::table(TableKind kind) const {
  for (const Table& t : tables) {
    if (t.kind() == kind) return &t;
  }
  return nullptr;
}

}  // namespace yusuan
