#include "base/json_writer.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

namespace yusuan {
namespace {

using Tree = nlohmann::ordered_json;

// Writes a tree through the writer, the way the model's encoder calls it.
void Write(JsonWriter& w, const Tree& j) {
  switch (j.type()) {
    case Tree::value_t::object:
      w.BeginObject();
      for (const auto& [key, value] : j.items()) {
        w.Key(key);
        Write(w, value);
      }
      w.EndObject();
      break;
    case Tree::value_t::array:
      w.BeginArray();
      for (const Tree& value : j) Write(w, value);
      w.EndArray();
      break;
    case Tree::value_t::string:
      w.String(j.get<std::string>());
      break;
    case Tree::value_t::boolean:
      w.Bool(j.get<bool>());
      break;
    case Tree::value_t::null:
      w.Null();
      break;
    default:
      w.Int(j.get<int64_t>());
      break;
  }
}

std::string Written(const Tree& j, int indent) {
  std::string out;
  JsonWriter w(&out, indent);
  Write(w, j);
  return out;
}

std::string EveryControlCharacter() {
  std::string s;
  for (char c = 0; c < 0x20; ++c) s.push_back(c);
  return s;
}

TEST(JsonWriter, PrintsAsNlohmannDumpsTheSameTree) {
  const Tree cases[] = {
      Tree::object(),
      Tree::array(),
      Tree("预算"),
      Tree(-42),
      Tree(true),
      Tree{{"a", Tree::object()}, {"b", Tree::array()}, {"c", Tree::array({Tree::object()})}},
      Tree{{"text", "收入合计"}, {"line", 12}, {"col", 3}, {"doubtful", false}},
      Tree{{"quotes", "他说\"好\""}, {"backslash", "C:\\预算\\"}, {"delete", "\x7f"}},
      Tree{{"controls", EveryControlCharacter()}, {"tab", "a\tb"}, {"crlf", "a\r\nb"}},
      Tree{{"rows", {Tree{{"cells", Tree::object()}}, Tree{{"n", {1, 2, {3, Tree::array()}}}}}}},
      Tree{{"", ""}, {"empty key and value", Tree::array({"", 0, false})}},
      Tree{{"big", int64_t{9007199254740993}}, {"negative", int64_t{-9007199254740993}}},
      Tree{{"absent", nullptr}, {"list", Tree::array({nullptr, "值", nullptr})}},
  };
  for (const Tree& j : cases) {
    SCOPED_TRACE(j.dump());
    EXPECT_EQ(Written(j, 2), j.dump(2));
    EXPECT_EQ(Written(j, 4), j.dump(4));
    EXPECT_EQ(Written(j, -1), j.dump());
  }
}

TEST(JsonWriter, KeysOfEveryKindAndDeepIndentationPrintAsNlohmannDumps) {
  // Plain ASCII keys take a shorter path than keys to escape, long ones and Chinese ones; the
  // indentation comes from a fixed run of spaces up to 256, beyond it as many as needed.
  Tree keys{{"键", 1},
            {"a\"b", 2},
            {"back\\slash", 3},
            {"tab\tkey", 4},
            {"\x7f", 5},
            {std::string(35, 'k'), 6},
            {std::string(36, 'k'), 7},
            {std::string(37, 'k'), 8},
            {std::string(100, 'k'), 9}};
  Tree deep = Tree::array({"底"});
  for (int level = 0; level < 150; ++level) deep = Tree{{"level", deep}, {"n", level}};
  for (const Tree& j : {keys, deep}) {
    EXPECT_EQ(Written(j, 2), j.dump(2));
    EXPECT_EQ(Written(j, 4), j.dump(4));
    EXPECT_EQ(Written(j, -1), j.dump());
  }
}

TEST(JsonWriter, ControlCharactersAreEscapedAsNlohmannEscapesThem) {
  std::string out;
  JsonWriter w(&out, -1);
  w.String(std::string("\x01\b\x1f", 3));
  EXPECT_EQ(out, "\"\\u0001\\b\\u001f\"");
}

TEST(JsonWriter, InvalidUtf8BecomesReplacementCharactersAndStillParses) {
  std::string out;
  JsonWriter w(&out, -1);
  w.String("收\xE5\x85");  // a character cut after two of its three bytes
  ASSERT_NO_THROW(Tree::parse(out));
  const std::string back = Tree::parse(out).get<std::string>();
  EXPECT_TRUE(back.starts_with("收"));
  EXPECT_NE(back.find("\xEF\xBF\xBD"), std::string::npos);  // U+FFFD
}

TEST(JsonWriter, EveryIllFormedSequenceIsReplacedAndValidOnesKept) {
  const std::string cases[] = {
      "\xC0\xAF",          // overlong '/'
      "\xED\xA0\x80",      // a surrogate
      "\xF4\x90\x80\x80",  // beyond U+10FFFF
      "\x80",              // a lone continuation byte
      "a\xFF"
      "b",                                     // a byte that is never UTF-8
      "\xE6\x94\xB6\xF0\x9F\x98\x80\xC3\xA9",  // 收, an emoji, é: valid, kept as they are
  };
  for (const std::string& text : cases) {
    std::string out;
    JsonWriter w(&out, -1);
    w.String(text);
    SCOPED_TRACE(out);
    ASSERT_NO_THROW(Tree::parse(out));
    EXPECT_EQ(out, Tree(Tree::parse(out).get<std::string>()).dump());
  }
  std::string out;
  JsonWriter w(&out, -1);
  w.String(cases[5]);
  EXPECT_EQ(out, "\"" + cases[5] + "\"");
}

// Long texts take another path (validated whole, then searched sixteen bytes at a time): the
// same escapes at every length around the switch and at every position within a block, and
// the same replacement of bytes that are not UTF-8.
TEST(JsonWriter, TextsOfEveryLengthAreEscapedAlike) {
  const std::string specials[] = {"\"", "\\", "\n", std::string(1, '\0'), "\x1f", "\x7f", "预"};
  for (size_t length = 0; length <= 80; ++length) {
    for (const std::string& special : specials) {
      for (size_t at : {size_t{0}, length / 2, length}) {
        // `length` bytes of ASCII and Chinese, the special one put between two characters.
        std::string text;
        bool placed = false;
        while (text.size() < length) {
          if (!placed && text.size() + 3 > at) {
            text += special;
            placed = true;
          }
          text += text.size() % 5 == 0 ? "算" : "a";
        }
        if (!placed) text += special;
        std::string out;
        JsonWriter w(&out, -1);
        w.String(text);
        ASSERT_EQ(out, Tree(text).dump()) << length << " " << at;
      }
    }
    std::string cut(length, 'a');
    cut += "收\xE5\x85";  // cut after two of three bytes
    std::string out;
    JsonWriter w(&out, -1);
    w.String(cut);
    // Each byte that does not make a character becomes one U+FFFD, at every length.
    ASSERT_EQ(out, "\"" + std::string(length, 'a') + "收\xEF\xBF\xBD\xEF\xBF\xBD\"") << length;
  }
}

// A text at a depth: its lines indented for that level, its first line where it is put.
TEST(JsonWriter, StartsAtTheDepthItIsGiven) {
  std::string out;
  JsonWriter w(&out, 2, 2);
  Write(w, Tree{{"a", Tree::array({1})}});
  EXPECT_EQ(out, "{\n      \"a\": [\n        1\n      ]\n    }");
}

TEST(JsonWriter, FieldsTakeTextsNumbersAndBooleansForWhatTheyAre) {
  std::string out;
  JsonWriter w(&out, -1);
  w.BeginObject();
  w.Field("literal", "是");  // a string literal is text, not a true pointer
  w.Field("view", std::string_view("否"));
  w.Field("string", std::string("文"));
  w.Field("unsigned", uint32_t{4000000000});
  w.Field("short", uint16_t{7});
  w.Field("negative", int32_t{-1});
  w.Field("flag", false);
  w.EndObject();
  EXPECT_EQ(out,
            "{\"literal\":\"是\",\"view\":\"否\",\"string\":\"文\",\"unsigned\":4000000000,"
            "\"short\":7,\"negative\":-1,\"flag\":false}");
}

// A writer that spills gives the same bytes, written to the sink in pieces as containers close,
// and holds no more than a piece and the container that closes it.
TEST(JsonWriter, SpillingWritesTheSameTextInPiecesWhileItIsMade) {
  Tree rows = Tree::array();
  for (int i = 0; i < 2000; ++i) rows.push_back(Tree{{"行", i}, {"名称", "一般行政管理事务"}});
  const Tree doc{{"rows", rows}};
  std::ostringstream sink;
  std::string held;
  size_t most_held = 0;
  JsonWriter w(&held, 2);
  w.SpillTo(&sink, 1000);
  w.BeginObject();
  w.Key("rows");
  w.BeginArray();
  for (int i = 0; i < 2000; ++i) {
    Write(w, rows[i]);
    most_held = std::max(most_held, held.size());
  }
  w.EndArray();
  w.EndObject();
  sink << held;
  EXPECT_TRUE(sink.str() == doc.dump(2));
  EXPECT_LT(most_held, 1000u + 100u);  // a row prints in under 100 bytes
}

TEST(JsonWriter, AppendsAfterWhatTheStringHolds) {
  std::string out = "前缀";
  JsonWriter w(&out, 2);
  w.BeginArray();
  w.EndArray();
  EXPECT_EQ(out, "前缀[]");
}

}  // namespace
}  // namespace yusuan
