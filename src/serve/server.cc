#include "serve/server.h"

#include <fmt/format.h>
#include <httplib.h>
#include <unistd.h>

#include <charconv>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "serve/api.h"
#include "serve/static_files.h"
#include "store/store.h"

namespace yusuan {
namespace {

void Send(const ApiResponse& r, httplib::Response& res) {
  res.status = r.status;
  for (const auto& [name, value] : r.headers) res.set_header(name, value);
  res.set_content(r.body, r.content_type);
}

bool ParseId(const std::string& text, int64_t* id) {
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), *id);
  return ec == std::errc() && end == text.data() + text.size();
}

// Compares without an early exit, so the time taken does not tell how much of a guess matched.
bool SameSecret(std::string_view given, std::string_view secret) {
  if (secret.empty()) return false;
  size_t diff = given.size() ^ secret.size();
  for (size_t i = 0; i < given.size(); ++i)
    diff |= static_cast<unsigned char>(given[i] ^ secret[i % secret.size()]);
  return diff == 0;
}

std::string_view ErrorText(int status) {
  switch (status) {
    case 400:
      return "请求不合法";
    case 401:
      return "需要令牌：请求头 Authorization: Bearer <令牌>";
    case 403:
      return "不允许";
    case 404:
      return "没有这个地址";
    case 405:
      return "不支持这个请求方法";
    case 413:
      return "上传内容超过上限";
    default:
      return status >= 500 ? "服务器内部错误" : "请求失败";
  }
}

}  // namespace

std::string DefaultWebRoot() {
  std::error_code ec;
  std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    std::filesystem::path beside = exe.parent_path() / "web";
    if (std::filesystem::is_regular_file(beside / "index.html", ec)) return beside.string();
  }
#ifdef YUSUAN_WEB_ROOT
  return YUSUAN_WEB_ROOT;
#else
  return "web";
#endif
}

struct Server::Impl {
  ServeOptions options;
  std::unique_ptr<Store> store;
  std::unique_ptr<Api> api;
  httplib::Server http;
  int port = 0;

  void Routes();
  bool Authorized(const httplib::Request& req) const {
    if (options.token.empty()) return true;
    std::string header = req.get_header_value("Authorization");
    constexpr std::string_view kBearer = "Bearer ";
    if (header.compare(0, kBearer.size(), kBearer) != 0) return false;
    return SameSecret(std::string_view(header).substr(kBearer.size()), options.token);
  }
};

