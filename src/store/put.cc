// Writing one document, and queries collected: the same for every backend.
#include <fmt/format.h>

#include <optional>

#include "check/finding.h"
#include "model/json.h"
#include "model/summary.h"
#include "store/store.h"

namespace yusuan {
namespace {

Value Opt(const Amount& a) { return a.present() ? Value{a.fen} : Value{}; }
Value Str(std::string_view s) { return Value{std::string(s)}; }
Value Int(int64_t v) { return Value{v}; }

}  // namespace

std::string InsertStatement(const std::string& table, const std::vector<std::string>& columns) {
  std::string sql = "INSERT INTO " + table + " (";
  for (size_t i = 0; i < columns.size(); ++i) sql += (i ? ", " : "") + columns[i];
  sql += ") VALUES (";
  for (size_t i = 0; i < columns.size(); ++i) sql += (i ? ", $" : "$") + std::to_string(i + 1);
  return sql + ")";
}

Result<QueryResult> Store::Query(const std::string& sql, const std::vector<Value>& params) {
  QueryResult out;
  Status s = QueryRows(
      sql, params, [&](const std::vector<std::string>& columns) { out.columns = columns; },
      [&](const std::vector<std::optional<std::string_view>>& row) {
        auto& kept = out.rows.emplace_back();
        kept.reserve(row.size());
        for (const auto& v : row) {
          kept.push_back(v ? std::optional<std::string>(std::string(*v)) : std::nullopt);
        }
        return true;
      });
  if (!s.ok()) return s;
  return out;
}

Status Store::Remove(int64_t id) {
  // The children go with the document (ON DELETE CASCADE, and explicitly for SQLite
  // connections that do not enforce foreign keys).
  for (const char* table :
       {"table_cells", "projects", "targets", "indicators", "claims", "findings"}) {
    Status s = Exec(fmt::format("DELETE FROM {} WHERE document_id = $1", table), {Int(id)});
    if (!s.ok()) return s;
  }
  return Exec("DELETE FROM documents WHERE id = $1", {Int(id)});
}

Result<int64_t> Store::Put(const StoredDocument& d) {
  const Document& doc = *d.doc;
  // The same content keeps its id when it is loaded again (links to it stay valid). The hash
  // is hexadecimal, so it is safe inside the statement.
  std::optional<int64_t> previous;
  auto existing = Query("SELECT id FROM documents WHERE content_hash = '" + d.content_hash + "'");
  if (!existing.ok()) return existing.status();
  if (!existing->rows.empty() && existing->rows[0][0]) previous = std::stoll(*existing->rows[0][0]);
  if (previous) {
    if (Status s = Remove(*previous); !s.ok()) return s;
  }
  Summary sum = Summarize(doc);
  const Counts counts = d.findings ? Count(*d.findings) : Counts{};
  std::vector<std::string> columns = {"file_name",
                                      "content_hash",
                                      "kind",
                                      "year",
                                      "name",
                                      "region",
                                      "encoding",
                                      "line_count",
                                      "income_total_fen",
                                      "expenditure_total_fen",
                                      "current_income_fen",
                                      "carryover_fen",
                                      "general_public_budget_fen",
                                      "government_fund_fen",
                                      "basic_expenditure_fen",
                                      "project_expenditure_fen",
                                      "personnel_fen",
                                      "public_funds_fen",
                                      "three_public_fen",
                                      "org_running_fen",
                                      "projects_current",
                                      "projects_carryover",
                                      "performance_tables",
                                      "livelihood_projects",
                                      "livelihood_total_fen",
                                      "errors",
                                      "warnings",
                                      "infos",
                                      "model_json"};
  std::vector<Value> values = {Str(doc.source),
                               Str(d.content_hash),
                               Str(std::string(DocumentKindId(doc.kind))),
                               Int(doc.year),
                               Str(doc.name),
                               Str(doc.region),
                               Str(doc.encoding),
                               Int(doc.line_count),
                               Int(sum.income_total),
                               Int(sum.expenditure_total),
                               Int(sum.current_income),
                               Int(sum.carryover),
                               Int(sum.general_public_budget),
                               Int(sum.government_fund),
                               Int(sum.basic_expenditure),
                               Int(sum.project_expenditure),
                               Int(sum.personnel),
                               Int(sum.public_funds),
                               Int(sum.three_public),
                               Int(sum.org_running),
                               Int(sum.projects_current),
                               Int(sum.projects_carryover),
                               Int(sum.performance_tables),
                               Int(sum.livelihood_projects),
                               Int(sum.livelihood_total),
                               Int(counts.error),
                               Int(counts.warning),
                               Int(counts.info),
                               Str(d.model_json ? *d.model_json : DocumentJson(doc, -1))};
  if (previous) {
    columns.insert(columns.begin(), "id");
    values.insert(values.begin(), Int(*previous));
  }
  auto id = InsertReturningId("documents", columns, values);
  if (!id.ok()) return id.status();
  const int64_t doc_id = *id;

  static const std::vector<std::string> kCellColumns = {
      "document_id", "table_kind", "table_number", "row_index", "row_kind",   "row_key",
      "row_label",   "code",       "side",         "column_id", "amount_fen", "printed",
      "unit",        "line",       "col",          "doubtful"};
  for (const Table& t : doc.tables) {
    for (size_t ri = 0; ri < t.rows.size(); ++ri) {
      const Row& r = t.rows[ri];
      const SideSpec& side = t.spec->sides[r.side];
      int code_col = side.code_column();
      const std::span<const Cell> cells = r.cells(t);
      Value code =
          code_col >= 0 && !cells[code_col].text.empty() ? Str(cells[code_col].text) : Value{};
      for (size_t c = 0; c < side.columns.size() && c < cells.size(); ++c) {
        const Cell& cell = cells[c];
        if (side.columns[c].type != ColumnType::kAmount || !cell.amount().present()) continue;
        Status s =
            Insert("table_cells", kCellColumns,
                   {Int(doc_id), Str(std::string(t.spec->id)), Int(static_cast<int>(t.kind())),
                    Int(static_cast<int64_t>(ri)), Str(std::string(RowKindId(r.kind))), Str(r.key),
                    Str(r.label(t)), code, Str(std::string(side.id)),
                    Str(std::string(side.columns[c].id)), Int(cell.amount().fen),
                    Str(FormatIn(cell.amount(), t.unit)), Str(MoneyUnitName(t.unit)),
                    Int(cell.at.line), Int(cell.at.column), Int(cell.doubtful ? 1 : 0)});
        if (!s.ok()) return s;
      }
      if (r.kind == RowKind::kProject) {
        Status s =
            Insert("projects", {"document_id", "table_kind", "unit", "name", "total_fen", "line"},
                   {Int(doc_id), Str(std::string(t.spec->id)), Str(r.unit), Str(r.label(t)),
                    Int(r.amount(t, "total").fen), Int(r.at.line)});
        if (!s.ok()) return s;
      }
    }
  }
  static const std::vector<std::string> kIndicatorColumns = {
      "document_id", "target_ordinal", "period",     "level1", "level2", "name",
      "value_raw",   "value_kind",     "comparator", "number", "unit",   "line"};
  for (size_t k = 0; k < doc.targets.size(); ++k) {
    const TargetTable& t = doc.targets[k];
    Status s =
        Insert("targets",
               {"document_id", "ordinal", "kind", "layout", "project_name", "department_code",
                "department", "implementing_unit", "attribute", "duration",
                "implementation_total_fen", "annual_total_fen", "confidence", "line"},
               {Int(doc_id), Int(static_cast<int64_t>(k)),
                Str(t.kind == TargetTable::Kind::kOverall ? "overall" : "project"), Str(t.layout),
                Str(t.project_name.text), Str(t.department_code), Str(t.department.text),
                Str(t.implementing_unit.text), Str(t.attribute.text), Str(t.duration.text),
                Opt(t.funds[kImplementation].total), Opt(t.funds[kAnnual].total),
                Str(std::string(ConfidenceId(t.confidence))), Int(t.at.line)});
    if (!s.ok()) return s;
    for (int p : {kImplementation, kAnnual}) {
      for (const Indicator& i : t.indicators[p]) {
        s = Insert("indicators", kIndicatorColumns,
                   {Int(doc_id), Int(static_cast<int64_t>(k)),
                    Str(p == kAnnual ? "annual" : "implementation"), Str(i.level1), Str(i.level2),
                    Str(i.name), Str(i.value.raw), Str(std::string(ValueKindId(i.value.kind))),
                    Str(std::string(i.value.comparator())), Str(std::string(i.value.number())),
                    Str(std::string(i.value.unit())), Int(i.at.line)});
        if (!s.ok()) return s;
      }
    }
  }
  for (size_t k = 0; k < doc.claims.size(); ++k) {
    const Claim& c = doc.claims[k];
    Status s =
        Insert("claims",
               {"document_id", "ordinal", "kind", "section", "subject", "text", "amount_fen",
                "percent", "count", "line"},
               {Int(doc_id), Int(static_cast<int64_t>(k)), Str(std::string(ClaimKindId(c.kind))),
                Str(c.section), Str(c.subject), Str(c.text), Opt(c.amount),
                c.has_percent ? Str(FormatDecimal(c.percent)) : Value{},
                c.kind == ClaimKind::kCount ? Int(c.count) : Value{}, Int(c.at.line)});
    if (!s.ok()) return s;
  }
  if (d.findings) {
    int64_t ordinal = 0;
    for (const Finding& f : *d.findings) {
      std::string related;
      for (uint32_t l : f.related_lines)
        related += (related.empty() ? "" : ",") + std::to_string(l);
      Status s = Insert(
          "findings",
          {"document_id", "ordinal", "rule", "severity", "line", "message", "expected", "actual",
           "related_lines"},
          {Int(doc_id), Int(ordinal++), Str(f.rule), Str(std::string(SeverityId(f.severity))),
           Int(f.line), Str(f.message), Str(f.expected), Str(f.actual), Str(related)});
      if (!s.ok()) return s;
    }
  }
  return doc_id;
}

}  // namespace yusuan
