#pragma once
// Visitor sessions: from the touch that wakes the attract screen to the idle timeout or an
// explicit "结束使用". Time is passed in (seconds on any monotonic clock), so tests use a fake.
#include <cstdint>

#include "core/visits/events.h"

namespace openday {

enum class SessionPhase {
  None,     // the attract screen: nobody is using the kiosk
  Active,   // a visitor is using it
  Warning,  // "还在使用吗？" is counting down
};

enum class SessionEndReason { Timeout, Done };

class VisitorSessions {
 public:
  VisitorSessions(EventSink& sink, double idle_timeout_seconds, double idle_warning_seconds)
      : sink_(sink), idle_timeout_(idle_timeout_seconds), idle_warning_(idle_warning_seconds) {}

  // The touch on the attract screen: starts a session (nothing when one is running).
  void wake(double now);
  // Any later touch: keeps the session alive, and answers the idle question.
  void touch(double now);
  // Listening to a read-out (朗读) is use without touching: it holds off the idle question.
  void keep_alive(double now);
  // Advances the timers; returns true when this call ended the session by timeout.
  bool update(double now);
  // "结束使用": ends the session at once.
  void end_done(double now);

  SessionPhase phase() const { return phase_; }
  std::int64_t current_session() const { return phase_ == SessionPhase::None ? 0 : session_; }
  double warning_seconds_left(double now) const;
  // When update() next has something to do; a large number when nothing is pending.
  double next_deadline() const;
  int touches() const { return touches_; }
  double last_touch_at() const { return last_touch_at_; }
  // The satisfaction rating is asked at most once per session: true the first time it is
  // asked for in a running session, false afterwards and outside a session.
  bool take_rating_turn();

 private:
  void end(double now, SessionEndReason reason);
  Event event(EventType type) const;

  EventSink& sink_;
  double idle_timeout_;
  double idle_warning_;
  SessionPhase phase_ = SessionPhase::None;
  std::int64_t session_ = 0;
  std::int64_t last_session_ = 0;
  double started_at_ = 0;
  double last_touch_at_ = 0;
  double warning_at_ = 0;
  int touches_ = 0;
  bool rating_asked_ = false;
};

}  // namespace openday
