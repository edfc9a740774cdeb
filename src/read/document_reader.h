// Reading a whole disclosure: decode the bytes, find its parts, tables, narrative, assets and
// performance target tables, and build the Document. This is the only entry point the CLI,
// the store and the server use to turn a file into the model.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"
#include "decode/decode.h"
#include "model/document.h"

namespace yusuan {

// Reads a document from raw bytes in any supported encoding. `source` names it in the model.
// The document keeps its decoded text (a copy of `bytes` when they are UTF-8 already).
// Errors: NotText for binary or undecodable input, NotDisclosure when the text has no title,
// table or target table of a budget disclosure.
Result<Document> ReadDocument(std::string_view bytes, const std::string& source);

// Reads the file at `path`, refusing one over `limit` bytes (decode/decode.h). Errors as
// ReadDocument, plus IoError and TooLarge, naming the file.
Result<Document> ReadDocumentFile(const std::string& path, size_t limit = kDefaultInputLimit);

// Reads from text already decoded to UTF-8 with LF line ends. Text that is not valid UTF-8 is
// refused (NotText): the readers rely on it being valid.
Result<Document> ReadDecoded(std::string_view text, const std::string& source,
                             const std::string& encoding);
// The same for what Decode returned, whose text is known to be valid: the document takes the
// text (its texts refer to it).
Result<Document> ReadDecoded(Decoded&& decoded, const std::string& source);

}  // namespace yusuan
