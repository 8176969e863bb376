#include "platform/watchdog.h"

#include <systemd/sd-daemon.h>

#include <cstdint>
#include <cstdio>
#include <cstring>

namespace openday::platform {
namespace {

void notify(const char* state) {
  // sd_notify returns 0 outside systemd and a negative errno on a failed send; a lost
  // notification must never stop the kiosk, so it is only reported.
  if (const int rc = sd_notify(0, state); rc < 0) {
    std::fprintf(stderr, "openday: sd_notify(%s) failed: %s\n", state, std::strerror(-rc));
  }
}

}  // namespace

Watchdog::Watchdog() {
  std::uint64_t usec = 0;
  // > 0 only when WATCHDOG_USEC is set and WATCHDOG_PID (if set) names this process.
  if (sd_watchdog_enabled(0, &usec) > 0 && usec > 0) interval_seconds_ = static_cast<double>(usec) / 1e6;
}

std::optional<double> Watchdog::longest_sleep_seconds() const {
  if (!interval_seconds_) return std::nullopt;
  return *interval_seconds_ / 4;
}

void Watchdog::ready() {
  if (ready_sent_) return;
  ready_sent_ = true;
  notify("READY=1");
}

void Watchdog::ping(double now_seconds) {
  if (!interval_seconds_) return;
  // Throttled to an eighth of the interval while the loop sleeps at most a quarter: a sleep that
  // ends a hair early (timers do) still pings on that wake, not one sleep later.
  if (last_ping_ && now_seconds - *last_ping_ < *interval_seconds_ / 8) return;
  last_ping_ = now_seconds;
  notify("WATCHDOG=1");
}

void Watchdog::stopping() { notify("STOPPING=1"); }

}  // namespace openday::platform
