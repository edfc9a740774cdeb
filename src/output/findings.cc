#include "output/findings.h"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "base/json_writer.h"
#include "base/text.h"
#include "check/rule.h"

namespace yusuan {

namespace {

// The source line a finding points at, as a reviewer reads it: clean, tabs as spaces, cut at
// 240 bytes.
std::string QuoteLine(std::string_view line) {
  std::string quoted = CleanCell(line);
  for (char& ch : quoted) {
    if (ch == '\t') ch = ' ';
  }
  if (quoted.size() > 240) {
    size_t cut = 240;
    while (cut > 0 && (static_cast<unsigned char>(quoted[cut]) & 0xC0) == 0x80) --cut;
    quoted = quoted.substr(0, cut) + "…";
  }
  return quoted;
}

void PrintFileText(const Checked& c, std::ostream& out) {
  Lines lines(c.doc->text());
  if (!c.findings.empty()) fmt::print(out, "== {}\n", c.doc->source);
  for (const Finding& f : c.findings) {
    fmt::print(out, "{}:{}: {} [{}]: {}\n", f.file, f.line, SeverityId(f.severity), f.rule,
               f.message);
    if (f.line >= 1 && f.line <= lines.size()) {
      fmt::print(out, "    {}\n", QuoteLine(lines[f.line]));
    }
  }
}

}  // namespace

namespace {

void WriteFinding(JsonWriter& w, const Finding& f) {
  w.BeginObject();
  w.Field("rule", f.rule);
  w.Field("severity", SeverityId(f.severity));
  w.Field("message", f.message);
  w.Field("expected", f.expected);
  w.Field("actual", f.actual);
  w.Key("location");
  w.BeginObject();
  w.Field("file", f.file);
  w.Field("line", f.line);
  w.Key("related_lines");
  w.BeginArray();
  for (uint32_t l : f.related_lines) w.Int(l);
  w.EndArray();
  w.EndObject();
  w.EndObject();
}

}  // namespace

Json FindingJson(const Finding& f) {
  return Json::parse(JsonText(-1, [&](JsonWriter& w) { WriteFinding(w, f); }));
}

Json FindingsJson(const std::vector<Checked>& checked) {
  Json list = Json::array();
  for (const Checked& c : checked) {
    for (const Finding& f : c.findings) list.push_back(FindingJson(f));
  }
  return Json{{"findings", list}};
}

namespace {

std::string_view SarifLevel(Severity severity) {
  return severity == Severity::kInfo      ? "note"
         : severity == Severity::kWarning ? "warning"
                                          : "error";
}

// A file path as SARIF's `uri` must be: a URI reference (RFC 3986), every byte other than
// letters, digits, "-._~" and "/" percent-encoded. A Chinese file name, a space or a colon
// written as they are make an invalid URI, which strict SARIF readers refuse.
std::string SarifUri(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string uri;
  uri.reserve(path.size());
  for (const char c : path) {
    const unsigned char b = static_cast<unsigned char>(c);
    if ((b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '-' ||
        b == '.' || b == '_' || b == '~' || b == '/') {
      uri += c;
    } else {
      uri += '%';
      uri += kHex[b >> 4];
      uri += kHex[b & 15];
    }
  }
  return uri;
}

void WriteSarifLocation(JsonWriter& w, const std::string& file, uint32_t line) {
  w.Key("physicalLocation");
  w.BeginObject();
  w.Key("artifactLocation");
  w.BeginObject();
  w.Field("uri", SarifUri(file));
  w.EndObject();
  w.Key("region");
  w.BeginObject();
  w.Field("startLine", line);
  w.EndObject();
  w.EndObject();
}

void WriteSarifResult(JsonWriter& w, const Finding& f) {
  w.BeginObject();
  w.Field("ruleId", f.rule);
  w.Field("level", SarifLevel(f.severity));
  w.Key("message");
  w.BeginObject();
  w.Field("text", f.message);
  w.EndObject();
  w.Key("locations");
  w.BeginArray();
  w.BeginObject();
  WriteSarifLocation(w, f.file, std::max<uint32_t>(f.line, 1));
  w.EndObject();
  w.EndArray();
  if (!f.related_lines.empty()) {
    w.Key("relatedLocations");
    w.BeginArray();
    int id = 0;
    for (uint32_t l : f.related_lines) {
      w.BeginObject();
      w.Field("id", id++);
      WriteSarifLocation(w, f.file, l);
      w.EndObject();
    }
    w.EndArray();
  }
  w.EndObject();
}

Json SarifResult(const Finding& f) {
  return Json::parse(JsonText(-1, [&](JsonWriter& w) { WriteSarifResult(w, f); }));
}

// The SARIF log around its results.
Json SarifLog(Json results) {
  Json rules = Json::array();
  for (const Rule& r : Rules()) {
    rules.push_back(Json{{"id", r.info.id},
                         {"shortDescription", Json{{"text", r.info.title}}},
                         {"fullDescription", Json{{"text", r.info.example}}},
                         {"defaultConfiguration", Json{{"level", SarifLevel(r.info.severity)}}}});
  }
  for (const CrossRule& r : CrossRules()) {
    rules.push_back(Json{{"id", r.info.id}, {"shortDescription", Json{{"text", r.info.title}}}});
  }
  return Json{
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs",
       Json::array({Json{{"tool", Json{{"driver", Json{{"name", "yusuan"}, {"rules", rules}}}}},
                         {"results", std::move(results)}}})}};
}

class TextWriter : public FindingsWriter {
 public:
  explicit TextWriter(std::ostream* out) : out_(out) {}
  void File(const Checked& c) override {
    PrintFileText(c, *out_);
    const Counts n = Count(c.findings);
    total_.error += n.error;
    total_.warning += n.warning;
    total_.info += n.info;
    ++files_;
  }
  void Finish() override {
    fmt::print(*out_, "{} 个文件：错误 {} 个，警告 {} 个，提示 {} 个\n", files_, total_.error,
               total_.warning, total_.info);
  }

