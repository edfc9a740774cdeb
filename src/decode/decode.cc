#include "decode/decode.h"

#include <iconv.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <bit>
#include <cerrno>
#include <cstring>
#include <optional>

#include "base/text.h"

namespace yusuan {
namespace {

// `bytes` start at byte `base` of the file (after a BOM): an error names the byte of the file,
// counted from 1. With `replaced`, a byte that does not decode, or a last character cut short,
// becomes U+FFFD and is counted, as long as such bytes stay rare (one per hundred bytes): a
// text with a stray byte is read, and one that is not in the encoding still fails.
Result<std::string> Convert(std::string_view bytes, const char* from, size_t base = 0,
                            size_t* replaced = nullptr) {
  iconv_t cd = iconv_open("UTF-8", from);
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    return Status::NotText(std::string("系统不支持编码 ") + from);
  }
  std::string out(bytes.size() * 2 + 16, '\0');
  char* in_ptr = const_cast<char*>(bytes.data());
  size_t in_left = bytes.size();
  size_t out_used = 0, stray = 0;
  Status status;
  while (in_left > 0) {
    char* out_ptr = out.data() + out_used;
    size_t out_left = out.size() - out_used;
    size_t r = iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left);
    out_used = out.size() - out_left;
    if (r != static_cast<size_t>(-1)) break;
    if (errno == E2BIG) {
      out.resize(out.size() * 2);
      continue;
    }
    if (replaced != nullptr && (errno == EILSEQ || errno == EINVAL) &&
        (stray + 1) * 100 <= bytes.size()) {
      ++stray;
      if (out.size() - out_used < 3) out.resize(out.size() * 2);
      out.replace(out_used, 3, "\xEF\xBF\xBD");
      out_used += 3;
      // A character cut short at the end is the rest of the input; a bad byte is one.
      const size_t skip = errno == EINVAL ? in_left : 1;
      in_ptr += skip;
      in_left -= skip;
      iconv(cd, nullptr, nullptr, nullptr, nullptr);  // a fresh start after the byte
      continue;
    }
    const size_t at = base + (bytes.size() - in_left) + 1;
    status = Status::NotText(
        std::string("按 ") + from + " 解码失败：" +
        (errno == EINVAL ? "文件在第 " + std::to_string(at) + " 字节处截断（最后一个字符不完整）"
                         : "第 " + std::to_string(at) + " 字节处不是合法字符"));
    break;
  }
  iconv_close(cd);
  if (!status.ok()) return status;
  out.resize(out_used);
  if (replaced != nullptr) *replaced = stray;
  return out;
}

// UTF-16 without a BOM: ASCII-heavy text has a zero byte in every other position.
const char* GuessUtf16(std::string_view bytes) {
  size_t n = std::min<size_t>(bytes.size() & ~size_t{1}, 4096);
  if (n < 4) return nullptr;
  size_t even_zero = 0, odd_zero = 0;
  for (size_t i = 0; i < n; i += 2) {
    even_zero += bytes[i] == 0;
    odd_zero += bytes[i + 1] == 0;
  }
  size_t pairs = n / 2;
  if (odd_zero * 10 > pairs * 3 && even_zero * 20 < pairs) return "UTF-16LE";
  if (even_zero * 10 > pairs * 3 && odd_zero * 20 < pairs) return "UTF-16BE";
  return nullptr;
}

// The length of the invisible format character at `i` (0 when there is none): zero-width
// space, non-joiner and joiner, the direction marks, word joiner, a byte-order mark inside the
// text (files joined together) and the soft hyphen. Word and web pages leave them in the text;
// at the start of a line one hid the tab that leads a cell, inside a title its match.
size_t InvisibleAt(std::string_view s, size_t i) {
  const std::string_view c = s.substr(i, 3);
  if (c.starts_with("\xC2\xAD")) return 2;  // U+00AD
  if (c.size() < 3) return 0;
  if (c == "\xEF\xBB\xBF") return 3;  // U+FEFF
  if (c[0] != '\xE2') return 0;
  const unsigned char b1 = static_cast<unsigned char>(c[1]), b2 = static_cast<unsigned char>(c[2]);
  if (b1 == 0x80 && b2 >= 0x8B && b2 <= 0x8F) return 3;  // U+200B-U+200F
  if (b1 == 0x81 && b2 == 0xA0) return 3;                // U+2060
  return 0;
}

// Whether a text looks like text (no NUL, few control characters besides tab, LF, CR and form
// feed) and whether NormalizeText would change it, in one pass. With kStopAtChange, the pass
// ends at the first change (`text` is then not known, and false).
struct TextScan {
  bool text = false;
  bool changes = false;
};

