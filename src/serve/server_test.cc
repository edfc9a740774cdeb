// The workspace's HTTP API, exercised over a real socket: every endpoint, the limits, the
// token, read-only mode, traversal attempts and a document carrying markup.
#include "serve/server.h"

#include <gtest/gtest.h>
#include <httplib.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <thread>

#include "model/json.h"
#include "read/document_reader.h"
#include "serve/api.h"
#include "serve/static_files.h"
#include "testing/postgres.h"
#include "testing/samples.h"
#include "testing/variants.h"

namespace yusuan {
namespace {

namespace fs = std::filesystem;
using testing::SampleBytes;

constexpr auto& kSeeds = testing::kSampleNames;

// A directory of its own for each test, removed afterwards.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "yusuan-serve-XXXXXX").string();
    path_ = mkdtemp(pattern.data());
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

void WriteFile(const fs::path& p, const std::string& bytes) {
  std::ofstream out(p, std::ios::binary);
  out << bytes;
}

// A running `yusuan serve` on a free port, with a UI directory of two files.
class Running {
 public:
  explicit Running(ServeOptions options, const fs::path& dir) {
    fs::create_directories(dir / "web");
    WriteFile(dir / "web" / "index.html", "<!DOCTYPE html><title>workspace</title>");
    WriteFile(dir / "web" / "app.css", "body{}");
    WriteFile(dir / "secret.txt", "outside the web root");
    fs::create_symlink(dir / "secret.txt", dir / "web" / "link.txt");
    // Each server has a database of its own unless the test names one.
    if (options.db == ServeOptions().db) options.db = (dir / "ws.db").string();
    options.web_root = (dir / "web").string();
    options.port = 0;
    auto server = Server::Create(options);
    EXPECT_TRUE(server.ok()) << server.status().message();
    server_ = std::move(*server);
    auto port = server_->Bind();
    EXPECT_TRUE(port.ok());
    port_ = *port;
    thread_ = std::thread([this] { server_->Run(); });
  }
  ~Running() {
    server_->Stop();
    thread_.join();
  }
  httplib::Client Client() const {
    httplib::Client c("127.0.0.1", port_);
    c.set_url_encode(false);  // send paths exactly as written
    c.set_read_timeout(60, 0);
    return c;
  }

