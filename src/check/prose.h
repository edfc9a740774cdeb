// The prose of a document as the wording rules read it: every text a reviewer reads, and which
// of the characters each rule looks for it holds.
//
// Four wording rules read the same texts (some 1,500 per document, most of them indicator names
// and values a few characters long), and three of them each searched every text for their own
// characters first. One pass over each text now answers all three (DocumentFacts::prose_marks:
// a byte a text, so that the answer costs no memory to speak of), and a rule looks further only
// in the texts that hold what it needs.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "model/document.h"

namespace yusuan {

// A piece of prose and its line, viewed in place (no copy).
struct Prose {
  std::string_view text;
  uint32_t line;
};

// Every piece of prose a reviewer reads, in the document's order: the duties, the narrative's
// headings and paragraphs, the texts of each target table and its indicators' names and values.
template <typename Fn>
void ForProse(const Document& doc, Fn fn) {
  auto item = [&](const TextItem& t) { fn(Prose{t.text, t.at.line}); };
  for (const TextItem& t : doc.overview.duties) item(t);
  for (const Section& s : doc.narrative) {
    item(s.heading);
    for (const TextItem& p : s.paragraphs) item(p);
  }
  for (const TargetTable& t : doc.targets) {
    for (const TextItem* i :
         {&t.overview, &t.basis, &t.necessity, &t.measures, &t.plan, &t.goals[0], &t.goals[1]}) {
      item(*i);
    }
    for (int side : {kImplementation, kAnnual}) {
      for (const Indicator& i : t.indicators[side]) {
        fn(Prose{i.name, i.at.line});
        fn(Prose{i.value.raw, i.value_at.line});
      }
    }
  }
}

// What a text holds of the characters the wording rules look for, as bits.
enum ProseMark : uint8_t {
  kPunctuationPair = 1,  // FindPunctuationPair finds one
  kBracket = 2,          // FindBracketCandidate finds one
  kYu = 4,               // 与 (every old class name holds 与 or 等)
  kDeng = 8,             // 等
};

// The marks of one text, in one pass.
uint8_t MarksOf(std::string_view text);

// The marks of every text ForProse lists, in its order.
std::vector<uint8_t> ReadProseMarks(const Document& doc);

// ForProse with each text's marks: fn(prose, marks), `marks` being ReadProseMarks(doc) (as
// DocumentFacts::prose_marks keeps it).
template <typename Fn>
void ForMarkedProse(const Document& doc, const std::vector<uint8_t>& marks, Fn fn) {
  size_t k = 0;
  ForProse(doc, [&](const Prose& t) { fn(t, marks[k++]); });
}

// Whether a byte is ',' or the lead E3 or EF (most Chinese punctuation).
constexpr bool StartsPunctuation(char c) { return c == ',' || c == '\xE3' || c == '\xEF'; }

// The next position at or after `from` where ',' or a character led by E3 or EF (most Chinese
// punctuation) is followed by another such: every pair the doubled-punctuation rule lists
// starts at such a place, and few other places in prose do.
size_t FindPunctuationPair(std::string_view s, size_t from);

}  // namespace yusuan
