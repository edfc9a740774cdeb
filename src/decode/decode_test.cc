#include "decode/decode.h"

#include <gtest/gtest.h>
#include <iconv.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

namespace yusuan {
namespace {

// Encodes UTF-8 text into `to` with iconv, for building test inputs.
std::string Encode(const std::string& utf8, const char* to) {
  iconv_t cd = iconv_open(to, "UTF-8");
  std::string out(utf8.size() * 4 + 8, '\0');
  char* in = const_cast<char*>(utf8.data());
  size_t in_left = utf8.size();
  char* o = out.data();
  size_t out_left = out.size();
  iconv(cd, &in, &in_left, &o, &out_left);
  iconv_close(cd);
  out.resize(out.size() - out_left);
  return out;
}

const std::string kText = "2026年预算收支总表\n单位：万元\n合计\t6056.35\n";

TEST(Decode, ReadsUtf8WithAndWithoutBom) {
  auto plain = Decode(kText);
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(plain->text, kText);
  EXPECT_EQ(plain->encoding, "UTF-8");
  auto bom = Decode("\xEF\xBB\xBF" + kText);
  ASSERT_TRUE(bom.ok());
  EXPECT_EQ(bom->text, kText);
  EXPECT_EQ(bom->encoding, "UTF-8 (BOM)");
}

TEST(Decode, ReadsGb18030) {
  auto d = Decode(Encode(kText, "GB18030"));
  ASSERT_TRUE(d.ok()) << d.status().message();
  EXPECT_EQ(d->text, kText);
  EXPECT_EQ(d->encoding, "GB18030");
}

TEST(Decode, ReadsUtf16WithBomBothOrders) {
  auto le = Decode(Encode(kText, "UTF-16LE").insert(0, "\xFF\xFE"));
  ASSERT_TRUE(le.ok()) << le.status().message();
  EXPECT_EQ(le->text, kText);
  EXPECT_EQ(le->encoding, "UTF-16LE");
  auto be = Decode(Encode(kText, "UTF-16BE").insert(0, "\xFE\xFF"));
  ASSERT_TRUE(be.ok()) << be.status().message();
  EXPECT_EQ(be->text, kText);
  EXPECT_EQ(be->encoding, "UTF-16BE");
}

TEST(Decode, DetectsUtf16WithoutBomFromZeroBytes) {
  std::string ascii_heavy = "table 1\t6056.35\t383.26\n预算\n合计\t1.00\n";
  auto le = Decode(Encode(ascii_heavy, "UTF-16LE"));
  ASSERT_TRUE(le.ok());
  EXPECT_EQ(le->text, ascii_heavy);
  EXPECT_EQ(le->encoding, "UTF-16LE");
}

TEST(Decode, NormalizesCrlfAndLoneCr) {
  auto d = Decode("a\r\nb\rc\nd");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->text, "a\nb\nc\nd");
}

// A CRLF file saved again by a tool that made each LF a CRLF ends its lines in CR CR LF: one
// line end, not a line and an empty one (the layouts that read an empty line as an empty cell
// or a paragraph's end gave 78 findings for 000's 2). An empty line in it stays.
TEST(Decode, CrCrLfIsOneLineEnd) {
  auto d = Decode("表一\r\r\n\r\r\n合计\t1.00\r\r\n");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->text, "表一\n\n合计\t1.00\n");
}

// UTF-8 that a conversion left a stray byte in is read, the byte as U+FFFD and counted, not
// refused whole (it was, as "neither UTF-8 nor GB18030, perhaps binary"); with a BOM too.
TEST(Decode, Utf8WithAStrayByteIsReadWithTheByteReplacedAndCounted) {
  std::string text;
  for (int i = 0; i < 20; ++i) text += kText;
  std::string stray = text;
  stray.insert(text.find("预算") + 3, "\xFF");
  for (const std::string& bom : {std::string(), std::string("\xEF\xBB\xBF")}) {
    auto d = Decode(bom + stray);
    ASSERT_TRUE(d.ok()) << d.status().message();
    EXPECT_EQ(d->encoding, bom.empty() ? "UTF-8" : "UTF-8 (BOM)");
    EXPECT_EQ(d->replaced, 1u);
    std::string expected = text;
    expected.insert(text.find("预算") + 3, "\uFFFD");
    EXPECT_EQ(d->text, expected);
  }
  // A U+FFFD of the text's own is a character, not a stray byte.
  auto own = Decode(stray + "\uFFFD\n");
  ASSERT_TRUE(own.ok());
  EXPECT_EQ(own->replaced, 1u);
  EXPECT_EQ(Decode(text)->replaced, 0u);
}

