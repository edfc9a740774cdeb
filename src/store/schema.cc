#include <string>

#include "store/store.h"

namespace yusuan {

std::string SchemaSql(const std::string& dialect) {
  const bool pg = dialect == "postgresql";
  const std::string id = pg ? "BIGSERIAL PRIMARY KEY" : "INTEGER PRIMARY KEY AUTOINCREMENT";
  const std::string big = pg ? "BIGINT" : "INTEGER";
  std::string s;
  s += "CREATE TABLE IF NOT EXISTS documents (\n"
       "  id " +
       id +
       ",\n"
       "  file_name TEXT NOT NULL,\n"
       "  content_hash TEXT NOT NULL UNIQUE,\n"
       "  kind TEXT NOT NULL,\n"
       "  year INTEGER NOT NULL,\n"
       "  name TEXT NOT NULL,\n"
       "  region TEXT NOT NULL,\n"
       "  encoding TEXT NOT NULL,\n"
       "  line_count INTEGER NOT NULL,\n"
       "  income_total_fen " +
       big +
       " NOT NULL,\n"
       "  expenditure_total_fen " +
       big +
       " NOT NULL,\n"
       "  current_income_fen " +
       big +
       " NOT NULL,\n"
       "  carryover_fen " +
       big +
       " NOT NULL,\n"
       "  general_public_budget_fen " +
       big +
       " NOT NULL,\n"
       "  government_fund_fen " +
       big +
       " NOT NULL,\n"
       "  basic_expenditure_fen " +
       big +
       " NOT NULL,\n"
       "  project_expenditure_fen " +
       big +
       " NOT NULL,\n"
       "  personnel_fen " +
       big +
       " NOT NULL,\n"
       "  public_funds_fen " +
       big +
       " NOT NULL,\n"
       "  three_public_fen " +
       big +
       " NOT NULL,\n"
       "  org_running_fen " +
       big +
       " NOT NULL,\n"
       "  projects_current INTEGER NOT NULL,\n"
       "  projects_carryover INTEGER NOT NULL,\n"
       "  performance_tables INTEGER NOT NULL,\n"
       "  livelihood_projects INTEGER NOT NULL,\n"
       "  livelihood_total_fen " +
       big +
       " NOT NULL,\n"
       "  errors INTEGER NOT NULL,\n"
       "  warnings INTEGER NOT NULL,\n"
       "  infos INTEGER NOT NULL,\n"
       "  model_json TEXT NOT NULL\n"
       ");\n";
  s += "CREATE TABLE IF NOT EXISTS table_cells (\n"
       "  document_id " +
       big +
       " NOT NULL REFERENCES documents(id) ON DELETE CASCADE,\n"
       "  table_kind TEXT NOT NULL,\n"
       "  table_number INTEGER NOT NULL,\n"
       "  row_index INTEGER NOT NULL,\n"
       "  row_kind TEXT NOT NULL,\n"
       "  row_key TEXT NOT NULL,\n"
       "  row_label TEXT NOT NULL,\n"
       "  code TEXT,\n"
       "  side TEXT NOT NULL,\n"
       "  column_id TEXT NOT NULL,\n"
       "  amount_fen " +
       big +
       " NOT NULL,\n"
       "  printed TEXT NOT NULL,\n"
       "  unit TEXT NOT NULL,\n"
       "  line INTEGER NOT NULL,\n"
       "  col INTEGER NOT NULL,\n"
       "  doubtful INTEGER NOT NULL\n"
       ");\n"
       "CREATE INDEX IF NOT EXISTS table_cells_document ON table_cells(document_id, table_kind);\n";
  s += "CREATE TABLE IF NOT EXISTS projects (\n"
       "  document_id " +
       big +
       " NOT NULL REFERENCES documents(id) ON DELETE CASCADE,\n"
       "  table_kind TEXT NOT NULL,\n"
       "  unit TEXT NOT NULL,\n"
       "  name TEXT NOT NULL,\n"
       "  total_fen " +
       big +
       " NOT NULL,\n"
       "  line INTEGER NOT NULL\n"
       ");\n"
       "CREATE INDEX IF NOT EXISTS projects_document ON projects(document_id);\n";
  s += "CREATE TABLE IF NOT EXISTS targets (\n"
       "  document_id " +
       big +
       " NOT NULL REFERENCES documents(id) ON DELETE CASCADE,\n"
       "  ordinal INTEGER NOT NULL,\n"
       "  kind TEXT NOT NULL,\n"
       "  layout TEXT NOT NULL,\n"
       "  project_name TEXT NOT NULL,\n"
       "  department_code TEXT NOT NULL,\n"
       "  department TEXT NOT NULL,\n"
       "  implementing_unit TEXT NOT NULL,\n"
       "  attribute TEXT NOT NULL,\n"
       "  duration TEXT NOT NULL,\n"
       "  implementation_total_fen " +
       big +
       ",\n"
       "  annual_total_fen " +
       big +
       ",\n"
       "  confidence TEXT NOT NULL,\n"
       "  line INTEGER NOT NULL,\n"
       "  PRIMARY KEY (document_id, ordinal)\n"
       ");\n";
  s += "CREATE TABLE IF NOT EXISTS indicators (\n"
       "  document_id " +
       big +
       " NOT NULL REFERENCES documents(id) ON DELETE CASCADE,\n"
       "  target_ordinal INTEGER NOT NULL,\n"
       "  period TEXT NOT NULL,\n"
       "  level1 TEXT NOT NULL,\n"
       "  level2 TEXT NOT NULL,\n"
       "  name TEXT NOT NULL,\n"
       "  value_raw TEXT NOT NULL,\n"
       "  value_kind TEXT NOT NULL,\n"
       "  comparator TEXT NOT NULL,\n"
       "  number TEXT NOT NULL,\n"
       "  unit TEXT NOT NULL,\n"
       "  line INTEGER NOT NULL\n"
       ");\n"
       "CREATE INDEX IF NOT EXISTS indicators_target ON indicators(document_id, target_ordinal);\n";
  s += "CREATE TABLE IF NOT EXISTS claims (\n"
       "  document_id " +
       big +
       " NOT NULL REFERENCES documents(id) ON DELETE CASCADE,\n"
       "  ordinal INTEGER NOT NULL,\n"
       "  kind TEXT NOT NULL,\n"
       "  section TEXT NOT NULL,\n"
       "  subject TEXT NOT NULL,\n"
       "  text TEXT NOT NULL,\n"
       "  amount_fen " +
       big +
       ",\n"
       "  percent TEXT,\n"
       "  count " +
       big +
       ",\n"
       "  line INTEGER NOT NULL\n"
       ");\n"
       // Removing or replacing a document finds its claims by this (without it, each one read
       // every claim of the database).
       "CREATE INDEX IF NOT EXISTS claims_document ON claims(document_id);\n";
  s += "CREATE TABLE IF NOT EXISTS findings (\n"
       "  document_id " +
       big +
       " NOT NULL REFERENCES documents(id) ON DELETE CASCADE,\n"
       "  ordinal INTEGER NOT NULL,\n"
       "  rule TEXT NOT NULL,\n"
       "  severity TEXT NOT NULL,\n"
       "  line INTEGER NOT NULL,\n"
       "  message TEXT NOT NULL,\n"
       "  expected TEXT NOT NULL,\n"
       "  actual TEXT NOT NULL,\n"
       "  related_lines TEXT NOT NULL\n"
       ");\n"
       "CREATE INDEX IF NOT EXISTS findings_document ON findings(document_id);\n"
       "CREATE INDEX IF NOT EXISTS findings_rule ON findings(rule);\n";
  // Databases written before findings kept their order (SQLite adds it in OpenSqlite: it has
  // no ADD COLUMN IF NOT EXISTS).
  if (pg)
    s += "ALTER TABLE findings ADD COLUMN IF NOT EXISTS ordinal INTEGER NOT NULL DEFAULT 0;\n";
  // Views: the questions reviewers and auditors ask across documents. Money stays in fen.
  const std::string view = pg ? "CREATE OR REPLACE VIEW " : "CREATE VIEW IF NOT EXISTS ";
  s += view +
       "unit_key_figures AS SELECT id, name, year, kind, region, "
       "income_total_fen, expenditure_total_fen, basic_expenditure_fen, project_expenditure_fen, "
       "personnel_fen, public_funds_fen, three_public_fen, org_running_fen, projects_current, "
       "errors, warnings, infos FROM documents;\n";
  s += view +
       "project_targets AS SELECT t.document_id, d.name AS document, t.ordinal, t.project_name, "
       "t.implementing_unit, t.annual_total_fen, t.confidence, "
       "(SELECT COUNT(*) FROM indicators i WHERE i.document_id = t.document_id AND "
       "i.target_ordinal = t.ordinal AND i.period = 'annual') AS indicators, "
       "(SELECT COUNT(*) FROM indicators i WHERE i.document_id = t.document_id AND "
       "i.target_ordinal = t.ordinal AND i.period = 'annual' AND i.level1 = '产出指标' AND "
       "i.value_kind = 'quantity') AS quantified_outputs "
       "FROM targets t JOIN documents d ON d.id = t.document_id WHERE t.kind = 'project';\n";
  s += view +
       "unquantified_big_projects AS SELECT * FROM project_targets "
       "WHERE annual_total_fen >= 100000000 AND quantified_outputs = 0;\n";
  s += view +
       "findings_by_rule AS SELECT rule, severity, COUNT(*) AS findings, "
       "COUNT(DISTINCT document_id) AS documents FROM findings GROUP BY rule, severity;\n";
  s += view +
       "three_public AS SELECT d.id AS document_id, d.name, d.year, c.row_key AS item, "
       "c.amount_fen FROM table_cells c JOIN documents d ON d.id = c.document_id "
       "WHERE c.table_kind = 'three_public' AND c.column_id = 'total';\n";
  return s;
}

std::vector<ViewInfo> Views() {
  return {
      {"unit_key_figures",
       "每份文件的关键数字（收支总计、基本/项目支出、人员/公用经费、三公、机关运行经费、问题数）"},
      {"project_targets", "每个项目的绩效目标表：年度资金、指标个数、量化的产出指标个数"},
      {"unquantified_big_projects", "100 万元以上却没有量化产出指标的项目"},
      {"findings_by_rule", "按规则统计的问题数与涉及文件数"},
      {"three_public", "各单位“三公”经费逐项金额"}};
}

}  // namespace yusuan
