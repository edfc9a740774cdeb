#include "read/spaced_layout.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

namespace yusuan {
namespace {

std::string Tabulated(std::string text, SpacedLayout* done = nullptr) {
  const SpacedLayout layout = TabulateSpacedRows(&text);
  if (done) *done = layout;
  return text;
}

TEST(SpacedLayout, TextWithoutTwoSpacesInARowIsLeftAsItIs) {
  const std::string text = "一、收入预算\n本年收入 6056.35 万元。\n科目\t合计\t基本\n";
  SpacedLayout done;
  EXPECT_EQ(Tabulated(text, &done), text);
  EXPECT_EQ(done.rows, 0u);
  EXPECT_EQ(done.first_row, 0u);
}

TEST(SpacedLayout, ARowKeepsAnEmptyCellWhereItIs) {
  // The header names every column; the second row has no 基本支出.
  const std::string text =
      "单位：万元\n"
      "\n"
      "科目编码  科目名称            合计  基本支出  项目支出\n"
      "208       社会保障和就业支出  186.83     56.83    130.00\n"
      "20807     就业补助            130.00              130.00\n"
      "说明文字。\n";
  SpacedLayout done;
  EXPECT_EQ(Tabulated(text, &done),
            "单位：万元\n"
            "\n"
            "科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
            "208\t社会保障和就业支出\t186.83\t56.83\t130.00\n"
            "20807\t就业补助\t130.00\t\t130.00\n"
            "说明文字。\n");
  EXPECT_EQ(done.rows, 3u);
  EXPECT_EQ(done.blocks, 1u);
  EXPECT_EQ(done.first_row, 3u);
}

TEST(SpacedLayout, AHeaderAtTheLeftOfItsColumnAndFiguresAtTheRightAreOneColumn) {
  // "合计" ends before the figures under it start: the gap is not a column boundary.
  EXPECT_EQ(Tabulated("项目            合计              基本支出\n"
                      "工资福利支出              1016.12            1016.12\n"
                      "商品和服务支出              76.42              76.42\n"),
            "项目\t合计\t基本支出\n"
            "工资福利支出\t1016.12\t1016.12\n"
            "商品和服务支出\t76.42\t76.42\n");
}

TEST(SpacedLayout, AHeaderOverSubColumnsStaysInTheColumnWhereItStarts) {
  EXPECT_EQ(Tabulated("项目          本年收入\n"
                      "科目名称      合计      一般公共预算  单位资金\n"
                      "卫生健康支出  5838.20        5838.20      0.00\n"),
            "项目\t本年收入\n"
            "科目名称\t合计\t一般公共预算\t单位资金\n"
            "卫生健康支出\t5838.20\t5838.20\t0.00\n");
}

TEST(SpacedLayout, AnIndentedLineOfOneCellIsARowWithItsFirstCellsEmpty) {
  // The right side of a 收支总表 runs on below the left side's last row.
  EXPECT_EQ(Tabulated("项目          金额     项目                金额\n"
                      "一、一般公共  6056.35  一、一般公共服务    10.00\n"
                      "                       二、外交支出\n"
                      "                       三、社会保障支出    186.83\n"),
            "项目\t金额\t项目\t金额\n"
            "一、一般公共\t6056.35\t一、一般公共服务\t10.00\n"
            "\t\t二、外交支出\n"
            "\t\t三、社会保障支出\t186.83\n");
}

TEST(SpacedLayout, AShortLineOfOneCellIsARowWhereverItStarts) {
  // Rows whose amounts are empty, their labels at the margin or set in by a space (centred).
  EXPECT_EQ(Tabulated("上年结转            年终结转\n"
                      " 一、一般公共预算\n"
                      "二、政府性基金预算\n"
                      "收入总计  6056.35   支出总计  6056.35\n"),
            "上年结转\t\t年终结转\n"
            "一、一般公共预算\n"
            "二、政府性基金预算\n"
            "收入总计\t6056.35\t支出总计\t6056.35\n");
}

TEST(SpacedLayout, ATableOverAPageBreakKeepsItsColumns) {
  // After the blank line only the first and last columns are filled: laid out apart they
  // would be columns 0 and 1.
  EXPECT_EQ(Tabulated("科目名称  合计    基本支出  项目支出\n"
                      "行政运行  154.39    154.39\n"
                      "\n"
                      "就业补助  926.00              926.00\n"),
            "科目名称\t合计\t基本支出\t项目支出\n"
            "行政运行\t154.39\t154.39\n"
            "\n"
            "就业补助\t926.00\t\t926.00\n");
}

TEST(SpacedLayout, TwoTablesWithATitleBetweenAreLaidOutApart) {
  // The second table's columns are narrower: lined up with the first, its cells would fall
  // into the first's columns.
  EXPECT_EQ(Tabulated("项目                    合计\n"
                      "工资福利支出            1016.12\n"
                      "          2026年预算支出总表\n"
                      "科目  合计  基本支出\n"
                      "201   1.00      1.00\n"),
            "项目\t合计\n"
            "工资福利支出\t1016.12\n"
            "          2026年预算支出总表\n"
            "科目\t合计\t基本支出\n"
            "201\t1.00\t1.00\n");
}

TEST(SpacedLayout, IdeographsPaddedAsOnePlaceLineUpToo) {
  // Padded by characters, not by display width: 科目名称 takes four places.
  EXPECT_EQ(Tabulated("科目名称  合计    基本支出\n"
                      "行政运行  154.39  154.39\n"
                      "就业补助  926.00\n"
                      "其他      12.00         12.00\n"),
            "科目名称\t合计\t基本支出\n"
            "行政运行\t154.39\t154.39\n"
            "就业补助\t926.00\n"
            "其他\t12.00\t12.00\n");
}

TEST(SpacedLayout, LinesWithTabsAndOverlongLinesAreLeftAsTheyAre) {
  const std::string overlong = "甲  " + std::string(5000, 'x') + "  1.00";
  const std::string text = "科目\t合计  基本\n" + overlong + "\n";
  SpacedLayout done;
  EXPECT_EQ(Tabulated(text, &done), text);
  EXPECT_EQ(done.rows, 0u);
}

TEST(SpacedLayout, ATableCutByABlankLineAfterEveryRowIsReadInLinearTime) {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "行政运行  154.39    154.39\n\n";
  const auto start = std::chrono::steady_clock::now();
  SpacedLayout done;
  Tabulated(text, &done);
  EXPECT_EQ(done.rows, 20000u);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
}

}  // namespace
}  // namespace yusuan
