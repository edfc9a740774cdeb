// Parse and check timing for one document, single-threaded.
// Usage: yusuan_parse_bench FILE [repetitions]
#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>

#include "check/rule.h"
#include "read/document_reader.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: yusuan_parse_bench FILE [repetitions]\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string bytes = ss.str();
  int n = argc > 2 ? std::atoi(argv[2]) : 50;
  yusuan::Document doc;
  auto t0 = std::chrono::steady_clock::now();
  for (int i = 0; i < n; ++i) {
    auto d = yusuan::ReadDocument(bytes, argv[1]);
    if (!d.ok()) {
      std::cerr << d.status().message() << "\n";
      return 1;
    }
    doc = std::move(*d);
  }
  auto t1 = std::chrono::steady_clock::now();
  size_t findings = 0;
  for (int i = 0; i < n; ++i) findings += yusuan::CheckDocument(doc).size();
  auto t2 = std::chrono::steady_clock::now();
  double parse_ms = std::chrono::duration<double, std::milli>(t1 - t0).count() / n;
  double check_ms = std::chrono::duration<double, std::milli>(t2 - t1).count() / n;
  double mb = bytes.size() / 1048576.0;
  std::cout << argv[1] << ": " << bytes.size() << " bytes; parse " << parse_ms << " ms ("
            << mb / (parse_ms / 1000) << " MB/s), check " << check_ms << " ms ("
            << mb / (check_ms / 1000) << " MB/s), parse + check " << mb / ((parse_ms + check_ms) / 1000)
            << " MB/s; " << findings / n << " findings\n";
  return 0;
}
