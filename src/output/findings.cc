#include "output/findings.h"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "base/text.h"
#include "check/rule.h"

namespace yusuan {

void PrintFindingsText(const std::vector<Checked>& checked, std::ostream& out) {
  Counts total;
  for (const Checked& c : checked) {
    Lines lines(c.text ? std::string_view(*c.text) : std::string_view());
    if (!c.findings.empty()) fmt::print(out, "== {}\n", c.doc->source);
    for (const Finding& f : c.findings) {
      fmt::print(out, "{}:{}: {} [{}]: {}\n", f.file, f.line, SeverityId(f.severity), f.rule,
                 f.message);
      if (f.line >= 1 && f.line <= lines.size()) {
        std::string quoted = CleanCell(lines[f.line]);
        for (char& ch : quoted) {
          if (ch == '\t') ch = ' ';
        }
        if (quoted.size() > 240) {
          size_t cut = 240;
          while (cut > 0 && (static_cast<unsigned char>(quoted[cut]) & 0xC0) == 0x80) --cut;
          quoted = quoted.substr(0, cut) + "…";
        }
        fmt::print(out, "    {}\n", quoted);
      }
    }
    Counts n = Count(c.findings);
    total.error += n.error;
    total.warning += n.warning;
    total.info += n.info;
  }
  fmt::print(out, "{} 个文件：错误 {} 个，警告 {} 个，提示 {} 个\n", checked.size(), total.error,
             total.warning, total.info);
}

Json FindingJson(const Finding& f) {
  Json related = Json::array();
  for (uint32_t l : f.related_lines) related.push_back(l);
  return Json{{"rule", f.rule},
              {"severity", SeverityId(f.severity)},
              {"message", f.message},
              {"expected", f.expected},
              {"actual", f.actual},
              {"location", Json{{"file", f.file}, {"line", f.line}, {"related_lines", related}}}};
}

Json FindingsJson(const std::vector<Checked>& checked) {
  Json list = Json::array();
  for (const Checked& c : checked) {
    for (const Finding& f : c.findings) list.push_back(FindingJson(f));
  }
  return Json{{"findings", list}};
}

Json Sarif(const std::vector<Checked>& checked) {
  Json rules = Json::array();
  for (const Rule& r : Rules()) {
    rules.push_back(Json{{"id", r.info.id},
                         {"shortDescription", Json{{"text", r.info.title}}},
                         {"fullDescription", Json{{"text", r.info.example}}},
                         {"defaultConfiguration",
                          Json{{"level", r.info.severity == Severity::kInfo      ? "note"
                                         : r.info.severity == Severity::kWarning ? "warning"
                                                                                 : "error"}}}});
  }
  for (const CrossRule& r : CrossRules()) {
    rules.push_back(Json{{"id", r.info.id}, {"shortDescription", Json{{"text", r.info.title}}}});
  }
  Json results = Json::array();
  for (const Checked& c : checked) {
    for (const Finding& f : c.findings) {
      Json related = Json::array();
      int id = 0;
      for (uint32_t l : f.related_lines) {
        related.push_back(
            Json{{"id", id++},
                 {"physicalLocation", Json{{"artifactLocation", Json{{"uri", f.file}}},
                                           {"region", Json{{"startLine", l}}}}}});
      }
      Json result{{"ruleId", f.rule},
                  {"level", f.severity == Severity::kInfo      ? "note"
                            : f.severity == Severity::kWarning ? "warning"
                                                               : "error"},
                  {"message", Json{{"text", f.message}}},
                  {"locations",
                   Json::array({Json{
                       {"physicalLocation",
                        Json{{"artifactLocation", Json{{"uri", f.file}}},
                             {"region", Json{{"startLine", std::max<uint32_t>(f.line, 1)}}}}}}})}};
      if (!related.empty()) result["relatedLocations"] = related;
      results.push_back(result);
    }
  }
  return Json{
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs",
       Json::array({Json{{"tool", Json{{"driver", Json{{"name", "yusuan"}, {"rules", rules}}}}},
                         {"results", results}}})}};
}

}  // namespace yusuan
