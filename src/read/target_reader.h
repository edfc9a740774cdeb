// Reading performance target tables and 民生 summaries in the three layouts the seeds show:
//
//   tabbed         one table row per line, cells split by tabs, columns shifted by stray tabs
//                  (seeds 001, 003, 004): read by meaning — labels, not positions
//   cell-per-line  one cell per line, a blank line between rows (seed 000): regrouped into rows,
//                  then read like tabbed
//   pdf-text       raw PDF text (seed 002): each column comes out as a run of lines; labels and
//                  values are matched by order where the runs allow it, and the table's
//                  Confidence says how far that could be trusted
#pragma once

#include <vector>

#include "model/document.h"
#include "read/lines.h"

namespace yusuan {

// Fills each table from its region [at.line, last_line]; `skip[n]` marks watermark lines.
void ReadTargetTables(const Lines& lines, const LineFlags& skip, std::vector<TargetTable>* targets);

// Reads the 民生领域重大事项绩效目标情况表 whose title is on `title_line`, up to `last_line`,
// and links each row to its target table by project name.
LivelihoodSummary ReadLivelihoodSummary(const Lines& lines, uint32_t title_line, uint32_t last_line,
                                        const LineFlags& skip,
                                        const std::vector<TargetTable>& targets);

}  // namespace yusuan
