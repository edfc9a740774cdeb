// Bulk loading: read and check files on every core, write them through one connection in
// batched transactions. A document is always written whole.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "decode/decode.h"
#include "store/store.h"

namespace yusuan {

// A document read, checked and serialised, ready for Store::Put.
struct PreparedDocument {
  std::string hash;  // SHA-256 of the bytes
  Document doc;
  std::vector<Finding> findings;
  std::string model_json;
  StoredDocument stored() const { return StoredDocument{hash, &doc, &findings, &model_json}; }
};

// Reads (any supported encoding), checks and serialises one file's bytes. Errors as
// ReadDocument: NotText, NotDisclosure, TooLarge, each naming `source`.
Result<PreparedDocument> PrepareDocument(std::string_view bytes, const std::string& source);

struct LoadProgress {
  size_t done = 0;  // files finished (stored or failed)
  size_t total = 0;
  const std::string* file = nullptr;
};

struct LoadOptions {
  unsigned threads = 0;                   // readers; 0 = one per core
  size_t batch = 64;                      // documents per transaction
  size_t max_input = kDefaultInputLimit;  // larger files are refused (decode/decode.h)
  std::function<void(const LoadProgress&)> progress;
};

struct LoadReport {
  size_t stored = 0;
  std::vector<std::string> errors;  // one line per file that could not be stored
};

LoadReport LoadFiles(Store& store, const std::vector<std::string>& files,
                     const LoadOptions& options);

}  // namespace yusuan
