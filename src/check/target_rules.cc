// Performance targets against the project list and against themselves.
#include <fmt/format.h>

#include <map>
#include <set>

#include "base/text.h"
#include "check/common.h"
#include "check/pairing.h"

namespace yusuan {
namespace {

const char* kSide[] = {"实施期", "年度"};

void Add(std::vector<Rule>* rules, std::string id, Severity severity, std::string title,
         std::string example, std::function<void(const Document&, Reporter&)> check) {
  rules->push_back(Rule{{std::move(id), severity, "绩效目标", std::move(title), std::move(example)},
                        std::move(check)});
}

std::string Name(const TargetTable& t) {
  return t.project_name.text.empty() ? fmt::format("第{}行的绩效目标表", t.at.line)
                                     : "“" + t.project_name.text + "”";
}

uint32_t Line(const TargetTable& t) {
  return t.project_name.at.line ? t.project_name.at.line : t.at.line;
}

// Tables whose indicator tree can be judged: read with their headings.
bool TreeKnown(const TargetTable& t) {
  return t.layout != "pdf-text" && t.confidence != Confidence::kLow;
}

// The canonical names of indicators' levels (LevelOf), asked indicator by indicator. The
// indicators under one heading share its text, so the last answer for each level is kept.
class Levels {
 public:
  std::string_view Of(std::string_view printed, int level) {
    Memo& m = memo_[level - 1];
    if (printed.data() != m.printed.data() || printed.size() != m.printed.size()) {
      m = Memo{printed, LevelOf(printed, level)};
    }
    return m.canonical;
  }
  // The second-level kind of `i` (数量指标, 成本指标, …; "" when its 二级指标 is none): 成本指标
  // for every indicator under a first-level 成本指标 (templates that put costs at the first
  // level, split into 经济成本指标, 社会成本指标 and 生态环境成本指标).
  std::string_view KindOf(const Indicator& i) {
    if (Of(i.level1, 1) == "成本指标") return "成本指标";
    return Of(i.level2, 2);
  }
  // Whether one of `list` is of the level `level` kind `canonical` (with a name, for the first
  // level): the canonical name looked for first, its other forms only when it is not printed.
  bool AnyOf(const std::vector<Indicator>& list, int level, std::string_view canonical) {
    auto printed = [&](const Indicator& i) -> std::string_view {
      return level == 1 ? i.level1 : i.level2;
    };
    auto counts = [&](const Indicator& i) { return level == 2 || !i.name.empty(); };
    for (const Indicator& i : list) {
      if (counts(i) && KeyIs(printed(i), canonical)) return true;
    }
    for (const Indicator& i : list) {
      if (counts(i) && Of(printed(i), level) == canonical) return true;
    }
    return false;
  }

