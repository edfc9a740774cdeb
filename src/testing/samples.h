// Test helpers: the sample disclosures in samples/ (YUSUAN_SAMPLES is set by CMake).
#pragma once

#include <fstream>
#include <sstream>
#include <string>

namespace yusuan::testing {

// The five sample disclosures, in order.
inline constexpr const char* kSampleNames[] = {
    "000_da7aa4487f922a22.txt", "001_8dd967fac47080d3.txt", "002_31488b35b9684d74.txt",
    "003_e6ae60a0aa2cb151.txt", "004_0beacd04c5a77258.txt"};

inline std::string SamplePath(const std::string& name) {
  return std::string(YUSUAN_SAMPLES) + "/" + name;
}

// The bytes of a sample file, as they are on disk.
inline std::string SampleBytes(const std::string& name) {
  std::ifstream in(SamplePath(name), std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace yusuan::testing
