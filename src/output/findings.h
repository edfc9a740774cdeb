// Findings as a compiler-style listing, as JSON, as SARIF 2.1.0 and as a self-contained HTML
// report.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "check/finding.h"
#include "model/document.h"
#include "model/json.h"
#include "read/lines.h"

namespace yusuan {

// One checked file: the model, its decoded text (for quoting lines) and its findings.
struct Checked {
  const Document* doc = nullptr;
  const std::string* text = nullptr;
  std::vector<Finding> findings;
};

// "file:line: error [rule]: message", the source line beneath, grouped by file, counts last.
void PrintFindingsText(const std::vector<Checked>& checked, std::ostream& out);

Json FindingJson(const Finding& f);
// {"findings": [...]} over all files.
Json FindingsJson(const std::vector<Checked>& checked);
Json Sarif(const std::vector<Checked>& checked);
std::string HtmlReport(const std::vector<Checked>& checked);

}  // namespace yusuan
