// Where a value came from, and text carried with its place.
#pragma once

#include <cstdint>
#include <string>

#include "model/text.h"

namespace yusuan {

struct Location {
  uint32_t line = 0;    // 1-based; 0 = unknown
  uint16_t column = 0;  // 1-based tab-separated column; 0 = the whole line
  friend bool operator==(const Location&, const Location&) = default;
};

// A piece of text from the document with its place.
struct TextItem {
  Text text;
  Location at;
  friend bool operator==(const TextItem&, const TextItem&) = default;
};

// Something a reader skipped, doubted or could not place; nothing is dropped silently.
struct Diagnostic {
  Location at;
  std::string message;
  friend bool operator==(const Diagnostic&, const Diagnostic&) = default;
};

}  // namespace yusuan
