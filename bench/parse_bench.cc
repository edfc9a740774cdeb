// In-process throughput of reading and checking, one core, with Google Benchmark:
// parse alone, check alone, parse + check, and parse + check + the findings as JSON (what
// `yusuan check --format json` does per file), for each sample.
//
//   ./build/yusuan_parse_bench                       # all
//   ./build/yusuan_parse_bench --benchmark_filter=ParseCheck/
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "check/rule.h"
#include "output/findings.h"
#include "read/document_reader.h"
#include "testing/samples.h"

namespace {

constexpr auto& kSeeds = yusuan::testing::kSampleNames;

const std::string& Bytes(int seed) {
  static std::vector<std::string> bytes = [] {
    std::vector<std::string> all;
    for (const char* s : kSeeds) all.push_back(yusuan::testing::SampleBytes(s));
    return all;
  }();
  return bytes[seed];
}

void Parse(benchmark::State& state) {
  const std::string& bytes = Bytes(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    auto doc = yusuan::ReadDocument(bytes, kSeeds[state.range(0)]);
    benchmark::DoNotOptimize(doc);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes.size()));
  state.SetLabel(kSeeds[state.range(0)]);
}

void Check(benchmark::State& state) {
  const std::string& bytes = Bytes(static_cast<int>(state.range(0)));
  auto doc = yusuan::ReadDocument(bytes, kSeeds[state.range(0)]);
  for (auto _ : state) {
    auto findings = yusuan::CheckDocument(*doc);
    benchmark::DoNotOptimize(findings);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes.size()));
  state.SetLabel(kSeeds[state.range(0)]);
}

void ParseCheck(benchmark::State& state) {
  const std::string& bytes = Bytes(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    auto doc = yusuan::ReadDocument(bytes, kSeeds[state.range(0)]);
    auto findings = yusuan::CheckDocument(*doc);
    benchmark::DoNotOptimize(findings);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes.size()));
  state.SetLabel(kSeeds[state.range(0)]);
}

void ParseCheckJson(benchmark::State& state) {
  const std::string& bytes = Bytes(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    auto doc = yusuan::ReadDocument(bytes, kSeeds[state.range(0)]);
    std::vector<yusuan::Checked> checked = {
        yusuan::Checked{&*doc, nullptr, yusuan::CheckDocument(*doc)}};
    std::string json = yusuan::FindingsJson(checked).dump(2);
    benchmark::DoNotOptimize(json);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes.size()));
  state.SetLabel(kSeeds[state.range(0)]);
}

BENCHMARK(Parse)->DenseRange(0, 4)->Unit(benchmark::kMillisecond);
BENCHMARK(Check)->DenseRange(0, 4)->Unit(benchmark::kMillisecond);
BENCHMARK(ParseCheck)->DenseRange(0, 4)->Unit(benchmark::kMillisecond);
BENCHMARK(ParseCheckJson)->DenseRange(0, 4)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
