#include "model/target.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <utility>

#include "base/text.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace yusuan {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Symbols, full-width forms and words that state a comparison, longest first.
constexpr std::pair<std::string_view, std::string_view> kComparators[] = {
    {"大于等于", "≥"}, {"小于等于", "≤"}, {"不低于", "≥"}, {"不少于", "≥"}, {"不高于", "≤"},
    {"不超过", "≤"},   {"不多于", "≤"},   {"不大于", "≤"}, {"不小于", "≥"}, {"≥", "≥"},
    {"≧", "≥"},        {"≤", "≤"},        {"≦", "≤"},      {">=", "≥"},     {"<=", "≤"},
    {"＞", ">"},       {"＜", "<"},       {"＝", "="},     {">", ">"},      {"<", "<"},
    {"=", "="},        {"大于", ">"},     {"小于", "<"},   {"低于", "<"},   {"高于", ">"},
    {"达到", "≥"},     {"等于", "="},
};

// The date words, and their last two bytes (年 E5 B9 B4, 月 E6 9C 88, 日 E6 97 A5), which
// stand for them but for the lead byte.
constexpr uint32_t kYear = Char3("年"), kMonth = Char3("月"), kDay = Char3("日");
using DateEnds = BytePairSet<'\xB9', '\xB4', '\x9C', '\x88', '\x97', '\xA5'>;
static_assert(DateEnds::contains(static_cast<char>(kYear >> 8), static_cast<char>(kYear)) &&
              DateEnds::contains(static_cast<char>(kMonth >> 8), static_cast<char>(kMonth)) &&
              DateEnds::contains(static_cast<char>(kDay >> 8), static_cast<char>(kDay)));

// A date word (年, 月 or 日) and a bound (前, 底, 以内, 之内, 完成, 截止), in one pass over the
// characters: the check runs on every cell a reader considers, long paragraphs included.
bool IsDeadline(std::string_view s) {
  static constexpr uint32_t kBefore = Char3("前"), kEnd = Char3("底"), kWithin = Char3("内"),
                            kYi = Char3("以"), kZhi = Char3("之"), kWan = Char3("完"),
                            kCheng = Char3("成"), kJie = Char3("截"), kZhiStop = Char3("止");
  // The last bytes of the words' characters, as a set of their low six bits: a character
  // outside it is none of them, and most characters are passed over on this test alone.
  static constexpr uint64_t kLastBytes = [] {
    uint64_t set = 0;
    for (uint32_t ch : {kYear, kMonth, kDay, kBefore, kEnd, kWithin, kCheng, kZhiStop}) {
      set |= uint64_t{1} << (ch & 63);
    }
    return set;
  }();
  // Without 年, 月 or 日 anywhere there is no deadline: their last two bytes are looked for
  // sixteen positions at a time, and most indicator names and values are passed over on this
  // alone.
  bool any_date = false;
  for (size_t i = DateEnds::FindIn(s, 2); i != std::string_view::npos;
       i = DateEnds::FindIn(s, i + 1)) {
    const uint32_t ch = Char3(s.substr(i - 2, 3));
    if (ch == kYear || ch == kMonth || ch == kDay) {
      any_date = true;
      break;
    }
  }
  if (!any_date) return false;
  bool date = false, bound = false;
  uint32_t prev = 0;
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0xE0 || c > 0xEF || i + 3 > s.size()) {
      prev = 0;
      ++i;
      continue;
    }
    const uint32_t ch = Char3(s.substr(i, 3));
    i += 3;
    const uint32_t before = prev;
    prev = ch;
    if (((kLastBytes >> (ch & 63)) & 1) == 0) continue;
    switch (ch) {
      case kYear:
      case kMonth:
      case kDay:
        date = true;
        break;
      case kBefore:
      case kEnd:
        bound = true;
        break;
      case kWithin:
        bound = bound || before == kYi || before == kZhi;
        break;
      case kCheng:
        bound = bound || before == kWan;
        break;
      case kZhiStop:
        bound = bound || before == kJie;
        break;
      default:
        break;
    }
    if (date && bound) return true;
  }
  return false;
}

bool IsCadence(std::string_view s) {
  if (s.size() > 36) return false;  // twelve characters: a cadence is a short phrase
  if (StartsWith(s, "每") || StartsWith(s, "按")) {
    std::string_view rest = s.substr(std::string_view("每").size());
    for (std::string_view period : {"月", "季度", "季", "年", "周", "日", "天", "半年", "学期"}) {
      if (rest.starts_with(period)) return true;
    }
  }
  return Equals(s, "实时") || Equals(s, "及时") || Equals(s, "按时") || Equals(s, "定期");
}

