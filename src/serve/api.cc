#include "serve/api.h"

#include <fmt/format.h>
#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/money.h"
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

}  // namespace

ApiResponse ApiError(int status, std::string_view message) {
  return JsonResponse(status, Json{{"error", std::string(message)}});
}

std::string SafeFileName(std::string_view client_name) {
  size_t slash = client_name.find_last_of("/\\");
  if (slash != std::string_view::npos) client_name.remove_prefix(slash + 1);
  std::string name;
  for (char ch : client_name) {
    unsigned char u = static_cast<unsigned char>(ch);
    if (u < 0x20 || u == 0x7F) continue;
    name += ch;
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
  Result<int64_t> id = Status::IoError("");
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (Status s = store_.Begin(); !s.ok()) return FromStatus(s);
    id = store_.Put(prepared->stored());
    Status done = id.ok() ? store_.Commit() : store_.Rollback();
    if (!id.ok()) return FromStatus(id.status());
    if (!done.ok()) return FromStatus(done);
  }
  Counts n = Count(prepared->findings);
  ApiResponse r = JsonResponse(201, Json{{"id", *id},
                                         {"file", name},
                                         {"summary", ToJson(Summarize(prepared->doc))},
                                         {"counts", CountsJson(n.error, n.warning, n.info)}});
  r.headers.emplace_back("Location", fmt::format("/api/documents/{}", *id));
  return r;
}

ApiResponse Api::List() {
  static constexpr const char* kMoney[] = {
      "income_total",      "expenditure_total",     "current_income",
      "carryover",         "general_public_budget", "government_fund",
      "basic_expenditure", "project_expenditure",   "personnel",
      "public_funds",      "three_public",          "org_running",
      "livelihood_total"};
  static constexpr const char* kCounts[] = {"projects_current", "projects_carryover",
                                            "performance_tables", "livelihood_projects"};
  std::string sql = "SELECT id, file_name, kind, year, name, region, errors, warnings, infos";
  for (const char* m : kMoney) sql += fmt::format(", {}_fen", m);
  for (const char* c : kCounts) sql += fmt::format(", {}", c);
  sql += " FROM documents ORDER BY id";
  Result<QueryResult> q = Status::IoError("");
  {
    std::lock_guard<std::mutex> lock(mu_);
    q = store_.Query(sql);
  }
  if (!q.ok()) return FromStatus(q.status());
  Json list = Json::array();
  auto num = [](const std::optional<std::string>& v) -> int64_t { return v ? std::stoll(*v) : 0; };
  for (const auto& row : q->rows) {
    Json figures = Json::object();
    size_t col = 9;
    for (const char* m : kMoney) figures[m] = FormatYuan(num(row[col++]));
    for (const char* c : kCounts) figures[c] = num(row[col++]);
    list.push_back(Json{{"id", num(row[0])},
                        {"file", row[1].value_or("")},
                        {"kind", row[2].value_or("")},
                        {"year", num(row[3])},
                        {"name", row[4].value_or("")},
                        {"region", row[5].value_or("")},
                        {"figures", figures},
                        {"counts", CountsJson(num(row[6]), num(row[7]), num(row[8]))}});
  }
  return JsonResponse(200, Json{{"documents", list}});
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
  if (Status s = store_.Begin(); !s.ok()) return FromStatus(s);
  Status s = DeleteDocument(store_, id);
  Status done = s.ok() ? store_.Commit() : store_.Rollback();
  if (!s.ok()) return FromStatus(s);
  if (!done.ok()) return FromStatus(done);
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
