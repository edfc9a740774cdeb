#include "model/json.h"

#include <algorithm>
#include <iterator>

#include "base/json_writer.h"
#include "base/text.h"

namespace yusuan {
namespace {

constexpr std::string_view kFormat = "yusuan.document/1";

// --- reading back -----------------------------------------------------------------------------

struct JsonError {
  std::string message;
};

const Json& Need(const Json& j, const char* key) {
  if (!j.is_object() || !j.contains(key)) throw JsonError{std::string("缺少字段 ") + key};
  return j.at(key);
}

// The string at `key`, or nullptr when there is none; a value of another type is an error.
const std::string* StrAt(const Json& j, const char* key) {
  if (!j.is_object() || !j.contains(key)) return nullptr;
  if (!j.at(key).is_string()) throw JsonError{std::string("字段 ") + key + " 应为字符串"};
  return &j.at(key).get_ref<const std::string&>();
}

std::string Str(const Json& j, const char* key, std::string fallback = {}) {
  const std::string* s = StrAt(j, key);
  return s ? *s : fallback;
}

uint32_t Line(const Json& j, const char* key = "line") {
  if (!j.is_object() || !j.contains(key)) return 0;
  if (!j.at(key).is_number_unsigned())
    throw JsonError{std::string("字段 ") + key + " 应为非负整数"};
  return j.at(key).get<uint32_t>();
}

// A text of the model, copied once into the document's backing (model/text.h) rather than
// allocated on its own: the JSON tree holds the bytes only while the document is made.
Text KeptStr(const Json& j, const char* key, TextBacking& b) {
  const std::string* s = StrAt(j, key);
  return s ? b.Keep(*s) : Text();
}

TextItem TextFrom(const Json& j, TextBacking& b) {
  return TextItem{KeptStr(j, "text", b), Location{Line(j), 0}};
}

std::vector<TextItem> TextsFrom(const Json& j, const char* key, TextBacking& b) {
  std::vector<TextItem> out;
  if (!j.contains(key)) return out;
  for (const Json& item : j.at(key)) out.push_back(TextFrom(item, b));
  return out;
}

Quantity QuantityFrom(const Json& j) {
  Quantity q;
  q.label = Str(j, "label");
  q.printed = Str(j, "printed");
  q.unit = Str(j, "unit");
  q.at = Location{Line(j), 0};
  if (!q.printed.empty() && !ParseHundredths(q.printed, &q.hundredths)) {
    throw JsonError{"数量“" + q.printed + "”不是数字"};
  }
  return q;
}

Amount AmountFrom(const Json& j, MoneyUnit unit) {
  auto a = ParseAmount(Str(j, "printed"), unit);
  if (!a.ok()) throw JsonError{a.status().message()};
  auto yuan = ParseYuan(Str(j, "yuan"));
  if (!yuan.ok() || *yuan != a->fen) throw JsonError{"金额的 yuan 与 printed 不一致"};
  return *a;
}

Table TableFrom(const Json& j, TextBacking& b) {
  Table t;
  std::string kind = Str(j, "kind");
  t.spec = FindSpec(kind);
  if (!t.spec) throw JsonError{"未知的表格类型 " + kind};
  t.title = Str(j, "title");
  t.title_at = Location{Line(j), 0};
  t.last_line = Line(j, "last_line");
  t.unit = Str(j, "unit") == "元" ? MoneyUnit::kYuan : MoneyUnit::kWanYuan;
  t.printed_label = Str(j, "printed_label");
  t.entity = Str(j, "entity");
  t.no_data = j.value("no_data", false);
  t.no_data_at = Location{Line(j, "no_data_line"), 0};
  t.notes = TextsFrom(j, "notes", b);
  std::vector<Cell> row_cells;  // a row's cells, reused row by row
  for (const Json& rj : Need(j, "rows")) {
    Row r;
    r.at = Location{Line(rj), 0};
    std::string side_id = Str(rj, "side");
    int side = -1;
    for (size_t s = 0; s < t.spec->sides.size(); ++s) {
      if (t.spec->sides[s].id == side_id) side = static_cast<int>(s);
    }
    if (side < 0) throw JsonError{"表 " + kind + " 没有 " + side_id + " 侧"};
    r.side = static_cast<uint8_t>(side);
    if (!RowKindFromId(Str(rj, "kind"), &r.kind)) throw JsonError{"未知的行类型"};
    r.key = KeptStr(rj, "key", b);
    r.parent = rj.value("parent", -1);
    r.unit = KeptStr(rj, "unit", b);
    r.doubt = KeptStr(rj, "doubt", b);
    const SideSpec& spec_side = t.spec->sides[side];
    row_cells.assign(spec_side.columns.size(), Cell{});
    const Json& cells = Need(rj, "cells");
    for (size_t c = 0; c < spec_side.columns.size(); ++c) {
      Cell& cell = row_cells[c];
      cell.at = Location{r.at.line, 0};
      std::string id(spec_side.columns[c].id);
      if (!cells.contains(id)) continue;
      const Json& cj = cells.at(id);
      cell.at.column = static_cast<uint16_t>(cj.value("col", 0));
      cell.doubtful = cj.value("doubtful", false);
      cell.text = KeptStr(cj, "text", b);
      if (cj.contains("printed")) cell.set_amount(AmountFrom(cj, t.unit));
    }
    t.add_row(std::move(r), row_cells);
  }
  return t;
}

// ---- performance targets ---------------------------------------------------------------------

const char* kPeriods[] = {"implementation", "annual"};

TextItem GetText(const Json& j, const char* key, TextBacking& b) {
  if (!j.contains(key)) return {};
  const Json& v = j.at(key);
  return TextItem{KeptStr(v, "text", b),
                  Location{Line(v), static_cast<uint16_t>(v.value("col", 0))}};
}

struct FundField {
  const char* id;
  Amount Funds::*field;
  Location Funds::*at;
};
const FundField kFundFields[] = {{"total", &Funds::total, &Funds::at},
                                 {"central", &Funds::central, &Funds::central_at},
                                 {"provincial", &Funds::provincial, &Funds::provincial_at},
                                 {"local", &Funds::local, &Funds::local_at},
                                 {"self_raised", &Funds::self_raised, &Funds::self_raised_at},
                                 {"other", &Funds::other, &Funds::other_at}};

Location LocFrom(const Json& j) {
  return Location{Line(j), static_cast<uint16_t>(j.value("col", 0))};
}

Indicator IndicatorFrom(const Json& j, TextBacking& b) {
  Indicator ind;
  ind.level1 = KeptStr(j, "level1", b);
  ind.level2 = KeptStr(j, "level2", b);
  ind.name = KeptStr(j, "name", b);
  ind.at = LocFrom(Need(j, "at"));
  const Json& v = Need(j, "value");
  // Printed values are clean (the readers clean every cell), so the kept text is the raw one.
  const Text raw = KeptStr(v, "raw", b);
  const bool clean = IsValidUtf8(raw) && !ShapeOfValidCell(raw).needs_clean;
  ind.value = clean ? ParseCleanIndicatorValue(raw) : ParseIndicatorValue(raw);
  ind.value_at = LocFrom(Need(v, "at"));
  return ind;
}

std::vector<Fact> FactsFrom(const Json& j, const char* key) {
  std::vector<Fact> out;
  if (!j.contains(key)) return out;
  for (const Json& f : j.at(key))
    out.push_back(Fact{Str(f, "label"), Str(f, "printed"), LocFrom(Need(f, "at"))});
  return out;
}

std::vector<Diagnostic> DiagnosticsFrom(const Json& j) {
  std::vector<Diagnostic> out;
  for (const Json& d : j) out.push_back(Diagnostic{Location{Line(d), 0}, Str(d, "message")});
  return out;
}

struct TextField {
  const char* id;
  TextItem TargetTable::*field;
};
const TextField kTargetTexts[] = {{"project_name", &TargetTable::project_name},
                                  {"department", &TargetTable::department},
                                  {"implementing_unit", &TargetTable::implementing_unit},
                                  {"attribute", &TargetTable::attribute},
                                  {"duration", &TargetTable::duration},
                                  {"overview", &TargetTable::overview},
                                  {"basis", &TargetTable::basis},
                                  {"necessity", &TargetTable::necessity},
                                  {"measures", &TargetTable::measures},
                                  {"plan", &TargetTable::plan}};

TargetTable TargetFrom(const Json& j, TextBacking& b) {
  TargetTable t;
  t.kind = Str(j, "kind") == "overall" ? TargetTable::Kind::kOverall : TargetTable::Kind::kProject;
  t.layout = Str(j, "layout");
  t.title = Str(j, "title");
  t.at = Location{Line(j), 0};
  t.last_line = Line(j, "last_line");
  t.confidence = ConfidenceFromId(Str(j, "confidence"));
  t.department_code = Str(j, "department_code");
  for (const TextField& f : kTargetTexts) t.*f.field = GetText(j, f.id, b);
  const Json& funds = Need(j, "funds");
  for (int p : {kImplementation, kAnnual}) {
    if (!funds.contains(kPeriods[p])) continue;
    const Json& fj = funds.at(kPeriods[p]);
    for (const FundField& ff : kFundFields) {
      if (!fj.contains(ff.id)) continue;
      t.funds[p].*ff.field = AmountFrom(fj.at(ff.id), MoneyUnit::kYuan);
      t.funds[p].*ff.at = LocFrom(Need(fj.at(ff.id), "at"));
    }
  }
  const Json& goals = Need(j, "goals");
  for (int p : {kImplementation, kAnnual}) t.goals[p] = GetText(goals, kPeriods[p], b);
  const Json& indicators = Need(j, "indicators");
  for (int p : {kImplementation, kAnnual}) {
    for (const Json& ind : Need(indicators, kPeriods[p]))
      t.indicators[p].push_back(IndicatorFrom(ind, b));
  }
  t.facts = FactsFrom(j, "facts");
  t.funds_by_source = FactsFrom(j, "funds_by_source");
  t.funds_by_use = FactsFrom(j, "funds_by_use");
  t.tasks = TextsFrom(j, "tasks", b);
  t.gaps = DiagnosticsFrom(Need(j, "gaps"));
  return t;
}

LivelihoodSummary LivelihoodFrom(const Json& j, TextBacking& b) {
  LivelihoodSummary s;
  s.present = true;
  s.title = TextFrom(Need(j, "title"), b);
  s.confidence = Str(j, "confidence");
  for (const Json& rj : Need(j, "rows")) {
    LivelihoodRow r;
    r.number = Str(rj, "number");
    r.unit_code = Str(rj, "unit_code");
    r.unit = Str(rj, "unit");
    r.project = Str(rj, "project");
    r.at = Location{Line(rj), 0};
    if (rj.contains("amount")) r.amount = AmountFrom(rj.at("amount"), MoneyUnit::kYuan);
    r.target = rj.value("target", -1);
    s.rows.push_back(std::move(r));
  }
  if (j.contains("total")) {
    s.total = AmountFrom(j.at("total"), MoneyUnit::kYuan);
    s.total_at = Location{Line(j, "total_line"), 0};
  }
  return s;
}

Claim ClaimFrom(const Json& j) {
  Claim c;
  c.kind = ClaimKindFromId(Str(j, "kind"));
  c.section = Str(j, "section");
  c.subject = Str(j, "subject");
  c.text = Str(j, "text");
  c.at = Location{Line(j), 0};
  if (j.contains("amount")) {
    c.unit = Str(j, "unit") == "元" ? MoneyUnit::kYuan : MoneyUnit::kWanYuan;
    c.amount = AmountFrom(j.at("amount"), c.unit);
  }
  c.decrease = j.value("decrease", false);
  if (j.contains("percent")) {
    std::string p = Str(j, "percent");
    int scale = -1;
    for (char ch : p) {
      if (ch == '.') {
        scale = 0;
        continue;
      }
      c.percent.digits = c.percent.digits * 10 + (ch - '0');
      if (scale >= 0) ++scale;
    }
    c.percent.scale = static_cast<uint8_t>(scale < 0 ? 0 : scale);
    c.has_percent = true;
  }
  c.count = j.value("count", int64_t{0});
  if (j.contains("items")) c.items = j.at("items").get<std::vector<std::string>>();
  c.part = j.value("part", -1);
  c.base = j.value("base", -1);
  return c;
}
// --- writing ----------------------------------------------------------------------------------
// Straight into the text (base/json_writer.h): keys in the order a reader of the JSON sees them.

void WriteText(JsonWriter& w, const TextItem& t) {
  w.BeginObject();
  w.Field("text", t.text);
  w.Field("line", t.at.line);
  w.EndObject();
}

void WriteTexts(JsonWriter& w, std::string_view key, const std::vector<TextItem>& items) {
  w.Key(key);
  w.BeginArray();
  for (const TextItem& t : items) WriteText(w, t);
  w.EndArray();
}

// A place's members, inside an object the caller opened: the column only when there is one.
void WriteLocationFields(JsonWriter& w, const Location& at) {
  w.Field("line", at.line);
  if (at.column) w.Field("col", at.column);
}

// A text with its place; nothing at all for a text never found.
void WriteFoundText(JsonWriter& w, std::string_view key, const TextItem& t) {
  if (t.text.empty() && t.at.line == 0) return;
  w.Key(key);
  w.BeginObject();
  w.Field("text", t.text);
  WriteLocationFields(w, t.at);
  w.EndObject();
}

void WriteQuantity(JsonWriter& w, const Quantity& q) {
  w.BeginObject();
  w.Field("label", q.label);
  w.Field("printed", q.printed);
  w.Field("unit", q.unit);
  w.Field("line", q.at.line);
  w.EndObject();
}

void WriteLocation(JsonWriter& w, std::string_view key, const Location& at) {
  w.Key(key);
  w.BeginObject();
  WriteLocationFields(w, at);
  w.EndObject();
}

// The amount's members, inside an object the caller opened.
void WriteAmountFields(JsonWriter& w, const Amount& a, MoneyUnit unit) {
  w.Field("yuan", FormatYuan(a.fen));
  w.Field("printed", FormatIn(a, unit));
}

void WriteAmount(JsonWriter& w, std::string_view key, const Amount& a, MoneyUnit unit) {
  w.Key(key);
  w.BeginObject();
  WriteAmountFields(w, a, unit);
  w.EndObject();
}

void WriteDiagnostics(JsonWriter& w, std::string_view key, const std::vector<Diagnostic>& ds) {
  w.Key(key);
  w.BeginArray();
  for (const Diagnostic& d : ds) {
    w.BeginObject();
    w.Field("line", d.at.line);
    w.Field("message", d.message);
    w.EndObject();
  }
  w.EndArray();
}

// A cell is written when it holds an amount (in an amount column) or a text.
bool CellHasValue(const ColumnSpec& column, const Cell& cell) {
  return (column.type == ColumnType::kAmount && cell.amount().present()) || !cell.text.empty();
}

void WriteCell(JsonWriter& w, const ColumnSpec& column, const Cell& cell, MoneyUnit unit) {
  w.Key(column.id);
  w.BeginObject();
  if (column.type == ColumnType::kAmount && cell.amount().present()) {
    WriteAmountFields(w, cell.amount(), unit);
  } else {
    w.Field("text", cell.text);
  }
  w.Field("col", cell.at.column);
  if (cell.doubtful) w.Field("doubtful", true);
  w.EndObject();
}

void WriteTable(JsonWriter& w, const Table& t) {
  const TableSpec& spec = *t.spec;
  w.BeginObject();
  w.Field("kind", spec.id);
  w.Field("number", static_cast<int>(spec.kind));
  w.Field("name", spec.name);
  w.Field("title", t.title);
  w.Field("line", t.title_at.line);
  w.Field("last_line", t.last_line);
  w.Field("unit", MoneyUnitName(t.unit));
  if (!t.printed_label.empty()) w.Field("printed_label", t.printed_label);
  if (!t.entity.empty()) w.Field("entity", t.entity);
  w.Field("no_data", t.no_data);
  if (t.no_data) w.Field("no_data_line", t.no_data_at.line);
  if (!t.notes.empty()) WriteTexts(w, "notes", t.notes);
  w.Key("columns");
  w.BeginObject();
  for (const SideSpec& side : spec.sides) {
    w.Key(side.id);
    w.BeginArray();
    for (const ColumnSpec& c : side.columns) w.String(c.id);
    w.EndArray();
  }
  w.EndObject();
  w.Key("rows");
  w.BeginArray();
  for (const Row& r : t.rows) {
    const SideSpec& side = spec.sides[r.side];
    w.BeginObject();
    w.Field("line", r.at.line);
    w.Field("side", side.id);
    w.Field("kind", RowKindId(r.kind));
    w.Field("key", r.key);
    if (r.parent >= 0) w.Field("parent", r.parent);
    if (!r.unit.empty()) w.Field("unit", r.unit);
    if (!r.doubt.empty()) w.Field("doubt", r.doubt);
    w.Key("cells");
    w.BeginObject();
    const std::span<const Cell> cells = r.cells(t);
    for (size_t c = 0; c < side.columns.size() && c < cells.size(); ++c) {
      if (CellHasValue(side.columns[c], cells[c])) {
        WriteCell(w, side.columns[c], cells[c], t.unit);
      }
    }
    w.EndObject();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

void WriteIndicator(JsonWriter& w, const Indicator& ind) {
  w.BeginObject();
  w.Field("level1", ind.level1);
  w.Field("level2", ind.level2);
  w.Field("name", ind.name);
  WriteLocation(w, "at", ind.at);
  const IndicatorValue& v = ind.value;
  w.Key("value");
  w.BeginObject();
  w.Field("raw", v.raw);
  w.Field("kind", ValueKindId(v.kind));
  if (v.kind == ValueKind::kQuantity) {
    w.Field("comparator", v.comparator());
    if (!v.prefix().empty()) w.Field("prefix", v.prefix());
    w.Field("number", v.number());
    w.Field("unit", v.unit());
  }
  WriteLocation(w, "at", ind.value_at);
  w.EndObject();
  w.EndObject();
}

void WriteFacts(JsonWriter& w, std::string_view key, const std::vector<Fact>& facts) {
  w.Key(key);
  w.BeginArray();
  for (const Fact& f : facts) {
    w.BeginObject();
    w.Field("label", f.label);
    w.Field("printed", f.printed);
    WriteLocation(w, "at", f.at);
    w.EndObject();
  }
  w.EndArray();
}

void WriteTarget(JsonWriter& w, const TargetTable& t) {
  w.BeginObject();
  w.Field("kind", t.kind == TargetTable::Kind::kOverall ? "overall" : "project");
  w.Field("layout", t.layout);
  w.Field("title", t.title);
  w.Field("line", t.at.line);
  w.Field("last_line", t.last_line);
  w.Field("confidence", ConfidenceId(t.confidence));
  if (!t.department_code.empty()) w.Field("department_code", t.department_code);
  for (const TextField& f : kTargetTexts) WriteFoundText(w, f.id, t.*f.field);
  w.Key("funds");
  w.BeginObject();
  for (int p : {kImplementation, kAnnual}) {
    const Funds& funds = t.funds[p];
    if (std::none_of(std::begin(kFundFields), std::end(kFundFields),
                     [&](const FundField& ff) { return (funds.*ff.field).present(); })) {
      continue;
    }
    w.Key(kPeriods[p]);
    w.BeginObject();
    for (const FundField& ff : kFundFields) {
      const Amount& a = funds.*ff.field;
      if (!a.present()) continue;
      w.Key(ff.id);
      w.BeginObject();
      WriteAmountFields(w, a, MoneyUnit::kYuan);
      WriteLocation(w, "at", funds.*ff.at);
      w.EndObject();
    }
    w.EndObject();
  }
  w.EndObject();
  w.Key("goals");
  w.BeginObject();
  for (int p : {kImplementation, kAnnual}) WriteFoundText(w, kPeriods[p], t.goals[p]);
  w.EndObject();
  w.Key("indicators");
  w.BeginObject();
  for (int p : {kImplementation, kAnnual}) {
    w.Key(kPeriods[p]);
    w.BeginArray();
    for (const Indicator& ind : t.indicators[p]) WriteIndicator(w, ind);
    w.EndArray();
  }
  w.EndObject();
  if (t.kind == TargetTable::Kind::kOverall) {
    WriteFacts(w, "facts", t.facts);
    WriteFacts(w, "funds_by_source", t.funds_by_source);
    WriteFacts(w, "funds_by_use", t.funds_by_use);
    WriteTexts(w, "tasks", t.tasks);
  }
  WriteDiagnostics(w, "gaps", t.gaps);
  w.EndObject();
}

void WriteLivelihood(JsonWriter& w, const LivelihoodSummary& s) {
  w.BeginObject();
  w.Key("title");
  WriteText(w, s.title);
  w.Field("confidence", s.confidence);
  w.Key("rows");
  w.BeginArray();
  for (const LivelihoodRow& r : s.rows) {
    w.BeginObject();
    w.Field("number", r.number);
    w.Field("unit_code", r.unit_code);
    w.Field("unit", r.unit);
    w.Field("project", r.project);
    w.Field("line", r.at.line);
    if (r.amount.present()) WriteAmount(w, "amount", r.amount, MoneyUnit::kYuan);
    w.Field("target", r.target);
    w.EndObject();
  }
  w.EndArray();
  if (s.total.present()) {
    WriteAmount(w, "total", s.total, MoneyUnit::kYuan);
    w.Field("total_line", s.total_at.line);
  }
  w.EndObject();
}

void WriteClaim(JsonWriter& w, const Claim& c) {
  w.BeginObject();
  w.Field("kind", ClaimKindId(c.kind));
  w.Field("section", c.section);
  w.Field("subject", c.subject);
  w.Field("text", c.text);
  w.Field("line", c.at.line);
  if (c.amount.present()) {
    WriteAmount(w, "amount", c.amount, c.unit);
    w.Field("unit", MoneyUnitName(c.unit));
  }
  if (c.kind == ClaimKind::kChange) w.Field("decrease", c.decrease);
  if (c.has_percent) w.Field("percent", FormatDecimal(c.percent));
  if (c.kind == ClaimKind::kCount) w.Field("count", c.count);
  if (!c.items.empty()) {
    w.Key("items");
    w.BeginArray();
    for (const std::string& item : c.items) w.String(item);
    w.EndArray();
  }
  if (c.part >= 0) w.Field("part", c.part);
  if (c.base >= 0) w.Field("base", c.base);
  w.EndObject();
}

void WriteSummary(JsonWriter& w, const Summary& s) {
  w.BeginObject();
  w.Field("kind", DocumentKindId(s.kind));
  w.Field("year", s.year);
  w.Field("name", s.name);
  w.Field("income_total", FormatYuan(s.income_total));
  w.Field("expenditure_total", FormatYuan(s.expenditure_total));
  w.Field("current_income", FormatYuan(s.current_income));
  w.Field("carryover", FormatYuan(s.carryover));
  w.Field("general_public_budget", FormatYuan(s.general_public_budget));
  w.Field("government_fund", FormatYuan(s.government_fund));
  w.Field("basic_expenditure", FormatYuan(s.basic_expenditure));
  w.Field("project_expenditure", FormatYuan(s.project_expenditure));
  w.Field("personnel", FormatYuan(s.personnel));
  w.Field("public_funds", FormatYuan(s.public_funds));
  w.Field("three_public", FormatYuan(s.three_public));
  w.Field("org_running", FormatYuan(s.org_running));
  w.Field("projects_current", s.projects_current);
  w.Field("projects_carryover", s.projects_carryover);
  w.Field("performance_tables", s.performance_tables);
  w.Field("livelihood_projects", s.livelihood_projects);
  w.Field("livelihood_total", FormatYuan(s.livelihood_total));
  w.EndObject();
}

void WriteDocument(JsonWriter& w, const Document& doc) {
  w.BeginObject();
  w.Field("format", kFormat);
  w.Key("source");
  w.BeginObject();
  w.Field("file", doc.source);
  w.Field("encoding", doc.encoding);
  w.Field("lines", doc.line_count);
  w.EndObject();
  w.Key("summary");
  WriteSummary(w, Summarize(doc));
  w.Field("kind", DocumentKindId(doc.kind));
  w.Field("year", doc.year);
  w.Field("name", doc.name);
  w.Field("region", doc.region);
  w.Key("title");
  WriteText(w, doc.title);
  w.Key("overview");
  w.BeginObject();
  WriteTexts(w, "duties", doc.overview.duties);
  WriteTexts(w, "offices", doc.overview.offices);
  WriteTexts(w, "subordinate_units", doc.overview.subordinate_units);
  w.EndObject();
  w.Key("tables");
  w.BeginArray();
  for (const Table& t : doc.tables) WriteTable(w, t);
  w.EndArray();
  w.Key("narrative");
  w.BeginArray();
  for (const Section& s : doc.narrative) {
    w.BeginObject();
    w.Key("heading");
    WriteText(w, s.heading);
    WriteTexts(w, "paragraphs", s.paragraphs);
    w.EndObject();
  }
  w.EndArray();
  const Assets& assets = doc.assets;
  w.Key("assets");
  w.BeginObject();
  w.Field("present", assets.present);
  auto quantity = [&](std::string_view key, const Quantity& q) {
    if (q.printed.empty()) return;
    w.Key(key);
    WriteQuantity(w, q);
  };
  auto quantities = [&](std::string_view key, const std::vector<Quantity>& qs) {
    w.Key(key);
    w.BeginArray();
    for (const Quantity& q : qs) WriteQuantity(w, q);
    w.EndArray();
  };
  quantity("vehicle_quota", assets.vehicle_quota);
  quantity("vehicles_held", assets.vehicles_held);
  quantities("vehicles_by_type", assets.vehicles_by_type);
  quantity("office_area", assets.office_area);
  quantities("equipment", assets.equipment);
  w.EndObject();
  w.Key("performance_targets");
  w.BeginArray();
  for (const TargetTable& t : doc.targets) WriteTarget(w, t);
  w.EndArray();
  if (doc.livelihood.present) {
    w.Key("livelihood");
    WriteLivelihood(w, doc.livelihood);
  }
  w.Key("claims");
  w.BeginArray();
  for (const Claim& c : doc.claims) WriteClaim(w, c);
  w.EndArray();
  WriteDiagnostics(w, "diagnostics", doc.diagnostics);
  w.EndObject();
}

}  // namespace

Json ToJson(const Summary& s) {
  return Json::parse(JsonText(-1, [&](JsonWriter& w) { WriteSummary(w, s); }));
}

void AppendDocumentJson(const Document& doc, int indent, std::string* out, size_t depth) {
  JsonWriter w(out, indent, depth);
  WriteDocument(w, doc);
}

void WriteDocumentJson(const Document& doc, int indent, std::ostream* out, size_t depth) {
  constexpr size_t kPiece = size_t{1} << 20;
  std::string piece;
  piece.reserve(kPiece + (kPiece >> 2));
  JsonWriter w(&piece, indent, depth);
  w.SpillTo(out, kPiece);
  WriteDocument(w, doc);
  out->write(piece.data(), static_cast<std::streamsize>(piece.size()));
}

std::string DocumentJson(const Document& doc, int indent) {
  std::string text;
  AppendDocumentJson(doc, indent, &text);
  return text;
}

Json ToJson(const Document& doc) { return Json::parse(DocumentJson(doc, -1)); }

Result<Document> DocumentFromJson(const Json& j) {
  try {
    if (Str(j, "format") != kFormat) {
      return Status::InvalidArgument("不是 yusuan 文档 JSON（format 应为 " + std::string(kFormat) +
                                     "）");
    }
    Document doc;
    // No decoded text: the backing holds the texts, copied from the JSON.
    doc.backing.backing = std::make_shared<TextBacking>(std::string());
    TextBacking& b = *doc.backing.backing;
    const Json& source = Need(j, "source");
    doc.source = Str(source, "file");
    doc.encoding = Str(source, "encoding");
    doc.line_count = Line(source, "lines");
    doc.kind = DocumentKindFromId(Str(j, "kind"));
    doc.year = j.value("year", 0);
    doc.name = Str(j, "name");
    doc.region = Str(j, "region");
    doc.title = TextFrom(Need(j, "title"), b);
    const Json& overview = Need(j, "overview");
    doc.overview.duties = TextsFrom(overview, "duties", b);
    doc.overview.offices = TextsFrom(overview, "offices", b);
    doc.overview.subordinate_units = TextsFrom(overview, "subordinate_units", b);
    for (const Json& t : Need(j, "tables")) doc.tables.push_back(TableFrom(t, b));
    for (const Json& s : Need(j, "narrative")) {
      doc.narrative.push_back(
          Section{TextFrom(Need(s, "heading"), b), TextsFrom(s, "paragraphs", b)});
    }
    const Json& assets = Need(j, "assets");
    doc.assets.present = assets.value("present", false);
    if (assets.contains("vehicle_quota"))
      doc.assets.vehicle_quota = QuantityFrom(assets["vehicle_quota"]);
    if (assets.contains("vehicles_held"))
      doc.assets.vehicles_held = QuantityFrom(assets["vehicles_held"]);
    for (const Json& q : assets.value("vehicles_by_type", Json::array())) {
      doc.assets.vehicles_by_type.push_back(QuantityFrom(q));
    }
    if (assets.contains("office_area"))
      doc.assets.office_area = QuantityFrom(assets["office_area"]);
    for (const Json& q : assets.value("equipment", Json::array())) {
      doc.assets.equipment.push_back(QuantityFrom(q));
    }
    for (const Json& tj : Need(j, "performance_targets")) doc.targets.push_back(TargetFrom(tj, b));
    if (j.contains("livelihood")) doc.livelihood = LivelihoodFrom(j.at("livelihood"), b);
    for (const Json& c : Need(j, "claims")) doc.claims.push_back(ClaimFrom(c));
    for (const Json& d : Need(j, "diagnostics")) {
      doc.diagnostics.push_back(Diagnostic{Location{Line(d), 0}, Str(d, "message")});
    }
    return doc;
  } catch (const JsonError& e) {
    return Status::InvalidArgument("文档 JSON 无效：" + e.message);
  } catch (const nlohmann::json::exception& e) {
    return Status::InvalidArgument(std::string("文档 JSON 无效：") + e.what());
  }
}

}  // namespace yusuan
