#include "serve/api.h"

#include <fmt/format.h>
#include <stdlib.h>
#include <unistd.h>

#include <charconv>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>

#include "base/json_writer.h"
#include "base/money.h"
#include "base/text.h"
#include "base/version.h"
#include "check/rule.h"
#include "model/catalogue.h"
#include "model/json.h"
#include "output/export.h"
#include "output/findings.h"
#include "store/fetch.h"
#include "store/load.h"

namespace yusuan {
namespace {

ApiResponse JsonResponse(int status, const Json& body) {
  ApiResponse r;
  r.status = status;
  r.body = body.dump();
  return r;
}

// The HTTP status for a library error.
int HttpStatus(const Status& s) {
  switch (s.kind()) {
    case Status::Kind::kNotFound:
      return 404;
    case Status::Kind::kTooLarge:
      return 413;
    case Status::Kind::kNotText:
    case Status::Kind::kNotDisclosure:
    case Status::Kind::kInvalidArgument:
    case Status::Kind::kOutOfRange:
      return 400;
    default:
      return 500;
  }
}

ApiResponse FromStatus(const Status& s) { return ApiError(HttpStatus(s), s.message()); }

Json CountsJson(int64_t error, int64_t warning, int64_t info) {
  return Json{{"error", error}, {"warning", warning}, {"info", info}};
}

// RFC 5987 encoding of a UTF-8 file name for Content-Disposition.
std::string PercentEncode(std::string_view s) {
  std::string out;
  for (unsigned char ch : s) {
    if (std::isalnum(ch) || ch == '-' || ch == '_' || ch == '.') {
      out += static_cast<char>(ch);
    } else {
      out += fmt::format("%{:02X}", ch);
    }
  }
  return out;
}

std::string Attachment(bool inline_view, int64_t id, const std::string& file_name,
                       std::string_view extension) {
  std::string stem = std::filesystem::path(file_name).stem().string();
  return fmt::format("{}; filename=\"document-{}.{}\"; filename*=UTF-8''{}.{}",
                     inline_view ? "inline" : "attachment", id, extension, PercentEncode(stem),
                     extension);
}

Result<std::string> XlsxBytes(const Document& doc, const std::vector<Finding>& findings) {
  std::string path = (std::filesystem::temp_directory_path() / "yusuan-export-XXXXXX").string();
  int fd = mkstemp(path.data());
  if (fd < 0) return Status::IoError("无法创建临时文件");
  close(fd);
  Status written = WriteXlsx(doc, findings, path);
  std::string bytes;
  if (written.ok()) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    bytes = ss.str();
  }
  std::error_code ec;
  std::filesystem::remove(path, ec);
  if (!written.ok()) return written;
  return bytes;
}

// Runs `write` in a transaction of its own: committed when it succeeds, undone when it fails,
// and undone too when the commit fails (SQLite may leave the transaction open then, and every
// later Begin of the workspace would fail).
Status InTransaction(Store& store, const std::function<Status()>& write) {
  if (Status begun = store.Begin(); !begun.ok()) return begun;
  Status s = write();
  if (s.ok()) s = store.Commit();
  if (!s.ok()) store.Rollback();
  return s;
}

// The figures of the document list: money (a column `<name>_fen` each) and counts.
constexpr std::string_view kMoneyFigures[] = {
    "income_total",      "expenditure_total",     "current_income",
    "carryover",         "general_public_budget", "government_fund",
    "basic_expenditure", "project_expenditure",   "personnel",
    "public_funds",      "three_public",          "org_running",
    "livelihood_total"};
constexpr std::string_view kCountFigures[] = {"projects_current", "projects_carryover",
                                              "performance_tables", "livelihood_projects"};
constexpr size_t kMaxSearchTerms = 8;

// The column of `documents` the list is sorted by for `key`, empty when the key is unknown.
// Only these names reach the SQL.
std::string ListSortColumn(std::string_view key) {
  static constexpr std::pair<std::string_view, std::string_view> kColumns[] = {
      {"id", "id"},         {"file", "file_name"},   {"name", "name"},
      {"region", "region"}, {"year", "year"},        {"kind", "kind"},
      {"error", "errors"},  {"warning", "warnings"}, {"info", "infos"}};
  for (const auto& [k, column] : kColumns) {
    if (k == key) return std::string(column);
  }
  for (std::string_view m : kMoneyFigures) {
    if (m == key) return std::string(m) + "_fen";
  }
  for (std::string_view c : kCountFigures) {
    if (c == key) return std::string(c);
  }
  return "";
}

// A count the client gave: decimal digits only, within int64.
bool ParseCount(std::string_view text, int64_t* out) {
  return IsAsciiDigits(text) &&
         std::from_chars(text.data(), text.data() + text.size(), *out).ec == std::errc();
}

// An integer column as the store hands it over (0 for NULL or anything unreadable).
int64_t Number(const std::optional<std::string_view>& v) {
  int64_t n = 0;
  if (v) std::from_chars(v->data(), v->data() + v->size(), n);
  return n;
}
int64_t Number(const std::optional<std::string>& v) {
  return Number(v ? std::optional<std::string_view>(*v) : std::nullopt);
}

// The words of a search, split at spaces (ASCII and the ideographic space U+3000), ASCII
// letters in lower case: the list compares them with LOWER() of its fields.
std::vector<std::string> SearchTerms(std::string_view q) {
  std::vector<std::string> terms;
  std::string term;
  auto flush = [&] {
    if (!term.empty()) terms.push_back(std::move(term));
    term.clear();
  };
  for (size_t i = 0; i < q.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(q[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      flush();
    } else if (q.substr(i, 3) == "\u3000") {
      flush();
      i += 2;
    } else {
      term += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
  }
  flush();
  return terms;
}

// "%term%" for LIKE … ESCAPE '\': the term's own '%', '_' and '\' stand for themselves.
std::string LikePattern(std::string_view term) {
  std::string p = "%";
  for (char c : term) {
    if (c == '%' || c == '_' || c == '\\') p += '\\';
    p += c;
  }
  return p + "%";
}

}  // namespace

ApiResponse ApiError(int status, std::string_view message) {
  return JsonResponse(status, Json{{"error", std::string(message)}});
}

std::string SafeFileName(std::string_view client_name) {
  size_t slash = client_name.find_last_of("/\\");
  if (slash != std::string_view::npos) client_name.remove_prefix(slash + 1);
  // Control characters dropped; bytes that are not UTF-8 (a name from a system of another
  // encoding) become U+FFFD, so that every answer naming the file is valid JSON.
  std::string name;
  for (size_t i = 0; i < client_name.size();) {
    const char32_t cp = NextCodePoint(client_name, &i);
    if (cp < 0x20 || cp == 0x7F) continue;
    AppendUtf8(cp, &name);
  }
  if (name.size() > 200) {
    size_t cut = 200;
    while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
    name.resize(cut);
  }
  if (name.empty() || name == "." || name == "..") name = "upload.txt";
  return name;
}

ApiResponse Api::Upload(std::string_view bytes, std::string_view filename) {
  if (read_only_) return ApiError(403, "工作台以只读方式运行，不能上传文件");
  if (bytes.size() > max_upload_) {
    return ApiError(413, fmt::format("文件超过上传上限 {} MB", max_upload_ / (1024 * 1024)));
  }
  const std::string name = SafeFileName(filename);
  // Reading and checking take the time; they need no lock.
  auto prepared = PrepareDocument(bytes, name);
  if (!prepared.ok()) return FromStatus(prepared.status());
  int64_t id = 0;
  {
    std::lock_guard<std::mutex> lock(mu_);
    Status s = InTransaction(store_, [&] {
      Result<int64_t> put = store_.Put(prepared->stored());
      if (put.ok()) id = *put;
      return put.status();
    });
    if (!s.ok()) return FromStatus(s);
  }
  Counts n = Count(prepared->findings);
  ApiResponse r = JsonResponse(201, Json{{"id", id},
                                         {"file", name},
                                         {"summary", ToJson(Summarize(prepared->doc))},
                                         {"counts", CountsJson(n.error, n.warning, n.info)}});
  r.headers.emplace_back("Location", fmt::format("/api/documents/{}", id));
  return r;
}

ApiResponse Api::List(const ListRequest& request) {
  const std::string_view sort = request.sort.empty() ? "id" : request.sort;
  const std::string sort_column = ListSortColumn(sort);
  if (sort_column.empty()) {
    return ApiError(400,
                    fmt::format("sort 的值“{}”不可用：可用 id、file、name、region、year、kind、"
                                "error、warning、info 或 figures 中的任一项",
                                sort));
  }
  if (!request.order.empty() && request.order != "asc" && request.order != "desc") {
    return ApiError(400, fmt::format("order 只能是 asc 或 desc，不是“{}”", request.order));
  }
  int64_t offset = 0, limit = -1;
  if (!request.offset.empty() && !ParseCount(request.offset, &offset)) {
    return ApiError(400, fmt::format("offset 须为非负整数，不是“{}”", request.offset));
  }
  if (!request.limit.empty() && (!ParseCount(request.limit, &limit) || limit == 0)) {
    return ApiError(400, fmt::format("limit 须为正整数，不是“{}”", request.limit));
  }
  const std::vector<std::string> terms = SearchTerms(request.q);
  if (terms.size() > kMaxSearchTerms) {
    return ApiError(400, fmt::format("q 最多 {} 个词", kMaxSearchTerms));
  }
  // Each term must occur in one of the fields (any case of ASCII letters): $k is term k.
  std::string where;
  std::vector<Value> params;
  for (const std::string& term : terms) {
    const std::string p = fmt::format("${}", params.size() + 1);
    where += where.empty() ? " WHERE " : " AND ";
    where += fmt::format(
        "(LOWER(name) LIKE {0} ESCAPE '\\' OR LOWER(region) LIKE {0} ESCAPE '\\' OR "
        "LOWER(file_name) LIKE {0} ESCAPE '\\' OR CAST(year AS TEXT) LIKE {0} ESCAPE '\\'",
        p);
    for (DocumentKind kind : {DocumentKind::kUnit, DocumentKind::kDepartment,
                              DocumentKind::kLivelihood, DocumentKind::kUnknown}) {
      if (Contains(DocumentKindName(kind), term) || Contains(DocumentKindId(kind), term)) {
        where += fmt::format(" OR kind = '{}'", DocumentKindId(kind));
      }
    }
    where += ")";
    params.emplace_back(LikePattern(term));
  }
  std::string sql = "SELECT id, file_name, kind, year, name, region, errors, warnings, infos";
  for (std::string_view m : kMoneyFigures) sql += fmt::format(", {}_fen", m);
  for (std::string_view c : kCountFigures) sql += fmt::format(", {}", c);
  // Ties in order of id, so that pages neither repeat nor skip a document. (No LIMIT: the
  // largest count both dialects take.)
  sql += fmt::format(" FROM documents{} ORDER BY {} {}, id LIMIT {} OFFSET {}", where, sort_column,
                     request.order == "desc" ? "DESC" : "ASC",
                     limit < 0 ? std::numeric_limits<int64_t>::max() : limit, offset);

  // Written as the rows are read: a page holds only itself, and the whole list of a
  // province-scale workspace (every document, no limit) only its text.
  std::string body;
  JsonWriter w(&body, -1);
  std::lock_guard<std::mutex> lock(mu_);
  auto total = store_.Query("SELECT COUNT(*) FROM documents");
  if (!total.ok()) return FromStatus(total.status());
  auto matched =
      where.empty() ? total : store_.Query("SELECT COUNT(*) FROM documents" + where, params);
  if (!matched.ok()) return FromStatus(matched.status());
  auto count = [](const QueryResult& r) { return Number(r.rows.at(0).at(0)); };
  w.BeginObject();
  w.Field("total", count(*total));
  w.Field("matched", count(*matched));
  w.Field("offset", offset);
  w.Key("documents");
  w.BeginArray();
  Status read = store_.QueryRows(
      sql, params, [](const std::vector<std::string>&) {},
      [&](const std::vector<std::optional<std::string_view>>& row) {
        w.BeginObject();
        w.Field("id", Number(row[0]));
        w.Field("file", row[1].value_or(""));
        w.Field("kind", row[2].value_or(""));
        w.Field("year", Number(row[3]));
        w.Field("name", row[4].value_or(""));
        w.Field("region", row[5].value_or(""));
        w.Key("figures");
        w.BeginObject();
        size_t col = 9;
        for (std::string_view m : kMoneyFigures) w.Field(m, FormatYuan(Number(row[col++])));
        for (std::string_view c : kCountFigures) w.Field(c, Number(row[col++]));
        w.EndObject();
        w.Key("counts");
        w.BeginObject();
        w.Field("error", Number(row[6]));
        w.Field("warning", Number(row[7]));
        w.Field("info", Number(row[8]));
        w.EndObject();
        w.EndObject();
        return true;
      });
  if (!read.ok()) return FromStatus(read);
  w.EndArray();
  w.EndObject();
  ApiResponse r;
  r.body = std::move(body);
  return r;
}

ApiResponse Api::Model(int64_t id) {
  Result<std::string> json = Status::IoError("");
  {
    std::lock_guard<std::mutex> lock(mu_);
    json = FetchModelJson(store_, id);
  }
  if (!json.ok()) return FromStatus(json.status());
  ApiResponse r;
  r.body = std::move(*json);
  return r;
}

ApiResponse Api::Findings(int64_t id) {
  Result<std::vector<Finding>> findings = Status::IoError("");
  {
    std::lock_guard<std::mutex> lock(mu_);
    findings = FetchFindings(store_, id);
  }
  if (!findings.ok()) return FromStatus(findings.status());
  Json list = Json::array();
  for (const Finding& f : *findings) list.push_back(FindingJson(f));
  return JsonResponse(200, Json{{"findings", list}});
}

ApiResponse Api::Export(int64_t id, std::string_view format) {
  if (format != "xlsx" && format != "csv" && format != "html" && format != "json") {
    return ApiError(400, "format 只能是 xlsx、csv、html 或 json");
  }
  Result<FetchedDocument> fetched = Status::IoError("");
  {
    std::lock_guard<std::mutex> lock(mu_);
    fetched = FetchDocument(store_, id);
  }
  if (!fetched.ok()) return FromStatus(fetched.status());
  const Document& doc = fetched->doc;
  ApiResponse r;
  if (format == "xlsx") {
    auto bytes = XlsxBytes(doc, fetched->findings);
    if (!bytes.ok()) return FromStatus(bytes.status());
    r.body = std::move(*bytes);
    r.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  } else if (format == "csv") {
    std::ostringstream out;
    WriteCsv(doc, out);
    r.body = out.str();
    r.content_type = "text/csv; charset=utf-8";
  } else if (format == "html") {
    r.body = HtmlReport({Checked{&doc, fetched->findings}});
    r.content_type = "text/html; charset=utf-8";
  } else {
    r.body = DocumentJson(doc, 2);
  }
  r.headers.emplace_back("Content-Disposition",
                         Attachment(format == "html", id, doc.source, format));
  return r;
}

ApiResponse Api::Delete(int64_t id) {
  if (read_only_) return ApiError(403, "工作台以只读方式运行，不能删除文件");
  std::lock_guard<std::mutex> lock(mu_);
  Status s = InTransaction(store_, [&] { return DeleteDocument(store_, id); });
  if (!s.ok()) return FromStatus(s);
  return JsonResponse(200, Json{{"deleted", id}});
}

ApiResponse Api::Info() const {
  return JsonResponse(200, Json{{"name", "yusuan"},
                                {"version", kVersion},
                                {"read_only", read_only_},
                                {"max_upload_bytes", max_upload_}});
}

ApiResponse Api::Catalogue() {
  Json tables = Json::array();
  for (const TableSpec& spec : yusuan::Catalogue()) {
    Json sides = Json::array();
    for (const SideSpec& side : spec.sides) {
      Json columns = Json::array();
      for (const ColumnSpec& c : side.columns) {
        static constexpr const char* kTypes[] = {"label", "code", "text", "amount"};
        columns.push_back(
            Json{{"id", c.id}, {"name", c.name}, {"type", kTypes[static_cast<int>(c.type)]}});
      }
      sides.push_back(Json{{"id", side.id}, {"columns", columns}});
    }
    tables.push_back(Json{{"id", spec.id},
                          {"number", static_cast<int>(spec.kind)},
                          {"name", spec.name},
                          {"sides", sides}});
  }
  return JsonResponse(200, Json{{"tables", tables}});
}

ApiResponse Api::RulesList() {
  Json rules = Json::array();
  auto add = [&](const RuleInfo& r) {
    rules.push_back(Json{{"id", r.id},
                         {"family", r.family},
                         {"severity", SeverityId(r.severity)},
                         {"title", r.title},
                         {"example", r.example}});
  };
  for (const Rule& r : Rules()) add(r.info);
  for (const CrossRule& r : CrossRules()) add(r.info);
  return JsonResponse(200, Json{{"rules", rules}});
}

}  // namespace yusuan
