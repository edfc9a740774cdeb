// Performance targets (绩效目标): project target tables, the overall (整体支出) table, and the
// 民生 summary that lists major livelihood projects. Filled by read/target_reader.h.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/money.h"
#include "model/location.h"

namespace yusuan {

// An exact decimal: digits / 10^scale ("32.22" -> {3222, 2}).
struct Decimal {
  int64_t digits = 0;
  uint8_t scale = 0;
  friend bool operator==(const Decimal&, const Decimal&) = default;
};

// "32.22" for {3222, 2}; "0.05" for {5, 2}.
std::string FormatDecimal(const Decimal& d);

// What an indicator value says.
enum class ValueKind : uint8_t {
  kEmpty,     // nothing printed
  kQuantity,  // a comparison and a number with a unit: "≥27人", "≤32.22万人", "100元/人"
  kDeadline,  // a point in time: "2026年6月底前", "当年10月前"
  kCadence,   // a frequency: "每月", "每季度"
  kQualitative,  // a word: "保障", "提高", "有效减轻"
};
std::string_view ValueKindId(ValueKind kind);
ValueKind ValueKindFromId(std::string_view id);

struct IndicatorValue {
  Text raw;  // as printed
  ValueKind kind = ValueKind::kEmpty;
  Decimal value;

  // "≥" "≤" "=" "<" ">" (normalised from full-width and words), or "".
  std::string_view comparator() const;
  // Words before the number ("综合参保率达").
  std::string_view prefix() const { return std::string_view(parts_).substr(0, prefix_size_); }
  // The number as printed ("32.22").
  std::string_view number() const {
    return std::string_view(parts_).substr(prefix_size_, number_size_);
  }
  // "人", "%", "万人", "元/人", "元/孩/年".
  std::string_view unit() const {
    return std::string_view(parts_).substr(prefix_size_ + number_size_);
  }
  // Sets the four parts above; `comparator` is one of the symbols comparator() returns.
  void SetParts(std::string_view comparator, std::string_view prefix, std::string_view number,
                std::string_view unit);

  friend bool operator==(const IndicatorValue&, const IndicatorValue&) = default;

