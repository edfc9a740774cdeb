#include "read/sections.h"

#include <string>

#include "base/text.h"

namespace yusuan {
namespace {

// Splits "甲、乙、丙" into items, dropping a trailing "等N个机构" and closing punctuation.
std::vector<std::string> SplitList(std::string_view s) {
  std::vector<std::string> items;
  size_t start = 0;
  while (start <= s.size()) {
    size_t sep = s.find("、", start);
    std::string_view item = s.substr(start, sep == std::string_view::npos ? sep : sep - start);
    size_t deng = item.find("等");
    if (deng != std::string_view::npos && deng > 0 &&
        item.find("个", deng) != std::string_view::npos) {
      item = item.substr(0, deng);
    }
    while (item.ends_with("。") || item.ends_with("；") || item.ends_with("，")) {
      item.remove_suffix(3);
    }
    std::string clean = CleanCell(item);
    if (!clean.empty()) items.push_back(std::move(clean));
    if (sep == std::string_view::npos) break;
    start = sep + 3;
  }
  return items;
}

// The text between the first of `openers` and the next "。" (or the end).
std::string_view ClauseAfter(std::string_view text, std::initializer_list<std::string_view> openers,
                             size_t* opener_pos = nullptr) {
  for (std::string_view o : openers) {
    size_t p = text.find(o);
    if (p == std::string_view::npos) continue;
    if (opener_pos) *opener_pos = p;
    std::string_view rest = text.substr(p + o.size());
    if (rest.starts_with("包括")) rest.remove_prefix(6);
    if (rest.starts_with("：")) {
      rest.remove_prefix(3);
    } else if (rest.starts_with(":")) {
      rest.remove_prefix(1);
    }
    size_t end = rest.find("。");
    return rest.substr(0, end);
  }
  return {};
}

// Reads the number that starts at `pos` in `text` and the unit after it.
bool NumberAt(std::string_view text, size_t pos, std::string_view unit, Quantity* q) {
  size_t end = pos;
  while (end < text.size() &&
         ((text[end] >= '0' && text[end] <= '9') || text[end] == '.' || text[end] == ',')) {
    ++end;
  }
  if (end == pos) return false;
  std::string_view rest = text.substr(end);
  if (!unit.empty() && !rest.starts_with(unit)) return false;
  q->printed = std::string(text.substr(pos, end - pos));
  q->unit = std::string(unit);
  return ParseHundredths(q->printed, &q->hundredths);
}

// "…<label>N<unit>": the first number after `label` (within a few characters).
bool FindQuantity(const TextItem& p, std::string_view label, std::string_view unit, Quantity* q) {
  size_t at = p.text.find(label);
  if (at == std::string::npos) return false;
  size_t pos = at + label.size();
  // Allow a short gap ("建筑总面积为300平方米").
  for (int skip = 0; skip < 3 && pos < p.text.size(); ++skip) {
    if (p.text[pos] >= '0' && p.text[pos] <= '9') break;
    size_t next = pos;
    NextCodePoint(p.text, &next);
    pos = next;
  }
  if (!NumberAt(p.text, pos, unit, q)) return false;
  q->label = std::string(label);
  q->at = p.at;
  return true;
}

}  // namespace

bool IsSectionHeading(std::string_view raw) {
  std::string_view t = Trim(raw);
  // Without markup in front, the plain line starts as the trimmed line does: one that cannot
  // start an ordinal is no heading (most lines).
  if (!t.empty() && t[0] != '#' && t[0] != '<' && t[0] != '*' && !MayStartOrdinal(t)) {
    return false;
  }
  if (raw.find('\t') != std::string_view::npos) return false;
  if (t.starts_with("#")) return true;
  std::string storage;
  std::string_view plain = StripMarkupView(t, &storage);
  // The ordinal first: most lines have none, and it is decided from their first characters.
  std::string_view rest = StripOrdinal(plain);
  if (rest.size() == plain.size() || rest.empty()) return false;
  return CodePoints(plain) <= 40 && !plain.ends_with("。") && !Contains(plain, "，");
}

// `s` (valid UTF-8) cleaned of layout spaces, as a text of the model: a view of the document
// when cleaning changed nothing.
Text KeepClean(const Lines& lines, std::string_view s, std::string* storage) {
  return lines.Keep(CleanValidCellView(s, storage));
}

void ReadOverview(const Lines& lines, uint32_t begin, uint32_t end, const LineFlags& owned,
                  Overview* overview) {
  enum { kNone, kDuties, kOffices } part = kNone;
  std::string plain_storage, key_storage, clean_storage;
  // The last duty's text while it is wrapped over lines, set once it is complete: appended to
  // line by line, the whole duty was copied per line (quadratic in the lines).
  std::string wrapped;
  bool wrapping = false;
  auto flush = [&] {
    if (wrapping) overview->duties.back().text = lines.Keep(wrapped);
    wrapping = false;
  };
  for (uint32_t n = begin; n <= end && n <= lines.size(); ++n) {
    if (owned[n]) continue;
    const std::string_view plain = StripMarkupView(lines[n], &plain_storage);
    if (plain.empty()) continue;
    const std::string_view key = MatchKeyView(plain, &key_storage);
    if (key.starts_with("第一部分")) continue;
    bool heading = IsSectionHeading(lines[n]) && StripOrdinal(plain).size() < plain.size();
    if (heading && Contains(key, "职责")) {
      part = kDuties;
      continue;
    }
    if (heading && (Contains(key, "机构设置") || Contains(key, "机构情况"))) {
      part = kOffices;
      continue;
    }
    if (part == kDuties) {
      // A line that continues the previous duty (a wrapped paragraph) has no ordinal.
      if (!overview->duties.empty() && StripOrdinal(plain).size() == plain.size() &&
          CodePoints(plain) < 20) {
        if (!wrapping) wrapped = overview->duties.back().text;
        wrapping = true;
        wrapped += CleanValidCellView(plain, &clean_storage);
      } else {
        flush();
        overview->duties.push_back(
            TextItem{KeepClean(lines, plain, &clean_storage), Location{n, 0}});
      }
    } else if (part == kOffices) {
      std::string_view rest = StripOrdinal(plain);
      if (rest.size() < plain.size() && CodePoints(rest) <= 20 &&
          rest.find("。") == std::string_view::npos) {
        overview->offices.push_back(
            TextItem{KeepClean(lines, rest, &clean_storage), Location{n, 0}});
        continue;
      }
      std::string_view offices =
          ClauseAfter(plain, {"内设机构包括", "内设部门包括", "内设机构", "内设部门", "内设"});
      for (std::string& o : SplitList(offices)) {
        overview->offices.push_back(TextItem{lines.Keep(o), Location{n, 0}});
      }
      std::string_view units = ClauseAfter(plain, {"分别为", "分别是", "下属单位包括", "下属单位"});
      for (std::string& u : SplitList(units)) {
        overview->subordinate_units.push_back(TextItem{lines.Keep(u), Location{n, 0}});
      }
    }
  }
  flush();
}

void ReadNarrative(const Lines& lines, uint32_t begin, uint32_t end, const LineFlags& owned,
                   std::vector<Section>* narrative) {
  std::string storage;        // a line's text without markup, when it had some
  std::string clean_storage;  // and cleaned, when it had spaces to clean
  for (uint32_t n = begin; n <= end && n <= lines.size(); ++n) {
    if (owned[n]) continue;
    const std::string_view plain = StripMarkupView(lines[n], &storage);
    if (plain.empty()) continue;
    if (IsSectionHeading(lines[n])) {
      narrative->push_back(
          Section{TextItem{KeepClean(lines, plain, &clean_storage), Location{n, 0}}, {}});
      continue;
    }
    if (narrative->empty()) narrative->push_back(Section{});
    narrative->back().paragraphs.push_back(
        TextItem{KeepClean(lines, plain, &clean_storage), Location{n, 0}});
  }
}

void ReadAssets(const std::vector<Section>& narrative, Assets* assets) {
  bool in_assets = false;
  for (const Section& s : narrative) {
    std::string key = MatchKey(s.heading.text);
    if (Contains(key, "国有资产")) {
      in_assets = true;
      assets->present = true;
    } else if (in_assets && StripOrdinal(s.heading.text).size() < s.heading.text.size() &&
               (Contains(key, "其他说明") || Contains(key, "名词解释"))) {
      in_assets = false;
    }
    if (!in_assets) continue;
    std::string folded, storage;
    for (const TextItem& printed : s.paragraphs) {
      // Read with figures typed in full-width folded ("实有１辆") and without the spaces typed
      // around them ("实有 1 辆"), as the claims are; what is kept is copied.
      const std::string_view text = FiguresReadable(printed.text, &folded, &storage);
      const TextItem unspaced =
          text.data() == printed.text.data() ? TextItem{} : TextItem{Text(text), printed.at};
      const TextItem& p = text.data() == printed.text.data() ? printed : unspaced;
      Quantity q;
      if (FindQuantity(p, "公务用车编制", "辆", &q) || FindQuantity(p, "车辆编制", "辆", &q)) {
        q.label = "编制";
        assets->vehicle_quota = q;
      }
      if (FindQuantity(p, "实有", "辆", &q)) {
        q.label = "实有";
        assets->vehicles_held = q;
      }
      // "其中：领导用车0辆，机要通信用车0辆，…"
      size_t from = p.text.find("其中");
      while (from != std::string::npos) {
        size_t car = p.text.find("用车", from);
        if (car == std::string::npos) break;
        size_t label_start = car;
        while (label_start > 0) {
          const std::string_view ch = CharBefore(p.text, label_start);
          if (ch == "，" || ch == "：" || ch == "、" || ch == "；" || ch == "," || ch == ":") {
            break;
          }
          label_start -= ch.size();
        }
        Quantity t;
        if (NumberAt(p.text, car + 6, "辆", &t) && car > label_start) {
          t.label = p.text.substr(label_start, car + 6 - label_start);
          t.at = p.at;
          assets->vehicles_by_type.push_back(t);
        }
        from = car + 6;
      }
      if (FindQuantity(p, "建筑总面积", "平方米", &q) ||
          FindQuantity(p, "办公用房面积", "平方米", &q)) {
        q.label = "办公用房建筑总面积";
        assets->office_area = q;
      }
      for (std::string_view marker :
           {"50万元（原值）以上的通用设备", "100万元（原值）以上的通用设备",
            "50万元（原值）以上的专用设备", "100万元（原值）以上的专用设备",
            "单位价值100万元以上专用设备", "单位价值50万元以上通用设备"}) {
        size_t at = 0;
        while ((at = p.text.find(marker, at)) != std::string::npos) {
          Quantity e;
          if (NumberAt(p.text, at + marker.size(), "台（套）", &e) ||
              NumberAt(p.text, at + marker.size(), "台", &e)) {
            e.label = std::string(marker);
            e.at = p.at;
            assets->equipment.push_back(e);
          }
          at += marker.size();
        }
      }
    }
  }
}

}  // namespace yusuan