 private:
  std::unique_ptr<Server> server_;
  int port_ = 0;
  std::thread thread_;
};

httplib::Result Upload(httplib::Client& c, const std::string& name, const std::string& bytes,
                       const httplib::Headers& headers = {}) {
  httplib::MultipartFormDataItems items = {{"file", bytes, name, "text/plain"}};
  return c.Post("/api/documents", headers, items);
}

Json Body(const httplib::Result& r) { return Json::parse(r->body); }

// What `yusuan check --format json FILE` prints, run in the samples directory so that the
// file name it reports is the bare name the upload carried.
Json CliFindings(const std::string& name) {
  std::string command =
      "cd " + std::string(YUSUAN_SAMPLES) + " && " + YUSUAN_BINARY + " check --format json " + name;
  FILE* pipe = popen(command.c_str(), "r");
  std::string out;
  char buffer[65536];
  for (size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, n);
  pclose(pipe);
  return Json::parse(out);
}

TEST(ServeApi, UploadAnswersIdSummaryAndCounts) {
  TempDir dir;
  Running server({}, dir.path());
  auto c = server.Client();
  auto r = Upload(c, "001_8dd967fac47080d3.txt", SampleBytes("001_8dd967fac47080d3.txt"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 201);
  EXPECT_EQ(r->get_header_value("Location"), "/api/documents/1");
  Json body = Body(r);
  EXPECT_EQ(body["id"], 1);
  EXPECT_EQ(body["summary"]["name"], "高平市医疗保险服务中心");
  EXPECT_EQ(body["summary"]["income_total"], "60563500.00");
  Json cli = CliFindings("001_8dd967fac47080d3.txt");
  int errors = 0;
  for (const Json& f : cli["findings"]) errors += f["severity"] == "error";
  EXPECT_EQ(body["counts"]["error"], errors);
  EXPECT_EQ(body["counts"]["error"].get<int>() + body["counts"]["warning"].get<int>() +
                body["counts"]["info"].get<int>(),
            static_cast<int>(cli["findings"].size()));
}

TEST(ServeApi, FindingsEqualCheckJsonForEverySeed) {
  TempDir dir;
  Running server({}, dir.path());
  auto c = server.Client();
  for (const char* seed : kSeeds) {
    auto up = Upload(c, seed, SampleBytes(seed));
    ASSERT_TRUE(up);
    ASSERT_EQ(up->status, 201) << seed << ": " << up->body;
    int64_t id = Body(up)["id"];
    auto r = c.Get("/api/documents/" + std::to_string(id) + "/findings");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    Json api = Body(r), cli = CliFindings(seed);
    EXPECT_GT(cli["findings"].size(), 0u) << seed;
    EXPECT_TRUE(api == cli) << seed << ": API " << api["findings"].size() << " findings, CLI "
                            << cli["findings"].size();
  }
}

TEST(ServeApi, WorksOverPostgresqlAsOverSqlite) {
  ASSERT_TRUE(testing::SharedPostgres().ok()) << testing::SharedPostgres().error();
  TempDir dir;
  ServeOptions options;
  options.db = testing::SharedPostgres().NewDatabase("serve_api");
  Running server(options, dir.path());
  auto c = server.Client();
  for (const char* seed : {"001_8dd967fac47080d3.txt", "003_e6ae60a0aa2cb151.txt"}) {
    auto up = Upload(c, seed, SampleBytes(seed));
    ASSERT_EQ(up->status, 201) << up->body;
    auto r = c.Get("/api/documents/" + std::to_string(Body(up)["id"].get<int64_t>()) + "/findings");
    EXPECT_TRUE(Body(r) == CliFindings(seed)) << seed;
  }
  EXPECT_EQ(Body(c.Get("/api/documents"))["documents"].size(), 2u);
  EXPECT_EQ(c.Delete("/api/documents/1")->status, 200);
  EXPECT_EQ(Body(c.Get("/api/documents"))["documents"].size(), 1u);
  EXPECT_EQ(c.Get("/api/documents/1/export?format=xlsx")->status, 404);
  EXPECT_EQ(c.Get("/api/documents/2/export?format=xlsx")->status, 200);
}

TEST(ServeApi, ListCarriesKeyFiguresAndCounts) {
  TempDir dir;
  Running server({}, dir.path());
  auto c = server.Client();
  ASSERT_EQ(Upload(c, "a.txt", SampleBytes("001_8dd967fac47080d3.txt"))->status, 201);
  ASSERT_EQ(Upload(c, "b.txt", SampleBytes("003_e6ae60a0aa2cb151.txt"))->status, 201);
  // The same content again replaces, it does not duplicate.
  auto again = Upload(c, "a-again.txt", SampleBytes("001_8dd967fac47080d3.txt"));
  EXPECT_EQ(Body(again)["id"], 1);
  auto r = c.Get("/api/documents");
  ASSERT_TRUE(r);
  Json list = Body(r)["documents"];
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0]["file"], "a-again.txt");
  EXPECT_EQ(list[0]["year"], 2026);
  EXPECT_EQ(list[0]["kind"], "unit");
  EXPECT_EQ(list[0]["figures"]["basic_expenditure"], "3832600.00");
  EXPECT_EQ(list[0]["figures"]["projects_current"], 12);
  EXPECT_TRUE(list[1]["counts"].contains("warning"));
}

// Percent-encodes a query value (the test client sends paths as written).
std::string Encode(std::string_view v) {
  std::string out;
  for (unsigned char ch : v) {
    if (std::isalnum(ch)) {
      out += static_cast<char>(ch);
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", ch);
      out += hex;
    }
  }
  return out;
}

// The ids a list request answers, and how many documents matched; {-status} on an error.
struct Listed {
  std::vector<int64_t> ids;
  int64_t matched = 0;
  Json documents;
};
Listed List(httplib::Client& c, const std::string& query) {
  auto r = c.Get("/api/documents?" + query);
  Listed out;
  if (!r || r->status != 200) {
    out.ids = {-(r ? r->status : 1)};
    return out;
  }
  Json body = Body(r);
  out.matched = body["matched"];
  out.documents = body["documents"];
  for (const Json& d : out.documents) out.ids.push_back(d["id"]);
  return out;
}

// Three documents, uploaded as a.txt (001, a unit of 高平市), b_100%.txt (003) and c.txt (004,
// two departments): the list searches, sorts and pages on the server the same way over SQLite
// and PostgreSQL.
void ExpectListSearchesSortsAndPages(httplib::Client& c) {
  const std::pair<const char*, const char*> uploads[] = {{"a.txt", "001_8dd967fac47080d3.txt"},
                                                         {"b_100%.txt", "003_e6ae60a0aa2cb151.txt"},
                                                         {"c.txt", "004_0beacd04c5a77258.txt"}};
  for (const auto& [name, seed] : uploads)
    ASSERT_EQ(Upload(c, name, SampleBytes(seed))->status, 201);
  using Ids = std::vector<int64_t>;
  Json whole = Body(c.Get("/api/documents"));
  EXPECT_EQ(whole["total"], 3);
  EXPECT_EQ(whole["matched"], 3);
  EXPECT_EQ(whole["offset"], 0);
  EXPECT_EQ(List(c, "").ids, (Ids{1, 2, 3}));
  // Pages: neither a repeat nor a gap; past the end, nothing, and still the count.
  EXPECT_EQ(List(c, "limit=2").ids, (Ids{1, 2}));
  EXPECT_EQ(List(c, "limit=2&offset=2").ids, (Ids{3}));
  Listed past = List(c, "limit=2&offset=9");
  EXPECT_EQ(past.ids, Ids{});
  EXPECT_EQ(past.matched, 3);
  // Sorted by a figure, ties by id; descending is the reverse when there is no tie.
  Listed by_income = List(c, "sort=income_total&order=desc");
  ASSERT_EQ(by_income.ids.size(), 3u);
  for (size_t i = 1; i < 3; ++i) {
    EXPECT_GE(std::stod(by_income.documents[i - 1]["figures"]["income_total"].get<std::string>()),
              std::stod(by_income.documents[i]["figures"]["income_total"].get<std::string>()));
  }
  Ids ascending = List(c, "sort=income_total").ids;
  EXPECT_EQ(Ids(ascending.rbegin(), ascending.rend()), by_income.ids);
  EXPECT_EQ(List(c, "sort=name&order=desc&limit=1").ids.size(), 1u);
  // Search: each word in some field (name, region, file, year, kind), ASCII in any case, the
  // wildcards of LIKE taken as characters.
  EXPECT_EQ(List(c, "q=" + Encode("高平")).ids, (Ids{1}));
  EXPECT_EQ(List(c, "q=" + Encode("部门预算")).ids, (Ids{2, 3}));
  EXPECT_EQ(List(c, "q=" + Encode("2026 长治")).ids, (Ids{3}));
  EXPECT_EQ(List(c, "q=" + Encode("2026\u3000长治")).ids, (Ids{3}));  // an ideographic space
  EXPECT_EQ(List(c, "q=" + Encode("高平 长治")).ids, Ids{});
  EXPECT_EQ(List(c, "q=2026").ids, (Ids{1, 2, 3}));
  EXPECT_EQ(List(c, "q=B_100").ids, (Ids{2}));
  EXPECT_EQ(List(c, "q=_").ids, (Ids{2}));
  EXPECT_EQ(List(c, "q=" + Encode("%")).ids, (Ids{2}));
  EXPECT_EQ(List(c, "q=" + Encode("'; DROP TABLE documents; --")).ids, Ids{});
  Listed found = List(c, "q=" + Encode("部门") + "&sort=id&order=desc&limit=1");
  EXPECT_EQ(found.ids, (Ids{3}));
  EXPECT_EQ(found.matched, 2);
  EXPECT_EQ(List(c, "").ids, (Ids{1, 2, 3}));
}

TEST(ServeApi, ListSearchesSortsAndPagesOnTheServer) {
  TempDir dir;
  Running server({}, dir.path());
  auto c = server.Client();
  ExpectListSearchesSortsAndPages(c);
}

TEST(ServeApi, ListSearchesSortsAndPagesOverPostgresqlAsOverSqlite) {
  ASSERT_TRUE(testing::SharedPostgres().ok()) << testing::SharedPostgres().error();
  TempDir dir;
  ServeOptions options;
  options.db = testing::SharedPostgres().NewDatabase("serve_list");
  Running server(options, dir.path());
  auto c = server.Client();
  ExpectListSearchesSortsAndPages(c);
}

TEST(ServeApi, ListRefusesWhatItCannotAnswerWithTheReason) {
  TempDir dir;
  Running server({}, dir.path());
  auto c = server.Client();
  for (const char* query : {"sort=bogus", "sort=id%3BDROP", "order=up", "offset=-1", "offset=1x",
                            "limit=0", "limit=", "limit=abc", "limit=99999999999999999999",
                            "q=1%202%203%204%205%206%207%208%209"}) {
    auto r = c.Get(std::string("/api/documents?") + query);
    ASSERT_TRUE(r);
    if (std::string_view(query) == "limit=") {
      EXPECT_EQ(r->status, 200) << "an empty value is the default";
      continue;
    }
    EXPECT_EQ(r->status, 400) << query;
    EXPECT_FALSE(Body(r)["error"].get<std::string>().empty()) << query;
  }
}

TEST(ServeApi, ModelIsTheParseJson) {
  TempDir dir;
  Running server({}, dir.path());
  auto c = server.Client();
  const std::string bytes = SampleBytes("004_0beacd04c5a77258.txt");
  ASSERT_EQ(Upload(c, "004.txt", bytes)->status, 201);
  auto r = c.Get("/api/documents/1");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Content-Type"), "application/json; charset=utf-8");
  auto doc = ReadDocument(bytes, "004.txt");
  ASSERT_TRUE(doc.ok());
  EXPECT_TRUE(Body(r) == ToJson(*doc));  // not EXPECT_EQ: the model prints as megabytes
}

TEST(ServeApi, MissingDocumentsAre404WithAMessage) {
  TempDir dir;
  Running server({}, dir.path());
  auto c = server.Client();
  for (const char* path :
       {"/api/documents/7", "/api/documents/7/findings", "/api/documents/7/export?format=csv",
        "/api/documents/abc", "/api/documents/99999999999999999999999", "/api/nothing"}) {
    auto r = c.Get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, 404) << path;
    EXPECT_FALSE(Body(r)["error"].get<std::string>().empty()) << path;
  }
}

