#pragma once
// One-line diagnostics on stderr ("openday: ..."), where systemd's journal or a test reads them.
#include <cstdio>
#include <string_view>

namespace openday {

inline void log_line(std::string_view message) {
  std::fprintf(stderr, "openday: %.*s\n", static_cast<int>(message.size()), message.data());
  std::fflush(stderr);
}

}  // namespace openday
