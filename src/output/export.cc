#include "output/export.h"

#include <fmt/format.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <map>

#include "base/shared_library.h"
#include "check/rule.h"

namespace yusuan {
namespace {

// The libxlsxwriter functions the export calls. The library is opened for an XLSX export, not
// linked (base/shared_library.h): other commands do not pay for loading it.
// clang-format off
#define YUSUAN_XLSXWRITER_FUNCTIONS(X)                                                      \
  X(workbook_new) X(workbook_add_format) X(workbook_add_worksheet) X(workbook_close)        \
  X(format_set_num_format) X(format_set_bold)                                               \
  X(worksheet_write_string) X(worksheet_write_number) X(worksheet_set_column)               \
  X(lxw_strerror)
// clang-format on

// Each member is named and typed as the function it points to.
struct Xlsxwriter {
#define YUSUAN_DECLARE(name) decltype(&::name) name = nullptr;
  YUSUAN_XLSXWRITER_FUNCTIONS(YUSUAN_DECLARE)
#undef YUSUAN_DECLARE
};

// libxlsxwriter, loaded and bound on first use (once per process, safely from several threads).
const Result<Xlsxwriter>& LoadXlsxwriter() {
  static const Result<Xlsxwriter> loaded = LoadFunctions<Xlsxwriter>(
      YUSUAN_XLSXWRITER_SONAME, "导出 XLSX", "libxlsxwriter4", [](Xlsxwriter& api, auto bind) {
#define YUSUAN_BIND(name) bind(#name, &api.name);
        YUSUAN_XLSXWRITER_FUNCTIONS(YUSUAN_BIND)
#undef YUSUAN_BIND
      });
  return loaded;
}

// Excel sheet names: at most 31 characters, none of []:*?/\.
std::string SheetName(const std::string& name, std::map<std::string, int>* used) {
  std::string clean;
  size_t chars = 0;
  for (size_t pos = 0; pos < name.size() && chars < 28;) {
    size_t start = pos;
    unsigned char c = static_cast<unsigned char>(name[pos]);
    size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
    pos = std::min(name.size(), pos + len);
    std::string ch = name.substr(start, pos - start);
    if (ch.size() == 1 && std::string("[]:*?/\\").find(ch[0]) != std::string::npos) continue;
    clean += ch;
    ++chars;
  }
  int n = ++(*used)[clean];
  return n == 1 ? clean : clean + "_" + std::to_string(n);
}

}  // namespace

std::string CsvField(std::string_view s) {
  if (std::none_of(s.begin(), s.end(),
                   [](char c) { return c == ',' || c == '"' || c == '\n' || c == '\r'; })) {
    return std::string(s);
  }
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

void WriteCsv(const Document& doc, std::ostream& out) {
  out << "document,file,table_number,table,code,name,side,column,unit,amount_yuan,line\n";
  for (const Table& t : doc.tables) {
    for (const Row& r : t.rows) {
      const SideSpec& side = t.spec->sides[r.side];
      int code = side.code_column();
      const std::span<const Cell> cells = r.cells(t);
      std::string_view code_text = code >= 0 ? cells[code].text.view() : std::string_view();
      for (size_t c = 0; c < side.columns.size() && c < cells.size(); ++c) {
        const Cell& cell = cells[c];
        if (side.columns[c].type != ColumnType::kAmount || !cell.amount().present()) continue;
        out << CsvField(doc.name) << ',' << CsvField(doc.source) << ','
            << static_cast<int>(t.kind()) << ',' << CsvField(std::string(t.spec->name)) << ','
            << CsvField(code_text) << ',' << CsvField(r.label(t)) << ',' << side.id << ','
            << side.columns[c].id << ",元," << FormatYuan(cell.amount().fen) << ',' << cell.at.line
            << '\n';
      }
    }
  }
}

Status WriteXlsx(const Document& doc, const std::vector<Finding>& findings, const std::string& path,
                 const std::string& name) {
  const std::string& shown = name.empty() ? path : name;
  const Result<Xlsxwriter>& loaded = LoadXlsxwriter();
  if (!loaded.ok()) return loaded.status();
  const Xlsxwriter& lxw = *loaded;
  lxw_workbook* wb = lxw.workbook_new(path.c_str());
  if (!wb) return Status::IoError(shown + ": 无法创建 XLSX 文件");
  lxw_format* money = lxw.workbook_add_format(wb);
  lxw.format_set_num_format(money, "0.00");
  lxw_format* bold = lxw.workbook_add_format(wb);
  lxw.format_set_bold(bold);
  std::map<std::string, int> used;

  for (const Table& t : doc.tables) {
    std::string name =
        SheetName(fmt::format("表{} {}", static_cast<int>(t.kind()), t.spec->name), &used);
    lxw_worksheet* ws = lxw.workbook_add_worksheet(wb, name.c_str());
    lxw.worksheet_write_string(ws, 0, 0, t.title.c_str(), bold);
    lxw.worksheet_write_string(ws, 1, 0, (std::string("单位：") + MoneyUnitName(t.unit)).c_str(),
                               nullptr);
    // Header: the columns of every side, side by side, as published.
    int col = 0;
    for (const SideSpec& side : t.spec->sides) {
      for (const ColumnSpec& c : side.columns) {
        lxw.worksheet_write_string(ws, 2, static_cast<lxw_col_t>(col++),
                                   std::string(c.name).c_str(), bold);
      }
    }
    // Rows: the two sides of one printed line share a spreadsheet row.
    std::map<uint32_t, lxw_row_t> row_of_line;
    lxw_row_t next_row = 3;
    for (const Row& r : t.rows) {
      auto [it, inserted] = row_of_line.emplace(r.at.line, next_row);
      if (inserted) ++next_row;
      lxw_row_t row = it->second;
      int offset = t.spec->side_offset(r.side);
      const SideSpec& side = t.spec->sides[r.side];
      const std::span<const Cell> cells = r.cells(t);
      for (size_t c = 0; c < side.columns.size() && c < cells.size(); ++c) {
        const Cell& cell = cells[c];
        lxw_col_t x = static_cast<lxw_col_t>(offset + static_cast<int>(c));
        if (side.columns[c].type == ColumnType::kAmount) {
          if (cell.amount().present()) {
            // A spreadsheet number is a double: the exact fen are divided once, here, for
            // display; at most two decimals of 万元 survive exactly.
            double value =
                static_cast<double>(cell.amount().fen) / static_cast<double>(FenPerUnit(t.unit));
            lxw.worksheet_write_number(ws, row, x, value, money);
          } else if (!cell.text.empty()) {
            lxw.worksheet_write_string(ws, row, x, cell.text.str().c_str(), nullptr);
          }
        } else if (!cell.text.empty()) {
          lxw.worksheet_write_string(ws, row, x, cell.text.str().c_str(), nullptr);
        }
      }
    }
    if (t.no_data) lxw.worksheet_write_string(ws, next_row + 1, 0, "注：本表无数据", nullptr);
    lxw.worksheet_set_column(ws, 0, 1, 28, nullptr);
    lxw.worksheet_set_column(ws, 2, 12, 14, nullptr);
  }

  lxw_worksheet* ind = lxw.workbook_add_worksheet(wb, "绩效指标");
  const char* ind_headers[] = {"目标表所在行", "项目名称", "期间",   "一级指标",
                               "二级指标",     "三级指标", "指标值", "类型",
                               "比较",         "数值",     "单位",   "所在行"};
  for (lxw_col_t c = 0; c < 12; ++c) lxw.worksheet_write_string(ind, 0, c, ind_headers[c], bold);
  lxw_row_t r = 1;
  for (const TargetTable& t : doc.targets) {
    for (int p : {kImplementation, kAnnual}) {
      for (const Indicator& i : t.indicators[p]) {
        lxw.worksheet_write_number(ind, r, 0, t.at.line, nullptr);
        lxw.worksheet_write_string(ind, r, 1, t.project_name.text.str().c_str(), nullptr);
        lxw.worksheet_write_string(ind, r, 2, p == kAnnual ? "年度" : "实施期", nullptr);
        lxw.worksheet_write_string(ind, r, 3, i.level1.str().c_str(), nullptr);
        lxw.worksheet_write_string(ind, r, 4, i.level2.str().c_str(), nullptr);
        lxw.worksheet_write_string(ind, r, 5, i.name.str().c_str(), nullptr);
        lxw.worksheet_write_string(ind, r, 6, i.value.raw.str().c_str(), nullptr);
        lxw.worksheet_write_string(ind, r, 7, std::string(ValueKindId(i.value.kind)).c_str(),
                                   nullptr);
        lxw.worksheet_write_string(ind, r, 8, std::string(i.value.comparator()).c_str(), nullptr);
        lxw.worksheet_write_string(ind, r, 9, std::string(i.value.number()).c_str(), nullptr);
        lxw.worksheet_write_string(ind, r, 10, std::string(i.value.unit()).c_str(), nullptr);
        lxw.worksheet_write_number(ind, r, 11, i.at.line, nullptr);
        ++r;
      }
    }
  }

  lxw_worksheet* fs = lxw.workbook_add_worksheet(wb, "检查发现");
  const char* f_headers[] = {"行", "级别", "规则", "说明", "应为", "实为", "相关行"};
  for (lxw_col_t c = 0; c < 7; ++c) lxw.worksheet_write_string(fs, 0, c, f_headers[c], bold);
  r = 1;
  for (const Finding& f : findings) {
    std::string related;
    for (uint32_t l : f.related_lines) related += (related.empty() ? "" : ",") + std::to_string(l);
    lxw.worksheet_write_number(fs, r, 0, f.line, nullptr);
    lxw.worksheet_write_string(fs, r, 1, std::string(SeverityName(f.severity)).c_str(), nullptr);
    lxw.worksheet_write_string(fs, r, 2, f.rule.c_str(), nullptr);
    lxw.worksheet_write_string(fs, r, 3, f.message.c_str(), nullptr);
    lxw.worksheet_write_string(fs, r, 4, f.expected.c_str(), nullptr);
    lxw.worksheet_write_string(fs, r, 5, f.actual.c_str(), nullptr);
    lxw.worksheet_write_string(fs, r, 6, related.c_str(), nullptr);
    ++r;
  }
  lxw_error err = lxw.workbook_close(wb);
  if (err != LXW_NO_ERROR)
    return Status::IoError(shown + ": 写入 XLSX 失败（" + lxw.lxw_strerror(err) + "）");
  return Status::Ok();
}

}  // namespace yusuan
