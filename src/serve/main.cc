// yusuan-serve: the review workspace (`yusuan serve` runs it). A thin shell over the server,
// a program of its own so that only it loads the HTTP library and what that needs.
#include <signal.h>

#include <CLI/CLI.hpp>
#include <iostream>
#include <string>

#include "serve/server.h"

namespace {

yusuan::Server* g_server = nullptr;

extern "C" void StopServer(int) {
  // Stopping closes the listening socket: plain system calls, safe in a signal handler.
  if (g_server) g_server->Stop();
}

int RunServe(const yusuan::ServeOptions& options) {
  auto server = yusuan::Server::Create(options);
  if (!server.ok()) {
    std::cerr << "yusuan: " << server.status().message() << "\n";
    return 2;
  }
  auto port = (*server)->Bind();
  if (!port.ok()) {
    std::cerr << "yusuan: " << port.status().message() << "\n";
    return 2;
  }
  const std::string host =
      options.host.find(':') != std::string::npos ? "[" + options.host + "]" : options.host;
  std::cout << "yusuan 工作台：http://" << host << ":" << *port << "/" << std::endl;
  std::cerr << "数据库 " << options.db << (options.read_only ? "（只读）" : "")
            << (options.token.empty() ? "" : "；接口需要令牌") << "。按 Ctrl+C 停止。" << std::endl;
  g_server = server->get();
  signal(SIGINT, StopServer);
  signal(SIGTERM, StopServer);
  (*server)->Run();
  g_server = nullptr;
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App serve{"启动审阅工作台（浏览器界面与 JSON 接口，见 docs/api.md），默认只监听本机",
                 "yusuan serve"};
  yusuan::ServeOptions serve_options;
  size_t max_upload_mb = 50;
  serve.add_option("--db", serve_options.db, "SQLite 文件路径，或 postgresql://… 连接串")
      ->capture_default_str();
  serve.add_option("--host", serve_options.host, "监听地址")->capture_default_str();
  serve.add_option("--port", serve_options.port, "端口；0 表示自动选择空闲端口")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  serve.add_flag("--read-only", serve_options.read_only, "只读：不接受上传和删除");
  serve
      .add_option("--token", serve_options.token,
                  "令牌：每个接口请求都须带 Authorization: Bearer <令牌>（也可用环境变量 "
                  "YUSUAN_TOKEN 给出，免得出现在进程列表中）")
      ->envname("YUSUAN_TOKEN");
  serve.add_option("--max-upload-mb", max_upload_mb, "单个上传文件的上限（MB）")
      ->check(CLI::Range(1, 1024))
      ->capture_default_str();
  serve.add_option("--web", serve_options.web_root, "界面文件目录（默认：程序旁的 web/）");

  try {
    serve.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return serve.exit(e) == 0 ? 0 : 2;
  }
  serve_options.max_upload_bytes = max_upload_mb * 1024 * 1024;
  return RunServe(serve_options);
}