void Server::Impl::Routes() {
  http.set_default_headers({
      {"X-Content-Type-Options", "nosniff"},
      {"X-Frame-Options", "DENY"},
      {"Referrer-Policy", "no-referrer"},
      {"Content-Security-Policy",
       "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data: blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"},
  });
  // SO_REUSEADDR only: httplib's default also sets SO_REUSEPORT, which would let a second
  // workspace bind the same port and silently share its requests.
  http.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  // The multipart envelope around the file takes a little room beyond the file itself.
  http.set_payload_max_length(options.max_upload_bytes + 64 * 1024);

  http.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    if (req.path.rfind("/api/", 0) != 0) return httplib::Server::HandlerResponse::Unhandled;
    res.set_header("Cache-Control", "no-store");
    if (!Authorized(req)) {
      res.set_header("WWW-Authenticate", "Bearer");
      Send(ApiError(401, ErrorText(401)), res);
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  // Every error leaves as JSON with a message, whoever produced it.
  http.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (res.body.empty()) Send(ApiError(res.status, ErrorText(res.status)), res);
  });
  http.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        Send(ApiError(500, "服务器内部错误"), res);
      });

  auto with_id = [this](auto handler) {
    return [this, handler](const httplib::Request& req, httplib::Response& res) {
      int64_t id = 0;
      if (!ParseId(req.matches[1], &id)) {
        Send(ApiError(404, "没有这个文件"), res);
        return;
      }
      Send(handler(id, req), res);
    };
  };

  http.Get("/api/info",
           [this](const httplib::Request&, httplib::Response& res) { Send(api->Info(), res); });
  http.Get("/api/catalogue",
           [](const httplib::Request&, httplib::Response& res) { Send(Api::Catalogue(), res); });
  http.Get("/api/rules",
           [](const httplib::Request&, httplib::Response& res) { Send(Api::RulesList(), res); });
  http.Get("/api/documents", [this](const httplib::Request& req, httplib::Response& res) {
    const std::string q = req.get_param_value("q"), sort = req.get_param_value("sort"),
                      order = req.get_param_value("order"), offset = req.get_param_value("offset"),
                      limit = req.get_param_value("limit");
    Send(api->List(ListRequest{q, sort, order, offset, limit}), res);
  });
  http.Post("/api/documents", [this](const httplib::Request& req, httplib::Response& res) {
    if (!req.is_multipart_form_data() || !req.has_file("file")) {
      Send(ApiError(400, "请用 multipart/form-data 上传，文件放在 file 字段"), res);
      return;
    }
    if (req.files.count("file") != 1) {
      Send(ApiError(400, "一次上传一个文件（file 字段只能有一个）"), res);
      return;
    }
    const httplib::MultipartFormData file = req.get_file_value("file");
    Send(api->Upload(file.content, file.filename), res);
  });
  http.Get(R"(/api/documents/([^/]+))",
           with_id([this](int64_t id, const httplib::Request&) { return api->Model(id); }));
  http.Delete(R"(/api/documents/([^/]+))",
              with_id([this](int64_t id, const httplib::Request&) { return api->Delete(id); }));
  http.Get(R"(/api/documents/([^/]+)/findings)",
           with_id([this](int64_t id, const httplib::Request&) { return api->Findings(id); }));
  http.Get(R"(/api/documents/([^/]+)/export)",
           with_id([this](int64_t id, const httplib::Request& req) {
             return api->Export(id, req.get_param_value("format"));
           }));

  // Everything else is a file of the UI.
  http.Get(R"(/.*)", [this](const httplib::Request& req, httplib::Response& res) {
    if (req.path.rfind("/api/", 0) == 0) {
      Send(ApiError(404, "没有这个接口（见 docs/api.md）"), res);
      return;
    }
    auto file = ResolveStatic(options.web_root, req.path);
    if (!file.ok()) {
      Send(ApiError(file.status().kind() == Status::Kind::kNotFound ? 404 : 400,
                    file.status().message()),
           res);
      return;
    }
    std::ifstream in(*file, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    res.set_header("Cache-Control", file->filename() == "index.html" ? "no-cache" : "max-age=300");
    res.set_content(bytes.str(), std::string(ContentTypeFor(*file)));
  });
}

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Server::~Server() = default;

Result<std::unique_ptr<Server>> Server::Create(const ServeOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  if (impl->options.web_root.empty()) impl->options.web_root = DefaultWebRoot();
  std::error_code ec;
  if (!std::filesystem::is_regular_file(
          std::filesystem::path(impl->options.web_root) / "index.html", ec)) {
    return Status::IoError(impl->options.web_root +
                           ": 没有工作台界面文件（index.html）；先构建（./scripts/build）或用 "
                           "--web 指定目录");
  }
  auto store =
      Store::Open(options.db, options.read_only ? Store::Mode::kReadOnly : Store::Mode::kReadWrite);
  if (!store.ok()) return store.status();
  impl->store = std::move(*store);
  impl->api = std::make_unique<Api>(*impl->store, options.read_only, options.max_upload_bytes);
  impl->Routes();
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

Result<int> Server::Bind() {
  Impl& s = *impl_;
  int port = s.options.port == 0
                 ? s.http.bind_to_any_port(s.options.host)
                 : (s.http.bind_to_port(s.options.host, s.options.port) ? s.options.port : -1);
  if (port <= 0) {
    return Status::IoError(
        fmt::format("无法监听 {}:{}（端口被占用或地址不可用）", s.options.host, s.options.port));
  }
  s.port = port;
  return port;
}

void Server::Run() { impl_->http.listen_after_bind(); }
void Server::Stop() { impl_->http.stop(); }

}  // namespace yusuan
