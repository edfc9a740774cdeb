// Indices by key, in one sorted array: the first index of a key, or the first one not taken yet
// ("the first project of this name not paired yet"), by a binary search instead of a pass over
// all of them.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <type_traits>
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
  // A key_of that gives std::optional<std::string_view> leaves out the indices it gives none
  // for (a table's rows that are not coded): they take no room and are never found.
  template <typename KeyOf>
  KeyIndex(size_t n, KeyOf key_of) {
    sorted_.reserve(n);
    for (size_t i = 0; i < n; ++i) {
      if constexpr (std::is_same_v<decltype(key_of(i)), std::optional<std::string_view>>) {
        if (const std::optional<std::string_view> key = key_of(i))
          sorted_.push_back(Entry(*key, i));
      } else {
        sorted_.push_back(Entry(key_of(i), i));
      }
    }
    // The indices of a key in ascending order. (A stable sort by key alone does the same, with
    // a buffer of half the entries more at its peak.)
    std::sort(sorted_.begin(), sorted_.end(), [](const Entry& a, const Entry& b) {
      return Before(a, b.key()) || (a.key() == b.key() && a.index < b.index);
    });
  }

  // The smallest index with `key`, or nothing.
  std::optional<size_t> First(std::string_view key) const {
    auto first = Find(key);
    if (first == sorted_.end()) return std::nullopt;
    return first->index;
  }

  // The smallest index with `key` not handed out by Take yet, or nothing.
  std::optional<size_t> Take(std::string_view key) {
    auto first = Find(key);
    if (first == sorted_.end()) return std::nullopt;
    if (handed_out_.empty()) handed_out_.assign(sorted_.size(), 0);
    const size_t group = static_cast<size_t>(first - sorted_.begin());
    const size_t next = group + handed_out_[group];  // the key's indices handed out so far
    if (next >= sorted_.size() || sorted_[next].key() != key) return std::nullopt;
    ++handed_out_[group];
    return sorted_[next].index;
  }

 private:
  // 16 bytes, not the 24 of a view and a size_t: an index over a table of a hundred thousand
  // rows is the largest thing reading it holds for a moment. Keys and indices are far below
  // 2³² (inputs are refused above 512 MB).
  struct Entry {
    Entry(std::string_view key, size_t i)
        : data(key.data()),
          size(static_cast<uint32_t>(key.size())),
          index(static_cast<uint32_t>(i)) {}
    std::string_view key() const { return {data, size}; }
    const char* data;
    uint32_t size;
    uint32_t index;
  };
  using Entries = std::vector<Entry>;

  // The order of the entries: shorter keys first, then by their bytes (keys of one length, as
  // classification codes of one level are, compare without a call; most pairs differ in length).
  static bool Before(const Entry& a, std::string_view key) {
    return a.size != key.size() ? a.size < key.size() : a.key() < key;
  }

  // The first entry of `key`, or end().
  Entries::const_iterator Find(std::string_view key) const {
    auto first = std::lower_bound(sorted_.begin(), sorted_.end(), key, Before);
    return first != sorted_.end() && first->key() == key ? first : sorted_.end();
  }

  Entries sorted_;
  // At the first position of each key: how many of it Take handed out (empty until it is used).
  std::vector<uint32_t> handed_out_;
};

}  // namespace yusuan
