// Key figures of a document, each as the document states it (absent: zero). Derived from the
// model, never stored in it.
#pragma once

#include <cstdint>
#include <string>

#include "model/document.h"

namespace yusuan {

struct Summary {
  DocumentKind kind = DocumentKind::kUnknown;
  int year = 0;
  std::string name;
  int64_t income_total = 0;           // 表1 收入总计
  int64_t expenditure_total = 0;      // 表1 支出总计
  int64_t current_income = 0;         // 表1 本年收入合计
  int64_t carryover = 0;              // 表1 上年结转
  int64_t general_public_budget = 0;  // 表1 一般公共预算 income
  int64_t government_fund = 0;        // 表1 政府性基金预算 income
  int64_t basic_expenditure = 0;      // 表3 合计 基本支出
  int64_t project_expenditure = 0;    // 表3 合计 项目支出
  int64_t personnel = 0;              // 表6 合计 人员经费
  int64_t public_funds = 0;           // 表6 合计 公用经费
  int64_t three_public = 0;           // 表10 合计
  int64_t org_running = 0;            // 表11 合计
  int projects_current = 0;           // 表12 project rows
  int projects_carryover = 0;         // 表13 project rows
  int performance_tables = 0;         // 项目支出绩效目标表
  int livelihood_projects = 0;        // 民生 summary rows
  int64_t livelihood_total = 0;       // their sum
};

Summary Summarize(const Document& doc);

}  // namespace yusuan
