// What the readers could not read with certainty, as findings. The model marks it (a row's
// doubt, a doubtful cell, a target table's gaps, the document's diagnostics), but a reviewer
// who runs `check` reads findings: without these, a figure read with its column guessed, or one
// that could not be read at all, showed only as a sum that failed or a cell taken as empty.
#include <fmt/format.h>

#include "check/rule.h"

namespace yusuan {

void AddReadingRules(std::vector<Rule>* rules) {
  rules->push_back(Rule{
      {"read.doubtful", Severity::kInfo, "读取", "读取时无法确定或无法读出的内容，需人工核对原文",
       "第189行：本行制表符缺失或多余；按行内“合计＝各项之和”确定了列位置，移动过的单元格标为存疑"},
      [](const Document& doc, Reporter& rep) {
        for (const Diagnostic& d : doc.diagnostics) rep.Report(d.at.line, "读取存疑：" + d.message);
        for (const TargetTable& t : doc.targets) {
          // A table whose indicators could not be paired is reported whole, with the advice to
          // check it by hand (target.pairing-unknown); its gaps are the details of that.
          if (t.confidence == Confidence::kLow) continue;
          const std::string name = t.project_name.text.empty()
                                       ? std::string("绩效目标表")
                                       : "绩效目标表“" + t.project_name.text + "”";
          for (const Diagnostic& gap : t.gaps) {
            rep.Report(gap.at.line, fmt::format("读取存疑（{}）：{}", name, gap.message));
          }
        }
      }});
}

}  // namespace yusuan
