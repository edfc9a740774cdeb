// The prose of a document as the wording rules read it: every text a reviewer reads, listed
// once, with where the characters each rule looks for first occur.
//
// Four wording rules read the same texts (some 1,200 per document, most of them indicator names
// and values a few characters long), and three of them each searched every text for their own
// characters first. One pass over each text now answers all three (DocumentFacts::prose), and a
// rule looks further only in the texts that hold what it needs.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "model/document.h"

namespace yusuan {

// A piece of prose and its line, viewed in place (no copy), with its marks.
struct Prose {
  static constexpr uint32_t kNone = UINT32_MAX;
  enum Marker : uint8_t { kYu = 1, kDeng = 2 };  // 与, 等: each old class name holds one

  std::string_view text;
  uint32_t line = 0;
  uint32_t punctuation_pair = kNone;  // FindPunctuationPair(text, 0)
  uint32_t bracket = kNone;           // FindBracketCandidate(text, 0)
  uint8_t markers = 0;                // which of 与 and 等 the text holds
};

// Every piece of prose a reviewer reads, in the document's order: the duties, the narrative's
// headings and paragraphs, the texts of each target table and its indicators' names and values.
std::vector<Prose> ReadProse(const Document& doc);

// The marks of one text (Prose's fields but text and line), in one pass.
Prose MarksOf(std::string_view text);

// Whether a byte is ',' or the lead E3 or EF (most Chinese punctuation).
constexpr bool StartsPunctuation(char c) { return c == ',' || c == '\xE3' || c == '\xEF'; }

// The next position at or after `from` where ',' or a character led by E3 or EF (most Chinese
// punctuation) is followed by another such: every pair the doubled-punctuation rule lists
// starts at such a place, and few other places in prose do.
size_t FindPunctuationPair(std::string_view s, size_t from);

}  // namespace yusuan
