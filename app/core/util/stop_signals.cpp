#include "core/util/stop_signals.h"

#include <pthread.h>
#include <signal.h>

namespace openday {
namespace {

// SIGUSR2 is only ever sent by the destructor, to end the waiting thread.
sigset_t stop_set() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGHUP);
  sigaddset(&set, SIGUSR2);
  return set;
}

}  // namespace

StopSignals::StopSignals(std::function<void()> on_stop) : on_stop_(std::move(on_stop)) {
  const sigset_t set = stop_set();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  waiter_ = std::thread([this] {
    const sigset_t wanted = stop_set();
    for (;;) {
      int signal_number = 0;
      if (sigwait(&wanted, &signal_number) != 0) continue;
      if (signal_number == SIGUSR2) return;
      on_stop_();
    }
  });
}

StopSignals::~StopSignals() {
  pthread_kill(waiter_.native_handle(), SIGUSR2);
  waiter_.join();
}

}  // namespace openday
