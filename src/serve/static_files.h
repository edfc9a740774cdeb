// The workspace's own files (index.html, app.js, …), served from one directory that no request
// path can leave.
#pragma once

#include <filesystem>
#include <string_view>

#include "base/status.h"

namespace yusuan {

// The file under `root` that the request path `path` (already percent-decoded, starting with
// '/') names; "/" names index.html. Refuses, as InvalidArgument, any path with a "." or ".."
// segment, a hidden segment, a backslash, a colon or a NUL, and any file whose real location
// (symbolic links resolved) is outside `root`; NotFound when there is no such regular file.
Result<std::filesystem::path> ResolveStatic(const std::filesystem::path& root,
                                            std::string_view path);

// "text/html; charset=utf-8" for .html, and so on; application/octet-stream when unknown.
std::string_view ContentTypeFor(const std::filesystem::path& file);

}  // namespace yusuan
