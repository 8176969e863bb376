#pragma once
// The booth's opening hours (booth.hours = "08:30-17:00"): outside them the kiosk shows a calm
// 今日活动时间 screen and starts no visitor session. Times are the kiosk's local time.
#include <optional>
#include <string>
#include <string_view>

namespace openday {

struct OpeningHours {
  int open_minute = 0;   // minutes after local midnight
  int close_minute = 0;  // later than open_minute: the booth closes the same day
  friend bool operator==(const OpeningHours&, const OpeningHours&) = default;
};

// "HH:MM-HH:MM", 24-hour, opening before closing; nullopt otherwise.
std::optional<OpeningHours> parse_opening_hours(std::string_view text);
std::string format_opening_hours(const OpeningHours& hours);  // "08:30-17:00"
// Open from open_minute up to, not including, close_minute.
bool is_open_at(const OpeningHours& hours, int minute_of_day);
// Minutes after local midnight, now.
int local_minute_of_day();

}  // namespace openday
