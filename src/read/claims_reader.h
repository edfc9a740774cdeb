// Extracts the claims of the narrative: every amount, share, change, count, list and "none"
// statement, with its line. Binding a claim to the table figure it restates is the checks'
// business (check/narrative_rules.cc); this only reads what the sentences say.
#pragma once

#include <string_view>
#include <vector>

#include "model/document.h"

namespace yusuan {

// Reads claims from `doc.narrative` into `doc.claims`. `name` (the unit or department) is
// stripped from the front of subjects ("2026年度高平市…预算收入总计" -> "预算收入总计").
void ExtractClaims(Document* doc);

}  // namespace yusuan
