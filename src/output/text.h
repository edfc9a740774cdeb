// The model as text for a person reading a terminal.
#pragma once

#include <ostream>

#include "model/document.h"

namespace yusuan {

// A summary of what was read: key figures, each table with its rows, the target tables, the
// assets, and every diagnostic with its line.
void PrintText(const Document& doc, std::ostream& out);

}  // namespace yusuan
