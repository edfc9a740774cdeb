// Indices by key, in one sorted array: the first index of a key, or the first one not taken yet
// ("the first project of this name not paired yet"), by a binary search instead of a pass over
// all of them.
#pragma once

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace yusuan {

class KeyIndex {
 public:
  // keys[i] is index i's key: a vector of strings or of views, whose bytes must outlive this
  // object.
  template <typename Keys>
  explicit KeyIndex(const Keys& keys)
      : KeyIndex(keys.size(), [&](size_t i) { return std::string_view(keys[i]); }) {}

  // key_of(i) is index i's key, for i in [0, n); the views it gives must outlive this object.
  template <typename KeyOf>
  KeyIndex(size_t n, KeyOf key_of) {
    sorted_.reserve(n);
    for (size_t i = 0; i < n; ++i) sorted_.emplace_back(key_of(i), i);
    // Stable: the indices of a key stay in ascending order.
    std::stable_sort(sorted_.begin(), sorted_.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
  }

  // The smallest index with `key`, or nothing.
  std::optional<size_t> First(std::string_view key) const {
    auto first = Find(key);
    if (first == sorted_.end()) return std::nullopt;
    return first->second;
  }

  // The smallest index with `key` not handed out by Take yet, or nothing.
  std::optional<size_t> Take(std::string_view key) {
    auto first = Find(key);
    if (first == sorted_.end()) return std::nullopt;
    if (handed_out_.empty()) handed_out_.assign(sorted_.size(), 0);
    const size_t group = static_cast<size_t>(first - sorted_.begin());
    const size_t next = group + handed_out_[group];  // the key's indices handed out so far
    if (next >= sorted_.size() || sorted_[next].first != key) return std::nullopt;
    ++handed_out_[group];
    return sorted_[next].second;
  }

 private:
  using Entries = std::vector<std::pair<std::string_view, size_t>>;

  // The first entry of `key`, or end().
  Entries::const_iterator Find(std::string_view key) const {
    auto first = std::lower_bound(sorted_.begin(), sorted_.end(), key,
                                  [](const auto& a, std::string_view k) { return a.first < k; });
    return first != sorted_.end() && first->first == key ? first : sorted_.end();
  }

  Entries sorted_;
  // At the first position of each key: how many of it Take handed out (empty until it is used).
  std::vector<size_t> handed_out_;
};

}  // namespace yusuan
