#pragma once
// The kiosk application object: owns the screens, fonts, theme, visitor sessions and all UI
// state. The platform layer (or a headless test) creates the ImGui context, feeds input into
// ImGuiIO, and calls frame(); nothing here touches GLFW or OpenGL.
#include <imgui.h>

#include <array>
#include <cfloat>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/booth/config.h"
#include "core/content/content.h"
#include "core/visits/durable_store.h"
#include "core/quiz/quiz_service.h"
#include "core/staff/staff_service.h"
#include "core/visits/events.h"
#include "core/visits/visitor_session.h"
#include "ui/fonts.h"
#include "ui/frame_settle.h"
#include "ui/read_aloud.h"
#include "ui/router.h"
#include "ui/screen_context.h"
#include "ui/tap_targets.h"
#include "ui/text_layout.h"
#include "ui/theme.h"
#include "ui/wrap_cache.h"

namespace openday::ui {

class ScreenContext;

struct KioskSetup {
  Config config;
  std::shared_ptr<const Content> content;  // validated
  std::shared_ptr<const QuizBank> quiz;     // validated
  FontSources fonts;
  // From stack_for_route(); a stack that does not start on the attract screen starts a
  // visitor session at once, and one of staff screens opens staff mode (for photographs).
  std::vector<std::string> initial_stack;
  StaffPaths staff_paths;
  std::function<StoreHealth()> health;  // the event log's
  bool log_targets = false;             // log touch targets whenever the screen changes
  // Where baked font atlases are kept between starts; none: baked on every start.
  std::optional<std::filesystem::path> atlas_cache_dir;
  int max_texture_size = 4096;  // the GPU's GL_MAX_TEXTURE_SIZE (or a test's smaller limit)
  SpeechOutput* speech = nullptr;  // the voice (outlives the kiosk); none: 朗读 says 语音暂不可用
};

class Kiosk final : public StaffControl {
 public:
  // Requires a current ImGui context; sink and store (the event log, twice) outlive the kiosk.
  Kiosk(KioskSetup setup, EventSink& sink, DurableStore& store);
  ~Kiosk() override;
  Kiosk(const Kiosk&) = delete;
  Kiosk& operator=(const Kiosk&) = delete;

  // Swaps in newly loaded (validated) content and quiz bank: visitors go back to the attract
  // screen (staff stay where they are), and the font atlas is rebuilt before the next frame.
  void replace_content(ContentBundle bundle);
  const Content& content() const { return *content_; }

  // Fonts are baked for one display size; after a resize (or before the first frame) they
  // are outdated and the caller rebuilds them between frames, then re-uploads the texture.
  bool fonts_outdated() const;
  bool rebuild_fonts(std::string& error);
  const FontSet& fonts() const { return fonts_; }
  // What the text helpers reported during the last frame (tests turn on placements).
  TextAudit& text_audit() { return text_audit_; }
  // The wrapped lines of the texts drawn so far, per face, size and width; emptied when the
  // fonts are rebuilt.
  const WrapCache& wrap_cache() const { return wrap_cache_; }
  // Every text drawn so far with a character its face lacked, with the line logged about it.
  const std::map<std::string, std::string>& fallback_texts() const { return fallbacks_logged_; }

  // One frame: input filtering, ImGui::NewFrame, the screen, ImGui::Render.
  void frame(double now);

  // How long the caller may sleep before the next frame is due without input; kNoFrameDue
  // when nothing animates and no timer runs. It is 0 until the picture is final: after a
  // screen change, a scroll reset, a touch, a content change or a finished background task
  // the kiosk draws until two consecutive frames agree.
  double seconds_until_next_frame(double now) const;
  // Whether the last frame is final: nothing left to settle and no background work running.
  bool settled() const { return !settle_.armed() && !was_busy_; }

  Router& router() { return router_; }
  const TapTargets& taps() const { return taps_; }
  const Metrics& metrics() const { return metrics_; }
  const Config& config() const { return config_; }
  const VisitorSessions& sessions() const { return sessions_; }
  QuizService& quiz() { return *quiz_; }
  const ReadAloud& read_aloud() const { return read_aloud_; }

  // StaffControl
  StaffService& service() override { return *staff_; }
  bool staff_mode() const override { return staff_mode_; }
  void enter_staff_mode() override;
  void leave_staff_mode() override;
  void request_quit() override { quit_requested_ = true; }
  void run_doctor() override;
  // The staff desk (issue 12): opens into the tally behind the PIN, never a citizen's screen.
  bool desk_role() const { return config_.role == BoothRole::Desk; }
  // Where the kiosk rests between uses: the attract screen, or at the desk the PIN keypad.
  std::string rest_route() const { return desk_role() ? "staff/pin" : "attract"; }
  // The platform ends the loop when staff chose to leave the app.
  bool quit_requested() const { return quit_requested_; }
  bool large_text() const { return large_text_; }
  // Whether the current screen takes typed text (a USB scanner at the redeem screen): only then
  // does the platform let characters, Enter and Backspace through.
  bool wants_text_input() const;

