// `yusuan serve`: the review workspace over HTTP. The JSON API (api.h) under /api/, the UI's
// static files from one directory everywhere else.
//
//   auto server = Server::Create(options);   // opens the store
//   int port = (*server)->Bind();             // options.port 0 picks a free port
//   (*server)->Run();                         // until Stop() from another thread or a signal
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "base/status.h"

namespace yusuan {

struct ServeOptions {
  std::string db = "yusuan.db";  // SQLite path or postgresql://… URL
  std::string host = "127.0.0.1";
  int port = 8080;
  bool read_only = false;
  std::string token;  // when set, every /api/ call needs Bearer token
  size_t max_upload_bytes = 50u * 1024 * 1024;
  std::string web_root;  // the UI's files; empty: DefaultWebRoot()
};

// Where the UI's files are: `web/` beside the executable, else the build tree's copy.
std::string DefaultWebRoot();

class Server {
 public:
  static Result<std::unique_ptr<Server>> Create(const ServeOptions& options);
  ~Server();
  // Binds the listening socket; returns the port.
  Result<int> Bind();
  // Serves until Stop(). REQUIRES: Bind() succeeded.
  void Run();
  void Stop();

 private:
  struct Impl;
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace yusuan
