// Decoding: bytes of any supported encoding in, UTF-8 text with LF line ends out.
//
// Supported: UTF-8 (with or without BOM), UTF-16 LE/BE (with BOM, or detected from the
// pattern of zero bytes), GB18030 (which covers GBK and GB2312). CRLF, CR CR LF (a CRLF file
// converted again) and lone CR become LF;
// form feeds (pdftotext's page breaks) and invisible format characters (zero-width space and
// joiners, direction marks, word joiner, U+FEFF inside the text, soft hyphen) are dropped,
// every line staying where it was.
// UTF-8 or GB18030 with a few stray bytes (a conversion that left one, a last character cut
// short) is read with each such byte as U+FFFD and the count said (`replaced`), not refused
// whole. Anything else (binary files, text in no supported encoding) is an error naming the
// reason.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"

namespace yusuan {

struct Decoded {
  std::string text;      // UTF-8, LF line ends, no BOM
  std::string encoding;  // "UTF-8", "UTF-8 (BOM)", "UTF-16LE", "UTF-16BE", "GB18030"
  // Bytes that did not decode in a text that otherwise did (UTF-8 or GB18030), each now
  // U+FFFD: the reader marks the lines holding them as doubtful.
  size_t replaced = 0;
};

// The most a file may hold whatever the caller asks (the readers' offsets are 32-bit).
constexpr size_t kMaxInputBytes = size_t{512} << 20;
// Files larger than this are refused unless the caller asks for more (`--max-input-mb`, up to
// kMaxInputBytes). A document that is nearly all table rows takes about 9 times its size to
// read and 12 times to check, so 64 MB keeps the worst case near 0.7 GB; a real disclosure is
// a few MB at most.
constexpr size_t kDefaultInputLimit = size_t{64} << 20;

Result<Decoded> Decode(std::string_view bytes);
// The same, taking the bytes: UTF-8 input becomes the text in place, without a copy.
Result<Decoded> DecodeInPlace(std::string bytes);

// Whether Decode(bytes) would give the bytes themselves as "UTF-8" text (valid UTF-8, no BOM,
// no CR, a text): a caller that only reads the text can then use the bytes without the copy
// Decode makes.
bool DecodesToItself(std::string_view bytes);

// The bytes of a file; "-" is standard input. A regular file is refused before it is read when
// it passes `limit`; a pipe, standard input or a file whose size the system does not tell (as
// in /proc) is read to its end, and refused once it passes the limit. Devices and sockets are
// refused unread (/dev/zero would never end). Errors name the file.
Result<std::string> ReadFileBytes(const std::string& path, size_t limit = kDefaultInputLimit);

// Reads a whole file (ReadFileBytes) and decodes it. Errors name the file.
Result<Decoded> DecodeFile(const std::string& path, size_t limit = kDefaultInputLimit);

}  // namespace yusuan
