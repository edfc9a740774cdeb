#include "base/money.h"

#include <cstdlib>
#include <iterator>
#include <string>

#include "base/text.h"

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

// LooksLikeAmount for half-width digits.
bool LooksLikeHalfWidthAmount(std::string_view text) {
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

// Whether `text`, past its sign, starts with a full-width digit (EF BC 90-99): an amount typed
// in full-width ("６，０５６．３５"), read once folded (FoldAmount).
bool StartsFullWidth(std::string_view text) {
  // Most texts asked (labels) start with an ideograph: turned away on their first byte.
  if (text.empty() ||
      (text[0] != '\xEF' && text[0] != '\xE2' && text[0] != '-' && text[0] != '+')) {
    return false;
  }
  bool negative;
  return FullWidthDigitAt(StripSign(text, &negative), 0);
}

// An amount typed in full-width as half-width: its digits, point and thousands separators
// (FoldDigits), and any other full-width comma as "," too: in an amount cell a comma can only
// be a separator, and a half-width one is taken loosely as well ("60,56").
std::string_view FoldAmount(std::string_view text, std::string* storage) {
  std::string_view folded = FoldDigits(text, storage);
  if (folded.find("，") == std::string_view::npos) return folded;
  std::string out;
  for (size_t i = 0; i < folded.size(); ++i) {
    if (folded.substr(i, 3) == "，") {
      out += ',';
      i += 2;
    } else {
      out += folded[i];
    }
  }
  *storage = std::move(out);
  return *storage;
}

bool IsEmptyAmountMark(std::string_view s) {
  return s.empty() || s == "-" || s == "—" || s == "——" || s == "/" || s == "－" || s == "--";
}

bool LooksLikeAmount(std::string_view text) {
  if (LooksLikeHalfWidthAmount(text)) return true;
  if (!StartsFullWidth(text)) return false;
  std::string storage;
  return LooksLikeHalfWidthAmount(FoldAmount(text, &storage));
}

Result<Amount> ParseAmount(std::string_view printed, MoneyUnit unit) {
  std::string storage;
  std::string_view text = printed;
  if (!LooksLikeHalfWidthAmount(text)) {
    if (StartsFullWidth(text)) text = FoldAmount(text, &storage);
    if (text.data() == printed.data() || !LooksLikeHalfWidthAmount(text)) {
      return Status::InvalidArgument("不是金额: \"" + std::string(printed) + "\"");
    }
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
      return Status::OutOfRange("金额超出可表示范围: \"" + std::string(printed) + "\"");
    }
    if (decimals >= 0) ++decimals;
  }
  if (decimals < 0) decimals = 0;
  // A unit is ten to the power FenDecimals fen: the last digit's worth is a power of ten from
  // a table (this runs on every amount cell; two divisions cost more than the rest).
  static constexpr int64_t kPowersOfTen[] = {1, 10, 100, 1'000, 10'000, 100'000, 1'000'000};
  const int unit_decimals = FenDecimals(unit);
  static_assert(std::size(kPowersOfTen) > 6);
  if (decimals > unit_decimals) {
    return Status::OutOfRange("金额小数位超过分的精度: \"" + std::string(printed) + "\"");
  }
  const int64_t scale = kPowersOfTen[unit_decimals - decimals];
  Amount amount;
  if (__builtin_mul_overflow(digits_value, scale, &amount.fen)) {
    return Status::OutOfRange("金额超出可表示范围: \"" + std::string(printed) + "\"");
  }
  if (amount.fen > kMaxAmountFen) {
    return Status::OutOfRange("金额超出可表示范围（超过 1,000 万亿元）: \"" + std::string(printed) +
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

// The decimal digits of a magnitude: std::to_string's within 64 bits, a loop beyond (a sum).
std::string Digits(uint64_t v) { return std::to_string(v); }
std::string Digits(unsigned __int128 v) {
  if (v <= UINT64_MAX) return std::to_string(static_cast<uint64_t>(v));
  std::string digits;
  do {
    digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(v % 10)));
    v /= 10;
  } while (v != 0);
  return digits;
}

// `fen` in units of `per_unit` fen with every decimal a unit has (yuan: two) or, with `trim`,
// without trailing zeros past two (万元). Magnitude is unsigned and as wide as Signed, so that
// the most negative value is formatted without overflow.
template <typename Magnitude, typename Signed>
std::string FormatFen(Signed fen, int64_t per_unit, bool trim) {
  const bool negative = fen < 0;
  const Magnitude magnitude =
      negative ? Magnitude{0} - static_cast<Magnitude>(fen) : static_cast<Magnitude>(fen);
  std::string out = Digits(magnitude / per_unit);
  const size_t dot = out.size();
  size_t decimals = 0;
  for (int64_t u = per_unit; u > 1; u /= 10) ++decimals;
  out.resize(dot + 1 + decimals);
  out[dot] = '.';
  auto rest = static_cast<uint64_t>(magnitude % per_unit);
  for (size_t k = decimals; k > 0; --k, rest /= 10)
    out[dot + k] = static_cast<char>('0' + rest % 10);
  while (trim && out.size() > dot + 3 && out.back() == '0') out.pop_back();
  if (negative) out.insert(out.begin(), '-');
  return out;
}

// FormatFen in 64 bits when the value fits (every amount, most sums), else in 128.
std::string FormatFen(WideFen fen, int64_t per_unit, bool trim) {
  if (fen >= INT64_MIN && fen <= INT64_MAX) {
    return FormatFen<uint64_t>(static_cast<int64_t>(fen), per_unit, trim);
  }
  return FormatFen<unsigned __int128>(fen, per_unit, trim);
}

}  // namespace

Result<int64_t> ParseYuan(std::string_view text) {
  auto amount = ParseAmount(text, MoneyUnit::kYuan);
  if (!amount.ok()) return amount.status();
  return amount->fen;
}

std::string FormatYuan(WideFen fen) { return FormatFen(fen, kFenPerYuan, false); }

std::string FormatWanYuan(WideFen fen) { return FormatFen(fen, kFenPerWanYuan, true); }

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
