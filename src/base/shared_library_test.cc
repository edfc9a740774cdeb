#include "base/shared_library.h"

#include <gtest/gtest.h>

namespace yusuan {
namespace {

TEST(SharedLibrary, MissingLibraryNamesItsPurposeAndPackage) {
  auto lib = SharedLibrary::Open("libyusuan-absent.so.7", "PostgreSQL 数据库", "libabsent7");
  ASSERT_FALSE(lib.ok());
  EXPECT_EQ(lib.status().kind(), Status::Kind::kIoError);
  const std::string& m = lib.status().message();
  EXPECT_NE(m.find("PostgreSQL 数据库"), std::string::npos) << m;
  EXPECT_NE(m.find("libyusuan-absent.so.7"), std::string::npos) << m;
  EXPECT_NE(m.find("请安装软件包 libabsent7"), std::string::npos) << m;
}

TEST(SharedLibrary, BoundFunctionIsTheLibrarys) {
  auto lib = SharedLibrary::Open("libm.so.6", "测试", "libc6");
  ASSERT_TRUE(lib.ok()) << lib.status().message();
  double (*cosine)(double) = nullptr;
  ASSERT_TRUE(lib->Bind("cos", &cosine).ok());
  ASSERT_NE(cosine, nullptr);
  EXPECT_EQ(cosine(0.0), 1.0);
}

TEST(SharedLibrary, MissingFunctionIsNamedAndLeavesThePointerAlone) {
  auto lib = SharedLibrary::Open("libm.so.6", "测试", "libc6");
  ASSERT_TRUE(lib.ok());
  double (*fn)(double) = nullptr;
  Status s = lib->Bind("yusuan_no_such_function", &fn);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("yusuan_no_such_function"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("libm.so.6"), std::string::npos) << s.message();
  EXPECT_EQ(fn, nullptr);
}

struct Maths {
  double (*cos)(double) = nullptr;
  double (*sqrt)(double) = nullptr;
};

TEST(LoadFunctions, BindsEveryMember) {
  auto maths = LoadFunctions<Maths>("libm.so.6", "测试", "libc6", [](Maths& m, auto bind) {
    bind("cos", &m.cos);
    bind("sqrt", &m.sqrt);
  });
  ASSERT_TRUE(maths.ok()) << maths.status().message();
  EXPECT_EQ(maths->cos(0.0), 1.0);
  EXPECT_EQ(maths->sqrt(9.0), 3.0);
}

TEST(LoadFunctions, FirstMissingFunctionIsTheError) {
  auto maths = LoadFunctions<Maths>("libm.so.6", "测试", "libc6", [](Maths& m, auto bind) {
    bind("yusuan_absent_one", &m.cos);
    bind("yusuan_absent_two", &m.sqrt);
  });
  ASSERT_FALSE(maths.ok());
  EXPECT_NE(maths.status().message().find("yusuan_absent_one"), std::string::npos);
  EXPECT_EQ(maths.status().message().find("yusuan_absent_two"), std::string::npos);
}

TEST(LoadFunctions, MissingLibraryIsTheError) {
  auto maths = LoadFunctions<Maths>("libyusuan-absent.so.7", "导出 XLSX", "libabsent7",
                                    [](Maths& m, auto bind) { bind("cos", &m.cos); });
  ASSERT_FALSE(maths.ok());
  EXPECT_NE(maths.status().message().find("导出 XLSX"), std::string::npos);
}

}  // namespace
}  // namespace yusuan
