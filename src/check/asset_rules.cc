// 国有资产占有使用情况 and the 三公 figures that depend on it.
#include <fmt/format.h>

#include "base/text.h"
#include "check/common.h"

namespace yusuan {

void AddAssetRules(std::vector<Rule>* rules) {
  rules->push_back(Rule{{"assets.vehicles-quota", Severity::kWarning, "国有资产",
                         "实有公务用车不超过编制数", "公务用车编制 0 辆，实有 1 辆"},
                        [](const Document& doc, Reporter& rep) {
                          const Assets& a = doc.assets;
                          if (a.vehicle_quota.printed.empty() || a.vehicles_held.printed.empty())
                            return;
                          if (a.vehicles_held.hundredths <= a.vehicle_quota.hundredths) return;
                          Finding& f = rep.Report(
                              a.vehicles_held.at.line,
                              fmt::format("公务用车实有 {} 辆，超过编制 {} 辆",
                                          a.vehicles_held.printed, a.vehicle_quota.printed));
                          f.expected = "≤ " + a.vehicle_quota.printed;
                          f.actual = a.vehicles_held.printed;
                        }});
  rules->push_back(Rule{
      {"assets.vehicles-by-type", Severity::kError, "国有资产", "各类公务用车之和等于实有车辆数",
       "实有 3 辆，其中领导用车 1 辆、执法执勤用车 1 辆，合计 2 辆"},
      [](const Document& doc, Reporter& rep) {
        const Assets& a = doc.assets;
        if (a.vehicles_held.printed.empty() || a.vehicles_by_type.empty()) return;
        __int128 sum = 0;  // quantities are bounded one by one, not their sum
        for (const Quantity& q : a.vehicles_by_type) sum += q.hundredths;
        if (sum == a.vehicles_held.hundredths) return;
        Finding& f = rep.Report(a.vehicles_held.at.line,
                                fmt::format("公务用车实有 {} 辆，而各类用车之和为 {} 辆",
                                            a.vehicles_held.printed, sum / 100));
        f.expected = fmt::to_string(sum / 100);
        f.actual = a.vehicles_held.printed;
      }});
  rules->push_back(Rule{
      {"assets.vehicle-running-cost", Severity::kWarning, "国有资产",
       "没有公务用车时不应安排公务用车运行维护费", "实有 0 辆，表10 公务用车运行维护费 1.48 万元"},
      [](const Document& doc, Reporter& rep) {
        const Assets& a = doc.assets;
        const Table* t10 = doc.table(TableKind::kThreePublic);
        if (!t10 || a.vehicles_held.printed.empty() || a.vehicles_held.hundredths != 0) return;
        const Row* op = t10->find_key("vehicle_operation");
        if (!op || op->amount(*t10, "total").fen <= 0) return;
        Finding& f = rep.Report(
            op->at.line,
            fmt::format("国有资产情况称实有公务用车 0 辆，表10 却安排公务用车运行维护费 {}",
                        Money(op->amount(*t10, "total"), t10->unit)));
        f.related_lines.push_back(a.vehicles_held.at.line);
      }});
}

}  // namespace yusuan
