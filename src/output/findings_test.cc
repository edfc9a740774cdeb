#include "output/findings.h"

#include <gtest/gtest.h>

#include <sstream>

#include "base/json_writer.h"
#include "base/text.h"
#include "check/rule.h"
#include "read/document_reader.h"
#include "testing/samples.h"

namespace yusuan {
namespace {

// Writes a tree through a JsonWriter, as the encoders write the model and the findings.
void Write(JsonWriter& w, const Json& j) {
  if (j.is_object()) {
    w.BeginObject();
    for (const auto& [key, value] : j.items()) {
      w.Key(key);
      Write(w, value);
    }
    w.EndObject();
  } else if (j.is_array()) {
    w.BeginArray();
    for (const Json& value : j) Write(w, value);
    w.EndArray();
  } else if (j.is_string()) {
    w.String(j.get<std::string>());
  } else {
    w.Int(j.get<int64_t>());
  }
}

// What JsonStream writes for `items` (each written at the stream's depth) placed into
// `skeleton`, next to what dump(2) gives for the whole document built at once.
void ExpectStreamedEqualsDumped(const Json& skeleton, const std::string& key_path,
                                const std::vector<Json>& items) {
  std::ostringstream streamed;
  JsonStream stream(&streamed, skeleton);
  for (const Json& item : items) {
    std::string text;
    JsonWriter w(&text, 2, stream.item_depth());
    Write(w, item);
    stream.ItemAtDepth(text);
  }
  stream.Finish();
  Json whole = skeleton;
  Json array = Json::array();
  for (const Json& item : items) array.push_back(item);
  whole[Json::json_pointer(key_path)] = array;
  EXPECT_EQ(streamed.str(), whole.dump(2) + "\n") << key_path << " with " << items.size();
}

TEST(JsonStream, WritesExactlyWhatDumpWouldForAnyNumberOfItems) {
  const std::string marker(JsonStream::kMarker);
  const std::vector<Json> items = {Json{{"rule", "a"}, {"lines", Json::array({1, 2})}},
                                   Json{{"rule", "b"}, {"nested", Json{{"x", "“引号”"}}}}, 3};
  for (size_t n = 0; n <= items.size(); ++n) {
    std::vector<Json> some(items.begin(), items.begin() + n);
    ExpectStreamedEqualsDumped(Json(marker), "", some);
    ExpectStreamedEqualsDumped(Json{{"findings", marker}}, "/findings", some);
    ExpectStreamedEqualsDumped(
        Json{{"a", 1}, {"runs", Json::array({Json{{"tool", "t"}, {"results", marker}}})}},
        "/runs/0/results", some);
  }
}

// Each finding's JSON and SARIF, written straight into the stream, is what nlohmann prints for
// the same tree, escapes and related lines included.
TEST(FindingsWriter, WritesEachFindingAsDumpWould) {
  Finding f;
  f.rule = "table3.row-sum";
  f.severity = Severity::kWarning;
  f.message = "“引号” \"quoted\" back\\slash\ttab\nline\x01\x1f\x7f 预算";
  f.expected = "6056.35 万元";
  f.file = "dir/文件.txt";
  f.line = 12;
  std::vector<Checked> checked(1);
  checked[0].findings.push_back(f);
  f.related_lines = {3};
  checked[0].findings.push_back(f);
  f.related_lines = {3, 40, 500};
  f.severity = Severity::kError;
  checked[0].findings.push_back(f);
  for (std::string_view format : {"json", "sarif"}) {
    std::ostringstream out;
    auto writer = MakeFindingsWriter(format, &out);
    writer->File(checked[0]);  // JSON and SARIF read only the findings
    writer->Finish();
    const Json expected = format == "json" ? FindingsJson(checked) : Sarif(checked);
    EXPECT_EQ(out.str(), expected.dump(2) + "\n") << format;
  }
}

TEST(FindingsWriter, GivesWhatTheWholeListFunctionsGive) {
  const char* name = "001_8dd967fac47080d3.txt";
  std::string text = testing::SampleBytes(name);
  auto doc = ReadDecoded(text, name, "UTF-8");
  ASSERT_TRUE(doc.ok());
  std::vector<Checked> checked = {Checked{&*doc, CheckDocument(*doc)}};
  ASSERT_FALSE(checked[0].findings.empty());
  auto written = [&](std::string_view format) {
    std::ostringstream out;
    auto writer = MakeFindingsWriter(format, &out);
    writer->File(checked[0]);
    writer->Finish();
    return out.str();
  };
  std::ostringstream listing;
  PrintFindingsText(checked, listing);
  EXPECT_EQ(written("text"), listing.str());
  EXPECT_EQ(written("json"), FindingsJson(checked).dump(2) + "\n");
  EXPECT_EQ(written("sarif"), Sarif(checked).dump(2) + "\n");
  EXPECT_EQ(written("html"), HtmlReport(checked));
}

// A file name need not be UTF-8; the report, which declares UTF-8, stays valid: the bytes it
// cannot read become U+FFFD, and HTML's special characters in the name are escaped.
TEST(HtmlReport, StaysValidUtf8WhateverTheFileName) {
  const std::string name = "\xFF\xFE预算<1>.txt";
  auto doc = ReadDecoded(testing::SampleBytes("000_da7aa4487f922a22.txt"), name, "UTF-8");
  ASSERT_TRUE(doc.ok());
  const std::string html = HtmlReport({Checked{&*doc, CheckDocument(*doc)}});
  EXPECT_TRUE(IsValidUtf8(html));
  EXPECT_NE(html.find("\uFFFD\uFFFD预算&lt;1&gt;.txt"), std::string::npos);
}

}  // namespace
}  // namespace yusuan
