#include <fmt/format.h>

#include <algorithm>
#include <numeric>

#include "check/binding.h"
#include "check/pairing.h"
#include "check/prose.h"
#include "check/rule.h"

namespace yusuan {

std::string_view SeverityId(Severity s) {
  switch (s) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kInfo:
      return "info";
  }
  return "info";
}

Severity SeverityFromId(std::string_view id) {
  if (id == "warning") return Severity::kWarning;
  if (id == "info") return Severity::kInfo;
  return Severity::kError;
}

Counts Count(const std::vector<Finding>& findings) {
  Counts c;
  for (const Finding& f : findings) {
    (f.severity == Severity::kError     ? c.error
     : f.severity == Severity::kWarning ? c.warning
                                        : c.info)++;
  }
  return c;
}

std::string_view SeverityName(Severity s) {
  switch (s) {
    case Severity::kError:
      return "错误";
    case Severity::kWarning:
      return "警告";
    case Severity::kInfo:
      return "提示";
  }
  return "提示";
}

DocumentFacts::DocumentFacts(const Document& doc) : doc_(doc) {}
DocumentFacts::~DocumentFacts() = default;

const std::vector<Pair>& DocumentFacts::pairs() {
  if (!pairs_) pairs_ = std::make_unique<std::vector<Pair>>(PairTargets(doc_));
  return *pairs_;
}

const std::vector<Bound>& DocumentFacts::bindings() {
  if (!bindings_) bindings_ = std::make_unique<std::vector<Bound>>(BindClaims(doc_));
  return *bindings_;
}

const std::vector<uint8_t>& DocumentFacts::prose_marks() {
  if (!prose_marks_) prose_marks_ = std::make_unique<std::vector<uint8_t>>(ReadProseMarks(doc_));
  return *prose_marks_;
}

Finding& Reporter::Report(uint32_t line, std::string message) {
  return Report(line, std::move(message), rule_.severity);
}

Finding& Reporter::Report(uint32_t line, std::string message, Severity severity) {
  if (listed_ >= kMaxFindingsPerRule) {
    if (unlisted_count_++ == 0) first_unlisted_line_ = line;
    unlisted_severity_ = std::min(unlisted_severity_, severity);
    // The rule fills in the finding it is given; this one is dropped at the next report.
    unlisted_.message = std::move(message);
    unlisted_.expected.clear();
    unlisted_.actual.clear();
    unlisted_.related_lines.clear();
    return unlisted_;
  }
  ++listed_;
  Finding f;
  f.rule = rule_.id;
  f.severity = severity;
  f.message = std::move(message);
  f.file = doc_ ? doc_->source : std::string();
  f.line = line;
  out_->push_back(std::move(f));
  return out_->back();
}

Reporter::~Reporter() {
  if (unlisted_count_ == 0) return;
  Finding f;
  f.rule = rule_.id;
  f.severity = unlisted_severity_;
  f.message = fmt::format(
      "本规则在本文件还有 {} 处问题未逐条列出（每条规则每份文件最多列出 {} 处），本行是其中第一处",
      unlisted_count_, kMaxFindingsPerRule);
  f.file = doc_ ? doc_->source : std::string();
  f.line = first_unlisted_line_;
  out_->push_back(std::move(f));
}

std::span<const Rule> Rules() {
  static const std::vector<Rule> rules = [] {
    std::vector<Rule> r;
    AddTableRules(&r);
    AddIdentityRules(&r);
    AddCodeRules(&r);
    AddNarrativeRules(&r);
    AddTargetRules(&r);
    AddLivelihoodRules(&r);
    AddAssetRules(&r);
    AddTextRules(&r);
    AddReadingRules(&r);
    return r;
  }();
  return rules;
}

std::span<const CrossRule> CrossRules() {
  static const std::vector<CrossRule> rules = [] {
    std::vector<CrossRule> r;
    AddCrossRules(&r);
    return r;
  }();
  return rules;
}

const RuleInfo* FindRule(std::string_view id) {
  for (const Rule& r : Rules()) {
    if (r.info.id == id) return &r.info;
  }
  for (const CrossRule& r : CrossRules()) {
    if (r.info.id == id) return &r.info;
  }
  return nullptr;
}

static void Order(std::vector<Finding>* findings) {
  // By file, line and rule, keeping the order rules reported in. Sorted through their indices
  // and then moved into place: a stable sort of the findings themselves takes a buffer of half
  // of them, tens of MB for a document with a finding on every line.
  std::vector<Finding>& f = *findings;
  std::vector<uint32_t> order(f.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    const Finding &x = f[a], &y = f[b];
    if (x.file != y.file) return x.file < y.file;
    if (x.line != y.line) return x.line < y.line;
    if (x.rule != y.rule) return x.rule < y.rule;
    return a < b;
  });
  // Position i takes finding order[i]: each cycle of the permutation is followed once, and a
  // position done points at itself.
  for (uint32_t i = 0; i < order.size(); ++i) {
    if (order[i] == i) continue;
    Finding first = std::move(f[i]);
    uint32_t j = i;
    while (order[j] != i) {
      const uint32_t next = order[j];
      f[j] = std::move(f[next]);
      order[j] = j;
      j = next;
    }
    f[j] = std::move(first);
    order[j] = j;
  }
  // The same rule may reach the same figure from two directions: report it once.
  findings->erase(std::unique(findings->begin(), findings->end(),
                              [](const Finding& a, const Finding& b) {
                                return a.file == b.file && a.line == b.line && a.rule == b.rule &&
                                       a.message == b.message;
                              }),
                  findings->end());
}

std::vector<Finding> CheckDocument(const Document& doc, const CheckOptions& options) {
  std::vector<Finding> findings;
  DocumentFacts facts(doc);
  for (const Rule& rule : Rules()) {
    if (options.disabled.count(rule.info.id)) continue;
    Reporter reporter(rule.info, &findings, &facts);
    reporter.set_document(&doc);
    rule.check(doc, reporter);
  }
  Order(&findings);
  return findings;
}

CrossChecker::CrossChecker(const CheckOptions& options) {
  for (const CrossRule& rule : CrossRules()) {
    if (!options.disabled.count(rule.info.id)) rules_.push_back(Running{&rule.info, rule.start()});
  }
}

std::vector<Finding> CrossChecker::Add(const Document& doc) {
  std::vector<Finding> findings;
  for (Running& rule : rules_) {
    Reporter reporter(*rule.info, &findings);
    reporter.set_document(&doc);
    rule.check(doc, reporter);
  }
  Order(&findings);
  return findings;
}

std::vector<Finding> CheckAcross(const std::vector<const Document*>& docs,
                                 const CheckOptions& options) {
  std::vector<Finding> findings;
  CrossChecker across(options);
  for (const Document* doc : docs) {
    std::vector<Finding> more = across.Add(*doc);
    findings.insert(findings.end(), more.begin(), more.end());
  }
  Order(&findings);
  return findings;
}

}  // namespace yusuan
