#include "base/allocator.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#ifdef YUSUAN_MIMALLOC
#include <mimalloc.h>
#endif

namespace yusuan {
namespace {

TEST(Allocator, MallocAndNewComeFromTheAllocatorTheProgramNames) {
  // The release programs link mimalloc; a build that names it but still allocates from the C
  // library (the link dropped it, or another malloc came first) fails here.
  EXPECT_TRUE(AllocatorServesMalloc()) << AllocatorName();
#ifdef YUSUAN_MIMALLOC
  EXPECT_EQ(AllocatorName().rfind("mimalloc ", 0), 0u) << AllocatorName();
  // operator new (the C++ library's) allocates through the same malloc.
  auto rows = std::make_unique<std::vector<std::string>>(100, std::string(40, 'x'));
  EXPECT_TRUE(mi_is_in_heap_region(rows.get()));
  EXPECT_TRUE(mi_is_in_heap_region((*rows)[0].data()));
#else
  EXPECT_EQ(AllocatorName(), "glibc malloc");
#endif
}

}  // namespace
}  // namespace yusuan
