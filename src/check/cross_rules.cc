// Across documents checked together: the same project must say the same thing everywhere.
#include <fmt/format.h>

#include <map>
#include <set>

#include "base/text.h"
#include "check/common.h"
#include "check/pairing.h"

namespace yusuan {
namespace {

struct Seen {
  const Document* doc;
  const TargetTable* table;
};

// Groups of target tables that are the same project: the same name, or (with `by_unit`)
// the same implementing unit and annual amount.
std::map<std::string, std::vector<Seen>> ByProject(const std::vector<const Document*>& docs,
                                                   bool by_unit) {
  std::map<std::string, std::vector<Seen>> out;
  for (const Document* d : docs) {
    for (const TargetTable& t : d->targets) {
      if (t.kind != TargetTable::Kind::kProject || t.project_name.text.empty()) continue;
      out["name:" + PairKey(t.project_name.text)].push_back(Seen{d, &t});
      if (by_unit && !t.implementing_unit.text.empty() && t.funds[kAnnual].total.present()) {
        out["unit:" + PairKey(t.implementing_unit.text) + "|" +
            std::to_string(t.funds[kAnnual].total.fen)]
            .push_back(Seen{d, &t});
      }
    }
  }
  return out;
}

}  // namespace

void AddCrossRules(std::vector<CrossRule>* rules) {
  rules->push_back(CrossRule{
      {"cross.project-amount", Severity::kError, "跨文件", "同一项目在不同文件中的年度资金须一致",
       "民生情况表中 35,000,000 元，单位预算的目标表中 3,500,000 元"},
      [](const std::vector<const Document*>& docs, Reporter& rep) {
        for (const auto& [key, seen] : ByProject(docs, false)) {
          if (seen.size() < 2) continue;
          const Seen& first = seen.front();
          for (size_t i = 1; i < seen.size(); ++i) {
            const Seen& s = seen[i];
            if (s.doc == first.doc) continue;
            const Amount& a = first.table->funds[kAnnual].total;
            const Amount& b = s.table->funds[kAnnual].total;
            if (!a.present() || !b.present() || a.fen == b.fen) continue;
            rep.set_document(s.doc);
            Finding& f = rep.Report(
                s.table->funds[kAnnual].at.line,
                fmt::format("项目“{}”年度资金 {}，而在 {} 第{}行为 {}", s.table->project_name.text,
                            Money(b, MoneyUnit::kYuan), first.doc->source,
                            first.table->funds[kAnnual].at.line, Money(a, MoneyUnit::kYuan)));
            f.expected = Money(a, MoneyUnit::kYuan);
            f.actual = Money(b, MoneyUnit::kYuan);
          }
        }
      }});
  rules->push_back(CrossRule{
      {"cross.project-indicators", Severity::kWarning, "跨文件",
       "同一项目在不同文件中的年度指标值须一致", "同一项目一处“≤386人”，另一处“≤388人”"},
      [](const std::vector<const Document*>& docs, Reporter& rep) {
        std::set<std::pair<const TargetTable*, const TargetTable*>> compared;
        for (const auto& [key, seen] : ByProject(docs, true)) {
          if (seen.size() < 2) continue;
          const Seen& first = seen.front();
          std::map<std::string, const Indicator*> values;
          for (const Indicator& i : first.table->indicators[kAnnual])
            values.emplace(PairKey(i.name), &i);
          for (size_t k = 1; k < seen.size(); ++k) {
            const Seen& s = seen[k];
            if (s.doc == first.doc || !compared.emplace(first.table, s.table).second) continue;
            for (const Indicator& i : s.table->indicators[kAnnual]) {
              auto it = values.find(PairKey(i.name));
              if (it == values.end() || MatchKey(it->second->value.raw) == MatchKey(i.value.raw))
                continue;
              rep.set_document(s.doc);
              Finding& f = rep.Report(
                  i.value_at.line ? i.value_at.line : i.at.line,
                  fmt::format("项目“{}”的指标“{}”为“{}”，而在 {} 第{}行为“{}”",
                              s.table->project_name.text, i.name, i.value.raw, first.doc->source,
                              it->second->value_at.line, it->second->value.raw));
              f.expected = it->second->value.raw;
              f.actual = i.value.raw;
            }
          }
        }
      }});
}

}  // namespace yusuan
