// The model as JSON, and back. Every money amount is a string of yuan with two decimals
// ("60563500.00") beside the text as printed ("6056.35"), which keeps its precision. The
// summary is derived and written on output; on input it is ignored and recomputed, so
// ToJson(DocumentFromJson(ToJson(doc))) == ToJson(doc).
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>

#include "base/status.h"
#include "model/document.h"
#include "model/summary.h"

namespace yusuan {

using Json = nlohmann::ordered_json;

// The model as JSON text, written straight from the document (base/json_writer.h): `indent` < 0
// compact, else pretty with that many spaces per level, byte for byte as nlohmann's dump.
std::string DocumentJson(const Document& doc, int indent);
// Appends it at `depth` (JsonWriter's): for a document inside a larger text.
void AppendDocumentJson(const Document& doc, int indent, std::string* out, size_t depth = 0);
// Writes it to `out` as it is produced, in pieces of about a megabyte: the text of a large
// document (many times the size of its input) is never held whole.
void WriteDocumentJson(const Document& doc, int indent, std::ostream* out, size_t depth = 0);

// The same as a tree, for code that walks it (parsed from DocumentJson's text: slower, one schema).
Json ToJson(const Document& doc);
Json ToJson(const Summary& summary);
Result<Document> DocumentFromJson(const Json& json);

}  // namespace yusuan
