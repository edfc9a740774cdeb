// Which table figure each amount a narrative states restates: the bindings, as data, from a
// claim's section and subject to a table's row and column, read top to bottom like the table
// catalogue. Two rules compare the figures (narrative.amount, narrative.rounding); the claims
// are bound once per document for both (DocumentFacts::bindings).
#pragma once

#include <string_view>
#include <vector>

#include "model/document.h"

namespace yusuan {

// The table figure a claim restates: its table, the row (null when the table lacks it) and
// the column. No table: the claim is not an amount, no binding knows it, or the document has
// no such table.
struct Bound {
  const Table* table = nullptr;
  const Row* row = nullptr;
  std::string_view column;
};

// What each of `doc.claims` restates, in their order.
std::vector<Bound> BindClaims(const Document& doc);

}  // namespace yusuan
