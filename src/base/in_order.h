// Work on several threads, results in order: for a run over many files that must report them
// in the order given (and feed the cross-file rules in that order) while reading them on every
// core.
//
//   ForEachInOrder<Loaded>(files.size(), 2,
//       [&](size_t i) { return Load(files[i]); },            // on the worker threads
//       [&](size_t i, Loaded&& l) { Write(l); });             // on this thread, i = 0, 1, 2, …
#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <optional>
#include <system_error>
#include <thread>
#include <vector>

namespace yusuan {

// Calls `produce(i)` for every i in [0, n) on `threads` threads, and `consume(i, result)` on the
// calling thread in increasing i. At most `threads` results wait for their turn besides the one
// being consumed, so memory is bounded by the number of threads, not by n. With one thread (or
// one item) everything runs on the calling thread, one item at a time.
// REQUIRES: `produce` may run concurrently with itself and with `consume`; neither throws.
template <typename Result, typename Produce, typename Consume>
void ForEachInOrder(size_t n, unsigned threads, Produce produce, Consume consume) {
  const size_t window = std::max(threads, 1u);
  std::vector<std::optional<Result>> slots(window);  // item i waits in slot i % window
  std::mutex mu;
  std::condition_variable changed;
  size_t next = 0;      // the next item to produce
  size_t consumed = 0;  // items handed to `consume`
  auto work = [&] {
    while (true) {
      size_t i;
      {
        std::unique_lock lock(mu);
        // Item i's slot is free once item i - window has been consumed.
        changed.wait(lock, [&] { return next >= n || next < consumed + window; });
        if (next >= n) return;
        i = next++;
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
    {
      std::unique_lock lock(mu);
      changed.wait(lock, [&] { return slots[i % window].has_value(); });
      r.swap(slots[i % window]);
      ++consumed;
    }
    changed.notify_all();
    consume(i, std::move(*r));
  }
  for (std::thread& w : workers) w.join();
}

}  // namespace yusuan