TEST(ServeApi, ExportsEveryFormat) {
  TempDir dir;
  Running server({}, dir.path());
  auto c = server.Client();
  ASSERT_EQ(Upload(c, "003_e6ae60a0aa2cb151.txt", SampleBytes("003_e6ae60a0aa2cb151.txt"))->status,
            201);
  auto xlsx = c.Get("/api/documents/1/export?format=xlsx");
  ASSERT_TRUE(xlsx);
  EXPECT_EQ(xlsx->status, 200);
  EXPECT_EQ(xlsx->body.substr(0, 2), "PK");  // a zip container
  EXPECT_NE(xlsx->get_header_value("Content-Disposition").find("attachment"), std::string::npos);
  auto csv = c.Get("/api/documents/1/export?format=csv");
  EXPECT_EQ(csv->status, 200);
  EXPECT_EQ(csv->get_header_value("Content-Type"), "text/csv; charset=utf-8");
  EXPECT_GT(std::count(csv->body.begin(), csv->body.end(), '\n'), 100);
  auto html = c.Get("/api/documents/1/export?format=html");
  EXPECT_EQ(html->status, 200);
  EXPECT_EQ(html->body.rfind("<!DOCTYPE html>", 0), 0u);
  auto json = c.Get("/api/documents/1/export?format=json");
  EXPECT_EQ(Body(json)["name"], Body(c.Get("/api/documents/1"))["name"]);
  auto bad = c.Get("/api/documents/1/export?format=pdf");
  EXPECT_EQ(bad->status, 400);
  EXPECT_NE(Body(bad)["error"].get<std::string>().find("xlsx"), std::string::npos);
}

