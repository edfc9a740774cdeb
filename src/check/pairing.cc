#include "check/pairing.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <cstring>

#include "base/key_index.h"
#include "base/text.h"

namespace yusuan {

std::string PairKey(std::string_view name) {
  std::string key;
  AppendPairKey(name, &key);
  return key;
}

#ifdef __SSE2__
namespace {

// Whether the fifteen bytes at `p` (sixteen readable) are five characters AppendPairKey keeps
// whole: leads E5-E9, or E4 not followed by B7, at bytes 0, 3, 6, 9 and 12, and continuation
// bytes between them.
bool FiveIdeographsAt(const char* p) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const unsigned continuation = unsigned(_mm_movemask_epi8(detail::BytesInRange(v, 0x80, 0xBF)));
  const unsigned lead = unsigned(_mm_movemask_epi8(detail::BytesInRange(v, 0xE4, 0xE9)));
  const unsigned e4 = unsigned(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('\xE4'))));
  const unsigned b7 = unsigned(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('\xB7'))));
  constexpr unsigned kLeads = 0x1249;          // bytes 0, 3, 6, 9, 12
  constexpr unsigned kContinuations = 0x6DB6;  // the ten between them
  return (lead & kLeads) == kLeads && (continuation & kContinuations) == kContinuations &&
         (e4 & (b7 >> 1) & kLeads) == 0;
}

}  // namespace
#endif

void AppendPairKey(std::string_view name, std::string* out) {
  // MatchKey, then only letters, digits and ideographs (U+4E00-9FFF, U+3400-4DBF): in one pass,
  // since of what MatchKey changes only full-width letters and digits survive the filter (as
  // their ASCII forms). ASCII is decided on its byte, leads E5-E9 are all ideographs and E4
  // nearly all; other characters need the code point.
  // The key is never longer than the name: written in place after what `*out` holds, then
  // cut to size.
  const size_t base = out->size();
  out->resize(base + name.size());
  char* const key = out->data() + base;
  size_t at = 0;
  for (size_t pos = 0; pos < name.size();) {
    const size_t start = pos;
    const unsigned char c = static_cast<unsigned char>(name[pos]);
#ifdef __SSE2__
    // Five ideographs at once, the bulk of most names (FiveIdeographsAt, above).
    if (c >= 0xE4 && pos + 16 <= name.size() && FiveIdeographsAt(name.data() + pos)) {
      std::memcpy(key + at, name.data() + pos, 15);
      at += 15;
      pos += 15;
      continue;
    }
#endif
    if (c < 0x80) {
      const bool alnum = (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
      if (alnum) key[at++] = name[pos];
      ++pos;
      continue;
    }
    // E4 leads U+4000-4FFF: ideographs (extension A up to 4DBF, then unified from 4E00) except
    // the hexagram symbols 4DC0-4DFF, which are E4 B7 xx.
    const unsigned char c1 = pos + 1 < name.size() ? static_cast<unsigned char>(name[pos + 1]) : 0;
    if (((c >= 0xE5 && c <= 0xE9) || (c == 0xE4 && c1 != 0xB7)) && pos + 3 <= name.size() &&
        (c1 & 0xC0) == 0x80 && (static_cast<unsigned char>(name[pos + 2]) & 0xC0) == 0x80) {
      key[at++] = name[pos++];
      key[at++] = name[pos++];
      key[at++] = name[pos++];
      continue;
    }
    char32_t cp = NextCodePoint(name, &pos);
    if ((cp >= 0xFF10 && cp <= 0xFF19) || (cp >= 0xFF21 && cp <= 0xFF3A) ||
        (cp >= 0xFF41 && cp <= 0xFF5A)) {
      key[at++] = static_cast<char>(cp - 0xFEE0);  // full-width, as MatchKey folds it
    } else if ((cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
               (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF)) {
      for (size_t k = start; k < pos; ++k) key[at++] = name[k];
    }
  }
  out->resize(base + at);
}

namespace {
constexpr int64_t kSearchBudget = 16'000'000;  // about 4,000 targets by 4,000 projects
}  // namespace

std::vector<Pair> PairTargets(const Document& doc) {
  std::vector<const Row*> projects;
  std::vector<const Table*> owners;
  for (TableKind k : {TableKind::kProjectsCurrent, TableKind::kProjectsCarryover}) {
    const Table* t = doc.table(k);
    if (!t) continue;
    for (const Row& r : t->rows) {
      if (r.kind != RowKind::kProject) continue;
      projects.push_back(&r);
      owners.push_back(t);
    }
  }
  std::vector<bool> taken(projects.size(), false);
  std::vector<std::string> project_keys;
  for (size_t j = 0; j < projects.size(); ++j) {
    project_keys.push_back(PairKey(projects[j]->label(*owners[j])));
  }
  std::vector<Pair> pairs;
  for (size_t i = 0; i < doc.targets.size(); ++i) {
    if (doc.targets[i].kind == TargetTable::Kind::kProject) {
      pairs.push_back(Pair{static_cast<int>(i), nullptr, nullptr, false});
    }
  }
  auto take = [&](Pair& p, size_t j, bool by_amount) {
    p.project = projects[j];
    p.table = owners[j];
    p.by_amount = by_amount;
    taken[j] = true;
  };
  std::vector<std::string> target_keys;
  for (const Pair& p : pairs)
    target_keys.push_back(PairKey(doc.targets[p.target].project_name.text));
  // Exact names first: each target takes the first untaken project of its name, found by a
  // binary search (a search through every project per target made a document of many
  // thousands of both take minutes).
  KeyIndex by_name(project_keys);
  for (size_t pi = 0; pi < pairs.size(); ++pi) {
    if (target_keys[pi].size() < 6) continue;
    if (std::optional<size_t> j = by_name.Take(target_keys[pi])) take(pairs[pi], *j, false);
  }
  // Then names that contain each other, then a unique amount: each compares a target with every
  // untaken project. A real document has at most a few hundred of each; past kSearchBudget
  // comparisons (thousands of both, a generated or broken document) the targets left unpaired
  // are marked unsearched instead of being compared for hours.
  int64_t budget = kSearchBudget;
  auto afford = [&](Pair& p) {
    if (budget < static_cast<int64_t>(projects.size())) {
      p.unsearched = true;
      return false;
    }
    budget -= static_cast<int64_t>(projects.size());
    return true;
  };
  for (size_t pi = 0; pi < pairs.size(); ++pi) {
    Pair& p = pairs[pi];
    const std::string& key = target_keys[pi];
    if (p.project || key.size() < 6 || !afford(p)) continue;
    for (size_t j = 0; j < projects.size(); ++j) {
      if (taken[j]) continue;
      const std::string& other = project_keys[j];
      if (other.size() >= 9 && (Contains(other, key) || Contains(key, other))) {
        take(p, j, false);
        break;
      }
    }
  }
  // 元 in the target table, 万元 in the project table.
  for (Pair& p : pairs) {
    if (p.project || p.unsearched) continue;
    const Amount& yuan = doc.targets[p.target].funds[kAnnual].total;
    if (!yuan.present() || !afford(p)) continue;
    int found = -1, count = 0;
    for (size_t j = 0; j < projects.size() && count < 2; ++j) {
      if (taken[j]) continue;
      Amount wan = projects[j]->amount(*owners[j], "total");
      int64_t diff = wan.fen - yuan.fen;
      if ((diff < 0 ? -diff : diff) <= wan.half_ulp()) {
        found = static_cast<int>(j);
        ++count;
      }
    }
    if (count == 1) take(p, found, true);
  }
  return pairs;
}

}  // namespace yusuan