template <bool kStopAtChange>
TextScan ScanText(std::string_view text) {
  size_t control = 0;
  bool nul = false, changes = false;
  // A position NormalizeText changes: CR, form feed, or an invisible character (C2 AD, E2 80,
  // E2 81 or EF BB, with the byte after each: "，" and "（", EF BC, are passed over; "“", E2 80,
  // is looked at).
  auto changes_at = [&](size_t i) {
    return text[i] == '\r' || text[i] == '\f' || InvisibleAt(text, i) > 0;
  };
  size_t i = 0;
#ifdef __SSE2__
  // Sixteen bytes a step (SSE2 is part of x86-64): this runs on every byte of every file.
  const __m128i zero = _mm_setzero_si128(), high = _mm_set1_epi8(static_cast<char>(0xE0));
  const __m128i tab = _mm_set1_epi8('\t'), lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r'),
                ff = _mm_set1_epi8('\f'), c2 = _mm_set1_epi8(static_cast<char>(0xC2)),
                e2 = _mm_set1_epi8(static_cast<char>(0xE2)),
                ef = _mm_set1_epi8(static_cast<char>(0xEF));
  const __m128i ad = _mm_set1_epi8(static_cast<char>(0xAD)),
                bb = _mm_set1_epi8(static_cast<char>(0xBB)),
                x80 = _mm_set1_epi8(static_cast<char>(0x80)),
                x81 = _mm_set1_epi8(static_cast<char>(0x81));
  for (; i + 17 <= text.size() && !nul; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
    const __m128i next = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i + 1));
    nul = _mm_movemask_epi8(_mm_cmpeq_epi8(v, zero)) != 0;
    // Below 0x20 (no bit of 0xE0 set), and none of the four allowed.
    __m128i c = _mm_cmpeq_epi8(_mm_and_si128(v, high), zero);
    const __m128i line_end = _mm_or_si128(_mm_cmpeq_epi8(v, cr), _mm_cmpeq_epi8(v, ff));
    const __m128i allowed =
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, tab), _mm_cmpeq_epi8(v, lf)), line_end);
    c = _mm_andnot_si128(allowed, c);
    // Controls are rare: the count (a library call on baseline x86-64) only when there are any.
    if (const int mask = _mm_movemask_epi8(c))
      control += static_cast<size_t>(std::popcount(unsigned(mask)));
    if (changes && !kStopAtChange) continue;
    const __m128i lead =
        (_mm_cmpeq_epi8(v, c2) & _mm_cmpeq_epi8(next, ad)) |
        (_mm_cmpeq_epi8(v, e2) & (_mm_cmpeq_epi8(next, x80) | _mm_cmpeq_epi8(next, x81))) |
        (_mm_cmpeq_epi8(v, ef) & _mm_cmpeq_epi8(next, bb));
    for (unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(lead, line_end)));
         mask != 0 && !changes; mask &= mask - 1) {
      changes = changes_at(i + static_cast<size_t>(std::countr_zero(mask)));
    }
    if (kStopAtChange && changes) return TextScan{false, true};
  }
#endif
  for (; i < text.size(); ++i) {
    const unsigned char u = static_cast<unsigned char>(text[i]);
    nul = nul || u == 0;
    control += u < 0x20 && u != '\t' && u != '\n' && u != '\r' && u != '\f';
    changes = changes || changes_at(i);
    if (kStopAtChange && changes) return TextScan{false, true};
  }
  return TextScan{!nul && control * 100 <= text.size(), changes};
}

// CRLF, CR CR LF and lone CR as LF, form feeds and invisible format characters dropped, in
// place (the text only shrinks). pdftotext starts every page with a form feed ("\f表三…" or a
// line of its own): left in, it hid titles, labels and the tab that leads a cell from every
// reader. The page break means nothing to the model, and dropping the byte keeps every line
// where it was.
void NormalizeText(std::string* text) {
  char* s = text->data();
  const size_t n = text->size();
  size_t out = 0;
  for (size_t i = 0; i < n;) {
    if (s[i] == '\r') {
      s[out++] = '\n';
      // CR CR LF is one line end too: a CRLF file whose LFs were made CRLF again by a tool
      // that saved it (every line would be followed by an empty one, which the layouts that
      // read empty lines as empty cells or paragraph ends take at their word).
      const size_t width = i + 1 < n && s[i + 1] == '\n'                       ? 2
                           : i + 2 < n && s[i + 1] == '\r' && s[i + 2] == '\n' ? 3
                                                                               : 1;
      i += width;
    } else if (s[i] == '\f') {
      ++i;
    } else if (const size_t invisible = InvisibleAt(*text, i)) {
      i += invisible;
    } else {
      s[out++] = s[i++];
    }
  }
  text->resize(out);
}

