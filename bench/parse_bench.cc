// In-process throughput of reading and checking, one core, with Google Benchmark:
// parse alone, check alone, parse + check, and parse + check + the findings as JSON (what
// `yusuan check --format json` does per file), for each sample; parse + check of the five in
// turn (ParseCheckMix), of each with the caches emptied first (ParseCheckCold) and of each right
// after another (ParseCheckAfter). PeakHeap reports the most heap that reading and checking one
// file (from its bytes in memory) holds at once, as a multiple of the file's size: every
// allocation of this binary is counted.
//
//   ./build/yusuan_parse_bench                       # all
//   ./build/yusuan_parse_bench --benchmark_filter=ParseCheck/
#include <benchmark/benchmark.h>
#include <malloc.h>
#ifdef YUSUAN_MIMALLOC
#include <mimalloc.h>
#endif

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <new>
#include <string>
#include <vector>

#include "check/rule.h"
#include "decode/decode.h"
#include "output/findings.h"
#include "read/document_reader.h"
#include "testing/samples.h"

// Heap in use and its high-water mark, kept by the replaced operator new and delete below
// while PeakHeap runs (the timed benchmarks pay one untaken branch).
std::atomic<bool> g_counting{false};
std::atomic<int64_t> g_heap{0}, g_heap_peak{0};

void* CountedAlloc(size_t n) {
  void* p = std::malloc(n ? n : 1);
  if (!p) throw std::bad_alloc();
  if (!g_counting.load(std::memory_order_relaxed)) return p;
  int64_t now = g_heap += static_cast<int64_t>(malloc_usable_size(p));
  for (int64_t peak = g_heap_peak; now > peak && !g_heap_peak.compare_exchange_weak(peak, now);) {
  }
  return p;
}

void CountedFree(void* p) {
  if (!p) return;
  if (g_counting.load(std::memory_order_relaxed)) {
    g_heap -= static_cast<int64_t>(malloc_usable_size(p));
  }
  std::free(p);
}

void* operator new(size_t n) { return CountedAlloc(n); }
void* operator new[](size_t n) { return CountedAlloc(n); }
void operator delete(void* p) noexcept { CountedFree(p); }
void operator delete[](void* p) noexcept { CountedFree(p); }
void operator delete(void* p, size_t) noexcept { CountedFree(p); }
void operator delete[](void* p, size_t) noexcept { CountedFree(p); }

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

// The five samples read and checked in turn, as a run over many documents meets them: each
// sample `run` times in a row, then the next. /1 changes document, and layout, every time:
// each sample repeated on its own (ParseCheck) runs 10-15% faster (see ParseCheckAfter). /20
// is a run over documents grouped by layout, as one publisher's come.
void ParseCheckMix(benchmark::State& state) {
  const int run = static_cast<int>(state.range(0));
  size_t round = 0;
  for (size_t k = 0; k < std::size(kSeeds); ++k) round += Bytes(static_cast<int>(k)).size() * run;
  for (auto _ : state) {
    for (size_t k = 0; k < std::size(kSeeds); ++k) {
      for (int i = 0; i < run; ++i) {
        auto doc = yusuan::ReadDocument(Bytes(static_cast<int>(k)), kSeeds[k]);
        auto findings = yusuan::CheckDocument(*doc);
        benchmark::DoNotOptimize(findings);
      }
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * round));
  state.SetLabel(run == 1 ? "000-004 in turn"
                          : "000-004 in turn, each " + std::to_string(run) + " times");
}

// ParseCheck with the data caches emptied before each repetition (16 MB written and read,
// untimed): the file's bytes, and the memory the allocator hands out, start out of the
// caches, as they do for a fresh file of a long run. Measured against ParseCheck and
// ParseCheckMix it tells what the mix costs: the caches (this) or the rest, a different
// document each time, whose branches the predictor has not learnt (the machine has no
// counters to tell apart directly).
void ParseCheckCold(benchmark::State& state) {
  const std::string& bytes = Bytes(static_cast<int>(state.range(0)));
  static std::vector<char> sweep(size_t{16} << 20);
  for (auto _ : state) {
    state.PauseTiming();
    for (size_t i = 0; i < sweep.size(); i += 64) sweep[i] = static_cast<char>(sweep[i] + 1);
    benchmark::ClobberMemory();
    state.ResumeTiming();
    auto doc = yusuan::ReadDocument(bytes, kSeeds[state.range(0)]);
    auto findings = yusuan::CheckDocument(*doc);
    benchmark::DoNotOptimize(findings);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes.size()));
  state.SetLabel(kSeeds[state.range(0)]);
}

// Another document of the same layout made from a sample: with one figure changed (its first
// amount's last digit), as bench/corpus.py makes them, or with every third line removed (a
// document whose content, and so the sequence of the reader's decisions, differs a lot).
std::string Variant(const std::string& bytes, bool drop_lines) {
  std::string out;
  if (drop_lines) {
    size_t line = 0;
    for (size_t start = 0; start < bytes.size();) {
      size_t end = bytes.find('\n', start);
      end = end == std::string::npos ? bytes.size() : end + 1;
      if (++line % 3 != 0) out.append(bytes, start, end - start);
      start = end;
    }
    return out;
  }
  out = bytes;
  auto digit = [&](size_t k) { return out[k] >= '0' && out[k] <= '9'; };
  for (size_t i = 0; i + 3 < out.size(); ++i) {
    if (digit(i) && out[i + 1] == '.' && digit(i + 2) && digit(i + 3)) {
      out[i + 3] = static_cast<char>(out[i + 3] == '9' ? '0' : out[i + 3] + 1);
      break;
    }
  }
  return out;
}

