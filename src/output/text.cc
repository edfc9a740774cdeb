#include "output/text.h"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "model/summary.h"

namespace yusuan {

void PrintText(const Document& doc, std::ostream& out) {
  Summary s = Summarize(doc);
  fmt::print(out, "== {}（{}，{} 行）\n", doc.source, doc.encoding, doc.line_count);
  fmt::print(out, "{} · {} 年 · {} · 地区：{}\n", doc.name.empty() ? "（名称不明）" : doc.name,
             doc.year, DocumentKindName(doc.kind), doc.region.empty() ? "不明" : doc.region);
  if (!doc.tables.empty()) {
    fmt::print(
        out, "收入总计 {} 万元（本年收入 {}，上年结转 {}；一般公共预算 {}，政府性基金 {}）\n",
        FormatWanYuan(s.income_total), FormatWanYuan(s.current_income), FormatWanYuan(s.carryover),
        FormatWanYuan(s.general_public_budget), FormatWanYuan(s.government_fund));
    fmt::print(out, "支出总计 {} 万元（基本支出 {}，项目支出 {}；人员经费 {}，公用经费 {}）\n",
               FormatWanYuan(s.expenditure_total), FormatWanYuan(s.basic_expenditure),
               FormatWanYuan(s.project_expenditure), FormatWanYuan(s.personnel),
               FormatWanYuan(s.public_funds));
    fmt::print(out, "“三公”经费 {} 万元；机关运行经费 {} 万元；项目 本年 {} 个、上年结转 {} 个\n",
               FormatWanYuan(s.three_public), FormatWanYuan(s.org_running), s.projects_current,
               s.projects_carryover);
  }
  fmt::print(out, "标准表 {} 张：\n", doc.tables.size());
  for (const Table& t : doc.tables) {
    int doubtful = 0;
    for (const Row& r : t.rows) doubtful += !r.doubt.empty();
    fmt::print(out, "  表{:<2} {}  第{}行  {} 行{}{}{}\n", static_cast<int>(t.kind()), t.spec->name,
               t.title_at.line, t.rows.size(), t.no_data ? "（本表无数据）" : "",
               t.printed_label.empty() ? "" : "  印为“" + t.printed_label + "”",
               doubtful ? fmt::format("  存疑 {} 行", doubtful) : "");
  }
  fmt::print(out, "绩效目标表 {} 张（项目 {} 张）\n", doc.targets.size(), s.performance_tables);
  for (const TargetTable& t : doc.targets) {
    const Amount& annual = t.funds[kAnnual].total;
    fmt::print(out, "  第{}行 {} {}  指标 实施期 {} 个 / 年度 {} 个{}  配对{}{}\n", t.at.line,
               t.kind == TargetTable::Kind::kOverall ? "整体" : "项目",
               t.project_name.text.empty() ? "（未读到项目名称）" : t.project_name.text,
               t.indicators[kImplementation].size(), t.indicators[kAnnual].size(),
               annual.present() ? "  年度资金 " + FormatIn(annual, MoneyUnit::kYuan) + " 元" : "",
               t.confidence == Confidence::kFull      ? "确定"
               : t.confidence == Confidence::kPartial ? "部分存疑"
                                                      : "无法确定",
               t.gaps.empty() ? "" : fmt::format("（{} 处缺口）", t.gaps.size()));
  }
  if (doc.livelihood.present) {
    fmt::print(out, "民生重大事项 {} 项，合计 {} 元{}\n", s.livelihood_projects,
               FormatYuan(s.livelihood_total),
               doc.livelihood.total.present()
                   ? "（表内合计 " + FormatIn(doc.livelihood.total, MoneyUnit::kYuan) + " 元）"
                   : "");
    for (const LivelihoodRow& r : doc.livelihood.rows) {
      fmt::print(out, "  {:>2}. {} · {} · {} 元{}\n", r.number, r.unit, r.project,
                 r.amount.present() ? FormatIn(r.amount, MoneyUnit::kYuan) : "?",
                 r.target >= 0 ? fmt::format("  → 绩效目标表第{}行", doc.targets[r.target].at.line)
                               : "  → 未找到绩效目标表");
    }
  }
  fmt::print(out, "情况说明 {} 节\n", doc.narrative.size());
  if (doc.assets.present) {
    fmt::print(out, "国有资产：公务用车编制 {} 辆，实有 {} 辆；办公用房 {} 平方米\n",
               doc.assets.vehicle_quota.printed.empty() ? "?" : doc.assets.vehicle_quota.printed,
               doc.assets.vehicles_held.printed.empty() ? "?" : doc.assets.vehicles_held.printed,
               doc.assets.office_area.printed.empty() ? "?" : doc.assets.office_area.printed);
  }
  if (!doc.diagnostics.empty()) {
    fmt::print(out, "读取提示 {} 条：\n", doc.diagnostics.size());
    for (const Diagnostic& d : doc.diagnostics) {
      fmt::print(out, "  {}:{}: {}\n", doc.source, d.at.line, d.message);
    }
  }
}

}  // namespace yusuan