// Only a few stray bytes beside many UTF-8 characters make a text "UTF-8 with stray bytes":
// GB18030 text stays GB18030, and bytes that are neither stay refused.
TEST(Decode, TextInAnotherEncodingIsNeverTakenForUtf8WithStrayBytes) {
  std::string text;
  for (int i = 0; i < 20; ++i) text += kText + "项目支出绩效目标表：数量指标、质量指标、时效指标\n";
  auto gb = Decode(Encode(text, "GB18030"));
  ASSERT_TRUE(gb.ok());
  EXPECT_EQ(gb->encoding, "GB18030");
  EXPECT_EQ(gb->replaced, 0u);
  EXPECT_EQ(gb->text, text);
  // A stray byte every few characters is too many.
  std::string dense;
  for (int i = 0; i < 200; ++i) dense += "预算\xFF";
  EXPECT_FALSE(Decode(dense).ok());
  // ASCII with a Latin-1 byte has no UTF-8 character beside it to vouch for the rest: not
  // UTF-8, but GB18030 with its last character cut short.
  auto latin = Decode(std::string(300, 'a') + "caf\xE9");
  ASSERT_TRUE(latin.ok());
  EXPECT_EQ(latin->encoding, "GB18030");
  EXPECT_EQ(latin->replaced, 1u);
  EXPECT_EQ(latin->text, std::string(300, 'a') + "caf\uFFFD");
}

// GB18030 text with a stray byte, or cut short in its last character (a download cut off), is
// read with U+FFFD for what does not decode, and the count said; many such bytes still fail.
TEST(Decode, Gb18030WithAStrayByteOrCutShortIsReadWithTheByteReplaced) {
  std::string text;
  for (int i = 0; i < 20; ++i) text += kText;
  const std::string gb = Encode(text, "GB18030");
  std::string stray = gb;
  stray.insert(gb.find(Encode("预算", "GB18030")), "\xFF");
  auto d = Decode(stray);
  ASSERT_TRUE(d.ok()) << d.status().message();
  EXPECT_EQ(d->encoding, "GB18030");
  EXPECT_EQ(d->replaced, 1u);
  std::string expected = text;
  expected.insert(text.find("预算"), "\uFFFD");
  EXPECT_EQ(d->text, expected);
  auto cut = Decode(gb + Encode("合", "GB18030").substr(0, 1));
  ASSERT_TRUE(cut.ok()) << cut.status().message();
  EXPECT_EQ(cut->replaced, 1u);
  EXPECT_EQ(cut->text, text + "\uFFFD");
  std::string dense;
  for (int i = 0; i < 50; ++i) dense += Encode("预算", "GB18030") + "\xFF";
  EXPECT_FALSE(Decode(dense).ok());
}

// Form feeds (pdftotext's page breaks) and invisible format characters (zero-width space,
// joiners, direction marks, word joiner, a byte-order mark inside the text, soft hyphen) are
// dropped; the lines stay as they were, and every visible character too.
TEST(Decode, DropsFormFeedsAndInvisibleCharactersKeepingTheLines) {
  auto d = Decode("第一页\n\f第二页\t合计\n末页\n\f");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->text, "第一页\n第二页\t合计\n末页\n");
  EXPECT_EQ(Decode("a\fb\r\n\f\r\nc")->text, "ab\n\nc");
  const std::string visible = "“表三”：支出—合计…，（万元）\u2010\u2061\u00A0\n";
  auto invisible =
      Decode("\u200B\t项目\u200C名\u200D称\u200E\u200F\n\uFEFF表\u2060三\u00AD\n" + visible);
  ASSERT_TRUE(invisible.ok());
  EXPECT_EQ(invisible->text, "\t项目名称\n表三\n" + visible);
  EXPECT_EQ(invisible->encoding, "UTF-8");
}

TEST(Decode, RefusesEmptyAndBinaryInput) {
  auto empty = Decode("");
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.status().kind(), Status::Kind::kNotText);
  std::string binary = "PK\x03\x04";
  binary += std::string("\x00\x01\x02\x00\xff\xfe\x00", 7);
  binary += std::string(200, '\x01');
  auto bin = Decode(binary);
  ASSERT_FALSE(bin.ok());
  EXPECT_EQ(bin.status().kind(), Status::Kind::kNotText);
  std::string nul = "预算\n" + std::string(1, '\0') + "合计\n";
  EXPECT_FALSE(Decode(nul).ok());
}

