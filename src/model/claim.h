// Claims: the figures the narrative (第三部分) states, each with its place, so that the checks
// can hold them against the tables. Extracted by read/claims_reader.h.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/money.h"
#include "model/location.h"
#include "model/target.h"

namespace yusuan {

enum class ClaimKind : uint8_t {
  kAmount,  // "基本支出383.26万元"
  kShare,   // "占6.33%": `base` is the amount it is a share of, `part` the amount before it
  kChange,  // "比上年增加1770.29万元，增长41.30%": `part` is the amount now
  kCount,   // "纳入绩效目标管理的二级项目12个"
  kList,    // "主要包括：办公费、邮电费、…"
  kNone,    // "本部门无“三公”经费预算": the subject is stated to be zero or absent
};
std::string_view ClaimKindId(ClaimKind kind);
ClaimKind ClaimKindFromId(std::string_view id);

struct Claim {
  ClaimKind kind = ClaimKind::kAmount;
  std::string section;  // the heading of the narrative section ("三、支出预算情况说明")
  std::string subject;  // the words naming the figure ("基本支出", "一般公共预算拨款收入")
  std::string text;  // the fragment as printed
  Location at;
  Amount amount;                         // kAmount: the amount; kChange: the change Δ
  MoneyUnit unit = MoneyUnit::kWanYuan;  // as the text states it
  bool decrease = false;                 // kChange: 减少/下降
  Decimal percent;  // kShare, kChange: the printed percentage (41.30 -> {4130, 2})
  bool has_percent = false;
  int64_t count = 0;               // kCount
  std::vector<std::string> items;  // kList
  int32_t part = -1;               // kShare, kChange: index of the amount claim it follows
  int32_t base = -1;               // kShare: index of the amount claim it is a share of
  friend bool operator==(const Claim&, const Claim&) = default;
};

}  // namespace yusuan
