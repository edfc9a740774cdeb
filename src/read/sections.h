// Readers for the prose parts of a disclosure. `owned[n]` marks lines that belong to a table,
// a target table, the table of contents or a watermark; prose readers skip them.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "model/document.h"
#include "read/lines.h"

namespace yusuan {

// A line that opens a section of prose: a Markdown heading, or a short line starting with an
// ordinal ("一、", "（二）", "1、") that is not a sentence.
bool IsSectionHeading(std::string_view raw);

// Lines [begin, end] of 第一部分 概况.
void ReadOverview(const Lines& lines, uint32_t begin, uint32_t end, const LineFlags& owned,
                  Overview* overview);

// Lines [begin, end] of 第三部分 情况说明, as sections of paragraphs.
void ReadNarrative(const Lines& lines, uint32_t begin, uint32_t end, const LineFlags& owned,
                   std::vector<Section>* narrative);

// 国有资产占有使用情况, from the narrative's section of that name.
void ReadAssets(const std::vector<Section>& narrative, Assets* assets);

}  // namespace yusuan
