// The one place the version is written.
#pragma once

namespace yusuan {
inline constexpr const char* kVersion = "0.3";
}  // namespace yusuan
