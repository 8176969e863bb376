#include "ui/kiosk.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <random>

#include "core/print/slip_sources.h"
#include "core/util/log.h"
#include "ui/frame_settle.h"
#include "ui/route_registry.h"
#include "ui/screen_context.h"
#include "ui/text_layout.h"

namespace openday::ui {

Kiosk::Kiosk(KioskSetup setup, EventSink& sink, DurableStore& store)
    : config_(std::move(setup.config)),
      content_(std::move(setup.content)),
      event_(effective_event(content_->event, config_)),
      font_sources_(std::move(setup.fonts)),
      // Staff screens open only in staff mode (the PIN keypad is the way in).
      router_([this](const std::string& route) -> OpenedScreen {
        if (is_staff_only_route(route) && !staff_.staff_mode()) return {};
        // The desk role never shows a citizen's screen: only the PIN keypad and staff screens.
        if (staff_.desk_role() && !is_staff_route(route)) return {};
        return open_route(route, *content_);
      }),
      sink_(sink),
      sessions_(sink, config_.idle_timeout_seconds, config_.idle_warning_seconds),
      quiz_bank_(std::move(setup.quiz)),
      store_(store),
      staff_(std::make_unique<StaffService>(setup.staff_paths, config_, store, std::move(setup.health)), config_, router_, font_sources_,
             // staff may have restocked: the quiz must not say 奖品已发完
             [this] { quiz_->refresh_stock(); }),
      read_aloud_(setup.speech, [this](Event event) { sink_.log(std::move(event)); }),
      booth_link_(std::move(setup.booth_link)),
      booth_stock_(static_cast<bool>(setup.booth_prizes)),
      take_staged_content_(std::move(setup.take_staged_content)),
      speech_(setup.speech) {
  atlas_cache_ = AtlasCache(setup.atlas_cache_dir);
  if (atlas_cache_.enabled()) atlas_warmer_ = std::make_unique<AtlasWarmer>(atlas_cache_);
  max_texture_size_ = setup.max_texture_size;
  make_quiz_service();
  // Issue 30: slips print through CUPS on the queue's own thread; no printer, no print buttons.
  if (config_.printer_name)
    printer_ = std::make_unique<print::SlipPrinter>(config_, std::filesystem::temp_directory_path() / ("openday-print-" + config_.kiosk_id),
                                                    print::printed_voucher_codes(setup.staff_paths.database));
  staff_.service().set_content({content_, quiz_bank_});
  if (setup.booth_prizes) staff_.service().set_booth_prizes(std::move(setup.booth_prizes));
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // a kiosk keeps no window layout between runs
  io.LogFilename = nullptr;
  io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
  set_text_helpers(&text_helpers_);
  glyph_plan_.collect(glyph_sources());
  glyphs_changed_ = true;
  log_targets_ = setup.log_targets;
  const std::string last = setup.initial_stack.back();
  staff_.open_at_start(is_staff_only_route(last));  // opened with --screen
  // The desk role starts behind the PIN unless --screen opened a staff screen.
  if (staff_.desk_role() && !is_staff_route(last)) setup.initial_stack = {"staff/pin"};
  router_.reset_to(setup.initial_stack);
  router_.apply_pending();
  follow_glyph_focus();
}

Kiosk::~Kiosk() {
  if (text_helpers() == &text_helpers_) set_text_helpers(nullptr);
}

void Kiosk::make_quiz_service() {
  quiz_ = std::make_unique<QuizService>(*quiz_bank_, QuizSettings{config_.questions_per_round, config_.pass_min_correct, config_.initial_stock, booth_stock_},
                                        sink_, store_, std::random_device{}());
  quiz_->refresh_stock();
}

void Kiosk::follow_glyph_focus() {
  // the platform rebuilds the atlas before the next frame
  if (glyph_plan_.follow(router_.upcoming_route(), *content_)) glyphs_changed_ = true;
}

// The warmer bakes only while the kiosk waits for a visitor: a finger on the glass, a visit or
// staff at work stop it before its next bake. A new content or display size (known once the
// fonts are built for it) queues every atlas again once the attract screen has settled.
void Kiosk::steer_atlas_warmer(const ImGuiIO& io) {
  if (!atlas_warmer_) return;
  const bool waiting = router_.current_route() == "attract" && !staff_.staff_mode() && !io.MouseDown[0];
  if (!waiting) {
    atlas_warmer_->pause();
    return;
  }
  // Once the screen has settled: the first frames after the start are not kept waiting.
  if (warm_atlases_ && settled() && fonts_.built()) {
    warm_atlases_ = false;
    atlas_warmer_->warm({glyph_plan_, content_, font_sources_, metrics_, max_texture_size_});
  }
  atlas_warmer_->resume();
}

void Kiosk::learn_missing_glyphs() {
  if (!glyph_plan_.learn(text_audit_.take_misses(), fonts_, glyph_sources())) return;
  glyphs_changed_ = true;  // the platform rebuilds the atlas before the next frame
  next_frame_within_ = 0;
}

void Kiosk::replace_content(ContentBundle bundle) {
  // Visitor screens and the quiz hold references into the old content: they go before it does.
  const bool staff_screen = staff_.staff_mode() && is_staff_route(router_.current_route());
  router_.reset_to({staff_screen ? router_.current_route() : staff_.rest_route()});
  router_.apply_pending();
  if (sessions_.phase() != SessionPhase::None) sessions_.end_done(last_frame_at_);
  content_ = std::move(bundle.content);
  quiz_bank_ = std::move(bundle.quiz);
  make_quiz_service();
  staff_.service().set_content({content_, quiz_bank_});
  event_ = effective_event(content_->event, config_);
  glyph_plan_.collect(glyph_sources());
  glyphs_changed_ = true;
  warm_atlases_ = true;
  on_screen_changed();
}

ScreenContext Kiosk::context(double now, bool large_text, Rect area) {
  const ScreenContext::Shared shared{config_, *content_, event_, metrics_, fonts_, router_, taps_, sessions_, sink_, *quiz_, staff_,
                                     read_aloud_, booth_link(), printer_.get()};
  return ScreenContext(shared, now, large_text, area);
}

bool Kiosk::fonts_outdated() const {
  const ImVec2 size = ImGui::GetIO().DisplaySize;
  return glyphs_changed_ || !fonts_.built() || size.x != fonts_built_for_.x || size.y != fonts_built_for_.y ||
         glyph_plan_.needs_refocus(router_.upcoming_route(), *content_);
}

bool Kiosk::rebuild_fonts(std::string& error) {
  follow_glyph_focus();  // a screen requested but not yet shown brings its texts now
  ImGuiIO& io = ImGui::GetIO();
  const Metrics metrics = metrics_for_display(io.DisplaySize);
  if (metrics.unit != metrics_.unit || metrics.portrait != metrics_.portrait) warm_atlases_ = true;
  metrics_ = metrics;
  wrap_cache_.clear();  // the faces (and their advances) change
  const AtlasOptions options{max_texture_size_, large_text_, atlas_cache_.enabled() ? &atlas_cache_ : nullptr};
  if (!fonts_.build(*io.Fonts, font_sources_, metrics_, glyph_plan_.texts(), options, error)) return false;
  io.FontDefault = fonts_.font(FontRole::Body, false);
  apply_theme(ImGui::GetStyle(), metrics_);
  io.MouseDragThreshold = std::round(16 * metrics_.unit);
  fonts_built_for_ = io.DisplaySize;
  glyphs_changed_ = false;
  settle_.arm();  // new sizes: every window lays itself out again
  return true;
}

void Kiosk::log(Event event) {
  event.session = sessions_.current_session();
  sink_.log(std::move(event));
}

void Kiosk::filter_touch_input(ImGuiIO& io, double now) {
  const TouchFilter::Rules rules{metrics_.unit, sessions_.phase() == SessionPhase::Warning, staff_.staff_mode()};
  const TouchFilter::Touch touch = touch_.filter(io, now, rules);
  if (touch.new_press) sessions_.touch(now);
  if (touch.finger_active) staff_.touched(now);
  if (!touch.staff_corner) return;
  if (sessions_.phase() != SessionPhase::None) sessions_.end_done(now);
  router_.reset_to({"staff/pin"});
}

void Kiosk::frame(double now) {
  ImGuiIO& io = ImGui::GetIO();
  frame_now_ = now;
  if (!started_) {
    started_ = true;
    staff_.touched(now);  // the staff idle clock starts with the first frame too
    const std::string route = router_.current_route();
    if (is_visitor_route(route)) sessions_.wake(now);  // a visitor screen opened with --screen
    on_screen_changed();
  }
  // Anything the finger does (lands, moves, lifts) changes what is drawn: draw until it settles.
  if (touch_.notice(io)) settle_.arm();
  filter_touch_input(io, now);
  notice_typing(io, now);
  // Timers first, so that this frame already shows the idle question or the attract screen.
  // Listening is use: a read-out holds off the idle question, and a finished one is logged.
  if (read_aloud_.poll(now)) sessions_.keep_alive(now);
  if (sessions_.update(now)) router_.reset_to({"attract"});
  staff_.lock_when_idle(now);
  const bool quiz_busy = quiz_->poll();
  const bool staff_busy = staff_.service().poll();
  // Work finished on another thread (a voucher commit, a report, a PIN check, an export): this
  // frame shows its result, and the frames after it until the layout is final.
  if (was_busy_ && !quiz_busy && !staff_busy) settle_.arm();
  if (auto reloaded = staff_.service().take_reloaded()) replace_content(std::move(*reloaded));
  refresh_booth_view(now);
  follow_prize_share();
  switch_to_staged_content();
  apply_navigation(now);
  ImGui::NewFrame();
  taps_.begin_frame();
  text_audit_.begin_frame();

  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(io.DisplaySize);
  ImGui::Begin("##kiosk", nullptr, kFullscreenFlags);
  Screen* screen = router_.current();
  Rect content{ImVec2(0, 0), io.DisplaySize};
  const bool asking_idle_question = sessions_.phase() == SessionPhase::Warning;
  ImGui::BeginDisabled(asking_idle_question);
  if (screen && screen->has_top_bar()) {
    content.min.y += chrome_.draw_top_bar(now, metrics_.top_bar_height);
  }
  ScreenContext ctx = context(now, large_text_, content);
  if (screen) {
    ctx.set_first_frame(router_.current_is_new());
    // Each depth of the stack has its own scrolling regions: the screen below keeps its scroll
    // position while another screen lies on top of it, so Back returns to where it was.
    ImGui::PushID(static_cast<int>(router_.depth()));
    screen->draw(ctx);
    ImGui::PopID();
    router_.mark_current_drawn();
  }
  ImGui::EndDisabled();
  ImGui::End();
  if (asking_idle_question) chrome_.draw_idle_question(now);
  ImGui::Render();

  next_frame_within_ = ctx.next_frame_within();
  learn_missing_glyphs();
  if (screen && screen->animation_interval_seconds() > 0)
    next_frame_within_ = std::min(next_frame_within_, screen->animation_interval_seconds());
  if (sessions_.phase() == SessionPhase::Warning) next_frame_within_ = std::min(next_frame_within_, 0.25);  // the countdown
  // A commit or a report is running (perhaps started by this very frame): look for its result
  // often, until it arrives.
  was_busy_ = quiz_->busy() || staff_.service().busy();
  if (was_busy_) next_frame_within_ = std::min(next_frame_within_, 0.05);
  const bool animating = screen && screen->animation_interval_seconds() > 0;
  const bool pending = scroll_request_pending() || router_.has_pending();
  // A tap acted in the middle of this frame: what was drawn before it (a tab's old selection,
  // the old query's results) is already out of date, and the next frame draws its outcome.
  frame_outdated_ = pending || taps_.accepted_any();
  frame_signature_ = draw_data_signature(*ImGui::GetDrawData());
  if (settle_.needs_another_frame(frame_signature_, pending, animating)) next_frame_within_ = 0;
  if (touch_.corner_held()) next_frame_within_ = std::min(next_frame_within_, 0.1);       // the staff press is being held
  if (read_aloud_.reading_any()) next_frame_within_ = std::min(next_frame_within_, 0.25);  // the highlight follows the voice
  next_frame_within_ = std::min(next_frame_within_, staff_.seconds_until_lock(now));
  last_frame_at_ = now;
  staff_.frame_drawn(now);
  after_frame(now);
}

// A USB scanner (or a keyboard) typing a code at the redeem screen is staff at work just like
// a touch: it keeps staff mode from locking itself. The platform passes keys on only to screens
// that take typing, so any character, Enter or Backspace that arrives counts.
void Kiosk::notice_typing(const ImGuiIO& io, double now) {
  const auto key_down = [&io](ImGuiKey key) {
    const int index = io.KeyMap[key];
    return index >= 0 && index < static_cast<int>(IM_ARRAYSIZE(io.KeysDown)) && io.KeysDown[index];
  };
  const bool typed = !io.InputQueueCharacters.empty() || key_down(ImGuiKey_Enter) || key_down(ImGuiKey_KeyPadEnter) ||
                     key_down(ImGuiKey_Backspace);
  if (typed) staff_.touched(now);
}
void Kiosk::after_frame(double now) {
  const std::string route = router_.current_route();
  // Staff actions log themselves, and the touch that wakes the attract screen is the session's
  // start: neither is a visitor's interaction (counting the wake would make every session
  // look engaged).
  const bool counts = is_visitor_route(route);
  for (std::string& id : taps_.take_accepted()) {
    if (!counts) continue;
    Event tap;
    tap.type = EventType::Tap;
    tap.screen = route;
    tap.target = std::move(id);
    log(std::move(tap));
  }
  // The new screen is drawn at once, whatever changed it: a tap, a timer, or a result that
  // arrived from another thread (a PIN check) while no finger was on the glass.
  if (apply_navigation(now)) next_frame_within_ = 0;
  if (log_targets_ && settled()) log_targets_once();
  steer_atlas_warmer(ImGui::GetIO());
}

bool Kiosk::apply_navigation(double now) {
  if (!router_.apply_pending()) return false;
  touch_.guard_taps(now);
  on_screen_changed();
  return true;
}

// Logged once the layout is final, and again whenever a target appears, goes or moves (a new
// question on the same screen), so that a script taps where things really are.
void Kiosk::log_targets_once() {
  std::vector<std::string> lines;
  for (const TapTarget& target : taps_.all()) {
    const ImVec2 c = target.center();
    lines.push_back("target " + target.id + " " + std::to_string(static_cast<int>(c.x)) + " " + std::to_string(static_cast<int>(c.y)));
    if (target.surface)  // a script draws on it (the 手写 pad): where it begins and ends
      lines.push_back("area " + target.id + " " + std::to_string(static_cast<int>(target.min.x)) + " " + std::to_string(static_cast<int>(target.min.y)) +
                      " " + std::to_string(static_cast<int>(target.max.x)) + " " + std::to_string(static_cast<int>(target.max.y)));
  }
  if (auto quiz_line = shown_question_line()) lines.push_back(std::move(*quiz_line));
  std::string key = router_.current_route();
  for (const std::string& line : lines) key += "\n" + line;
  if (key == targets_logged_for_) return;
  targets_logged_for_ = std::move(key);
  log_line("targets " + router_.current_route() + " " + std::to_string(lines.size()));
  for (const std::string& line : lines) log_line(line);
}

// For scripts that play the quiz as a visitor who knows the answers (the soak reads the bank):
// the question on screen and which of its options each shown option is.
std::optional<std::string> Kiosk::shown_question_line() {
  if (!quiz_ || router_.current_route() != "quiz/question") return std::nullopt;
  const QuizRound* round = quiz_->round();
  if (!round || round->finished() || round->current().answered()) return std::nullopt;
  const QuizAnswer& shown = round->current();
  std::string line = "question " + shown.question->id;
  for (std::size_t i = 0; i < shown.order.size(); ++i) line += (i == 0 ? " " : ",") + std::to_string(shown.order[i]);
  return line;
}

void Kiosk::on_screen_changed() {
  // Another screen, Back, Home, the idle reset, 结束使用, a content reload: the voice stops at once.
  read_aloud_.stop(frame_now_);
  settle_.arm();
  follow_glyph_focus();
  const std::string route = router_.current_route();
  log_line("screen " + route);
  if (route == "attract") {
    set_large_text(false);  // the next visitor starts afresh
    chrome_.forget_visitor();
    quiz_->end_session();
    return;
  }
  // 大字 is the visitor's choice, and the staff screens have no switch for it: the PIN keypad
  // and what follows are drawn at their own size, whatever the last visitor chose.
  if (route.starts_with("staff/")) set_large_text(false);
  Event view;
  view.type = EventType::ScreenView;
  view.screen = route;
  if (const Screen* screen = router_.current()) screen->describe(view);
  log(std::move(view));
}

void Kiosk::set_large_text(bool large) {
  if (large == large_text_) return;
  large_text_ = large;
  // The 大字 bakes are made on first use and dropped when the next visitor starts.
  if (large != fonts_.has_large_text()) glyphs_changed_ = true;
  Event change;
  change.type = EventType::TextSize;
  change.value = large ? 1 : 0;
  log(std::move(change));
}

bool Kiosk::wants_text_input() const {
  const Screen* screen = router_.current();
  return screen && screen->wants_text_input();
}

constexpr double kStagedContentCheckSeconds = 5.0;

// How often the desk looks at the booth (its calls, questions and devices) in its own database.
constexpr double kBoothRefreshSeconds = 2.0;

void Kiosk::refresh_booth_view(double now) {
  if (!desk_linked() || now < next_booth_refresh_at_) return;
  next_booth_refresh_at_ = now + kBoothRefreshSeconds;
  staff_.service().booth().refresh();
}

// The uplink changed this device's share of the booth's stock (a grant, a give-back): the quiz
// reads it again, so that its count stays the current one also once the hub is away.
void Kiosk::follow_prize_share() {
  if (!booth_stock_ || !booth_link_ || quiz_->busy()) return;
  const std::int64_t held = booth_link_().prizes_held;
  if (held == uplink_prizes_held_) return;
  uplink_prizes_held_ = held;
  quiz_->refresh_stock();
}

// The desk's content switches in between visitors only: at the attract screen, outside staff
// mode, through the same validated reload as 重新载入内容.
void Kiosk::switch_to_staged_content() {
  if (!take_staged_content_ || router_.current_route() != "attract" || staff_.staff_mode() || staff_.service().reloading()) return;
  if (auto staged = take_staged_content_()) staff_.service().reload_content_from(staged->content_dir, staged->quiz_file);
}

std::vector<StaffCall> Kiosk::open_staff_calls() const {
  if (!desk_linked()) return {};
  const auto view = staff_.service().booth().view();
  return view ? view->calls : std::vector<StaffCall>{};
}

void Kiosk::handle_staff_call(const StaffCall& call) { staff_.service().booth().handle_call(call); }

void Kiosk::announce(std::string_view text) {
  if (!speech_ || !speech_->available() || read_aloud_.reading_any()) return;
  speech_->speak({std::string(text)});
}

double Kiosk::seconds_until_next_frame(double now) const {
  double due = std::max(0.0, last_frame_at_ + next_frame_within_ - now);
  if (desk_linked()) due = std::min(due, std::max(0.0, next_booth_refresh_at_ - now));
  // A kiosk linked to the hub looks now and then whether the desk's content has arrived.
  if (take_staged_content_) due = std::min(due, std::max(0.0, last_frame_at_ + kStagedContentCheckSeconds - now));
  return std::min(due, std::max(0.0, sessions_.next_deadline() - now));
}

}  // namespace openday::ui
