#pragma once
// Facts about this process for the startup figures the kiosk logs.
#include <optional>

namespace openday {

// Seconds since the kernel started this process (from /proc), so that time spent before
// main() (loading shared libraries) is counted too.
std::optional<double> seconds_since_process_start();
}  // namespace openday
