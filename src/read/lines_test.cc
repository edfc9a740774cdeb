#include "read/lines.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace yusuan {
namespace {

// The lines as a plain split at every LF gives them: a last line without LF counts, and a text
// that ends with LF has no empty line after it.
std::vector<std::string> Split(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < text.size()) {
    const size_t nl = text.find('\n', start);
    const size_t end = nl == std::string::npos ? text.size() : nl;
    out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

std::vector<std::string> Read(const std::string& text) {
  const Lines lines(text);
  std::vector<std::string> out;
  for (uint32_t n = 1; n <= lines.size(); ++n) out.emplace_back(lines[n]);
  return out;
}

TEST(Lines, SplitAtEveryLineEndWhereverItFallsInTheSixteenByteBlocks) {
  EXPECT_TRUE(Read("").empty());
  EXPECT_EQ(Read("\n"), std::vector<std::string>{""});
  EXPECT_EQ(Read("一行"), std::vector<std::string>{"一行"});
  EXPECT_EQ(Read("一\n二\n"), (std::vector<std::string>{"一", "二"}));
  EXPECT_EQ(Read("一\n\n二"), (std::vector<std::string>{"一", "", "二"}));
  // Line ends at every offset of a block and across blocks, lines shorter and longer than a
  // block, runs of empty lines, with and without a last LF.
  for (size_t length = 0; length < 40; ++length) {
    std::string text;
    for (size_t k = 0; k < 30; ++k) {
      text += std::string((k * 7 + length) % (length + 1), static_cast<char>('a' + k % 26));
      text += '\n';
    }
    for (const std::string& t : {text, text.substr(0, text.size() - 1), text + "尾"}) {
      EXPECT_EQ(Read(t), Split(t)) << length;
    }
  }
}

TEST(Lines, TellTheLineOfAByte) {
  const std::string text = "第一行\n\n第三行的文字比较长一些，超过十六个字节\n末行";
  const Lines lines(text);
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines.LineAt(0), 1u);
  EXPECT_EQ(lines.LineAt(text.find("\n\n") + 1), 2u);
  EXPECT_EQ(lines.LineAt(text.find("超过")), 3u);
  EXPECT_EQ(lines.LineAt(text.size() - 1), 4u);
}

}  // namespace
}  // namespace yusuan
