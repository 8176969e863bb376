#pragma once
// systemd's service notification (Type=notify, WatchdogSec=): READY=1 once the first frame is on
// screen, WATCHDOG=1 from the main loop, STOPPING=1 on the way out. It is the main loop that
// pings, so a hung UI thread (not just a dead process) gets the kiosk restarted. Outside systemd
// (no NOTIFY_SOCKET) every call does nothing.
#include <optional>

namespace openday::platform {

class Watchdog {
 public:
  // Reads NOTIFY_SOCKET, WATCHDOG_USEC and WATCHDOG_PID from the environment. With a watchdog,
  // SIGCONT ends the main loop's sleep, so that the first ping after a stop comes at once.
  Watchdog();

  bool enabled() const { return interval_seconds_.has_value(); }
  // The longest the main loop may sleep and still ping in time; absent without a watchdog.
  std::optional<double> longest_sleep_seconds() const;

  void ready();
  // Sends WATCHDOG=1 when the last one is older than an eighth of the watchdog interval; with
  // sleeps bounded by a quarter, pings are at most a quarter apart (systemd asks for a half).
  void ping(double now_seconds);
  void stopping();

 private:
  std::optional<double> interval_seconds_;  // WATCHDOG_USEC, when it is meant for this process
  std::optional<double> last_ping_;
  bool ready_sent_ = false;
};

}  // namespace openday::platform
