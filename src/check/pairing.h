// Pairing performance target tables with the projects of tables 12 and 13.
#pragma once

#include <string>
#include <vector>

#include "model/document.h"

namespace yusuan {

// A name reduced to its letters and digits: punctuation, width and spaces do not count.
std::string PairKey(std::string_view name);
// PairKey(name) appended to `*out`: callers that key many names reuse one buffer.
void AppendPairKey(std::string_view name, std::string* out);

struct Pair {
  int target = -1;  // index in Document::targets
  const Table* table = nullptr;
  const Row* project = nullptr;
  bool by_amount = false;  // the names differ; paired by amount
  // Unpaired before the containment and amount searches were done: too many targets and
  // projects to compare them all.
  bool unsearched = false;
};

// One entry per project target table, paired with its project row when one is found (by
// name, then by containment, then by a unique amount; the last two within a budget of
// comparisons, past which the targets left are marked `unsearched`).
std::vector<Pair> PairTargets(const Document& doc);

}  // namespace yusuan