TEST(ServeApi, NotADisclosureIs400WithTheReason) {
  TempDir dir;
  Running server({}, dir.path());
  auto c = server.Client();
  struct Case {
    const char* name;
    std::string bytes;
  };
  for (const Case& k : {Case{"notes.txt", "今天天气很好。\n没有表格。\n"}, Case{"empty.txt", ""},
                        Case{"binary.bin", std::string("\x7f"
                                                       "ELF\0\0\x01\x02\xff\xfe\0",
                                                       12)}}) {
    auto r = Upload(c, k.name, k.bytes);
    ASSERT_TRUE(r) << k.name;
    EXPECT_EQ(r->status, 400) << k.name;
    std::string error = Body(r)["error"];
    EXPECT_NE(error.find(k.name), std::string::npos) << error;  // names the file
  }
  EXPECT_EQ(Body(c.Get("/api/documents"))["documents"].size(), 0u);
}

TEST(ServeApi, UploadWithoutFileFieldIs400) {
  TempDir dir;
  Running server({}, dir.path());
  auto c = server.Client();
  auto plain = c.Post("/api/documents", "x", "text/plain");
  EXPECT_EQ(plain->status, 400);
  httplib::MultipartFormDataItems items = {{"document", "x", "a.txt", "text/plain"}};
  auto wrong = c.Post("/api/documents", items);
  EXPECT_EQ(wrong->status, 400);
  EXPECT_NE(Body(wrong)["error"].get<std::string>().find("file"), std::string::npos);
}

