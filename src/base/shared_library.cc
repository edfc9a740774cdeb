#include "base/shared_library.h"

#include <dlfcn.h>

namespace yusuan {

Result<SharedLibrary> SharedLibrary::Open(const std::string& soname, const std::string& purpose,
                                          const std::string& package) {
  // RTLD_LOCAL: the library's symbols stay its own and cannot stand in for another's.
  void* handle = dlopen(soname.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (handle == nullptr) {
    const char* why = dlerror();
    return Status::IoError(purpose + "需要共享库 " + soname + "，但无法加载（" +
                           (why != nullptr ? why : "原因不明") + "）；请安装软件包 " + package);
  }
  return SharedLibrary(handle, soname);
}

Status SharedLibrary::Find(const char* symbol, void** address) const {
  dlerror();  // clear an earlier error, so that one left over is not taken for this lookup's
  *address = dlsym(handle_, symbol);
  if (*address == nullptr) {
    const char* why = dlerror();
    return Status::IoError("共享库 " + soname_ + " 中没有函数 " + symbol + "（" +
                           (why != nullptr ? why : "版本过旧？") + "）");
  }
  return Status::Ok();
}

}  // namespace yusuan
