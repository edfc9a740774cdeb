// The workspace's JSON API over a store, independent of HTTP: each call takes what the request
// carried and gives a status, a content type and a body. server.cc maps routes onto it;
// docs/api.md describes it for clients.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "store/store.h"

namespace yusuan {

struct ApiResponse {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
};

// {"error": message} with `status`.
ApiResponse ApiError(int status, std::string_view message);

// GET /api/documents's query string, as the client sent it; Api::List checks it (400 with the
// reason). docs/api.md describes the fields.
struct ListRequest {
  std::string_view q;       // words, each found in the name, region, file name, year or kind
  std::string_view sort;    // a key of the listed document ("id" when empty)
  std::string_view order;   // "asc" (when empty) or "desc"
  std::string_view offset;  // documents skipped ("0" when empty)
  std::string_view limit;   // documents listed (all when empty)
};

class Api {
 public:
  // `store` must outlive the Api. Calls may come from many threads: the store is used under
  // one lock, reading and checking an upload happen outside it.
  Api(Store& store, bool read_only, size_t max_upload_bytes)
      : store_(store), read_only_(read_only), max_upload_(max_upload_bytes) {}

  // POST /api/documents: `filename` as the client sent it (only its last part is kept, as the
  // document's name; nothing is written to disk under it).
  ApiResponse Upload(std::string_view bytes, std::string_view filename);
  ApiResponse List(const ListRequest& request);             // GET /api/documents
  ApiResponse Model(int64_t id);                            // GET /api/documents/{id}
  ApiResponse Findings(int64_t id);                         // GET …/{id}/findings
  ApiResponse Export(int64_t id, std::string_view format);  // GET …/{id}/export?format=
  ApiResponse Delete(int64_t id);                           // DELETE /api/documents/{id}
  ApiResponse Info() const;                                 // GET /api/info
  static ApiResponse Catalogue();                           // GET /api/catalogue
  static ApiResponse RulesList();                           // GET /api/rules

 private:
  Store& store_;
  std::mutex mu_;
  const bool read_only_;
  const size_t max_upload_;
};

// The name a client-supplied file name is stored under: its last path part, control
// characters removed, bytes that are not UTF-8 replaced by U+FFFD, at most 200 bytes;
// "upload.txt" when nothing is left.
std::string SafeFileName(std::string_view client_name);

}  // namespace yusuan
