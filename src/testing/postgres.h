// A PostgreSQL server of the test's own: initdb and pg_ctl in a temporary directory, on a free
// port on 127.0.0.1, stopped when the object goes. As root, the server runs as `postgres`.
#pragma once

#include <glob.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

namespace yusuan::testing {

class TempPostgres {
 public:
  TempPostgres() {
    bin_ = FindBin();
    if (bin_.empty()) {
      error_ = "PostgreSQL server binaries not found under /usr/lib/postgresql (run scripts/setup)";
      return;
    }
    dir_ = std::filesystem::temp_directory_path() / ("yusuan_pg_" + std::to_string(getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    port_ = FreePort();
    as_ = getuid() == 0 ? "runuser -u postgres -- " : "";
    if (getuid() == 0) Run("chown postgres '" + dir_.string() + "'");
    std::string data = (dir_ / "data").string();
    if (!Run(as_ + bin_ + "/initdb -D '" + data + "' -A trust -U postgres -E UTF8 --no-locale >'" +
             (dir_ / "initdb.log").string() + "' 2>&1")) {
      error_ = "initdb failed: see " + (dir_ / "initdb.log").string();
      return;
    }
    if (!Run(as_ + bin_ + "/pg_ctl -D '" + data + "' -w -t 60 -l '" +
             (dir_ / "server.log").string() + "' -o \"-p " + std::to_string(port_) + " -k '" +
             dir_.string() +
             "' -c listen_addresses=127.0.0.1 -c fsync=off\" start >/dev/null 2>&1")) {
      error_ = "pg_ctl start failed: see " + (dir_ / "server.log").string();
      return;
    }
    started_ = true;
  }
  ~TempPostgres() {
    if (started_) {
      Run(as_ + bin_ + "/pg_ctl -D '" + (dir_ / "data").string() +
          "' -m immediate stop >/dev/null 2>&1");
    }
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }
  bool ok() const { return started_; }
  const std::string& error() const { return error_; }
  // A fresh database for one test.
  std::string NewDatabase(const std::string& name) {
    Run(as_ + bin_ + "/createdb -h 127.0.0.1 -p " + std::to_string(port_) + " -U postgres " + name +
        " >/dev/null 2>&1");
    return "postgresql://postgres@127.0.0.1:" + std::to_string(port_) + "/" + name;
  }

 private:
  static bool Run(const std::string& command) { return std::system(command.c_str()) == 0; }

  static std::string FindBin() {
    glob_t g;
    std::string found;
    if (glob("/usr/lib/postgresql/*/bin/pg_ctl", 0, nullptr, &g) == 0 && g.gl_pathc > 0) {
      found = std::filesystem::path(g.gl_pathv[g.gl_pathc - 1]).parent_path().string();
    }
    globfree(&g);
    return found;
  }

  static int FreePort() {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr));
    socklen_t len = sizeof(addr);
    getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    int port = ntohs(addr.sin_port);
    close(fd);
    return port;
  }

  std::string bin_;
  std::filesystem::path dir_;
  std::string as_;
  int port_ = 0;
  bool started_ = false;
  std::string error_;
};

// One server for the whole test binary, started on first use and stopped at exit, when every
// test suite is done with it. (It was leaked to keep it up for suites in any order, and so it
// was never stopped: ctest runs each test in a process of its own, and every run left a server
// per PostgreSQL test behind, five a run.) A child forked from a test must end with _exit,
// not exit, or it would stop its parent's server.
inline TempPostgres& SharedPostgres() {
  static TempPostgres server;
  return server;
}

}  // namespace yusuan::testing
