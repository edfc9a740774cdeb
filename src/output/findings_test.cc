#include "output/findings.h"

#include <gtest/gtest.h>

#include <sstream>

#include "base/json_writer.h"
#include "check/rule.h"
#include "read/document_reader.h"
#include "testing/samples.h"

namespace yusuan {
namespace {

// What JsonStream writes for `items` placed into `skeleton`, next to what dump(2) gives for
// the whole document built at once.
void ExpectStreamedEqualsDumped(const Json& skeleton, const std::string& key_path,
                                const std::vector<Json>& items) {
  std::ostringstream streamed;
  JsonStream stream(&streamed, skeleton);
  for (const Json& item : items) stream.Item(item);
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

// Items written at the stream's depth by a JsonWriter go out as they are, and the whole is
// still what dump(2) prints.
TEST(JsonStream, ItemsWrittenAtItsDepthEqualTheDump) {
  const std::string marker(JsonStream::kMarker);
  const std::vector<Json> items = {Json{{"rule", "a"}, {"lines", Json::array({1, 2})}},
                                   Json{{"rule", "b"}, {"nested", Json{{"x", "“引号”"}}}}};
  auto write = [](JsonWriter& w, size_t k) {
    w.BeginObject();
    w.Field("rule", k == 0 ? "a" : "b");
    if (k == 0) {
      w.Key("lines");
      w.BeginArray();
      w.Int(1);
      w.Int(2);
      w.EndArray();
    } else {
      w.Key("nested");
      w.BeginObject();
      w.Field("x", "“引号”");
      w.EndObject();
    }
    w.EndObject();
  };
  const std::vector<std::pair<Json, std::string>> skeletons = {
      {Json(marker), ""},
      {Json{{"findings", marker}}, "/findings"},
      {Json{{"a", 1}, {"runs", Json::array({Json{{"tool", "t"}, {"results", marker}}})}},
       "/runs/0/results"}};
  for (const auto& [skeleton, path] : skeletons) {
    for (size_t n = 0; n <= items.size(); ++n) {
      std::ostringstream streamed;
      JsonStream stream(&streamed, skeleton);
      for (size_t k = 0; k < n; ++k) {
        std::string text;
        JsonWriter w(&text, 2, stream.item_depth());
        write(w, k);
        stream.ItemAtDepth(text);
      }
      stream.Finish();
      Json whole = skeleton;
      whole[Json::json_pointer(path)] = Json(std::vector<Json>(items.begin(), items.begin() + n));
      EXPECT_EQ(streamed.str(), whole.dump(2) + "\n") << path << " with " << n;
    }
  }
}

TEST(FindingJsonText, IsWhatDumpWrites) {
  Finding f;
  f.rule = "table3.row-sum";
  f.severity = Severity::kWarning;
  f.message = "“引号” \"quoted\" back\\slash\ttab\nline\x01\x1f\x7f 预算";
  f.expected = "6056.35 万元";
  f.file = "dir/文件.txt";
  f.line = 12;
  EXPECT_EQ(FindingJsonText(f), FindingJson(f).dump(2));
  f.related_lines = {3};
  EXPECT_EQ(FindingJsonText(f), FindingJson(f).dump(2));
  f.related_lines = {3, 40, 500};
  f.severity = Severity::kError;
  EXPECT_EQ(FindingJsonText(f), FindingJson(f).dump(2));
}

TEST(FindingsWriter, GivesWhatTheWholeListFunctionsGive) {
  const char* name = "001_8dd967fac47080d3.txt";
  std::string text = testing::SampleBytes(name);
  auto doc = ReadDecoded(text, name, "UTF-8");
  ASSERT_TRUE(doc.ok());
  std::vector<Checked> checked = {Checked{&*doc, &text, CheckDocument(*doc)}};
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

TEST(FindingsWriter, OnlyTheTextListingQuotesSourceLines) {
  std::ostringstream out;
  EXPECT_TRUE(MakeFindingsWriter("text", &out)->QuotesLines());
  for (std::string_view format : {"json", "sarif", "html"}) {
    EXPECT_FALSE(MakeFindingsWriter(format, &out)->QuotesLines()) << format;
  }
}

}  // namespace
}  // namespace yusuan
