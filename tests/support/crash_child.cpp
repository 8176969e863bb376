// The child of the SIGKILL crash test: logs numbered events through the real EventLog as fast
// as it can and prints each number once its commit is acknowledged, until it is killed.
// Usage: crash_child DB_FILE ROUND
#include <cstdio>
#include <string>
#include <thread>

#include "core/visits/event_log.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: crash_child DB_FILE ROUND\n");
    return 2;
  }
  openday::EventLog log({argv[1], "crash-kiosk", 200000, std::chrono::milliseconds(20), std::chrono::milliseconds(100)});
  const std::string round = argv[2];
  // The kill clock starts once the file is open (its quick_check grows with the file).
  while (!log.health().open) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  std::printf("READY\n");
  std::fflush(stdout);
  std::uint64_t logged = 0;
  std::uint64_t printed = 0;
  for (;;) {
    for (int i = 0; i < 50; ++i) {
      openday::Event event;
      event.type = openday::EventType::Tap;
      event.target = "crash-test";
      event.detail = round;
      event.value = static_cast<std::int64_t>(++logged);
      log.log(std::move(event));
    }
    const std::uint64_t acknowledged = log.acknowledged_count();
    while (printed < acknowledged) std::printf("%llu\n", static_cast<unsigned long long>(++printed));
    std::fflush(stdout);
    std::this_thread::sleep_for(std::chrono::microseconds(500));
  }
}
