// Reading the model back from JSON (DocumentFromJson: `yusuan db` exports, the server's stored
// documents): the five samples' trees, read twenty times a round, the best of fifteen rounds.
//
//   ./build/yusuan_json_read_bench
#include <chrono>
#include <cstdio>
#include <vector>

#include "model/json.h"
#include "read/document_reader.h"
#include "testing/samples.h"

int main() {
  std::vector<yusuan::Json> trees;
  for (const char* name : yusuan::testing::kSampleNames) {
    auto doc = yusuan::ReadDocument(yusuan::testing::SampleBytes(name), name);
    if (!doc.ok()) return 1;
    trees.push_back(yusuan::ToJson(*doc));
  }
  double best = 1e9;
  for (int round = 0; round < 15; ++round) {
    const auto start = std::chrono::steady_clock::now();
    size_t tables = 0;
    for (int i = 0; i < 20; ++i) {
      for (const yusuan::Json& tree : trees)
        tables += yusuan::DocumentFromJson(tree)->tables.size();
    }
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    best = std::min(best, took.count());
    if (tables == 0) return 1;
  }
  std::printf("%.1f ms per 100 documents\n", best * 1000);
  return 0;
}
