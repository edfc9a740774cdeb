// Fuzzes the whole reading path (decoding, structure, tables, targets in every layout,
// narrative claims) and the checks and JSON on whatever model comes out.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "check/rule.h"
#include "model/json.h"
#include "read/document_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto doc = yusuan::ReadDocument(bytes, "fuzz.txt");
  if (!doc.ok()) return 0;
  yusuan::CheckDocument(*doc);
  yusuan::Json j = yusuan::ToJson(*doc);
  auto back = yusuan::DocumentFromJson(yusuan::Json::parse(j.dump()));
  if (!back.ok() || yusuan::ToJson(*back) != j) __builtin_trap();  // the JSON must round-trip
  return 0;
}
