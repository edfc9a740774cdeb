// Fuzzes amount parsing: an amount that parses prints back to text that parses to the same
// fen, and never wraps around.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "base/money.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  for (yusuan::MoneyUnit unit : {yusuan::MoneyUnit::kYuan, yusuan::MoneyUnit::kWanYuan}) {
    auto a = yusuan::ParseAmount(text, unit);
    if (!a.ok()) continue;
    auto again = yusuan::ParseAmount(yusuan::FormatIn(*a, unit), unit);
    if (!again.ok() || again->fen != a->fen || again->ulp_fen != a->ulp_fen) __builtin_trap();
    auto yuan = yusuan::ParseYuan(yusuan::FormatYuan(a->fen));
    if (!yuan.ok() || *yuan != a->fen) __builtin_trap();
  }
  return 0;
}
