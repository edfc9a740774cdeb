// A self-contained HTML report: a summary, every table with the cells of each finding
// highlighted and its message beside, the narrative with each claim marked, and the target
// tables. All document text is escaped.
#include <fmt/format.h>

#include <iterator>
#include <map>
#include <set>
#include <sstream>

#include "base/text.h"
#include "check/rule.h"
#include "model/summary.h"
#include "output/findings.h"

namespace yusuan {
namespace {

// Appends `s` with the five characters HTML gives meaning to written as references, and any
// byte that is not UTF-8 (a file name can hold one; a document's text cannot) as U+FFFD: the
// report declares UTF-8 and stays valid whatever it quotes.
void AppendEscaped(std::string_view s, std::string* out) {
  std::string valid;
  if (!IsValidUtf8(s)) {
    for (size_t pos = 0; pos < s.size();) AppendUtf8(NextCodePoint(s, &pos), &valid);
    s = valid;
  }
  // Most texts hold none of the five: found sixteen bytes a step, the runs between copied whole.
  using Special = ByteSet<'&', '<', '>', '"', '\''>;
  size_t run = 0;
  for (size_t i = Special::FindIn(s, 0); i != std::string_view::npos;
       i = Special::FindIn(s, i + 1)) {
    out->append(s, run, i - run);
    run = i + 1;
    switch (s[i]) {
      case '&':
        *out += "&amp;";
        break;
      case '<':
        *out += "&lt;";
        break;
      case '>':
        *out += "&gt;";
        break;
      case '"':
        *out += "&quot;";
        break;
      default:  // '\''
        *out += "&#39;";
        break;
    }
  }
  out->append(s, run, std::string_view::npos);
}

std::string Escape(std::string_view s) {
  std::string out;
  AppendEscaped(s, &out);
  return out;
}

// `open`, the escaped text, `close`: a cell or a heading written in place.
void AppendElement(std::string_view open, std::string_view text, std::string_view close,
                   std::string* out) {
  out->append(open);
  AppendEscaped(text, out);
  out->append(close);
}

constexpr std::string_view kStyle = R"(
body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:1.5em;color:#222;max-width:1200px}
h1{font-size:1.4em}h2{font-size:1.15em;border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:1.6em}
table{border-collapse:collapse;margin:.5em 0;font-size:.85em}td,th{border:1px solid #bbb;padding:2px 6px}
td.n{text-align:right;font-variant-numeric:tabular-nums}tr.error td{background:#fde2e1}tr.warning td{background:#fff4cf}
tr.info td{background:#e6f0ff}td.msg{background:#fff;color:#a00;font-size:.9em;max-width:28em}
.sev-error{color:#b00}.sev-warning{color:#a60}.sev-info{color:#236}
span.claim-ok{border-bottom:2px solid #3a3}span.claim-bad{background:#fde2e1;border-bottom:2px solid #c00}
.muted{color:#777}.counts span{margin-right:1.2em}details{margin:.3em 0}
)";

std::string SeverityClass(Severity s) { return std::string(SeverityId(s)); }

// A file's section of the report, written to `sink` in pieces of about a megabyte as it is
// produced (`out` holds the piece being made): a document with a finding on every line prints
// as many times its size, and is never held whole.
void Report(const Checked& c, std::string* out, std::ostream* sink) {
  constexpr size_t kPiece = size_t{1} << 20;
  auto spill = [&] {
    if (out->size() < kPiece) return;
    sink->write(out->data(), static_cast<std::streamsize>(out->size()));
    out->clear();
  };
  const Document& doc = *c.doc;
  Summary s = Summarize(doc);
  std::map<uint32_t, std::vector<const Finding*>> by_line;
  std::set<uint32_t> related;
  for (const Finding& f : c.findings) {
    by_line[f.line].push_back(&f);
    for (uint32_t l : f.related_lines) related.insert(l);
  }
  Counts n = Count(c.findings);
  *out += fmt::format("<h1>{} · {} 年</h1>\n<p class=muted>{}（{} 行）</p>\n", Escape(doc.name),
                      doc.year, Escape(doc.source), doc.line_count);
  *out += fmt::format(
      "<p class=counts><span class=sev-error>错误 {}</span><span class=sev-warning>警告 {}</span>"
      "<span class=sev-info>提示 {}</span></p>\n",
      n.error, n.warning, n.info);
  *out +=
      "<h2>问题清单</h2>\n<table><tr><th>行</th><th>级别</th><th>规则</th><th>说明</th><th>相关行</"
      "th></tr>\n";
  for (const Finding& f : c.findings) {
    std::string rel;
    for (uint32_t l : f.related_lines) rel += (rel.empty() ? "" : ", ") + std::to_string(l);
    *out += fmt::format(
        "<tr class={}><td><a "
        "href=\"#L{}\">{}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
        SeverityClass(f.severity), f.line, f.line, SeverityName(f.severity), Escape(f.rule),
        Escape(f.message), rel);
    spill();
  }
  *out += "</table>\n";

  for (const Table& t : doc.tables) {
    *out += fmt::format("<h2 id=\"L{}\">表{} {}</h2>\n", t.title_at.line,
                        static_cast<int>(t.kind()), Escape(t.title));
    if (t.no_data) *out += "<p class=muted>注：本表无数据</p>\n";
    for (size_t side = 0; side < t.spec->sides.size(); ++side) {
      const SideSpec& spec = t.spec->sides[side];
      *out += "<table><tr><th>行</th>";
      for (const ColumnSpec& col : spec.columns) AppendElement("<th>", col.name, "</th>", out);
      *out += "<th></th></tr>\n";
      for (const Row& r : t.rows) {
        if (r.side != side) continue;
        auto it = by_line.find(r.at.line);
        std::string cls;
        std::string msg;
        if (it != by_line.end()) {
          Severity worst = Severity::kInfo;
          for (const Finding* f : it->second) {
            worst = std::min(worst, f->severity);
            AppendElement("", f->message, "<br>", &msg);
          }
          cls = SeverityClass(worst);
        } else if (related.count(r.at.line)) {
          cls = "info";
        }
        fmt::format_to(std::back_inserter(*out),
                       "<tr id=\"L{}\" class=\"{}\"><td class=muted>{}</td>", r.at.line, cls,
                       r.at.line);
        const std::span<const Cell> cells = r.cells(t);
        for (size_t k = 0; k < spec.columns.size() && k < cells.size(); ++k) {
          const Cell& cell = cells[k];
          if (spec.columns[k].type == ColumnType::kAmount) {
            out->append("<td class=n>");
            if (cell.amount().present()) {
              AppendEscaped(FormatIn(cell.amount(), t.unit), out);
            } else {
              AppendEscaped(cell.text, out);
            }
            out->append(cell.doubtful ? "?</td>" : "</td>");
          } else {
            AppendElement("<td>", cell.text, "</td>", out);
          }
        }
        out->append("<td class=msg>");
        out->append(msg);
        out->append("</td></tr>\n");
        spill();
      }
      *out += "</table>\n";
    }
  }

  *out += "<h2>情况说明</h2>\n";
  std::set<uint32_t> claim_lines;
  for (const Claim& cl : doc.claims) claim_lines.insert(cl.at.line);
  for (const Section& sec : doc.narrative) {
    *out += fmt::format("<h3 id=\"L{}\">{}</h3>\n", sec.heading.at.line, Escape(sec.heading.text));
    for (const TextItem& p : sec.paragraphs) {
      auto it = by_line.find(p.at.line);
      fmt::format_to(std::back_inserter(*out), "<p id=\"L{}\"><span class=muted>{}</span> ",
                     p.at.line, p.at.line);
      if (claim_lines.count(p.at.line)) {
        bool bad = it != by_line.end();
        fmt::format_to(std::back_inserter(*out), "<span class={} title=\"{}\">",
                       bad ? "claim-bad" : "claim-ok", bad ? "有问题" : "已核对");
        AppendElement("", p.text, "</span>", out);
      } else {
        AppendEscaped(p.text, out);
      }
      if (it != by_line.end()) {
        for (const Finding* f : it->second) {
          *out += fmt::format("<br><span class=sev-{}>［{}］{}</span>", SeverityClass(f->severity),
                              Escape(f->rule), Escape(f->message));
        }
      }
      *out += "</p>\n";
      spill();
    }
  }

  if (!doc.targets.empty()) {
    *out += fmt::format("<h2>绩效目标表（{} 张）</h2>\n", doc.targets.size());
    for (const TargetTable& t : doc.targets) {
      *out += fmt::format(
          "<details id=\"L{}\"><summary>第{}行 {}（{}）</summary><table>"
          "<tr><th>期</th><th>一级</th><th>二级</th><th>三级指标</th><th>指标值</th></tr>\n",
          t.at.line, t.at.line, Escape(t.project_name.text), ConfidenceId(t.confidence));
      for (int side : {kImplementation, kAnnual}) {
        for (const Indicator& i : t.indicators[side]) {
          auto it = by_line.find(i.value_at.line ? i.value_at.line : i.at.line);
          fmt::format_to(std::back_inserter(*out), "<tr class=\"{}\"><td>{}</td>",
                         it != by_line.end() ? "warning" : "", side == kAnnual ? "年度" : "实施期");
          AppendElement("<td>", i.level1, "</td>", out);
          AppendElement("<td>", i.level2, "</td>", out);
          AppendElement("<td>", i.name, "</td>", out);
          AppendElement("<td>", i.value.raw, "</td></tr>\n", out);
          spill();
        }
      }
      *out += "</table></details>\n";
    }
  }
}

// The report, one file at a time: the page head, each file's section, the page foot.
class HtmlWriter : public FindingsWriter {
 public:
  explicit HtmlWriter(std::ostream* out) : out_(out) {
    *out_ << "<!DOCTYPE html>\n<html lang=zh-CN><head><meta charset=utf-8><title>yusuan "
             "检查报告</title><style>"
          << kStyle << "</style></head><body>\n";
  }
  void File(const Checked& c) override {
    html_.clear();
    Report(c, &html_, out_);
    out_->write(html_.data(), static_cast<std::streamsize>(html_.size()));
  }
  void Finish() override { *out_ << "</body></html>\n"; }

 private:
  std::ostream* out_;
  std::string html_;  // the piece being made, its room kept from file to file
};

}  // namespace

std::string HtmlReport(const std::vector<Checked>& checked) {
  std::ostringstream out;
  HtmlWriter writer(&out);
  for (const Checked& c : checked) writer.File(c);
  writer.Finish();
  return out.str();
}

std::unique_ptr<FindingsWriter> MakeHtmlWriter(std::ostream* out) {
  return std::make_unique<HtmlWriter>(out);
}

}  // namespace yusuan
