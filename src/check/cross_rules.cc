// Across documents checked together: the same project must say the same thing everywhere.
//
// Each rule keeps, for the rest of the run, the first statement of every project it has seen:
// a run over a province's documents keeps hundreds of thousands, so they are kept compactly
// (texts in large blocks, one copy of a statement for every key it is found under, a file name
// once per document) rather than as a map of strings each.
#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <tuple>
#include <unordered_map>

#include "base/text.h"
#include "check/common.h"
#include "check/pairing.h"
#include "model/text.h"

namespace yusuan {
namespace {

// The documents of a run by ordinal, for naming the one a first statement came from, and the
// texts the rules keep for the rest of the run, copied into large blocks (TextBacking with no
// text of its own): a string for each would cost an allocation and 32 bytes more than the text.
class Sources {
 public:
  // The ordinal of `doc`, the next one.
  uint32_t Add(const Document& doc) {
    names_.push_back(Keep(doc.source));
    return static_cast<uint32_t>(names_.size() - 1);
  }
  std::string_view operator[](uint32_t doc) const { return names_[doc]; }
  // A copy of `s` kept until the run ends.
  std::string_view Keep(std::string_view s) { return pool_.Keep(s).view(); }

 private:
  TextBacking pool_{std::string()};
  std::vector<std::string_view> names_;
};

bool Compared(const TargetTable& t) {
  return t.kind == TargetTable::Kind::kProject && !t.project_name.text.empty();
}

// The key under which two documents name the same project differently: its implementing unit
// with its annual amount; empty when either is missing.
void UnitKey(const TargetTable& t, std::string* key) {
  key->clear();
  if (t.implementing_unit.text.empty() || !t.funds[kAnnual].total.present()) return;
  *key = "unit:";
  AppendPairKey(t.implementing_unit.text, key);
  *key += "|" + std::to_string(t.funds[kAnnual].total.fen);
}

void NameKey(const TargetTable& t, std::string* key) {
  *key = "name:";
  AppendPairKey(t.project_name.text, key);
}

// The first statement of a project's annual amount.
struct FirstAmount {
  uint32_t doc;
  uint32_t line;
  Amount amount;
};

// An annual indicator of a first statement: the `occurrence`-th (from 0) of its name in the
// statement, as a project may list several indicators under one name (a name the PDF cut
// short: "农村领证生子" four times, with four values).
struct FirstValue {
  std::string_view name;  // PairKey of the name
  uint32_t occurrence;
  uint32_t line;
  std::string_view raw;  // as printed
};

bool operator<(const FirstValue& a, const FirstValue& b) {
  return std::tie(a.name, a.occurrence) < std::tie(b.name, b.occurrence);
}

// The first statement of a project's annual indicators: values [first, first + count) of the
// rule's list, sorted by name and occurrence.
struct FirstIndicators {
  uint32_t doc;
  uint32_t first, count;
};

// The PairKey of each annual indicator's name of a target, with its occurrence among the names
// before it, in order: the keys written one after another into one reused text (a run over a
// province's documents meets every project's indicators, and a string and a hash-map node for
// each cost more than the keys).
class NameKeys {
 public:
  void Read(const TargetTable& t) {
    text_.clear();
    starts_.clear();
    for (const Indicator& i : t.indicators[kAnnual]) {
      starts_.push_back(static_cast<uint32_t>(text_.size()));
      AppendPairKey(i.name, &text_);
    }
    starts_.push_back(static_cast<uint32_t>(text_.size()));
    // Occurrences from the keys sorted, each key's indicators in their order: a project may
    // list any number of indicators, and a scan of the earlier keys for each would grow with
    // their square.
    const uint32_t n = size();
    order_.resize(n);
    for (uint32_t k = 0; k < n; ++k) order_[k] = k;
    std::sort(order_.begin(), order_.end(), [&](uint32_t a, uint32_t b) {
      const int order = key(a).compare(key(b));
      return order < 0 || (order == 0 && a < b);
    });
    occurrence_.resize(n);
    for (uint32_t j = 0; j < n; ++j) {
      const bool same = j > 0 && key(order_[j]) == key(order_[j - 1]);
      occurrence_[order_[j]] = same ? occurrence_[order_[j - 1]] + 1 : 0;
    }
  }
  uint32_t size() const { return static_cast<uint32_t>(starts_.size() - 1); }
  std::string_view key(uint32_t k) const {
    return std::string_view(text_).substr(starts_[k], starts_[k + 1] - starts_[k]);
  }
  uint32_t occurrence(uint32_t k) const { return occurrence_[k]; }

