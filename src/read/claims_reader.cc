#include "read/claims_reader.h"

#include <algorithm>
#include <initializer_list>
#include <iterator>
#include <string>
#include <utility>

#include "base/text.h"

namespace yusuan {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Where the comparison that a change word ends begins in `window`, the text before the word:
// the last 比 ("比上年", "同比", "与上年相比"), or 较 when a time follows it ("较上年",
// "较2025年", "较去年同期"; "人员较多，增加…" is no comparison). npos when there is none.
size_t ComparisonBefore(std::string_view window) {
  const size_t bi = window.rfind("比");
  for (size_t end = window.size();;) {
    const size_t jiao = window.substr(0, end).rfind("较");
    if (jiao == std::string_view::npos || (bi != std::string_view::npos && jiao < bi)) return bi;
    const std::string_view rest = window.substr(jiao + std::string_view("较").size());
    for (std::string_view time : {"上年", "上一年", "去年", "同期", "20"}) {
      if (rest.starts_with(time)) return jiao;
    }
    end = jiao;
  }
}

// A section's text with the line each byte came from. Paragraphs that do not end a sentence
// are joined without a break ("支" + "出包括" -> "支出包括").
struct SectionText {
  std::string text;
  std::vector<std::pair<size_t, Location>> starts;  // offset -> line

