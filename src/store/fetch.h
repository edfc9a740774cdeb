// Reading a stored document back: its model, its findings in the order `yusuan check` gave
// them, and its removal. Used by `yusuan export --db` and the workspace server.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/status.h"
#include "check/finding.h"
#include "model/document.h"
#include "store/store.h"

namespace yusuan {

// The model JSON exactly as stored (what `yusuan parse --format json` gives, unindented).
// NotFound when there is no document `id`.
Result<std::string> FetchModelJson(Store& store, int64_t id);

// The findings stored with document `id`, in their original order, `file` set to the
// document's file name: the list `yusuan check --format json` printed for that file.
Result<std::vector<Finding>> FetchFindings(Store& store, int64_t id);

struct FetchedDocument {
  Document doc;
  std::vector<Finding> findings;
};
Result<FetchedDocument> FetchDocument(Store& store, int64_t id);

// Removes document `id` and everything stored with it. NotFound when absent.
// REQUIRES: inside Begin()/Commit().
Status DeleteDocument(Store& store, int64_t id);

}  // namespace yusuan
