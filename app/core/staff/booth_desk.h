#pragma once
// The desk's view of the booth (issue 32), read from the desk's own database, which the booth
// hub keeps up to date: one row per device, the open 呼叫工作人员 calls, and the 我要问
// questions waiting for the desk. Staff answer a call or a question with a row of their own, so
// that nothing is deleted and every device's file stays as it was.
#include <cstdint>
#include <string>
#include <vector>

#include "core/booth/booth_board.h"
#include "core/visits/durable_store.h"
#include "core/visits/events.h"
#include "core/visits/double_redemption.h"

namespace openday {

struct Content;
class Database;

struct StaffCall {
  std::string id;        // the call's row, "kiosk_id:seq"
  std::string kiosk_id;
  std::int64_t at_ms = 0;
  std::string screen;    // the route the visitor was on
  std::string department;  // its name, when the screen was a department's
};

struct DeskQuestion {
  std::string id;  // the question's row, "kiosk_id:seq"
  std::string kiosk_id;
  std::int64_t at_ms = 0;
  std::string department_id, department;  // 不清楚 when none
  std::string topic, topic_label;
};

struct BoothDeviceRow {
  BoardRow board;
  std::string kiosk_id;
  std::int64_t sessions_today = 0, taps_today = 0, quiz_rounds_today = 0, vouchers_today = 0;
  std::string last_event;
  std::int64_t last_event_at_ms = 0;
};

struct BoothDeskView {
  std::vector<BoothDeviceRow> devices;
  std::vector<StaffCall> calls;          // open, oldest first
  std::vector<DeskQuestion> questions;   // open, oldest first
  // Codes redeemed more than once in the booth (issue 27: an offline redemption at a kiosk and
  // another one), the latest second redemption first; never cleared, so never hidden.
  std::vector<DoubleRedemption> double_redemptions;
};

inline constexpr std::size_t kMaxOpenListed = 50;

// day_start_ms: the local midnight of today (the devices' counts are today's).
BoothDeskView read_booth_desk(const Database& db, const Content* content, std::int64_t now_ms, std::int64_t day_start_ms,
                              const std::string& desk_content_version);

// Inside a durable transaction: the desk's answer to a call or a question.
void log_call_handled(DurableTransaction& tx, const StaffCall& call);
void log_question_answered(DurableTransaction& tx, const DeskQuestion& question);

}  // namespace openday
