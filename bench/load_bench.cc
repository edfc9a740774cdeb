// Bulk-load benchmark: N documents made by varying the seeds' figures, loaded into a fresh
// SQLite database with parse and check on every core and one writer. Prints documents per
// second. Usage: yusuan_load_bench [N] [threads]
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>

#include "store/load.h"
#include "store/store.h"
#include "testing/samples.h"
#include "testing/variants.h"

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  int n = argc > 1 ? std::atoi(argv[1]) : 10000;
  unsigned threads = argc > 2 ? static_cast<unsigned>(std::atoi(argv[2])) : 0;
  const auto& seeds = yusuan::testing::kSampleNames;
  fs::path dir = fs::temp_directory_path() / ("yusuan_load_bench_" + std::to_string(getpid()));
  fs::create_directories(dir / "docs");
  std::vector<std::string> texts;
  for (const char* s : seeds) texts.push_back(yusuan::testing::SampleBytes(s));
  std::vector<std::string> files;
  uint64_t bytes = 0;
  for (int i = 0; i < n; ++i) {
    std::string path = (dir / "docs" / ("d" + std::to_string(i) + ".txt")).string();
    std::string text = yusuan::testing::Variant(texts[i % texts.size()], static_cast<uint64_t>(i));
    bytes += text.size();
    std::ofstream(path, std::ios::binary) << text;
    files.push_back(path);
  }
  auto store = yusuan::Store::Open((dir / "bench.db").string(), yusuan::Store::Mode::kReadWrite);
  if (!store.ok()) {
    std::cerr << store.status().message() << "\n";
    return 1;
  }
  yusuan::LoadOptions options;
  options.threads = threads;
  auto t0 = std::chrono::steady_clock::now();
  yusuan::LoadReport report = yusuan::LoadFiles(**store, files, options);
  auto t1 = std::chrono::steady_clock::now();
  double seconds = std::chrono::duration<double>(t1 - t0).count();
  std::cout << "documents: " << n << " (" << bytes / 1048576.0 << " MB), stored: " << report.stored
            << ", errors: " << report.errors.size() << "\n"
            << "threads: " << (threads ? threads : std::thread::hardware_concurrency())
            << ", seconds: " << seconds << ", documents/s: " << report.stored / seconds
            << ", MB/s: " << bytes / 1048576.0 / seconds << "\n"
            << "database: " << fs::file_size(dir / "bench.db") / 1048576.0 << " MB\n";
  fs::remove_all(dir);
  return report.errors.empty() ? 0 : 1;
}
