#include "read/sections.h"

#include <gtest/gtest.h>

namespace yusuan {
namespace {

TEST(IsSectionHeading, TakesOrdinalLinesAndMarkdownHeadingsOnly) {
  for (const char* heading :
       {"一、部门职责", "  （二）机构设置", "(三) 人员情况", "1、收支情况", "十一、其他说明",
        "②公务接待费", "# 第三部分", "### 概况", "**一、基本支出：**", "<b>二、项目支出</b>"}) {
    EXPECT_TRUE(IsSectionHeading(heading)) << heading;
  }
  for (const char* line :
       {"", "   ", "部门职责", "一、本单位职责包括：贯彻落实方针政策，负责参保登记。",
        "一、\t部门职责", "二零二六年", "两、部门职责", "2026年预算收入总计6056.35万元。",
        "<p>根据文件</p>", "*注：单位为万元"}) {
    EXPECT_FALSE(IsSectionHeading(line)) << line;
  }
}

}  // namespace
}  // namespace yusuan