TEST(ServeApi, UploadOverTheLimitIs413) {
  TempDir dir;
  ServeOptions options;
  options.max_upload_bytes = 1 << 20;
  Running server(options, dir.path());
  auto c = server.Client();
  // Just over the limit: refused by the API with its message.
  auto over = Upload(c, "big.txt", std::string((1 << 20) + 10, 'a'));
  ASSERT_TRUE(over);
  EXPECT_EQ(over->status, 413);
  EXPECT_FALSE(Body(over)["error"].get<std::string>().empty());
  // Far over: refused before it is read.
  auto far = Upload(c, "bigger.txt", std::string(3 << 20, 'a'));
  ASSERT_TRUE(far);
  EXPECT_EQ(far->status, 413);
}

TEST(ServeApi, TokenGuardsEveryApiCall) {
  TempDir dir;
  ServeOptions options;
  options.token = "s3cret-token";
  Running server(options, dir.path());
  auto c = server.Client();
  for (const char* path : {"/api/documents", "/api/info", "/api/documents/1", "/api/rules"}) {
    auto none = c.Get(path);
    EXPECT_EQ(none->status, 401) << path;
    EXPECT_EQ(none->get_header_value("WWW-Authenticate"), "Bearer");
    EXPECT_FALSE(Body(none)["error"].get<std::string>().empty());
    auto wrong = c.Get(path, {{"Authorization", "Bearer s3cret-tokem"}});
    EXPECT_EQ(wrong->status, 401) << path;
  }
  EXPECT_EQ(Upload(c, "a.txt", SampleBytes("001_8dd967fac47080d3.txt"))->status, 401);
  httplib::Headers auth = {{"Authorization", "Bearer s3cret-token"}};
  EXPECT_EQ(Upload(c, "a.txt", SampleBytes("001_8dd967fac47080d3.txt"), auth)->status, 201);
  EXPECT_EQ(c.Get("/api/documents", auth)->status, 200);
  // The page itself loads without the token; it asks for one.
  EXPECT_EQ(c.Get("/")->status, 200);
}

