// Test helpers: the sample disclosures in samples/ (YUSUAN_SAMPLES is set by CMake).
#pragma once

#include <fstream>
#include <sstream>
#include <string>

namespace yusuan::testing {

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