  // The line of the paragraph holding `offset` (a binary search: a section may hold many
  // paragraphs, and every figure asks).
  Location At(size_t offset) const {
    auto after = std::upper_bound(starts.begin(), starts.end(), offset,
                                  [](size_t o, const auto& start) { return o < start.first; });
    return after == starts.begin() ? Location{} : std::prev(after)->second;
  }
};

// The section's paragraphs as one text; figures typed in full-width ("６０５６．３５万元") are
// read as the half-width figures they are, and spaces around figures are dropped.
SectionText Join(const Section& s) {
  SectionText out;
  std::string folded, unspaced;
  for (const TextItem& p : s.paragraphs) {
    if (!out.text.empty()) {
      std::string_view t = out.text;
      bool ended = EndsWith(t, "。") || EndsWith(t, "；") || EndsWith(t, "：") || EndsWith(t, ";");
      if (ended) out.text += "\n";
    }
    out.starts.emplace_back(out.text.size(), p.at);
    out.text += FiguresReadable(p.text, &folded, &unspaced);
  }
  return out;
}

bool IsDelimiter(std::string_view ch) {
  // Brackets and quotes stay inside a subject: "因公出国（境）费", "“三公”经费预算".
  static constexpr std::string_view kDelims[] = {"，", "。", "；", "：", "、", ",", ";", ":", "\n"};
  for (std::string_view d : kDelims) {
    if (ch == d) return true;
  }
  return false;
}

// The most characters a subject may have. The longest in the samples has 41; a run of more
// without a delimiter is no subject but a text the source ran together, and looking back
// further for every figure of such a text would cost time quadratic in its length.
constexpr int kMaxSubjectChars = 200;

// The words before a figure, back to the last delimiter; empty (unknown) when there is none
// within kMaxSubjectChars.
std::string SubjectBefore(std::string_view s, size_t number_start, const std::string& name) {
  size_t begin = number_start;
  for (int chars = 0; begin > 0; ++chars) {
    std::string_view ch = CharBefore(s, begin);
    if (IsDelimiter(ch)) break;
    if (chars == kMaxSubjectChars) return {};
    begin -= ch.size();
  }
  std::string subject(s.substr(begin, number_start - begin));
  // "2026年度", "2026年", the unit's own name, and connecting words are not the subject.
  for (bool changed = true; changed;) {
    changed = false;
    if (subject.size() >= 4 && IsDigit(subject[0]) && IsDigit(subject[1]) && IsDigit(subject[2]) &&
        IsDigit(subject[3])) {
      size_t cut = 4;
      if (std::string_view(subject).substr(4).starts_with("年度"))
        cut += 6;
      else if (std::string_view(subject).substr(4).starts_with("年"))
        cut += 3;
      subject = subject.substr(cut);
      changed = true;
    }
    for (std::string_view lead :
         {std::string_view(name), std::string_view("其中"), std::string_view("主要包括"),
          std::string_view("包括"), std::string_view("主要用于以下方面"), std::string_view("共有"),
          std::string_view("本年"), std::string_view("为")}) {
      if (!lead.empty() && subject.starts_with(lead) && subject.size() > lead.size() &&
          !(lead == "本年" && (Contains(subject, "合计") || subject == "本年收入" ||
                               Contains(subject, "预算安排") || Contains(subject, "部门")))) {
        subject = subject.substr(lead.size());
        changed = true;
      }
    }
  }
  return subject;
}

struct Number {
  size_t start, end;  // bytes of the digits
  std::string text;
};

// Reads the number starting at `pos`.
bool ReadNumber(std::string_view s, size_t pos, Number* n) {
  if (pos >= s.size() || !IsDigit(s[pos])) return false;
  if (pos > 0 && (IsDigit(s[pos - 1]) || s[pos - 1] == '.' || s[pos - 1] == ',')) return false;
  size_t end = pos;
  while (end < s.size() && (IsDigit(s[end]) || ((s[end] == '.' || s[end] == ',') &&
                                                end + 1 < s.size() && IsDigit(s[end + 1])))) {
    ++end;
  }
  *n = Number{pos, end, std::string(s.substr(pos, end - pos))};
  return true;
}

// The bytes of the money unit that `after` (the text after a figure) starts with: "万元",
// "元", or "万" alone where punctuation or a word that goes on with the sentence follows it
// ("6056.35万，", "31.32万等", "2.18万比2025年减少0.42万", as some write it; "3万人次",
// "1.5万平方米" are no money). 0 when none.
size_t MoneyUnitAt(std::string_view after) {
  if (after.starts_with("万元")) return std::string_view("万元").size();
  if (after.starts_with("元")) return std::string_view("元").size();
  if (!after.starts_with("万")) return 0;
  const std::string_view rest = after.substr(std::string_view("万").size());
  for (std::string_view end :
       {"，", "。", "；", "、", "：", "（", "）",   ",",    ";",    ":",   "(",
        ")",  "\n", "等", "比", "较", "与", "同比", "其中", "主要", "用于"}) {
    if (rest.starts_with(end)) return std::string_view("万").size();
  }
  return rest.empty() ? std::string_view("万").size() : 0;
}

// The percentage said right after an amount, in `tail` (the text after its unit): a separator
// ("，", ",", "（", "("), one of `words`, up to kGap ideographs ("占比", "占总支出的", "增幅为")
// and the figure with its "%". `*said` is the words and the figure ("占6.33%"); the figure is
// `*p`, its offsets in `tail`.
bool PercentAfter(std::string_view tail, std::initializer_list<std::string_view> words, Number* p,
                  std::string_view* said) {
  constexpr int kGap = 6;
  size_t at = 0;
  for (std::string_view sep : {"，", ",", "（", "("}) {
    if (tail.starts_with(sep)) at = sep.size();
  }
  if (at == 0) return false;
  const size_t start = at;
  const auto word = std::find_if(words.begin(), words.end(), [&](std::string_view w) {
    return tail.substr(start).starts_with(w);
  });
  if (word == words.end()) return false;
  at += word->size();
  for (int gap = 0; gap <= kGap; ++gap) {
    if (ReadNumber(tail, at, p)) {
      if (!StartsWith(tail.substr(p->end), "%")) return false;
      *said = tail.substr(start, p->end + 1 - start);
      return true;
    }
    // Only ideographs stand between ("的", "比", "总支出"): punctuation or a figure ends it.
    const auto lead = static_cast<unsigned char>(at < tail.size() ? tail[at] : 0);
    if (lead < 0xE4 || lead > 0xE9) return false;
    NextCodePoint(tail, &at);
  }
  return false;
}

Decimal ToDecimal(std::string_view digits) {
  Decimal d;
  int scale = -1;
  for (char c : digits) {
    if (c == ',') continue;
    if (c == '.') {
      scale = 0;
      continue;
    }
    if (d.digits > (INT64_MAX - 9) / 10) break;
    d.digits = d.digits * 10 + (c - '0');
    if (scale >= 0) ++scale;
  }
  d.scale = static_cast<uint8_t>(scale < 0 ? 0 : scale);
  return d;
}

// Where a list at the front of `s` ends: at the end of its sentence (。；;) or where the next
// list begins, whichever comes first. One pass up to there: a search for each stop through
// the rest of the section, for every list, made a long section of lists quadratic.
size_t ListEnd(std::string_view s) {
  using Leads = ByteSet<'\xE3', '\xEF', ';', '\xE4'>;  // 。 ； ; 主
  for (size_t i = Leads::FindIn(s, 0); i != std::string_view::npos; i = Leads::FindIn(s, i + 1)) {
    const std::string_view rest = s.substr(i);
    if (rest.starts_with("。") || rest.starts_with("；") || rest.starts_with(";") ||
        rest.starts_with("主要包括")) {
      return i;
    }
  }
  return s.size();
}

// "主要包括：甲、乙、丙等" -> {甲, 乙, 丙}
std::vector<std::string> ListItems(std::string_view s) {
  std::vector<std::string> items;
  s = s.substr(0, ListEnd(s));
  if (EndsWith(s, "等")) s.remove_suffix(3);
  size_t start = 0;
  while (start <= s.size()) {
    size_t sep = s.find("、", start);
    std::string item =
        CleanCell(s.substr(start, sep == std::string_view::npos ? sep : sep - start));
    if (!item.empty()) items.push_back(std::move(item));
    if (sep == std::string_view::npos) break;
    start = sep + 3;
  }
  return items;
}

void ExtractSection(const Section& section, const std::string& name, std::vector<Claim>* claims) {
  SectionText st = Join(section);
  std::string_view s = st.text;
  const std::string_view heading = section.heading.text;
  // The assets section counts vehicles and rooms, not money: its own reader handles it.
  if (Contains(MatchKey(heading), "国有资产")) return;
  int first_amount = -1;     // of the current paragraph (a share's base)
  int sentence_amount = -1;  // the first amount of the current sentence (what a change changes)
  int last_amount = -1;
  size_t paragraph_end = s.find('\n');
  for (size_t pos = 0; pos < s.size();) {
    if (paragraph_end != std::string_view::npos && pos > paragraph_end) {
      first_amount = -1;  // a share's base is the first amount of its own paragraph
      paragraph_end = s.find('\n', pos);
    }
    // Most characters are ideographs, and of those only 无 and 主 start anything below: the
    // others are passed over at once.
    if (const unsigned char lead = static_cast<unsigned char>(s[pos]);
        lead >= 0xE4 && lead <= 0xE9 && pos + 3 <= s.size() &&
        (static_cast<unsigned char>(s[pos + 1]) & 0xC0) == 0x80 &&
        (static_cast<unsigned char>(s[pos + 2]) & 0xC0) == 0x80 &&
        !StartsWith(s.substr(pos), "无") && !StartsWith(s.substr(pos), "主")) {
      pos += 3;
      continue;
    }
    if (StartsWith(s.substr(pos), "。") || StartsWith(s.substr(pos), "；") ||
        StartsWith(s.substr(pos), "\n")) {
      sentence_amount = -1;
    }
    // "无“三公”经费", "无机关运行经费"
    if (StartsWith(s.substr(pos), "无")) {
      std::string_view rest = s.substr(pos + 3);
      for (std::string_view subject : {"“三公”经费", "\"三公\"经费", "三公经费", "机关运行经费"}) {
        if (rest.starts_with(subject)) {
          Claim c;
          c.kind = ClaimKind::kNone;
          c.section = heading;
          c.subject = MatchKey(subject);
          c.text = std::string(s.substr(pos, 3 + subject.size()));
          c.at = st.At(pos);
          claims->push_back(std::move(c));
        }
      }
    }
    if (StartsWith(s.substr(pos), "主要包括：") || StartsWith(s.substr(pos), "主要包括:")) {
      size_t after = pos + (StartsWith(s.substr(pos), "主要包括：") ? 15 : 13);
      Claim c;
      c.kind = ClaimKind::kList;
      c.section = heading;
      c.subject = last_amount >= 0 ? (*claims)[last_amount].subject : "";
      c.items = ListItems(s.substr(after));
      c.text = std::string(s.substr(pos, std::min<size_t>(s.size() - pos, 60)));
      c.at = st.At(pos);
      c.part = last_amount;
      if (!c.items.empty()) claims->push_back(std::move(c));
      pos = after;
      continue;
    }
    Number n;
    if (!ReadNumber(s, pos, &n)) {
      size_t next = pos;
      NextCodePoint(s, &next);
      pos = next;
      continue;
    }
    std::string_view after = s.substr(n.end);
    std::string_view before = s.substr(0, n.start);
    Location at = st.At(n.start);
    const size_t unit = MoneyUnitAt(after);
    const bool wan = unit > 0 && StartsWith(after, "万");
    if (unit > 0 && !StartsWith(after.substr(unit), "/") &&
        !StartsWith(after.substr(unit), "（原值）") && !StartsWith(after.substr(unit), "以上")) {
      Claim c;
      c.section = heading;
      c.at = at;
      c.unit = wan ? MoneyUnit::kWanYuan : MoneyUnit::kYuan;
      auto amount = ParseAmount(n.text, wan ? MoneyUnit::kWanYuan : MoneyUnit::kYuan);
      if (amount.ok()) c.amount = *amount;
      // "比上年增加1770.29万元" / "比2025年预算减少2.53万元": a change of the amount before.
      size_t change_word = std::string_view::npos;
      for (std::string_view w : {"增加", "减少", "增长", "下降"}) {
        if (before.ends_with(w)) change_word = n.start - w.size();
      }
      // The 比 (or 较 of "较上年增加") must lie within 24 bytes before the word: only those
      // bytes are searched (a search back through the whole section, for every figure, was
      // quadratic).
      size_t bi = std::string_view::npos;
      if (change_word != std::string_view::npos) {
        const size_t from = change_word > 24 ? change_word - 24 : 0;
        bi = ComparisonBefore(s.substr(from, change_word - from));
        if (bi != std::string_view::npos) bi += from;
      }
      bool is_change = bi != std::string_view::npos;
      if (is_change) {
        c.kind = ClaimKind::kChange;
        c.decrease = EndsWith(before, "减少") || EndsWith(before, "下降");
        c.part = sentence_amount;
        c.subject = sentence_amount >= 0 ? (*claims)[sentence_amount].subject : "";
        c.text = std::string(s.substr(bi, n.end + unit - bi));
        // "，增长41.30%", "（增幅41.30%）", "，同比下降2.5%" right after.
        Number p;
        std::string_view said;
        if (PercentAfter(s.substr(n.end + unit),
                         {"增长", "下降", "增加", "减少", "降低", "增幅", "降幅", "同比增长",
                          "同比下降", "同比增加", "同比减少"},
                         &p, &said)) {
          c.percent = ToDecimal(p.text);
          c.has_percent = true;
          c.text += "，" + std::string(said);
        }
        claims->push_back(std::move(c));
      } else {
        c.kind = ClaimKind::kAmount;
        c.subject = SubjectBefore(s, n.start, name);
        c.text = c.subject + n.text + std::string(after.substr(0, unit));
        claims->push_back(std::move(c));
        last_amount = static_cast<int>(claims->size()) - 1;
        const Claim& amount_claim = claims->back();
        if (first_amount < 0) first_amount = last_amount;
        if (sentence_amount < 0) sentence_amount = last_amount;
        // "，占6.33%", "（占6.33%）", "，占比6.33%", "，占总支出的6.33%" right after.
        Number p;
        std::string_view said;
        if (PercentAfter(s.substr(n.end + unit), {"占"}, &p, &said)) {
          Claim share;
          share.kind = ClaimKind::kShare;
          share.section = heading;
          share.subject = amount_claim.subject;
          share.text = amount_claim.text + "，" + std::string(said);
          share.at = at;
          share.percent = ToDecimal(p.text);
          share.has_percent = true;
          share.part = last_amount;
          share.base = first_amount == last_amount ? -1 : first_amount;
          claims->push_back(std::move(share));
        }
      }
      pos = n.end;
      continue;
    }
    if (StartsWith(after, "个")) {
      std::string subject = SubjectBefore(s, n.start, name);
      if (Contains(subject, "项目") || Contains(subject, "单位") || Contains(subject, "机构")) {
        Claim c;
        c.kind = ClaimKind::kCount;
        c.section = heading;
        c.subject = subject;
        c.text = subject + n.text + "个";
        c.at = at;
        c.count = ToDecimal(n.text).digits;
        claims->push_back(std::move(c));
      }
    }
    pos = n.end;
  }
}

}  // namespace

std::string_view ClaimKindId(ClaimKind kind) {
  switch (kind) {
    case ClaimKind::kAmount:
      return "amount";
    case ClaimKind::kShare:
      return "share";
    case ClaimKind::kChange:
      return "change";
    case ClaimKind::kCount:
      return "count";
    case ClaimKind::kList:
      return "list";
    case ClaimKind::kNone:
      return "none";
  }
  return "amount";
}

ClaimKind ClaimKindFromId(std::string_view id) {
  for (ClaimKind k : {ClaimKind::kAmount, ClaimKind::kShare, ClaimKind::kChange, ClaimKind::kCount,
                      ClaimKind::kList, ClaimKind::kNone}) {
    if (ClaimKindId(k) == id) return k;
  }
  return ClaimKind::kAmount;
}

void ExtractClaims(Document* doc) {
  doc->claims.clear();
  for (const Section& s : doc->narrative) ExtractSection(s, doc->name, &doc->claims);
}

}  // namespace yusuan
