#pragma once
// What a screen may use while it draws: sizes, fonts, the config, navigation and the taps.
#include <imgui.h>

#include "core/booth/booth_link_state.h"
#include "core/booth/config.h"
#include "core/content/content.h"
#include "core/visits/events.h"
#include "core/print/slip_printer.h"
#include "core/quiz/quiz_service.h"
#include "core/staff/staff_service.h"
#include "core/visits/visitor_session.h"
#include "ui/fonts.h"
#include "ui/read_aloud.h"
#include "ui/router.h"
#include "ui/tap_targets.h"
#include "ui/theme.h"

namespace openday::ui {

// What staff screens may ask of the kiosk beyond navigation.
class StaffControl {
 public:
  virtual ~StaffControl() = default;
  virtual StaffService& service() = 0;
  virtual bool staff_mode() const = 0;
  virtual void enter_staff_mode() = 0;  // after the right PIN
  virtual void leave_staff_mode() = 0;  // back to the attract screen
  virtual void request_quit() = 0;      // the only way out of kiosk mode
  // Starts the pre-flight checks with what only the kiosk knows (its screen, its font).
  virtual void run_doctor() = 0;
};

struct Rect {
  ImVec2 min;
  ImVec2 max;
  float width() const { return max.x - min.x; }
  float height() const { return max.y - min.y; }
};

class ScreenContext {
 public:
  // What every screen shares for one frame; the Kiosk owns all of it.
  struct Shared {
    const Config& config;
    const Content& content;
    const EventInfo& event;  // content's event.json with the config's overrides
    const Metrics& metrics;
    const FontSet& fonts;
    Router& router;
    TapTargets& taps;
    VisitorSessions& sessions;
    EventSink& sink;
    QuizService& quiz;
    StaffControl& staff;
    ReadAloud& read_aloud;
    // The booth hub as the uplink saw it this frame (never waits); all false without a hub.
    BoothLinkState booth;
    // Issue 30: the printer of [printer] name; null when none is configured (no print buttons).
    print::SlipPrinter* printer = nullptr;
  };
  ScreenContext(const Shared& shared, double now, bool large_text, Rect area)
      : shared_(shared), now_(now), large_text_(large_text), content_(area) {}

  const Config& config() const { return shared_.config; }
  const Content& content() const { return shared_.content; }
  const EventInfo& event() const { return shared_.event; }
  const Metrics& metrics() const { return shared_.metrics; }
  ImFont* font(FontRole role) const { return shared_.fonts.font(role, large_text_); }
  // The size a role is drawn at (its bake size).
  float font_px(FontRole role) const { return font(role)->FontSize; }
  bool large_text() const { return large_text_; }
  Rect content_rect() const { return content_; }
  double now() const { return now_; }
  Router& router() { return shared_.router; }
  TapTargets& taps() { return shared_.taps; }
  QuizService& quiz() { return shared_.quiz; }
  StaffControl& staff() { return shared_.staff; }
  ReadAloud& read_aloud() { return shared_.read_aloud; }
  const BoothLinkState& booth_link() const { return shared_.booth; }
  print::SlipPrinter* printer() { return shared_.printer; }
  // The prize stock citizens are told of: on a booth device the booth's, as last read from the
  // hub (the quiz's own stock is only this device's share of it), else this kiosk's.
  std::optional<std::int64_t> prize_stock() const { return shared_.booth.configured ? shared_.booth.booth_prizes : shared_.quiz.stock(); }
  // The kiosk's own parts (the top bar and its pop-ups) reach further than a screen.
  const FontSet& font_set() const { return shared_.fonts; }
  VisitorSessions& sessions() { return shared_.sessions; }
  ImDrawList& draw_list() const { return *ImGui::GetWindowDrawList(); }

  // The visitor's touch on the attract screen begins a session.
  void start_session() { shared_.sessions.wake(now_); }
  std::int64_t session() const { return shared_.sessions.current_session(); }
  // The satisfaction rating (issue 15): true once per session, when it may be asked.
  bool take_rating_turn() { return shared_.sessions.take_rating_turn(); }
  double last_touch_at() const { return shared_.sessions.last_touch_at(); }
  // 结束使用 after the rating: the session ends as done, its dwell up to `at` (its last
  // touch), and the attract screen waits for the next visitor.
  void end_session(double at) {
    shared_.sessions.end_done(at);
    shared_.router.reset_to({"attract"});
  }
  // Where events go, for what a screen logs after it stopped drawing (a search left unfinished).
  EventSink& sink() { return shared_.sink; }
  // Logs an event of the current session.
  void log(Event event) {
    event.session = shared_.sessions.current_session();
    shared_.sink.log(std::move(event));
  }

  // True on the first frame a screen draws: a new screen (not one that Back returned to)
  // starts with its scrolling regions at their top.
  bool first_frame() const { return first_frame_; }
  void set_first_frame(bool first) { first_frame_ = first; }

  // Asks for another frame within this many seconds (an animation in progress).
  void request_frame_within(double seconds) { next_frame_within_ = std::min(next_frame_within_, seconds); }
  double next_frame_within() const { return next_frame_within_; }

 private:
  Shared shared_;
  double now_;
  bool large_text_;
  Rect content_;
  double next_frame_within_ = 1e9;
  bool first_frame_ = false;
};

}  // namespace openday::ui
