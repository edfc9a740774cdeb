#include "decode/inputs.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace yusuan {
namespace {

namespace fs = std::filesystem;

class ExpandInputsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("yusuan_inputs_" + std::to_string(getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Touch(const fs::path& relative) {
    const fs::path p = dir_ / relative;
    fs::create_directories(p.parent_path());
    std::ofstream(p) << "2026年度单位预算公开\n";
    return p.string();
  }
  fs::path dir_;
};

TEST_F(ExpandInputsTest, ADirectoryBecomesItsTxtFilesAtAnyDepthSortedByPath) {
  const std::string b = Touch("b.txt"), a = Touch("a.txt"), deep = Touch("2026/县/预算.txt");
  Touch("notes.md");
  Touch("2026/scan.pdf");
  std::vector<std::string> errors;
  EXPECT_EQ(ExpandInputs({dir_.string()}, &errors), (std::vector<std::string>{deep, a, b}));
  EXPECT_TRUE(errors.empty());
}

TEST_F(ExpandInputsTest, TxtInAnyCaseIsTaken) {
  const std::string upper = Touch("UPPER.TXT"), mixed = Touch("Mixed.Txt");
  Touch("almost.txt.bak");
  std::vector<std::string> errors;
  EXPECT_EQ(ExpandInputs({dir_.string()}, &errors), (std::vector<std::string>{mixed, upper}));
}

TEST_F(ExpandInputsTest, FilesAreKeptAsGivenAndInTheOrderGiven) {
  const std::string z = Touch("z.dat"), a = Touch("sub/a.txt");
  const std::string missing = (dir_ / "missing.txt").string();
  std::vector<std::string> errors;
  // A file is read whatever its name; a missing one is reported when it is read.
  EXPECT_EQ(ExpandInputs({z, (dir_ / "sub").string(), missing}, &errors),
            (std::vector<std::string>{z, a, missing}));
  EXPECT_TRUE(errors.empty());
}

TEST_F(ExpandInputsTest, ADirectoryWithoutTxtFilesIsReported) {
  Touch("empty/readme.md");
  std::vector<std::string> errors;
  EXPECT_TRUE(ExpandInputs({(dir_ / "empty").string()}, &errors).empty());
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("目录中没有 .txt 文件"), std::string::npos) << errors[0];
  EXPECT_NE(errors[0].find("empty"), std::string::npos) << errors[0];
}

// A link that leads nowhere is listed, to be reported when it is read; a pipe named .txt is
// reported and not listed (reading a pipe no one writes to would never end).
TEST_F(ExpandInputsTest, ABrokenLinkIsListedAndAPipeReported) {
  const std::string good = Touch("a.txt");
  const fs::path broken = dir_ / "b.txt", pipe = dir_ / "c.txt";
  fs::create_symlink(dir_ / "gone.txt", broken);
  ASSERT_EQ(mkfifo(pipe.c_str(), 0600), 0);
  std::vector<std::string> errors;
  EXPECT_EQ(ExpandInputs({dir_.string()}, &errors),
            (std::vector<std::string>{good, broken.string()}));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0], pipe.string() + ": 不是普通文件（管道、设备或套接字），未读取");
}

TEST_F(ExpandInputsTest, ALinkBackUpTheTreeIsNotFollowed) {
  const std::string a = Touch("sub/a.txt");
  fs::create_directory_symlink(dir_, dir_ / "sub" / "loop");
  std::vector<std::string> errors;
  EXPECT_EQ(ExpandInputs({dir_.string()}, &errors), (std::vector<std::string>{a}));
  EXPECT_TRUE(errors.empty());
}

}  // namespace
}  // namespace yusuan
