#include "model/target.h"

#include <utility>

#include "base/text.h"

namespace yusuan {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Symbols, full-width forms and words that state a comparison, longest first.
const std::pair<std::string_view, std::string_view> kComparators[] = {
    {"大于等于", "≥"}, {"小于等于", "≤"}, {"不低于", "≥"}, {"不少于", "≥"}, {"不高于", "≤"},
    {"不超过", "≤"},   {"不多于", "≤"},   {"不大于", "≤"}, {"不小于", "≥"}, {"≥", "≥"},
    {"≧", "≥"},        {"≤", "≤"},        {"≦", "≤"},      {">=", "≥"},     {"<=", "≤"},
    {"＞", ">"},       {"＜", "<"},       {"＝", "="},     {">", ">"},      {"<", "<"},
    {"=", "="},        {"大于", ">"},     {"小于", "<"},   {"低于", "<"},   {"高于", ">"},
    {"达到", "≥"},     {"等于", "="},
};

// Splits a trailing comparison off `prefix`.
std::string TakeComparator(std::string* prefix) {
  for (auto [text, symbol] : kComparators) {
    if (std::string_view(*prefix).ends_with(text)) {
      prefix->resize(prefix->size() - text.size());
      return std::string(symbol);
    }
  }
  return {};
}

bool IsDeadline(std::string_view s) {
  bool date = Contains(s, "年") || Contains(s, "月") || Contains(s, "日");
  bool bound = Contains(s, "前") || Contains(s, "底") || Contains(s, "以内") ||
               Contains(s, "之内") || Contains(s, "完成") || Contains(s, "截止");
  return date && bound;
}

bool IsCadence(std::string_view s) {
  if (s.size() > 36) return false;  // twelve characters: a cadence is a short phrase
  for (std::string_view lead : {"每", "按"}) {
    if (!s.starts_with(lead)) continue;
    std::string_view rest = s.substr(lead.size());
    for (std::string_view period : {"月", "季度", "季", "年", "周", "日", "天", "半年", "学期"}) {
      if (rest.starts_with(period)) return true;
    }
  }
  return s == "实时" || s == "及时" || s == "按时" || s == "定期";
}

}  // namespace

IndicatorValue ParseIndicatorValue(std::string_view raw) {
  IndicatorValue v;
  v.raw = CleanCell(raw);
  if (v.raw.empty()) return v;
  // Full-width digits, percent and dot become half-width for parsing; `raw` keeps the original.
  // They are EF BC 90-99, EF BC 85 and EF BC 8E in UTF-8 (CleanCell's output is valid UTF-8),
  // so the fold works on bytes and copies everything else whole.
  std::string folded;
  folded.reserve(v.raw.size());
  const std::string& text = v.raw;
  size_t run = 0;
  for (size_t i = 0; i + 2 < text.size(); ++i) {
    if (text[i] != '\xEF' || text[i + 1] != '\xBC') continue;
    unsigned char c = static_cast<unsigned char>(text[i + 2]);
    char half = c >= 0x90 && c <= 0x99 ? static_cast<char>('0' + (c - 0x90))
                : c == 0x85            ? '%'
                : c == 0x8E            ? '.'
                                       : 0;
    if (half == 0) continue;
    folded.append(text, run, i - run);
    folded.push_back(half);
    run = i + 3;
    i += 2;
  }
  folded.append(text, run, std::string::npos);
  if (IsCadence(folded)) {
    v.kind = ValueKind::kCadence;
    return v;
  }
  if (IsDeadline(folded)) {
    v.kind = ValueKind::kDeadline;
    return v;
  }
  size_t first = 0;
  while (first < folded.size() && !IsDigit(folded[first])) ++first;
  if (first == folded.size()) {
    v.kind = ValueKind::kQualitative;
    return v;
  }
  size_t end = first;
  bool dot = false;
  while (end < folded.size() &&
         (IsDigit(folded[end]) ||
          (folded[end] == '.' && !dot && end + 1 < folded.size() && IsDigit(folded[end + 1])) ||
          (folded[end] == ',' && end + 1 < folded.size() && IsDigit(folded[end + 1])))) {
    dot = dot || folded[end] == '.';
    ++end;
  }
  v.kind = ValueKind::kQuantity;
  std::string prefix(Trim(std::string_view(folded).substr(0, first)));
  v.comparator = TakeComparator(&prefix);
  v.prefix = std::string(Trim(prefix));
  v.number = folded.substr(first, end - first);
  v.unit = std::string(Trim(std::string_view(folded).substr(end)));
  int64_t digits = 0;
  int scale = -1;
  bool overflow = false;
  for (char c : v.number) {
    if (c == ',') continue;
    if (c == '.') {
      scale = 0;
      continue;
    }
    if (scale >= 9) break;  // beyond nine decimals: truncated
    overflow = overflow || __builtin_mul_overflow(digits, 10, &digits) ||
               __builtin_add_overflow(digits, c - '0', &digits);
    if (scale >= 0) ++scale;
  }
  if (overflow) {
    v.kind = ValueKind::kQualitative;  // a number this long is not a target; keep it as text
    v.comparator.clear();
    v.prefix.clear();
    v.number.clear();
    v.unit.clear();
    return v;
  }
  v.value = Decimal{digits, static_cast<uint8_t>(scale < 0 ? 0 : scale)};
  return v;
}

std::string FormatDecimal(const Decimal& d) {
  std::string s = std::to_string(d.digits);
  if (d.scale > 0) {
    while (s.size() <= d.scale) s.insert(0, "0");
    s.insert(s.size() - d.scale, ".");
  }
  return s;
}

std::string_view ValueKindId(ValueKind kind) {
  switch (kind) {
    case ValueKind::kEmpty:
      return "empty";
    case ValueKind::kQuantity:
      return "quantity";
    case ValueKind::kDeadline:
      return "deadline";
    case ValueKind::kCadence:
      return "cadence";
    case ValueKind::kQualitative:
      return "qualitative";
  }
  return "empty";
}

ValueKind ValueKindFromId(std::string_view id) {
  for (ValueKind k :
       {ValueKind::kQuantity, ValueKind::kDeadline, ValueKind::kCadence, ValueKind::kQualitative}) {
    if (ValueKindId(k) == id) return k;
  }
  return ValueKind::kEmpty;
}

std::string_view ConfidenceId(Confidence c) {
  switch (c) {
    case Confidence::kFull:
      return "full";
    case Confidence::kPartial:
      return "partial";
    case Confidence::kLow:
      return "low";
  }
  return "low";
}

Confidence ConfidenceFromId(std::string_view id) {
  if (id == "full") return Confidence::kFull;
  if (id == "partial") return Confidence::kPartial;
  return Confidence::kLow;
}

}  // namespace yusuan
