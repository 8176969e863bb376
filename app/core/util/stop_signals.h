#pragma once
// SIGTERM, SIGINT and SIGHUP (systemd stopping the kiosk, Ctrl+C in a terminal) ask the app to
// stop cleanly, so that queued events are committed. The signals are blocked in every thread
// and waited for by one thread of this object, which calls on_stop outside signal context.
#include <functional>
#include <thread>

namespace openday {

class StopSignals {
 public:
  // Construct before any other thread starts, so that all threads inherit the blocked mask.
  explicit StopSignals(std::function<void()> on_stop);
  ~StopSignals();
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;

 private:
  std::function<void()> on_stop_;
  std::thread waiter_;
};

}  // namespace openday
