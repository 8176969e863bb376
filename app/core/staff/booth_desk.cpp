#include "core/staff/booth_desk.h"

#include <algorithm>
#include <map>

#include "core/content/content.h"
#include "core/reports/voice.h"
#include "core/visits/booth_store.h"
#include "core/visits/prize_reserve_store.h"
#include "core/visits/sqlite.h"

namespace openday {
namespace {

std::string department_name(const Content* content, const std::string& id) {
  if (id.empty()) return "不清楚";
  const Department* known = content ? content->department(id) : nullptr;
  return known ? known->name : id;
}

// Rows of one kind that no answering row (of the other kind, naming it by "kiosk_id:seq") follows.
Statement open_rows(const Database& db, EventType asked, EventType answered, const char* extra_condition) {
  Statement rows = db.prepare(std::string("SELECT kiosk_id, seq, at_ms, screen, department, target FROM events e WHERE type = ?1 ") +
                              extra_condition +
                              " AND NOT EXISTS (SELECT 1 FROM events a WHERE a.type = ?2 AND a.item = e.kiosk_id || ':' || e.seq) "
                              "ORDER BY at_ms LIMIT ?3");
  rows.bind(1, event_type_name(asked)).bind(2, event_type_name(answered)).bind(3, static_cast<std::int64_t>(kMaxOpenListed));
  return rows;
}

std::vector<StaffCall> open_calls(const Database& db, const Content* content) {
  std::vector<StaffCall> calls;
  Statement rows = open_rows(db, EventType::StaffCalled, EventType::StaffCallHandled, "");
  while (rows.step()) {
    StaffCall call;
    call.kiosk_id = rows.column_text(0);
    call.id = call.kiosk_id + ":" + std::to_string(rows.column_int(1));
    call.at_ms = rows.column_int(2);
    call.screen = rows.column_text(3);
    const std::string department = rows.column_text(4);
    if (!department.empty()) call.department = department_name(content, department);
    calls.push_back(std::move(call));
  }
  return calls;
}

std::vector<DeskQuestion> open_questions(const Database& db, const Content* content, std::int64_t day_start_ms) {
  std::vector<DeskQuestion> questions;
  // Registered for the desk (no answer was shown), today.
  Statement rows = open_rows(db, EventType::QuestionAsked, EventType::QuestionAnswered, "AND value = 0 AND at_ms >= ?4");
  rows.bind(4, day_start_ms);
  while (rows.step()) {
    DeskQuestion q;
    q.kiosk_id = rows.column_text(0);
    q.id = q.kiosk_id + ":" + std::to_string(rows.column_int(1));
    q.at_ms = rows.column_int(2);
    q.department_id = rows.column_text(4);
    q.department = department_name(content, q.department_id);
    q.topic = rows.column_text(5);
    q.topic_label = ask_topic_label(content, q.department_id, q.topic);
    questions.push_back(std::move(q));
  }
  return questions;
}

struct TodayCounts {
  std::int64_t sessions = 0, taps = 0, quiz_rounds = 0, vouchers = 0;
};

std::map<std::string, TodayCounts> counts_today(const Database& db, std::int64_t day_start_ms) {
  std::map<std::string, TodayCounts> counts;
  Statement rows = db.prepare(
      "SELECT kiosk_id, sum(type = ?1), sum(type = ?2), sum(type = ?3), sum(type = ?4) FROM events WHERE at_ms >= ?5 GROUP BY kiosk_id");
  rows.bind(1, event_type_name(EventType::SessionStart))
      .bind(2, event_type_name(EventType::Tap))
      .bind(3, event_type_name(EventType::QuizStart))
      .bind(4, event_type_name(EventType::VoucherIssued))
      .bind(5, day_start_ms);
  while (rows.step()) counts[rows.column_text(0)] = {rows.column_int(1), rows.column_int(2), rows.column_int(3), rows.column_int(4)};
  return counts;
}

void log_answer(DurableTransaction& tx, EventType type, const std::string& id, std::string department, std::string target) {
  Event answer;
  answer.type = type;
  answer.item = id;
  answer.department = std::move(department);
  answer.target = std::move(target);
  tx.add_event(std::move(answer));
}

std::vector<DoubleRedemption> latest_double_redemptions_first(const Database& db) {
  std::vector<DoubleRedemption> doubles = double_redemptions(db);
  const auto last_at = [](const DoubleRedemption& d) { return d.redemptions.empty() ? 0 : d.redemptions.back().at_ms; };
  std::stable_sort(doubles.begin(), doubles.end(), [&](const DoubleRedemption& a, const DoubleRedemption& b) { return last_at(a) > last_at(b); });
  return doubles;
}

}  // namespace

BoothDeskView read_booth_desk(const Database& db, const Content* content, std::int64_t now_ms, std::int64_t day_start_ms,
                              const std::string& desk_content_version) {
  BoothDeskView view;
  const auto counts = counts_today(db, day_start_ms);
  for (const auto& [device, json] : device_heartbeats(db)) {
    DeviceState state;
    if (!decode_device_state(json, state).empty()) continue;
    BoothDeviceRow row;
    row.board = board_row(state, now_ms, desk_content_version);
    row.kiosk_id = state.beat.kiosk_id;
    if (const auto found = counts.find(row.kiosk_id); found != counts.end()) {
      row.sessions_today = found->second.sessions;
      row.taps_today = found->second.taps;
      row.quiz_rounds_today = found->second.quiz_rounds;
      row.vouchers_today = found->second.vouchers;
    }
    row.last_event = state.beat.last_event_type;
    row.last_event_at_ms = state.beat.last_event_at_ms;
    view.devices.push_back(std::move(row));
  }
  view.calls = open_calls(db, content);
  view.questions = open_questions(db, content, day_start_ms);
  view.double_redemptions = latest_double_redemptions_first(db);
  return view;
}

void log_call_handled(DurableTransaction& tx, const StaffCall& call) {
  log_answer(tx, EventType::StaffCallHandled, call.id, "", call.kiosk_id);
}

void log_question_answered(DurableTransaction& tx, const DeskQuestion& question) {
  log_answer(tx, EventType::QuestionAnswered, question.id, question.department_id, question.topic);
}

}  // namespace openday
