#include "core/stats.h"

#include <cstdio>
#include <ctime>

namespace openday {
namespace {

constexpr std::string_view kDayEvents =
    "WITH day_events AS (SELECT * FROM events "
    "WHERE date(at_ms / 1000 + utc_offset_min * 60, 'unixepoch') = ?1) ";

std::int64_t count_events(const Database& db, const std::string& day, std::string_view where) {
  Statement query = db.prepare(std::string(kDayEvents) + "SELECT count(*) FROM day_events WHERE " + std::string(where));
  query.bind(1, day);
  query.step();
  return query.column_int(0);
}

}  // namespace

CalendarDate local_today() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return {local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

DayStats compute_day_stats(const Database& db, const CalendarDate& day) {
  DayStats stats;
  stats.day = day;
  const std::string date = format_calendar_date(day);
  // One read transaction: every count sees the same snapshot while the writer goes on.
  Statement begin = db.prepare("BEGIN");
  begin.run();
  {
    Statement sessions = db.prepare(std::string(kDayEvents) +
                                    "SELECT count(*), "
                                    "  coalesce(sum(EXISTS (SELECT 1 FROM events e WHERE e.kiosk_id = s.kiosk_id AND e.session = s.session "
                                    "    AND ((e.type = 'session_end' AND e.count > 0) OR e.type = 'tap'))), 0), "
                                    "  coalesce(sum(EXISTS (SELECT 1 FROM events e WHERE e.kiosk_id = s.kiosk_id AND e.session = s.session "
                                    "    AND e.type = 'session_end' AND e.count = 0)), 0) "
                                    "FROM day_events s WHERE s.type = 'session_start'");
    sessions.bind(1, date);
    sessions.step();
    stats.sessions = sessions.column_int(0);
    stats.engaged_sessions = sessions.column_int(1);
    stats.woke_and_left_sessions = sessions.column_int(2);
  }
  {
    Statement ends = db.prepare(std::string(kDayEvents) +
                                "SELECT coalesce(sum(target = 'timeout'), 0), coalesce(sum(target = 'done'), 0), "
                                "coalesce(avg(value), 0) FROM day_events WHERE type = 'session_end'");
    ends.bind(1, date);
    ends.step();
    stats.sessions_ended_by_timeout = ends.column_int(0);
    stats.sessions_ended_by_done = ends.column_int(1);
    stats.average_dwell_seconds = ends.column_double(2) / 1000.0;
  }
  stats.interactions = count_events(db, date, "type = 'tap'");
  stats.quiz_attempts = count_events(db, date, "type = 'quiz_start'");
  stats.quiz_passed = count_events(db, date, "type = 'quiz_finish' AND target = 'passed'");
  stats.vouchers_issued = count_events(db, date, "type = 'voucher_issued'");
  stats.vouchers_redeemed = count_events(db, date, "type = 'voucher_redeemed'");
  stats.prize_stock = db.query_int("SELECT remaining FROM prize_stock WHERE id = 1");
  {
    Statement views = db.prepare(std::string(kDayEvents) +
                                 "SELECT department, count(*) AS n FROM day_events "
                                 "WHERE type = 'screen_view' AND department IS NOT NULL "
                                 "GROUP BY department ORDER BY n DESC, department");
    views.bind(1, date);
    while (views.step()) stats.department_views.emplace_back(views.column_text(0), views.column_int(1));
  }
  Statement end = db.prepare("COMMIT");
  end.run();
  return stats;
}

std::string json_quote(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
          out += buffer;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

std::string day_stats_json(const DayStats& s) {
  char dwell[32];
  std::snprintf(dwell, sizeof dwell, "%.1f", s.average_dwell_seconds);
  std::string out = "{\n";
  auto field = [&](std::string_view key, const std::string& value) { out += "  " + json_quote(key) + ": " + value + ",\n"; };
  field("date", json_quote(format_calendar_date(s.day)));
  field("sessions", std::to_string(s.sessions));
  field("engaged_sessions", std::to_string(s.engaged_sessions));
  field("woke_and_left_sessions", std::to_string(s.woke_and_left_sessions));
  field("sessions_ended_by_timeout", std::to_string(s.sessions_ended_by_timeout));
  field("sessions_ended_by_done", std::to_string(s.sessions_ended_by_done));
  field("average_dwell_seconds", dwell);
  field("interactions", std::to_string(s.interactions));
  field("quiz_attempts", std::to_string(s.quiz_attempts));
  field("quiz_passed", std::to_string(s.quiz_passed));
  field("vouchers_issued", std::to_string(s.vouchers_issued));
  field("vouchers_redeemed", std::to_string(s.vouchers_redeemed));
  field("prize_stock", s.prize_stock ? std::to_string(*s.prize_stock) : "null");
  out += "  \"department_views\": {";
  for (std::size_t i = 0; i < s.department_views.size(); ++i)
    out += (i ? ", " : "") + json_quote(s.department_views[i].first) + ": " + std::to_string(s.department_views[i].second);
  out += "}\n}\n";
  return out;
}

std::string day_stats_text(const DayStats& s) {
  char dwell[32];
  std::snprintf(dwell, sizeof dwell, "%.1f", s.average_dwell_seconds);
  std::string out = "OpenDay counts for " + format_calendar_date(s.day) + "\n";
  out += "  sessions            " + std::to_string(s.sessions) + " (engaged " + std::to_string(s.engaged_sessions) +
         ", woke and left " + std::to_string(s.woke_and_left_sessions) + ")\n";
  out += "  ended by            timeout " + std::to_string(s.sessions_ended_by_timeout) + ", done " +
         std::to_string(s.sessions_ended_by_done) + "\n";
  out += "  average dwell       " + std::string(dwell) + " s\n";
  out += "  interactions        " + std::to_string(s.interactions) + "\n";
  out += "  quiz                " + std::to_string(s.quiz_attempts) + " attempts, " + std::to_string(s.quiz_passed) + " passed\n";
  out += "  vouchers            " + std::to_string(s.vouchers_issued) + " issued, " + std::to_string(s.vouchers_redeemed) + " redeemed\n";
  out += "  prize stock         " + (s.prize_stock ? std::to_string(*s.prize_stock) : std::string("not set")) + "\n";
  out += "  department views\n";
  for (const auto& [department, views] : s.department_views) out += "    " + department + "  " + std::to_string(views) + "\n";
  return out;
}

}  // namespace openday
