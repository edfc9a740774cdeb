#include "base/json_writer.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
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
  };
  for (const Tree& j : cases) {
    SCOPED_TRACE(j.dump());
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

TEST(JsonWriter, AppendsAfterWhatTheStringHolds) {
  std::string out = "前缀";
  JsonWriter w(&out, 2);
  w.BeginArray();
  w.EndArray();
  EXPECT_EQ(out, "前缀[]");
}

}  // namespace
}  // namespace yusuan
