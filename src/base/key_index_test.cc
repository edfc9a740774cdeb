#include "base/key_index.h"

#include <gtest/gtest.h>

namespace yusuan {
namespace {

TEST(KeyIndex, HandsOutEachKeysIndicesSmallestFirstOncePerAsk) {
  const std::vector<std::string_view> keys = {"乙", "甲", "乙", "", "甲", "乙"};
  KeyIndex take(keys);
  EXPECT_EQ(take.Take("乙"), 0u);
  EXPECT_EQ(take.Take("甲"), 1u);
  EXPECT_EQ(take.Take("乙"), 2u);
  EXPECT_EQ(take.Take("乙"), 5u);
  EXPECT_EQ(take.Take("乙"), std::nullopt);  // all three handed out
  EXPECT_EQ(take.Take("丙"), std::nullopt);  // never there
  EXPECT_EQ(take.Take(""), 3u);              // an empty key is a key like any other
  EXPECT_EQ(take.Take("甲"), 4u);
  EXPECT_EQ(take.Take("甲"), std::nullopt);
  EXPECT_EQ(take.First("乙"), 0u);  // First ignores what was taken
  EXPECT_EQ(take.First("丙"), std::nullopt);
}

TEST(KeyIndex, IndexesStringsViewsOrAnyFunctionOfTheIndexAlike) {
  const std::vector<std::string> strings = {"乙", "甲", "乙"};
  const std::vector<std::string_view> views(strings.begin(), strings.end());
  KeyIndex of_strings(strings), of_views(views);
  KeyIndex of_function(strings.size(), [&](size_t i) { return std::string_view(strings[i]); });
  for (KeyIndex* index : {&of_strings, &of_views, &of_function}) {
    EXPECT_EQ(index->First("乙"), 0u);
    EXPECT_EQ(index->Take("乙"), 0u);
    EXPECT_EQ(index->Take("乙"), 2u);
    EXPECT_EQ(index->Take("甲"), 1u);
    EXPECT_EQ(index->First("丙"), std::nullopt);
  }
}

TEST(KeyIndex, LeavesOutTheIndicesGivenNoKey) {
  const std::vector<std::string_view> keys = {"208", "", "20805", "208", "20805"};
  // Only the coded entries (here: those at even indices) are indexed; the rest are never found,
  // not even under their own key.
  KeyIndex even(keys.size(), [&](size_t i) -> std::optional<std::string_view> {
    if (i % 2 != 0) return std::nullopt;
    return keys[i];
  });
  EXPECT_EQ(even.First("208"), 0u);
  EXPECT_EQ(even.First("20805"), 2u);
  EXPECT_EQ(even.First(""), std::nullopt);  // index 1's key, left out
  EXPECT_EQ(even.Take("20805"), 2u);
  EXPECT_EQ(even.Take("20805"), 4u);
  EXPECT_EQ(even.Take("208"), 0u);
  EXPECT_EQ(even.Take("208"), std::nullopt);  // index 3, left out
}

TEST(KeyIndex, AgreesWithASearchForTheFirstUntakenIndex) {
  std::vector<std::string> names;
  for (int i = 0; i < 300; ++i) names.push_back(std::to_string((i * 7919) % 23));
  const std::vector<std::string_view> keys(names.begin(), names.end());
  KeyIndex take(keys);
  std::vector<bool> taken(keys.size(), false);
  for (int ask = 0; ask < 400; ++ask) {
    const std::string key = std::to_string((ask * 31) % 29);  // some never present
    std::optional<size_t> want;
    for (size_t i = 0; i < keys.size(); ++i) {
      if (!taken[i] && keys[i] == key) {
        want = i;
        taken[i] = true;
        break;
      }
    }
    ASSERT_EQ(take.Take(key), want) << ask;
  }
}

TEST(KeyIndex, FindsKeysThatShareTheirFirstEightBytesOrDifferOnlyInLength) {
  // Keys from a small alphabet, NUL included, of every length up to twelve: most pairs agree
  // in the first eight bytes the index compares at once, or are one a prefix of the other.
  const std::string alphabet(
      "\0"
      "208a",
      5);
  std::vector<std::string> keys;
  uint32_t state = 1;
  auto next = [&] { return state = state * 1103515245u + 12345u; };
  for (int i = 0; i < 2000; ++i) {
    std::string key = "2080505";
    key.resize((next() >> 16) % 13, '0');
    for (size_t k = 5; k < key.size(); ++k) key[k] = alphabet[(next() >> 16) % alphabet.size()];
    keys.push_back(key);
  }
  KeyIndex index(keys);
  for (int ask = 0; ask < 2000; ++ask) {
    std::string key = keys[(next() >> 16) % keys.size()];
    if (ask % 3 == 0) key.push_back(alphabet[(next() >> 16) % alphabet.size()]);  // maybe absent
    std::optional<size_t> want;
    for (size_t i = 0; i < keys.size() && !want; ++i) {
      if (keys[i] == key) want = i;
    }
    ASSERT_EQ(index.First(key), want) << ask;
  }
}

}  // namespace
}  // namespace yusuan
