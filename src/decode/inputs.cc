#include "decode/inputs.h"

#include <malloc.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <system_error>

namespace yusuan {
namespace {

namespace fs = std::filesystem;

bool EndsWithTxt(const fs::path& p) {
  const std::string ext = p.extension().string();
  return ext.size() == 4 && ext[0] == '.' && (ext[1] | 0x20) == 't' && (ext[2] | 0x20) == 'x' &&
         (ext[3] | 0x20) == 't';
}

std::string Why(const std::error_code& ec) {
  // The system's words for the common case, in the form DecodeFile gives for files.
  return ec.value() != 0 ? std::strerror(ec.value()) : ec.message();
}

// Lists the .txt files under `dir` into `found`; a directory that cannot be listed is reported
// and its siblings are still listed. Symbolic links to directories are not followed (a link
// back up the tree would never end); links to files are taken like files, and a link that
// leads nowhere is taken too, to be reported when it is read. A .txt name that is a pipe, a
// device or a socket is reported here and not read (reading a pipe no one writes to would
// never end).
void ListDirectory(const fs::path& dir, std::vector<std::string>* found,
                   std::vector<std::string>* errors) {
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  std::vector<fs::path> below;
  for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
    std::error_code kind;
    if (it->is_directory(kind)) {
      if (!it->is_symlink(kind)) below.push_back(it->path());
      continue;
    }
    if (!EndsWithTxt(it->path())) continue;
    std::error_code target;  // a link that leads nowhere: read, and reported then
    const fs::file_type type = it->status(target).type();
    if (type == fs::file_type::fifo || type == fs::file_type::socket ||
        type == fs::file_type::block || type == fs::file_type::character) {
      errors->push_back(it->path().string() + ": 不是普通文件（管道、设备或套接字），未读取");
    } else {
      found->push_back(it->path().string());
    }
  }
  if (ec) errors->push_back(dir.string() + ": 无法读取目录（" + Why(ec) + "）");
  for (const fs::path& sub : below) ListDirectory(sub, found, errors);
}

}  // namespace

std::vector<std::string> ExpandInputs(const std::vector<std::string>& paths,
                                      std::vector<std::string>* errors) {
  std::vector<std::string> files;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (!fs::is_directory(p, ec)) {
      files.push_back(p);
      continue;
    }
    std::vector<std::string> found;
    const size_t errors_before = errors->size();
    ListDirectory(p, &found, errors);
    if (found.empty() && errors->size() == errors_before) {
      errors->push_back(p + ": 目录中没有 .txt 文件");
    }
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

std::vector<uint64_t> FileSizes(const std::vector<std::string>& files) {
  std::vector<uint64_t> sizes(files.size());
  for (size_t i = 0; i < files.size(); ++i) {
    std::error_code error;
    const uintmax_t size = fs::file_size(files[i], error);
    sizes[i] = error ? 0 : size;
  }
  return sizes;
}

void ReleaseFreedMemory() { malloc_trim(0); }

}  // namespace yusuan
