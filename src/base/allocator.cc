#include "base/allocator.h"

#include <cstdlib>
#include <string>

#ifdef YUSUAN_MIMALLOC
#include <mimalloc.h>
#endif

namespace yusuan {

std::string AllocatorName() {
#ifdef YUSUAN_MIMALLOC
  const int v = mi_version();  // 209 for 2.0.9
  return "mimalloc " + std::to_string(v / 100) + "." + std::to_string(v / 10 % 10) + "." +
         std::to_string(v % 10);
#else
  return "glibc malloc";
#endif
}

bool AllocatorServesMalloc() {
#ifdef YUSUAN_MIMALLOC
  void* block = std::calloc(1, 64);  // (zeroed: GCC takes the call for a read)
  const bool ours = block != nullptr && mi_is_in_heap_region(block);
  std::free(block);
  return ours;
#else
  return true;
#endif
}

}  // namespace yusuan
