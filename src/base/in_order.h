// Work on several threads, results in order: for a run over many files that must report them
// in the order given (and feed the cross-file rules in that order) while reading them on every
// core.
//
//   ForEachInOrder<Loaded>(files.size(), 2,
//       [&](size_t i) { return Load(files[i]); },            // on the worker threads
//       [&](size_t i, Loaded&& l) { Write(l); },             // on this thread, i = 0, 1, 2, …
//       [&](size_t i) { return sizes[i]; }, {.budget = 64 << 20});  // what may wait
#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <system_error>
#include <thread>
#include <vector>

namespace yusuan {

// How far the workers may run ahead of the consumer. Item sizes vary (a run over a directory
// mixes 20 KB and 3 MB documents), so with only one result per thread in hand a worker done
// with a small item soon waits for the consumer, itself waiting for a large one: measured over
// 300 files on two cores, 1.55 of the 2 cores were busy; with four per thread, 1.92.
struct InOrderLimits {
  // Items in hand (being produced or waiting) besides the one consumed: always `threads`, and up
  // to `ahead_per_thread` × threads while the cost of those in hand stays within `budget`.
  size_t ahead_per_thread = 4;
  uint64_t budget = UINT64_MAX;
  // An item that costs more than this starts only when no other such item is in hand, the one
  // being consumed included: a run over several huge files holds one of them at a time, not
  // one per thread.
  uint64_t alone = UINT64_MAX;
};

// Calls `produce(i)` for every i in [0, n) on `threads` threads, and `consume(i, result)` on the
// calling thread in increasing i. Memory is bounded by the limits, not by n: `cost(i)` weighs
// item i before it is produced (a file's size), and items beyond one per thread start only
// while the weight in hand stays within `limits.budget`. With one thread (or one item)
// everything runs on the calling thread, one item at a time.
// REQUIRES: `produce` may run concurrently with itself and with `consume`; neither throws.
template <typename Result, typename Produce, typename Consume, typename Cost>
void ForEachInOrder(size_t n, unsigned threads, Produce produce, Consume consume, Cost cost,
                    InOrderLimits limits) {
  threads = std::max(threads, 1u);
  const size_t window = threads * std::max<size_t>(limits.ahead_per_thread, 1);
  std::vector<std::optional<Result>> slots(window);  // item i waits in slot i % window
  std::vector<uint64_t> costs(window);               // the cost of the item in each slot
  std::mutex mu;
  std::condition_variable changed;
  size_t next = 0;           // the next item to produce
  size_t consumed = 0;       // items handed to `consume`
  uint64_t in_hand = 0;      // the cost of items started and not consumed
  size_t alone_in_hand = 0;  // items over `limits.alone` started and not done being consumed
  // Whether item `next` may start; under `mu`.
  auto may_start = [&] {
    const uint64_t c = cost(next);
    if (c > limits.alone && alone_in_hand > 0) return false;
    if (next < consumed + threads) return true;
    if (next >= consumed + window) return false;  // its slot is still taken
    return in_hand <= limits.budget && c <= limits.budget - in_hand;
  };
  auto work = [&] {
    while (true) {
      size_t i;
      {
        std::unique_lock lock(mu);
        changed.wait(lock, [&] { return next >= n || may_start(); });
        if (next >= n) return;
        i = next++;
        costs[i % window] = cost(i);
        in_hand += costs[i % window];
        alone_in_hand += costs[i % window] > limits.alone;
      }
      Result r = produce(i);
      {
        std::lock_guard lock(mu);
        slots[i % window].emplace(std::move(r));
      }
      changed.notify_all();
    }
  };
  std::vector<std::thread> workers;
  for (unsigned t = 0; t < threads && threads > 1 && n > 1; ++t) {
    // A system out of threads still gets the work done by those it gave, or by this thread.
    try {
      workers.emplace_back(work);
    } catch (const std::system_error&) {
      break;
    }
  }
  if (workers.empty()) {  // one thread or one item, or no thread to be had
    for (size_t i = 0; i < n; ++i) consume(i, produce(i));
    return;
  }
  for (size_t i = 0; i < n; ++i) {
    std::optional<Result> r;
    bool alone = false;
    {
      std::unique_lock lock(mu);
      changed.wait(lock, [&] { return slots[i % window].has_value(); });
      r.swap(slots[i % window]);
      ++consumed;
      in_hand -= costs[i % window];
      alone = costs[i % window] > limits.alone;
    }
    changed.notify_all();
    consume(i, std::move(*r));
    if (alone) {
      // Its result is gone only now: the next such item may start.
      r.reset();
      {
        std::lock_guard lock(mu);
        --alone_in_hand;
      }
      changed.notify_all();
    }
  }
  for (std::thread& w : workers) w.join();
}

// The same with every item weighing nothing: up to InOrderLimits::ahead_per_thread results per
// thread in hand.
template <typename Result, typename Produce, typename Consume>
void ForEachInOrder(size_t n, unsigned threads, Produce produce, Consume consume) {
  ForEachInOrder<Result>(
      n, threads, produce, consume, [](size_t) { return uint64_t{0}; }, InOrderLimits{});
}

}  // namespace yusuan
