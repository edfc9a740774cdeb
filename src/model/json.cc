#include "model/json.h"

#include "base/text.h"

namespace yusuan {
namespace {

constexpr std::string_view kFormat = "yusuan.document/1";

Json Text(const TextItem& t) { return Json{{"text", t.text}, {"line", t.at.line}}; }

Json Texts(const std::vector<TextItem>& items) {
  Json a = Json::array();
  for (const TextItem& t : items) a.push_back(Text(t));
  return a;
}

Json QuantityJson(const Quantity& q) {
  Json j{{"label", q.label}, {"printed", q.printed}, {"unit", q.unit}, {"line", q.at.line}};
  return j;
}

Json CellJson(const ColumnSpec& column, const Cell& cell, MoneyUnit unit) {
  Json j = Json::object();
  if (column.type == ColumnType::kAmount && cell.amount.present()) {
    j["yuan"] = FormatYuan(cell.amount.fen);
    j["printed"] = FormatIn(cell.amount, unit);
  } else if (!cell.text.empty()) {
    j["text"] = cell.text;
  } else {
    return j;
  }
  j["col"] = cell.at.column;
  if (cell.doubtful) j["doubtful"] = true;
  return j;
}

Json TableJson(const Table& t) {
  const TableSpec& spec = *t.spec;
  Json j{{"kind", spec.id},
         {"number", static_cast<int>(spec.kind)},
         {"name", spec.name},
         {"title", t.title},
         {"line", t.title_at.line},
         {"last_line", t.last_line},
         {"unit", MoneyUnitName(t.unit)}};
  if (!t.printed_label.empty()) j["printed_label"] = t.printed_label;
  if (!t.entity.empty()) j["entity"] = t.entity;
  j["no_data"] = t.no_data;
  if (t.no_data) j["no_data_line"] = t.no_data_at.line;
  if (!t.notes.empty()) j["notes"] = Texts(t.notes);
  Json columns = Json::object();
  for (const SideSpec& side : spec.sides) {
    Json ids = Json::array();
    for (const ColumnSpec& c : side.columns) ids.push_back(c.id);
    columns[std::string(side.id)] = ids;
  }
  j["columns"] = columns;
  Json rows = Json::array();
  for (const Row& r : t.rows) {
    const SideSpec& side = spec.sides[r.side];
    Json row{{"line", r.at.line}, {"side", side.id}, {"kind", RowKindId(r.kind)}, {"key", r.key}};
    if (r.parent >= 0) row["parent"] = r.parent;
    if (!r.unit.empty()) row["unit"] = r.unit;
    if (!r.doubt.empty()) row["doubt"] = r.doubt;
    Json cells = Json::object();
    for (size_t c = 0; c < side.columns.size() && c < r.cells.size(); ++c) {
      Json cell = CellJson(side.columns[c], r.cells[c], t.unit);
      if (!cell.empty()) cells[std::string(side.columns[c].id)] = cell;
    }
    row["cells"] = cells;
    rows.push_back(row);
  }
  j["rows"] = rows;
  return j;
}

// --- reading back -----------------------------------------------------------------------------

struct JsonError {
  std::string message;
};

const Json& Need(const Json& j, const char* key) {
  if (!j.is_object() || !j.contains(key)) throw JsonError{std::string("缺少字段 ") + key};
  return j.at(key);
}

std::string Str(const Json& j, const char* key, std::string fallback = {}) {
  if (!j.is_object() || !j.contains(key)) return fallback;
  if (!j.at(key).is_string()) throw JsonError{std::string("字段 ") + key + " 应为字符串"};
  return j.at(key).get<std::string>();
}

uint32_t Line(const Json& j, const char* key = "line") {
  if (!j.is_object() || !j.contains(key)) return 0;
  if (!j.at(key).is_number_unsigned())
    throw JsonError{std::string("字段 ") + key + " 应为非负整数"};
  return j.at(key).get<uint32_t>();
}

TextItem TextFrom(const Json& j) { return TextItem{Str(j, "text"), Location{Line(j), 0}}; }

std::vector<TextItem> TextsFrom(const Json& j, const char* key) {
  std::vector<TextItem> out;
  if (!j.contains(key)) return out;
  for (const Json& item : j.at(key)) out.push_back(TextFrom(item));
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

Json AmountJson(const Amount& a, MoneyUnit unit) {
  return Json{{"yuan", FormatYuan(a.fen)}, {"printed", FormatIn(a, unit)}};
}

Amount AmountFrom(const Json& j, MoneyUnit unit) {
  auto a = ParseAmount(Str(j, "printed"), unit);
  if (!a.ok()) throw JsonError{a.status().message()};
  auto yuan = ParseYuan(Str(j, "yuan"));
  if (!yuan.ok() || *yuan != a->fen) throw JsonError{"金额的 yuan 与 printed 不一致"};
  return *a;
}

Table TableFrom(const Json& j) {
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
  t.notes = TextsFrom(j, "notes");
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
    r.key = Str(rj, "key");
    r.parent = rj.value("parent", -1);
    r.unit = Str(rj, "unit");
    r.doubt = Str(rj, "doubt");
    const SideSpec& spec_side = t.spec->sides[side];
    r.cells.resize(spec_side.columns.size());
    const Json& cells = Need(rj, "cells");
    for (size_t c = 0; c < spec_side.columns.size(); ++c) {
      Cell& cell = r.cells[c];
      cell.at = Location{r.at.line, 0};
      std::string id(spec_side.columns[c].id);
      if (!cells.contains(id)) continue;
      const Json& cj = cells.at(id);
      cell.at.column = static_cast<uint16_t>(cj.value("col", 0));
      cell.doubtful = cj.value("doubtful", false);
      cell.text = Str(cj, "text");
      if (cj.contains("printed")) cell.amount = AmountFrom(cj, t.unit);
    }
    t.rows.push_back(std::move(r));
  }
  return t;
}

// ---- performance targets ---------------------------------------------------------------------

const char* kPeriods[] = {"implementation", "annual"};

void PutText(Json& j, const char* key, const TextItem& t) {
  if (t.text.empty() && t.at.line == 0) return;
  Json v{{"text", t.text}, {"line", t.at.line}};
  if (t.at.column) v["col"] = t.at.column;
  j[key] = v;
}

TextItem GetText(const Json& j, const char* key) {
  if (!j.contains(key)) return {};
  const Json& v = j.at(key);
  return TextItem{Str(v, "text"), Location{Line(v), static_cast<uint16_t>(v.value("col", 0))}};
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

Json LocJson(const Location& at) {
  Json j{{"line", at.line}};
  if (at.column) j["col"] = at.column;
  return j;
}

Location LocFrom(const Json& j) {
  return Location{Line(j), static_cast<uint16_t>(j.value("col", 0))};
}

Json IndicatorJson(const Indicator& ind) {
  Json j{{"level1", ind.level1}, {"level2", ind.level2}, {"name", ind.name}};
  j["at"] = LocJson(ind.at);
  const IndicatorValue& v = ind.value;
  Json vj{{"raw", v.raw}, {"kind", ValueKindId(v.kind)}};
  if (v.kind == ValueKind::kQuantity) {
    vj["comparator"] = v.comparator();
    if (!v.prefix().empty()) vj["prefix"] = v.prefix();
    vj["number"] = v.number();
    vj["unit"] = v.unit();
  }
  vj["at"] = LocJson(ind.value_at);
  j["value"] = vj;
  return j;
}

Indicator IndicatorFrom(const Json& j) {
  Indicator ind;
  ind.level1 = Str(j, "level1");
  ind.level2 = Str(j, "level2");
  ind.name = Str(j, "name");
  ind.at = LocFrom(Need(j, "at"));
  const Json& v = Need(j, "value");
  ind.value = ParseIndicatorValue(Str(v, "raw"));
  ind.value_at = LocFrom(Need(v, "at"));
  return ind;
}

Json FactsJson(const std::vector<Fact>& facts) {
  Json a = Json::array();
  for (const Fact& f : facts)
    a.push_back(Json{{"label", f.label}, {"printed", f.printed}, {"at", LocJson(f.at)}});
  return a;
}

std::vector<Fact> FactsFrom(const Json& j, const char* key) {
  std::vector<Fact> out;
  if (!j.contains(key)) return out;
  for (const Json& f : j.at(key))
    out.push_back(Fact{Str(f, "label"), Str(f, "printed"), LocFrom(Need(f, "at"))});
  return out;
}

Json DiagnosticsJson(const std::vector<Diagnostic>& ds) {
  Json a = Json::array();
  for (const Diagnostic& d : ds) a.push_back(Json{{"line", d.at.line}, {"message", d.message}});
  return a;
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

Json TargetJson(const TargetTable& t) {
  Json j{{"kind", t.kind == TargetTable::Kind::kOverall ? "overall" : "project"},
         {"layout", t.layout},
         {"title", t.title},
         {"line", t.at.line},
         {"last_line", t.last_line},
         {"confidence", ConfidenceId(t.confidence)}};
  if (!t.department_code.empty()) j["department_code"] = t.department_code;
  for (const TextField& f : kTargetTexts) PutText(j, f.id, t.*f.field);
  Json funds = Json::object();
  for (int p : {kImplementation, kAnnual}) {
    Json fj = Json::object();
    for (const FundField& ff : kFundFields) {
      const Amount& a = t.funds[p].*ff.field;
      if (!a.present()) continue;
      Json aj = AmountJson(a, MoneyUnit::kYuan);
      aj["at"] = LocJson(t.funds[p].*ff.at);
      fj[ff.id] = aj;
    }
    if (!fj.empty()) funds[kPeriods[p]] = fj;
  }
  j["funds"] = funds;
  Json goals = Json::object();
  for (int p : {kImplementation, kAnnual}) PutText(goals, kPeriods[p], t.goals[p]);
  j["goals"] = goals;
  Json indicators = Json::object();
  for (int p : {kImplementation, kAnnual}) {
    Json a = Json::array();
    for (const Indicator& ind : t.indicators[p]) a.push_back(IndicatorJson(ind));
    indicators[kPeriods[p]] = a;
  }
  j["indicators"] = indicators;
  if (t.kind == TargetTable::Kind::kOverall) {
    j["facts"] = FactsJson(t.facts);
    j["funds_by_source"] = FactsJson(t.funds_by_source);
    j["funds_by_use"] = FactsJson(t.funds_by_use);
    j["tasks"] = Texts(t.tasks);
  }
  j["gaps"] = DiagnosticsJson(t.gaps);
  return j;
}

TargetTable TargetFrom(const Json& j) {
  TargetTable t;
  t.kind = Str(j, "kind") == "overall" ? TargetTable::Kind::kOverall : TargetTable::Kind::kProject;
  t.layout = Str(j, "layout");
  t.title = Str(j, "title");
  t.at = Location{Line(j), 0};
  t.last_line = Line(j, "last_line");
  t.confidence = ConfidenceFromId(Str(j, "confidence"));
  t.department_code = Str(j, "department_code");
  for (const TextField& f : kTargetTexts) t.*f.field = GetText(j, f.id);
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
  for (int p : {kImplementation, kAnnual}) t.goals[p] = GetText(goals, kPeriods[p]);
  const Json& indicators = Need(j, "indicators");
  for (int p : {kImplementation, kAnnual}) {
    for (const Json& ind : Need(indicators, kPeriods[p]))
      t.indicators[p].push_back(IndicatorFrom(ind));
  }
  t.facts = FactsFrom(j, "facts");
  t.funds_by_source = FactsFrom(j, "funds_by_source");
  t.funds_by_use = FactsFrom(j, "funds_by_use");
  t.tasks = TextsFrom(j, "tasks");
  t.gaps = DiagnosticsFrom(Need(j, "gaps"));
  return t;
}

Json LivelihoodJson(const LivelihoodSummary& s) {
  Json j{{"title", Text(s.title)}, {"confidence", s.confidence}};
  Json rows = Json::array();
  for (const LivelihoodRow& r : s.rows) {
    Json rj{{"number", r.number},
            {"unit_code", r.unit_code},
            {"unit", r.unit},
            {"project", r.project},
            {"line", r.at.line}};
    if (r.amount.present()) rj["amount"] = AmountJson(r.amount, MoneyUnit::kYuan);
    rj["target"] = r.target;
    rows.push_back(rj);
  }
  j["rows"] = rows;
  if (s.total.present()) {
    j["total"] = AmountJson(s.total, MoneyUnit::kYuan);
    j["total_line"] = s.total_at.line;
  }
  return j;
}

LivelihoodSummary LivelihoodFrom(const Json& j) {
  LivelihoodSummary s;
  s.present = true;
  s.title = TextFrom(Need(j, "title"));
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

Json ClaimJson(const Claim& c) {
  Json j{{"kind", ClaimKindId(c.kind)},
         {"section", c.section},
         {"subject", c.subject},
         {"text", c.text},
         {"line", c.at.line}};
  if (c.amount.present()) {
    j["amount"] = AmountJson(c.amount, c.unit);
    j["unit"] = MoneyUnitName(c.unit);
  }
  if (c.kind == ClaimKind::kChange) j["decrease"] = c.decrease;
  if (c.has_percent) {
    j["percent"] = FormatDecimal(c.percent);
  }
  if (c.kind == ClaimKind::kCount) j["count"] = c.count;
  if (!c.items.empty()) j["items"] = c.items;
  if (c.part >= 0) j["part"] = c.part;
  if (c.base >= 0) j["base"] = c.base;
  return j;
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
}  // namespace

Json ToJson(const Summary& s) {
  return Json{{"kind", DocumentKindId(s.kind)},
              {"year", s.year},
              {"name", s.name},
              {"income_total", FormatYuan(s.income_total)},
              {"expenditure_total", FormatYuan(s.expenditure_total)},
              {"current_income", FormatYuan(s.current_income)},
              {"carryover", FormatYuan(s.carryover)},
              {"general_public_budget", FormatYuan(s.general_public_budget)},
              {"government_fund", FormatYuan(s.government_fund)},
              {"basic_expenditure", FormatYuan(s.basic_expenditure)},
              {"project_expenditure", FormatYuan(s.project_expenditure)},
              {"personnel", FormatYuan(s.personnel)},
              {"public_funds", FormatYuan(s.public_funds)},
              {"three_public", FormatYuan(s.three_public)},
              {"org_running", FormatYuan(s.org_running)},
              {"projects_current", s.projects_current},
              {"projects_carryover", s.projects_carryover},
              {"performance_tables", s.performance_tables},
              {"livelihood_projects", s.livelihood_projects},
              {"livelihood_total", FormatYuan(s.livelihood_total)}};
}

Json ToJson(const Document& doc) {
  Json j{
      {"format", kFormat},
      {"source", Json{{"file", doc.source}, {"encoding", doc.encoding}, {"lines", doc.line_count}}},
      {"summary", ToJson(Summarize(doc))},
      {"kind", DocumentKindId(doc.kind)},
      {"year", doc.year},
      {"name", doc.name},
      {"region", doc.region},
      {"title", Text(doc.title)}};
  j["overview"] = Json{{"duties", Texts(doc.overview.duties)},
                       {"offices", Texts(doc.overview.offices)},
                       {"subordinate_units", Texts(doc.overview.subordinate_units)}};
  Json tables = Json::array();
  for (const Table& t : doc.tables) tables.push_back(TableJson(t));
  j["tables"] = tables;
  Json narrative = Json::array();
  for (const Section& s : doc.narrative) {
    narrative.push_back(Json{{"heading", Text(s.heading)}, {"paragraphs", Texts(s.paragraphs)}});
  }
  j["narrative"] = narrative;
  Json assets{{"present", doc.assets.present}};
  if (!doc.assets.vehicle_quota.printed.empty()) {
    assets["vehicle_quota"] = QuantityJson(doc.assets.vehicle_quota);
  }
  if (!doc.assets.vehicles_held.printed.empty()) {
    assets["vehicles_held"] = QuantityJson(doc.assets.vehicles_held);
  }
  Json by_type = Json::array();
  for (const Quantity& q : doc.assets.vehicles_by_type) by_type.push_back(QuantityJson(q));
  assets["vehicles_by_type"] = by_type;
  if (!doc.assets.office_area.printed.empty()) {
    assets["office_area"] = QuantityJson(doc.assets.office_area);
  }
  Json equipment = Json::array();
  for (const Quantity& q : doc.assets.equipment) equipment.push_back(QuantityJson(q));
  assets["equipment"] = equipment;
  j["assets"] = assets;
  Json targets = Json::array();
  for (const TargetTable& t : doc.targets) targets.push_back(TargetJson(t));
  j["performance_targets"] = targets;
  if (doc.livelihood.present) j["livelihood"] = LivelihoodJson(doc.livelihood);
  Json claims = Json::array();
  for (const Claim& c : doc.claims) claims.push_back(ClaimJson(c));
  j["claims"] = claims;
  Json diagnostics = Json::array();
  for (const Diagnostic& d : doc.diagnostics) {
    diagnostics.push_back(Json{{"line", d.at.line}, {"message", d.message}});
  }
  j["diagnostics"] = diagnostics;
  return j;
}

Result<Document> DocumentFromJson(const Json& j) {
  try {
    if (Str(j, "format") != kFormat) {
      return Status::InvalidArgument("不是 yusuan 文档 JSON（format 应为 " + std::string(kFormat) +
                                     "）");
    }
    Document doc;
    const Json& source = Need(j, "source");
    doc.source = Str(source, "file");
    doc.encoding = Str(source, "encoding");
    doc.line_count = Line(source, "lines");
    doc.kind = DocumentKindFromId(Str(j, "kind"));
    doc.year = j.value("year", 0);
    doc.name = Str(j, "name");
    doc.region = Str(j, "region");
    doc.title = TextFrom(Need(j, "title"));
    const Json& overview = Need(j, "overview");
    doc.overview.duties = TextsFrom(overview, "duties");
    doc.overview.offices = TextsFrom(overview, "offices");
    doc.overview.subordinate_units = TextsFrom(overview, "subordinate_units");
    for (const Json& t : Need(j, "tables")) doc.tables.push_back(TableFrom(t));
    for (const Json& s : Need(j, "narrative")) {
      doc.narrative.push_back(Section{TextFrom(Need(s, "heading")), TextsFrom(s, "paragraphs")});
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
    for (const Json& tj : Need(j, "performance_targets")) doc.targets.push_back(TargetFrom(tj));
    if (j.contains("livelihood")) doc.livelihood = LivelihoodFrom(j.at("livelihood"));
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