TEST(ServeApi, ReadOnlyRefusesUploadsAndDeletes) {
  TempDir dir;
  {
    Running writable({}, dir.path() / "w");
    auto c = writable.Client();
    ASSERT_EQ(Upload(c, "a.txt", SampleBytes("001_8dd967fac47080d3.txt"))->status, 201);
  }
  ServeOptions options;
  options.read_only = true;
  options.db = (dir.path() / "w" / "ws.db").string();
  Running server(options, dir.path() / "r");
  auto c = server.Client();
  auto up = Upload(c, "b.txt", SampleBytes("003_e6ae60a0aa2cb151.txt"));
  EXPECT_EQ(up->status, 403);
  EXPECT_NE(Body(up)["error"].get<std::string>().find("只读"), std::string::npos);
  EXPECT_EQ(c.Delete("/api/documents/1")->status, 403);
  EXPECT_EQ(Body(c.Get("/api/documents"))["documents"].size(), 1u);
  EXPECT_EQ(Body(c.Get("/api/info"))["read_only"], true);
}

TEST(ServeApi, DeleteRemovesTheDocumentAndItsRows) {
  TempDir dir;
  Running server({}, dir.path());
  auto c = server.Client();
  ASSERT_EQ(Upload(c, "a.txt", SampleBytes("001_8dd967fac47080d3.txt"))->status, 201);
  EXPECT_EQ(c.Delete("/api/documents/1")->status, 200);
  EXPECT_EQ(c.Get("/api/documents/1")->status, 404);
  EXPECT_EQ(c.Get("/api/documents/1/findings")->status, 404);
  EXPECT_EQ(c.Delete("/api/documents/1")->status, 404);
  EXPECT_EQ(Body(c.Get("/api/documents"))["documents"].size(), 0u);
}

