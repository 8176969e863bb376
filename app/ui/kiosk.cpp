#include "ui/kiosk.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <random>

#include "core/log.h"
#include "core/ui_text.h"
#include "ui/frame_settle.h"
#include "ui/routes.h"
#include "ui/screen_context.h"
#include "ui/text_layout.h"
#include "ui/widgets.h"

namespace openday::ui {
namespace {

constexpr ImGuiWindowFlags kFullscreenFlags =
    ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
    ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoScrollWithMouse;

}  // namespace

Kiosk::Kiosk(KioskSetup setup, EventSink& sink, DurableStore& store)
    : config_(std::move(setup.config)),
      content_(std::move(setup.content)),
      event_(effective_event(content_->event, config_)),
      font_sources_(std::move(setup.fonts)),
      // Staff screens open only in staff mode (the PIN keypad is the way in).
      router_([this](const std::string& route) -> std::unique_ptr<Screen> {
        if (route.rfind("staff/", 0) == 0 && route != "staff/pin" && !staff_mode_) return nullptr;
        return make_screen(route, *content_);
      }),
      sink_(sink),
      sessions_(sink, config_.idle_timeout_seconds, config_.idle_warning_seconds),
      quiz_bank_(std::move(setup.quiz)),
      store_(store),
      staff_(std::make_unique<StaffService>(setup.staff_paths, config_, store, std::move(setup.health))) {
  make_quiz_service();
  staff_->set_content({content_, quiz_bank_});
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // a kiosk keeps no window layout between runs
  io.LogFilename = nullptr;
  io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
  collect_glyph_texts();
  log_targets_ = setup.log_targets;
  const std::string& last = setup.initial_stack.back();
  staff_mode_ = last.rfind("staff/", 0) == 0 && last != "staff/pin";  // opened with --screen
  router_.reset_to(setup.initial_stack);
  router_.apply_pending();
}

void Kiosk::make_quiz_service() {
  quiz_ = std::make_unique<QuizService>(*quiz_bank_, QuizSettings{config_.questions_per_round, config_.pass_min_correct, config_.initial_stock},
                                        sink_, store_, std::random_device{}());
  quiz_->refresh_stock();
}

void Kiosk::enter_staff_mode() {
  staff_mode_ = true;
  staff_last_touch_ = last_frame_at_;
  router_.reset_to({"staff/dashboard"});
}

void Kiosk::leave_staff_mode() {
  staff_mode_ = false;
  router_.reset_to({"attract"});
  quiz_->refresh_stock();  // staff may have restocked: the quiz must not say 奖品已发完
}

bool Kiosk::in_staff_corner(ImVec2 position) const {
  const float corner = kStaffCornerDesignPx * metrics_.unit;
  return position.x >= 0 && position.x < corner && position.y > ImGui::GetIO().DisplaySize.y - corner;
}

void Kiosk::collect_glyph_texts() {
  glyph_texts_ = glyph_texts_for_ui_table();
  glyph_texts_.add(TextStyle::Heading, event_.county);
  glyph_texts_.add_hero(event_.title);
  glyph_texts_.add(TextStyle::Heading, content_->heading_texts());
  glyph_texts_.add(TextStyle::Body, content_->body_texts());
  glyph_texts_.add(TextStyle::Heading, quiz_bank_->heading_texts());
  glyph_texts_.add(TextStyle::Body, quiz_bank_->body_texts());
  glyph_texts_.add(TextStyle::Heading, config_.prize_name);
  glyph_texts_.add(TextStyle::Body, config_.prize_description);
  glyphs_changed_ = true;
}

void Kiosk::replace_content(ContentBundle bundle) {
  // Visitor screens and the quiz hold references into the old content: they go before it does.
  const bool staff_screen = staff_mode_ && router_.current_route().rfind("staff/", 0) == 0;
  router_.reset_to({staff_screen ? router_.current_route() : std::string("attract")});
  router_.apply_pending();
  if (sessions_.phase() != SessionPhase::None) sessions_.end_done(last_frame_at_);
  content_ = std::move(bundle.content);
  quiz_bank_ = std::move(bundle.quiz);
  make_quiz_service();
  staff_->set_content({content_, quiz_bank_});
  event_ = effective_event(content_->event, config_);
  collect_glyph_texts();
  on_screen_changed();
}

ScreenContext Kiosk::context(double now, bool large_text, Rect area) {
  const ScreenContext::Shared shared{config_, *content_, event_, metrics_, fonts_, router_, taps_, sessions_, sink_, *quiz_, *this};
  return ScreenContext(shared, now, large_text, area);
}

bool Kiosk::fonts_outdated() const {
  const ImVec2 size = ImGui::GetIO().DisplaySize;
  return glyphs_changed_ || !fonts_.built() || size.x != fonts_built_for_.x || size.y != fonts_built_for_.y;
}

bool Kiosk::rebuild_fonts(std::string& error) {
  ImGuiIO& io = ImGui::GetIO();
  metrics_ = metrics_for_display(io.DisplaySize);
  if (!fonts_.build(*io.Fonts, font_sources_, metrics_, glyph_texts_, error)) return false;
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
  const bool down = io.MouseDown[0];
  const bool new_press = down && !mouse_was_down_;
  // A press that answers "还在使用吗？" only answers it: it must not also press what is beneath.
  if (new_press && sessions_.phase() == SessionPhase::Warning) swallowing_press_ = true;
  if (new_press) sessions_.touch(now);
  if (down || mouse_was_down_) staff_last_touch_ = now;

  // The hidden staff entrance: held long enough in the corner, the press opens the PIN keypad
  // and is swallowed, so that whatever lies under the corner does not fire.
  if (new_press && in_staff_corner(io.MousePos)) corner_press_since_ = now;
  if (!down || !in_staff_corner(io.MousePos)) corner_press_since_.reset();
  if (corner_press_since_ && now - *corner_press_since_ >= kStaffPressSeconds && !staff_mode_) {
    corner_press_since_.reset();
    swallowing_press_ = true;
    if (sessions_.phase() != SessionPhase::None) sessions_.end_done(now);
    router_.reset_to({"staff/pin"});
  }

  // The tap guard swallows presses that begin while it runs, until their release.
  if (new_press && now < tap_guard_until_) swallowing_press_ = true;
  const bool guarded = swallowing_press_;
  if (!down) swallowing_press_ = false;

  // A touchscreen leaves the pointer where the finger lifted; without this the element under
  // it would look hovered until the next touch (ImGui issue #2074).
  const bool finger_present = down || mouse_was_down_;
  mouse_was_down_ = down;
  if (guarded || !finger_present) {
    for (bool& button : io.MouseDown) button = false;
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
  }
}

void Kiosk::frame(double now) {
  ImGuiIO& io = ImGui::GetIO();
  if (!started_) {
    started_ = true;
    staff_last_touch_ = now;  // the staff idle clock starts with the first frame too
    const std::string route = router_.current_route();
    if (route != "attract" && route.rfind("staff/", 0) != 0) sessions_.wake(now);  // a visitor screen opened with --screen
    on_screen_changed();
  }
  notice_input(io);
  filter_touch_input(io, now);
  // Timers first, so that this frame already shows the idle question or the attract screen.
  if (sessions_.update(now)) router_.reset_to({"attract"});
  if (staff_mode_ && now - staff_last_touch_ >= kStaffIdleSeconds) leave_staff_mode();
  if (router_.current_route() == "staff/pin" && now - staff_last_touch_ >= kStaffIdleSeconds) router_.reset_to({"attract"});
  const bool quiz_busy = quiz_->poll();
  const bool staff_busy = staff_->poll();
  // Work finished on another thread (a voucher commit, a report, a PIN check, an export): this
  // frame shows its result, and the frames after it until the layout is final.
  if (was_busy_ && !quiz_busy && !staff_busy) settle_.arm();
  if (auto reloaded = staff_->take_reloaded()) replace_content(std::move(*reloaded));
  apply_navigation(now);
  ImGui::NewFrame();
  taps_.begin_frame();

  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(io.DisplaySize);
  ImGui::Begin("##kiosk", nullptr, kFullscreenFlags);
  Screen* screen = router_.current();
  Rect content{ImVec2(0, 0), io.DisplaySize};
  const bool asking_idle_question = sessions_.phase() == SessionPhase::Warning;
  ImGui::BeginDisabled(asking_idle_question);
  if (screen && screen->has_top_bar()) {
    draw_top_bar(now, metrics_.top_bar_height);
    content.min.y += metrics_.top_bar_height;
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
  if (asking_idle_question) draw_idle_question(now);
  ImGui::Render();

  next_frame_within_ = ctx.next_frame_within();
  if (screen && screen->animation_interval_seconds() > 0)
    next_frame_within_ = std::min(next_frame_within_, screen->animation_interval_seconds());
  if (sessions_.phase() == SessionPhase::Warning) next_frame_within_ = std::min(next_frame_within_, 0.25);  // the countdown
  // A commit or a report is running (perhaps started by this very frame): look for its result
  // often, until it arrives.
  was_busy_ = quiz_->busy() || staff_->busy();
  if (was_busy_) next_frame_within_ = std::min(next_frame_within_, 0.05);
  const bool animating = screen && screen->animation_interval_seconds() > 0;
  const bool pending = scroll_request_pending() || router_.has_pending();
  if (settle_.needs_another_frame(draw_data_signature(*ImGui::GetDrawData()), pending, animating)) next_frame_within_ = 0;
  if (corner_press_since_) next_frame_within_ = std::min(next_frame_within_, 0.1);      // the staff press is being held
  if (staff_mode_ || router_.current_route() == "staff/pin")
    next_frame_within_ = std::min(next_frame_within_, std::max(0.0, staff_last_touch_ + kStaffIdleSeconds - now));
  last_frame_at_ = now;
  after_frame(now);
}

// Anything the finger does (lands, moves, lifts) changes what is drawn: draw until it settles.
void Kiosk::notice_input(const ImGuiIO& io) {
  const bool down = io.MouseDown[0];
  const bool moved = io.MousePos.x != last_raw_pointer_.x || io.MousePos.y != last_raw_pointer_.y;
  if (down != last_raw_down_ || (moved && (down || last_raw_down_)) || io.MouseWheel != 0 || io.MouseWheelH != 0) settle_.arm();
  last_raw_down_ = down;
  last_raw_pointer_ = io.MousePos;
}

void Kiosk::after_frame(double now) {
  const std::string route = router_.current_route();
  // Staff actions log themselves, and the touch that wakes the attract screen is the session's
  // start: neither is a visitor's interaction (counting the wake would make every session
  // look engaged).
  const bool counts = route.rfind("staff/", 0) != 0 && route != "attract";
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
}

bool Kiosk::apply_navigation(double now) {
  if (!router_.apply_pending()) return false;
  tap_guard_until_ = now + kTapGuardSeconds;
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
  }
  std::string key = router_.current_route();
  for (const std::string& line : lines) key += "\n" + line;
  if (key == targets_logged_for_) return;
  targets_logged_for_ = std::move(key);
  log_line("targets " + router_.current_route() + " " + std::to_string(lines.size()));
  for (const std::string& line : lines) log_line(line);
}

void Kiosk::on_screen_changed() {
  settle_.arm();
  const std::string route = router_.current_route();
  log_line("screen " + route);
  if (route == "attract") {
    set_large_text(false);  // the next visitor starts afresh
    quiz_->end_session();
    return;
  }
  Event view;
  view.type = EventType::ScreenView;
  view.screen = route;
  if (const Screen* screen = router_.current()) screen->describe(view);
  log(std::move(view));
}

void Kiosk::set_large_text(bool large) {
  if (large == large_text_) return;
  large_text_ = large;
  Event change;
  change.type = EventType::TextSize;
  change.value = large ? 1 : 0;
  log(std::move(change));
}

void Kiosk::draw_top_bar(double now, float height) {
  const Metrics& m = metrics_;
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  ImDrawList& draw = *ImGui::GetWindowDrawList();
  draw.AddRectFilled(ImVec2(0, 0), ImVec2(display.x, height), colors::kSurface);
  draw.AddRectFilled(ImVec2(0, height - std::round(4 * m.unit)), ImVec2(display.x, height), colors::kAccent);

  const float inset = std::round(14 * m.unit);
  const float button_height = height - 2 * inset;
  const float top = inset - std::round(2 * m.unit);
  // The bar keeps its size and places in large-text mode: Back and Home never move.
  ScreenContext ctx = context(now, false, Rect{ImVec2(0, 0), ImVec2(display.x, height)});
  const ImVec2 nav_size(std::round(200 * m.unit), button_height);
  float left = m.margin * 0.5f;
  if (router_.can_go_back()) {
    if (big_button(ctx, {"topbar.back", ImVec2(left, top), nav_size, tr(Text::Back), ButtonKind::Secondary})) router_.back();
    left += nav_size.x + m.gap;
    if (!staff_mode_) {
      if (big_button(ctx, {"topbar.home", ImVec2(left, top), nav_size, tr(Text::Home), ButtonKind::Secondary})) router_.home();
      left += nav_size.x + m.gap;
    }
  }
  float right = display.x - m.margin * 0.5f;
  const ImVec2 end_size(std::round(260 * m.unit), button_height);
  right -= end_size.x;
  if (router_.current_route().rfind("staff/", 0) == 0) {
    // Staff screens: no visitor buttons, one way back to the kiosk.
    if (big_button(ctx, {"topbar.staff_leave", ImVec2(right, top), end_size, tr(Text::StaffLeave), ButtonKind::Secondary})) leave_staff_mode();
    draw_title(draw, m, display, height, left, right);
    return;
  }
  if (big_button(ctx, {"topbar.end_session", ImVec2(right, top), end_size, tr(Text::EndSession), ButtonKind::Secondary})) {
    sessions_.end_done(now);
    router_.reset_to({"attract"});
  }
  const ImVec2 toggle_size(std::round(200 * m.unit), button_height);
  right -= m.gap + toggle_size.x;
  if (big_button(ctx, {"topbar.large_text", ImVec2(right, top), toggle_size,
                       tr(large_text_ ? Text::LargeTextOff : Text::LargeTextOn),
                       large_text_ ? ButtonKind::Primary : ButtonKind::Secondary}))
    set_large_text(!large_text_);

  draw_title(draw, m, display, height, left, right);
}

void Kiosk::draw_title(ImDrawList& draw, const Metrics& m, ImVec2 display, float height, float left, float right) {
  const Screen* screen = router_.current();
  const std::string title = screen ? screen->title() : std::string();
  if (title.empty()) return;
  const ImFont& font = *fonts_.font(FontRole::Heading, false);
  const ImVec2 size = font.CalcTextSizeA(font.FontSize, FLT_MAX, 0, title.c_str());
  const float space_left = left, space_right = right - m.gap;
  float x = (display.x - size.x) * 0.5f;
  if (x < space_left || x + size.x > space_right) x = space_left;  // no room to centre: start after the buttons
  if (x + size.x > space_right) return;  // a narrow screen: the buttons matter more than the title
  draw.AddText(&font, font.FontSize, ImVec2(x, (height - size.y) * 0.5f), colors::kText, title.c_str());
}

void Kiosk::draw_idle_question(double now) {
  const Metrics& m = metrics_;
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  // A window of its own, drawn after (so above) the screen: the dimmed page, the card, and the
  // button all belong to it.
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(display);
  ImGui::Begin("##idle_question", nullptr,
               (kFullscreenFlags & ~ImGuiWindowFlags_NoBringToFrontOnFocus) | ImGuiWindowFlags_NoBackground);
  ImDrawList& draw = *ImGui::GetWindowDrawList();
  draw.AddRectFilled(ImVec2(0, 0), display, IM_COL32(0, 0, 0, 150));
  const ImVec2 card(std::min(display.x - 2 * m.margin, 1100 * m.unit), 620 * m.unit);
  const ImVec2 min((display.x - card.x) * 0.5f, (display.y - card.y) * 0.5f);
  draw.AddRectFilled(min, ImVec2(min.x + card.x, min.y + card.y), colors::kSurface, m.corner);

  ScreenContext ctx = context(now, large_text_, Rect{min, ImVec2(min.x + card.x, min.y + card.y)});
  const float inner = card.x - 2 * m.margin;
  float y = min.y + m.margin;
  const ImFont& display_font = *fonts_.font(FontRole::Display, false);
  y += draw_wrapped_text(draw, display_font, display_font.FontSize, ImVec2(min.x + m.margin, y), colors::kText,
                         tr(Text::IdleQuestion), inner, Align::Center);
  y += m.gap;
  const int seconds_left = static_cast<int>(std::ceil(sessions_.warning_seconds_left(now)));
  const ImFont& heading = *fonts_.font(FontRole::Heading, large_text_);
  y += draw_wrapped_text(draw, heading, heading.FontSize, ImVec2(min.x + m.margin, y), colors::kTextMuted,
                         fill_text(Text::IdleCountdownFormat, {std::to_string(seconds_left)}), inner, Align::Center);
  y += m.gap * 1.5f;
  // Any touch answers the question (VisitorSessions::touch); the button says so plainly.
  big_button(ctx, {"idle.continue", ImVec2(min.x + m.margin, y), ImVec2(inner, min.y + card.y - m.margin - y),
                   tr(Text::IdleContinue), ButtonKind::Primary, FontRole::Display});
  ImGui::End();
}

double Kiosk::seconds_until_next_frame(double now) const {
  double due = std::max(0.0, last_frame_at_ + next_frame_within_ - now);
  return std::min(due, std::max(0.0, sessions_.next_deadline() - now));
}

}  // namespace openday::ui
