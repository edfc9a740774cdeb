#include "output/export.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "check/rule.h"
#include "read/document_reader.h"
#include "testing/samples.h"

namespace yusuan {
namespace {

namespace fs = std::filesystem;

std::vector<std::vector<std::string>> ReadCsv(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().push_back(field);
      field.clear();
    } else if (c == '\n') {
      rows.back().push_back(field);
      field.clear();
      rows.emplace_back();
    } else if (c != '\r') {
      field += c;
    }
  }
  if (!field.empty() || !rows.back().empty()) rows.back().push_back(field);
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

TEST(Export, XlsxOfSeed003OpensInLibreOfficeWithTheModelsNumbers) {
  auto doc = ReadDocumentFile(testing::SamplePath("003_e6ae60a0aa2cb151.txt"));
  ASSERT_TRUE(doc.ok());
  fs::path dir = fs::temp_directory_path() / ("yusuan_xlsx_" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  fs::path xlsx = dir / "003.xlsx";
  ASSERT_TRUE(WriteXlsx(*doc, CheckDocument(*doc), xlsx.string()).ok());
  // Every sheet to its own CSV, numbers unformatted.
  std::string command =
      "cd '" + dir.string() + "' && timeout 300 libreoffice --headless " +
      "-env:UserInstallation=file://" + (dir / "profile").string() +
      " --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,"
      "false,false,-1' --outdir '" +
      dir.string() + "' '" + xlsx.string() + "' >/dev/null 2>&1";
  ASSERT_EQ(std::system(command.c_str()), 0) << "LibreOffice could not open the XLSX";
  int compared = 0;
  for (const Table& t : doc->tables) {
    fs::path csv = dir / ("003-表" + std::to_string(static_cast<int>(t.kind())) + " " +
                          std::string(t.spec->name) + ".csv");
    ASSERT_TRUE(fs::exists(csv)) << csv;
    std::vector<std::vector<std::string>> rows = ReadCsv(csv);
    // Rows 0-2: title, unit, header; then one spreadsheet row per printed line, in order.
    std::vector<uint32_t> lines;
    for (const Row& r : t.rows) {
      if (lines.empty() || lines.back() != r.at.line) lines.push_back(r.at.line);
    }
    for (const Row& r : t.rows) {
      size_t index = 3 + (std::find(lines.begin(), lines.end(), r.at.line) - lines.begin());
      ASSERT_LT(index, rows.size()) << csv;
      int offset = t.spec->side_offset(r.side);
      const SideSpec& side = t.spec->sides[r.side];
      const std::span<const Cell> cells = r.cells(t);
      for (size_t c = 0; c < side.columns.size(); ++c) {
        if (side.columns[c].type != ColumnType::kAmount || !cells[c].amount().present()) continue;
        size_t x = static_cast<size_t>(offset) + c;
        ASSERT_LT(x, rows[index].size()) << csv << " row " << index;
        auto value = ParseAmount(rows[index][x], t.unit);
        ASSERT_TRUE(value.ok()) << csv << ": " << rows[index][x];
        EXPECT_EQ(value->fen, cells[c].amount().fen) << csv << " line " << r.at.line;
        ++compared;
      }
    }
  }
  EXPECT_GT(compared, 300);
  std::vector<std::vector<std::string>> indicators = ReadCsv(dir / "003-绩效指标.csv");
  size_t expected = 1;
  for (const TargetTable& t : doc->targets)
    expected += t.indicators[0].size() + t.indicators[1].size();
  EXPECT_EQ(indicators.size(), expected);
  fs::remove_all(dir);
}

TEST(Export, CsvHasOneFigurePerRowInYuan) {
  auto doc = ReadDocumentFile(testing::SamplePath("001_8dd967fac47080d3.txt"));
  ASSERT_TRUE(doc.ok());
  std::stringstream out;
  WriteCsv(*doc, out);
  std::string text = out.str();
  EXPECT_EQ(text.substr(0, text.find('\n')),
            "document,file,table_number,table,code,name,side,column,unit,amount_yuan,line");
  EXPECT_NE(text.find(",1,预算收支总表,,一、一般公共预算,income,amount,元,60563500.00,"),
            std::string::npos);
  EXPECT_NE(
      text.find(
          ",3,预算支出总表,2080505,机关事业单位基本养老保险缴费支出,main,basic,元,378900.00,"),
      std::string::npos);
  EXPECT_EQ(CsvField("a,\"b\""), "\"a,\"\"b\"\"\"");
}

}  // namespace
}  // namespace yusuan
