// The model as JSON, and back. Every money amount is a string of yuan with two decimals
// ("60563500.00") beside the text as printed ("6056.35"), which keeps its precision. The
// summary is derived and written on output; on input it is ignored and recomputed, so
// ToJson(DocumentFromJson(ToJson(doc))) == ToJson(doc).
#pragma once

#include <nlohmann/json.hpp>

#include "base/status.h"
#include "model/document.h"
#include "model/summary.h"

namespace yusuan {

using Json = nlohmann::ordered_json;

Json ToJson(const Summary& summary);
Json ToJson(const Document& doc);
Result<Document> DocumentFromJson(const Json& json);

}  // namespace yusuan
