#include "base/in_order.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

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

// The most results that wait, produced and not yet consumed, behind a consumer slower than the
// producers: what bounds memory.
int MostWaiting(size_t n, unsigned threads, const std::vector<uint64_t>& costs,
                InOrderLimits limits) {
  std::atomic<int> waiting{0};
  int most = 0;
  ForEachInOrder<int>(
      n, threads,
      [&](size_t i) {
        ++waiting;
        return static_cast<int>(i);
      },
      [&](size_t, int&&) {
        --waiting;  // this one is being consumed; the others wait
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
        most = std::max(most, waiting.load());
      },
      [&](size_t i) { return costs.empty() ? uint64_t{0} : costs[i]; }, limits);
  return most;
}

TEST(ForEachInOrder, HoldsAtMostItsWindowOfResultsAheadOfTheConsumer) {
  for (unsigned threads : {2u, 4u}) {
    SCOPED_TRACE(std::to_string(threads) + " threads");
    const int four_each = MostWaiting(60, threads, {}, InOrderLimits{});
    EXPECT_LE(four_each, static_cast<int>(4 * threads));
    EXPECT_GT(four_each, static_cast<int>(threads));  // it does run ahead
    EXPECT_LE(MostWaiting(60, threads, {}, InOrderLimits{.ahead_per_thread = 1}),
              static_cast<int>(threads));
  }
}

// Beyond one item per thread, items start only while the cost in hand stays within the budget:
// a run over large documents holds fewer of them.
TEST(ForEachInOrder, HoldsNoMoreCostThanTheBudgetBeyondOneItemPerThread) {
  const std::vector<uint64_t> tens(60, 10);
  EXPECT_LE(MostWaiting(60, 2, tens, InOrderLimits{.budget = 35}), 3);  // 3 × 10 ≤ 35
  EXPECT_LE(MostWaiting(60, 2, tens, InOrderLimits{.budget = 0}), 2);   // one per thread
  // An item heavier than the budget still goes through.
  std::vector<uint64_t> one_heavy(60, 1);
  one_heavy[30] = 1000;
  EXPECT_GE(MostWaiting(60, 2, one_heavy, InOrderLimits{.budget = 100}), 1);
}

// The most items over `limits.alone` alive at once, from the start of their production to the
// end of their consumption, with every third item one of them.
int MostLargeAlive(unsigned threads, InOrderLimits limits) {
  constexpr size_t kItems = 60;
  std::atomic<int> alive{0}, most{0};
  auto large = [](size_t i) { return i % 3 == 0; };
  ForEachInOrder<int>(
      kItems, threads,
      [&](size_t i) {
        if (large(i)) {
          const int now = ++alive;
          int seen = most.load();
          while (now > seen && !most.compare_exchange_weak(seen, now)) {
          }
          std::this_thread::sleep_for(std::chrono::milliseconds(2));  // a slow read
        }
        return static_cast<int>(i);
      },
      [&](size_t i, int&&) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
        if (large(i)) --alive;
      },
      [&](size_t i) { return large(i) ? uint64_t{1000} : uint64_t{1}; }, limits);
  return most.load();
}

// Items over `alone` are held one at a time however many threads run: two huge files are not
// read at once.
TEST(ForEachInOrder, HoldsOneItemOverTheAloneLimitAtATime) {
  EXPECT_EQ(MostLargeAlive(4, InOrderLimits{.alone = 100}), 1);
  EXPECT_GT(MostLargeAlive(4, InOrderLimits{}), 1);  // without the limit they overlap
}

// A slow item does not stop the other workers: they go on with the items after it, up to the
// window, while it is produced.
TEST(ForEachInOrder, WorksPastASlowItem) {
  std::mutex mu;
  std::condition_variable done;
  size_t produced_after_first = 0;
  bool first_waited = false;
  ForEachInOrder<size_t>(
      20, 2,
      [&](size_t i) {
        std::unique_lock lock(mu);
        if (i == 0) {
          // Item 0 finishes only once the other worker has produced five items after it.
          first_waited = done.wait_for(lock, std::chrono::seconds(20),
                                       [&] { return produced_after_first >= 5; });
        } else {
          ++produced_after_first;
          done.notify_all();
        }
        return i;
      },
      [](size_t, size_t&&) {}, [](size_t) { return uint64_t{0}; }, InOrderLimits{});
  EXPECT_TRUE(first_waited);
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
