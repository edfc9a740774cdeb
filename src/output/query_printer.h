// A query's result printed as its rows are read (Store::QueryRows), in constant memory: a
// table aligned for the terminal, CSV, or JSON.
//
//   QueryPrinter printer("csv", &std::cout);
//   store.QueryRows(sql, {}, [&](auto& columns) { printer.Columns(columns); },
//                   [&](auto& row) { printer.Row(row); return true; });
//   printer.Finish();
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace yusuan {

class QueryPrinter {
 public:
  // The table is aligned on its first kAligned rows; a wider cell after them pushes its row's
  // next cells along.
  static constexpr size_t kAligned = 1000;

  // `format`: "table", "csv" or "json". JSON is what a tree of the rows as objects printed with
  // dump(2) (keys in column order, a repeated column name once, with its last value).
  QueryPrinter(std::string format, std::ostream* out) : format_(std::move(format)), out_(*out) {}

  void Columns(const std::vector<std::string>& columns);
  void Row(const std::vector<std::optional<std::string_view>>& row);
  void Finish();

 private:
  void Release();  // prints the header and the rows held for aligning, once
  void PrintCells(const std::vector<std::string>& cells);

  std::string format_;
  std::ostream& out_;
  std::vector<std::string> columns_;
  std::vector<size_t> order_;  // json: the column of each key, in key order
  std::string json_;
  std::vector<std::vector<std::string>> held_;  // table: the first rows, for the widths
  std::vector<size_t> widths_;
  bool released_ = false;
  size_t rows_ = 0;
};

}  // namespace yusuan