 private:
  // Prefix, number and unit in one string (usually short enough to need no allocation): a
  // province's targets hold tens of thousands of values.
  std::string parts_;
  uint32_t prefix_size_ = 0, number_size_ = 0;
  uint8_t comparator_ = 0;  // index into the symbols, 0 for none
};

// Parses an indicator value; never fails (unrecognised text is kQualitative, kept raw).
IndicatorValue ParseIndicatorValue(std::string_view raw);
// ParseIndicatorValue(clean) for text that is already clean (CleanCell(clean) == clean, as every
// cell the readers make is): the text is not cleaned a second time. The value keeps `clean` as
// its raw text (a view stays a view).
IndicatorValue ParseCleanIndicatorValue(Text clean);

// What ParseIndicatorValue would make of `clean` (text as CleanCell returns it): its kind and
// the length of the words before its number, without building the value.
struct ValueShape {
  ValueKind kind = ValueKind::kEmpty;
  size_t prefix_size = 0;
};
ValueShape IndicatorValueShapeOf(std::string_view clean);

// The names of the indicator levels, as templates print them. The rules speak of canonical
// names; a printed name may be another form of one: "产出" is 产出指标, "效果指标" (older
// templates) is 效益指标, "数量" is 数量指标. 成本指标 is first-level in the templates that
// split costs into 经济成本指标, 社会成本指标 and 生态环境成本指标, and second-level (under
// 产出指标) in the others.
//
// The canonical name of a level `level` (1 or 2) name given by its match key, or "". `*bare`
// (when asked) tells a one-word form an indicator may be named too ("满意度", "数量").
std::string_view CanonicalLevelName(std::string_view key, int level, bool* bare = nullptr);
// Every printed form of a level name is two to this many ideographs, and nothing else: a key
// with more is none of them (checked against the forms where they are listed).
inline constexpr size_t kLevelNameMostIdeographs = 9;
// The canonical name of a printed level `level` name, or "".
std::string_view LevelOf(std::string_view printed, int level);
// Whether a second-level name (its key) is one of the costs under a first-level 成本指标.
bool IsCostLevel2(std::string_view key);

struct Indicator {
  Text level1;  // 一级指标: 产出指标 / 效益指标 / 满意度指标 (/ 成本指标), as printed
  Text level2;  // 二级指标: 数量指标, 质量指标, 时效指标, 成本指标, 社会效益, …, as printed
  Text name;    // 三级指标
  IndicatorValue value;
  Location at;        // the name cell
  Location value_at;  // the value cell
  friend bool operator==(const Indicator&, const Indicator&) = default;
};

// 项目资金 for one period, in 元.
struct Funds {
  Amount total, central, provincial, local, self_raised, other;
  Location at;  // the total
  Location central_at, provincial_at, local_at, self_raised_at, other_at;
  friend bool operator==(const Funds&, const Funds&) = default;
};

// The two sides of a project target table.
enum Period : int { kImplementation = 0, kAnnual = 1 };

// A labelled figure of the overall table ("内设职能部门数 8个", "一般公共预算资金 6718.33").
struct Fact {
  std::string label;
  std::string printed;
  Location at;
  friend bool operator==(const Fact&, const Fact&) = default;
};

// How far the reader could be sure of a table's indicator pairing.
enum class Confidence : uint8_t {
  kFull,     // every indicator paired with its own value
  kPartial,  // some rows were ambiguous; see `gaps`
  kLow,      // the layout does not say which value belongs to which indicator
};
std::string_view ConfidenceId(Confidence c);
Confidence ConfidenceFromId(std::string_view id);

struct TargetTable {
  enum class Kind : uint8_t { kProject, kOverall };
  Kind kind = Kind::kProject;
  std::string layout;  // "tabbed", "cell-per-line", "pdf-text"
  std::string title;
  Location at;
  uint32_t last_line = 0;

  TextItem project_name;        // 项目名称 (overall: 部门名称)
  std::string department_code;  // 主管部门及代码: "103"
  TextItem department;  // "高平市人力资源和社会保障局 (高平市医疗保险局)"
  TextItem implementing_unit;                           // 实施单位
  TextItem attribute;                                   // 项目属性
  TextItem duration;                                    // 项目期
  Funds funds[2];                                       // [kImplementation], [kAnnual]
  TextItem overview, basis, necessity, measures, plan;  // 项目概况 … 项目实施计划
  TextItem goals[2];                                    // 总体目标
  std::vector<Indicator> indicators[2];                 // overall tables use [kAnnual] only

  // Overall (整体支出) tables.
  std::vector<Fact> facts;            // 内设职能部门数, 核定的人员编制数, …
  std::vector<Fact> funds_by_source;  // 万元
  std::vector<Fact> funds_by_use;     // 万元
  std::vector<TextItem> tasks;        // 年度重点任务

  Confidence confidence = Confidence::kFull;
  std::vector<Diagnostic> gaps;  // what could not be read or paired, with its line

  friend bool operator==(const TargetTable&, const TargetTable&) = default;
};

// One row of a 民生领域重大事项绩效目标情况表.
struct LivelihoodRow {
  std::string number;     // 序号
  std::string unit_code;  // "034001"
  std::string unit;       // 预算单位
  std::string project;    // 项目名称
  Amount amount;          // 预算金额, 元
  Location at;            // the project name
  int32_t target = -1;    // index of its target table in Document::targets, or -1
  friend bool operator==(const LivelihoodRow&, const LivelihoodRow&) = default;
};

struct LivelihoodSummary {
  bool present = false;
  TextItem title;
  std::vector<LivelihoodRow> rows;
  Amount total;  // 合计 when printed
  Location total_at;
  std::string confidence;  // how rows were assembled: "rows" or "columns-by-order"
  friend bool operator==(const LivelihoodSummary&, const LivelihoodSummary&) = default;
};

}  // namespace yusuan
