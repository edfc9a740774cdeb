#include "model/summary.h"

#include <algorithm>

namespace yusuan {
namespace {

int64_t Fen(const Document& doc, TableKind kind, std::string_view key, int side,
            std::string_view column) {
  const Table* t = doc.table(kind);
  if (!t) return 0;
  const Row* r = t->find_key(key, side);
  return r ? r->amount(*t, column).fen : 0;
}

int CountProjects(const Document& doc, TableKind kind) {
  const Table* t = doc.table(kind);
  if (!t) return 0;
  int n = 0;
  for (const Row& r : t->rows) n += r.kind == RowKind::kProject;
  return n;
}

}  // namespace

Summary Summarize(const Document& doc) {
  Summary s;
  s.kind = doc.kind;
  s.year = doc.year;
  s.name = doc.name;
  s.income_total = Fen(doc, TableKind::kBudgetSummary, "grand_total", 0, "amount");
  s.expenditure_total = Fen(doc, TableKind::kBudgetSummary, "grand_total", 1, "total");
  s.current_income = Fen(doc, TableKind::kBudgetSummary, "current_total", 0, "amount");
  s.carryover = Fen(doc, TableKind::kBudgetSummary, "carryover", 0, "amount");
  s.general_public_budget = Fen(doc, TableKind::kBudgetSummary, "general", 0, "amount");
  s.government_fund = Fen(doc, TableKind::kBudgetSummary, "fund", 0, "amount");
  s.basic_expenditure = Fen(doc, TableKind::kExpenditureSummary, "total", 0, "basic");
  s.project_expenditure = Fen(doc, TableKind::kExpenditureSummary, "total", 0, "project");
  s.personnel = Fen(doc, TableKind::kBasicEconomic, "total", 0, "personnel");
  s.public_funds = Fen(doc, TableKind::kBasicEconomic, "total", 0, "public");
  s.three_public = Fen(doc, TableKind::kThreePublic, "total", 0, "total");
  s.org_running = Fen(doc, TableKind::kOrgRunning, "total", 0, "total");
  s.projects_current = CountProjects(doc, TableKind::kProjectsCurrent);
  s.projects_carryover = CountProjects(doc, TableKind::kProjectsCarryover);
  for (const TargetTable& t : doc.targets) {
    s.performance_tables += t.kind == TargetTable::Kind::kProject;
  }
  s.livelihood_projects = static_cast<int>(doc.livelihood.rows.size());
  // Each amount is bounded (kMaxAmountFen); only a hundred of the largest could pass int64.
  WideFen livelihood = 0;
  for (const LivelihoodRow& r : doc.livelihood.rows) livelihood += r.amount.fen;
  s.livelihood_total = static_cast<int64_t>(std::clamp<WideFen>(livelihood, INT64_MIN, INT64_MAX));
  return s;
}

}  // namespace yusuan
