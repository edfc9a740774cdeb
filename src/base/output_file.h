// A file written whole or not at all. The text goes to a hidden temporary file beside it, which
// takes the file's name only on Commit(): until then a file already there is left as it was, so
// a run that fails half-way (a full disk, a write refused, an interrupted run) neither leaves a
// truncated report where a complete one is expected nor loses the previous one. The bytes are
// on the disk (fsync) before the name is, so a power cut does not leave an empty file either.
//
// What cannot be replaced by renaming is written in place, as before: a device or a FIFO
// (/dev/stdout, a pipe), a link that leads nowhere, a file in a directory where no temporary
// file can be made. A link to a file stays a link: the file it leads to is replaced.
#pragma once

#include <fstream>
#include <string>

#include "base/status.h"

namespace yusuan {

class OutputFile {
 public:
  OutputFile() = default;
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;
  ~OutputFile();  // what was not committed is removed

  // Opens `path` for writing; the status says why it cannot be, in one line.
  Status Open(const std::string& path);

  bool is_open() const { return !path_.empty(); }
  std::ostream& stream() { return stream_; }
  // Where the bytes go until Commit(), for a writer that opens a path itself and writes the
  // whole file there (stream() is then left unused).
  const std::string& writing_path() const { return temp_.empty() ? path_ : temp_; }
  // Whether the output appears only on Commit() (false when written in place).
  bool whole_or_nothing() const { return !temp_.empty(); }
  // Whether a file was at the path when opened, kept as it was unless committed.
  bool keeps_previous() const { return whole_or_nothing() && replaces_; }

  // Puts the written file in place. Fails, removing what was written, when the stream lost a
  // write or the file cannot be moved into place.
  Status Commit();

  // Removes the temporary files of every OutputFile not yet committed. Only system calls that
  // are safe in a signal handler: for a program that stops on a signal (SIGINT, SIGTERM), so
  // that an interrupted run leaves no hidden file behind.
  static void RemoveUnfinished();

 private:
  std::string path_;    // as given: for messages
  std::string target_;  // the file replaced on Commit (links followed)
  std::string temp_;    // empty when written in place
  std::ofstream stream_;
  bool replaces_ = false;
  bool committed_ = false;
};

}  // namespace yusuan