 private:
  struct Memo {
    std::string_view printed;
    std::string_view canonical;
  } memo_[2];
};

// 一次性项目 and 项目期 1年: the two sides should say the same.
bool OneYear(const TargetTable& t) {
  return Contains(t.attribute.text, "一次性") || KeyIs(t.duration.text, "1年");
}

int DurationYears(std::string_view text) {
  int years = 0;
  bool any = false;
  for (char c : text) {
    if (c < '0' || c > '9') {
      if (any) break;
      continue;
    }
    any = true;
    years = years * 10 + (c - '0');
    if (years > 1000) break;
  }
  return any ? years : -1;
}

// A 成本 value stated as a total sum of money ("144万元", "≤3860万元"), in fen.
bool TotalMoney(const IndicatorValue& v, int64_t* fen) {
  if (v.kind != ValueKind::kQuantity || (v.unit() != "万元" && v.unit() != "元")) return false;
  MoneyUnit unit = v.unit() == "万元" ? MoneyUnit::kWanYuan : MoneyUnit::kYuan;
  auto a = ParseAmount(v.number(), unit);
  if (!a.ok()) return false;
  *fen = a->fen;
  return true;
}

// "A×B=C": numbers multiplied and their stated product, in the text.
struct Product {
  std::string text;
  __int128 lhs_num = 1, lhs_den = 1;  // the product as a fraction
  __int128 rhs_num = 0, rhs_den = 1;
  __int128 rhs_unit = 1;  // 10000 when the result is in 万
};

bool IsOperatorBefore(std::string_view s, size_t i) {
  if (i == 0) return false;
  char c = s[i - 1];
  if (c == '+' || c == '-' || c == '/' || c == '*' || c == ')' || c == '(' || c == '.' ||
      c == ',' || (c >= '0' && c <= '9')) {
    return true;
  }
  for (std::string_view op : {"×", "＋", "－", "）", "÷", "（"}) {
    if (s.substr(0, i).ends_with(op)) return true;
  }
  return false;
}

bool ParseDecimal(std::string_view s, size_t* pos, __int128* num, __int128* den) {
  size_t p = *pos;
  *num = 0;
  *den = 1;
  bool any = false, dot = false;
  while (p < s.size() && ((s[p] >= '0' && s[p] <= '9') || (s[p] == '.' && !dot) || s[p] == ',')) {
    if (s[p] == '.') {
      dot = true;
    } else if (s[p] != ',') {
      if (*num > static_cast<__int128>(1) << 80) return false;
      *num = *num * 10 + (s[p] - '0');
      if (dot) *den *= 10;
      any = true;
    }
    ++p;
  }
  *pos = p;
  return any;
}

std::vector<Product> Products(std::string_view text) {
  std::vector<Product> out;
  // Every product states its result after '=' or '＝'; most texts state none.
  if (text.find('=') == std::string_view::npos && !Contains(text, "＝")) return out;
  // Typed in full-width ("１，４２５．６万元") or with spaces ("100人 × 990元 = 99000元"):
  // read as the figures they are, as the narrative's claims are.
  std::string folded, unspaced;
  const std::string_view s = FiguresReadable(text, &folded, &unspaced);
  // From one digit to the next (the text between is words).
  using Digits = ByteRange<'0', '9'>;
  for (size_t i = Digits::FindIn(s, 0); i != std::string_view::npos; i = Digits::FindIn(s, i + 1)) {
    // Only a whole product: not the tail of a sum or a quotient ("a+5×3=…", "x/8*20=…").
    if (IsOperatorBefore(s, i)) continue;
    size_t p = i;
    Product pr;
    int factors = 0;
    bool ok = true;
    while (true) {
      __int128 n, d;
      if (!ParseDecimal(s, &p, &n, &d)) {
        ok = false;
        break;
      }
      if (p < s.size() && s[p] == '%') {
        d *= 100;
        ++p;
      } else if (s.substr(p).starts_with("％")) {
        d *= 100;
        p += 3;
      }
      // A unit may follow a factor ("100元/人"): skip it up to the operator. Any other
      // operator or punctuation ends the expression.
      while (p < s.size() && s[p] != '*' && s[p] != 'x' && s[p] != '=' &&
             !s.substr(p).starts_with("×") && !s.substr(p).starts_with("＝") &&
             !(s[p] >= '0' && s[p] <= '9') && p - i < 60) {
        char c = s[p];
        if (c == '+' || c == '-' || c == '(' || c == ')' || c == ' ' || c == '\n' || c == ',' ||
            c == ';' || s.substr(p).starts_with("，") || s.substr(p).starts_with("。") ||
            s.substr(p).starts_with("＋") || s.substr(p).starts_with("（") ||
            s.substr(p).starts_with("）") || s.substr(p).starts_with("；")) {
          break;
        }
        size_t next = p;
        NextCodePoint(s, &next);
        if (s.substr(p, next - p) == "/" && p + 1 < s.size() && s[p + 1] >= '0' && s[p + 1] <= '9')
          break;
        p = next;
      }
      pr.lhs_num *= n;
      pr.lhs_den *= d;
      ++factors;
      if (s.substr(p).starts_with("×")) {
        p += 2;
      } else if (p < s.size() && (s[p] == '*' || s[p] == 'x')) {
        p += 1;
      } else {
        break;
      }
    }
    if (!ok || factors < 2) continue;
    if (s.substr(p).starts_with("＝")) {
      p += 3;
    } else if (p < s.size() && s[p] == '=') {
      p += 1;
    } else {
      continue;
    }
    __int128 n, d;
    if (!ParseDecimal(s, &p, &n, &d)) continue;
    if (s.substr(p).starts_with("万")) pr.rhs_unit = 10000;
    pr.rhs_num = n * pr.rhs_unit;
    pr.rhs_den = d;
    pr.text = std::string(s.substr(i, p - i + (s.substr(p).starts_with("万") ? 3 : 0)));
    out.push_back(pr);
    i = p;
  }
  return out;
}

}  // namespace

void AddTargetRules(std::vector<Rule>* rules) {
  Add(rules, "target.unpaired-table", Severity::kError,
      "每张项目支出绩效目标表须对应表12 或表13 中的一个项目（按名称，其次按金额）",
      "绩效目标表“信息化经费”在项目支出预算表中找不到对应项目",
      [](const Document& doc, Reporter& rep) {
        if (!doc.table(TableKind::kProjectsCurrent)) return;  // nothing to pair with
        for (const Pair& p : rep.facts().pairs()) {
          if (p.project) continue;
          const TargetTable& t = doc.targets[p.target];
          rep.Report(Line(t),
                     fmt::format(
                         "绩效目标表{}在项目支出预算表（表12、表13）中找不到对应项目{}", Name(t),
                         p.unsearched ? "（目标表与项目过多，按名称包含或金额的查找未做完）" : ""));
        }
      });
  Add(rules, "target.project-without-table", Severity::kWarning, "表12 的每个项目应有其绩效目标表",
      "表12 项目“医疗纠纷赔偿款”没有绩效目标表", [](const Document& doc, Reporter& rep) {
        const Table* t12 = doc.table(TableKind::kProjectsCurrent);
        if (!t12 || doc.targets.empty()) return;
        std::set<const Row*> paired;
        for (const Pair& p : rep.facts().pairs()) paired.insert(p.project);
        for (const Row& r : t12->rows) {
          if (r.kind != RowKind::kProject || paired.count(&r)) continue;
          rep.Report(r.at.line,
                     fmt::format("表12 项目“{}”（{}）没有对应的项目支出绩效目标表", r.label(*t12),
                                 Money(r.amount(*t12, "total"), t12->unit)));
        }
      });
  Add(rules, "target.name-differs", Severity::kWarning, "绩效目标表的项目名称与项目支出预算表一致",
      "目标表“全国医疗保障服务示范工作经费”，表12 为“全国医疗保障服务示范点工作经费”",
      [](const Document& doc, Reporter& rep) {
        for (const Pair& p : rep.facts().pairs()) {
          if (!p.project) continue;
          const TargetTable& t = doc.targets[p.target];
          std::string_view project = p.project->label(*p.table);
          if (PairKey(project) == PairKey(t.project_name.text)) continue;
          Finding& f = rep.Report(Line(t), fmt::format("绩效目标表项目名称“{}”与{}第{}行“{}”不一致",
                                                       t.project_name.text, TableName(*p.table),
                                                       p.project->at.line, project));
          f.expected = project;
          f.actual = t.project_name.text;
          f.related_lines.push_back(p.project->at.line);
        }
      });
  Add(rules, "target.amount-vs-table12", Severity::kError,
      "绩效目标表年度资金总额（元）= 对应项目金额（万元，允许舍入）",
      "目标表年度资金 1,440,000 元，表12 该项目 140.00 万元",
      [](const Document& doc, Reporter& rep) {
        for (const Pair& p : rep.facts().pairs()) {
          if (!p.project) continue;
          const TargetTable& t = doc.targets[p.target];
          Amount yuan = t.funds[kAnnual].total;
          Amount wan = p.project->amount(*p.table, "total");
          if (!yuan.present() || !wan.present()) continue;
          int64_t diff = yuan.fen - wan.fen;
          if ((diff < 0 ? -diff : diff) <= wan.half_ulp()) continue;
          Finding& f =
              rep.Report(t.funds[kAnnual].at.line ? t.funds[kAnnual].at.line : Line(t),
                         fmt::format("绩效目标表{}年度资金总额 {}，而{}第{}行该项目为 {}", Name(t),
                                     Money(yuan, MoneyUnit::kYuan), TableName(*p.table),
                                     p.project->at.line, Money(wan, p.table->unit)));
          f.expected = Money(wan.fen, MoneyUnit::kYuan);
          f.actual = Money(yuan, MoneyUnit::kYuan);
          f.related_lines.push_back(p.project->at.line);
        }
      });
  Add(rules, "target.sources-sum", Severity::kError,
      "项目资金：资金总额 = 中央 + 省级 + 市县 + 单位自筹 + 其他（实施期与年度分别）",
      "年度资金总额 1,440,000 元，各来源之和 1,400,000 元", [](const Document& doc, Reporter& rep) {
        for (const TargetTable& t : doc.targets) {
          for (int side : {kImplementation, kAnnual}) {
            const Funds& f = t.funds[side];
            if (!f.total.present()) continue;
            const Amount parts[] = {f.central, f.provincial, f.local, f.self_raised, f.other};
            bool any = false;
            for (const Amount& a : parts) any = any || a.present();
            if (!any) continue;
            uint32_t lines[std::size(parts)];
            size_t line_count = 0;
            for (const Location* at :
                 {&f.central_at, &f.provincial_at, &f.local_at, &f.self_raised_at, &f.other_at}) {
              if (at->line) lines[line_count++] = at->line;
            }
            ReportSum(
                rep, f.at.line ? f.at.line : Line(t),
                [&] {
                  return fmt::format("绩效目标表{}{}资金总额应等于各来源之和", Name(t),
                                     kSide[side]);
                },
                f.total, parts, std::span<const uint32_t>(lines, line_count), MoneyUnit::kYuan);
          }
        }
      });
  Add(rules, "target.period-vs-annual", Severity::kError, "实施期资金总额不少于年度资金总额",
      "实施期 90,000 元，年度 900,000 元", [](const Document& doc, Reporter& rep) {
        for (const TargetTable& t : doc.targets) {
          const Amount& impl = t.funds[kImplementation].total;
          const Amount& year = t.funds[kAnnual].total;
          if (!impl.present() || !year.present() || impl.fen >= year.fen) continue;
          Finding& f =
              rep.Report(t.funds[kImplementation].at.line,
                         fmt::format("绩效目标表{}实施期资金总额 {} 少于年度资金总额 {}", Name(t),
                                     Money(impl, MoneyUnit::kYuan), Money(year, MoneyUnit::kYuan)));
          f.related_lines.push_back(t.funds[kAnnual].at.line);
        }
      });
  Add(rules, "target.attribute-duration", Severity::kWarning,
      "项目属性与项目期相符：一次性项目为 1 年，经常性项目不止 1 年",
      "项目属性“一次性项目(1年结束)”，项目期却为“3年”", [](const Document& doc, Reporter& rep) {
        for (const TargetTable& t : doc.targets) {
          int years = DurationYears(t.duration.text);
          if (years < 0 || t.attribute.text.empty()) continue;
          bool once = Contains(t.attribute.text, "一次性");
          bool recurring =
              Contains(t.attribute.text, "经常性") || Contains(t.attribute.text, "长期");
          if ((once && years > 1) || (recurring && years == 1)) {
            Finding& f = rep.Report(t.duration.at.line ? t.duration.at.line : Line(t),
                                    fmt::format("绩效目标表{}项目属性为“{}”，项目期却为“{}”",
                                                Name(t), t.attribute.text, t.duration.text));
            f.related_lines.push_back(t.attribute.at.line);
          }
        }
      });
  Add(rules, "target.department", Severity::kWarning,
      "同一文件各绩效目标表的主管部门名称和代码一致",
      "一张表写“(高平市医疗保险局)”，其余写“(高平市医疗保障局)”",
      [](const Document& doc, Reporter& rep) {
        std::map<std::string, int> votes;
        for (const TargetTable& t : doc.targets) {
          if (t.kind == TargetTable::Kind::kProject && !t.department.text.empty()) {
            ++votes[t.department_code + "-" + MatchKey(t.department.text)];
          }
        }
        if (votes.size() < 2 || doc.kind == DocumentKind::kLivelihood) return;
        std::string common;
        int best = 0;
        for (const auto& [k, n] : votes) {
          if (n > best) {
            best = n;
            common = k;
          }
        }
        for (const TargetTable& t : doc.targets) {
          if (t.kind != TargetTable::Kind::kProject || t.department.text.empty()) continue;
          std::string k = t.department_code + "-" + MatchKey(t.department.text);
          if (k == common) continue;
          Finding& f =
              rep.Report(t.department.at.line,
                         fmt::format("绩效目标表{}主管部门为“{}-{}”，本文件其他表多为“{}”", Name(t),
                                     t.department_code, t.department.text, common));
          f.expected = common;
          f.actual = t.department_code + "-" + t.department.text;
        }
      });
  Add(rules, "target.first-level", Severity::kWarning, "每侧指标须有产出、效益、满意度三类一级指标",
      "年度目标没有满意度指标", [](const Document& doc, Reporter& rep) {
        Levels levels;
        for (const TargetTable& t : doc.targets) {
          if (!TreeKnown(t)) continue;
          for (int side : {kImplementation, kAnnual}) {
            const auto& list = t.indicators[side];
            if (list.empty()) continue;
            for (std::string_view l1 : {"产出指标", "效益指标", "满意度指标"}) {
              if (levels.AnyOf(list, 1, l1)) continue;
              rep.Report(list.front().at.line,
                         fmt::format("绩效目标表{}{}指标没有“{}”", Name(t), kSide[side], l1));
            }
          }
        }
      });
  Add(rules, "target.output-second-level", Severity::kWarning,
      "产出指标下须有数量、质量、时效、成本四类二级指标（成本指标为一级指标的模板中，成本在其下）",
      "产出指标缺少时效指标", [](const Document& doc, Reporter& rep) {
        Levels levels;
        for (const TargetTable& t : doc.targets) {
          if (!TreeKnown(t)) continue;
          for (int side : {kImplementation, kAnnual}) {
            const auto& list = t.indicators[side];
            if (list.empty()) continue;
            for (std::string_view l2 : {"数量指标", "质量指标", "时效指标", "成本指标"}) {
              if (levels.AnyOf(list, 2, l2)) continue;
              // 成本指标 as a first level.
              if (l2 == "成本指标" && levels.AnyOf(list, 1, l2)) continue;
              rep.Report(list.front().at.line,
                         fmt::format("绩效目标表{}{}产出指标下没有“{}”", Name(t), kSide[side], l2));
            }
          }
        }
      });
  Add(rules, "target.quantified", Severity::kWarning,
      "数量指标和成本指标的指标值须量化（数字与单位）", "数量指标“培训人次”的指标值为“较多”",
      [](const Document& doc, Reporter& rep) {
        Levels levels;
        for (const TargetTable& t : doc.targets) {
          for (int side : {kImplementation, kAnnual}) {
            for (const Indicator& i : t.indicators[side]) {
              if (i.value.kind == ValueKind::kEmpty || i.value.kind == ValueKind::kQuantity) {
                continue;
              }
              const std::string_view kind = levels.KindOf(i);
              if (kind != "数量指标" && kind != "成本指标") continue;
              Finding& f = rep.Report(i.value_at.line ? i.value_at.line : i.at.line,
                                      fmt::format("绩效目标表{}{}“{}”是{}，指标值“{}”未量化",
                                                  Name(t), kSide[side], i.name, kind, i.value.raw));
              f.actual = i.value.raw;
            }
          }
        }
      });
  Add(rules, "target.empty-value", Severity::kWarning, "列出的三级指标须有指标值",
      "质量指标“工资发放达标率”没有指标值", [](const Document& doc, Reporter& rep) {
        for (const TargetTable& t : doc.targets) {
          if (!TreeKnown(t)) continue;
          for (int side : {kImplementation, kAnnual}) {
            for (const Indicator& i : t.indicators[side]) {
              if (i.name.empty() || i.value.kind != ValueKind::kEmpty) continue;
              rep.Report(i.at.line, fmt::format("绩效目标表{}{}指标“{}”没有指标值", Name(t),
                                                kSide[side], i.name));
            }
          }
        }
      });
  Add(rules, "target.cost-exceeds", Severity::kError, "以万元或元表述的成本总额不得超过项目资金",
      "成本指标“该项目总金额”写 154 万元，项目年度资金 1,440,000 元",
      [](const Document& doc, Reporter& rep) {
        Levels levels;
        for (const TargetTable& t : doc.targets) {
          for (int side : {kImplementation, kAnnual}) {
            const Amount& budget = t.funds[side].total;
            if (!budget.present()) continue;
            for (const Indicator& i : t.indicators[side]) {
              int64_t cost = 0;
              if (!TotalMoney(i.value, &cost) || levels.KindOf(i) != "成本指标") continue;
              if (cost <= budget.fen) continue;
              Finding& f = rep.Report(
                  i.value_at.line ? i.value_at.line : i.at.line,
                  fmt::format("绩效目标表{}{}成本指标“{}”为 {}，超过项目资金 {}", Name(t),
                              kSide[side], i.name, i.value.raw, Money(budget, MoneyUnit::kYuan)));
              f.expected = "≤ " + Money(budget, MoneyUnit::kYuan);
              f.actual = i.value.raw;
              f.related_lines.push_back(t.funds[side].at.line);
            }
          }
        }
      });
  Add(rules, "target.one-year-sides", Severity::kWarning,
      "一年期项目的实施期与年度指标应相同（名称与指标值）",
      "一次性项目实施期写“≥300人”，年度写“≥350人”", [](const Document& doc, Reporter& rep) {
        std::string keys, key;  // reused from table to table
        for (const TargetTable& t : doc.targets) {
          if (!OneYear(t) || !TreeKnown(t)) continue;
          const auto& a = t.indicators[kImplementation];
          const auto& b = t.indicators[kAnnual];
          if (a.empty() || b.empty()) continue;
          // The annual indicator of each name (the first of that name): keys sorted stably,
          // so that the first of equal keys is the first printed. The keys are kept end to end
          // in one buffer (`keys`), and viewed once it is complete.
          keys.clear();
          std::vector<std::pair<size_t, size_t>> spans;  // offset and size of b's keys
          spans.reserve(b.size());
          for (const Indicator& i : b) {
            const size_t at = keys.size();
            AppendPairKey(i.name, &keys);
            spans.emplace_back(at, keys.size() - at);
          }
          std::vector<std::pair<std::string_view, const Indicator*>> in_b;
          in_b.reserve(b.size());
          for (size_t k = 0; k < b.size(); ++k) {
            in_b.emplace_back(std::string_view(keys).substr(spans[k].first, spans[k].second),
                              &b[k]);
          }
          std::stable_sort(in_b.begin(), in_b.end(),
                           [](const auto& x, const auto& y) { return x.first < y.first; });
          for (const Indicator& i : a) {
            key.clear();
            AppendPairKey(i.name, &key);
            auto it =
                std::lower_bound(in_b.begin(), in_b.end(), std::string_view(key),
                                 [](const auto& x, std::string_view k) { return x.first < k; });
            // No such name: a truncated one; the counts rule is elsewhere.
            if (it == in_b.end() || it->first != key) continue;
            const Indicator& annual = *it->second;
            // A missing value is target.empty-value's concern.
            if (i.value.kind == ValueKind::kEmpty || annual.value.kind == ValueKind::kEmpty)
              continue;
            if (SameKey(annual.value.raw, i.value.raw)) continue;
            Finding& f =
                rep.Report(i.at.line, fmt::format("一年期项目{}的“{}”：实施期为“{}”，年度为“{}”",
                                                  Name(t), i.name, i.value.raw, annual.value.raw));
            f.expected = i.value.raw;
            f.actual = annual.value.raw;
            if (annual.at.line != i.at.line) f.related_lines.push_back(annual.at.line);
          }
        }
      });
  Add(rules, "target.unit-mismatch", Severity::kWarning,
      "指标值的单位须合其指标：比率用 %，金额不用 %", "“补助发放准确率”的指标值为“300元”",
      [](const Document& doc, Reporter& rep) {
        for (const TargetTable& t : doc.targets) {
          for (int side : {kImplementation, kAnnual}) {
            for (const Indicator& i : t.indicators[side]) {
              const IndicatorValue& v = i.value;
              if (v.kind != ValueKind::kQuantity) continue;
              // The unit first: it decides which of the name's words matter, and the name is
              // searched only for those.
              auto rate = [&] {
                return Contains(i.name, "率") && !Contains(i.name, "频率") &&
                       !Contains(i.name, "效率");
              };
              auto headcount = [&] { return Contains(i.name, "人数") || Contains(i.name, "户数"); };
              auto satisfaction = [&] { return Contains(i.name, "满意度"); };
              const bool money_unit = v.unit().starts_with("元") || v.unit().starts_with("万元");
              const bool percent = v.unit() == "%";
              const bool bad = (money_unit && (rate() || headcount())) ||
                               (percent && headcount()) || (!percent && satisfaction());
              if (!bad) continue;
              Finding& f = rep.Report(i.value_at.line ? i.value_at.line : i.at.line,
                                      fmt::format("绩效目标表{}指标“{}”的指标值“{}”单位与指标不合",
                                                  Name(t), i.name, v.raw));
              f.actual = v.raw;
            }
          }
        }
      });
  Add(rules, "target.overview-arithmetic", Severity::kError,
      "项目概况中列出的算式（A×B=C）须算得对", "“190×500=9.6万元”（应为 9.5 万元）",
      [](const Document& doc, Reporter& rep) {
        for (const TargetTable& t : doc.targets) {
          for (const TextItem* text : {&t.overview, &t.plan, &t.measures}) {
            for (const Product& p : Products(text->text)) {
              // A rounded result may differ by half a unit of its last printed digit:
              // |lhs - rhs| <= unit / (2 * rhs_den).
              __int128 lhs = p.lhs_num * p.rhs_den * 2;
              __int128 rhs = p.rhs_num * p.lhs_den * 2;
              __int128 diff = lhs > rhs ? lhs - rhs : rhs - lhs;
              if (diff <= p.rhs_unit * p.lhs_den) continue;
              Finding& f = rep.Report(
                  text->at.line, fmt::format("绩效目标表{}中的算式“{}”不成立", Name(t), p.text));
              f.actual = p.text;
            }
          }
        }
      });
  Add(rules, "target.pairing-unknown", Severity::kInfo,
      "PDF 文本中三级指标与指标值的对应无法确定的表，需人工核对", "（PDF 文本版式）",
      [](const Document& doc, Reporter& rep) {
        for (const TargetTable& t : doc.targets) {
          if (t.confidence != Confidence::kLow) continue;
          rep.Report(Line(t),
                     fmt::format("绩效目标表{}的指标与指标值无法可靠配对，未做指标检查，请人工核对",
                                 Name(t)));
        }
      });
}

}  // namespace yusuan
