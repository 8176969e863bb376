// The child of the live-disk tests: a kiosk's event writer in its own process, driven one tap at
// a time, so that a test can change the disk under it between taps as someone at the kiosk's
// shell would. Each stdin line "N" logs a tap with value N and, once the writer settled it,
// prints "ack COMMITTED open=0|1 replaced=0|1 error=LAST_ERROR". Exits 0 at the end of stdin.
// Usage: disk_child DB_FILE
#include <cstdio>
#include <iostream>
#include <string>

#include "core/visits/event_log.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: disk_child DB_FILE\n");
    return 2;
  }
  openday::EventLog log({argv[1], "disk-kiosk", 200000, std::chrono::milliseconds(5), std::chrono::milliseconds(50)});
  std::string line;
  while (std::getline(std::cin, line)) {
    openday::Event event;
    event.type = openday::EventType::Tap;
    event.target = "disk-test";
    event.value = std::stoll(line);
    log.log(std::move(event));
    log.flush();
    const openday::StoreHealth health = log.health();
    std::printf("ack %llu open=%d replaced=%d error=%s\n", static_cast<unsigned long long>(log.acknowledged_count()), health.open ? 1 : 0,
                health.replaced_note.empty() ? 0 : 1, health.last_error.c_str());
    std::fflush(stdout);
  }
  return 0;
}
