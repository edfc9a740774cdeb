// The narrative (第三部分) against the tables: every amount it restates, every share and
// change it derives, counts, parts and wholes, lists and "none" statements. Which table figure
// a sentence restates is data (check/binding.cc), computed once per document (DocumentFacts).
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "base/text.h"
#include "check/binding.h"
#include "check/common.h"
#include "model/catalogue.h"

namespace yusuan {
namespace {

// Which item of the 三公 table a narrative subject names: the id of the table's row whose name
// it carries (the catalogue's, so every form a template prints), "total" for the 三公 whole, or
// "". Prose may drop 公务用车 before 购置费 and 运行维护费.
std::string_view ThreePublicItem(std::string_view subject) {
  static const TableSpec* spec = FindSpec(TableKind::kThreePublic);
  const std::string key = MatchKey(subject);
  for (const RowSpec& row : spec->rows) {
    if (row.id != "total" && row.Matches(key)) return row.id;
  }
  if (Contains(key, "运行维护") || Contains(key, "运行费")) return "vehicle_operation";
  if (Contains(key, "购置费")) return "vehicle_purchase";
  if (Contains(key, "三公")) return "total";
  return "";
}

// Rounds `fen` half-up to a multiple of `ulp`.
int64_t RoundTo(int64_t fen, int64_t ulp) {
  if (ulp <= 1) return fen;
  int64_t sign = fen < 0 ? -1 : 1;
  int64_t m = fen * sign;
  return sign * ((m + ulp / 2) / ulp * ulp);
}

int64_t Pow10(int n) {
  int64_t p = 1;
  while (n-- > 0) p *= 10;
  return p;
}

// Does the printed percentage p (P / 10^d) fall within 100 × [num_min/den_max, num_max/den_min],
// widened by p's own half unit?
bool PercentFits(const Decimal& p, __int128 num_min, __int128 den_max, __int128 num_max,
                 __int128 den_min) {
  __int128 scale = static_cast<__int128>(2) * Pow10(p.scale) * 100;
  __int128 twice = static_cast<__int128>(2) * p.digits;
  bool above_min = (twice + 1) * den_max >= scale * num_min;
  bool below_max = den_min <= 0 || (twice - 1) * den_min <= scale * num_max;
  return above_min && below_max;
}

std::string Percent(const Decimal& p) { return FormatDecimal(p) + "%"; }

// The percentage a / b, to two decimals, for messages.
std::string Ratio(int64_t a, int64_t b) {
  if (b == 0) return "—";
  __int128 x = static_cast<__int128>(a) * 1000000 / b;  // ×10^4 for percent with two decimals
  int64_t v = static_cast<int64_t>((x + (x >= 0 ? 50 : -50)) / 100);
  return fmt::format("{}{}.{:02}%", v < 0 ? "-" : "", (v < 0 ? -v : v) / 100,
                     (v < 0 ? -v : v) % 100);
}

void Add(std::vector<Rule>* rules, std::string id, Severity severity, std::string title,
         std::string example, std::function<void(const Document&, Reporter&)> check) {
  rules->push_back(
      Rule{{std::move(id), severity, "说明与表格", std::move(title), std::move(example)},
           std::move(check)});
}

const Claim* At(const Document& doc, int32_t index) {
  return index >= 0 && static_cast<size_t>(index) < doc.claims.size() ? &doc.claims[index]
                                                                      : nullptr;
}

int ProjectTargets(const Document& doc) {
  int n = 0;
  for (const TargetTable& t : doc.targets) n += t.kind == TargetTable::Kind::kProject;
  return n;
}

}  // namespace

void AddNarrativeRules(std::vector<Rule>* rules) {
  Add(rules, "narrative.amount", Severity::kError, "说明中的金额与其所复述的表格数字一致",
      "说明写“基本支出383.62万元”，表3 基本支出合计为 383.26 万元",
      [](const Document& doc, Reporter& rep) {
        const std::vector<Bound>& bound = rep.facts().bindings();
        for (size_t k = 0; k < doc.claims.size(); ++k) {
          const Claim& c = doc.claims[k];
          const Bound& b = bound[k];
          if (!b.table) continue;
          Amount table = b.row ? b.row->amount(*b.table, b.column) : Amount{};
          Amount claim = c.amount;
          if (!claim.present()) continue;
          int64_t t = table.fen;
          bool exact = claim.ulp_fen <= table.ulp_fen || !table.present();
          bool ok = exact ? claim.fen == t : RoundTo(t, claim.ulp_fen) == claim.fen;
          if (ok) continue;
          int64_t diff = claim.fen - t;
          if (diff < 0) diff = -diff;
          if (!exact && diff <= claim.half_ulp() + table.half_ulp())
            continue;  // narrative.rounding
          std::string where = b.row ? fmt::format("{} 第{}行“{}”的“{}”", TableName(*b.table),
                                                  b.row->at.line, RowName(*b.table, *b.row),
                                                  ColumnName(*b.table, b.row->side, b.column))
                                    : fmt::format("{}（无对应行，按 0 计）", TableName(*b.table));
          Finding& f = rep.Report(c.at.line, fmt::format("说明“{}”与{} {} 不符", c.text, where,
                                                         Money(t, b.table->unit)));
          f.expected = Money(t, b.table->unit);
          f.actual = Money(claim, c.unit);
          if (b.row) f.related_lines.push_back(b.row->at.line);
        }
      });
  Add(rules, "narrative.rounding", Severity::kWarning,
      "说明以较少小数位复述表格数字时，应按四舍五入取舍",
      "表中 9007.25 万元，说明写作“9007.2万元”（应为 9007.3）",
      [](const Document& doc, Reporter& rep) {
        const std::vector<Bound>& bound = rep.facts().bindings();
        for (size_t k = 0; k < doc.claims.size(); ++k) {
          const Claim& c = doc.claims[k];
          const Bound& b = bound[k];
          if (!b.table || !b.row) continue;
          Amount table = b.row->amount(*b.table, b.column);
          Amount claim = c.amount;
          if (!claim.present() || !table.present() || claim.ulp_fen <= table.ulp_fen) continue;
          int64_t rounded = RoundTo(table.fen, claim.ulp_fen);
          int64_t diff = claim.fen - table.fen;
          if (diff < 0) diff = -diff;
          if (rounded == claim.fen || diff > claim.half_ulp() + table.half_ulp()) continue;
          Finding& f =
              rep.Report(c.at.line, fmt::format("说明“{}”复述表中 {}，四舍五入应为 {}", c.text,
                                                Money(table, b.table->unit),
                                                Money(Amount{rounded, claim.ulp_fen}, c.unit)));
          f.expected = Money(Amount{rounded, claim.ulp_fen}, c.unit);
          f.actual = Money(claim, c.unit);
          f.related_lines.push_back(b.row->at.line);
        }
      });
  Add(rules, "narrative.share", Severity::kError, "“占p%”须等于该金额除以其总额（允许各数的舍入）",
      "基本支出383.26万元占支出预算6056.35万元的 6.33%，说明写作 6.38%",
      [](const Document& doc, Reporter& rep) {
        for (const Claim& c : doc.claims) {
          if (c.kind != ClaimKind::kShare) continue;
          const Claim* part = At(doc, c.part);
          const Claim* base = At(doc, c.base);
          if (!part || !base || !part->amount.present() || !base->amount.present()) continue;
          int64_t a = part->amount.fen, ha = part->amount.half_ulp();
          int64_t b = base->amount.fen, hb = base->amount.half_ulp();
          if (b - hb <= 0) continue;
          if (PercentFits(c.percent, a - ha, b + hb, a + ha, b - hb)) continue;
          Finding& f = rep.Report(c.at.line, fmt::format("“{}”：{} ÷ {} = {}，说明写作 {}", c.text,
                                                         Money(part->amount, part->unit),
                                                         Money(base->amount, base->unit),
                                                         Ratio(a, b), Percent(c.percent)));
          f.expected = Ratio(a, b);
          f.actual = Percent(c.percent);
          if (base->at.line != c.at.line) f.related_lines.push_back(base->at.line);
        }
      });
  Add(rules, "narrative.change", Severity::kError,
      "增减幅度 p 须等于 Δ ÷ (本年 − Δ)（减少时为 Δ ÷ (本年 + Δ)）",
      "本年 6056.35 万元，比上年增加 1770.29 万元，应增长 41.30%，说明写作 41.03%",
      [](const Document& doc, Reporter& rep) {
        for (const Claim& c : doc.claims) {
          if (c.kind != ClaimKind::kChange || !c.has_percent) continue;
          const Claim* now = At(doc, c.part);
          if (!now || !now->amount.present() || !c.amount.present()) continue;
          __int128 d = c.amount.fen, hd = c.amount.half_ulp();
          __int128 n = now->amount.fen, hn = now->amount.half_ulp();
          __int128 sign = c.decrease ? 1 : -1;  // last year = now ∓ Δ
          __int128 den_max = (n + hn) + sign * (d - hd);
          __int128 den_min = (n - hn) + sign * (d + hd);
          if (den_max <= 0) continue;
          if (PercentFits(c.percent, d - hd, den_max, d + hd, den_min)) continue;
          int64_t last = static_cast<int64_t>(n + sign * d);
          Finding& f = rep.Report(
              c.at.line,
              fmt::format("“{}”：本年 {}，{} {}，上年应为 {}，幅度应为 {}，说明写作 {}", c.text,
                          Money(now->amount, now->unit), c.decrease ? "减少" : "增加",
                          Money(c.amount, c.unit), Money(last, c.unit),
                          Ratio(static_cast<int64_t>(d), last), Percent(c.percent)));
          f.expected = Ratio(static_cast<int64_t>(d), last);
          f.actual = Percent(c.percent);
          if (now->at.line != c.at.line) f.related_lines.push_back(now->at.line);
        }
      });
  Add(rules, "narrative.part-whole", Severity::kError,
      "部分之和等于整体：政府采购货物 + 工程 + 服务 = 总额；其他运转类 + 特定目标类 = "
      "全部项目（个数与金额）",
      "政府采购预算总额 7.76 万元，货物 6.80 + 工程 0 + 服务 0.69 = 7.49 万元",
      [](const Document& doc, Reporter& rep) {
        // 政府采购
        const Claim* total = nullptr;
        std::vector<const Claim*> parts;
        for (const Claim& c : doc.claims) {
          if (c.kind != ClaimKind::kAmount || !Contains(c.section, "政府采购")) continue;
          if (Contains(c.subject, "总额"))
            total = &c;
          else if (Contains(c.subject, "货物") || Contains(c.subject, "工程") ||
                   Contains(c.subject, "服务")) {
            parts.push_back(&c);
          }
        }
        if (total && !parts.empty()) {
          std::vector<Amount> amounts;
          std::vector<uint32_t> lines;
          for (const Claim* p : parts) {
            amounts.push_back(p->amount);
            lines.push_back(p->at.line);
          }
          ReportSum(rep, total->at.line, "政府采购预算总额应等于货物、工程、服务之和",
                    total->amount, amounts, lines, total->unit);
        }
        // 绩效管理:
        // "二级项目N个，共计金额X；其中其他运转类a个，涉及金额x；特定目标类b个，涉及金额y"
        for (size_t i = 0; i < doc.claims.size(); ++i) {
          const Claim& head = doc.claims[i];
          if (head.kind != ClaimKind::kCount ||
              !(head.subject.ends_with("二级项目") || head.subject.ends_with("公开项目绩效目标"))) {
            continue;
          }
          const Claim* head_amount = nullptr;
          const Claim* kinds[2] = {nullptr, nullptr};
          const Claim* kind_amounts[2] = {nullptr, nullptr};
          for (size_t j = i + 1; j < doc.claims.size() && j <= i + 8; ++j) {
            const Claim& c = doc.claims[j];
            if (c.kind == ClaimKind::kCount) {
              int k = Contains(c.subject, "其他运转类")   ? 0
                      : Contains(c.subject, "特定目标类") ? 1
                                                          : -1;
              if (k < 0 || kinds[k]) break;
              kinds[k] = &c;
            } else if (c.kind == ClaimKind::kAmount) {
              if (!kinds[0] && !kinds[1] && !head_amount)
                head_amount = &c;
              else if (kinds[1] && !kind_amounts[1])
                kind_amounts[1] = &c;
              else if (kinds[0] && !kind_amounts[0])
                kind_amounts[0] = &c;
            }
          }
          if (!kinds[0] || !kinds[1]) continue;
          if (kinds[0]->count + kinds[1]->count != head.count) {
            Finding& f = rep.Report(
                head.at.line,
                fmt::format("“{}”，而其他运转类 {} 个与特定目标类 {} 个之和为 {} 个", head.text,
                            kinds[0]->count, kinds[1]->count, kinds[0]->count + kinds[1]->count));
            f.expected = std::to_string(kinds[0]->count + kinds[1]->count);
            f.actual = std::to_string(head.count);
          }
          if (head_amount && kind_amounts[0] && kind_amounts[1]) {
            ReportSum(
                rep, head_amount->at.line,
                [&] { return "“" + head_amount->text + "”应等于其他运转类与特定目标类金额之和"; },
                head_amount->amount, {kind_amounts[0]->amount, kind_amounts[1]->amount},
                {kind_amounts[0]->at.line, kind_amounts[1]->at.line}, head_amount->unit);
          }
        }
      });
  Add(rules, "narrative.count", Severity::kWarning,
      "说明中纳入绩效管理、公开绩效目标的项目个数与所附项目绩效目标表张数一致",
      "说明称公开项目绩效目标 24 个，附件只有 23 张项目支出绩效目标表",
      [](const Document& doc, Reporter& rep) {
        int tables = ProjectTargets(doc);
        for (const Claim& c : doc.claims) {
          if (c.kind != ClaimKind::kCount) continue;
          bool published = c.subject.ends_with("公开项目绩效目标");
          bool managed = c.subject.ends_with("二级项目");
          if (!published && !managed) continue;
          if (c.count == tables) continue;
          Finding& f = rep.Report(
              c.at.line,
              fmt::format("说明“{}”，而文件所附项目支出绩效目标表为 {} 张", c.text, tables),
              published ? Severity::kError : Severity::kWarning);
          f.expected = std::to_string(tables);
          f.actual = std::to_string(c.count);
          if (!doc.targets.empty()) f.related_lines.push_back(doc.targets.front().at.line);
        }
      });
  Add(rules, "narrative.list", Severity::kWarning,
      "“人员经费/公用经费主要包括：…”列出的科目须见于表6 相应列",
      "说明称公用经费包括“会议费”，表6 公用经费没有此科目", [](const Document& doc, Reporter& rep) {
        const Table* t6 = doc.table(TableKind::kBasicEconomic);
        if (!t6) return;
        // The keys of table 6's items with an amount in each column, sorted, built when a list
        // first asks: a search of table 6 for every item listed grew with items × rows.
        std::map<std::string_view, std::vector<std::string>> with_amount;
        auto keys_with_amount = [&](std::string_view column) -> const std::vector<std::string>& {
          auto [it, fresh] = with_amount.try_emplace(column);
          if (fresh) {
            for (const Row& r : t6->rows) {
              if (r.kind == RowKind::kItem && r.amount(*t6, column).fen != 0) {
                it->second.push_back(MatchKey(r.label(*t6)));
              }
            }
            std::sort(it->second.begin(), it->second.end());
          }
          return it->second;
        };
        for (const Claim& c : doc.claims) {
          if (c.kind != ClaimKind::kList) continue;
          std::string_view column = Contains(c.subject, "人员经费")   ? "personnel"
                                    : Contains(c.subject, "公用经费") ? "public"
                                                                      : "";
          if (column.empty()) continue;
          const std::vector<std::string>& keys = keys_with_amount(column);
          for (const std::string& item : c.items) {
            if (std::binary_search(keys.begin(), keys.end(), MatchKey(item))) continue;
            rep.Report(c.at.line,
                       fmt::format("说明称{}主要包括“{}”，但表6 的“{}”列没有该科目的金额",
                                   c.subject, item, ColumnName(*t6, 0, column)))
                .actual = item;
          }
        }
      });
  Add(rules, "narrative.none", Severity::kError,
      "说明称“无三公经费”“无机关运行经费”时，表10、表11 须为空",
      "说明称“本部门无“三公”经费预算”，表10 合计却为 2.18 万元",
      [](const Document& doc, Reporter& rep) {
        for (const Claim& c : doc.claims) {
          if (c.kind != ClaimKind::kNone) continue;
          TableKind kind =
              Contains(c.subject, "三公") ? TableKind::kThreePublic : TableKind::kOrgRunning;
          const Table* t = doc.table(kind);
          if (!t) continue;
          const Row* total = t->find_key("total");
          if (!total || total->amount(*t, "total").fen == 0) continue;
          Finding& f =
              rep.Report(c.at.line, fmt::format("说明称“{}”，而{}合计为 {}", c.text, TableName(*t),
                                                Money(total->amount(*t, "total"), t->unit)));
          f.related_lines.push_back(total->at.line);
        }
      });
  Add(rules, "narrative.three-public", Severity::kError,
      "说明中“三公”经费 = 因公出国（境）费 + 公务接待费 + "
      "公务用车购置及运行费，公务用车购置及运行费 = 购置费 + 运行维护费",
      "“三公”经费 2.18 万元，而说明所列三项之和为 2.28 万元",
      [](const Document& doc, Reporter& rep) {
        const Claim *total = nullptr, *outbound = nullptr, *reception = nullptr,
                    *vehicles = nullptr, *purchase = nullptr, *operation = nullptr;
        for (const Claim& c : doc.claims) {
          if (c.kind != ClaimKind::kAmount || !Contains(c.section, "三公")) continue;
          const std::string_view item = ThreePublicItem(c.subject);
          const Claim** slot = item == "outbound"            ? &outbound
                               : item == "reception"         ? &reception
                               : item == "vehicles"          ? &vehicles
                               : item == "vehicle_operation" ? &operation
                               : item == "vehicle_purchase"  ? &purchase
                               : item == "total"             ? &total
                                                             : nullptr;
          if (slot && !*slot) *slot = &c;
        }
        if (total && outbound && reception && vehicles) {
          ReportSum(rep, total->at.line, "说明中“三公”经费应等于三项之和", total->amount,
                    {outbound->amount, reception->amount, vehicles->amount},
                    {outbound->at.line, reception->at.line, vehicles->at.line}, total->unit);
        }
        if (vehicles && purchase && operation) {
          ReportSum(rep, vehicles->at.line,
                    "说明中公务用车购置及运行费应等于购置费与运行维护费之和", vehicles->amount,
                    {purchase->amount, operation->amount}, {purchase->at.line, operation->at.line},
                    vehicles->unit);
        }
      });
  Add(rules, "narrative.three-public-change", Severity::kError,
      "说明中“三公”经费的增减额等于各项增减额之和（未说明增减的项目按不变计）",
      "“三公”经费比上年减少 0.42 万元，而所述公务接待费减少 0.52 万元、其余不变",
      [](const Document& doc, Reporter& rep) {
        const Claim* total = nullptr;
        int64_t components = 0;
        bool any = false;
        std::vector<uint32_t> lines;
        for (const Claim& c : doc.claims) {
          if (c.kind != ClaimKind::kChange || !Contains(c.section, "三公")) continue;
          const Claim* now = At(doc, c.part);
          if (!now) continue;
          int64_t delta = c.decrease ? -c.amount.fen : c.amount.fen;
          const std::string_view item = ThreePublicItem(now->subject);
          bool is_total = item == "total";
          // 公务用车购置及运行费 is the sum of its two parts: count one or the other.
          bool nested = item == "vehicle_operation" || item == "vehicle_purchase";
          if (is_total) {
            if (!total) total = &c;
          } else if (!nested) {
            components += delta;
            any = true;
            lines.push_back(c.at.line);
          }
        }
        if (!total || !any) return;
        int64_t stated = total->decrease ? -total->amount.fen : total->amount.fen;
        if (stated == components) return;
        Finding& f =
            rep.Report(total->at.line, fmt::format("“{}”，而说明所列各项增减合计为 {}", total->text,
                                                   Money(components, total->unit)));
        f.expected = Money(components, total->unit);
        f.actual = Money(stated, total->unit);
        f.related_lines = lines;
      });
  Add(rules, "narrative.org-running-units", Severity::kWarning,
      "说明中安排机关运行经费的行政单位个数与表11 所列单位一致",
      "说明称“等2家行政单位”，表11 只列 1 个单位", [](const Document& doc, Reporter& rep) {
        const Table* t11 = doc.table(TableKind::kOrgRunning);
        if (!t11) return;
        int units = 0;
        for (const Row& r : t11->rows) units += r.kind == RowKind::kUnit;
        for (const Section& s : doc.narrative) {
          if (!Contains(s.heading.text, "机关运行经费")) continue;
          for (const TextItem& p : s.paragraphs) {
            size_t at = p.text.find("家行政单位");
            if (at == std::string::npos) continue;
            size_t start = at;
            while (start > 0 && p.text[start - 1] >= '0' && p.text[start - 1] <= '9') --start;
            if (start == at) continue;
            int stated = std::stoi(std::string(p.text.substr(start, at - start)));
            if (stated == units) continue;
            Finding& f = rep.Report(
                p.at.line, fmt::format("说明称{}家行政单位安排机关运行经费，表11 列出 {} 个单位",
                                       stated, units));
            f.expected = std::to_string(units);
            f.actual = std::to_string(stated);
            f.related_lines.push_back(t11->title_at.line);
          }
        }
      });
  Add(rules, "narrative.targets-amount", Severity::kWarning,
      "说明中纳入绩效目标管理的项目金额与所附项目绩效目标表的年度资金之和一致（元折万元，允许舍入"
      "）",
      "说明称项目共计 5673.09 万元，所附绩效目标表年度资金合计 5663.09 万元",
      [](const Document& doc, Reporter& rep) {
        WideFen sum = 0;
        int tables = 0;
        for (const TargetTable& t : doc.targets) {
          if (t.kind != TargetTable::Kind::kProject) continue;
          sum += t.funds[kAnnual].total.fen;
          ++tables;
        }
        if (tables == 0) return;
        for (size_t i = 0; i + 1 < doc.claims.size(); ++i) {
          const Claim& head = doc.claims[i];
          if (head.kind != ClaimKind::kCount || !head.subject.ends_with("二级项目")) continue;
          const Claim& amount = doc.claims[i + 1];
          if (amount.kind != ClaimKind::kAmount || head.count != tables) continue;
          WideFen diff = amount.amount.fen - sum;
          if (diff < 0) diff = -diff;
          // Each table's 元 figure is exact; the claim is rounded once.
          if (diff <= amount.amount.half_ulp()) continue;
          Finding& f = rep.Report(
              amount.at.line, fmt::format("说明“{}”，而所附 {} 张项目绩效目标表的年度资金合计 {}",
                                          amount.text, tables, Money(sum, MoneyUnit::kWanYuan)));
          f.expected = Money(sum, MoneyUnit::kWanYuan);
          f.actual = Money(amount.amount, amount.unit);
        }
      });
}

}  // namespace yusuan
