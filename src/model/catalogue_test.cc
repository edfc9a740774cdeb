#include "model/catalogue.h"

#include <gtest/gtest.h>

#include <string>

#include "base/text.h"

namespace yusuan {
namespace {

// The table reader compares header cells' keys with column names as they are: each name must
// be its own match key.
TEST(Catalogue, ColumnNamesAreTheirOwnKeys) {
  for (const TableSpec& spec : Catalogue()) {
    for (const SideSpec& side : spec.sides) {
      for (const ColumnSpec& column : side.columns) {
        EXPECT_EQ(MatchKey(column.name), column.name) << spec.name << " " << column.name;
      }
    }
  }
}

TEST(MatchTitle, KnowsEveryAlternativeOfEveryTableAndNothingElse) {
  for (const TableSpec& spec : Catalogue()) {
    for (const std::vector<std::string_view>& parts : spec.title_any) {
      // The alternative's parts, printed as a title would print them.
      std::string title = "2026年";
      for (std::string_view part : parts) title += std::string(part) + "　";
      EXPECT_TRUE(MayBeTitle(title)) << title;
      EXPECT_EQ(MatchTitle(title), &spec) << title;
      // One part missing: never this table.
      if (parts.size() > 1) {
        std::string fewer = "2026年";
        for (size_t i = 1; i < parts.size(); ++i) fewer += std::string(parts[i]);
        EXPECT_NE(MatchTitle(fewer), &spec) << fewer;
      }
    }
  }
  for (const char* line : {"208\t社会保障和就业支出\t6056.35\t383.26", "合计\t100.00",
                           "一、部门职责", "本单位无政府性基金收入。", ""}) {
    EXPECT_EQ(MatchTitle(line), nullptr) << line;
  }
  // A table row is ruled out before it is keyed.
  EXPECT_FALSE(MayBeTitle("2080505\t机关事业单位基本养老保险缴费支出\t12.00\t12.00"));
  EXPECT_TRUE(MayBeTitle("孟县人力资源和社会保障局2026年部门预算收支总表"));
  EXPECT_NE(MatchTitle("孟县人力资源和社会保障局2026年部门预算收支总表"), nullptr);
}

}  // namespace
}  // namespace yusuan
