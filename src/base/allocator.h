// Which allocator serves malloc and operator new in this program: mimalloc in the release
// programs, the C library's where the build turned it off or the sanitizers bring their own.
#pragma once

#include <string>

namespace yusuan {

// "mimalloc 2.0.9", or "glibc malloc".
std::string AllocatorName();

// Whether a block from malloc (calloc) comes from the allocator AllocatorName names: false when the
// build asked for mimalloc and the program still allocates from the C library (the library was
// linked but is not the one malloc resolves to).
bool AllocatorServesMalloc();

}  // namespace yusuan
