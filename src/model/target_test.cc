#include "model/target.h"

#include <gtest/gtest.h>

#include "base/text.h"

namespace yusuan {
namespace {

struct ValueCase {
  const char* raw;
  ValueKind kind;
  const char* comparator;
  const char* prefix;
  const char* number;
  int64_t digits;
  int scale;
  const char* unit;
};

TEST(ParseIndicatorValue, ReadsComparisonsNumbersAndUnits) {
  const ValueCase cases[] = {
      {"≥27人", ValueKind::kQuantity, "≥", "", "27", 27, 0, "人"},
      {"≤32.22万人", ValueKind::kQuantity, "≤", "", "32.22", 3222, 2, "万人"},
      {"=100%", ValueKind::kQuantity, "=", "", "100", 100, 0, "%"},
      {"＝100％", ValueKind::kQuantity, "=", "", "100", 100, 0, "%"},
      {"≥９８．５％", ValueKind::kQuantity, "≥", "", "98.5", 985, 1, "%"},
      {"１２３４５６７８９０个", ValueKind::kQuantity, "", "", "1234567890", 1234567890, 0, "个"},
      {"100元/人", ValueKind::kQuantity, "", "", "100", 100, 0, "元/人"},
      {"3600元/孩/年", ValueKind::kQuantity, "", "", "3600", 3600, 0, "元/孩/年"},
      {"≤3860万元", ValueKind::kQuantity, "≤", "", "3860", 3860, 0, "万元"},
      {"＞5辆", ValueKind::kQuantity, ">", "", "5", 5, 0, "辆"},
      {"<3次", ValueKind::kQuantity, "<", "", "3", 3, 0, "次"},
      {">=90%", ValueKind::kQuantity, "≥", "", "90", 90, 0, "%"},
      {"不低于95%", ValueKind::kQuantity, "≥", "", "95", 95, 0, "%"},
      {"综合参保率达90%", ValueKind::kQuantity, "", "综合参保率达", "90", 90, 0, "%"},
      {"401条", ValueKind::kQuantity, "", "", "401", 401, 0, "条"},
      {"1,250.5平方米", ValueKind::kQuantity, "", "", "1,250.5", 12505, 1, "平方米"},
      // A bound said after the unit: its comparison, and the unit alone.
      {"90%以上", ValueKind::kQuantity, "≥", "", "90", 90, 0, "%"},
      {"5个及以下", ValueKind::kQuantity, "≤", "", "5", 5, 0, "个"},
      {"30分钟以内", ValueKind::kQuantity, "≤", "", "30", 30, 0, "分钟"},
      {"≥90%以上", ValueKind::kQuantity, "≥", "", "90", 90, 0, "%"},
  };
  for (const ValueCase& c : cases) {
    IndicatorValue v = ParseIndicatorValue(c.raw);
    EXPECT_EQ(v.raw, c.raw);
    EXPECT_EQ(v.kind, c.kind) << c.raw;
    EXPECT_EQ(v.comparator(), c.comparator) << c.raw;
    EXPECT_EQ(v.prefix(), c.prefix) << c.raw;
    EXPECT_EQ(v.number(), c.number) << c.raw;
    EXPECT_EQ(v.value.digits, c.digits) << c.raw;
    EXPECT_EQ(v.value.scale, c.scale) << c.raw;
    EXPECT_EQ(v.unit(), c.unit) << c.raw;
    ValueShape shape = IndicatorValueShapeOf(c.raw);
    EXPECT_EQ(shape.kind, v.kind) << c.raw;
    EXPECT_EQ(shape.prefix_size, v.prefix().size()) << c.raw;
  }
}

TEST(ParseIndicatorValue, TellsDeadlinesCadencesAndWords) {
  const std::pair<const char*, ValueKind> cases[] = {
      {"2026年6月底前", ValueKind::kDeadline},
      {"当年10月前", ValueKind::kDeadline},
      {"12月31日之前", ValueKind::kDeadline},
      {"2026年完成", ValueKind::kDeadline},
      {"截止2026年12月", ValueKind::kDeadline},
      {"3个月以内", ValueKind::kDeadline},
      {"1年之内", ValueKind::kDeadline},
      {"２０２６年底", ValueKind::kDeadline},
      {"本年内", ValueKind::kQualitative},
      {"完善成效", ValueKind::kQualitative},
      {"每月", ValueKind::kCadence},
      {"每季度", ValueKind::kCadence},
      {"每季度支付一次", ValueKind::kCadence},
      {"及时", ValueKind::kCadence},
      {"保障", ValueKind::kQualitative},
      {"提高", ValueKind::kQualitative},
      {"有效减轻", ValueKind::kQualitative},
      {"", ValueKind::kEmpty},
      {"  ", ValueKind::kEmpty},
      // Ideographs alone, with and without a date word, a figure or a cadence's words.
      {"年底前完成", ValueKind::kDeadline},
      {"月底前", ValueKind::kDeadline},
      {"日常管理", ValueKind::kQualitative},
      {"按月", ValueKind::kCadence},
      {"实时", ValueKind::kCadence},
      {"数量指标", ValueKind::kQualitative},
      {"１００％", ValueKind::kQuantity},
      {"百分之百", ValueKind::kQualitative},
      {"达标a", ValueKind::kQualitative},
      {"达到3级", ValueKind::kQuantity},
      // Longer than one vector: the telling character in the first, the last or a middle one.
      {"保障城乡居民医疗保险工作正常运行", ValueKind::kQualitative},
      {"保障城乡居民医疗保险工作正常运行于年底前完成", ValueKind::kDeadline},
      {"城乡居民医疗保险参保人数达到９０万", ValueKind::kQuantity},
      {"城乡居民医疗保险参保人数达到9万人以上", ValueKind::kQuantity},
  };
  for (auto [raw, kind] : cases) {
    EXPECT_EQ(ParseIndicatorValue(raw).kind, kind) << raw;
    if (*raw) {
      EXPECT_EQ(IndicatorValueShapeOf(CleanCell(raw)).kind, kind) << raw;
    }
  }
}

// The readers' cells are clean already; parsing them without cleaning again gives the same value.
TEST(ParseIndicatorValue, CleanTextParsesAsTheRawText) {
  for (const char* raw : {"  ≥ 27 人 ", "≤32.22万人", "综合参保率 达\t90%", "２０２６年 6月底前",
                          "每 季度", "群众 满意", "", "   ", "1,250.5 平方米", "≥ ９８．５ ％"}) {
    const std::string clean = CleanCell(raw);
    EXPECT_EQ(ParseCleanIndicatorValue(clean), ParseIndicatorValue(raw)) << raw;
  }
}

TEST(ParseIndicatorValue, KeepsAbsurdNumbersAsText) {
  IndicatorValue v = ParseIndicatorValue(std::string(40, '9') + "人");
  EXPECT_EQ(v.kind, ValueKind::kQualitative);
  EXPECT_TRUE(v.number().empty());
}

}  // namespace
}  // namespace yusuan
