// Wording: doubled punctuation, unbalanced brackets, a word written twice, years that
// contradict the budget year, outdated class names.
#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <cstring>
#include <iterator>

#include "base/text.h"
#include "check/common.h"

namespace yusuan {
namespace {

// A piece of prose and its line, viewed in place (no copy).
struct Prose {
  std::string_view text;
  uint32_t line;
};

// Every piece of prose a reviewer reads, with its line.
template <typename Fn>
void ForProse(const Document& doc, Fn fn) {
  auto item = [&](const TextItem& t) { fn(Prose{t.text, t.at.line}); };
  for (const TextItem& t : doc.overview.duties) item(t);
  for (const Section& s : doc.narrative) {
    item(s.heading);
    for (const TextItem& p : s.paragraphs) item(p);
  }
  for (const TargetTable& t : doc.targets) {
    for (const TextItem* i :
         {&t.overview, &t.basis, &t.necessity, &t.measures, &t.plan, &t.goals[0], &t.goals[1]}) {
      item(*i);
    }
    for (int side : {kImplementation, kAnnual}) {
      for (const Indicator& i : t.indicators[side]) {
        fn(Prose{i.name, i.at.line});
        fn(Prose{i.value.raw, i.value_at.line});
      }
    }
  }
}

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

// Whether a byte is ',' or the lead E3 or EF (most Chinese punctuation).
constexpr bool StartsPunctuation(char c) { return c == ',' || c == '\xE3' || c == '\xEF'; }

// The next position at or after `from` where a character StartsPunctuation is followed by
// another: every pair the doubled-punctuation rule lists starts at such a place, and few other
// places in prose do. Sixteen positions a step: a stop at every punctuation mark instead was a
// branch the processor could not predict.
size_t FindPunctuationPair(std::string_view s, size_t from) {
  size_t i = from;
#ifdef __SSE2__
  auto load = [&](size_t at) {
    return _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + at));
  };
  auto eq = [](__m128i v, char c) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(c)); };
  auto starts16 = [&](__m128i v) { return eq(v, ',') | eq(v, '\xE3') | eq(v, '\xEF'); };
  for (; i + 19 <= s.size(); i += 16) {
    const __m128i v = load(i);
    const __m128i pairs = (eq(v, ',') & starts16(load(i + 1))) |
                          ((eq(v, '\xE3') | eq(v, '\xEF')) & starts16(load(i + 3)));
    if (const unsigned mask = unsigned(_mm_movemask_epi8(pairs))) {
      return i + static_cast<size_t>(std::countr_zero(mask));
    }
  }
#endif
  for (; i < s.size(); ++i) {
    if (!StartsPunctuation(s[i])) continue;
    const size_t next = i + (s[i] == ',' ? 1 : 3);
    if (next < s.size() && StartsPunctuation(s[next])) return i;
  }
  return std::string_view::npos;
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
        // FindPunctuationPair finds these only.
        static_assert(std::all_of(std::begin(kDoubles), std::end(kDoubles), [](std::string_view d) {
          return StartsPunctuation(d[0]) && StartsPunctuation(d[d[0] == ',' ? 1 : 3]);
        }));
        ForProse(doc, [&](const Prose& t) {
          // One pass for all pairs: where each first occurs; the first pair of the list that
          // occurs is reported. Both characters of every pair are ',' or led by E3 or EF.
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
        ForProse(doc, [&](const Prose& t) {
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
        // Each old name contains "与" or "等": a text without that character is not searched
        // for the names that hold it.
        struct Renamed {
          std::string_view old_name, new_name, marker;
        };
        static constexpr Renamed kRenamed[] = {
            {"医疗卫生与计划生育支出", "卫生健康支出", "与"},
            {"文化体育与传媒支出", "文化旅游体育与传媒支出", "与"},
            {"国土海洋气象等支出", "自然资源海洋气象等支出", "等"},
            {"粮油物资储备管理等事务", "粮油物资储备支出", "等"}};
        // The scan below knows these two markers only (与 E4 B8 8E, 等 E7 AD 89).
        static_assert(std::all_of(std::begin(kRenamed), std::end(kRenamed), [](const Renamed& r) {
          return (r.marker == "与" || r.marker == "等") &&
                 r.old_name.find(r.marker) != r.old_name.npos;
        }));
        auto scan = [&](const Prose& t) {
          // Both markers in one pass: their last two bytes (B8 8E, AD 89), then the lead.
          bool has_marker[2] = {false, false};
          using MarkerEnds = BytePairSet<'\xB8', '\x8E', '\xAD', '\x89'>;
          for (size_t i = MarkerEnds::FindIn(t.text, 2); i != std::string_view::npos;
               i = MarkerEnds::FindIn(t.text, i + 1)) {
            const std::string_view ch = t.text.substr(i - 2, 3);
            if (Equals(ch, "与")) has_marker[0] = true;
            if (Equals(ch, "等")) has_marker[1] = true;
            if (has_marker[0] && has_marker[1]) break;
          }
          if (!has_marker[0] && !has_marker[1]) return;  // most texts
          for (const Renamed& r : kRenamed) {
            if (!has_marker[Equals(r.marker, "等")] || !Contains(t.text, r.old_name)) continue;
            Finding& f =
                rep.Report(t.line, fmt::format("“{}”已更名为“{}”", r.old_name, r.new_name));
            f.expected = std::string(r.new_name);
            f.actual = std::string(r.old_name);
          }
        };
        ForProse(doc, scan);
        for (const Table& t : doc.tables) {
          for (const Row& r : t.rows) scan(Prose{r.label(t), r.at.line});
        }
      });
}

}  // namespace yusuan
