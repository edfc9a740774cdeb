// JSON written straight into a string, byte for byte as nlohmann::json's dump() and dump(indent)
// print the same tree, without building the tree. The model of a disclosure prints as four to
// five times its input; built as a tree first, every value was a node allocated and freed, and
// `yusuan parse --format json` ran at a sixth of the speed of reading and checking.
//
//   std::string out;
//   JsonWriter w(&out, 2);            // indent 2, as dump(2); -1 compact, as dump()
//   w.BeginObject();
//   w.Field("name", "高平市医疗保险服务中心");
//   w.Key("rows");
//   w.BeginArray();
//   w.Int(7);
//   w.EndArray();
//   w.EndObject();                    // {"name": "…", "rows": [7]}, laid out as dump(2) does
//
// Strings are escaped as nlohmann escapes them (", \, and control characters; other bytes as
// they are); bytes that are not valid UTF-8, which nlohmann refuses, become U+FFFD.
#pragma once

#include <concepts>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace yusuan {

class JsonWriter {
 public:
  // `indent` < 0: compact; otherwise that many spaces per level, a member or element per line.
  // `depth`: the level the text starts at, when it goes inside a larger text (its lines are
  // indented for that level; its first line is where the caller puts it).
  JsonWriter(std::string* out, int indent, size_t depth = 0)
      : out_(out), indent_(indent), depth_(depth) {}
  // From now on, whenever a container closes with at least `bytes` in the string, the string is
  // written to `sink` and emptied: a text of any size is written in pieces of about that size
  // instead of being held whole. The bytes written are the same.
  void SpillTo(std::ostream* sink, size_t bytes) {
    sink_ = sink;
    spill_at_ = bytes;
  }

  // A container as a value (of a key, of an array, or the whole text). REQUIRES: Begin and End
  // pair up, and every value in an object follows its Key().
  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }

  void Key(std::string_view key);
  void String(std::string_view s);
  void Int(int64_t v);
  void Bool(bool b);
  void Null();

  // A key and its value.
  void Field(std::string_view key, std::string_view s) {
    Key(key);
    String(s);
  }
  void Field(std::string_view key, const char* s) { Field(key, std::string_view(s)); }
  void Field(std::string_view key, bool b) {
    Key(key);
    Bool(b);
  }
  template <std::integral T>
  requires(!std::same_as<T, bool>) void Field(std::string_view key, T v) {
    Key(key);
    Int(static_cast<int64_t>(v));
  }

 private:
  void BeforeValue();
  void Open(char bracket);
  void Close(char bracket);
  void NewLine(size_t depth);
  void Escaped(std::string_view s);
  void AppendEscape(unsigned char c);  // an ASCII byte that must be escaped

  std::string* out_;
  std::ostream* sink_ = nullptr;
  size_t spill_at_ = SIZE_MAX;
  int indent_;
  size_t depth_;
  std::vector<bool> empty_;  // per open container: nothing written in it yet
  bool after_key_ = false;
};

// The text `write(writer)` writes, at `indent` (as JsonWriter's).
template <typename Write>
std::string JsonText(int indent, Write write) {
  std::string text;
  JsonWriter w(&text, indent);
  write(w);
  return text;
}

}  // namespace yusuan
