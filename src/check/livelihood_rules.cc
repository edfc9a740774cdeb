// 民生领域重大事项绩效目标情况表: the summary against its rows and its target tables.
#include <fmt/format.h>

#include <set>

#include "base/text.h"
#include "check/common.h"
#include "check/pairing.h"

namespace yusuan {
namespace {

void Add(std::vector<Rule>* rules, std::string id, Severity severity, std::string title,
         std::string example, std::function<void(const Document&, Reporter&)> check) {
  rules->push_back(Rule{{std::move(id), severity, "民生事项", std::move(title), std::move(example)},
                        std::move(check)});
}

}  // namespace

void AddLivelihoodRules(std::vector<Rule>* rules) {
  Add(rules, "livelihood.total", Severity::kError, "民生事项情况表：合计 = 各行预算金额之和",
      "合计 108,156,100 元，四行之和 108,165,100 元", [](const Document& doc, Reporter& rep) {
        const LivelihoodSummary& s = doc.livelihood;
        if (!s.present || !s.total.present()) return;
        std::vector<Amount> parts;
        std::vector<uint32_t> lines;
        for (const LivelihoodRow& r : s.rows) {
          parts.push_back(r.amount);
          lines.push_back(r.at.line);
        }
        ReportSum(rep, s.total_at.line, "民生事项情况表合计应等于各行之和", s.total, parts, lines,
                  MoneyUnit::kYuan);
      });
  Add(rules, "livelihood.row-without-table", Severity::kError,
      "情况表的每一行须附有其项目支出绩效目标表", "第30行“生态环境巡查服务”没有绩效目标表",
      [](const Document& doc, Reporter& rep) {
        for (const LivelihoodRow& r : doc.livelihood.rows) {
          if (r.target >= 0) continue;
          rep.Report(r.at.line,
                     fmt::format("民生事项第{}项“{}”（{}）没有对应的项目支出绩效目标表", r.number,
                                 r.project, Money(r.amount, MoneyUnit::kYuan)));
        }
      });
  Add(rules, "livelihood.table-without-row", Severity::kError, "每张绩效目标表须列入情况表",
      "绩效目标表“城区学前教育公用经费”不在情况表中", [](const Document& doc, Reporter& rep) {
        if (!doc.livelihood.present) return;
        std::set<int> linked;
        for (const LivelihoodRow& r : doc.livelihood.rows) linked.insert(r.target);
        for (size_t k = 0; k < doc.targets.size(); ++k) {
          if (linked.count(static_cast<int>(k)) ||
              doc.targets[k].kind != TargetTable::Kind::kProject) {
            continue;
          }
          const TargetTable& t = doc.targets[k];
          rep.Report(t.project_name.at.line ? t.project_name.at.line : t.at.line,
                     fmt::format("绩效目标表“{}”未列入民生事项情况表", t.project_name.text));
        }
      });
  Add(rules, "livelihood.amount", Severity::kError,
      "情况表中的预算金额 = 其绩效目标表的年度资金总额",
      "情况表 35,000,000 元，绩效目标表年度资金 3,500,000 元",
      [](const Document& doc, Reporter& rep) {
        for (const LivelihoodRow& r : doc.livelihood.rows) {
          if (r.target < 0) continue;
          const TargetTable& t = doc.targets[r.target];
          const Amount& annual = t.funds[kAnnual].total;
          if (!annual.present() || !r.amount.present()) continue;
          SumResult s = CompareEqual(r.amount, annual);
          if (s.ok) continue;
          Finding& f = rep.Report(
              r.at.line,
              fmt::format("民生事项“{}”预算金额 {}，其绩效目标表年度资金总额 {}", r.project,
                          Money(r.amount, MoneyUnit::kYuan), Money(annual, MoneyUnit::kYuan)));
          f.expected = Money(annual, MoneyUnit::kYuan);
          f.actual = Money(r.amount, MoneyUnit::kYuan);
          f.related_lines.push_back(t.funds[kAnnual].at.line);
        }
      });
  Add(rules, "livelihood.name", Severity::kWarning, "情况表中的项目名称与其绩效目标表一致",
      "情况表“城乡义务教育生均公用经费”，目标表“城区城乡义务教育生均公用经费”",
      [](const Document& doc, Reporter& rep) {
        for (const LivelihoodRow& r : doc.livelihood.rows) {
          if (r.target < 0) continue;
          const TargetTable& t = doc.targets[r.target];
          if (PairKey(r.project) == PairKey(t.project_name.text)) continue;
          Finding& f =
              rep.Report(r.at.line, fmt::format("民生事项“{}”与其绩效目标表的项目名称“{}”不一致",
                                                r.project, t.project_name.text));
          f.expected = r.project;
          f.actual = t.project_name.text;
          f.related_lines.push_back(t.project_name.at.line);
        }
      });
}

}  // namespace yusuan
