#include "check/pairing.h"

#include <gtest/gtest.h>

#include "base/text.h"
#include "read/document_reader.h"

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

TEST(PairKey, LongNamesAreKeyedAsTheirCharactersSay) {
  // Runs of ideographs are copied fifteen bytes at a time: every kind of character, at every
  // place of texts longer than one such step, against the definition.
  const std::string_view pieces[] = {"预", "算", "一",   "䶵",   "䷀", "䷿", "（",
                                     "：", "１", "a",    " ",    "、", "—",  "①",
                                     "😀",  "é",  "\xE4", "\xB7", "经", "费"};
  uint32_t seed = 7;
  for (int n = 0; n < 3000; ++n) {
    std::string s;
    const int length = 4 + n % 40;
    for (int k = 0; k < length; ++k) {
      seed = seed * 1103515245u + 12345u;
      // Mostly the ideographs of the first four pieces and the last two, as names are.
      const uint32_t r = (seed >> 16) % 64;
      s += pieces[r < 40 ? (r % 2 == 0 ? r % 4 : 18 + r % 2) : r % std::size(pieces)];
    }
    EXPECT_EQ(PairKey(s), PairKeyByCharacters(s)) << s;
  }
}

// A document with a project table of `projects` (name, 万元) and a target table for each of
// `targets` (name, 元).
Document WithProjectsAndTargets(const std::vector<std::pair<std::string, std::string>>& projects,
                                const std::vector<std::pair<std::string, std::string>>& targets) {
  std::string text =
      "测试单位\n\n2026年度单位预算公开\n2026年项目支出预算表（本年预算）\n"
      "项目名称\t合计\t一般公共预算\t政府性基金预算\t国有资本经营预算\t财政专户管理资金\t"
      "单位资金\n";
  for (const auto& [name, wan] : projects) text += name + "\t" + wan + "\t" + wan + "\t\t\t\t\n";
  for (const auto& [name, yuan] : targets) {
    text += "2026年项目支出绩效目标表\n项目名称\t" + name + "\n项目资金\t实施期资金总额\t" + yuan +
            "\t年度资金总额\t" + yuan + "\n";
  }
  auto doc = ReadDocument(text, "t.txt");
  EXPECT_TRUE(doc.ok()) << doc.status().message();
  return doc.ok() ? std::move(*doc) : Document{};
}

// The project row label each target was paired with ("" when none), in target order.
std::vector<std::string> PairedNames(const Document& doc, const std::vector<Pair>& pairs) {
  std::vector<std::string> out;
  for (const Pair& p : pairs)
    out.push_back(p.project ? std::string(p.project->label(*p.table)) : "");
  return out;
}

TEST(PairTargets, PairsByTheSameNameThenByContainmentThenByAUniqueAmount) {
  Document doc = WithProjectsAndTargets(
      {{"信息化建设经费", "1.00"},
       {"信息化建设经费", "2.00"},
       {"全国医保示范点工作经费", "3.00"},
       {"公共卫生服务补助", "4.00"}},
      {{"信息化建设经费", "20000"},  // the same name twice: the first, then the second
       {"信息化建设经费", "10000"},
       {"医保示范点工作", "0"},                // contained in a project's name
       {"卫生服务补助资金（更名）", "40000"},  // neither: by its amount, 4.00 万元
       {"另一个项目", "99"}});
  const std::vector<Pair> pairs = PairTargets(doc);
  ASSERT_EQ(pairs.size(), 5u);
  EXPECT_EQ(PairedNames(doc, pairs),
            (std::vector<std::string>{"信息化建设经费", "信息化建设经费", "全国医保示范点工作经费",
                                      "公共卫生服务补助", ""}));
  EXPECT_EQ(pairs[0].project->at.line + 1, pairs[1].project->at.line);
  EXPECT_TRUE(pairs[3].by_amount);
  for (const Pair& p : pairs) EXPECT_FALSE(p.unsearched);
}

// Thousands of targets and projects with names that never match: the searches that compare
// each target with every project stop at their budget, and the targets left say so, instead of
// the comparisons taking minutes (they grow with the product of the two counts).
TEST(PairTargets, ManyTargetsAndProjectsAreComparedWithinABudget) {
  constexpr int kCount = 6000;
  std::vector<std::pair<std::string, std::string>> projects, targets;
  for (int i = 0; i < kCount; ++i) {
    projects.emplace_back("预算项目甲" + std::to_string(i), "1.00");
    targets.emplace_back(
        i % 2 ? "绩效目标乙" + std::to_string(i) : "预算项目甲" + std::to_string(i), "1");
  }
  Document doc = WithProjectsAndTargets(projects, targets);
  const std::vector<Pair> pairs = PairTargets(doc);
  ASSERT_EQ(pairs.size(), static_cast<size_t>(kCount));
  size_t unsearched = 0;
  for (int i = 0; i < kCount; ++i) {
    EXPECT_EQ(pairs[i].project != nullptr, i % 2 == 0) << i;  // the same names are all paired
    if (pairs[i].unsearched) {
      EXPECT_EQ(pairs[i].project, nullptr);
      ++unsearched;
    }
  }
  EXPECT_GT(unsearched, 0u);
  EXPECT_LE(unsearched, static_cast<size_t>(kCount / 2));
}

}  // namespace
}  // namespace yusuan
