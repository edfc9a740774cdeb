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
    // By key, the indices of a key in ascending order (a stable sort by key alone does the same,
    // with a buffer of half the entries more at its peak). Keys often come in order already, as
    // classification codes are printed (208, 20805, 2080505, 2080506, …): then there is no sort.
    auto before = [](const Entry& a, const Entry& b) {
      const int c = Compare(a, b.prefix, b.key());
      return c < 0 || (c == 0 && a.index < b.index);
    };
    if (!std::is_sorted(sorted_.begin(), sorted_.end(), before)) {
      std::sort(sorted_.begin(), sorted_.end(), before);
    }
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
  // 24 bytes, as a view and a size_t took without the prefix: an index over a table of a
  // hundred thousand rows is the largest thing reading it holds for a moment. Keys and indices
  // are far below 2³² (inputs are refused above 512 MB).
  struct Entry {
    Entry(std::string_view key, size_t i)
        : data(key.data()),
          prefix(PrefixOf(key)),
          size(static_cast<uint32_t>(key.size())),
          index(static_cast<uint32_t>(i)) {}
    std::string_view key() const { return {data, size}; }
    const char* data;
    uint64_t prefix;  // the key's first eight bytes, big-endian: most comparisons need no more
    uint32_t size;
    uint32_t index;
  };
  using Entries = std::vector<Entry>;

  static uint64_t PrefixOf(std::string_view key) {
    uint64_t prefix = 0;
    for (size_t i = 0; i < 8; ++i) {
      prefix = prefix << 8 | (i < key.size() ? static_cast<uint8_t>(key[i]) : 0);
    }
    return prefix;
  }

  // <0, 0 or >0 as `a`'s key is before, equal to or after `key` (whose prefix is `prefix`), in
  // the order of their bytes.
  static int Compare(const Entry& a, uint64_t prefix, std::string_view key) {
    if (a.prefix != prefix) return a.prefix < prefix ? -1 : 1;
    // The first eight bytes agree (a shorter key padded with zeros): the rest, or the lengths.
    if (a.size <= 8 && key.size() <= 8) {
      return a.size < key.size() ? -1 : a.size > key.size() ? 1 : 0;
    }
    return a.key().compare(key);
  }

  // The first entry of `key`, or end().
  Entries::const_iterator Find(std::string_view key) const {
    const uint64_t prefix = PrefixOf(key);
    auto first = std::lower_bound(
        sorted_.begin(), sorted_.end(), key,
        [prefix](const Entry& a, std::string_view k) { return Compare(a, prefix, k) < 0; });
    return first != sorted_.end() && first->key() == key ? first : sorted_.end();
  }

  Entries sorted_;
  // At the first position of each key: how many of it Take handed out (empty until it is used).
  std::vector<uint32_t> handed_out_;
};

}  // namespace yusuan
