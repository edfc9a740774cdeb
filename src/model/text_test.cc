#include "model/text.h"

#include <gtest/gtest.h>

#include <map>
#include <utility>

namespace yusuan {
namespace {

TEST(Text, MadeFromAStringOwnsACopy) {
  std::string source = "项目支出";
  Text t = source;
  source[0] = 'x';  // the Text does not see it
  EXPECT_TRUE(t.owned());
  EXPECT_EQ(t, "项目支出");
  EXPECT_EQ(t.size(), std::string("项目支出").size());
  Text empty = std::string();
  EXPECT_TRUE(empty.empty());
  EXPECT_FALSE(empty.owned());  // nothing to own
}

TEST(Text, CopiesOfAnOwnedTextAreIndependent) {
  Text a = std::string("基本支出");
  Text b = a;
  EXPECT_TRUE(b.owned());
  EXPECT_NE(a.data(), b.data());
  a = "项目支出";
  EXPECT_EQ(b, "基本支出");
  EXPECT_EQ(a, "项目支出");
  Text c = std::move(b);
  EXPECT_EQ(c, "基本支出");
  EXPECT_TRUE(b.empty());  // NOLINT(bugprone-use-after-move): a moved-from Text is empty
  c = c;                   // self-assignment keeps the text
  EXPECT_EQ(c, "基本支出");
}

TEST(Text, AViewAndItsCopiesReferToTheSameBytes) {
  static const std::string kBytes = "一般公共预算拨款收入";
  Text v = Text::View(kBytes);
  Text copy = v;
  EXPECT_FALSE(v.owned());
  EXPECT_FALSE(copy.owned());
  EXPECT_EQ(copy.data(), kBytes.data());
  EXPECT_EQ(copy, kBytes);
}

TEST(Text, ComparesAndOrdersByItsBytesWhateverHoldsThem) {
  static const std::string kBytes = "abc";
  Text view = Text::View(kBytes), owned = std::string("abc"), other = "abd";
  EXPECT_EQ(view, owned);
  EXPECT_EQ(view, std::string_view("abc"));
  EXPECT_EQ(view, std::string("abc"));
  EXPECT_NE(view, other);
  EXPECT_LT(view, other);
  std::map<Text, int> by_text{{other, 2}, {owned, 1}};
  EXPECT_EQ(by_text.begin()->second, 1);
  EXPECT_EQ("<" + view + ">", "<abc>");
  EXPECT_EQ(view + std::string_view("d"), "abcd");
  EXPECT_EQ(fmt::format("[{:>5}]", view), "[  abc]");
  EXPECT_EQ(view.substr(1), "bc");
  EXPECT_EQ(view.find('c'), 2u);
}

TEST(TextBacking, KeepsViewsOfItsOwnTextWithoutCopying) {
  TextBacking backing("第一行\n第二行\n");
  std::string_view text = backing.text();
  Text line = backing.Keep(text.substr(0, 9));
  EXPECT_FALSE(line.owned());
  EXPECT_EQ(line.data(), text.data());
  EXPECT_EQ(line, "第一行");
  // The whole text and its last byte are inside too.
  EXPECT_EQ(backing.Keep(text).data(), text.data());
  EXPECT_EQ(backing.Keep(text.substr(text.size() - 1)).data(), text.data() + text.size() - 1);
  EXPECT_EQ(backing.kept_bytes(), 0u);
}

TEST(TextBacking, CopiesTextsFromElsewhereAndKeepsThemStable) {
  TextBacking backing("原文");
  std::vector<Text> kept;
  std::string changed;
  for (int i = 0; i < 2000; ++i) {  // several blocks, each text at a stable address
    changed = "清洗后的单元格" + std::to_string(i);
    kept.push_back(backing.Keep(changed));
    EXPECT_FALSE(kept.back().owned());
    EXPECT_NE(kept.back().data(), changed.data());
  }
  changed.assign(100000, 'x');  // larger than a block: a block of its own
  kept.push_back(backing.Keep(changed));
  for (int i = 0; i < 2000; ++i) EXPECT_EQ(kept[i], "清洗后的单元格" + std::to_string(i));
  EXPECT_EQ(kept.back(), changed);
  EXPECT_TRUE(backing.Keep(std::string_view()).empty());
}

}  // namespace
}  // namespace yusuan
