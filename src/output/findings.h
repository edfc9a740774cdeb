// Findings as a compiler-style listing, as JSON, as SARIF 2.1.0 and as a self-contained HTML
// report.
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "check/finding.h"
#include "model/document.h"
#include "model/json.h"
#include "read/lines.h"

namespace yusuan {

// One checked file: the model (whose text the listing quotes lines from) and its findings.
struct Checked {
  const Document* doc = nullptr;  // its text (Document::text) is what the text listing quotes
  std::vector<Finding> findings;
};

// "file:line: error [rule]: message", the source line beneath, grouped by file, counts last.
void PrintFindingsText(const std::vector<Checked>& checked, std::ostream& out);

Json FindingJson(const Finding& f);
// {"findings": [...]} over all files.
Json FindingsJson(const std::vector<Checked>& checked);
Json Sarif(const std::vector<Checked>& checked);
std::string HtmlReport(const std::vector<Checked>& checked);

// Writes the findings of many files while they are checked, one file at a time, so that a run
// over a directory holds one document in memory rather than all of them:
//
//   std::unique_ptr<FindingsWriter> w = MakeFindingsWriter("json", &std::cout);
//   w->File(Checked{&doc, findings});  // each file; its doc may go after
//   w->Finish();
//
// The output is what PrintFindingsText, FindingsJson, Sarif and HtmlReport give for the same
// files.
class FindingsWriter {
 public:
  virtual ~FindingsWriter() = default;
  virtual void File(const Checked& checked) = 0;
  virtual void Finish() = 0;
};

// `format`: "text", "json", "sarif" or "html". `out` must outlive the writer.
std::unique_ptr<FindingsWriter> MakeFindingsWriter(std::string_view format, std::ostream* out);
// The HTML case (html_report.cc).
std::unique_ptr<FindingsWriter> MakeHtmlWriter(std::ostream* out);

// A JSON document written as it is produced: `skeleton` is the whole document with the string
// JsonStream::kMarker where its one long array goes; ItemAtDepth() writes the array's elements
// one at a time. The text is exactly skeleton.dump(2) with the array in place.
class JsonStream {
 public:
  static constexpr std::string_view kMarker = "\x01";
  JsonStream(std::ostream* out, const Json& skeleton);
  // The level the array's items are at (JsonWriter's depth, at indent 2).
  size_t item_depth() const { return indent_.size() / 2 + 1; }
  // An item written at indent 2 from item_depth() (JsonWriter(&text, 2, item_depth())): written
  // out as it is, after the separator and its first line's indentation (a document's JSON is
  // hundreds of KB: written at its depth, it is not re-indented line by line).
  void ItemAtDepth(std::string_view text);
  // The separator and indentation before an item that the caller then writes to the stream
  // itself (at indent 2 from item_depth(), as for ItemAtDepth).
  void BeginItem();
  void Finish();

 private:
  std::ostream* out_;
  std::string tail_, indent_;
  std::string buffer_;  // the separator and indentation before an item, reused
  bool any_ = false;
};

}  // namespace yusuan
