#pragma once
// A SQLite VFS for tests that wraps the default one and, on demand, fails like a full disk or a
// read-only file system, so the kiosk's handling of both can be tested without root or mounts.
#include <string>

namespace openday::testing {

enum class DiskFault { None, Full, ReadOnly };

// Registers the VFS once and returns its name, for EventLog::Options::vfs.
const char* fault_vfs_name();
void set_disk_fault(DiskFault fault);

}  // namespace openday::testing
