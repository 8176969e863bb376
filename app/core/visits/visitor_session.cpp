#include "core/visits/visitor_session.h"

#include <algorithm>
#include <cmath>

namespace openday {

Event VisitorSessions::event(EventType type) const {
  Event e;
  e.type = type;
  e.session = session_;
  return e;
}

void VisitorSessions::wake(double now) {
  if (phase_ != SessionPhase::None) return;
  // A session is numbered by its start time in UTC ms: unique on this kiosk across restarts
  // without asking the database, and kiosk id + number is unique at the booth.
  session_ = std::max(utc_now_ms(), last_session_ + 1);
  last_session_ = session_;
  phase_ = SessionPhase::Active;
  started_at_ = now;
  last_touch_at_ = now;
  touches_ = 0;
  rating_asked_ = false;
  sink_.log(event(EventType::SessionStart));
}

void VisitorSessions::touch(double now) {
  if (phase_ == SessionPhase::None) return;
  ++touches_;
  last_touch_at_ = now;
  if (phase_ == SessionPhase::Warning) {
    phase_ = SessionPhase::Active;
    sink_.log(event(EventType::SessionContinued));
  }
}

void VisitorSessions::keep_alive(double now) {
  if (phase_ == SessionPhase::Active) last_touch_at_ = now;
}

bool VisitorSessions::update(double now) {
  if (phase_ == SessionPhase::Active && now - last_touch_at_ >= idle_timeout_) {
    phase_ = SessionPhase::Warning;
    warning_at_ = now;
    sink_.log(event(EventType::IdleWarning));
  }
  if (phase_ == SessionPhase::Warning && now - warning_at_ >= idle_warning_) {
    end(now, SessionEndReason::Timeout);
    return true;
  }
  return false;
}

void VisitorSessions::end_done(double now) {
  if (phase_ == SessionPhase::None) return;
  last_touch_at_ = now;
  end(now, SessionEndReason::Done);
}

void VisitorSessions::end(double, SessionEndReason reason) {
  Event e = event(EventType::SessionEnd);
  e.target = reason == SessionEndReason::Timeout ? "timeout" : "done";
  // Dwell ends with the last touch: the idle timeout and the warning are not time spent.
  e.value = static_cast<std::int64_t>(std::llround((last_touch_at_ - started_at_) * 1000.0));
  e.count = touches_;
  sink_.log(std::move(e));
  phase_ = SessionPhase::None;
}

bool VisitorSessions::take_rating_turn() {
  if (phase_ == SessionPhase::None || rating_asked_) return false;
  rating_asked_ = true;
  return true;
}

double VisitorSessions::warning_seconds_left(double now) const {
  if (phase_ != SessionPhase::Warning) return 0;
  return std::max(0.0, idle_warning_ - (now - warning_at_));
}

double VisitorSessions::next_deadline() const {
  switch (phase_) {
    case SessionPhase::None: return 1e18;
    case SessionPhase::Active: return last_touch_at_ + idle_timeout_;
    case SessionPhase::Warning: return warning_at_ + idle_warning_;
  }
  return 1e18;
}

}  // namespace openday
