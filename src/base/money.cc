#include "base/money.h"

#include <cstdlib>

namespace yusuan {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Strips a leading sign ("-", "+", U+2212 minus, U+FF0D full-width hyphen-minus).
std::string_view StripSign(std::string_view text, bool* negative) {
  *negative = false;
  if (text.empty()) return text;
  if (text[0] == '-' || text[0] == '+') {
    *negative = text[0] == '-';
    return text.substr(1);
  }
  if (text.starts_with("\xE2\x88\x92") || text.starts_with("\xEF\xBC\x8D")) {
    *negative = true;
    return text.substr(3);
  }
  return text;
}

}  // namespace

const char* MoneyUnitName(MoneyUnit unit) { return unit == MoneyUnit::kYuan ? "元" : "万元"; }

int Amount::decimals(MoneyUnit unit) const {
  if (ulp_fen <= 0) return 0;
  int d = 0;
  for (int64_t u = FenPerUnit(unit); u > ulp_fen && u % 10 == 0; u /= 10) ++d;
  return d;
}

bool LooksLikeAmount(std::string_view text) {
  bool negative;
  text = StripSign(text, &negative);
  if (text.empty()) return false;
  bool digits = false, dot = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (IsDigit(c)) {
      digits = true;
    } else if (c == '.' && !dot && digits) {
      dot = true;
    } else if (c == ',' && !dot && digits && i + 1 < text.size() && IsDigit(text[i + 1])) {
      // thousands separator
    } else {
      return false;
    }
  }
  return digits && text.back() != '.';
}

Result<Amount> ParseAmount(std::string_view text, MoneyUnit unit) {
  if (!LooksLikeAmount(text)) {
    return Status::InvalidArgument("不是金额: \"" + std::string(text) + "\"");
  }
  bool negative;
  std::string_view body = StripSign(text, &negative);
  int64_t digits_value = 0;
  int decimals = -1;  // -1 until the decimal point is seen
  for (char c : body) {
    if (c == ',') continue;
    if (c == '.') {
      decimals = 0;
      continue;
    }
    if (__builtin_mul_overflow(digits_value, 10, &digits_value) ||
        __builtin_add_overflow(digits_value, c - '0', &digits_value)) {
      return Status::OutOfRange("金额超出可表示范围: \"" + std::string(text) + "\"");
    }
    if (decimals >= 0) ++decimals;
  }
  if (decimals < 0) decimals = 0;
  int64_t per_unit = FenPerUnit(unit);
  int64_t divisor = 1;
  for (int i = 0; i < decimals; ++i) divisor *= 10;
  if (divisor > per_unit || per_unit % divisor != 0) {
    return Status::OutOfRange("金额小数位超过分的精度: \"" + std::string(text) + "\"");
  }
  int64_t scale = per_unit / divisor;
  Amount amount;
  if (__builtin_mul_overflow(digits_value, scale, &amount.fen)) {
    return Status::OutOfRange("金额超出可表示范围: \"" + std::string(text) + "\"");
  }
  if (amount.fen > kMaxAmountFen) {
    return Status::OutOfRange("金额超出可表示范围（超过 1,000 万亿元）: \"" + std::string(text) +
                              "\"");
  }
  if (negative) amount.fen = -amount.fen;
  amount.ulp_fen = scale;
  return amount;
}

int64_t RoundingTolerance(const Amount& total, std::span<const Amount> parts) {
  int64_t tolerance = total.half_ulp();
  for (const Amount& p : parts) tolerance += p.half_ulp();
  return tolerance;
}

namespace {

// The decimal digits of a magnitude too large for int64.
std::string WideDigits(unsigned __int128 v) {
  std::string digits;
  do {
    digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(v % 10)));
    v /= 10;
  } while (v != 0);
  return digits;
}

// `fen` in a unit of `per_unit` fen with `decimals` (at least) decimals: the wide forms of
// FormatYuan and FormatWanYuan, for sums beyond int64.
std::string FormatWide(WideFen fen, int64_t per_unit, size_t decimals, bool trim) {
  const bool negative = fen < 0;
  const unsigned __int128 magnitude =
      negative ? -static_cast<unsigned __int128>(fen) : static_cast<unsigned __int128>(fen);
  std::string frac = WideDigits(magnitude % per_unit + per_unit).substr(1);
  while (trim && frac.size() > decimals && frac.back() == '0') frac.pop_back();
  const std::string out = WideDigits(magnitude / per_unit) + "." + frac;
  return negative ? "-" + out : out;
}

std::string FormatYuan64(int64_t fen) {
  bool negative = fen < 0;
  // Work in unsigned to format INT64_MIN without overflow.
  uint64_t magnitude = negative ? 0 - static_cast<uint64_t>(fen) : static_cast<uint64_t>(fen);
  std::string out = std::to_string(magnitude / 100);
  out += '.';
  uint64_t cents = magnitude % 100;
  out += static_cast<char>('0' + cents / 10);
  out += static_cast<char>('0' + cents % 10);
  return negative ? "-" + out : out;
}

std::string FormatWanYuan64(int64_t fen) {
  bool negative = fen < 0;
  uint64_t magnitude = negative ? 0 - static_cast<uint64_t>(fen) : static_cast<uint64_t>(fen);
  std::string frac = std::to_string(magnitude % kFenPerWanYuan + kFenPerWanYuan).substr(1);
  while (frac.size() > 2 && frac.back() == '0') frac.pop_back();
  std::string out = std::to_string(magnitude / kFenPerWanYuan) + "." + frac;
  return negative ? "-" + out : out;
}

}  // namespace

Result<int64_t> ParseYuan(std::string_view text) {
  auto amount = ParseAmount(text, MoneyUnit::kYuan);
  if (!amount.ok()) return amount.status();
  return amount->fen;
}

std::string FormatYuan(WideFen fen) {
  if (fen >= INT64_MIN && fen <= INT64_MAX) return FormatYuan64(static_cast<int64_t>(fen));
  return FormatWide(fen, kFenPerYuan, 2, false);
}

std::string FormatWanYuan(WideFen fen) {
  if (fen >= INT64_MIN && fen <= INT64_MAX) return FormatWanYuan64(static_cast<int64_t>(fen));
  return FormatWide(fen, kFenPerWanYuan, 2, true);
}

std::string FormatIn(const Amount& amount, MoneyUnit unit) {
  int decimals = amount.decimals(unit);
  int64_t per_unit = FenPerUnit(unit);
  bool negative = amount.fen < 0;
  uint64_t magnitude =
      negative ? 0 - static_cast<uint64_t>(amount.fen) : static_cast<uint64_t>(amount.fen);
  uint64_t whole = magnitude / per_unit;
  uint64_t frac = magnitude % per_unit;
  std::string out = std::to_string(whole);
  if (decimals > 0) {
    std::string f = std::to_string(frac + per_unit);  // leading "1" keeps the zeros
    out += '.';
    out += f.substr(1, decimals);
  }
  return negative ? "-" + out : out;
}

}  // namespace yusuan
