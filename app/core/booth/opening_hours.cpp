#include "core/booth/opening_hours.h"

#include "core/util/local_clock.h"

namespace openday {
namespace {

// "HH:MM" as minutes after midnight.
std::optional<int> parse_clock_time(std::string_view text) {
  if (text.size() != 5 || text[2] != ':') return std::nullopt;
  for (std::size_t i : {0u, 1u, 3u, 4u})
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  const int hours = (text[0] - '0') * 10 + (text[1] - '0');
  const int minutes = (text[3] - '0') * 10 + (text[4] - '0');
  if (hours > 24 || minutes > 59 || (hours == 24 && minutes != 0)) return std::nullopt;
  return hours * 60 + minutes;
}

}  // namespace

std::optional<OpeningHours> parse_opening_hours(std::string_view text) {
  const auto dash = text.find('-');
  if (dash == std::string_view::npos) return std::nullopt;
  const auto open = parse_clock_time(text.substr(0, dash));
  const auto close = parse_clock_time(text.substr(dash + 1));
  if (!open || !close || *open >= *close) return std::nullopt;
  return OpeningHours{*open, *close};
}

std::string format_opening_hours(const OpeningHours& hours) {
  const auto clock_time = [](int minutes) {
    const auto two_digits = [](int value) { return std::string(1, static_cast<char>('0' + value / 10)) + static_cast<char>('0' + value % 10); };
    return two_digits(minutes / 60) + ":" + two_digits(minutes % 60);
  };
  return clock_time(hours.open_minute) + "-" + clock_time(hours.close_minute);
}

bool is_open_at(const OpeningHours& hours, int minute_of_day) {
  return minute_of_day >= hours.open_minute && minute_of_day < hours.close_minute;
}

int local_minute_of_day() { return local_time_now().minute_of_day(); }

}  // namespace openday
