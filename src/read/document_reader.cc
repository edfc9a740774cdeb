#include "read/document_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>

#include "base/text.h"
#include "decode/decode.h"
#include "read/claims_reader.h"
#include "read/lines.h"
#include "read/sections.h"
#include "read/spaced_layout.h"
#include "read/table_reader.h"
#include "read/target_reader.h"

namespace yusuan {
namespace {

bool EndsWithPageNumber(std::string_view plain) {
  size_t end = plain.size();
  size_t d = end;
  while (d > 0 && plain[d - 1] >= '0' && plain[d - 1] <= '9') --d;
  if (d == end) return false;
  std::string_view before = plain.substr(0, d);
  while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
  return before.ends_with("\t") || before.ends_with("...") || before.ends_with("…");
}

// A table-of-contents line: "表三2026年预算支出总表.....\t6", "第一部分 概况\t1".
// `plain` is the line with markup stripped (StripMarkup).
bool IsTocPlain(std::string_view plain) {
  // FindText searches a line inline, where a memchr call would cost more: every line is asked.
  return EndsWithPageNumber(plain) || FindText(plain, ".....") != std::string_view::npos;
}

// Phrases that converters leave on every page as a watermark. A line that is only one of these
// is never part of the content.
constexpr std::string_view kWatermarks[] = {"仅供内部审核", "内部资料", "征求意见稿",
                                            "仅供参考",     "草稿",     "样稿"};

bool IsWatermarkKey(std::string_view key) {
  for (std::string_view w : kWatermarks) {
    if (key == w) return true;
  }
  return false;
}

// Characters in the longest watermark phrase: a line whose key is longer is none of them.
constexpr size_t kWatermarkChars = [] {
  size_t most = 0;
  for (std::string_view w : kWatermarks) {
    size_t chars = 0;
    for (char c : w) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    most = std::max(most, chars);
  }
  return most;
}();

// Whether a trimmed line starts with the first character of a watermark phrase (every phrase
// starts with an ideograph, which its key keeps in front).
bool StartsLikeWatermark(std::string_view plain) {
  static_assert(std::all_of(std::begin(kWatermarks), std::end(kWatermarks), [](std::string_view w) {
    return w.size() >= 3 && static_cast<unsigned char>(w[0]) >= 0xE4 &&
           static_cast<unsigned char>(w[0]) <= 0xE9;
  }));
  return std::any_of(std::begin(kWatermarks), std::end(kWatermarks),
                     [&](std::string_view w) { return plain.starts_with(w.substr(0, 3)); });
}

bool IsWatermark(std::string_view raw) {
  return KeptCharacters(raw, kWatermarkChars) <= kWatermarkChars && IsWatermarkKey(MatchKey(raw));
}

// A line that says a table goes on from the page before ("续表", "（续表）", "续上表",
// "接上页"), by its match key: a page header, part of no table (a standard table's, a target
// table's or the 民生 summary's), skipped as a watermark is. Out of line, and most short lines
// turned away on their first and last bytes (those of 续, 接 or a bracket; of 表, 页, 续 or a
// bracket) before a key is made: the structure scan asks every short line.
[[gnu::noinline]] bool IsContinuationLine(std::string_view plain) {
  const char first = plain.empty() ? '\0' : plain.front();
  const char last = plain.empty() ? '\0' : plain.back();
  if ((first != '\xE7' && first != '\xE6' && first != '(' && first != '\xEF') ||
      (last != '\xA8' && last != '\xB5' && last != '\xAD' && last != '\x89' && last != ')')) {
    return false;
  }
  static constexpr std::string_view kMarks[] = {"续表",     "(续表)",  "续上表", "(续上表)",
                                                "接上表",   "接上页",  "(续)",   "续",
                                                "(接上页)", "(接上表)"};
  const std::string key = MatchKey(plain);
  return std::find(std::begin(kMarks), std::end(kMarks), key) != std::end(kMarks);
}

// A page number a PDF conversion leaves on a line of its own: "- 5 -", "—5—", "第 5 页",
// "第5页 共20页", "第 5 页，共 20 页", "共20页 第5页" (digits may be full-width). Skipped as a
// watermark is: left in, it was read as an indicator ("- 11 -") or a stray table line.
[[gnu::noinline]] bool IsPageNumber(std::string_view plain) {
  // Turned away unless it starts with a dash, 第 or 共 followed (past spaces) by a digit or a
  // dash: "第一部分", "（一）", "共计" never get further.
  if (plain.size() > 60) return false;
  std::string_view rest;
  for (std::string_view lead : {"-", "—", "–", "－", "第", "共"}) {
    if (plain.starts_with(lead)) rest = plain.substr(lead.size());
  }
  if (rest.data() == nullptr) return false;
  rest = Trim(rest);
  const bool digit_next =
      (!rest.empty() && rest[0] >= '0' && rest[0] <= '9') || FullWidthDigitAt(rest, 0);
  const bool dash_next = rest.starts_with("-") || rest.starts_with("—") || rest.starts_with("–") ||
                         rest.starts_with("－");
  if (!digit_next && !dash_next) return false;
  std::string folded_storage;
  std::string compact;  // without spaces (ASCII and U+3000), digits half-width
  const std::string_view folded = FoldDigits(plain, &folded_storage);
  for (size_t i = 0; i < folded.size(); ++i) {
    if (folded.substr(i, 3) == "\u3000") {
      i += 2;
    } else if (folded[i] != ' ') {
      compact += folded[i];
    }
  }
  std::string_view t = compact;
  auto digits = [&](std::string_view* s) {
    size_t n = 0;
    while (n < s->size() && (*s)[n] >= '0' && (*s)[n] <= '9') ++n;
    s->remove_prefix(n);
    return n > 0 && n <= 4;
  };
  auto dashes = [&](std::string_view* s) {
    size_t n = 0;
    for (bool more = true; more;) {
      more = false;
      for (std::string_view d : {"-", "—", "–", "－"}) {
        if (s->starts_with(d)) {
          s->remove_prefix(d.size());
          ++n;
          more = true;
        }
      }
    }
    return n > 0;
  };
  auto page = [&](std::string_view* s, std::string_view lead) {  // 第N页 or 共N页
    if (!s->starts_with(lead)) return false;
    s->remove_prefix(lead.size());
    if (!digits(s) || !s->starts_with("页")) return false;
    s->remove_prefix(std::string_view("页").size());
    return true;
  };
  auto comma = [](std::string_view* s) {
    for (std::string_view c : {",", "，", "、"}) {
      if (s->starts_with(c)) s->remove_prefix(c.size());
    }
  };
  std::string_view a = t;
  if (dashes(&a) && digits(&a) && dashes(&a) && a.empty()) return true;
  std::string_view b = t;
  if (page(&b, "第")) {
    comma(&b);
    return b.empty() || (page(&b, "共") && b.empty());
  }
  std::string_view c = t;
  if (page(&c, "共")) {
    comma(&c);
    return page(&c, "第") && c.empty();
  }
  return false;
}

// Characters in the longest key FindStructure compares whole: a watermark, 目录, a printed
// label (IsPrintedLabel).
constexpr size_t kShortKeyChars = 12;
static_assert(kWatermarkChars <= kShortKeyChars);

bool IsPartHeading(std::string_view key, int* part) {
  static constexpr std::string_view kParts[] = {"第一部分", "第二部分", "第三部分", "第四部分",
                                                "第五部分"};
  for (int i = 0; i < 5; ++i) {
    if (key.starts_with(kParts[i])) {
      *part = i + 1;
      return true;
    }
  }
  // "第3部分" (the key has full-width digits folded).
  constexpr std::string_view kDi = "第";
  if (key.starts_with(kDi) && key.size() > kDi.size() && key[kDi.size()] >= '1' &&
      key[kDi.size()] <= '5' && key.substr(kDi.size() + 1).starts_with("部分")) {
    *part = key[kDi.size()] - '0';
    return true;
  }
  return false;
}

// A title line: short, not a sentence, no tab.
bool IsTitleShaped(std::string_view raw, std::string_view plain) {
  if (ByteSet<'\t'>::FindIn(Trim(raw), 0) != std::string_view::npos) return false;
  if (plain.size() > 60 && CodePoints(plain) > 60) return false;  // (a character is a byte or more)
  // No "。" (E3 80 82), "，" (EF BC 8C) or "；" (EF BC 9B): one inline pass over the leads E3
  // and EF, where three searches stopped at every such lead (most punctuation) in a call each.
  using Leads = ByteSet<'\xE3', '\xEF'>;
  for (size_t i = Leads::FindIn(plain, 0); i != std::string_view::npos && i + 2 < plain.size();
       i = Leads::FindIn(plain, i + 1)) {
    const char second = plain[i + 1], third = plain[i + 2];
    if (plain[i] == '\xE3' ? second == '\x80' && third == '\x82'
                           : second == '\xBC' && (third == '\x8C' || third == '\x9B')) {
      return false;
    }
  }
  return true;
}

// Whether the text ends with an ASCII digit or a full-width one (U+FF10-FF19, EF BC 90-99).
bool EndsWithDigit(std::string_view s) {
  if (s.empty()) return false;
  if (s.back() >= '0' && s.back() <= '9') return true;
  return s.size() >= 3 && FullWidthDigitAt(s, s.size() - 3);
}

// "预算公开表10", "部门公开表9".
bool IsPrintedLabel(std::string_view key) {
  size_t p = key.find("公开表");
  if (p == std::string_view::npos || CodePoints(key) > kShortKeyChars) return false;
  std::string_view rest = key.substr(p + 9);
  return !rest.empty() &&
         std::all_of(rest.begin(), rest.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The first cell of a tab-separated line that is not blank, or "" when all are.
std::string_view FirstCell(std::string_view line) {
  for (size_t start = 0; start <= line.size();) {
    size_t tab = line.find('\t', start);
    std::string_view cell =
        Trim(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
    if (!cell.empty()) return cell;
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return {};
}

int FindYear(std::string_view s) {
  for (size_t i = 0; i + 4 <= s.size(); ++i) {
    if (s[i] == '2' && s[i + 1] == '0' && std::isdigit(static_cast<unsigned char>(s[i + 2])) &&
        std::isdigit(static_cast<unsigned char>(s[i + 3])) &&
        (i + 4 == s.size() || !std::isdigit(static_cast<unsigned char>(s[i + 4])))) {
      return (s[i + 2] - '0') * 10 + (s[i + 3] - '0') + 2000;
    }
  }
  return 0;
}

// The administrative area a name starts with: "长治市屯留区卫生健康和体育局" -> "长治市屯留区",
// "孟县人力资源和社会保障局" -> "孟县". Empty when the name starts with none.
std::string RegionOf(std::string_view name) {
  std::string out;
  size_t pos = 0;
  // Up to two levels (市 then 县/区/旗), each at most 5 characters long.
  for (int level = 0; level < 2; ++level) {
    size_t p = pos;
    size_t found = std::string_view::npos;
    for (int chars = 0; chars < 5 && p < name.size(); ++chars) {
      size_t start = p;
      char32_t cp = NextCodePoint(name, &p);
      (void)start;
      bool city = cp == U'市' || cp == U'州' || cp == U'盟';
      bool county = cp == U'县' || cp == U'区' || cp == U'旗';
      if ((level == 0 && (city || county)) || (level == 1 && county)) {
        found = p;
        break;
      }
    }
    if (found == std::string_view::npos || found - pos < 6) break;  // a region has 2+ chars
    out += name.substr(pos, found - pos);
    pos = found;
    // A county reached at the first level ends the region.
    if (std::string_view(out).ends_with("县") || std::string_view(out).ends_with("区")) break;
  }
  return out;
}

struct Structure {
  LineFlags watermark;  // index by line number
  LineFlags toc;
  std::map<int, uint32_t> parts;  // 第N部分 -> line
  std::vector<TableRegion> tables;
  std::vector<uint32_t> target_titles;
  std::vector<TargetTable> targets;
  // The lines a region of each kind (Region) ends before, sorted: found by a binary search, so
  // that a document of many tables costs no pass over all of them per table.
  std::vector<uint32_t> bounds[2];
  // The ordinal of the narrative heading the target tables are printed under ("十、绩效管理
  // 情况", "10.绩效管理情况"), when they are: the next heading so numbered ends them.
  Ordinal targets_heading;
};

enum class Region { kTable, kTarget };

// What ends a region of each kind, sorted for RegionEnd. Kept out of FindStructure (noinline):
// inlined there, its sorts changed how the compiler inlined the line scan's helpers, and the
// scan took 28% more instructions.
[[gnu::noinline]] void SortBounds(Structure* st) {
  std::vector<uint32_t>& target_bounds = st->bounds[static_cast<int>(Region::kTarget)];
  for (const auto& [part, line] : st->parts) target_bounds.push_back(line);
  for (const TableRegion& t : st->tables) target_bounds.push_back(t.title_line);
  std::sort(target_bounds.begin(), target_bounds.end());
  std::vector<uint32_t>& table_bounds = st->bounds[static_cast<int>(Region::kTable)];
  table_bounds = target_bounds;
  table_bounds.insert(table_bounds.end(), st->target_titles.begin(), st->target_titles.end());
  std::sort(table_bounds.begin(), table_bounds.end());
}

uint32_t RegionEnd(const Lines& lines, const Structure& st, uint32_t from, uint32_t limit,
                   Region region);

// The key of the 单位名称/部门名称 line under a table's title, before its first row of cells;
// "" when there is none.
std::string EntityKeyUnder(const Lines& lines, uint32_t title_line) {
  constexpr uint32_t kLook = 6;  // title, entity, unit and blank lines between
  for (uint32_t i = title_line + 1; i <= lines.size() && i <= title_line + kLook; ++i) {
    const std::string plain = StripMarkup(lines[i]);
    TableHead head;
    if (StartsLikeTableHead(MatchKey(plain)) && ReadTableHead(plain, &head)) {
      if (!head.entity.empty()) return MatchKey(head.entity);
      continue;
    }
    if (lines[i].find('\t') != std::string_view::npos) break;  // the column headers
  }
  return {};
}

// Whether the title at `again`, the same table's as at `title_line` with nothing found between,
// is that table's page header on the next page: it names no other budget unit. (A department's
// disclosure may print a table for each of its units, one after the other.)
bool ContinuesTable(const Lines& lines, uint32_t title_line, uint32_t again) {
  const std::string entity = EntityKeyUnder(lines, again);
  return entity.empty() || entity == EntityKeyUnder(lines, title_line);
}

// Notes line `i` (line, number) when it holds a bare number set in from the margin. Kept out
// of FindStructure's scan (noinline), as its other helpers are: the scan's inlining is
// sensitive to its size.
[[gnu::noinline]] void NoteBareNumber(std::string_view raw, uint32_t i,
                                      std::vector<std::pair<uint32_t, int>>* numbers) {
  if (!IsSetInPageNumber(raw)) return;
  int number = 0;
  for (char d : Trim(raw)) number = number * 10 + (d - '0');
  numbers->emplace_back(i, number);
}

// Of the lines holding a bare number set in from the margin (line, number), marks as page
// numbers those that count pages: each one more than one at least kPageLines lines before or
// one less than one as far after it. A number set in alone that counts nothing (a cell of
// raw PDF text, 序号 1, 2, 3 a line or two apart) is left to the readers.
[[gnu::noinline]] void MarkPageNumbers(const std::vector<std::pair<uint32_t, int>>& numbers,
                                       LineFlags* watermark) {
  constexpr uint32_t kPageLines = 10;
  std::vector<bool> page(numbers.size(), false);
  for (size_t a = 0; a < numbers.size(); ++a) {
    // The next number one more, within the numbers after it (pages are in order).
    for (size_t b = a + 1; b < numbers.size() && b <= a + 8; ++b) {
      if (numbers[b].second == numbers[a].second + 1 &&
          numbers[b].first >= numbers[a].first + kPageLines) {
        page[a] = page[b] = true;
        break;
      }
    }
  }
  for (size_t k = 0; k < numbers.size(); ++k) {
    if (page[k]) (*watermark)[numbers[k].first] = true;
  }
}

Structure FindStructure(const Lines& lines) {
  Structure st;
  const uint32_t n = lines.size();
  st.watermark.assign(n + 2, false);
  st.toc.assign(n + 2, false);
  bool in_toc = false;
  std::string pending_label;
  uint32_t pending_label_line = 0;
  // The last line that began a structure other than a standard table (a part, a target table).
  uint32_t last_other_structure = 0;
  std::vector<uint32_t>& target_title_lines = st.target_titles;
  std::string plain_storage, key_storage;
  // Lines of a bare number set in ("          5"): page numbers when they count the pages.
  std::vector<std::pair<uint32_t, int>> bare_numbers;
  for (uint32_t i = 1; i <= n; ++i) {
    std::string_view raw = lines[i];
    // Every structure line (a title, a heading, a label, a TOC entry) is short; long lines are
    // prose or table rows and need no key.
    if (raw.size() > 400) {
      if (IsWatermark(raw)) {
        st.watermark[i] = true;
      } else {
        in_toc = false;
      }
      continue;
    }
    // Without markup, the plain line is the trimmed line and its key (which ignores the spaces
    // Trim removes) is also the watermark key.
    std::string_view plain = StripMarkupView(raw, &plain_storage);
    const bool markup = plain.data() == plain_storage.data() && !plain.empty();
    // The key is built only for the lines whose checks need it, and each check first asks the
    // plain line for a character its key would need: MatchKey drops white space and folds
    // width and punctuation but never changes an ideograph, so a key holds an ideograph (or
    // starts with one) only if the trimmed line does.
    std::string_view key;
    bool keyed = false;
    auto get_key = [&] {
      if (!keyed) key = MatchKeyView(plain, &key_storage);
      keyed = true;
      return key;
    };
    // Whether the key is short enough to be compared whole (asked after the cheaper tests).
    auto short_key = [&] { return KeptCharacters(plain, kShortKeyChars) <= kShortKeyChars; };
    if (markup ? IsWatermark(raw)
               : StartsLikeWatermark(plain) && short_key() && IsWatermarkKey(get_key())) {
      st.watermark[i] = true;
      continue;
    }
    // Asked only of lines whose first byte could start one ('-', E2 for — and –, EF for －, E7
    // for 第, E5 for 共): the rest of the test kept out of line, so that the scan's helpers
    // inline as before.
    if (const char c = plain.empty() ? '\0' : plain[0];
        (c == '-' || c == '\xE2' || c == '\xEF' || c == '\xE7' || c == '\xE5') &&
        IsPageNumber(plain)) {
      st.watermark[i] = true;
      continue;
    }
    if (plain.size() <= 4 && raw.size() > plain.size()) NoteBareNumber(raw, i, &bare_numbers);
    // "续表", "（续表）", "接上页": no more than sixteen bytes.
    if (plain.size() <= 16 && IsContinuationLine(plain)) {
      st.watermark[i] = true;
      continue;
    }
    // Trim removes from the ends exactly the white space MatchKey removes everywhere: the key
    // is empty exactly when the plain line is.
    if (plain.empty()) continue;
    if (plain.starts_with("目") && short_key() && get_key() == "目录") {
      in_toc = true;
      st.toc[i] = true;
      continue;
    }
    if (in_toc) {
      if (IsTocPlain(plain)) {
        st.toc[i] = true;
        continue;
      }
      in_toc = false;
    }
    if (IsTocPlain(plain) && CodePoints(plain) < 80 && MayBeTitle(plain) &&
        MatchTitleKey(get_key()) != nullptr) {
      st.toc[i] = true;  // a stray TOC entry outside the TOC block
      continue;
    }
    // Trim and MatchKey drop the same white space, and 第 never folds: a key starts with 第
    // exactly when the trimmed line does.
    int part;
    if (plain.starts_with("第") && IsPartHeading(get_key(), &part) &&
        raw.find('\t') == std::string_view::npos) {
      st.parts.emplace(part, i);
      last_other_structure = i;
      continue;
    }
    // A label's key ends with its number, and the key ends with a digit exactly when the plain
    // line ends with an ASCII or a full-width digit (the only characters that fold to one):
    // lines that cannot be a label are turned away before the search for 表.
    if (EndsWithDigit(plain) && Contains(plain, "表") && short_key() && IsPrintedLabel(get_key())) {
      pending_label = CleanCell(plain);
      pending_label_line = i;
      continue;
    }
    if (!IsTitleShaped(raw, plain)) continue;
    if (Contains(plain, "绩") && IsTargetTitle(get_key())) {
      target_title_lines.push_back(i);
      last_other_structure = i;
      continue;
    }
    if (const TableSpec* spec = MayBeTitle(plain) ? MatchTitleKey(get_key()) : nullptr) {
      // The title again, with nothing found since the table it names began ("…总表（续）" at
      // the top of the next page): a page header inside that table, which goes on.
      if (!st.tables.empty() && st.tables.back().spec == spec &&
          st.tables.back().title_line > last_other_structure &&
          ContinuesTable(lines, st.tables.back().title_line, i)) {
        st.watermark[i] = true;
        if (pending_label_line > st.tables.back().title_line) {
          st.watermark[pending_label_line] = true;
        }
        pending_label.clear();
        continue;
      }
      TableRegion r;
      r.spec = spec;
      r.title_line = i;
      r.title = CleanCell(plain);
      r.printed_label = std::move(pending_label);
      pending_label.clear();
      st.tables.push_back(std::move(r));
    }
  }

  MarkPageNumbers(bare_numbers, &st.watermark);
  SortBounds(&st);

  // Standard tables end where the next structure begins.
  LineFlags in_table(n + 2, false);
  for (TableRegion& region : st.tables) {
    region.last_line = RegionEnd(lines, st, region.title_line, n, Region::kTable);
    for (uint32_t i = region.title_line; i <= region.last_line; ++i) in_table[i] = true;
  }

  // Target tables start at their 项目名称 row (部门/单位基本信息 for an overall table); the title
  // lines before it may be missing (raw PDF text) or repeated as page headers, so they only
  // name the table: the last title line since the previous table's start is its title.
  uint32_t previous_start = 0;
  size_t next_title = 0;
  for (uint32_t i = 1; i <= n; ++i) {
    if (st.watermark[i] || st.toc[i] || in_table[i]) continue;
    // Only the first cell that is not blank can name a target table; a long one cannot. The
    // names start with 项, 部 or 单, which never fold: a cell whose key could match starts so.
    std::string_view cell = FirstCell(lines[i]);
    if (cell.size() > 200 ||
        !(cell.starts_with("项") || cell.starts_with("部") || cell.starts_with("单"))) {
      continue;
    }
    std::string_view first = MatchKeyView(cell, &key_storage);
    bool project = first == "项目名称";
    bool overall = first == "部门基本信息" || first == "单位基本信息";
    if (!project && !overall) continue;
    TargetTable t;
    t.kind = overall ? TargetTable::Kind::kOverall : TargetTable::Kind::kProject;
    t.at = Location{i, 0};
    while (next_title < target_title_lines.size() && target_title_lines[next_title] < i) {
      uint32_t title_line = target_title_lines[next_title++];
      if (title_line > previous_start) {
        t.at = Location{title_line, 0};
        t.title = CleanCell(StripMarkup(lines[title_line]));
      }
    }
    if (!st.targets.empty()) st.targets.back().last_line = t.at.line - 1;
    t.last_line = n;
    previous_start = i;
    st.targets.push_back(std::move(t));
  }
  return st;
}

// The ordinal of the narrative heading the first target table is printed under: of the
// headings between the start of its part and it, the last one numbered as the first one is
// (the part's top level: "十、" after "一、", "10." after "1."; not a sub-heading "2、" under
// it). None when no numbered heading is there.
[[gnu::noinline]] Ordinal TargetsHeading(const Lines& lines, const Structure& st) {
  if (st.targets.empty()) return {};
  constexpr uint32_t kLookBack = 2000;  // lines: a heading is not that far above its content
  const uint32_t first = st.targets.front().at.line;
  uint32_t start = first > kLookBack ? first - kLookBack : 1;
  for (const auto& [part, line] : st.parts) {
    if (line < first) start = std::max(start, line + 1);
  }
  std::string storage;
  Ordinal top, under;
  for (uint32_t i = start; i < first; ++i) {
    if (st.watermark[i] || st.toc[i] || !IsSectionHeading(lines[i])) continue;
    const Ordinal ordinal = OrdinalOf(StripMarkupView(lines[i], &storage));  // '#' marks gone
    if (ordinal.style == Ordinal::Style::kNone) continue;
    if (top.style == Ordinal::Style::kNone) top = ordinal;
    if (ordinal.style == top.style) under = ordinal;
  }
  return under;
}

// The last line of the region that starts at `from`. Every region ends before a part heading
// or a standard table's title. A standard table also ends before a target table's title; a
// target table (whose next start already bounds it, and whose title may repeat on every page)
// ends before a top-level narrative heading such as "十一、国有资产占有使用情况", or the
// heading after the one the target tables are under, numbered in its style ("11.", "（十一）").
uint32_t RegionEnd(const Lines& lines, const Structure& st, uint32_t from, uint32_t limit,
                   Region region) {
  uint32_t end = limit;
  const std::vector<uint32_t>& bounds = st.bounds[static_cast<int>(region)];
  if (auto next = std::upper_bound(bounds.begin(), bounds.end(), from); next != bounds.end()) {
    end = std::min(end, *next - 1);
  }
  if (region == Region::kTable) return end;
  const Ordinal& under = st.targets_heading;
  const bool other_style =
      under.style != Ordinal::Style::kNone && under.style != Ordinal::Style::kNumeral;
  for (uint32_t i = from + 1; i <= end; ++i) {
    std::string_view raw = lines[i];
    // The heading must start with a Chinese numeral ("十一、"), or the ordinal of the targets'
    // heading; without markup in front, the plain line starts as the trimmed line does, so most
    // lines are passed over on that.
    const std::string_view t = Trim(raw);
    if (t.empty() || (t[0] != '#' && t[0] != '<' && t[0] != '*' &&
                      !(other_style ? MayStartOrdinal(t) : StartsWithChineseNumeral(t)))) {
      continue;
    }
    if (raw.find('\t') != std::string_view::npos || !IsSectionHeading(raw)) continue;
    std::string storage;
    std::string_view plain = StripMarkupView(raw, &storage);
    if (NumberedMarkEnd(plain, false) > 0) return i - 1;  // "十一、", "十一."
    if (other_style) {
      const Ordinal ordinal = OrdinalOf(plain);
      if (ordinal.style == under.style && ordinal.number > under.number) return i - 1;
    }
  }
  return end;
}

}  // namespace

namespace {

// The lines holding the U+FFFD that stand for bytes the decoding could not read (Decoded::
// replaced), each marked: its words or figures may be cut. Past kListed lines, one mark says
// how many more there are.
void MarkReplacedBytes(const Lines& lines, size_t replaced, std::vector<Diagnostic>* out) {
  constexpr size_t kListed = 20;
  size_t marked = 0;
  uint32_t more_from = 0, more = 0;
  for (uint32_t n = 1; n <= lines.size(); ++n) {
    if (FindText(lines[n], "\xEF\xBF\xBD") == std::string_view::npos) continue;
    if (marked++ < kListed) {
      out->push_back(Diagnostic{Location{n, 0},
                                "此行有无法解码的字节（已换为“\uFFFD”），"
                                "其中的文字或数字可能不全"});
    } else if (more++ == 0) {
      more_from = n;
    }
  }
  if (more > 0) {
    out->push_back(Diagnostic{
        Location{more_from, 0},
        fmt::format("自此行起另有 {} 行有无法解码的字节（全文共 {} 个字节）", more, replaced)});
  }
}

// Marks the lines after the title that print it again: a running page header, at the top of
// every page of PDF text. Left in, each was a row of the table the page break fell in (or an
// indicator, or a class name's tail).
[[gnu::noinline]] void MarkRunningTitle(const Lines& lines, const TextItem& title,
                                        LineFlags* watermark) {
  const std::string key = MatchKey(title.text);
  const std::string_view text = title.text;
  const size_t size = text.size();
  // The title's last two characters ("公开", where its first ones are a name that many lines
  // carry), looked for before a line is keyed.
  const size_t last = CharBefore(text, size).size();
  const std::string_view end = text.substr(size - last - CharBefore(text, size - last).size());
  std::string plain_storage, key_storage;
  const std::string_view all = lines.text();
  for (size_t at = FindText(all, end); at != std::string_view::npos;) {
    const uint32_t i = lines.LineAt(at);
    const std::string_view raw = lines[i];
    // The line holds the title's characters and a little markup or white space.
    if (i > title.at.line && !(*watermark)[i] && raw.size() + 16 >= size &&
        raw.size() <= size + 64 &&
        MatchKeyView(StripMarkupView(raw, &plain_storage), &key_storage) == key) {
      (*watermark)[i] = true;
    }
    const size_t from = at + end.size();
    const size_t next = FindText(all.substr(from), end);
    at = next == std::string_view::npos ? next : from + next;
  }
}

// ReadDecoded for text known to be valid UTF-8 (Decode's). The document keeps the text: its
// cells, names and paragraphs are views of it.
Result<Document> ReadValid(std::string text_bytes, const std::string& source,
                           const std::string& encoding, size_t replaced = 0) {
  Document doc;
  doc.source = source;
  doc.encoding = encoding;
  // Space-aligned tables become the tab-separated rows the readers know, line for line.
  TabulateSpacedRows(&text_bytes);
  doc.backing.backing = std::make_shared<TextBacking>(std::move(text_bytes));
  TextBacking* backing = doc.backing.backing.get();
  const std::string_view text = backing->text();
  Lines lines(text, backing);
  doc.line_count = lines.size();
  if (replaced > 0) MarkReplacedBytes(lines, replaced, &doc.diagnostics);
  Structure st = FindStructure(lines);

  // Title, kind, year and name from the opening lines.
  uint32_t first_part = st.parts.empty() ? lines.size() : st.parts.begin()->second;
  std::string previous;
  for (uint32_t i = 1; i <= lines.size() && i <= std::max<uint32_t>(first_part, 40); ++i) {
    if (st.watermark[i] || st.toc[i]) continue;
    std::string plain = CleanCell(StripMarkup(lines[i]));
    if (plain.empty()) continue;
    std::string key = MatchKey(plain);
    bool is_title =
        CodePoints(plain) <= 60 && (Contains(key, "预算公开") || Contains(key, "部门预算") ||
                                    Contains(key, "单位预算") || Contains(key, "民生领域重大事项"));
    if (!is_title) {
      if (key != "目录") previous = plain;
      continue;
    }
    doc.title = TextItem{plain, Location{i, 0}};
    doc.year = FindYear(plain);
    if (Contains(key, "民生")) {
      doc.kind = DocumentKind::kLivelihood;
    } else if (Contains(key, "部门预算")) {
      doc.kind = DocumentKind::kDepartment;
    } else if (Contains(key, "单位预算")) {
      doc.kind = DocumentKind::kUnit;
    }
    if (doc.kind != DocumentKind::kLivelihood) {
      doc.name = previous;
      size_t year_at = plain.find("20");
      if (doc.name.empty() && year_at != std::string::npos && year_at > 0) {
        doc.name = plain.substr(0, year_at);
      }
    }
    break;
  }

  if (!doc.title.text.empty()) MarkRunningTitle(lines, doc.title, &st.watermark);

  if (doc.title.text.empty() && st.tables.empty() && st.targets.empty()) {
    return Status::NotDisclosure(source +
                                 ": 不是预算公开文件：未找到预算公开标题、标准预算表或绩效目标表");
  }

  LineFlags owned(lines.size() + 2, false);
  for (uint32_t i = 1; i <= lines.size(); ++i) owned[i] = st.watermark[i] || st.toc[i];

  // Tables.
  for (const TableRegion& region : st.tables) {
    for (uint32_t i = region.title_line; i <= region.last_line; ++i) owned[i] = true;
  }
  if (doc.kind == DocumentKind::kUnknown && !st.tables.empty()) {
    // No title said which: a 部门名称 line means a department.
    for (uint32_t i = st.tables.front().title_line; i <= st.tables.front().last_line; ++i) {
      std::string key = MatchKey(lines[i]);
      if (key.starts_with("部门名称")) doc.kind = DocumentKind::kDepartment;
      if (key.starts_with("单位名称")) doc.kind = DocumentKind::kUnit;
    }
  }
  for (const TableRegion& region : st.tables) {
    doc.tables.push_back(ReadTable(lines, region, st.watermark, doc.kind, &doc.diagnostics));
  }
  if (doc.name.empty()) {
    for (const Table& t : doc.tables) {
      if (!t.entity.empty()) {
        doc.name = t.entity;
        break;
      }
    }
  }

  // Performance target tables.
  st.targets_heading = TargetsHeading(lines, st);
  for (TargetTable& t : st.targets) {
    t.last_line =
        std::min(t.last_line, RegionEnd(lines, st, t.at.line, t.last_line, Region::kTarget));
    for (uint32_t i = t.at.line; i <= t.last_line; ++i) owned[i] = true;
  }
  ReadTargetTables(lines, st.watermark, &st.targets);
  doc.targets = std::move(st.targets);

  // The 民生 summary: from its title to the first target table.
  std::string plain_storage, key_storage;
  for (uint32_t i = 1; i <= lines.size(); ++i) {
    if (owned[i]) continue;
    std::string_view key = MatchKeyView(StripMarkupView(lines[i], &plain_storage), &key_storage);
    if (!Contains(key, "民生领域重大事项绩效目标情况表") || CodePoints(key) > 40) continue;
    uint32_t last = doc.targets.empty() ? lines.size() : doc.targets.front().at.line - 1;
    if (last <= i) break;
    for (uint32_t j = i; j <= last; ++j) owned[j] = true;
    doc.livelihood = ReadLivelihoodSummary(lines, i, last, st.watermark, doc.targets);
    break;
  }

  // Prose.
  auto part_line = [&](int part) -> uint32_t {
    auto it = st.parts.find(part);
    return it == st.parts.end() ? 0 : it->second;
  };
  auto part_end = [&](int part) -> uint32_t {
    for (auto it = st.parts.upper_bound(part); it != st.parts.end(); ++it) return it->second - 1;
    return lines.size();
  };
  if (uint32_t p1 = part_line(1)) ReadOverview(lines, p1, part_end(1), owned, &doc.overview);
  if (uint32_t p3 = part_line(3)) ReadNarrative(lines, p3 + 1, part_end(3), owned, &doc.narrative);
  ReadAssets(doc.narrative, &doc.assets);

  doc.region = RegionOf(doc.name);
  if (doc.region.empty()) {
    for (const TargetTable& t : doc.targets) {
      size_t cut = t.title.find("县(区)级");
      if (cut == std::string::npos) cut = t.title.find("县（区）级");
      if (cut == std::string::npos) cut = t.title.find("预算部门");
      if (cut != std::string::npos && cut > 0) {
        doc.region = t.title.substr(0, cut);
        break;
      }
    }
  }
  if (doc.kind == DocumentKind::kLivelihood && doc.name.empty()) {
    doc.name = doc.region + "民生领域重大事项绩效目标";
  }
  ExtractClaims(&doc);
  return doc;
}

}  // namespace

Result<Document> ReadDecoded(std::string_view text, const std::string& source,
                             const std::string& encoding) {
  if (!IsValidUtf8(text)) return Status::NotText(source + ": 不是合法的 UTF-8 文本");
  return ReadValid(std::string(text), source, encoding);
}

Result<Document> ReadDecoded(Decoded&& decoded, const std::string& source) {
  return ReadValid(std::move(decoded.text), source, decoded.encoding, decoded.replaced);
}

Result<Document> ReadDocument(std::string_view bytes, const std::string& source) {
  // Most disclosures are UTF-8 with LF line ends already: the document keeps them as they are.
  if (DecodesToItself(bytes)) return ReadValid(std::string(bytes), source, "UTF-8");
  auto decoded = Decode(bytes);
  if (!decoded.ok()) {
    const Status& s = decoded.status();
    return s.kind() == Status::Kind::kTooLarge ? Status::TooLarge(source + ": " + s.message())
                                               : Status::NotText(source + ": " + s.message());
  }
  return ReadValid(std::move(decoded->text), source, decoded->encoding, decoded->replaced);
}

Result<Document> ReadDocumentFile(const std::string& path, size_t limit) {
  auto decoded = DecodeFile(path, limit);
  if (!decoded.ok()) return decoded.status();
  return ReadValid(std::move(decoded->text), path, decoded->encoding, decoded->replaced);
}

}  // namespace yusuan
