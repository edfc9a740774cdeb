#include "serve/static_files.h"

namespace yusuan {

Result<std::filesystem::path> ResolveStatic(const std::filesystem::path& root,
                                            std::string_view path) {
  namespace fs = std::filesystem;
  if (path.empty() || path.front() != '/') return Status::InvalidArgument("路径不合法");
  fs::path relative;
  size_t start = 1;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    std::string_view segment = path.substr(start, end - start);
    start = end + 1;
    if (segment.empty()) continue;
    // Hidden files, "." and ".." alike: nothing the workspace ships starts with a dot.
    if (segment.front() == '.' ||
        segment.find_first_of(std::string_view("\\:\0", 3)) != std::string_view::npos) {
      return Status::InvalidArgument("路径不合法");
    }
    relative /= fs::path(std::string(segment));
  }
  if (relative.empty()) relative = "index.html";
  std::error_code ec;
  fs::path real_root = fs::canonical(root, ec);
  if (ec) return Status::NotFound("界面文件目录不存在：" + root.string());
  fs::path file = fs::weakly_canonical(real_root / relative, ec);
  if (ec) return Status::NotFound("没有这个文件");
  // A symbolic link inside the directory must not lead out of it.
  auto [root_end, file_it] =
      std::mismatch(real_root.begin(), real_root.end(), file.begin(), file.end());
  if (root_end != real_root.end()) return Status::InvalidArgument("路径不合法");
  if (!fs::is_regular_file(file, ec)) return Status::NotFound("没有这个文件");
  return file;
}

std::string_view ContentTypeFor(const std::filesystem::path& file) {
  const std::string ext = file.extension().string();
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".json") return "application/json; charset=utf-8";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".txt") return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

}  // namespace yusuan