// A text that is UTF-8 but for a few stray bytes (a PDF conversion can leave one): each such
// byte becomes U+FFFD. Only when the stray bytes are rare beside the text's own characters
// (at most one per hundred bytes, and twenty UTF-8 characters of two or more bytes for each),
// so that text in another encoding, where nearly every character is such a byte, is never
// taken for it. Empty when the text is not so.
std::optional<std::string> RepairMostlyUtf8(std::string_view bytes, size_t* replaced) {
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  std::string out;
  out.reserve(bytes.size() + 64);
  size_t stray = 0, wide = 0;
  for (size_t i = 0; i < bytes.size();) {
    if (static_cast<unsigned char>(bytes[i]) < 0x80) {
      out += bytes[i++];
      continue;
    }
    size_t next = i;
    const bool invalid =
        NextCodePoint(bytes, &next) == 0xFFFD && bytes.substr(i, 3) != kReplacement;
    if (invalid) {
      if (++stray * 100 > bytes.size()) return std::nullopt;  // too many: no need to read on
      out += kReplacement;
    } else {
      ++wide;
      out.append(bytes.substr(i, next - i));
    }
    i = next;
  }
  if (stray == 0 || wide < stray * 20) return std::nullopt;
  *replaced = stray;
  return out;
}

// How DecodeInPlace takes bytes: decided on their first bytes, then the pattern of their zero
// bytes, then whether they are valid UTF-8, in that order. `utf16` names the UTF-16 order and
// `bom` the length of the UTF-16 byte-order mark (0 when the order was guessed).
struct Form {
  enum Kind { kUtf8Bom, kUtf16, kUtf8, kGb18030 } kind;
  const char* utf16 = nullptr;
  size_t bom = 0;
};

Form FormOf(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) return {Form::kUtf8Bom};
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    return {Form::kUtf16, bytes[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE", 2};
  }
  if (const char* enc = GuessUtf16(bytes)) return {Form::kUtf16, enc, 0};
  if (IsValidUtf8(bytes)) return {Form::kUtf8};
  return {Form::kGb18030};
}

}  // namespace

Result<Decoded> DecodeInPlace(std::string bytes) {
  if (bytes.empty()) return Status::NotText("文件为空");
  if (bytes.size() > kMaxInputBytes) {
    return Status::TooLarge("文件超过 " + std::to_string(kMaxInputBytes >> 20) + " MB 上限");
  }
  Decoded out;
  std::string_view view = bytes;
  const Form form = FormOf(view);
  switch (form.kind) {
    case Form::kUtf8Bom: {
      if (view.size() == 3) return Status::NotText("文件为空（只有字节顺序标记 BOM）");
      out.encoding = "UTF-8 (BOM)";
      if (!IsValidUtf8(view.substr(3))) {
        auto repaired = RepairMostlyUtf8(view.substr(3), &out.replaced);
        if (!repaired) return Status::NotText("带 UTF-8 BOM，但内容不是合法的 UTF-8");
        out.text = std::move(*repaired);
        break;
      }
      bytes.erase(0, 3);
      out.text = std::move(bytes);  // UTF-8 already: the bytes become the text, no copy
      break;
    }
    case Form::kUtf16: {
      if (view.size() == form.bom) return Status::NotText("文件为空（只有字节顺序标记 BOM）");
      auto text = Convert(view.substr(form.bom), form.utf16, form.bom);
      if (!text.ok()) return text.status();
      out.text = std::move(*text);
      out.encoding = form.utf16;
      break;
    }
    case Form::kUtf8:
      out.text = std::move(bytes);
      out.encoding = "UTF-8";
      break;
    case Form::kGb18030: {
      // Asked first: UTF-8 text with a stray byte often passes for GB18030 (its byte pairs are
      // valid there too), and would be read as nonsense.
      if (auto repaired = RepairMostlyUtf8(view, &out.replaced)) {
        out.text = std::move(*repaired);
        out.encoding = "UTF-8";
        break;
      }
      auto text = Convert(view, "GB18030", 0, &out.replaced);
      if (!text.ok())
        return Status::NotText("既不是 UTF-8 也不是 GB18030/GBK 文本（可能是二进制文件）");
      out.text = std::move(*text);
      out.encoding = "GB18030";
      break;
    }
  }
  const TextScan scan = ScanText<false>(out.text);
  if (!scan.text) return Status::NotText("含有 NUL 或大量控制字符，不是文本文件");
  if (scan.changes) NormalizeText(&out.text);
  return out;
}

