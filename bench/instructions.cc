// Reads and checks each sample once, for counting instructions with callgrind (whose counts do
// not vary from run to run, unlike timings on a shared machine):
//
// clang-format off
//   valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.out ./build/yusuan_instructions
//   callgrind_annotate --inclusive=yes /tmp/cg.out | grep -E 'ReadAndCheckAll|ReadDocument\(|CheckDocument\('
// clang-format on
//
// ReadAndCheckAll is the reading and checking alone: the files are read into memory before it.
// With a number of rounds (`yusuan_instructions 40`) it reads and checks the samples that many
// times and prints the rate: for comparing two builds in alternating runs.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "check/rule.h"
#include "read/document_reader.h"
#include "testing/samples.h"

namespace {

[[gnu::noinline]] size_t ReadAndCheckAll(const std::vector<std::string>& files) {
  size_t findings = 0;
  for (size_t k = 0; k < files.size(); ++k) {
    auto doc = yusuan::ReadDocument(files[k], yusuan::testing::kSampleNames[k]);
    if (doc.ok()) findings += yusuan::CheckDocument(*doc).size();
  }
  return findings;
}

}  // namespace

int main(int argc, char** argv) {
  const int rounds = argc > 1 ? std::max(1, std::atoi(argv[1])) : 1;
  std::vector<std::string> files;
  size_t bytes = 0;
  for (const char* name : yusuan::testing::kSampleNames) {
    files.push_back(yusuan::testing::SampleBytes(name));
    bytes += files.back().size();
  }
  const auto start = std::chrono::steady_clock::now();
  size_t findings = 0;
  for (int r = 0; r < rounds; ++r) findings = ReadAndCheckAll(files);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("%zu findings; %d round(s) of %zu bytes in %.3f s: %.1f MB/s\n", findings, rounds,
              bytes, seconds, static_cast<double>(bytes) * rounds / seconds / 1e6);
  return 0;
}
