#include "output/query_printer.h"

#include <gtest/gtest.h>

#include <sstream>

namespace yusuan {
namespace {

using RowValues = std::vector<std::optional<std::string_view>>;

std::string Print(const std::string& format, const std::vector<std::string>& columns,
                  const std::vector<RowValues>& rows) {
  std::ostringstream out;
  QueryPrinter p(format, &out);
  p.Columns(columns);
  for (const RowValues& r : rows) p.Row(r);
  p.Finish();
  return out.str();
}

TEST(QueryPrinter, JsonIsTheRowsAsObjectsWithARepeatedNameOnce) {
  EXPECT_EQ(Print("json", {"id", "name", "id"}, {{"1", "高平", "2"}, {std::nullopt, "孟县", "3"}}),
            "[\n  {\n    \"id\": \"2\",\n    \"name\": \"高平\"\n  },\n"
            "  {\n    \"id\": \"3\",\n    \"name\": \"孟县\"\n  }\n]\n");
  EXPECT_EQ(Print("json", {"id"}, {}), "[]\n");
  EXPECT_EQ(Print("json", {"a", "b"}, {{std::nullopt, "x"}}),
            "[\n  {\n    \"a\": null,\n    \"b\": \"x\"\n  }\n]\n");
}

TEST(QueryPrinter, CsvQuotesWhatNeedsIt) {
  EXPECT_EQ(Print("csv", {"name", "note"}, {{"a,b", std::nullopt}, {"say \"hi\"", "ok"}}),
            "name,note\n\"a,b\",\n\"say \"\"hi\"\"\",ok\n");
}

TEST(QueryPrinter, TheTableIsAlignedOnItsFirstRowsAndCountsThemAll) {
  EXPECT_EQ(Print("table", {"名称", "n"}, {{"高平市", "1"}, {"a", std::nullopt}}),
            "名称    n\n高平市  1\na       NULL\n（2 行）\n");
  std::vector<RowValues> rows(QueryPrinter::kAligned, RowValues{"x", "1"});
  rows.push_back({"a much wider cell", "2"});
  const std::string out = Print("table", {"k", "v"}, rows);
  EXPECT_TRUE(out.starts_with("k  v\nx  1\n")) << out.substr(0, 40);
  EXPECT_NE(out.find("\na much wider cell  2\n（1001 行）\n"), std::string::npos);
}

}  // namespace
}  // namespace yusuan