 private:
  std::string text_;
  std::vector<uint32_t> starts_, order_, occurrence_;
};

}  // namespace

void AddCrossRules(std::vector<CrossRule>* rules) {
  rules->push_back(CrossRule{
      {"cross.project-amount", Severity::kError, "跨文件", "同一项目在不同文件中的年度资金须一致",
       "民生情况表中 35,000,000 元，单位预算的目标表中 3,500,000 元"},
      [] {
        return [sources = std::make_shared<Sources>(),
                first = std::unordered_map<std::string_view, FirstAmount>(),
                key = std::string()](const Document& doc, Reporter& rep) mutable {
          const uint32_t ordinal = sources->Add(doc);
          for (const TargetTable& t : doc.targets) {
            if (!Compared(t)) continue;
            const Amount& b = t.funds[kAnnual].total;
            NameKey(t, &key);
            auto it = first.find(key);
            if (it == first.end()) {
              first.emplace(sources->Keep(key), FirstAmount{ordinal, t.funds[kAnnual].at.line, b});
              continue;
            }
            const FirstAmount& f = it->second;
            if (f.doc == ordinal) continue;
            if (!f.amount.present() || !b.present() || f.amount.fen == b.fen) continue;
            Finding& finding = rep.Report(
                t.funds[kAnnual].at.line,
                fmt::format("项目“{}”年度资金 {}，而在 {} 第{}行为 {}", t.project_name.text,
                            Money(b, MoneyUnit::kYuan), (*sources)[f.doc], f.line,
                            Money(f.amount, MoneyUnit::kYuan)));
            finding.expected = Money(f.amount, MoneyUnit::kYuan);
            finding.actual = Money(b, MoneyUnit::kYuan);
          }
        };
      }});
  rules->push_back(CrossRule{
      {"cross.project-indicators", Severity::kWarning, "跨文件",
       "同一项目在不同文件中的年度指标值须一致", "同一项目一处“≤386人”，另一处“≤388人”"},
      [] {
        struct State {
          Sources sources;
          std::vector<FirstValue> values;
          std::vector<FirstIndicators> statements;
          // Under its name and under its unit: both keys of a target lead to the statement
          // of the first target that had the key.
          std::unordered_map<std::string_view, uint32_t> by_key;
          std::string keys[2];
          NameKeys names;
        };
        return [state = std::make_shared<State>()](const Document& doc, Reporter& rep) {
          State& s = *state;
          const uint32_t ordinal = s.sources.Add(doc);
          for (const TargetTable& t : doc.targets) {
            if (!Compared(t)) continue;
            NameKey(t, &s.keys[0]);
            UnitKey(t, &s.keys[1]);
            s.names.Read(t);
            const NameKeys& names = s.names;
            // The statement this target makes, once, for whichever of its keys is new.
            std::optional<uint32_t> own;
            auto make_own = [&] {
              if (own) return *own;
              FirstIndicators f{ordinal, static_cast<uint32_t>(s.values.size()), 0};
              for (uint32_t k = 0; k < names.size(); ++k) {
                const Indicator& i = t.indicators[kAnnual][k];
                s.values.push_back(FirstValue{s.sources.Keep(names.key(k)), names.occurrence(k),
                                              i.value_at.line, s.sources.Keep(i.value.raw)});
              }
              f.count = static_cast<uint32_t>(s.values.size() - f.first);
              std::sort(s.values.begin() + f.first, s.values.end());
              s.statements.push_back(f);
              own = static_cast<uint32_t>(s.statements.size() - 1);
              return *own;
            };
            // The same statement may be found under both keys: compared once.
            std::optional<uint32_t> compared;
            for (const std::string& key : s.keys) {
              if (key.empty()) continue;
              auto it = s.by_key.find(key);
              if (it == s.by_key.end()) {
                s.by_key.emplace(s.sources.Keep(key), make_own());
                continue;
              }
              const FirstIndicators& f = s.statements[it->second];
              if (f.doc == ordinal || compared == it->second) continue;
              compared = it->second;
              const auto begin = s.values.begin() + f.first, end = begin + f.count;
              for (uint32_t k = 0; k < names.size(); ++k) {
                const Indicator& i = t.indicators[kAnnual][k];
                // A value the first statement gives under the same name is no difference;
                // else the value is compared with its counterpart (the same occurrence of the
                // name), or with the first of the name when the first statement has fewer.
                auto [from, to] = std::equal_range(
                    begin, end, FirstValue{names.key(k), 0, 0, {}},
                    [](const FirstValue& a, const FirstValue& b) { return a.name < b.name; });
                if (from == to || std::any_of(from, to, [&](const FirstValue& v) {
                      return SameKey(i.value.raw, v.raw);
                    })) {
                  continue;
                }
                const auto counterpart = std::find_if(from, to, [&](const FirstValue& v) {
                  return v.occurrence == names.occurrence(k);
                });
                const FirstValue* v = counterpart != to ? &*counterpart : &*from;
                Finding& finding =
                    rep.Report(i.value_at.line ? i.value_at.line : i.at.line,
                               fmt::format("项目“{}”的指标“{}”为“{}”，而在 {} 第{}行为“{}”",
                                           t.project_name.text, i.name, i.value.raw,
                                           s.sources[f.doc], v->line, v->raw));
                finding.expected = std::string(v->raw);
                finding.actual = i.value.raw;
              }
            }
          }
        };
      }});
}

}  // namespace yusuan