// Sample b read and checked (timed) right after sample a (untimed): what a change of document
// costs. The third argument says what a is: 0 the sample as it is; 1 a variant of it with one
// figure changed; 2 the sample with its memory from a heap of its own (mimalloc builds); 3 the
// sample with every third line removed. b after a variant of itself runs as fast as b after b,
// and 2-6% slower after a third of its lines removed; after a sample of another layout it runs
// 2-15% slower, more than with the caches emptied (ParseCheckCold), and as slow when a's
// memory comes from another heap: the cost comes with other code paths, not other data
// (docs/performance.md, "Changing layout").
void ParseCheckAfter(benchmark::State& state) {
  const int a = static_cast<int>(state.range(0)), b = static_cast<int>(state.range(1));
  const int how = static_cast<int>(state.range(2));
  const std::string before = how == 1 || how == 3 ? Variant(Bytes(a), how == 3) : Bytes(a);
#ifdef YUSUAN_MIMALLOC
  static mi_heap_t* const own_heap = mi_heap_new();
#else
  if (how == 2) {
    state.SkipWithError("a heap of its own needs mimalloc");
    return;
  }
#endif
  for (auto _ : state) {
    state.PauseTiming();
    {
#ifdef YUSUAN_MIMALLOC
      mi_heap_t* const previous = how == 2 ? mi_heap_set_default(own_heap) : nullptr;
#endif
      {
        auto doc = yusuan::ReadDocument(before, kSeeds[a]);
        auto findings = yusuan::CheckDocument(*doc);
        benchmark::DoNotOptimize(findings);
      }
#ifdef YUSUAN_MIMALLOC
      if (previous) mi_heap_set_default(previous);
#endif
    }
    state.ResumeTiming();
    auto doc = yusuan::ReadDocument(Bytes(b), kSeeds[b]);
    auto findings = yusuan::CheckDocument(*doc);
    benchmark::DoNotOptimize(findings);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * Bytes(b).size()));
  static constexpr const char* kHow[] = {"", " (one figure changed)", " (its own heap)",
                                         " (a third of its lines removed)"};
  state.SetLabel(std::string(kSeeds[b]).substr(0, 3) + "_after_" +
                 std::string(kSeeds[a]).substr(0, 3) + kHow[how]);
}

void ParseCheckJson(benchmark::State& state) {
  const std::string& bytes = Bytes(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    auto doc = yusuan::ReadDocument(bytes, kSeeds[state.range(0)]);
    std::vector<yusuan::Checked> checked = {yusuan::Checked{&*doc, yusuan::CheckDocument(*doc)}};
    std::string json = yusuan::FindingsJson(checked).dump(2);
    benchmark::DoNotOptimize(json);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes.size()));
  state.SetLabel(kSeeds[state.range(0)]);
}

// The most heap one file costs: its bytes, the decoded text, the model, the findings.
void PeakHeap(benchmark::State& state) {
  const std::string& bytes = Bytes(static_cast<int>(state.range(0)));
  int64_t most = 0;
  for (auto _ : state) {
    // Everything allocated while counting is freed before counting stops.
    g_heap = 0;
    g_heap_peak = 0;
    g_counting = true;
    {
      std::string copy = bytes;  // as `yusuan check` reads a file into memory
      auto decoded = yusuan::DecodeInPlace(std::move(copy));
      auto doc = yusuan::ReadDecoded(std::move(*decoded), kSeeds[state.range(0)]);
      auto findings = yusuan::CheckDocument(*doc);
      benchmark::DoNotOptimize(findings);
    }
    g_counting = false;
    most = std::max(most, g_heap_peak.load());
  }
  state.counters["peak_heap_bytes"] = static_cast<double>(most);
  state.counters["x_input"] = static_cast<double>(most) / static_cast<double>(bytes.size());
  state.SetLabel(kSeeds[state.range(0)]);
}

// With --benchmark_repetitions=N, "_best" gives the fastest repetition's time (its
// bytes_per_second is the slowest rate: the statistic applies to every value alike). On a shared
// machine the other aggregates mostly measure the neighbours.
double Best(const std::vector<double>& v) { return *std::min_element(v.begin(), v.end()); }

BENCHMARK(Parse)->DenseRange(0, 4)->Unit(benchmark::kMillisecond)->ComputeStatistics("best", Best);
BENCHMARK(Check)->DenseRange(0, 4)->Unit(benchmark::kMillisecond)->ComputeStatistics("best", Best);
BENCHMARK(ParseCheck)
    ->DenseRange(0, 4)
    ->Unit(benchmark::kMillisecond)
    ->ComputeStatistics("best", Best);
BENCHMARK(ParseCheckMix)
    ->Arg(1)
    ->Arg(20)
    ->Unit(benchmark::kMillisecond)
    ->ComputeStatistics("best", Best);
BENCHMARK(ParseCheckCold)
    ->DenseRange(0, 4)
    ->Unit(benchmark::kMillisecond)
    ->ComputeStatistics("best", Best);
BENCHMARK(ParseCheckAfter)
    ->ArgsProduct({{2, 3, 4}, {2, 3, 4}, {0}})
    ->Args({2, 2, 1})
    ->Args({3, 3, 1})
    ->Args({4, 4, 1})
    ->Args({2, 2, 3})
    ->Args({3, 3, 3})
    ->Args({4, 4, 3})
    ->Args({2, 2, 2})
    ->Args({3, 2, 2})
    ->Args({2, 3, 2})
    ->Unit(benchmark::kMillisecond)
    ->ComputeStatistics("best", Best);
BENCHMARK(ParseCheckJson)
    ->DenseRange(0, 4)
    ->Unit(benchmark::kMillisecond)
    ->ComputeStatistics("best", Best);
BENCHMARK(PeakHeap)->DenseRange(0, 4)->Iterations(3);

}  // namespace

BENCHMARK_MAIN();
