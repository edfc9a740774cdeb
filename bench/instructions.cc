// Reads and checks each sample once, for counting instructions with callgrind (whose counts do
// not vary from run to run, unlike timings on a shared machine):
//
//   valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.out ./build/yusuan_instructions
//   callgrind_annotate --inclusive=yes /tmp/cg.out | grep -E 'ReadAndCheckAll|ReadDocument\(|CheckDocument\('
//
// ReadAndCheckAll is the reading and checking alone: the files are read into memory before it.
#include <cstdio>
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

int main() {
  std::vector<std::string> files;
  for (const char* name : yusuan::testing::kSampleNames) {
    files.push_back(yusuan::testing::SampleBytes(name));
  }
  std::printf("%zu findings\n", ReadAndCheckAll(files));
  return 0;
}
