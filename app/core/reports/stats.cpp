#include "core/reports/stats.h"

#include <cmath>
#include <cstdio>
#include <ctime>

#include <nlohmann/json.hpp>

#include "core/reports/report.h"

namespace openday {
CalendarDate local_today() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return {local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

DayStats compute_day_stats(const std::filesystem::path& db, const CalendarDate& day) {
  ReportRequest request;
  request.databases = {db};
  request.from = request.to = day;
  const Report report = build_report(request);
  DayStats stats;
  stats.day = day;
  const DailyRow& t = report.total;
  stats.sessions = t.sessions;
  stats.engaged_sessions = t.engaged_sessions;
  stats.woke_and_left_sessions = t.woke_and_left_sessions;
  stats.average_dwell_seconds = t.average_dwell_seconds;
  stats.interactions = t.interactions;
  stats.quiz_attempts = t.quiz_attempts;
  stats.quiz_passed = t.quiz_passed;
  stats.vouchers_issued = t.vouchers_issued;
  stats.vouchers_redeemed = t.vouchers_redeemed;
  stats.prize_stock = report.prize_stock;
  for (const SessionRow& session : report.sessions) {
    stats.sessions_ended_by_timeout += session.end_reason == "timeout";
    stats.sessions_ended_by_done += session.end_reason == "done";
    stats.sessions_ended_by_shutdown += session.end_reason == "shutdown" || session.end_reason == "interrupted";
  }
  for (const DepartmentRow& department : report.departments)
    if (department.views > 0) stats.department_views.emplace_back(department.id, department.views);
  for (const TopicRow& topic : report.topics) stats.topic_views.emplace_back(topic.id, topic.views);
  for (const SearchRow& search : report.searches) stats.searches.emplace_back(search.query, search.searches);
  for (const SearchRow& search : report.failed_searches) stats.failed_searches.emplace_back(search.query, search.searches);
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
  // ordered_json keeps the README's key order, and department_views most viewed first.
  nlohmann::ordered_json out;
  out["date"] = format_calendar_date(s.day);
  out["sessions"] = s.sessions;
  out["engaged_sessions"] = s.engaged_sessions;
  out["woke_and_left_sessions"] = s.woke_and_left_sessions;
  out["sessions_ended_by_timeout"] = s.sessions_ended_by_timeout;
  out["sessions_ended_by_done"] = s.sessions_ended_by_done;
  out["sessions_ended_by_shutdown"] = s.sessions_ended_by_shutdown;
  // A tenth of a second, as the text output shows it; still a JSON number (12.0 stays 12.0).
  out["average_dwell_seconds"] = std::round(s.average_dwell_seconds * 10) / 10;
  out["interactions"] = s.interactions;
  out["quiz_attempts"] = s.quiz_attempts;
  out["quiz_passed"] = s.quiz_passed;
  out["vouchers_issued"] = s.vouchers_issued;
  out["vouchers_redeemed"] = s.vouchers_redeemed;
  out["prize_stock"] = s.prize_stock ? nlohmann::ordered_json(*s.prize_stock) : nlohmann::ordered_json(nullptr);
  out["department_views"] = nlohmann::ordered_json::object();
  for (const auto& [department, views] : s.department_views) out["department_views"][department] = views;
  out["topic_views"] = nlohmann::ordered_json::object();
  for (const auto& [topic, views] : s.topic_views) out["topic_views"][topic] = views;
  out["searches"] = nlohmann::ordered_json::object();
  for (const auto& [query, times] : s.searches) out["searches"][query] = times;
  out["failed_searches"] = nlohmann::ordered_json::object();
  for (const auto& [query, times] : s.failed_searches) out["failed_searches"][query] = times;
  // A department id that is not valid UTF-8 (a damaged database) is replaced, not thrown on.
  return out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

std::string day_stats_text(const DayStats& s) {
  char dwell[32];
  std::snprintf(dwell, sizeof dwell, "%.1f", s.average_dwell_seconds);
  std::string out = "OpenDay counts for " + format_calendar_date(s.day) + "\n";
  out += "  sessions            " + std::to_string(s.sessions) + " (engaged " + std::to_string(s.engaged_sessions) +
         ", woke and left " + std::to_string(s.woke_and_left_sessions) + ")\n";
  out += "  ended by            timeout " + std::to_string(s.sessions_ended_by_timeout) + ", done " +
         std::to_string(s.sessions_ended_by_done) + ", shutdown " + std::to_string(s.sessions_ended_by_shutdown) + "\n";
  out += "  average dwell       " + std::string(dwell) + " s\n";
  out += "  interactions        " + std::to_string(s.interactions) + "\n";
  out += "  quiz                " + std::to_string(s.quiz_attempts) + " attempts, " + std::to_string(s.quiz_passed) + " passed\n";
  out += "  vouchers            " + std::to_string(s.vouchers_issued) + " issued, " + std::to_string(s.vouchers_redeemed) + " redeemed\n";
  out += "  prize stock         " + (s.prize_stock ? std::to_string(*s.prize_stock) : std::string("not set")) + "\n";
  out += "  department views\n";
  for (const auto& [department, views] : s.department_views) out += "    " + department + "  " + std::to_string(views) + "\n";
  const auto list = [&out](const char* title, const std::vector<std::pair<std::string, std::int64_t>>& rows) {
    if (rows.empty()) return;
    out += std::string("  ") + title + "\n";
    for (const auto& [key, times] : rows) out += "    " + key + "  " + std::to_string(times) + "\n";
  };
  list("topic views", s.topic_views);
  list("searches", s.searches);
  list("searches that found nothing", s.failed_searches);
  return out;
}

}  // namespace openday
