#pragma once
// The kiosk application object, the shell: owns the screens, fonts, theme, visitor sessions and
// the services. The platform layer (or a headless test) creates the ImGui context, feeds input
// into ImGuiIO, and calls frame() through KioskShell; nothing here touches GLFW or OpenGL.
#include <imgui.h>

#include <array>
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
#include "ui/atlas_warmer.h"
#include "ui/fonts.h"
#include "ui/frame_settle.h"
#include "ui/glyph_plan.h"
#include "ui/kiosk_chrome.h"
#include "ui/kiosk_shell.h"
#include "ui/read_aloud.h"
#include "ui/router.h"
#include "ui/screen_context.h"
#include "ui/staff_mode.h"
#include "ui/tap_targets.h"
#include "ui/text_layout.h"
#include "ui/theme.h"
#include "ui/touch_filter.h"
#include "ui/wrap_cache.h"

namespace openday::ui {

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
  // The booth hub (issue 32): this device's link, read each frame (never waits). None: no hub.
  std::function<BoothLinkState()> booth_link = nullptr;
  // The desk's content through the hub, verified and validated, once (the kiosk switches to
  // it at its next attract screen). None: no hub.
  std::function<std::optional<StagedContent>()> take_staged_content = nullptr;
  // The booth's prize stock on the hub (issue 27): redemptions and stock changes in staff mode,
  // and the quiz gives prizes only from this device's share. Empty: no hub.
  BoothPrizeLink booth_prizes = {};
};

// The shell: it owns the services, the router and the fonts, and runs the frame; the glyph plan
// (glyph_plan.h), the touch filter (touch_filter.h), staff mode (staff_mode.h), and the top bar
// with its pop-ups (kiosk_chrome.h) are parts of their own.
class Kiosk final : public KioskShell, private ChromeHost {
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
  bool fonts_outdated() const override;
  bool rebuild_fonts(std::string& error) override;
  const FontSet& fonts() const override { return fonts_; }
  // Bakes every screen's atlas into the cache while the kiosk waits for a visitor; none
  // without a cache folder.
  const AtlasWarmer* atlas_warmer() const { return atlas_warmer_.get(); }
  // What the text helpers reported during the last frame (tests turn on placements).
  TextAudit& text_audit() { return text_audit_; }
  // The wrapped lines of the texts drawn so far, per face, size and width; emptied when the
  // fonts are rebuilt.
  const WrapCache& wrap_cache() const { return wrap_cache_; }
  // Every text drawn so far with a character its face lacked, with the line logged about it.
  const std::map<std::string, std::string>& fallback_texts() const { return glyph_plan_.fallbacks_logged(); }

  // One frame: input filtering, ImGui::NewFrame, the screen, ImGui::Render.
  void frame(double now) override;

  // How long the caller may sleep before the next frame is due without input; kNoFrameDue
  // when nothing animates and no timer runs. It is 0 until the picture is final: after a
  // screen change, a scroll reset, a touch, a content change or a finished background task
  // the kiosk draws until two consecutive frames agree.
  double seconds_until_next_frame(double now) const override;
  // Whether the last frame is final: nothing left to settle and no background work running.
  bool settled() const override { return !settle_.armed() && !was_busy_; }
  bool frame_outdated() const override { return frame_outdated_; }
  std::uint64_t frame_signature() const override { return frame_signature_; }
  // A commit, a report or a PIN check ran on another thread during the last frame: its result
  // is a picture of its own when it arrives.
  bool waiting_on_background_work() const { return was_busy_; }

  Router& router() { return router_; }
  const TapTargets& taps() const { return taps_; }
  const Metrics& metrics() const override { return metrics_; }
  const Config& config() const { return config_; }
  const VisitorSessions& sessions() const { return sessions_; }
  QuizService& quiz() { return *quiz_; }
  const ReadAloud& read_aloud() const { return read_aloud_; }

  // Staff mode (staff_mode.h).
  StaffService& service() { return staff_.service(); }
  bool staff_mode() const { return staff_.staff_mode(); }
  void enter_staff_mode() { staff_.enter_staff_mode(); }
  void leave_staff_mode() { staff_.leave_staff_mode(); }
  // The platform ends the loop when staff chose to leave the app.
  bool quit_requested() const override { return staff_.quit_requested(); }
  bool large_text() const override { return large_text_; }
  // Whether the current screen takes typed text (a USB scanner at the redeem screen): only then
  // does the platform let characters, Enter and Backspace through.
  bool wants_text_input() const override;

