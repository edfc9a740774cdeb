// Classification: a code fixes its name, a 项 needs its 款 and 类, and codes are well formed.
#include <fmt/format.h>

#include <string_view>
#include <vector>

#include "base/key_index.h"
#include "base/text.h"
#include "check/common.h"

namespace yusuan {
namespace {

const Text& NameOf(const Table& t, const Row& r) { return r.label(t); }

}  // namespace

void AddCodeRules(std::vector<Rule>* rules) {
  rules->push_back(Rule{
      {"code.name", Severity::kError, "科目分类", "同一科目编码在各表中的名称必须一致",
       "2080505 在表2 为“机关事业单位基本养老保险缴费支出”，在表5 为“机关事业单位养老保险缴费”"},
      [](const Document& doc, Reporter& rep) {
        // The first row of each code, by namespace (table 9's income side and table 7 use
        // revenue codes, a separate one): the named coded rows in the document's order, and a
        // sorted index of them. Views of the document, 32 bytes a row (a hash map's node a row
        // was the peak of checking a table of a hundred thousand codes).
        struct Seen {
          const Table* table;
          const Row* row;
        };
        std::vector<Seen> seen[2];
        auto for_each_named = [&](auto fn) {
          for (const Table& t : doc.tables) {
            if (t.spec->scheme != RowScheme::kFunctionCodes) continue;
            for (const Row& r : t.rows) {
              if (!IsCoded(r.kind) || NameOf(t, r).empty()) continue;
              fn(t, r,
                 t.kind() == TableKind::kFundIncome ||
                     (t.kind() == TableKind::kStateCapital && r.side == 0));
            }
          }
        };
        for_each_named([&](const Table& t, const Row& r, bool income) {
          seen[income].push_back(Seen{&t, &r});
        });
        auto index_of = [](const std::vector<Seen>& s) {
          return KeyIndex(s.size(), [&](size_t i) { return s[i].row->key.view(); });
        };
        const KeyIndex first[2] = {index_of(seen[0]), index_of(seen[1])};
        size_t next[2] = {0, 0};
        for_each_named([&](const Table& t, const Row& r, bool income) {
          const size_t at = next[income]++;
          const size_t i = first[income].First(r.key.view()).value_or(at);
          if (i == at) return;  // the first of its code
          const Table& ft = *seen[income][i].table;
          const Row& fr = *seen[income][i].row;
          if (SameKey(NameOf(ft, fr), NameOf(t, r))) return;
          Finding& f =
              rep.Report(r.at.line, fmt::format("科目 {} 在{}第{}行名为“{}”，在{}第{}行却名为“{}”",
                                                r.key, TableName(ft), fr.at.line, NameOf(ft, fr),
                                                TableName(t), r.at.line, NameOf(t, r)));
          f.expected = NameOf(ft, fr);
          f.actual = NameOf(t, r);
          f.related_lines.push_back(fr.at.line);
        });
      }});
  rules->push_back(Rule{
      {"code.class-name", Severity::kWarning, "科目分类", "类级科目名称与《政府收支分类科目》一致",
       "208 写作“社会保障与就业支出”（应为“社会保障和就业支出”）"},
      [](const Document& doc, Reporter& rep) {
        for (const Table& t : doc.tables) {
          if (t.spec->scheme != RowScheme::kFunctionCodes || t.kind() == TableKind::kFundIncome) {
            continue;
          }
          for (const Row& r : t.rows) {
            if (r.kind != RowKind::kClass ||
                (t.kind() == TableKind::kStateCapital && r.side == 0)) {
              continue;
            }
            for (const FunctionClass& c : FunctionClasses()) {
              if (c.code != r.key) continue;
              if (KeyIs(NameOf(t, r), c.name) || NameOf(t, r).empty()) break;
              Finding& f = rep.Report(
                  r.at.line, fmt::format("{} 第{}行：类 {} 的名称应为“{}”，表中为“{}”",
                                         TableName(t), r.at.line, r.key, c.name, NameOf(t, r)));
              f.expected = std::string(c.name);
              f.actual = NameOf(t, r);
            }
          }
        }
      }});
  rules->push_back(Rule{
      {"code.parent", Severity::kError, "科目分类", "项级科目须有其款，款级科目须有其类",
       "表3 列出 2101102 事业单位医疗，却没有 21011 行政事业单位医疗"},
      [](const Document& doc, Reporter& rep) {
        for (const Table& t : doc.tables) {
          if (t.spec->scheme != RowScheme::kFunctionCodes) continue;
          for (const Row& r : t.rows) {
            if ((r.kind == RowKind::kKuan || r.kind == RowKind::kXiang) && r.parent < 0) {
              std::string_view parent = r.key.view().substr(0, r.key.size() - 2);
              rep.Report(r.at.line, fmt::format("{} 第{}行：{} {} 缺少上级科目 {}", TableName(t),
                                                r.at.line, r.key, NameOf(t, r), parent));
            }
          }
        }
      }});
  rules->push_back(
      Rule{{"code.format", Severity::kWarning, "科目分类",
            "按科目列示的表每行都应有3、5或7位科目编码", "表2 某行只有名称、没有科目编码"},
           [](const Document& doc, Reporter& rep) {
             for (const Table& t : doc.tables) {
               if (t.spec->scheme != RowScheme::kFunctionCodes) continue;
               for (const Row& r : t.rows) {
                 if (r.kind != RowKind::kLine) continue;
                 rep.Report(r.at.line, fmt::format("{} 第{}行“{}”没有有效的科目编码", TableName(t),
                                                   r.at.line, RowName(t, r)));
               }
             }
           }});
}

}  // namespace yusuan
