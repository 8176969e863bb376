#pragma once
// One row of the events table as a plain value, for what copies rows between databases (the
// booth hub's messages); it compiles without SQLite, so the UI may see it.
#include <cstdint>
#include <optional>
#include <string>

namespace openday {

// One row of the events table as it travels: every column, the type by its stored name (a
// newer device's kinds pass through a desk that does not know them).
struct EventRecord {
  std::string kiosk_id;
  std::int64_t seq = 0;
  std::int64_t at_ms = 0;
  std::int64_t utc_offset_min = 0;
  std::int64_t session = 0;
  std::string type;
  std::optional<std::string> screen, department, item, target;
  std::optional<std::int64_t> value, count;
  std::optional<std::string> detail;
  bool operator==(const EventRecord&) const = default;
};

}  // namespace openday
