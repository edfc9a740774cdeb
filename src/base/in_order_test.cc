#include "base/in_order.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>

namespace yusuan {
namespace {

TEST(ForEachInOrder, ConsumesEveryResultOnceInOrder) {
  for (unsigned threads : {1u, 2u, 3u, 8u}) {
    for (size_t n : {size_t{0}, size_t{1}, size_t{2}, size_t{7}, size_t{100}}) {
      SCOPED_TRACE("threads " + std::to_string(threads) + ", n " + std::to_string(n));
      std::vector<size_t> seen;
      ForEachInOrder<std::string>(
          n, threads, [](size_t i) { return "item " + std::to_string(i); },
          [&](size_t i, std::string&& s) {
            EXPECT_EQ(s, "item " + std::to_string(i));
            seen.push_back(i);
          });
      ASSERT_EQ(seen.size(), n);
      for (size_t i = 0; i < n; ++i) EXPECT_EQ(seen[i], i);
    }
  }
}

// What bounds memory: however slow the consumer, no more results wait besides the one it holds
// than there are threads.
TEST(ForEachInOrder, HoldsAtMostOneResultPerThreadAheadOfTheConsumer) {
  for (unsigned threads : {2u, 4u}) {
    std::atomic<int> waiting{0};
    int most = 0;
    ForEachInOrder<int>(
        40, threads,
        [&](size_t i) {
          ++waiting;
          return static_cast<int>(i);
        },
        [&](size_t, int&&) {
          --waiting;  // this one is being consumed; the others wait
          std::this_thread::sleep_for(std::chrono::milliseconds(1));
          most = std::max(most, waiting.load());
        });
    EXPECT_LE(most, static_cast<int>(threads)) << threads << " threads";
    EXPECT_GE(most, 1);
  }
}

TEST(ForEachInOrder, ProducesOnWorkersOrOnTheCallerWithOneThread) {
  const std::thread::id caller = std::this_thread::get_id();
  std::atomic<int> on_caller{0};
  auto produce = [&](size_t i) {
    if (std::this_thread::get_id() == caller) ++on_caller;
    return i;
  };
  ForEachInOrder<size_t>(10, 2, produce, [](size_t, size_t&&) {});
  EXPECT_EQ(on_caller.load(), 0);
  ForEachInOrder<size_t>(10, 1, produce, [](size_t, size_t&&) {});
  EXPECT_EQ(on_caller.load(), 10);
}

}  // namespace
}  // namespace yusuan
