// Fuzzes encoding detection and conversion: whatever is accepted comes out as valid UTF-8
// without carriage returns.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "base/text.h"
#include "decode/decode.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto decoded = yusuan::Decode(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!decoded.ok()) return 0;
  if (!yusuan::IsValidUtf8(decoded->text)) __builtin_trap();
  if (decoded->text.find('\r') != std::string::npos) __builtin_trap();
  return 0;
}
