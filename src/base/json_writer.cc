#include "base/json_writer.h"

#include <array>
#include <charconv>

#include "base/text.h"

namespace yusuan {

void JsonWriter::NewLine(size_t depth) {
  out_->push_back('\n');
  out_->append((depth_ + depth) * static_cast<size_t>(indent_), ' ');
}

// A value starts after its key, or after the separator and the line break of its array.
void JsonWriter::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (empty_.empty()) return;  // the whole text
  if (!empty_.back()) out_->push_back(',');
  empty_.back() = false;
  if (indent_ >= 0) NewLine(empty_.size());
}

void JsonWriter::Open(char bracket) {
  BeforeValue();
  out_->push_back(bracket);
  empty_.push_back(true);
}

void JsonWriter::Close(char bracket) {
  const bool empty = empty_.back();
  empty_.pop_back();
  if (!empty && indent_ >= 0) NewLine(empty_.size());
  out_->push_back(bracket);
  if (out_->size() >= spill_at_) {
    sink_->write(out_->data(), static_cast<std::streamsize>(out_->size()));
    out_->clear();
  }
}

void JsonWriter::Key(std::string_view key) {
  BeforeValue();
  Escaped(key);
  out_->append(indent_ >= 0 ? ": " : ":");
  after_key_ = true;
}

void JsonWriter::String(std::string_view s) {
  BeforeValue();
  Escaped(s);
}

void JsonWriter::Int(int64_t v) {
  BeforeValue();
  char digits[24];  // int64 takes at most 20 characters with its sign
  const auto end = std::to_chars(digits, digits + sizeof digits, v).ptr;
  out_->append(digits, static_cast<size_t>(end - digits));
}

void JsonWriter::Bool(bool b) {
  BeforeValue();
  out_->append(b ? "true" : "false");
}

void JsonWriter::Null() {
  BeforeValue();
  out_->append("null");
}

namespace {

// The length of the UTF-8 sequence at s[i] when it is a well-formed one (Unicode's table 3-7:
// no overlong forms, no surrogates, nothing beyond U+10FFFF), else 0.
size_t SequenceAt(std::string_view s, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  auto in = [&](size_t k, unsigned char lo, unsigned char hi) {
    return k < s.size() && byte(k) >= lo && byte(k) <= hi;
  };
  const unsigned char c = byte(i);
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return in(i + 1, 0x80, 0xBF) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    const unsigned char lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
    return in(i + 1, lo, hi) && in(i + 2, 0x80, 0xBF) ? 3 : 0;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    const unsigned char lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
    return in(i + 1, lo, hi) && in(i + 2, 0x80, 0xBF) && in(i + 3, 0x80, 0xBF) ? 4 : 0;
  }
  return 0;
}

// The first byte at or after `from` that JSON must escape (a control character, '"' or '\\'),
// or npos: sixteen bytes a step, passing over every other byte, multi-byte characters
// included (for text known to be UTF-8).
size_t FindEscape(std::string_view s, size_t from) {
  return detail::FindByte(
      s, from,
#ifdef __SSE2__
      [](__m128i v) {
        // Shifted by 0x80, the control characters 00-1F are the signed bytes below -96.
        const __m128i shifted = _mm_add_epi8(v, _mm_set1_epi8(static_cast<char>(0x80)));
        return _mm_or_si128(_mm_cmplt_epi8(shifted, _mm_set1_epi8(static_cast<char>(0x80 + 0x20))),
                            _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
                                         _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))));
      },
#else
      nullptr,
#endif
      [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == '"' || c == '\\'; });
}

// Text this long is validated whole (simdjson, a vector unit at a time) and then searched for
// the bytes to escape; shorter text costs less in one pass of its own.
constexpr size_t kLongText = 32;

// What an ASCII byte becomes: 0 itself; 1 a two-character escape; 2 \u00XX.
constexpr auto kEscape = [] {
  std::array<uint8_t, 128> kind{};
  for (int c = 0; c < 0x20; ++c) kind[c] = 2;
  for (unsigned char c : {'\b', '\t', '\n', '\f', '\r', '"', '\\'}) kind[c] = 1;
  return kind;
}();

}  // namespace

void JsonWriter::AppendEscape(unsigned char c) {
  if (kEscape[c] == 1) {
    static constexpr char kLetter[] = "btn_fr";  // \b 08, \t 09, \n 0A, \f 0C, \r 0D
    out_->push_back('\\');
    out_->push_back(c >= 0x08 && c <= 0x0D ? kLetter[c - 0x08] : static_cast<char>(c));
  } else {
    static constexpr char kHex[] = "0123456789abcdef";
    out_->append("\\u00");
    out_->push_back(kHex[c >> 4]);
    out_->push_back(kHex[c & 15]);
  }
}

void JsonWriter::Escaped(std::string_view s) {
  if (s.size() >= kLongText && IsValidUtf8(s)) {
    out_->push_back('"');
    size_t run = 0;
    for (size_t i = FindEscape(s, 0); i != std::string_view::npos; i = FindEscape(s, i + 1)) {
      out_->append(s, run, i - run);
      run = i + 1;
      AppendEscape(static_cast<unsigned char>(s[i]));
    }
    out_->append(s, run, std::string_view::npos);
    out_->push_back('"');
    return;
  }
  const size_t start = out_->size();
  out_->push_back('"');
  // One pass: runs of bytes that need nothing are copied whole; a sequence that is not UTF-8
  // sends the text, from its start, to be written with U+FFFD in its place.
  size_t run = 0;
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      const size_t n = SequenceAt(s, i);
      if (n == 0) {
        out_->resize(start);
        std::string valid;
        for (size_t pos = 0; pos < s.size();) AppendUtf8(NextCodePoint(s, &pos), &valid);
        Escaped(valid);
        return;
      }
      i += n;
      continue;
    }
    if (kEscape[c] == 0) {
      ++i;
      continue;
    }
    out_->append(s, run, i - run);
    run = i + 1;
    AppendEscape(c);
    ++i;
  }
  out_->append(s, run, std::string_view::npos);
  out_->push_back('"');
}

}  // namespace yusuan
