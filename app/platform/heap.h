#pragma once
// glibc's allocator, set up for a process that runs all day (see heap.cpp for why).

namespace openday::platform {

// Keeps large blocks (font atlas bakes, texture pixels, vertex buffers, query results) in
// mappings of their own, returned to the system when freed, so the heap does not grow in
// steps that never shrink. Call before any thread starts: mallopt is not for a running process.
void keep_heap_flat();

}  // namespace openday::platform
