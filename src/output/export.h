// Exports: a spreadsheet in the published layout, and one tidy long CSV table.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "base/status.h"
#include "check/finding.h"
#include "model/document.h"

namespace yusuan {

// XLSX: one sheet per standard table as published (headers, codes, amounts as numbers shown
// with two decimals), a sheet of performance indicators and a sheet of findings. Written at
// `path`; messages name the file `name` (the path when empty: a temporary file is not a name
// the reader knows).
Status WriteXlsx(const Document& doc, const std::vector<Finding>& findings, const std::string& path,
                 const std::string& name = "");

// CSV, one figure per row (Fiscal Data Package style):
// document,file,table_number,table,code,name,side,column,unit,amount_yuan,line
void WriteCsv(const Document& doc, std::ostream& out);

// CSV quoting of one field.
std::string CsvField(std::string_view s);

}  // namespace yusuan
