#include "output/query_printer.h"

#include <algorithm>

#include "base/json_writer.h"
#include "base/text.h"
#include "output/export.h"

namespace yusuan {
namespace {

// Display width: CJK characters take two columns.
size_t Width(const std::string& s) {
  size_t w = 0;
  for (size_t pos = 0; pos < s.size();) {
    char32_t cp = NextCodePoint(s, &pos);
    w += (cp >= 0x1100 && (IsCjk(cp) || cp >= 0x2E80)) ? 2 : 1;
  }
  return w;
}

}  // namespace

void QueryPrinter::Columns(const std::vector<std::string>& columns) {
  columns_ = columns;
  if (format_ == "json") {
    // A key per name, where the name first appears, with the value of its last column.
    for (size_t i = 0; i < columns.size(); ++i) {
      auto first = std::find_if(order_.begin(), order_.end(),
                                [&](size_t k) { return columns[k] == columns[i]; });
      if (first == order_.end()) {
        order_.push_back(i);
      } else {
        *first = i;
      }
    }
  } else if (format_ == "csv") {
    for (size_t i = 0; i < columns.size(); ++i) out_ << (i ? "," : "") << CsvField(columns[i]);
    out_ << "\n";
  }
}

void QueryPrinter::Row(const std::vector<std::optional<std::string_view>>& row) {
  ++rows_;
  if (format_ == "json") {
    json_.clear();
    json_ += rows_ == 1 ? "[\n  " : ",\n  ";
    JsonWriter w(&json_, 2, 1);
    w.BeginObject();
    for (size_t i : order_) {
      w.Key(columns_[i]);
      if (row[i]) {
        w.String(*row[i]);
      } else {
        w.Null();
      }
    }
    w.EndObject();
    out_ << json_;
  } else if (format_ == "csv") {
    for (size_t i = 0; i < row.size(); ++i) out_ << (i ? "," : "") << CsvField(row[i].value_or(""));
    out_ << "\n";
  } else {
    std::vector<std::string> cells;
    for (const auto& v : row) cells.emplace_back(v.value_or("NULL"));
    if (rows_ <= kAligned) {
      held_.push_back(std::move(cells));
      return;
    }
    Release();
    PrintCells(cells);
  }
}

void QueryPrinter::Finish() {
  if (format_ == "json") {
    out_ << (rows_ == 0 ? "[]" : "\n]") << "\n";
  } else if (format_ != "csv") {
    Release();
    out_ << "（" << rows_ << " 行）\n";
  }
}

void QueryPrinter::Release() {
  if (released_) return;
  released_ = true;
  for (const std::string& c : columns_) widths_.push_back(Width(c));
  for (const auto& cells : held_) {
    for (size_t i = 0; i < cells.size(); ++i) widths_[i] = std::max(widths_[i], Width(cells[i]));
  }
  PrintCells(columns_);
  for (const auto& cells : held_) PrintCells(cells);
  held_.clear();
  held_.shrink_to_fit();
}

void QueryPrinter::PrintCells(const std::vector<std::string>& cells) {
  for (size_t i = 0; i < cells.size(); ++i) {
    out_ << cells[i];
    if (i + 1 < cells.size()) {
      const size_t w = Width(cells[i]);
      out_ << std::string(w < widths_[i] ? widths_[i] - w + 2 : 2, ' ');
    }
  }
  out_ << "\n";
}

}  // namespace yusuan
