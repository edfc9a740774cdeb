#include "check/pairing.h"

#include <gtest/gtest.h>

#include "base/text.h"

namespace yusuan {
namespace {

// PairKey by its definition: MatchKey, then only letters, digits and CJK ideographs.
std::string PairKeyByCharacters(std::string_view name) {
  std::string key = MatchKey(name), out;
  for (size_t pos = 0; pos < key.size();) {
    size_t start = pos;
    char32_t cp = NextCodePoint(key, &pos);
    if ((cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
        (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF)) {
      out.append(key, start, pos - start);
    }
  }
  return out;
}

TEST(PairKey, KeepsLettersDigitsAndIdeographsOnly) {
  EXPECT_EQ(PairKey("全国医疗保障服务示范（点）工作经费 2026"),
            "全国医疗保障服务示范点工作经费2026");
  EXPECT_EQ(PairKey("“三公”经费、ＡＢ１"), "三公经费AB1");
  const std::string_view pieces[] = {
      "预算", "㐀", "（", "）", "：", "１", "Ａ", " ",  "\xE3\x80\x80", "、", "—",  "①",
      "a",    "9",  "é",  "😀",  "…",  "“",  "ｚ", "０", "＿",           "\t", "Ｍ", "一",
      "䷀",   "䶵", "䀀", "Z",  "@",  "[",  "`",  "{",  "\xE4"};
  for (std::string_view a : pieces) {
    for (std::string_view b : pieces) {
      std::string s = std::string(a) + std::string(b) + "经费";
      EXPECT_EQ(PairKey(s), PairKeyByCharacters(s)) << s;
    }
  }
}

}  // namespace
}  // namespace yusuan
