// Wording: doubled punctuation, unbalanced brackets, a word written twice, years that
// contradict the budget year, outdated class names.
#include <fmt/format.h>

#include <algorithm>
#include <iterator>

#include "base/text.h"
#include "check/common.h"
#include "check/prose.h"

namespace yusuan {
namespace {

// The bracket pair a code point belongs to (full- and half-width forms as one), or -1.
// Pairs: 0 (), 1 《》, 2 “”, 3 [] (with 【】〔〕［］).
int BracketPair(char32_t cp, bool* opens) {
  switch (cp) {
    case '(':
    case U'（':
      *opens = true;
      return 0;
    case ')':
    case U'）':
      *opens = false;
      return 0;
    case U'《':
      *opens = true;
      return 1;
    case U'》':
      *opens = false;
      return 1;
    case U'“':
      *opens = true;
      return 2;
    case U'”':
      *opens = false;
      return 2;
    case '[':
    case U'【':
    case U'〔':
    case U'［':
      *opens = true;
      return 3;
    case ']':
    case U'】':
    case U'〕':
    case U'］':
      *opens = false;
      return 3;
    default:
      return -1;
  }
}

// The code point at byte `i` when it may be a bracket (an ASCII byte, or a three-byte character
// led by E2 80, E3 80 or EF BC, the rows of every bracket BracketPair knows), else 0. Reads
// the bytes without decoding: the wording rules visit every such character of every text.
char32_t BracketAt(std::string_view s, size_t i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return c;
  if (i + 2 >= s.size()) return 0;
  const unsigned char row = static_cast<unsigned char>(s[i + 1]);
  const unsigned char cell = static_cast<unsigned char>(s[i + 2]);
  if ((cell & 0xC0) != 0x80) return 0;
  if ((c == 0xE2 || c == 0xE3) && row == 0x80) return ((c & 0x0F) << 12) | (cell & 0x3F);
  if (c == 0xEF && row == 0xBC) return 0xFF00 | (cell & 0x3F);
  return 0;
}

// Full-width and half-width brackets as one form; quotes and 书名号 untouched.
std::string FoldBrackets(std::string_view s) {
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

// Whether U+FFFD, which decoding writes for bytes it could not read (a text the source cut),
// starts at byte `i`.
bool IsReplacementAt(std::string_view s, size_t i) { return s.substr(i, 3) == "\xEF\xBF\xBD"; }

std::string_view Excerpt(std::string_view s, size_t at) {
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
        constexpr size_t kCount = std::size(kDoubles);
        // FindPunctuationPair finds these only: both characters of every pair are ',' or led
        // by E3 or EF.
        static_assert(std::all_of(std::begin(kDoubles), std::end(kDoubles), [](std::string_view d) {
          return StartsPunctuation(d[0]) && StartsPunctuation(d[d[0] == ',' ? 1 : 3]);
        }));
        ForMarkedProse(doc, rep.facts().prose_marks(), [&](const Prose& t, uint8_t marks) {
          if (!(marks & kPunctuationPair)) return;  // most texts
          // One pass for all pairs: where each first occurs; the first pair of the list that
          // occurs is reported.
          size_t first[kCount];
          std::fill(std::begin(first), std::end(first), std::string_view::npos);
          for (size_t i = FindPunctuationPair(t.text, 0); i != std::string_view::npos;
               i = FindPunctuationPair(t.text, i + 1)) {
            std::string_view rest = t.text.substr(i);
            for (size_t d = 0; d < kCount; ++d) {
              if (first[d] == std::string_view::npos && rest.starts_with(kDoubles[d])) first[d] = i;
            }
          }
          for (size_t d = 0; d < kCount; ++d) {
            if (first[d] == std::string_view::npos) continue;
            rep.Report(t.line,
                       fmt::format("标点重复“{}”：…{}…", kDoubles[d], Excerpt(t.text, first[d])));
            break;
          }
        });
      });
  Add(rules, "text.unbalanced-brackets", Severity::kWarning, "括号、书名号、引号须成对",
      "“《关于印发…的通知（晋市政办〔2017〕32号”少了右括号",
      [](const Document& doc, Reporter& rep) {
        static constexpr std::pair<std::string_view, std::string_view> kPairs[] = {
            {"(", ")"}, {"《", "》"}, {"“", "”"}, {"[", "]"}};
        ForMarkedProse(doc, rep.facts().prose_marks(), [&](const Prose& t, uint8_t marks) {
          if (!(marks & kBracket)) return;  // most texts
          // One pass over the text for all four pairs; full- and half-width brackets pair with
          // each other: "（…)" is not a defect here.
          int depth[4] = {}, opens[4] = {}, closes[4] = {};
          bool underflow[4] = {};
          // Every bracket and U+FFFD (which the same pass looks for) is a candidate; most
          // other punctuation is not.
          for (size_t i = FindBracketCandidate(t.text, 0); i != std::string_view::npos;
               i = FindBracketCandidate(t.text, i + 1)) {
            if (IsReplacementAt(t.text, i)) return;  // the source cut the text: its end is unknown
            bool open = false;
            const int pair = BracketPair(BracketAt(t.text, i), &open);
            if (pair < 0) continue;
            if (open) {
              ++depth[pair];
              ++opens[pair];
            } else {
              underflow[pair] = underflow[pair] || depth[pair] == 0;
              depth[pair] = depth[pair] > 0 ? depth[pair] - 1 : 0;
              ++closes[pair];
            }
          }
          // An opening bracket left open at the end of a cell the source may have cut is not
          // reported; one closed without being opened, or left open in a finished sentence, is.
          bool finished = t.text.ends_with("。") || t.text.ends_with("；");
          for (int k = 0; k < 4; ++k) {
            if (!underflow[k] && (opens[k] == closes[k] || !finished)) continue;
            rep.Report(t.line, fmt::format("“{}”与“{}”不成对（{} 个与 {} 个）：{}", kPairs[k].first,
                                           kPairs[k].second, opens[k], closes[k],
                                           Excerpt(FoldBrackets(t.text), 0)));
            break;
          }
        });
      });
  Add(rules, "text.repeated-word", Severity::kWarning, "同一词语或数值紧接着重复（“保障保障”）",
      "指标值“及时及时”", [](const Document& doc, Reporter& rep) {
        ForProse(doc, [&](const Prose& t) {
          const DoubledRun run = FindDoubledRun(t.text);
          if (run.at == std::string_view::npos) return;
          rep.Report(t.line, fmt::format("“{}”重复：…{}…", t.text.substr(run.at, run.size),
                                         Excerpt(t.text, run.at)));
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
            if (!Contains(p.text, "年")) continue;  // every tail below holds it
            for (std::string_view tail : {"年度部门预算", "年度单位预算", "年部门预算",
                                          "年单位预算", "年度预算收入", "年度预算支出"}) {
              size_t at = FindText(p.text, tail);
              while (at != std::string::npos && at >= 4) {
                std::string_view y = std::string_view(p.text).substr(at - 4, 4);
                bool digits =
                    std::all_of(y.begin(), y.end(), [](char c) { return c >= '0' && c <= '9'; });
                if (digits && std::stoi(std::string(y)) != doc.year) {
                  rep.Report(p.at.line, fmt::format("“{}{}”与文件年度 {} 不符", y, tail, doc.year));
                }
                const size_t next =
                    FindText(std::string_view(p.text).substr(at + tail.size()), tail);
                at = next == std::string_view::npos ? next : at + tail.size() + next;
              }
            }
          }
        }
      });
  Add(rules, "text.outdated-class-name", Severity::kWarning, "不得使用已更名的功能分类类名",
      "“医疗卫生与计划生育支出”（2018 年起为“卫生健康支出”）",
      [](const Document& doc, Reporter& rep) {
        // Each old name contains "与" or "等" (ProseMark kYu, kDeng): a text without that
        // character is not searched for the names that hold it.
        struct Renamed {
          std::string_view old_name, new_name;
          ProseMark marker;
        };
        static constexpr Renamed kRenamed[] = {
            {"医疗卫生与计划生育支出", "卫生健康支出", kYu},
            {"文化体育与传媒支出", "文化旅游体育与传媒支出", kYu},
            {"国土海洋气象等支出", "自然资源海洋气象等支出", kDeng},
            {"粮油物资储备管理等事务", "粮油物资储备支出", kDeng}};
        static_assert(std::all_of(std::begin(kRenamed), std::end(kRenamed), [](const Renamed& r) {
          return r.old_name.find(r.marker == kYu ? "与" : "等") != r.old_name.npos;
        }));
        auto scan = [&](const Prose& t, uint8_t marks) {
          if (!(marks & (kYu | kDeng))) return;  // most texts
          for (const Renamed& r : kRenamed) {
            if (!(marks & r.marker) || !Contains(t.text, r.old_name)) continue;
            Finding& f =
                rep.Report(t.line, fmt::format("“{}”已更名为“{}”", r.old_name, r.new_name));
            f.expected = std::string(r.new_name);
            f.actual = std::string(r.old_name);
          }
        };
        ForMarkedProse(doc, rep.facts().prose_marks(), scan);
        for (const Table& t : doc.tables) {
          for (const Row& r : t.rows) {
            const std::string_view label = r.label(t);
            scan(Prose{label, r.at.line}, MarksOf(label));
          }
        }
      });
}

}  // namespace yusuan
