// Fuzzes indicator values and the text helpers they use: never a crash, the raw text kept.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "base/text.h"
#include "model/target.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  yusuan::IndicatorValue v = yusuan::ParseIndicatorValue(text);
  if (v.raw != yusuan::CleanCell(text)) __builtin_trap();
  yusuan::MatchKey(text);
  yusuan::StripMarkup(text);
  yusuan::StripOrdinal(text);
  int64_t h;
  yusuan::ParseHundredths(text, &h);
  return 0;
}
