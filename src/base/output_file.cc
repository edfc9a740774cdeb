#include "base/output_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <memory>

namespace yusuan {

namespace {

std::string CannotWrite(const std::string& path, int error) {
  return path + ": 无法写入（" + std::strerror(error) + "）";
}

// The temporary files not yet committed, for RemoveUnfinished: a few slots of pointers to their
// names, each set from just before its file is made until the file is renamed or removed (a
// program writes one or two at a time). A signal in between removes the file, or a name not
// made yet or gone already; only a name another run took at the same moment (the open below
// then fails) could be the wrong file, for the instant until it is untracked again.
constexpr size_t kSlots = 8;
std::atomic<const char*> unfinished[kSlots];

void Track(const std::string& temp) {
  for (auto& slot : unfinished) {
    const char* empty = nullptr;
    if (slot.compare_exchange_strong(empty, temp.c_str())) return;
  }
}

void Untrack(const std::string& temp) {
  for (auto& slot : unfinished) {
    const char* mine = temp.c_str();
    if (slot.compare_exchange_strong(mine, nullptr)) return;
  }
}

// A new file beside `target`, hidden, named after it; -1 when the directory takes none.
// Created with `mode` as given when the file is replaced (its own), else 0666 under the umask,
// as any new file.
int CreateBeside(const std::string& target, bool replaces, mode_t mode, std::string* temp) {
  const size_t slash = target.rfind('/');
  const std::string dir = slash == std::string::npos ? "" : target.substr(0, slash + 1);
  const std::string base = slash == std::string::npos ? target : target.substr(slash + 1);
  static std::atomic<unsigned> counter = 0;
  for (int attempt = 0; attempt < 16; ++attempt) {
    const auto tick = std::chrono::steady_clock::now().time_since_epoch().count();
    const unsigned long salt =
        static_cast<unsigned long>(tick) ^ (static_cast<unsigned long>(getpid()) << 20) ^ counter++;
    *temp = dir + "." + base + ".yusuan-" + std::to_string(salt % 1000000007);
    // Tracked before it exists: a run stopped by a signal at any point from here removes it.
    // Tracked only once made, a signal between the two left it behind.
    Track(*temp);
    int fd = open(temp->c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, replaces ? 0600 : 0666);
    if (fd >= 0) {
      if (replaces) fchmod(fd, mode & 07777);
      return fd;
    }
    const int error = errno;
    Untrack(*temp);  // before the name changes: the slot points at its bytes
    if (error != EEXIST) break;
  }
  temp->clear();
  return -1;
}

// Puts a file's bytes (or a directory's entries) on the disk: the bytes of a report reach it
// before its new name does, or a power cut just after the rename could leave, on some file
// systems, an empty file where the previous report was. 0 or errno.
int Sync(const std::string& path) {
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return errno;
  const int error = fsync(fd) == 0 ? 0 : errno;
  close(fd);
  return error;
}

std::string DirectoryOf(const std::string& path) {
  const size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

}  // namespace

void OutputFile::RemoveUnfinished() {
  for (auto& slot : unfinished) {
    if (const char* name = slot.exchange(nullptr)) unlink(name);
  }
}

Status OutputFile::Open(const std::string& path) {
  path_ = path;
  target_ = path;
  struct stat st {};
  const bool exists = stat(path.c_str(), &st) == 0;
  struct stat link {};
  const bool dangling = !exists && lstat(path.c_str(), &link) == 0;
  if (exists && S_ISREG(st.st_mode)) {
    std::unique_ptr<char, decltype(&std::free)> real(realpath(path.c_str(), nullptr), &std::free);
    if (real) target_ = real.get();
    replaces_ = true;
  }
  if ((!exists && !dangling) || replaces_) {
    int fd = CreateBeside(target_, replaces_, st.st_mode, &temp_);
    if (fd >= 0) {
      close(fd);
      stream_.open(temp_, std::ios::binary | std::ios::trunc);
      if (stream_) return Status::Ok();
      unlink(temp_.c_str());
      Untrack(temp_);
      temp_.clear();
    }
  }
  stream_.open(path, std::ios::binary | std::ios::trunc);
  if (stream_) return Status::Ok();
  const int error = errno;
  path_.clear();
  return Status::IoError(CannotWrite(path, error));
}

Status OutputFile::Commit() {
  if (committed_ || !is_open()) return Status::Ok();
  int error = 0;
  if (stream_.is_open()) {
    if (!stream_) {
      error = EIO;  // a write was lost; its reason was for the writer to see
    } else if (!stream_.flush()) {
      error = errno != 0 ? errno : EIO;
    }
    stream_.close();
    if (error == 0 && stream_.fail()) error = errno != 0 ? errno : EIO;
  }
  if (error == 0 && !temp_.empty()) error = Sync(temp_);
  if (error == 0 && !temp_.empty() && rename(temp_.c_str(), target_.c_str()) != 0) error = errno;
  // The rename itself is on the disk once the directory is (best effort: the report is whole
  // either way, under one name or the other).
  if (error == 0 && !temp_.empty()) Sync(DirectoryOf(target_));
  // Untracked only once the name is gone (renamed or removed), as in the destructor.
  if (error != 0) {
    if (!temp_.empty()) {
      unlink(temp_.c_str());
      Untrack(temp_);
    }
    temp_.clear();
    return Status::IoError(CannotWrite(path_, error));
  }
  if (!temp_.empty()) Untrack(temp_);
  committed_ = true;
  return Status::Ok();
}

OutputFile::~OutputFile() {
  if (committed_ || temp_.empty()) return;
  stream_.close();
  // Removed, then untracked: a signal between the two removes a name that is gone already;
  // the other way round, one left the file.
  unlink(temp_.c_str());
  Untrack(temp_);
}

}  // namespace yusuan
