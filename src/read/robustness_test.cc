// Broken input: every reading ends in a model (with gaps marked) or a clear error, never a
// crash or a hang. These run under the sanitizer build too.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <random>
#include <sstream>

#include "read/document_reader.h"
#include "testing/samples.h"

namespace yusuan {
namespace {

std::string SeedBytes(const char* name) { return testing::SampleBytes(name); }

constexpr auto& kSeeds = testing::kSampleNames;

// Either a document or an error with a message that names the source.
void ExpectModelOrClearError(const Result<Document>& r) {
  if (!r.ok()) {
    EXPECT_FALSE(r.status().message().empty());
    EXPECT_NE(r.status().message().find("broken.txt"), std::string::npos);
  }
}

// `head` followed by 100,000 lines that each continue the text before them, read; `seconds`
// is how long the reading took. Each continuation line once cost a copy of the whole text so
// far (and, for a project name, its key): 100,000 lines (1.2 MB) took minutes. Gathered and set
// once, they take milliseconds; the bound the tests set leaves room for the sanitizer build and
// a busy machine.
constexpr int kContinuations = 100000;
const std::string kContinuation = "续行文字";
Result<Document> ReadWithContinuations(const std::string& head, double* seconds) {
  std::string text = head;
  for (int i = 0; i < kContinuations; ++i) text += kContinuation + "\n";
  const auto start = std::chrono::steady_clock::now();
  auto doc = ReadDocument(text, "broken.txt");
  *seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return doc;
}

TEST(Robustness, AProjectNameWrappedOverManyLinesIsReadInLinearTime) {
  double seconds = 0;
  auto doc = ReadWithContinuations(
      "测试单位\n\n2026年度单位预算公开\n2026年项目支出预算表（本年预算）\n"
      "项目名称\t合计\t一般公共预算\t政府性基金预算\t国有资本经营预算\t财政专户管理资金\t单位资金\n"
      "信息化经费\t30.00\t30.00\t\t\t\t\n",
      &seconds);
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  const Table* t = doc->table(TableKind::kProjectsCurrent);
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->rows.back().label(*t).size(),
            std::string("信息化经费").size() + kContinuations * kContinuation.size());
  EXPECT_LT(seconds, 20.0);
}

TEST(Robustness, ADutyWrappedOverManyLinesIsReadInLinearTime) {
  double seconds = 0;
  auto doc = ReadWithContinuations(
      "测试单位\n\n2026年度单位预算公开\n\n## 第一部分 概况\n\n### 一、本单位职责\n\n(一) 负责\n",
      &seconds);
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  ASSERT_EQ(doc->overview.duties.size(), 1u);
  EXPECT_EQ(doc->overview.duties[0].text.size(),
            std::string("(一) 负责").size() + kContinuations * kContinuation.size());
  EXPECT_LT(seconds, 20.0);
}

TEST(Robustness, TruncatedDocumentsGiveAPartialModel) {
  for (const char* seed : kSeeds) {
    std::string bytes = SeedBytes(seed);
    for (int percent : {1, 5, 10, 25, 50, 75, 90, 99}) {
      // Cut anywhere, including inside a multi-byte character.
      std::string cut = bytes.substr(0, bytes.size() * percent / 100 + 1);
      auto r = ReadDocument(cut, "broken.txt");
      ExpectModelOrClearError(r);
    }
  }
  // Half of a budget disclosure still yields its first tables.
  std::string half = SeedBytes("001_8dd967fac47080d3.txt");
  half.resize(half.size() / 2);
  auto r = ReadDocument(half, "broken.txt");
  ASSERT_TRUE(r.ok());
  EXPECT_NE(r->table(TableKind::kBudgetSummary), nullptr);
}

TEST(Robustness, ShuffledLinesNeverCrash) {
  std::mt19937 rng(20261122);
  for (const char* seed : kSeeds) {
    std::string bytes = SeedBytes(seed);
    std::vector<std::string> lines;
    std::stringstream ss(bytes);
    for (std::string line; std::getline(ss, line);) lines.push_back(line);
    for (int round = 0; round < 5; ++round) {
      std::shuffle(lines.begin(), lines.end(), rng);
      std::string text;
      for (const std::string& l : lines) text += l + "\n";
      ExpectModelOrClearError(ReadDocument(text, "broken.txt"));
    }
  }
}

TEST(Robustness, RandomBytesAreRefusedOrRead) {
  std::mt19937 rng(7);
  for (int round = 0; round < 200; ++round) {
    std::string bytes(1 + rng() % 4096, '\0');
    for (char& c : bytes) c = static_cast<char>(rng());
    ExpectModelOrClearError(ReadDocument(bytes, "broken.txt"));
  }
}

TEST(Robustness, MutatedSeedsNeverCrash) {
  std::mt19937 rng(42);
  const char noise[] = {'\t', '\n', '.', ',', '-', '9', '0', ' ', '#'};
  for (const char* seed : kSeeds) {
    std::string bytes = SeedBytes(seed);
    for (int round = 0; round < 20; ++round) {
      std::string m = bytes;
      for (int k = 0; k < 50; ++k) m[rng() % m.size()] = noise[rng() % sizeof(noise)];
      ExpectModelOrClearError(ReadDocument(m, "broken.txt"));
    }
  }
}

TEST(Robustness, HugeNumbersAreMarkedNotWrapped) {
  std::string text =
      "测试单位\n2026年度单位预算公开\n2026年预算支出总表\n"
      "科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
      "合计\t\t" +
      std::string(400, '9') + ".00\t1.00\t\n";
  auto r = ReadDocument(text, "broken.txt");
  ASSERT_TRUE(r.ok());
  const Table* t = r->table(TableKind::kExpenditureSummary);
  ASSERT_NE(t, nullptr);
  ASSERT_EQ(t->rows.size(), 1u);
  const Cell* total = t->rows[0].cell(*t, "total");
  EXPECT_FALSE(total->amount.present());
  EXPECT_TRUE(total->doubtful);
  EXPECT_FALSE(t->rows[0].doubt.empty());
  ASSERT_EQ(r->diagnostics.size(), 1u);
  EXPECT_EQ(r->diagnostics[0].at.line, 5u);
  EXPECT_NE(r->diagnostics[0].message.find("超出"), std::string::npos);
}

TEST(Robustness, OneTenMegabyteLineIsReadWithoutTrouble) {
  std::string text = "测试单位\n2026年度单位预算公开\n" + std::string(10 << 20, 'x') + "\n";
  auto r = ReadDocument(text, "broken.txt");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->line_count, 3u);
}

}  // namespace
}  // namespace yusuan
