#include "model/document.h"

#include <gtest/gtest.h>

namespace yusuan {
namespace {

// A table of the general expenditure kind (code, name, total, basic, project) whose rows are
// added with the given totals.
Table TableOf(std::initializer_list<int64_t> totals) {
  Table t;
  t.spec = FindSpec(TableKind::kGeneralExpenditure);
  const size_t width = t.spec->sides[0].columns.size();
  uint32_t line = 10;
  for (int64_t fen : totals) {
    std::vector<Cell> cells(width);
    cells[0].text = Text::View("2080505");
    cells[2].set_amount(Amount{fen, 100});
    cells[2].at = Location{line, 3};
    Row row;
    row.kind = RowKind::kXiang;
    row.key = Text::View("2080505");
    row.at = Location{line++, 0};
    t.add_row(std::move(row), cells);
  }
  return t;
}

TEST(Table, RowsTakeTheirCellsFromTheTablesOneVectorInOrder) {
  const Table t = TableOf({100, 200, 300});
  ASSERT_EQ(t.rows.size(), 3u);
  const size_t width = t.spec->sides[0].columns.size();
  EXPECT_EQ(t.cells.size(), 3 * width);
  for (size_t i = 0; i < t.rows.size(); ++i) {
    const Row& r = t.rows[i];
    EXPECT_EQ(r.first_cell, i * width);
    EXPECT_EQ(r.cells(t).size(), width);
    EXPECT_EQ(r.amount(t, "total").fen, static_cast<int64_t>(100 * (i + 1)));
    EXPECT_EQ(r.cell(t, "total")->at, (Location{static_cast<uint32_t>(10 + i), 3}));
    EXPECT_EQ(r.label(t), "");  // the name's cell, blank
  }
  // Columns the side does not have are absent, not another row's cells.
  EXPECT_FALSE(t.rows[0].amount_at(t, static_cast<int>(width)).present());
  EXPECT_FALSE(t.rows[0].amount_at(t, -1).present());
  EXPECT_EQ(t.rows[0].cell(t, "no_such_column"), nullptr);
}

TEST(Table, EqualTablesAreEqualWhereverTheyKeepTheirCells) {
  const Table a = TableOf({100, 200});
  Table b = TableOf({});
  b.cells.resize(3);  // cells no row refers to, before the rows' own
  Table c = TableOf({100, 200});
  for (size_t i = 0; i < a.rows.size(); ++i) {
    std::vector<Cell> cells(a.rows[i].cells(a).begin(), a.rows[i].cells(a).end());
    b.add_row(a.rows[i], cells);
  }
  EXPECT_NE(b.rows[0].first_cell, a.rows[0].first_cell);
  EXPECT_EQ(a, b);
  c.rows[1].cells(c)[2].set_amount(Amount{201, 100});  // one cell differs
  EXPECT_FALSE(a == c);
  c = TableOf({100, 200});
  c.rows[1].doubt = Text::View("有单元格无法读成金额");  // a row's own field differs
  EXPECT_FALSE(a == c);
}

TEST(Table, HasDataWhenACellHoldsAnAmountOtherThanZero) {
  EXPECT_FALSE(TableOf({}).has_data());
  EXPECT_FALSE(TableOf({0, 0}).has_data());  // printed zeros: nothing there
  EXPECT_TRUE(TableOf({0, 100}).has_data());
  EXPECT_TRUE(TableOf({-100}).has_data());
}

TEST(Cell, KeepsEveryAmountParseAmountGivesAndTellsAbsentFromZero) {
  Cell cell;
  EXPECT_FALSE(cell.amount().present());
  for (const char* printed : {"0", "0.00", "-0.42", "6,056.35", "35000000", "5831922.19", "1.5",
                              "999999999999999.99", "-1000000000000000.00"}) {
    for (MoneyUnit unit : {MoneyUnit::kYuan, MoneyUnit::kWanYuan}) {
      const Result<Amount> a = ParseAmount(printed, unit);
      if (!a.ok()) continue;  // beyond what an amount in 万元 can be
      cell.set_amount(*a);
      EXPECT_EQ(cell.amount(), *a) << printed;
      EXPECT_EQ(cell.amount().decimals(unit), a->decimals(unit)) << printed;
    }
  }
  cell.set_amount(Amount{});
  EXPECT_FALSE(cell.amount().present());
  EXPECT_EQ(cell.amount(), Amount{});
}

// What a table-dense document costs is its cells and rows (docs/performance.md, "Memory"):
// these sizes are part of that budget.
TEST(Table, CellsAndRowsStayCompact) {
  EXPECT_EQ(sizeof(Cell), 32u);  // its doubt flag and the amount's last digit in padding
  EXPECT_EQ(sizeof(Row), 72u);   // its cells an index into the table's, not a vector
}

}  // namespace
}  // namespace yusuan
