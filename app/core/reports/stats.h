#pragma once
// A day's counts from one kiosk database, for `openday stats` and the staff dashboard.
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/booth/config.h"
#include "core/util/local_clock.h"
#include <filesystem>

namespace openday {

struct DayStats {
  CalendarDate day;
  std::int64_t sessions = 0;                // visitor sessions started that day
  std::int64_t engaged_sessions = 0;        // ... with at least one touch after the wake
  std::int64_t woke_and_left_sessions = 0;  // ... ended with no touch after the wake
  std::int64_t sessions_ended_by_timeout = 0;
  std::int64_t sessions_ended_by_done = 0;
  std::int64_t sessions_ended_by_shutdown = 0;  // the kiosk stopped (or was killed) during the session
  double average_dwell_seconds = 0;         // over ended sessions, idle tail excluded
  std::int64_t interactions = 0;            // taps on interactive elements
  std::int64_t quiz_attempts = 0;
  std::int64_t quiz_passed = 0;
  std::int64_t vouchers_issued = 0;
  std::int64_t vouchers_redeemed = 0;
  std::optional<std::int64_t> prize_stock;  // now, not at the end of that day; none before set-up
  std::vector<std::pair<std::string, std::int64_t>> department_views;  // most viewed first
  // The citizen's voice (issue 15): 常见问题 opened, 我要问 registered for the desk, ratings.
  std::int64_t faq_views = 0;
  std::int64_t questions_registered = 0;
  std::int64_t questions_answered = 0;
  std::array<std::int64_t, 5> satisfaction{};  // [value - 1]: [0] 非常不满意 .. [4] 非常满意
  std::optional<double> satisfaction_rate;     // none without ratings
  // The staff desk's tally (issue 12), undone taps left out, and the day's facts.
  std::int64_t desk_consultations = 0, policy_answers = 0, problems_recorded = 0, handbooks = 0, leaflets = 0;
  std::map<std::string, std::array<std::int64_t, 5>> tally_by_department;  // by TallyKind, where a department was chosen
  std::array<std::optional<std::int64_t>, 4> event_facts{};                 // by EventFactKind; absent: not entered
  // Issue 14: topic id → views, and query → times searched (all, and those that found nothing).
  std::vector<std::pair<std::string, std::int64_t>> topic_views;      // most viewed first
  std::vector<std::pair<std::string, std::int64_t>> searches;         // most searched first
  std::vector<std::pair<std::string, std::int64_t>> failed_searches;  // most searched first
};

// One local day (the booth's time zone) of one database, counted by the same report that the
// exports and the dashboard use. Throws SqliteError naming the file.
DayStats compute_day_stats(const std::filesystem::path& db, const CalendarDate& day);

// Documented JSON: the keys listed in the README's "stats" section.
std::string day_stats_json(const DayStats& stats);
std::string day_stats_text(const DayStats& stats);

}  // namespace openday
