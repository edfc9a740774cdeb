// Test and benchmark helper: documents made from a seed by changing some of its figures, so
// that they are realistic and not byte copies of each other.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace yusuan::testing {

// Changes two of the amounts printed with two decimals in `text` (which two, and by how
// many cents, depends on `n`), so that variant n differs from every other variant.
inline std::string Variant(const std::string& text, uint64_t n) {
  std::vector<size_t> ends;  // positions just after "d.dd"
  for (size_t i = 3; i < text.size(); ++i) {
    if (text[i - 3] >= '0' && text[i - 3] <= '9' && text[i - 2] == '.' && text[i - 1] >= '0' &&
        text[i - 1] <= '9' && text[i] >= '0' && text[i] <= '9' &&
        (i + 1 == text.size() || text[i + 1] < '0' || text[i + 1] > '9')) {
      ends.push_back(i + 1);
    }
  }
  std::string out = text;
  if (ends.empty()) return out + "\n" + std::to_string(n) + "\n";
  for (uint64_t k : {n % ends.size(), (n / ends.size() + 7 * n) % ends.size()}) {
    size_t end = ends[k];
    // Add n+1 cents to the number ending at `end`, carrying through its digits.
    uint64_t add = n + 1;
    size_t i = end;
    while (add > 0 && i > 0) {
      --i;
      if (out[i] == '.') continue;
      if (out[i] < '0' || out[i] > '9') {
        out.insert(i + 1, std::to_string(add % 10));
        add /= 10;
        ++i;
        continue;
      }
      uint64_t d = static_cast<uint64_t>(out[i] - '0') + add % 10;
      out[i] = static_cast<char>('0' + d % 10);
      add = add / 10 + d / 10;
    }
  }
  return out;
}

}  // namespace yusuan::testing