  static constexpr double kNoFrameDue = 1e9;
  // After a screen changes, taps are ignored this long, so a double tap cannot also press
  // whatever appears under the finger on the next screen.
  static constexpr double kTapGuardSeconds = 0.3;
  // The hidden way in for staff: a press this long in the bottom-left corner of any screen.
  static constexpr double kStaffPressSeconds = 3.0;
  static constexpr float kStaffCornerDesignPx = 140;
  // Staff mode locks itself after this long without a touch.
  static constexpr double kStaffIdleSeconds = 60.0;

 private:
  void filter_touch_input(ImGuiIO& io, double now);
  bool in_staff_corner(ImVec2 position) const;
  void make_quiz_service();
  float draw_top_bar(double now, float height);  // returns the height the bar took
  void draw_title(ImDrawList& draw, const std::string& title, Rect row);
  bool title_fits(const std::string& title, float left, float right) const;
  void draw_idle_question(double now);
  void draw_large_text_toggle(ScreenContext& ctx, ImVec2 pos, ImVec2 size);
  void request_end_session(double now);
  void draw_end_confirmation(double now);
  void notice_input(const ImGuiIO& io);
  void notice_typing(const ImGuiIO& io, double now);
  void after_frame(double now);
  bool apply_navigation(double now);  // true when the screen changed
  void on_screen_changed();
  void log_targets_once();
  void set_large_text(bool large);
  void log(Event event);
  void collect_glyph_texts();
  void compose_glyph_texts();
  // The department whose texts a route shows (its tabs, its items); empty for other screens.
  std::string department_shown(const std::string& route) const;
  void follow_glyph_focus();
  void learn_missing_glyphs();
  std::string text_source(std::string_view drawn, std::string_view missing) const;
  ScreenContext context(double now, bool large_text, Rect area);

  Config config_;
  std::shared_ptr<const Content> content_;
  EventInfo event_;
  FontSources font_sources_;
  FontSet fonts_;
  GlyphTexts glyph_texts_;  // what the next bake holds
  GlyphTexts shared_glyph_texts_;  // what any screen may draw
  std::map<std::string, GlyphTexts, std::less<>> department_glyph_texts_;  // by department ID
  std::string glyph_focus_;  // the department whose texts are baked now
  AtlasCache atlas_cache_;
  int max_texture_size_ = 4096;
  TextAudit text_audit_;
  WrapCache wrap_cache_;
  TextHelpers text_helpers_{&text_audit_, &wrap_cache_};  // on ImGuiIO::UserData while the kiosk lives
  std::array<std::string, 4> learned_glyphs_;  // per FontRole: characters drawn but not declared
  std::map<std::string, std::string> fallbacks_logged_;  // text -> what was logged about its missing glyphs
  bool glyphs_changed_ = true;
  Metrics metrics_;
  ImVec2 fonts_built_for_{0, 0};
  Router router_;
  TapTargets taps_;
  EventSink& sink_;
  VisitorSessions sessions_;
  std::shared_ptr<const QuizBank> quiz_bank_;
  DurableStore& store_;
  std::unique_ptr<QuizService> quiz_;
  std::unique_ptr<StaffService> staff_;
  bool staff_mode_ = false;
  double staff_last_touch_ = 0;
  std::optional<double> corner_press_since_;
  bool quit_requested_ = false;
  bool log_targets_ = false;
  std::string targets_logged_for_;
  bool large_text_ = false;
  // 结束使用 while the session holds a prize code asks once whether the code was noted.
  bool end_confirmation_open_ = false;
  bool end_confirmation_asked_ = false;

  bool started_ = false;
  bool mouse_was_down_ = false;
  double tap_guard_until_ = 0;
  bool swallowing_press_ = false;
  double last_frame_at_ = 0;
  double next_frame_within_ = kNoFrameDue;
  SettleTracker settle_;
  bool was_busy_ = false;  // background work ran after the last frame
  ReadAloud read_aloud_;
  double frame_now_ = 0;  // the time of the frame being drawn (a read-out stopped by navigation ends then)
  bool last_raw_down_ = false;
  ImVec2 last_raw_pointer_{-FLT_MAX, -FLT_MAX};
};

}  // namespace openday::ui