// A file that is only a byte-order mark is empty; a UTF-16 file cut in the middle of a
// character, or holding a lone surrogate, names the byte of the file (from 1, BOM counted).
TEST(Decode, SaysWhereUtf16GoesWrongAndThatABomAloneIsEmpty) {
  for (std::string bom :
       {std::string("\xEF\xBB\xBF"), std::string("\xFF\xFE"), std::string("\xFE\xFF")}) {
    auto only = Decode(bom);
    ASSERT_FALSE(only.ok());
    EXPECT_EQ(only.status().message(), "文件为空（只有字节顺序标记 BOM）");
  }
  auto cut =
      Decode(std::string("\xFF\xFE"
                         "A",
                         3));
  ASSERT_FALSE(cut.ok());
  EXPECT_EQ(cut.status().message(),
            "按 UTF-16LE 解码失败：文件在第 3 字节处截断（最后一个字符不完整）");
  auto surrogate =
      Decode(std::string("\xFF\xFE"
                         "A\0\0\xD8"
                         "A\0",
                         8));
  ASSERT_FALSE(surrogate.ok());
  EXPECT_EQ(surrogate.status().message(), "按 UTF-16LE 解码失败：第 5 字节处不是合法字符");
}

TEST(Decode, RefusesANulAnywhereAndTooManyControlCharacters) {
  // Every length around the 16-byte steps, a NUL at every place. (Below eight bytes one zero
  // byte is enough for the text to be taken as UTF-16.)
  for (size_t n = 8; n <= 70; ++n) {
    for (size_t at = 0; at < n; ++at) {
      std::string text(n, 'a');
      text[at] = '\0';
      ASSERT_FALSE(Decode(text).ok()) << n << " " << at;
    }
  }
  // One control character in a hundred bytes is allowed, two are not; tab, LF, CR and form
  // feed never count.
  std::string text(200, 'a');
  for (size_t at : {size_t{5}, size_t{17}, size_t{199}}) text[at] = '\x01';
  for (size_t at : {size_t{1}, size_t{2}, size_t{3}, size_t{4}}) text[at] = "\t\n\r\f"[at - 1];
  EXPECT_FALSE(Decode(text).ok());
  text[17] = 'a';
  EXPECT_TRUE(Decode(text).ok());
  text[199] = '\x7f';  // DEL is not a control character here
  text[5] = '\x1f';
  EXPECT_TRUE(Decode(text).ok());
}

TEST(Decode, InvisibleCharactersAreFoundAtEveryPlaceOfALongText) {
  // The scan looks at sixteen bytes at a time: an invisible character at every place of a longer
  // text (its bytes in one block or across two), and the look-alikes that share its lead byte.
  const std::string invisible[] = {"\u200B", "\u200F", "\u2060", "\uFEFF", "\u00AD", "\r", "\f"};
  // (The scan passes over a lead whose next byte no invisible character has: "，" and "（"
  // (EF BC) at once; the look-alikes that share both first bytes are looked at and kept.)
  const std::string visible[] = {"“",      "”",      "，",     "（",     "—",
                                 "\u2061", "\u00A9", "\uFEFE", "\u2010", "\u200A",
                                 "\u205F", "\uFEFB", "\u00AC"};
  for (size_t at = 0; at <= 40; ++at) {
    for (const std::string& c : invisible) {
      const std::string bytes = std::string(at, 'a') + c + "合计预算支出一二三四五\n";
      EXPECT_FALSE(DecodesToItself(bytes)) << at << " " << bytes;
      auto decoded = Decode(bytes);
      ASSERT_TRUE(decoded.ok());
      EXPECT_EQ(decoded->text.find(c), std::string::npos) << at;
    }
    for (const std::string& c : visible) {
      const std::string bytes = std::string(at, 'a') + c + "合计预算支出一二三四五\n";
      EXPECT_TRUE(DecodesToItself(bytes)) << at << " " << bytes;
    }
  }
}

TEST(Decode, TextThatDecodesToItselfIsToldApartExactly) {
  // DecodesToItself(b) exactly when decoding gives b back as "UTF-8" text.
  const std::string text = "2026年预算\t合计\n支出 6,056.35\n";
  std::string many_controls(64, 'a');
  for (size_t i = 0; i < many_controls.size(); i += 2) many_controls[i] = '\x01';
  const std::string inputs[] = {text,
                                "\xEF\xBB\xBF" + text,
                                "第一行\r\n第二行\r\n",
                                "末尾\r",
                                "\f第二页\n",
                                "预\u200B算\n",
                                "合\uFEFF计\n",
                                "项目\u00AD名称\n",
                                "“引号”与“，”不变\n",
                                Encode(text, "GB18030"),
                                Encode(text, "UTF-16LE"),
                                "\xFF\xFE" + Encode(text, "UTF-16LE"),
                                std::string("a\0b", 3),
                                many_controls,
                                "",
                                "\xFF\xFF\xFF",
                                "plain ascii"};
  for (const std::string& bytes : inputs) {
    auto decoded = Decode(bytes);
    const bool itself = decoded.ok() && decoded->text == bytes && decoded->encoding == "UTF-8";
    EXPECT_EQ(DecodesToItself(bytes), itself) << bytes;
  }
  EXPECT_TRUE(DecodesToItself(text));
  EXPECT_FALSE(DecodesToItself("第一行\r\n第二行\r\n"));
}

