// Across documents checked together: the same project must say the same thing everywhere.
#include <fmt/format.h>

#include <map>
#include <set>

#include "base/text.h"
#include "check/common.h"
#include "check/pairing.h"

namespace yusuan {
namespace {

// Keys of a project: its name, and (for indicators) its implementing unit with its annual
// amount, under which two documents name the same project differently.
std::string NameKey(const TargetTable& t) { return "name:" + PairKey(t.project_name.text); }
std::string UnitKey(const TargetTable& t) {
  if (t.implementing_unit.text.empty() || !t.funds[kAnnual].total.present()) return {};
  return "unit:" + PairKey(t.implementing_unit.text) + "|" +
         std::to_string(t.funds[kAnnual].total.fen);
}

bool Compared(const TargetTable& t) {
  return t.kind == TargetTable::Kind::kProject && !t.project_name.text.empty();
}

// The first statement of a project's annual amount.
struct FirstAmount {
  size_t doc;  // ordinal in the run
  std::string source;
  Amount amount;
  uint32_t line;
};

// The first statement of a project's annual indicators: value by indicator name.
struct FirstIndicators {
  struct Value {
    std::string raw, key;  // as printed, and MatchKey
    uint32_t line;
  };
  size_t doc;
  size_t id;  // tells the statements apart, for comparing each pair once
  std::string source;
  std::map<std::string, Value, std::less<>> values;  // by PairKey(name)
};

}  // namespace

void AddCrossRules(std::vector<CrossRule>* rules) {
  rules->push_back(CrossRule{
      {"cross.project-amount", Severity::kError, "跨文件", "同一项目在不同文件中的年度资金须一致",
       "民生情况表中 35,000,000 元，单位预算的目标表中 3,500,000 元"},
      [] {
        return [first = std::map<std::string, FirstAmount>(), docs = size_t{0}](
                   const Document& doc, Reporter& rep) mutable {
          const size_t ordinal = docs++;
          for (const TargetTable& t : doc.targets) {
            if (!Compared(t)) continue;
            const Amount& b = t.funds[kAnnual].total;
            auto [it, added] = first.try_emplace(
                NameKey(t), FirstAmount{ordinal, doc.source, b, t.funds[kAnnual].at.line});
            const FirstAmount& f = it->second;
            if (added || f.doc == ordinal) continue;
            if (!f.amount.present() || !b.present() || f.amount.fen == b.fen) continue;
            Finding& finding =
                rep.Report(t.funds[kAnnual].at.line,
                           fmt::format("项目“{}”年度资金 {}，而在 {} 第{}行为 {}",
                                       t.project_name.text, Money(b, MoneyUnit::kYuan), f.source,
                                       f.line, Money(f.amount, MoneyUnit::kYuan)));
            finding.expected = Money(f.amount, MoneyUnit::kYuan);
            finding.actual = Money(b, MoneyUnit::kYuan);
          }
        };
      }});
  rules->push_back(CrossRule{
      {"cross.project-indicators", Severity::kWarning, "跨文件",
       "同一项目在不同文件中的年度指标值须一致", "同一项目一处“≤386人”，另一处“≤388人”"},
      [] {
        return [first = std::map<std::string, FirstIndicators>(), docs = size_t{0}, ids = size_t{0},
                name_key = std::string()](const Document& doc, Reporter& rep) mutable {
          const size_t ordinal = docs++;
          for (const TargetTable& t : doc.targets) {
            if (!Compared(t)) continue;
            // The same statements meet under the name and under the unit: compare them once.
            std::set<size_t> compared;
            for (const std::string& key : {NameKey(t), UnitKey(t)}) {
              if (key.empty()) continue;
              auto [it, added] = first.try_emplace(key);
              FirstIndicators& f = it->second;
              if (added) {
                f.doc = ordinal;
                f.id = ids++;
                f.source = doc.source;
                for (const Indicator& i : t.indicators[kAnnual]) {
                  f.values.emplace(PairKey(i.name),
                                   FirstIndicators::Value{i.value.raw.str(), MatchKey(i.value.raw),
                                                          i.value_at.line});
                }
                continue;
              }
              if (f.doc == ordinal || !compared.insert(f.id).second) continue;
              for (const Indicator& i : t.indicators[kAnnual]) {
                name_key.clear();  // one buffer for every name looked up
                AppendPairKey(i.name, &name_key);
                auto v = f.values.find(name_key);
                if (v == f.values.end() || KeyIs(i.value.raw, v->second.key)) continue;
                Finding& finding =
                    rep.Report(i.value_at.line ? i.value_at.line : i.at.line,
                               fmt::format("项目“{}”的指标“{}”为“{}”，而在 {} 第{}行为“{}”",
                                           t.project_name.text, i.name, i.value.raw, f.source,
                                           v->second.line, v->second.raw));
                finding.expected = v->second.raw;
                finding.actual = i.value.raw;
              }
            }
          }
        };
      }});
}

}  // namespace yusuan
