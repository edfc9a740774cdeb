#include "base/money.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace yusuan {
namespace {

struct ParseCase {
  const char* text;
  MoneyUnit unit;
  int64_t fen;
  int64_t ulp_fen;
};

TEST(ParseAmount, ReadsPrintedAmountsExactlyInFen) {
  const ParseCase cases[] = {
      {"6056.35", MoneyUnit::kWanYuan, 6056350000, 10000},
      {"6,056.35", MoneyUnit::kWanYuan, 6056350000, 10000},
      {"9007.2", MoneyUnit::kWanYuan, 9007200000, 100000},
      {"0", MoneyUnit::kWanYuan, 0, 1000000},
      {"0.00", MoneyUnit::kWanYuan, 0, 10000},
      {"-0.42", MoneyUnit::kWanYuan, -420000, 10000},
      {"35000000", MoneyUnit::kYuan, 3500000000, 100},
      {"1,440,000", MoneyUnit::kYuan, 144000000, 100},
      {"5831922.19", MoneyUnit::kYuan, 583192219, 1},
      {"0.000001", MoneyUnit::kWanYuan, 1, 1},
  };
  for (const ParseCase& c : cases) {
    auto a = ParseAmount(c.text, c.unit);
    ASSERT_TRUE(a.ok()) << c.text << ": " << a.status().message();
    EXPECT_EQ(a->fen, c.fen) << c.text;
    EXPECT_EQ(a->ulp_fen, c.ulp_fen) << c.text;
  }
}

// Decimals finer than a fen are refused, not rounded: three in 元, seven in 万元, and thirty
// (ten to the thirtieth, which no 64-bit integer holds, was once computed for them) alike.
TEST(ParseAmount, RefusesDecimalsFinerThanAFen) {
  for (auto [text, unit] :
       {std::pair{"1.001", MoneyUnit::kYuan}, std::pair{"0.0000001", MoneyUnit::kWanYuan},
        std::pair{"0.000000000000000000000000000001", MoneyUnit::kYuan}}) {
    auto a = ParseAmount(text, unit);
    ASSERT_FALSE(a.ok()) << text;
    EXPECT_NE(a.status().message().find("小数位超过分的精度"), std::string::npos) << text;
  }
  EXPECT_EQ(ParseAmount("1.01", MoneyUnit::kYuan)->fen, 101);
  EXPECT_EQ(ParseAmount("1.000001", MoneyUnit::kWanYuan)->fen, 1000001);
}

// An amount typed in full-width is the amount it reads as; a label is still no amount.
TEST(ParseAmount, ReadsAmountsTypedInFullWidth) {
  auto a = ParseAmount("６０５６．３５", MoneyUnit::kWanYuan);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->fen, 6056'35'00'00);
  EXPECT_EQ(a->ulp_fen, 10000);  // two decimals of 万元
  EXPECT_EQ(ParseAmount("－６．５", MoneyUnit::kYuan)->fen, -650);
  EXPECT_EQ(ParseAmount("6,０５６", MoneyUnit::kYuan).ok(), false);  // ASCII first: no fold
  EXPECT_EQ(ParseAmount("６,０５６", MoneyUnit::kYuan)->fen, 605600);
  EXPECT_EQ(ParseAmount("６，０５６．３５", MoneyUnit::kYuan)->fen, 605635);
  EXPECT_TRUE(LooksLikeAmount("１８６．８３"));
  EXPECT_TRUE(LooksLikeAmount("１，８６２．８３"));
  for (const char* label :
       {"（一）", "２０２６年", "１８６．８３万元", "６，", "６，，０５６", "．５"}) {
    EXPECT_FALSE(LooksLikeAmount(label)) << label;
    EXPECT_FALSE(ParseAmount(label, MoneyUnit::kYuan).ok()) << label;
  }
}

TEST(ParseAmount, RejectsTextThatIsNotAnAmount) {
  for (const char* text : {"", "-", "abc", "12a", "1..2", ".5", "5.", ",100", "1,,000", "合计"}) {
    auto a = ParseAmount(text, MoneyUnit::kWanYuan);
    EXPECT_FALSE(a.ok()) << text;
    EXPECT_EQ(a.status().kind(), Status::Kind::kInvalidArgument) << text;
  }
}

TEST(ParseAmount, TakesAmountsUpToAThousandWanYiYuan) {
  auto most = ParseAmount("1,000,000,000,000,000.00", MoneyUnit::kYuan);
  ASSERT_TRUE(most.ok()) << most.status().message();
  EXPECT_EQ(most->fen, kMaxAmountFen);
  auto negative = ParseAmount("-100000000000.00", MoneyUnit::kWanYuan);
  ASSERT_TRUE(negative.ok());
  EXPECT_EQ(negative->fen, -kMaxAmountFen);
  auto beyond = ParseAmount("1000000000000000.01", MoneyUnit::kYuan);
  ASSERT_FALSE(beyond.ok());
  EXPECT_EQ(beyond.status().kind(), Status::Kind::kOutOfRange);
  EXPECT_NE(beyond.status().message().find("超过 1,000 万亿元"), std::string::npos);
}

TEST(SumParts, AddsAnyNumberOfAmountsExactlyAndPrintsTheSum) {
  const Amount most{kMaxAmountFen, 1};
  std::vector<Amount> parts(1000, most);
  const WideFen sum = SumParts(Amount{}, parts).sum;
  EXPECT_EQ(sum, static_cast<WideFen>(kMaxAmountFen) * 1000);
  EXPECT_EQ(FormatYuan(sum), "1000000000000000000.00");
  EXPECT_EQ(FormatYuan(-sum - 7), "-1000000000000000000.07");
  EXPECT_EQ(FormatWanYuan(sum + 10000), "100000000000000.01");
  EXPECT_EQ(FormatWanYuan(sum + 1), "100000000000000.000001");
  EXPECT_FALSE(SumsTo(most, parts));
  EXPECT_TRUE(SumsTo(Amount{kMaxAmountFen, 1}, std::vector<Amount>{most}));
}

TEST(ParseAmount, DetectsOverflowInsteadOfWrapping) {
  std::string huge(400, '9');
  auto a = ParseAmount(huge, MoneyUnit::kYuan);
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.status().kind(), Status::Kind::kOutOfRange);
  // Fits as digits but not once scaled to fen.
  auto b = ParseAmount("92233720368547758", MoneyUnit::kWanYuan);
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(b.status().kind(), Status::Kind::kOutOfRange);
}