TEST(DecodeFile, NamesTheFileInErrors) {
  auto missing = DecodeFile("/nonexistent/yusuan.txt");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().kind(), Status::Kind::kIoError);
  EXPECT_NE(missing.status().message().find("/nonexistent/yusuan.txt"), std::string::npos);
  auto dir = DecodeFile("/");
  ASSERT_FALSE(dir.ok());
  EXPECT_EQ(dir.status().kind(), Status::Kind::kIoError);
}

// A named pipe in a fresh directory, removed with it.
class Fifo {
 public:
  Fifo() {
    dir_ = std::filesystem::temp_directory_path() / ("yusuan_fifo_" + std::to_string(getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / "pipe.txt").string();
    ok_ = mkfifo(path_.c_str(), 0600) == 0;
  }
  ~Fifo() { std::filesystem::remove_all(dir_); }
  bool ok() const { return ok_; }
  const std::string& path() const { return path_; }
  // Writes `bytes` into the pipe from another thread (opening blocks until the reader opens).
  std::thread Write(std::string bytes) const {
    return std::thread([path = path_, bytes = std::move(bytes)] {
      std::ofstream(path, std::ios::binary) << bytes;
    });
  }

 private:
  std::filesystem::path dir_;
  std::string path_;
  bool ok_ = false;
};

TEST(ReadFileBytes, ReadsAPipeToItsEnd) {
  Fifo fifo;
  ASSERT_TRUE(fifo.ok());
  const std::string text = kText + std::string(200000, 'x');  // several reads' worth
  std::thread writer = fifo.Write(text);
  auto bytes = ReadFileBytes(fifo.path());
  writer.join();
  ASSERT_TRUE(bytes.ok()) << bytes.status().message();
  EXPECT_TRUE(*bytes == text);
}

TEST(ReadFileBytes, RefusesAPipeOnceItPassesTheLimit) {
  Fifo fifo;
  ASSERT_TRUE(fifo.ok());
  // The reader stops and closes the pipe while the writer still writes: the writer gets EPIPE
  // (as `cat` would at the head of a shell pipe), not a signal that ends the test.
  const auto previous = std::signal(SIGPIPE, SIG_IGN);
  std::thread writer = fifo.Write(std::string(300000, 'x'));
  auto bytes = ReadFileBytes(fifo.path(), 100000);
  writer.join();
  std::signal(SIGPIPE, previous);
  ASSERT_FALSE(bytes.ok());
  EXPECT_EQ(bytes.status().kind(), Status::Kind::kTooLarge);
  EXPECT_NE(bytes.status().message().find(fifo.path()), std::string::npos);
}

TEST(ReadFileBytes, RefusesARegularFileOverTheLimitBeforeReadingIt) {
  const std::string path = testing::TempDir() + "yusuan_large.txt";
  std::ofstream(path, std::ios::binary) << std::string(2000, 'x');
  auto bytes = ReadFileBytes(path, 1000);
  ASSERT_FALSE(bytes.ok());
  EXPECT_EQ(bytes.status().kind(), Status::Kind::kTooLarge);
  std::filesystem::remove(path);
}

TEST(ReadFileBytes, RefusesDevicesUnread) {
  // /dev/zero never ends: read to the limit it would cost the limit's memory to be refused.
  auto zero = ReadFileBytes("/dev/zero");
  ASSERT_FALSE(zero.ok());
  EXPECT_EQ(zero.status().kind(), Status::Kind::kIoError);
  EXPECT_NE(zero.status().message().find("不是普通文件"), std::string::npos);
}

TEST(ReadFileBytes, ReadsAFileWhoseSizeTheSystemDoesNotTell) {
  // /proc files say they are empty; they are not.
  auto status = ReadFileBytes("/proc/self/status");
  ASSERT_TRUE(status.ok()) << status.status().message();
  EXPECT_NE(status->find("Name:"), std::string::npos);
}

}  // namespace
}  // namespace yusuan
