// Hands out, for each key asked for, the indices that carry it, smallest first, one per ask: "the
// first one of this name not taken yet" by a binary search instead of a pass over all of them.
#pragma once

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace yusuan {

class TakeInOrder {
 public:
  // keys[i] is index i's key; the views must outlive this object.
  explicit TakeInOrder(const std::vector<std::string_view>& keys) {
    sorted_.reserve(keys.size());
    for (size_t i = 0; i < keys.size(); ++i) sorted_.emplace_back(keys[i], i);
    // Stable: the indices of a key stay in ascending order.
    std::stable_sort(sorted_.begin(), sorted_.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    handed_out_.assign(sorted_.size(), 0);
  }

  // The smallest index with `key` not handed out yet, or nothing.
  std::optional<size_t> Take(std::string_view key) {
    auto first = std::lower_bound(sorted_.begin(), sorted_.end(), key,
                                  [](const auto& a, std::string_view k) { return a.first < k; });
    if (first == sorted_.end() || first->first != key) return std::nullopt;
    const size_t group = static_cast<size_t>(first - sorted_.begin());
    const size_t next = group + handed_out_[group];  // the key's indices handed out so far
    if (next >= sorted_.size() || sorted_[next].first != key) return std::nullopt;
    ++handed_out_[group];
    return sorted_[next].second;
  }

 private:
  std::vector<std::pair<std::string_view, size_t>> sorted_;
  std::vector<size_t> handed_out_;  // at the first position of each key: how many of it
};

}  // namespace yusuan