TEST(ParseAmount, RefusesPrecisionFinerThanAFen) {
  auto a = ParseAmount("1.005", MoneyUnit::kYuan);
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.status().kind(), Status::Kind::kOutOfRange);
}

TEST(FormatYuan, PrintsTwoDecimalsAndSign) {
  EXPECT_EQ(FormatYuan(6056350000), "60563500.00");
  EXPECT_EQ(FormatYuan(0), "0.00");
  EXPECT_EQ(FormatYuan(7), "0.07");
  EXPECT_EQ(FormatYuan(-420000), "-4200.00");
  EXPECT_EQ(FormatYuan(INT64_MIN), "-92233720368547758.08");
}

TEST(FormatYuan, RoundTripsThroughParseYuan) {
  for (int64_t fen :
       {int64_t{0}, int64_t{1}, int64_t{-99}, int64_t{6056350000}, kMaxAmountFen, -kMaxAmountFen}) {
    auto back = ParseYuan(FormatYuan(fen));
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(*back, fen);
  }
}

TEST(FormatIn, KeepsThePrintedPrecision) {
  auto a = ParseAmount("9007.2", MoneyUnit::kWanYuan);
  EXPECT_EQ(FormatIn(*a, MoneyUnit::kWanYuan), "9007.2");
  auto b = ParseAmount("0.00", MoneyUnit::kWanYuan);
  EXPECT_EQ(FormatIn(*b, MoneyUnit::kWanYuan), "0.00");
  auto c = ParseAmount("-1,519.41", MoneyUnit::kWanYuan);
  EXPECT_EQ(FormatIn(*c, MoneyUnit::kWanYuan), "-1519.41");
  auto d = ParseAmount("35000000", MoneyUnit::kYuan);
  EXPECT_EQ(FormatIn(*d, MoneyUnit::kYuan), "35000000");
  EXPECT_EQ(d->decimals(MoneyUnit::kYuan), 0);
  EXPECT_EQ(c->decimals(MoneyUnit::kWanYuan), 2);
}

TEST(FormatWanYuan, IsExactWithAtLeastTwoDecimals) {
  EXPECT_EQ(FormatWanYuan(6056350000), "6056.35");
  EXPECT_EQ(FormatWanYuan(0), "0.00");
  EXPECT_EQ(FormatWanYuan(123), "0.000123");
  EXPECT_EQ(FormatWanYuan(-420000), "-0.42");
}

TEST(RoundingTolerance, IsHalfAUnitPerPartPlusTheTotals) {
  auto total = ParseAmount("6056.35", MoneyUnit::kWanYuan);
  auto a = ParseAmount("383.26", MoneyUnit::kWanYuan);
  auto b = ParseAmount("5673.09", MoneyUnit::kWanYuan);
  Amount parts[] = {*a, *b};
  // three figures printed to 0.01 万元: 3 × 0.005 万元 = 150 元 = 15000 fen
  EXPECT_EQ(RoundingTolerance(*total, parts), 15000);
  EXPECT_EQ(RoundingTolerance(Amount{}, {}), 0);
}

}  // namespace
}  // namespace yusuan