// An indicator value taken apart, as views of the folded text (the comparator of the
// symbol table). The single parser behind ParseIndicatorValue and IndicatorValueShapeOf.
struct ValueParts {
  ValueKind kind = ValueKind::kEmpty;
  std::string_view comparator, prefix, number, unit;
  Decimal value;
};

// Whether a clean text can read as a quantity or a deadline: whether it holds an ASCII byte or
// an EF lead (every digit of either width is one), or the last two bytes of 年, 月 or 日. Where
// it holds none, SplitValue would find it qualitative or a cadence after three passes over it
// (FoldDigits changes nothing, the deadline and digit searches find nothing). Most cells of an
// indicator row, level names and indicator names, are such texts. The answer may be yes for a
// text that is neither (a full-width comma, two bytes that only look like a date's): SplitValue
// then decides, as it always did.
bool MayHoldFigureOrDate(std::string_view s) {
  const size_t n = s.size();
  if (n % 3 != 0) return true;  // not three-byte characters alone
#ifdef __SSE2__
  // Sixteen bytes with no branch on what they are (where the first telling byte falls follows
  // no pattern the processor could learn). `prev` is `v` a byte later: its first lane pairs
  // with nothing of the text, a yes at worst.
  auto marked = [](__m128i v) {
    const __m128i ascii = _mm_cmpgt_epi8(v, _mm_set1_epi8(-1));
    const __m128i ef = _mm_cmpeq_epi8(v, _mm_set1_epi8('\xEF'));
    const __m128i dates = DateEnds::Marks(_mm_slli_si128(v, 1), v);
    return _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(ascii, ef), dates)) != 0;
  };
  if (n >= 9 && n < 16) {
    // Three to five characters: the first eight bytes and the last eight in one vector. Each
    // pair of neighbouring bytes lies within one of the two halves.
    int64_t first, last;
    std::memcpy(&first, s.data(), 8);
    std::memcpy(&last, s.data() + n - 8, 8);
    return marked(_mm_set_epi64x(last, first));
  }
  if (n >= 16) {
    // Blocks fifteen bytes apart, so that each pair of neighbouring bytes lies within one;
    // the last block ends with the text.
    size_t i = 0;
    for (; i + 16 <= n; i += 15) {
      if (marked(_mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i)))) return true;
    }
    return i < n && marked(_mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + n - 16)));
  }
#endif
  // One or two characters, or no SSE2: each character whole.
  bool may = false;
  for (size_t i = 0; i < n; i += 3) {
    const uint32_t ch = Char3(s.substr(i, 3));
    may |= static_cast<unsigned char>((ch >> 16) - 0xE4) > 0xE9 - 0xE4;
    may |= (ch == kYear) | (ch == kMonth) | (ch == kDay);
  }
  return may;
}

// SplitValue's kind for a text MayHoldFigureOrDate turns away (there FoldDigits changes
// nothing and the deadline and number tests find nothing).
ValueKind KindWithoutFigureOrDate(std::string_view s) {
  if (s.empty()) return ValueKind::kEmpty;
  return IsCadence(s) ? ValueKind::kCadence : ValueKind::kQualitative;
}

