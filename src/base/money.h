// Exact money. Every amount is an integer count of 分 (fen) parsed from decimal text, with the
// precision it was printed at, so that rounding rules can be stated exactly:
//
//   auto a = ParseAmount("6,056.35", MoneyUnit::kWanYuan);   // 6056.35 万元
//   a->fen == 6056350000;  a->ulp_fen == 10000;              // printed to 0.01 万元
//   FormatYuan(a->fen) == "60563500.00";
//
// No floating point touches money anywhere in yusuan.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "base/status.h"

namespace yusuan {

// The unit a table or a sentence states its amounts in.
enum class MoneyUnit : uint8_t { kYuan, kWanYuan };

constexpr int64_t kFenPerYuan = 100;
constexpr int64_t kFenPerWanYuan = 1'000'000;

// The largest amount taken, in fen: 10^15 yuan (1,000 万亿元), beyond any budget. Bounded so that
// the difference of two amounts, or one rounded to a unit, is exact in int64; a sum of any
// number of them is taken in 128 bits (SumParts).
constexpr int64_t kMaxAmountFen = 100'000'000'000'000'000;

// A sum of amounts: no count of them can overflow it.
using WideFen = __int128;

inline int64_t FenPerUnit(MoneyUnit unit) {
  return unit == MoneyUnit::kYuan ? kFenPerYuan : kFenPerWanYuan;
}
// The decimals of a unit's worth in fen: FenPerUnit(unit) is ten to this power.
inline int FenDecimals(MoneyUnit unit) { return unit == MoneyUnit::kYuan ? 2 : 6; }
static_assert(kFenPerYuan == 100 && kFenPerWanYuan == 1'000'000, "FenDecimals");
const char* MoneyUnitName(MoneyUnit unit);  // "元" or "万元"

struct Amount {
  int64_t fen = 0;
  // Fen value of one unit in the last printed digit (0.01 万元 -> 10000): a power of ten. Zero
  // when the cell held no amount; an absent amount is not the same as a printed zero.
  int64_t ulp_fen = 0;

  bool present() const { return ulp_fen != 0; }
  // Largest distance from the true value that printing this amount may have introduced.
  // A zero printed without decimals ("0万元", "0") states that nothing is there; it is exact.
  int64_t half_ulp() const {
    if (fen == 0 && (ulp_fen == kFenPerYuan || ulp_fen == kFenPerWanYuan)) return 0;
    return ulp_fen / 2;
  }
  // Number of decimals this amount was printed with in `unit`.
  int decimals(MoneyUnit unit) const;
  friend bool operator==(const Amount&, const Amount&) = default;
};

// True when `text` looks like a printed amount: optional sign, digits with optional thousands
// separators, optional decimals; digits and the decimal point may be full-width ("６０５６．３５").
// Cheap; used to tell data rows from header rows.
bool LooksLikeAmount(std::string_view text);

// True when an amount cell holds a mark that stands for "nothing here" instead of a figure: it
// is blank, or a dash or slash as tables print for zero or not applicable ("-", "—", "——",
// "－", "--", "/").
bool IsEmptyAmountMark(std::string_view text);

// Parses a printed amount in `unit` ("6,056.35", "-0.42", "35000000", "5831922.19", and
// "６０５６．３５" as "6056.35").
// Errors: InvalidArgument for text that is not an amount; OutOfRange when the value is beyond
// kMaxAmountFen or has more decimals than a fen can hold.
Result<Amount> ParseAmount(std::string_view text, MoneyUnit unit);

// Largest |total - Σ parts| that rounding alone explains when each figure was rounded to its
// printed precision: half a unit of the last printed digit of every part and of the total.
int64_t RoundingTolerance(const Amount& total, std::span<const Amount> parts);

// Σ parts (absent ones count as zero) and RoundingTolerance(total, parts), in one pass: the sum
// checks run over every table row. The sum is 128-bit, which no count of amounts overflows.
struct PartsSum {
  WideFen sum = 0;
  int64_t tolerance = 0;
};
inline PartsSum SumParts(const Amount& total, std::span<const Amount> parts) {
  PartsSum s{0, total.half_ulp()};
  for (const Amount& p : parts) {
    s.sum += p.fen;
    s.tolerance += p.half_ulp();
  }
  return s;
}
// Whether total = Σ parts within RoundingTolerance.
inline bool SumsTo(const Amount& total, std::span<const Amount> parts) {
  const PartsSum s = SumParts(total, parts);
  const WideFen diff = total.fen - s.sum;
  return (diff < 0 ? -diff : diff) <= s.tolerance;
}

// "60563500.00": yuan with two decimals, the form JSON carries every amount in. (Exact for a sum
// beyond int64 too.)
std::string FormatYuan(WideFen fen);
// Inverse of FormatYuan; accepts any amount of yuan text.
Result<int64_t> ParseYuan(std::string_view text);

// Fen as 万元, exact, with at least two decimals ("6056.35", "0.000001").
std::string FormatWanYuan(WideFen fen);

// The amount as printed in `unit` at its own precision ("6056.35" for 0.01 万元).
std::string FormatIn(const Amount& amount, MoneyUnit unit);

}  // namespace yusuan
