#include "platform/watchdog.h"

#include <signal.h>
#include <systemd/sd-daemon.h>
#include <unistd.h>

#include <cerrno>
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

// A sleep of the main loop that SIGSTOP cut is resumed after SIGCONT for what was left of it, so
// the first ping after a long stop came up to a whole sleep late, when systemd had waited through
// the stop already. A handler for SIGCONT ends the sleep instead: select() and poll() (GLFW's
// wait) are never restarted after a handler, whatever SA_RESTART says; other calls are.
void on_continue(int) {
  const int saved_errno = errno;
  // The kernel hands a process's signal to any of its threads; the loop sleeps in the main
  // thread, whose thread id is the process id.
  const pid_t process = ::getpid();
  if (::gettid() != process) ::tgkill(process, process, SIGCONT);
  errno = saved_errno;
}

void wake_the_loop_on_continue() {
  struct sigaction action {};
  action.sa_handler = on_continue;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;
  if (::sigaction(SIGCONT, &action, nullptr) != 0)
    std::fprintf(stderr, "openday: cannot handle SIGCONT (%s): the first ping after a stop may be late\n", std::strerror(errno));
}

}  // namespace

Watchdog::Watchdog() {
  std::uint64_t usec = 0;
  // > 0 only when WATCHDOG_USEC is set and WATCHDOG_PID (if set) names this process.
  if (sd_watchdog_enabled(0, &usec) > 0 && usec > 0) interval_seconds_ = static_cast<double>(usec) / 1e6;
  if (interval_seconds_) wake_the_loop_on_continue();
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