ValueParts SplitValue(std::string_view folded) {
  ValueParts v;
  if (folded.empty()) return v;
  if (IsCadence(folded)) {
    v.kind = ValueKind::kCadence;
    return v;
  }
  if (IsDeadline(folded)) {
    v.kind = ValueKind::kDeadline;
    return v;
  }
  const size_t first = ByteRange<'0', '9'>::FindIn(folded, 0);
  if (first == std::string_view::npos) {
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
  std::string_view number = folded.substr(first, end - first);
  int64_t digits = 0;
  int scale = -1;
  for (char c : number) {
    if (c == ',') continue;
    if (c == '.') {
      scale = 0;
      continue;
    }
    if (scale >= 9) break;  // beyond nine decimals: truncated
    if (__builtin_mul_overflow(digits, 10, &digits) ||
        __builtin_add_overflow(digits, c - '0', &digits)) {
      v.kind = ValueKind::kQualitative;  // a number this long is not a target; keep it as text
      return v;
    }
    if (scale >= 0) ++scale;
  }
  v.kind = ValueKind::kQuantity;
  std::string_view prefix = Trim(folded.substr(0, first));
  // A prefix can end with a comparator only if its last byte ends one.
  static constexpr auto kLastBytes = [] {
    std::array<bool, 256> last{};
    for (auto [text, symbol] : kComparators) last[static_cast<unsigned char>(text.back())] = true;
    return last;
  }();
  for (auto [text, symbol] : kComparators) {
    if (prefix.empty() || !kLastBytes[static_cast<unsigned char>(prefix.back())]) break;
    if (prefix.ends_with(text)) {
      prefix.remove_suffix(text.size());
      v.comparator = symbol;
      break;
    }
  }
  v.prefix = Trim(prefix);
  v.number = number;
  v.unit = Trim(folded.substr(end));
  // A bound said after the figure and its unit ("90%以上", "5个及以下", "30分钟以内"): the
  // comparison it states (以上 and 以下 include the figure, as in regulations), and the unit
  // without it. Each word ends in 上, 下 or 内, whose last bytes are tested first.
  static constexpr std::pair<std::string_view, std::string_view> kBoundsAfter[] = {
      {"及以上", "≥"}, {"以上", "≥"}, {"及以下", "≤"}, {"以下", "≤"}, {"以内", "≤"}};
  if (const char last = v.unit.empty() ? '\0' : v.unit.back();
      last == '\x8A' || last == '\x8B' || last == '\x85') {
    for (auto [text, symbol] : kBoundsAfter) {
      if (!v.unit.ends_with(text)) continue;
      v.unit = Trim(v.unit.substr(0, v.unit.size() - text.size()));
      if (v.comparator.empty()) v.comparator = symbol;
      break;
    }
  }
  v.value = Decimal{digits, static_cast<uint8_t>(scale < 0 ? 0 : scale)};
  return v;
}

struct LevelForm {
  std::string_view printed;    // the match key of a printed form
  std::string_view canonical;  // the name the rules use
  uint8_t level;
  bool bare = false;  // one word an indicator may be named too ("满意度", "数量")
};

constexpr LevelForm kLevelForms[] = {
    {"产出指标", "产出指标", 1},
    {"产出", "产出指标", 1, true},
    {"效益指标", "效益指标", 1},
    {"效益", "效益指标", 1, true},
    {"效果指标", "效益指标", 1},
    {"效果", "效益指标", 1, true},
    {"满意度指标", "满意度指标", 1},
    {"满意度", "满意度指标", 1, true},
    {"成本指标", "成本指标", 1},
    {"成本", "成本指标", 1, true},
    {"数量指标", "数量指标", 2},
    {"数量", "数量指标", 2, true},
    {"质量指标", "质量指标", 2},
    {"质量", "质量指标", 2, true},
    {"时效指标", "时效指标", 2},
    {"时效", "时效指标", 2, true},
    {"成本指标", "成本指标", 2},
    {"成本", "成本指标", 2, true},
    {"经济效益指标", "经济效益指标", 2},
    {"经济效益", "经济效益指标", 2},
    {"社会效益指标", "社会效益指标", 2},
    {"社会效益", "社会效益指标", 2},
    {"生态效益指标", "生态效益指标", 2},
    {"生态效益", "生态效益指标", 2},
    {"可持续影响指标", "可持续影响指标", 2},
    {"可持续影响", "可持续影响指标", 2},
    {"可持续发展影响指标", "可持续影响指标", 2},
    {"可持续发展影响", "可持续影响指标", 2},
    {"可持续性影响指标", "可持续影响指标", 2},
    {"可持续性影响", "可持续影响指标", 2},
    {"可持续发展", "可持续影响指标", 2},
    {"服务对象满意度指标", "服务对象满意度指标", 2},
    {"服务对象满意度", "服务对象满意度指标", 2},
    {"经济成本指标", "经济成本指标", 2},
    {"经济成本", "经济成本指标", 2},
    {"社会成本指标", "社会成本指标", 2},
    {"社会成本", "社会成本指标", 2},
    {"生态环境成本指标", "生态环境成本指标", 2},
    {"生态环境成本", "生态环境成本指标", 2},
};

// The forms by a hash of their first and last characters and length, in a table of 128 slots
// (open addressing, built at compile time): the readers ask every cell of an indicator row,
// and a cell that is no level name is mostly turned away at an empty slot.
constexpr size_t kLevelSlots = 128;
constexpr size_t LevelHash(std::string_view key) {
  // The first character's last byte, the last byte and the length: three loads, few collisions.
  const auto byte = [&](size_t i) {
    return static_cast<size_t>(static_cast<unsigned char>(key[i]));
  };
  return (byte(2) * 7 + byte(key.size() - 1) * 31 + key.size()) % kLevelSlots;
}
constexpr auto kLevelTable = [] {
  std::array<int8_t, kLevelSlots> slots{};
  slots.fill(-1);
  for (size_t i = 0; i < std::size(kLevelForms); ++i) {
    size_t h = LevelHash(kLevelForms[i].printed);
    while (slots[h] >= 0) h = (h + 1) % kLevelSlots;
    slots[h] = static_cast<int8_t>(i);
  }
  return slots;
}();

static_assert(std::all_of(std::begin(kLevelForms), std::end(kLevelForms), [](const LevelForm& f) {
  return f.printed.size() >= 6 && f.printed.size() <= 3 * kLevelNameMostIdeographs &&
         f.printed.size() % 3 == 0 && std::all_of(f.printed.begin(), f.printed.end(), [](char c) {
           const auto u = static_cast<unsigned char>(c);
           return (u >= 0xE4 && u <= 0xE9) || (u & 0xC0) == 0x80;
         });
}));

// The last bytes of the forms, as a set of their low six bits: a first test, of one byte.
constexpr uint64_t kLevelLastBytes = [] {
  uint64_t set = 0;
  for (const LevelForm& f : kLevelForms) set |= uint64_t{1} << (f.printed.back() & 63);
  return set;
}();

}  // namespace