 private:
  std::ostream* out_;
  Counts total_;
  size_t files_ = 0;
};

// JSON and SARIF: one array of findings, written as they come.
class JsonFindingsWriter : public FindingsWriter {
 public:
  JsonFindingsWriter(std::ostream* out, bool sarif)
      : sarif_(sarif),
        stream_(out, sarif ? SarifLog(std::string(JsonStream::kMarker))
                           : Json{{"findings", std::string(JsonStream::kMarker)}}) {}
  void File(const Checked& c) override {
    for (const Finding& f : c.findings) {
      item_.clear();
      JsonWriter w(&item_, 2, stream_.item_depth());
      if (sarif_) {
        WriteSarifResult(w, f);
      } else {
        WriteFinding(w, f);
      }
      stream_.ItemAtDepth(item_);
    }
  }
  void Finish() override { stream_.Finish(); }

 private:
  bool sarif_;
  JsonStream stream_;
  std::string item_;  // a finding's text, reused from finding to finding
};

}  // namespace

void PrintFindingsText(const std::vector<Checked>& checked, std::ostream& out) {
  TextWriter writer(&out);
  for (const Checked& c : checked) writer.File(c);
  writer.Finish();
}

Json Sarif(const std::vector<Checked>& checked) {
  Json results = Json::array();
  for (const Checked& c : checked) {
    for (const Finding& f : c.findings) results.push_back(SarifResult(f));
  }
  return SarifLog(std::move(results));
}

JsonStream::JsonStream(std::ostream* out, const Json& skeleton) : out_(out) {
  const std::string text = skeleton.dump(2);
  const std::string marker = Json(std::string(kMarker)).dump();  // "\u0001", quoted
  const size_t at = text.find(marker);
  const size_t line = text.rfind('\n', at);
  const size_t start = line == std::string::npos ? 0 : line + 1;
  indent_.assign(text.find_first_not_of(' ', start) - start, ' ');
  out_->write(text.data(), static_cast<std::streamsize>(at));
  tail_ = text.substr(at + marker.size()) + "\n";
}

void JsonStream::BeginItem() {
  buffer_.assign(any_ ? ",\n" : "[\n");
  any_ = true;
  buffer_.append(indent_);
  buffer_.append("  ");
  out_->write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
}

void JsonStream::ItemAtDepth(std::string_view text) {
  BeginItem();
  out_->write(text.data(), static_cast<std::streamsize>(text.size()));  // not copied again
}

void JsonStream::Finish() { *out_ << (any_ ? "\n" + indent_ + "]" : std::string("[]")) << tail_; }

std::unique_ptr<FindingsWriter> MakeFindingsWriter(std::string_view format, std::ostream* out) {
  if (format == "json") return std::make_unique<JsonFindingsWriter>(out, false);
  if (format == "sarif") return std::make_unique<JsonFindingsWriter>(out, true);
  if (format == "html") return MakeHtmlWriter(out);
  return std::make_unique<TextWriter>(out);
}

}  // namespace yusuan
