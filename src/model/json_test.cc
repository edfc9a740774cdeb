#include "model/json.h"

#include <gtest/gtest.h>

#include <sstream>
#include <vector>

#include "read/document_reader.h"
#include "testing/samples.h"

namespace yusuan {
namespace {

constexpr auto& kSeeds = testing::kSampleNames;

TEST(Json, EverySeedRoundTripsThroughTheModelUnchanged) {
  for (const char* seed : kSeeds) {
    SCOPED_TRACE(seed);
    auto doc = ReadDocumentFile(testing::SamplePath(seed));
    ASSERT_TRUE(doc.ok()) << doc.status().message();
    Json first = ToJson(*doc);
    auto back = DocumentFromJson(Json::parse(first.dump()));
    ASSERT_TRUE(back.ok()) << back.status().message();
    EXPECT_EQ(ToJson(*back), first);
  }
}

// DocumentJson writes the text without a tree; what it writes must be what nlohmann prints for
// the tree that text is, compact and indented, so that every reader of either form agrees.
TEST(Json, ADocumentReadFromJsonKeepsItsTextsAfterTheTreeIsGone) {
  // The JSON reader copies texts into the document's backing (model/text.h), not one allocation
  // each; they must not refer to the tree, which goes first (ASan would catch it).
  auto doc = ReadDocumentFile(testing::SamplePath(kSeeds[4]));
  ASSERT_TRUE(doc.ok());
  Result<Document> back = Status::InvalidArgument("unread");
  {
    Json tree = ToJson(*doc);
    back = DocumentFromJson(tree);
  }
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(ToJson(*back), ToJson(*doc));  // as the round-trip test compares
  EXPECT_TRUE(back->text().empty());       // a model read from JSON has no decoded text
  size_t owned = 0, texts = 0;
  for (const TargetTable& t : back->targets) {
    for (const auto& side : t.indicators) {
      for (const Indicator& i : side) {
        texts += 2;
        owned += i.name.owned() + i.value.raw.owned();
      }
    }
  }
  ASSERT_GT(texts, 0u);
  EXPECT_EQ(owned, 0u);
}

TEST(Json, DocumentTextIsWhatNlohmannPrintsForItsTree) {
  for (const char* seed : kSeeds) {
    SCOPED_TRACE(seed);
    auto doc = ReadDocumentFile(testing::SamplePath(seed));
    ASSERT_TRUE(doc.ok()) << doc.status().message();
    const std::string pretty = DocumentJson(*doc, 2);
    const std::string compact = DocumentJson(*doc, -1);
    const Json tree = Json::parse(pretty);
    EXPECT_TRUE(pretty == tree.dump(2));  // not EXPECT_EQ: megabytes of text on failure
    EXPECT_TRUE(compact == tree.dump());
    EXPECT_TRUE(Json::parse(compact) == tree);
  }
}

TEST(Json, DocumentTextAppendsToWhatIsThere) {
  auto doc = ReadDocumentFile(testing::SamplePath("000_da7aa4487f922a22.txt"));
  ASSERT_TRUE(doc.ok());
  std::string out = "[";
  AppendDocumentJson(*doc, -1, &out);
  EXPECT_EQ(out, "[" + DocumentJson(*doc, -1));
}

// Written to a stream as it is made (for documents too large to hold printed), at any depth:
// the same text as appended to a string.
TEST(Json, DocumentWrittenToAStreamIsTheSameText) {
  std::vector<Result<Document>> docs;
  for (const char* seed : kSeeds) docs.push_back(ReadDocumentFile(testing::SamplePath(seed)));
  // One whose text (some megabytes) is written in several pieces.
  const std::string text = testing::SampleBytes("004_0beacd04c5a77258.txt");
  docs.push_back(ReadDocument(text + text + text + text, "004x4.txt"));
  for (const Result<Document>& doc : docs) {
    ASSERT_TRUE(doc.ok());
    SCOPED_TRACE(doc->source);
    for (size_t depth : {0, 2}) {
      std::ostringstream streamed;
      WriteDocumentJson(*doc, 2, &streamed, depth);
      std::string appended;
      AppendDocumentJson(*doc, 2, &appended, depth);
      EXPECT_TRUE(streamed.str() == appended);
    }
  }
}

TEST(Json, MoneyIsYuanWithTwoDecimalsBesideThePrintedText) {
  auto doc = ReadDocumentFile(testing::SamplePath("001_8dd967fac47080d3.txt"));
  ASSERT_TRUE(doc.ok());
  Json j = ToJson(*doc);
  EXPECT_EQ(j["summary"]["income_total"], "60563500.00");
  EXPECT_EQ(j["summary"]["three_public"], "21800.00");
  EXPECT_EQ(j["summary"]["kind"], "unit");
  const Json& t1 = j["tables"][0];
  EXPECT_EQ(t1["kind"], "budget_summary");
  const Json& cell = t1["rows"][0]["cells"]["amount"];
  EXPECT_EQ(cell["yuan"], "60563500.00");
  EXPECT_EQ(cell["printed"], "6056.35");
  EXPECT_EQ(cell["col"], 2);
}

TEST(Json, RejectsDocumentsThatAreNotOurs) {
  EXPECT_FALSE(DocumentFromJson(Json::parse("{}")).ok());
  EXPECT_FALSE(DocumentFromJson(Json::parse("[1,2]")).ok());
  auto doc = ReadDocumentFile(testing::SamplePath("001_8dd967fac47080d3.txt"));
  Json j = ToJson(*doc);
  j["tables"][0]["rows"][0]["cells"]["amount"]["yuan"] = "1.00";  // disagrees with printed
  auto bad = DocumentFromJson(j);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("不一致"), std::string::npos);
  j = ToJson(*doc);
  j["tables"][0]["kind"] = "no_such_table";
  EXPECT_FALSE(DocumentFromJson(j).ok());
}

}  // namespace
}  // namespace yusuan