std::string_view CanonicalLevelName(std::string_view key, int level, bool* bare) {
  if (bare != nullptr) *bare = false;
  // Every form is two to nine ideographs (lead bytes E4-E9).
  if (key.size() < 6 || key.size() > 3 * kLevelNameMostIdeographs ||
      static_cast<unsigned char>(key[0]) < 0xE4 ||
      ((kLevelLastBytes >> (key.back() & 63)) & 1) == 0 || key.size() % 3 != 0) {
    return {};
  }
  for (size_t h = LevelHash(key); kLevelTable[h] >= 0; h = (h + 1) % kLevelSlots) {
    const LevelForm& f = kLevelForms[static_cast<size_t>(kLevelTable[h])];
    if (f.level != level || f.printed != key) continue;
    if (bare != nullptr) *bare = f.bare;
    return f.canonical;
  }
  return {};
}

std::string_view LevelOf(std::string_view printed, int level) {
  std::string storage;  // level names are ideographs: their own keys, nothing copied
  return CanonicalLevelName(MatchKeyView(printed, &storage), level);
}

bool IsCostLevel2(std::string_view key) {
  const std::string_view name = CanonicalLevelName(key, 2);
  return name == "经济成本指标" || name == "社会成本指标" || name == "生态环境成本指标";
}

namespace {
constexpr std::string_view kComparatorSymbols[] = {"", "≥", "≤", "=", "<", ">"};
}  // namespace

std::string_view IndicatorValue::comparator() const { return kComparatorSymbols[comparator_]; }

void IndicatorValue::SetParts(std::string_view comparator, std::string_view prefix,
                              std::string_view number, std::string_view unit) {
  const auto* symbol =
      std::find(std::begin(kComparatorSymbols), std::end(kComparatorSymbols), comparator);
  comparator_ = symbol == std::end(kComparatorSymbols)
                    ? 0
                    : static_cast<uint8_t>(symbol - std::begin(kComparatorSymbols));
  parts_.clear();
  parts_.reserve(prefix.size() + number.size() + unit.size());
  parts_.append(prefix).append(number).append(unit);
  prefix_size_ = static_cast<uint32_t>(prefix.size());
  number_size_ = static_cast<uint32_t>(number.size());
}

IndicatorValue ParseIndicatorValue(std::string_view raw) {
  return ParseCleanIndicatorValue(CleanCell(raw));
}

IndicatorValue ParseCleanIndicatorValue(Text clean) {
  IndicatorValue v;
  v.raw = std::move(clean);  // `raw` keeps the text as printed; parsing reads the folded text
  if (!MayHoldFigureOrDate(v.raw)) {
    v.kind = KindWithoutFigureOrDate(v.raw);
    return v;
  }
  std::string storage;
  ValueParts parts = SplitValue(FoldDigits(v.raw, &storage));
  v.kind = parts.kind;
  v.SetParts(parts.comparator, parts.prefix, parts.number, parts.unit);
  v.value = parts.value;
  return v;
}

ValueShape IndicatorValueShapeOf(std::string_view clean) {
  if (!MayHoldFigureOrDate(clean)) return ValueShape{KindWithoutFigureOrDate(clean), 0};
  std::string storage;
  ValueParts parts = SplitValue(FoldDigits(clean, &storage));
  return ValueShape{parts.kind, parts.prefix.size()};
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
