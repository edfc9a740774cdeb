// The rule engine. A rule is a small named function over the model with a stable id, a
// severity and a description; the registry lists them all (`yusuan rules`, docs/rules.md).
//
//   CheckOptions options;
//   options.disabled = {"text.repeated-word"};
//   std::vector<Finding> findings = CheckDocument(doc, options);
#pragma once

#include <functional>
#include <memory>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "check/finding.h"
#include "model/document.h"

namespace yusuan {

class Reporter;
struct Bound;  // check/binding.h
struct Pair;   // check/pairing.h

// What several rules derive from the same document (the pairing of target tables with
// projects, the prose the wording rules read, the table figure each claim restates), computed
// once per CheckDocument on first use.
class DocumentFacts {
 public:
  explicit DocumentFacts(const Document& doc);
  ~DocumentFacts();
  // PairTargets(doc).
  const std::vector<Pair>& pairs();
  // ReadProseMarks(doc): the marks of every text ForProse lists, in its order.
  const std::vector<uint8_t>& prose_marks();
  // BindClaims(doc).
  const std::vector<Bound>& bindings();

 private:
  const Document& doc_;
  std::unique_ptr<std::vector<Pair>> pairs_;
  std::unique_ptr<std::vector<uint8_t>> prose_marks_;
  std::unique_ptr<std::vector<Bound>> bindings_;
};

struct RuleInfo {
  std::string id;  // "table3.row-sum"
  Severity severity;
  std::string family;   // "表内算术", "表间关系", …
  std::string title;    // one line, Chinese
  std::string example;  // what it catches, Chinese
};

struct Rule {
  RuleInfo info;
  std::function<void(const Document&, Reporter&)> check;
};

// Rules that compare several documents with each other. A run feeds them one document at a
// time: `start` makes the rule's state for a run, a function that reports what a document says
// differently from the documents before it and keeps what later ones are compared with (the
// first statement of each project), never the documents themselves.
struct CrossRule {
  RuleInfo info;
  std::function<std::function<void(const Document&, Reporter&)>()> start;
};

// The most findings one rule lists for one document. A document that breaks a rule on every
// line of a table of a hundred thousand rows gets the first this many (in the order the rule
// found them) and one more finding that counts the rest: the list stays readable, and memory
// stays bounded whatever the input (each finding holds its message). Real documents raise a
// few dozen per rule at most.
constexpr size_t kMaxFindingsPerRule = 10'000;

// Collects the findings of one rule on one document.
class Reporter {
 public:
  Reporter(const RuleInfo& rule, std::vector<Finding>* out, DocumentFacts* facts = nullptr)
      : rule_(rule), out_(out), facts_(facts) {}
  // Reports that the rule found more than it listed (kMaxFindingsPerRule), if it did.
  ~Reporter();
  Reporter(const Reporter&) = delete;
  Reporter& operator=(const Reporter&) = delete;
  void set_document(const Document* doc) { doc_ = doc; }
  const Document* document() const { return doc_; }
  // What the rules derive from the current document. REQUIRES: the reporter was given facts.
  DocumentFacts& facts() { return *facts_; }

  // Reports at `line` of the current document; returns the finding to fill in further.
  Finding& Report(uint32_t line, std::string message);
  // As Report, with a severity other than the rule's own (a rounding-only difference).
  Finding& Report(uint32_t line, std::string message, Severity severity);

 private:
  const RuleInfo& rule_;
  std::vector<Finding>* out_;
  const Document* doc_ = nullptr;
  DocumentFacts* facts_;
  size_t listed_ = 0;
  // Past the limit: how many more were found, the first of their lines and the most serious
  // of their severities; each is made in `unlisted_` and dropped.
  size_t unlisted_count_ = 0;
  uint32_t first_unlisted_line_ = 0;
  Severity unlisted_severity_ = Severity::kInfo;
  Finding unlisted_;
};

struct CheckOptions {
  std::set<std::string> disabled;  // rule ids
};

std::span<const Rule> Rules();
std::span<const CrossRule> CrossRules();
const RuleInfo* FindRule(std::string_view id);

// Runs every enabled rule on `doc`. Findings are ordered by line, then rule.
std::vector<Finding> CheckDocument(const Document& doc, const CheckOptions& options = {});
// The enabled cross-document rules over one run, fed a document at a time:
//
//   CrossChecker across(options);
//   for (each document) findings = across.Add(doc);  // doc may go after the call
class CrossChecker {
 public:
  explicit CrossChecker(const CheckOptions& options = {});
  // What `doc` says differently from the documents added before it, ordered like
  // CheckDocument's findings.
  std::vector<Finding> Add(const Document& doc);

 private:
  struct Running {
    const RuleInfo* info;
    std::function<void(const Document&, Reporter&)> check;
  };
  std::vector<Running> rules_;
};

// Runs the cross-document rules over `docs` in order; each finding names the document it is
// in (the later of the two that differ).
std::vector<Finding> CheckAcross(const std::vector<const Document*>& docs,
                                 const CheckOptions& options = {});

// Registration, one function per rule family (check/*_rules.cc).
void AddTableRules(std::vector<Rule>* rules);
void AddIdentityRules(std::vector<Rule>* rules);
void AddCodeRules(std::vector<Rule>* rules);
void AddNarrativeRules(std::vector<Rule>* rules);
void AddTargetRules(std::vector<Rule>* rules);
void AddLivelihoodRules(std::vector<Rule>* rules);
void AddAssetRules(std::vector<Rule>* rules);
void AddTextRules(std::vector<Rule>* rules);
void AddReadingRules(std::vector<Rule>* rules);
void AddCrossRules(std::vector<CrossRule>* rules);

}  // namespace yusuan