  static constexpr double kNoFrameDue = 1e9;
  static constexpr double kTapGuardSeconds = TouchFilter::kTapGuardSeconds;
  static constexpr double kStaffPressSeconds = TouchFilter::kStaffPressSeconds;
  static constexpr float kStaffCornerDesignPx = TouchFilter::kStaffCornerDesignPx;
  static constexpr double kStaffIdleSeconds = StaffMode::kIdleSeconds;

 private:
  // ChromeHost
  ScreenContext context(double now, bool large_text, Rect area) override;
  void set_large_text(bool large) override;
  BoothLinkState booth_link() const override {
    BoothLinkState state = booth_link_ ? booth_link_() : BoothLinkState{};
    // What this device holds changes with every voucher, also while the uplink cannot look:
    // the quiz service's count is the current one.
    if (booth_stock_ && quiz_ && quiz_->stock()) state.prizes_held = *quiz_->stock();
    return state;
  }
  std::vector<StaffCall> open_staff_calls() const override;
  void handle_staff_call(const StaffCall& call) override;
  void announce(std::string_view text) override;
  // The desk linked to a booth hub: it reads the booth's view every few seconds.
  bool desk_linked() const { return config_.role == BoothRole::Desk && booth_link().configured; }
  void refresh_booth_view(double now);
  void switch_to_staged_content();

  void make_quiz_service();
  void follow_prize_share();
  void filter_touch_input(ImGuiIO& io, double now);
  void notice_typing(const ImGuiIO& io, double now);
  void after_frame(double now);
  bool apply_navigation(double now);  // true when the screen changed
  void on_screen_changed();
  void log_targets_once();
  std::optional<std::string> shown_question_line();
  void log(Event event);
  GlyphSources glyph_sources() const { return {*content_, *quiz_bank_, config_, event_}; }
  void follow_glyph_focus();
  void learn_missing_glyphs();
  void steer_atlas_warmer(const ImGuiIO& io);

  Config config_;
  std::shared_ptr<const Content> content_;
  EventInfo event_;
  FontSources font_sources_;
  FontSet fonts_;
  GlyphPlan glyph_plan_;
  AtlasCache atlas_cache_;
  int max_texture_size_ = 4096;
  TextAudit text_audit_;
  WrapCache wrap_cache_;
  TextHelpers text_helpers_{&text_audit_, &wrap_cache_};  // on ImGuiIO::UserData while the kiosk lives
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
  StaffMode staff_;
  TouchFilter touch_;
  KioskChrome chrome_{*this, text_audit_};
  bool log_targets_ = false;
  std::string targets_logged_for_;
  bool large_text_ = false;

  bool started_ = false;
  double last_frame_at_ = 0;
  double next_frame_within_ = kNoFrameDue;
  SettleTracker settle_;
  bool was_busy_ = false;  // background work ran after the last frame
  bool frame_outdated_ = false;        // the last frame left a navigation, a scroll or a tap's outcome for the next
  std::uint64_t frame_signature_ = 0;  // of the last frame built
  ReadAloud read_aloud_;
  double frame_now_ = 0;  // the time of the frame being drawn (a read-out stopped by navigation ends then)
  std::function<BoothLinkState()> booth_link_;
  bool booth_stock_ = false;  // prizes from the booth's stock on the hub
  std::int64_t uplink_prizes_held_ = -1;  // the share as the uplink last reported it
  std::function<std::optional<StagedContent>()> take_staged_content_;
  SpeechOutput* speech_ = nullptr;
  double next_booth_refresh_at_ = 0;
  // Every atlas of the content and display size is baked ahead, once per content and size.
  bool warm_atlases_ = true;
  std::unique_ptr<print::SlipPrinter> printer_;  // issue 30: only with [printer] name
  std::unique_ptr<AtlasWarmer> atlas_warmer_;  // last: its thread ends before anything it reads goes
};

}  // namespace openday::ui