TEST(ServeApi, StaticFilesCannotLeaveTheirDirectory) {
  TempDir dir;
  Running server({}, dir.path());
  auto c = server.Client();
  auto index = c.Get("/");
  EXPECT_EQ(index->status, 200);
  EXPECT_EQ(index->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(index->get_header_value("Content-Security-Policy").find("script-src 'self'"),
            std::string::npos);
  EXPECT_EQ(index->get_header_value("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(c.Get("/app.css")->get_header_value("Content-Type"), "text/css; charset=utf-8");
  for (const char* path :
       {"/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/%2E%2E/etc/passwd", "/..%2fsecret.txt",
        "/..%2F..%2Fetc%2Fpasswd", "/app.css/../../secret.txt", "//etc/passwd", "/.%2e/secret.txt",
        "/%2e%2e%5csecret.txt", "/link.txt", "/..\\secret.txt", "/C:/Windows/win.ini", "/.hidden",
        "/%00index.html"}) {
    auto r = c.Get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_TRUE(r->status == 400 || r->status == 404) << path << " gave " << r->status;
    EXPECT_EQ(r->body.find("outside the web root"), std::string::npos) << path;
    EXPECT_EQ(r->body.find("root:"), std::string::npos) << path;
  }
}

TEST(ServeApi, DocumentTextWithMarkupStaysText) {
  TempDir dir;
  Running server({}, dir.path());
  auto c = server.Client();
  std::string bytes = SampleBytes("001_8dd967fac47080d3.txt");
  const std::string name = "高平市医疗保险服务中心";
  const std::string hostile = "<script>alert(1)</script>中心";
  for (size_t at; (at = bytes.find(name)) != std::string::npos;)
    bytes.replace(at, name.size(), hostile);
  auto up = Upload(c, "<img src=x onerror=alert(1)>.txt", bytes);
  ASSERT_EQ(up->status, 201) << up->body;
  Json listed = Body(c.Get("/api/documents"))["documents"][0];
  EXPECT_EQ(listed["name"], hostile);  // JSON carries the text exactly, as data
  EXPECT_EQ(listed["file"], "<img src=x onerror=alert(1)>.txt");
  auto html = c.Get("/api/documents/1/export?format=html");
  EXPECT_EQ(html->body.find("<script>alert(1)"), std::string::npos);
  EXPECT_NE(html->body.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_EQ(html->body.find("<img src=x"), std::string::npos);
}

TEST(ServeApi, ConcurrentUploadsAllLand) {
  TempDir dir;
  Running server({}, dir.path());
  const std::string seed = SampleBytes("003_e6ae60a0aa2cb151.txt");
  std::vector<std::thread> threads;
  std::vector<int> statuses(8, 0);
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&, i] {
      auto c = server.Client();
      auto r = Upload(c, "v" + std::to_string(i) + ".txt", testing::Variant(seed, i));
      statuses[i] = r ? r->status : -1;
    });
  }
  for (auto& t : threads) t.join();
  for (int s : statuses) EXPECT_EQ(s, 201);
  EXPECT_EQ(Body(server.Client().Get("/api/documents"))["documents"].size(), 8u);
}

TEST(ServeStatic, ResolvesInsideTheRootOnly) {
  TempDir dir;
  fs::create_directories(dir.path() / "web" / "vendor");
  WriteFile(dir.path() / "web" / "index.html", "x");
  WriteFile(dir.path() / "web" / "vendor" / "lib.js", "x");
  const fs::path root = dir.path() / "web";
  EXPECT_EQ(ResolveStatic(root, "/")->filename(), "index.html");
  EXPECT_EQ(ResolveStatic(root, "/vendor/lib.js")->filename(), "lib.js");
  EXPECT_EQ(ResolveStatic(root, "/vendor//lib.js")->filename(), "lib.js");
  EXPECT_EQ(ResolveStatic(root, "/vendor/../index.html").status().kind(),
            Status::Kind::kInvalidArgument);
  EXPECT_EQ(ResolveStatic(root, "vendor/lib.js").status().kind(), Status::Kind::kInvalidArgument);
  EXPECT_EQ(ResolveStatic(root, "/vendor").status().kind(), Status::Kind::kNotFound);
  EXPECT_EQ(ResolveStatic(root, "/missing.js").status().kind(), Status::Kind::kNotFound);
}

TEST(ServeStatic, UploadNamesKeepOnlyTheirLastPart) {
  EXPECT_EQ(SafeFileName("../../etc/passwd"), "passwd");
  EXPECT_EQ(SafeFileName("C:\\Users\\x\\预算.txt"), "预算.txt");
  EXPECT_EQ(SafeFileName("a\nb\x01.txt"), "ab.txt");
  EXPECT_EQ(SafeFileName(".."), "upload.txt");
  EXPECT_EQ(SafeFileName(""), "upload.txt");
  EXPECT_LE(SafeFileName(std::string(500, 'x')).size(), 200u);
  // A cut never splits a character.
  std::string cjk;
  for (int i = 0; i < 100; ++i) cjk += "预";
  std::string cut = SafeFileName(cjk);
  EXPECT_EQ(cut.size() % 3, 0u);
  // A name in another encoding (GBK "表" is B1 ED, not UTF-8) is kept, readable as far as it
  // is UTF-8.
  EXPECT_EQ(SafeFileName("x\xB1\xED.txt"), "x\uFFFD\uFFFD.txt");
}

// The upload of a file named in another encoding is stored and answered (it was stored, and
// the answer was a 500), and every answer naming it is valid JSON.
TEST(ServeApi, UploadNamedInAnotherEncodingIsAnsweredInValidJson) {
  TempDir dir;
  Running server({}, dir.path());
  auto c = server.Client();
  auto up = Upload(c, "\xB1\xED.txt", SampleBytes(kSeeds[0]));
  ASSERT_TRUE(up);
  EXPECT_EQ(up->status, 201) << up->body;
  EXPECT_EQ(Body(up)["file"], "\uFFFD\uFFFD.txt");
  for (const char* path : {"/api/documents", "/api/documents/1", "/api/documents/1/findings"}) {
    auto r = c.Get(path);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200) << path;
    EXPECT_NO_THROW(Body(r)) << path;
  }
}

}  // namespace
}  // namespace yusuan
