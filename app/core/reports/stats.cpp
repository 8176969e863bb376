#include "core/reports/stats.h"

#include <cmath>
#include <cstdio>
#include <ctime>

#include <nlohmann/json.hpp>

#include "core/reports/report.h"
#include "core/visits/satisfaction.h"

namespace openday {
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
  stats.faq_views = report.voice.faq_views;
  stats.questions_registered = report.voice.questions_registered;
  stats.questions_answered = report.voice.questions_answered;
  stats.satisfaction = report.voice.ratings;
  stats.satisfaction_rate = report.voice.satisfaction_rate();
  const TallyTotals& tally = report.tally;
  stats.desk_consultations = tally[TallyKind::Consultation];
  stats.policy_answers = tally[TallyKind::Answer];
  stats.problems_recorded = tally[TallyKind::Problem];
  stats.handbooks = tally[TallyKind::Handbook];
  stats.leaflets = tally[TallyKind::Leaflet];
  stats.tally_by_department = tally.by_department;
  stats.event_facts = tally.facts;
  for (const TopicRow& topic : report.topics) stats.topic_views.emplace_back(topic.id, topic.views);
  for (const SearchRow& search : report.searches) stats.searches.emplace_back(search.query, search.searches);
  for (const SearchRow& search : report.failed_searches) stats.failed_searches.emplace_back(search.query, search.searches);
  return stats;
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
  out["faq_views"] = s.faq_views;
  out["questions_registered"] = s.questions_registered;
  out["questions_answered"] = s.questions_answered;
  nlohmann::ordered_json satisfaction = nlohmann::ordered_json::object();
  std::int64_t ratings = 0;
  for (const SatisfactionLevel& level : kSatisfactionLevels) {
    satisfaction[std::string(level.key)] = s.satisfaction[static_cast<std::size_t>(level.value - 1)];
    ratings += s.satisfaction[static_cast<std::size_t>(level.value - 1)];
  }
  satisfaction["ratings"] = ratings;
  // A share between 0 and 1, four places; null until someone rated.
  satisfaction["satisfaction_rate"] =
      s.satisfaction_rate ? nlohmann::ordered_json(std::round(*s.satisfaction_rate * 10000) / 10000) : nlohmann::ordered_json(nullptr);
  out["satisfaction"] = std::move(satisfaction);
  out["desk_consultations"] = s.desk_consultations;
  out["policy_answers"] = s.policy_answers;
  out["problems_recorded"] = s.problems_recorded;
  out["handbooks"] = s.handbooks;
  out["leaflets"] = s.leaflets;
  // Per department, the kinds whose count there is not zero, by the names of the keys above.
  static constexpr const char* kKindKeys[] = {"desk_consultations", "policy_answers", "problems_recorded", "handbooks", "leaflets"};
  out["tally_departments"] = nlohmann::ordered_json::object();
  for (const auto& [department, counts] : s.tally_by_department) {
    nlohmann::ordered_json row = nlohmann::ordered_json::object();
    for (std::size_t k = 0; k < counts.size(); ++k)
      if (counts[k] != 0) row[kKindKeys[k]] = counts[k];
    out["tally_departments"][department] = row;
  }
  out["event_facts"] = nlohmann::ordered_json::object();
  for (std::size_t f = 0; f < s.event_facts.size(); ++f)
    out["event_facts"][std::string(event_fact_name(static_cast<EventFactKind>(f)))] =
        s.event_facts[f] ? nlohmann::ordered_json(*s.event_facts[f]) : nlohmann::ordered_json(nullptr);
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
  out += "  faq views           " + std::to_string(s.faq_views) + "\n";
  out += "  questions           " + std::to_string(s.questions_registered) + " registered for the desk, " +
         std::to_string(s.questions_answered) + " answered on screen\n";
  std::int64_t ratings = 0;
  for (std::int64_t n : s.satisfaction) ratings += n;
  char rate[32] = "-";
  if (s.satisfaction_rate) std::snprintf(rate, sizeof rate, "%.1f%%", *s.satisfaction_rate * 100);
  out += "  satisfaction        " + std::to_string(ratings) + " ratings (5..1: " + std::to_string(s.satisfaction[4]) + " " +
         std::to_string(s.satisfaction[3]) + " " + std::to_string(s.satisfaction[2]) + " " + std::to_string(s.satisfaction[1]) + " " +
         std::to_string(s.satisfaction[0]) + "), rate " + rate + "\n";
  out += "  desk tally          " + std::to_string(s.desk_consultations) + " received, " + std::to_string(s.policy_answers) +
         " answers, " + std::to_string(s.problems_recorded) + " problems, " + std::to_string(s.handbooks) + " handbooks, " +
         std::to_string(s.leaflets) + " leaflets\n";
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
