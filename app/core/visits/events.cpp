#include "core/visits/events.h"

#include <chrono>
#include <ctime>
#include <iomanip>
#include <sstream>

#include "core/util/local_clock.h"

namespace openday {
namespace {

constexpr bool kinds_in_order() {
  if (kEventKinds.size() != kEventTypeCount) return false;
  for (std::size_t i = 0; i < kEventKinds.size(); ++i)
    if (static_cast<std::size_t>(kEventKinds[i].type) != i) return false;
  return true;
}
static_assert(kinds_in_order(), "every EventType needs one row in kEventKinds, in order");

}  // namespace

const EventKind& event_kind(EventType type) { return kEventKinds[static_cast<std::size_t>(type)]; }

std::string_view event_type_name(EventType type) { return event_kind(type).name; }

std::optional<EventType> event_type_from_name(std::string_view name) {
  for (const EventKind& kind : kEventKinds)
    if (kind.name == name) return kind.type;
  return std::nullopt;
}

std::string event_table_markdown() {
  std::string out = "| type | when | columns used |\n|---|---|---|\n";
  for (const EventKind& kind : kEventKinds)
    out += "| `" + std::string(kind.name) + "` | " + std::string(kind.when) + " | " + std::string(kind.columns) + " |\n";
  return out;
}

std::int64_t utc_now_ms() { return wall_clock_ms(); }

int local_utc_offset_minutes(std::int64_t at_ms) { return local_time_at(at_ms).utc_offset_minutes; }

std::string format_local_time(std::int64_t at_ms, const char* format) {
  const std::tm local = local_tm_at(at_ms);
  std::ostringstream out;
  out << std::put_time(&local, format);
  return out.str();
}

}  // namespace openday