Result<Decoded> Decode(std::string_view bytes) { return DecodeInPlace(std::string(bytes)); }

bool DecodesToItself(std::string_view bytes) {
  // DecodeInPlace's own decision, for the form that keeps the bytes; then nothing the line
  // ends, the invisible characters or the text test would change or refuse.
  return !bytes.empty() && bytes.size() <= kMaxInputBytes && FormOf(bytes).kind == Form::kUtf8 &&
         [&] {
           const TextScan scan = ScanText<true>(bytes);
           return scan.text && !scan.changes;
         }();
}

namespace {

// The file's name in messages: standard input has none.
std::string NameOf(const std::string& path) { return path == "-" ? "-（标准输入）" : path; }

std::string TooLargeMessage(const std::string& path, size_t limit) {
  std::string message =
      NameOf(path) + ": 文件超过 " + std::to_string(limit >> 20) + " MB 上限，未读取";
  if (limit < kMaxInputBytes) {
    message += "（确需读取时用 --max-input-mb 调高上限，至多 " +
               std::to_string(kMaxInputBytes >> 20) + "）";
  }
  return message;
}

// Reads `fd` to its end, refusing more than `limit` bytes.
Result<std::string> ReadToEnd(int fd, const std::string& path, size_t limit) {
  std::string bytes;
  constexpr size_t kChunk = size_t{64} << 10;
  while (true) {
    if (bytes.size() > limit) return Status::TooLarge(TooLargeMessage(path, limit));
    const size_t have = bytes.size();
    bytes.resize(have + kChunk);
    const ssize_t n = read(fd, bytes.data() + have, kChunk);
    if (n < 0 && errno == EINTR) {
      bytes.resize(have);
      continue;
    }
    if (n < 0) {
      return Status::IoError(NameOf(path) + ": 读取出错（" + std::strerror(errno) + "）");
    }
    bytes.resize(have + static_cast<size_t>(n));
    if (n == 0) return bytes;
  }
}

// Closes a descriptor this code opened when it goes out of scope.
struct Descriptor {
  int fd;
  bool owned;
  ~Descriptor() {
    if (owned && fd >= 0) close(fd);
  }
};

}  // namespace

Result<std::string> ReadFileBytes(const std::string& path, size_t limit) {
  const bool standard_input = path == "-";
  struct stat st;
  if ((standard_input ? fstat(0, &st) : stat(path.c_str(), &st)) != 0) {
    return Status::IoError(NameOf(path) + ": 无法读取（" + std::strerror(errno) + "）");
  }
  if (S_ISDIR(st.st_mode)) return Status::IoError(path + ": 是目录，不是文件");
  if (!standard_input && !S_ISREG(st.st_mode) && !S_ISFIFO(st.st_mode)) {
    return Status::IoError(path + ": 不是普通文件（设备或套接字），未读取");
  }
  if (static_cast<size_t>(st.st_size) > limit) {
    return Status::TooLarge(TooLargeMessage(path, limit));
  }
  Descriptor in{standard_input ? 0 : open(path.c_str(), O_RDONLY | O_CLOEXEC), !standard_input};
  if (in.fd < 0) {
    return Status::IoError(path + ": 无法打开（" + std::strerror(errno) + "）");
  }
  if (standard_input || !S_ISREG(st.st_mode) || st.st_size == 0) {
    return ReadToEnd(in.fd, path, limit);
  }
  // A regular file: its size is known, and it is read into room made once.
  std::string bytes(static_cast<size_t>(st.st_size), '\0');
  size_t got = 0;
  while (got < bytes.size()) {
    const ssize_t n = read(in.fd, bytes.data() + got, bytes.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return Status::IoError(path + ": 读取不完整");
    got += static_cast<size_t>(n);
  }
  return bytes;
}

Result<Decoded> DecodeFile(const std::string& path, size_t limit) {
  auto read = ReadFileBytes(path, limit);
  if (!read.ok()) return read.status();
  std::string bytes = std::move(*read);
  auto decoded = DecodeInPlace(std::move(bytes));
  if (!decoded.ok()) {
    const Status& s = decoded.status();
    std::string msg = NameOf(path) + ": " + s.message();
    switch (s.kind()) {
      case Status::Kind::kTooLarge:
        return Status::TooLarge(msg);
      default:
        return Status::NotText(msg);
    }
  }
  return decoded;
}

}  // namespace yusuan
