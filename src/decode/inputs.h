// The files a command line names: `yusuan check 2026/ extra.txt` reads every disclosure under
// 2026/ and extra.txt.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/in_order.h"

namespace yusuan {

// Each path that is a directory becomes the files under it, at any depth, whose names end in
// .txt (in any case: .TXT from Windows too), sorted by path, links that lead nowhere included
// (reported when they are read); any other path is kept as given, to be read and judged by its
// content (a missing file is reported when it is read). Nothing is dropped in silence: a
// directory, or a directory below it, that cannot be listed, a directory with no .txt file
// under it, and a .txt name that is a pipe, device or socket (never read: a pipe no one writes
// to would never end) each add one line to `errors` (Chinese, naming the path), and the files
// that could be listed are still returned.
std::vector<std::string> ExpandInputs(const std::vector<std::string>& paths,
                                      std::vector<std::string>* errors);

// How many files a run over many holds at once (ForEachFileInOrder). Workers run ahead of the
// consumer by up to four files each while the files in hand come to at most `budget` bytes (a
// model with its text takes about three and a half times its file), so a run over large
// documents holds one per thread and a run over the usual ones keeps every core busy. A file
// over `alone` bytes (no real disclosure comes near; a table-dense one takes about 9 to 12
// times its size) is held alone: two of them are never read at once.
struct FileLimits {
  uint64_t budget = 8 << 20;
  uint64_t alone = 32 << 20;
};

// Sizes of the files (0 for one whose size the system does not tell: a pipe, a missing file).
std::vector<uint64_t> FileSizes(const std::vector<std::string>& files);

// Gives the memory freed since the last call back to the system: a huge document's memory
// stays with the allocator of the thread that read it, where the thread reading the next one
// cannot use it.
void ReleaseFreedMemory();

// Calls `produce(i)` for files[i] on `threads` threads and `consume(i, result)` on this thread
// in the order of `files`, within `limits` (ForEachInOrder, weighing each file by its size).
// After a file over `limits.alone` is consumed its result is destroyed and its memory given
// back before the next such file starts.
template <typename Result, typename Produce, typename Consume>
void ForEachFileInOrder(const std::vector<std::string>& files, unsigned threads, Produce produce,
                        Consume consume, FileLimits limits = {}) {
  const std::vector<uint64_t> sizes =
      threads > 1 ? FileSizes(files) : std::vector<uint64_t>(files.size());
  ForEachInOrder<Result>(
      files.size(), threads, produce,
      [&](size_t i, Result&& r) {
        {
          Result mine = std::move(r);
          consume(i, std::move(mine));
        }
        if (sizes[i] > limits.alone) ReleaseFreedMemory();
      },
      [&](size_t i) { return sizes[i]; },
      InOrderLimits{.budget = limits.budget, .alone = limits.alone});
}

}  // namespace yusuan
