// Inputs that once crashed or hung a fuzzer, kept so that they never do again: each must read
// to a model or a clear error.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "check/rule.h"
#include "model/json.h"
#include "read/document_reader.h"

namespace yusuan {
namespace {

TEST(FuzzRegressions, EveryKeptInputReadsOrFailsClearly) {
  int n = 0;
  for (const auto& entry : std::filesystem::directory_iterator(YUSUAN_FUZZ_REGRESSIONS)) {
    if (!entry.is_regular_file() || entry.path().filename() == "README.md") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    auto doc = ReadDocument(ss.str(), entry.path().filename().string());
    if (doc.ok()) {
      CheckDocument(*doc);
      Json j = ToJson(*doc);
      auto back = DocumentFromJson(Json::parse(j.dump()));
      ASSERT_TRUE(back.ok()) << entry.path();
      EXPECT_EQ(ToJson(*back), j) << entry.path();
    } else {
      EXPECT_FALSE(doc.status().message().empty()) << entry.path();
    }
    ++n;
  }
  EXPECT_GT(n, 0);
}

}  // namespace
}  // namespace yusuan
