// Wording: doubled punctuation, unbalanced brackets, a word written twice, years that
// contradict the budget year, outdated class names.
#include <fmt/format.h>

#include "base/text.h"
#include "check/common.h"

namespace yusuan {
namespace {

// Every piece of prose a reviewer reads, with its line.
template <typename Fn>
void ForProse(const Document& doc, Fn fn) {
  for (const TextItem& t : doc.overview.duties) fn(t);
  for (const Section& s : doc.narrative) {
    fn(s.heading);
    for (const TextItem& p : s.paragraphs) fn(p);
  }
  for (const TargetTable& t : doc.targets) {
    for (const TextItem* item :
         {&t.overview, &t.basis, &t.necessity, &t.measures, &t.plan, &t.goals[0], &t.goals[1]}) {
      fn(*item);
    }
    for (int side : {kImplementation, kAnnual}) {
      for (const Indicator& i : t.indicators[side]) {
        fn(TextItem{i.name, i.at});
        fn(TextItem{i.value.raw, i.value_at});
      }
    }
  }
}

// Full-width and half-width brackets as one form; quotes and 书名号 untouched.
std::string FoldBrackets(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (size_t pos = 0; pos < s.size();) {
    char32_t cp = NextCodePoint(s, &pos);
    switch (cp) {
      case U'（':
        cp = '(';
        break;
      case U'）':
        cp = ')';
        break;
      case U'【':
      case U'〔':
      case U'［':
        cp = '[';
        break;
      case U'】':
      case U'〕':
      case U'］':
        cp = ']';
        break;
      default:
        break;
    }
    AppendUtf8(cp, &out);
  }
  return out;
}

bool Truncated(const std::string& s) { return s.find("\xEF\xBF\xBD") != std::string::npos; }

std::string Excerpt(const std::string& s, size_t at) {
  size_t start = at > 18 ? at - 18 : 0;
  while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
  size_t end = std::min(s.size(), at + 24);
  while (end < s.size() && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) ++end;
  return s.substr(start, end - start);
}

void Add(std::vector<Rule>* rules, std::string id, Severity severity, std::string title,
         std::string example, std::function<void(const Document&, Reporter&)> check) {
  rules->push_back(Rule{{std::move(id), severity, "文字", std::move(title), std::move(example)},
                        std::move(check)});
}

}  // namespace

void AddTextRules(std::vector<Rule>* rules) {
  Add(rules, "text.doubled-punctuation", Severity::kWarning, "标点重复（“，，”“。。”“、、”等）",
      "“主要包括：办公费、、邮电费”", [](const Document& doc, Reporter& rep) {
        static constexpr std::string_view kDoubles[] = {"，，", "。。", "、、", "；；", "：：",
                                                        "，。", "。，", ",,",   "；。", "：。"};
        ForProse(doc, [&](const TextItem& t) {
          for (std::string_view d : kDoubles) {
            size_t at = t.text.find(d);
            if (at == std::string::npos) continue;
            rep.Report(t.at.line, fmt::format("标点重复“{}”：…{}…", d, Excerpt(t.text, at)));
            break;
          }
        });
      });
  Add(rules, "text.unbalanced-brackets", Severity::kWarning, "括号、书名号、引号须成对",
      "“《关于印发…的通知（晋市政办〔2017〕32号”少了右括号",
      [](const Document& doc, Reporter& rep) {
        static constexpr std::pair<std::string_view, std::string_view> kPairs[] = {
            {"(", ")"}, {"《", "》"}, {"“", "”"}, {"[", "]"}};
        ForProse(doc, [&](const TextItem& item) {
          if (Truncated(item.text)) return;  // the source cut the cell; its end is unknown
          // Full- and half-width brackets pair with each other: "（…)" is not a defect here.
          TextItem t{FoldBrackets(item.text), item.at};
          for (auto [open, close] : kPairs) {
            int depth = 0, opens = 0, closes = 0;
            bool underflow = false;
            for (size_t i = 0; i < t.text.size();) {
              if (t.text.compare(i, open.size(), open) == 0 && open != close) {
                ++depth;
                ++opens;
                i += open.size();
              } else if (t.text.compare(i, close.size(), close) == 0) {
                underflow = underflow || depth == 0;
                depth = depth > 0 ? depth - 1 : 0;
                ++closes;
                i += close.size();
              } else {
                ++i;
              }
            }
            // An opening bracket left open at the end of a cell the source may have cut is not
            // reported; one closed without being opened, or left open in a finished sentence, is.
            bool finished = t.text.ends_with("。") || t.text.ends_with("；");
            if (!underflow && (opens == closes || !finished)) continue;
            rep.Report(t.at.line, fmt::format("“{}”与“{}”不成对（{} 个与 {} 个）：{}", open, close,
                                              opens, closes, Excerpt(t.text, 0)));
            break;
          }
        });
      });
  Add(rules, "text.repeated-word", Severity::kWarning, "同一词语或数值紧接着重复（“保障保障”）",
      "指标值“及时及时”", [](const Document& doc, Reporter& rep) {
        ForProse(doc, [&](const TextItem& t) {
          const std::string& s = t.text;
          // Look for two to six CJK characters written twice in a row.
          for (size_t i = 0; i < s.size(); ++i) {
            if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
            for (size_t len = 6; len <= 18 && i + 2 * len <= s.size(); len += 3) {
              // Cheap test on the first character before comparing the whole run.
              if (s[i] != s[i + len] || s[i + 1] != s[i + len + 1] || s[i + 2] != s[i + len + 2]) {
                continue;
              }
              std::string_view a(s.data() + i, len), b(s.data() + i + len, len);
              if (a != b) continue;
              bool cjk = true;
              for (size_t k = 0; k < len;) {
                char32_t cp = NextCodePoint(a, &k);
                cjk = cjk && cp >= 0x4E00 && cp <= 0x9FFF;
              }
              if (!cjk) continue;
              rep.Report(t.at.line, fmt::format("“{}”重复：…{}…", a, Excerpt(s, i)));
              return;
            }
          }
        });
      });
  Add(rules, "text.year", Severity::kWarning, "说明和表题中的预算年度须与文件年度一致",
      "2026 年文件中写“2025年度部门预算”", [](const Document& doc, Reporter& rep) {
        if (doc.year == 0) return;
        for (const Table& t : doc.tables) {
          std::string k = MatchKey(t.title);
          if (k.size() >= 4 && k[0] == '2' && k[1] == '0' &&
              std::isdigit(static_cast<unsigned char>(k[2])) &&
              std::isdigit(static_cast<unsigned char>(k[3]))) {
            int y = 2000 + (k[2] - '0') * 10 + (k[3] - '0');
            if (y != doc.year) {
              rep.Report(t.title_at.line,
                         fmt::format("表题“{}”的年度 {} 与文件年度 {} 不符", t.title, y, doc.year),
                         Severity::kError);
            }
          }
        }
        for (const Section& s : doc.narrative) {
          for (const TextItem& p : s.paragraphs) {
            for (std::string_view tail : {"年度部门预算", "年度单位预算", "年部门预算",
                                          "年单位预算", "年度预算收入", "年度预算支出"}) {
              size_t at = p.text.find(tail);
              while (at != std::string::npos && at >= 4) {
                std::string_view y = std::string_view(p.text).substr(at - 4, 4);
                bool digits =
                    std::all_of(y.begin(), y.end(), [](char c) { return c >= '0' && c <= '9'; });
                if (digits && std::stoi(std::string(y)) != doc.year) {
                  rep.Report(p.at.line, fmt::format("“{}{}”与文件年度 {} 不符", y, tail, doc.year));
                }
                at = p.text.find(tail, at + tail.size());
              }
            }
          }
        }
      });
  Add(rules, "text.outdated-class-name", Severity::kWarning, "不得使用已更名的功能分类类名",
      "“医疗卫生与计划生育支出”（2018 年起为“卫生健康支出”）",
      [](const Document& doc, Reporter& rep) {
        static constexpr std::pair<std::string_view, std::string_view> kRenamed[] = {
            {"医疗卫生与计划生育支出", "卫生健康支出"},
            {"文化体育与传媒支出", "文化旅游体育与传媒支出"},
            {"国土海洋气象等支出", "自然资源海洋气象等支出"},
            {"粮油物资储备管理等事务", "粮油物资储备支出"}};
        auto scan = [&](const TextItem& t) {
          for (auto [old_name, new_name] : kRenamed) {
            if (t.text.find(old_name) == std::string::npos) continue;
            Finding& f = rep.Report(t.at.line, fmt::format("“{}”已更名为“{}”", old_name, new_name));
            f.expected = std::string(new_name);
            f.actual = std::string(old_name);
          }
        };
        ForProse(doc, scan);
        for (const Table& t : doc.tables) {
          for (const Row& r : t.rows) scan(TextItem{r.label(t), r.at});
        }
      });
}

}  // namespace yusuan
