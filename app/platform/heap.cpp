#include "platform/heap.h"

#include <malloc.h>

namespace openday::platform {

namespace {
// By default glibc raises its mmap threshold to the size of any mapped block that is freed (up
// to 32 MiB): after the first font atlas bake every later bake, texture copy and vertex buffer
// of that size came from the brk heap instead, where the small allocations made in between pin
// it. In the soak the bytes in use stayed flat (about 28 MB) while the heap grew from 36 to
// 60 MB in ten minutes and RssAnon's floor rose 75 KiB a minute. Setting the thresholds
// explicitly turns that adjustment off.
constexpr int kMmapThresholdBytes = 128 * 1024;
// Free memory at the top of the heap above this goes back at once rather than being kept
// for the next bake.
constexpr int kTrimThresholdBytes = 256 * 1024;
}  // namespace

void keep_heap_flat() {
  mallopt(M_MMAP_THRESHOLD, kMmapThresholdBytes);
  mallopt(M_TRIM_THRESHOLD, kTrimThresholdBytes);
}

}  // namespace openday::platform
