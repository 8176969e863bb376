#pragma once
// What the kiosk logs. Every row of the events table is one Event; each type uses a few of the
// generic columns, as listed in event_reference() (and in the README).
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace openday {

enum class EventType {
  SessionStart,
  SessionEnd,
  IdleWarning,
  SessionContinued,
  ScreenView,
  Tap,
  TextSize,
  QuizStart,
  QuizAnswer,
  QuizFinish,
  VoucherIssued,
  VoucherRedeemed,
  StockAdjusted,
  StaffSignIn,
  StaffSignInFailed,
  Export,
  ContentReload,
  DatabaseRecovered,
  EventsDropped,
  Error,
  // The citizen's voice (issue 15): 常见问题, 我要问, 满意度评价
  FaqOpened,
  QuestionAsked,
  SatisfactionRated,
  SatisfactionReason,
  // The staff desk tally (issue 12).
  DeskTally,
  DeskTallyUndo,
  EventFact,
  // Reading aloud (issue 13)
  ReadAloud,
  // Finding what I need (issue 14)
  Search,
  TopicView,
  Count
};

struct Event {
  EventType type = EventType::Error;
  std::int64_t session = 0;  // visitor session number on this kiosk; 0 when outside a session
  std::string screen;        // route of a screen
  std::string department;    // department id
  std::string item;          // approval item id, quiz question id, voucher code
  std::string target;        // tapped element id, chosen option, reason
  std::optional<std::int64_t> value;  // a number: dwell ms, correct (1/0), stock
  std::optional<std::int64_t> count;  // a second number: touches in a session, questions in a round
  std::string detail;        // free text: an error message, a path
  std::int64_t at_ms = 0;    // UTC milliseconds since 1970; filled in when logged if 0
};

std::string_view event_type_name(EventType type);
std::optional<EventType> event_type_from_name(std::string_view name);

struct EventTypeDoc {
  EventType type;
  std::string_view name;
  std::string_view meaning;
  std::string_view columns;  // which columns it uses, and how
};
std::span<const EventTypeDoc> event_reference();

// Where events go: the EventLog in the kiosk, a plain vector in tests.
class EventSink {
 public:
  virtual ~EventSink() = default;
  virtual void log(Event event) = 0;
};

std::int64_t utc_now_ms();
// The local UTC offset in minutes at a UTC instant (the booth's time zone).
int local_utc_offset_minutes(std::int64_t at_ms);
// A UTC instant in local time, "2026-05-15 09:30:00" by default (strftime format).
std::string format_local_time(std::int64_t at_ms, const char* format = "%Y-%m-%d %H:%M:%S");

}  // namespace openday
