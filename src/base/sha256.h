// SHA-256 of a byte string, as lowercase hex. Identifies a document's content in the store.
#pragma once

#include <string>
#include <string_view>

namespace yusuan {

std::string Sha256Hex(std::string_view bytes);

}  // namespace yusuan
