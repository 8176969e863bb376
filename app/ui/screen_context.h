#pragma once
// What a screen may use while it draws: sizes, fonts, the config, navigation and the taps.
#include <imgui.h>

#include "core/booth/config.h"
#include "core/content/content.h"
#include "core/visits/events.h"
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
  };
  ScreenContext(const Shared& shared, double now, bool large_text, Rect area)
      : config_(shared.config), content_data_(shared.content), event_(shared.event), metrics_(shared.metrics),
        fonts_(shared.fonts), router_(shared.router), taps_(shared.taps), sessions_(shared.sessions), sink_(shared.sink),
        quiz_(shared.quiz), staff_(shared.staff), read_aloud_(shared.read_aloud),
        now_(now), large_text_(large_text), content_(area) {}

  const Config& config() const { return config_; }
  const Content& content() const { return content_data_; }
  const EventInfo& event() const { return event_; }
  const Metrics& metrics() const { return metrics_; }
  ImFont* font(FontRole role) const { return fonts_.font(role, large_text_); }
  // The size a role is drawn at (its bake size).
  float font_px(FontRole role) const { return font(role)->FontSize; }
  bool large_text() const { return large_text_; }
  Rect content_rect() const { return content_; }
  double now() const { return now_; }
  Router& router() { return router_; }
  TapTargets& taps() { return taps_; }
  QuizService& quiz() { return quiz_; }
  StaffControl& staff() { return staff_; }
  ReadAloud& read_aloud() { return read_aloud_; }
  ImDrawList& draw_list() const { return *ImGui::GetWindowDrawList(); }

  // The visitor's touch on the attract screen begins a session.
  void start_session() { sessions_.wake(now_); }
  std::int64_t session() const { return sessions_.current_session(); }
  // The satisfaction rating (issue 15): true once per session, when it may be asked.
  bool take_rating_turn() { return sessions_.take_rating_turn(); }
  double last_touch_at() const { return sessions_.last_touch_at(); }
  // 结束使用 after the rating: the session ends as done, its dwell up to `at` (its last
  // touch), and the attract screen waits for the next visitor.
  void end_session(double at) {
    sessions_.end_done(at);
    router_.reset_to({"attract"});
  }
  // Where events go, for what a screen logs after it stopped drawing (a search left unfinished).
  EventSink& sink() { return sink_; }
  // Logs an event of the current session.
  void log(Event event) {
    event.session = sessions_.current_session();
    sink_.log(std::move(event));
  }

  // True on the first frame a screen draws: a new screen (not one that Back returned to)
  // starts with its scrolling regions at their top.
  bool first_frame() const { return first_frame_; }
  void set_first_frame(bool first) { first_frame_ = first; }

  // Asks for another frame within this many seconds (an animation in progress).
  void request_frame_within(double seconds) { next_frame_within_ = std::min(next_frame_within_, seconds); }
  double next_frame_within() const { return next_frame_within_; }

 private:
  const Config& config_;
  const Content& content_data_;
  const EventInfo& event_;
  const Metrics& metrics_;
  const FontSet& fonts_;
  Router& router_;
  TapTargets& taps_;
  VisitorSessions& sessions_;
  EventSink& sink_;
  QuizService& quiz_;
  StaffControl& staff_;
  ReadAloud& read_aloud_;
  double now_;
  bool large_text_;
  Rect content_;
  double next_frame_within_ = 1e9;
  bool first_frame_ = false;
};

}  // namespace openday::ui
