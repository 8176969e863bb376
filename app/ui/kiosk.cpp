#include "ui/kiosk.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <random>

#include "core/util/log.h"
#include "core/reports/report.h"
#include "core/util/utf8.h"
#include "core/content/ui_text.h"
#include "ui/frame_settle.h"
#include "ui/route_registry.h"
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
        if (is_staff_only_route(route) && !staff_mode_) return nullptr;
        // The desk role never shows a citizen's screen: only the PIN keypad and staff screens.
        if (desk_role() && !is_staff_route(route)) return nullptr;
        return make_screen(route, *content_);
      }),
      sink_(sink),
      sessions_(sink, config_.idle_timeout_seconds, config_.idle_warning_seconds),
      quiz_bank_(std::move(setup.quiz)),
      store_(store),
      staff_(std::make_unique<StaffService>(setup.staff_paths, config_, store, std::move(setup.health))),
      read_aloud_(setup.speech, [this](Event event) { sink_.log(std::move(event)); }) {
  atlas_cache_ = AtlasCache(setup.atlas_cache_dir);
  max_texture_size_ = setup.max_texture_size;
  make_quiz_service();
  staff_->set_content({content_, quiz_bank_});
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // a kiosk keeps no window layout between runs
  io.LogFilename = nullptr;
  io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
  set_text_helpers(&text_helpers_);
  collect_glyph_texts();
  log_targets_ = setup.log_targets;
  const std::string last = setup.initial_stack.back();
  staff_mode_ = is_staff_only_route(last);  // opened with --screen
  // The desk role starts behind the PIN unless --screen opened a staff screen.
  if (desk_role() && !is_staff_route(last)) setup.initial_stack = {"staff/pin"};
  router_.reset_to(setup.initial_stack);
  router_.apply_pending();
  follow_glyph_focus();
}

Kiosk::~Kiosk() {
  if (text_helpers() == &text_helpers_) set_text_helpers(nullptr);
}

void Kiosk::make_quiz_service() {
  quiz_ = std::make_unique<QuizService>(*quiz_bank_, QuizSettings{config_.questions_per_round, config_.pass_min_correct, config_.initial_stock},
                                        sink_, store_, std::random_device{}());
  quiz_->refresh_stock();
}

void Kiosk::enter_staff_mode() {
  staff_mode_ = true;
  staff_last_touch_ = last_frame_at_;
  // The desk opens straight into the tally; Back leads to the dashboard (export, stock ...).
  if (desk_role()) router_.reset_to({"staff/dashboard", "staff/tally"});
  else router_.reset_to({"staff/dashboard"});
}

void Kiosk::run_doctor() {
  DoctorSurroundings surroundings;
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  surroundings.display.width = static_cast<int>(display.x);
  surroundings.display.height = static_cast<int>(display.y);
  const FontFace& face = font_sources_.regular;
  if (face.file.empty()) surroundings.font_error = "no font loaded";
  else surroundings.font_description = face.family + " (" + face.file.string() + ")";
  staff_->run_doctor(std::move(surroundings));
}

void Kiosk::leave_staff_mode() {
  staff_mode_ = false;
  router_.reset_to({rest_route()});
  quiz_->refresh_stock();  // staff may have restocked: the quiz must not say 奖品已发完
}

bool Kiosk::in_staff_corner(ImVec2 position) const {
  const float corner = kStaffCornerDesignPx * metrics_.unit;
  return position.x >= 0 && position.x < corner && position.y > ImGui::GetIO().DisplaySize.y - corner;
}

// The glyph sets follow the code that draws, in two steps. First, every text is declared with
// the largest style a screen draws it in: the UI table's entries (ui_text.cpp), the content's
// and the quiz bank's fields (Content/QuizBank::for_each_text), the booth config, and the
// summary paragraph, whose fixed words live in summary_text() (so a sample report is run
// through it). Only names and headings go into the heading bakes and only the few largest
// words into display and hero, which keeps the atlas small as content grows. Second, the text
// helpers check each text against the face they actually draw it with (TextAudit); a character
// that slipped through is learned here, the atlas is rebuilt before the next frame, and it is
// logged once per text with its source. The UI tests walk every screen and require the first
// step alone to be enough.
namespace {

// The department a content text belongs to, from its source ("departments/ID.json $.duties...");
// empty for texts every screen may draw: the event's, and each department's name and short name
// (the department cards, the quiz's look-up buttons and the staff charts show them).
std::string_view department_of_text(std::string_view source) {
  constexpr std::string_view prefix = "departments/", suffix = ".json $";
  if (source.rfind(prefix, 0) != 0) return {};
  const std::size_t end = source.find(suffix);
  if (end == std::string_view::npos) return {};
  const std::string_view field = source.substr(end + suffix.size());
  if (field == ".name" || field == ".short_name") return {};
  return source.substr(prefix.size(), end - prefix.size());
}

}  // namespace

void Kiosk::collect_glyph_texts() {
  GlyphTexts& shared = shared_glyph_texts_;
  shared = glyph_texts_for_ui_table();
  department_glyph_texts_.clear();
  shared.add(TextStyle::Heading, event_.county);
  shared.add_hero(event_.title);
  // Texts come department by department: the map is looked up once per department, not per text.
  std::string_view current_department;
  GlyphTexts* current_texts = nullptr;
  content_->for_each_text([&](TextStyle style, std::string_view text, const std::string& source) {
    const std::string_view department = department_of_text(source);
    if (department.empty()) {
      shared.add(style, text);
      return;
    }
    if (!current_texts || department != current_department) {
      const auto [entry, added] = department_glyph_texts_.try_emplace(std::string(department));
      current_department = entry->first;
      current_texts = &entry->second;
    }
    current_texts->add(style, text);
  });
  quiz_bank_->for_each_text([&shared](TextStyle style, std::string_view text, const std::string&) { shared.add(style, text); });
  shared.add(TextStyle::Heading, config_.prize_name);
  shared.add(TextStyle::Body, config_.prize_description);
  shared.add(TextStyle::Heading, config_.prize_desk);
  // The staff dashboard and the export screen draw the summary paragraph in body text.
  // Its words depend on the counts: a busy sample and an empty day say every fixed word.
  Report sample;
  sample.days = {DailyRow{"2026-05-15"}, DailyRow{"2026-05-16"}};
  sample.total.sessions = sample.total.quiz_attempts = 1;
  sample.departments.push_back(DepartmentRow{});
  QuestionRow question;
  question.answers = 1;
  sample.questions.push_back(question);
  sample.voice.questions_asked = sample.voice.ratings[4] = 1;  // the sentence on the citizen's voice (issue 15)
  // The desk's 基本情况 (issue 12): every fact and tally clause, a rounded figure among them.
  sample.tally.by_kind.fill(1234);
  sample.tally.facts.fill(1);
  shared.add(TextStyle::Body, summary_text(sample, event_.county));
  Report empty_day;
  empty_day.from = empty_day.to = "2026-05-15";
  empty_day.total.vouchers_redeemed = 1;
  shared.add(TextStyle::Body, summary_text(empty_day, event_.county));
  compose_glyph_texts();
}

// The atlas holds what the screen can show, not the whole content: the shared texts, the
// texts of the department the visitor is in (its tabs and its items), and what was learned.
namespace {
// The glyph focus of the screens that list items of every department (not a department id: ids have no '@').
constexpr std::string_view kEveryItemName = "@every-item-name";
}  // namespace

void Kiosk::compose_glyph_texts() {
  glyph_texts_ = shared_glyph_texts_;
  if (const auto found = department_glyph_texts_.find(glyph_focus_); found != department_glyph_texts_.end())
    glyph_texts_.add_all(found->second);
  // The search results and a topic's list name items of every department (issue 14), with their
  // department and keywords, in the body face.
  if (glyph_focus_ == kEveryItemName) {
    std::string names;
    for (const Department& department : content_->departments) {
      names += department.short_name + "\n";
      for (const ApprovalItem& item : department.approval_items) {
        names += item.name + "\n";
        for (const std::string& keyword : item.keywords) names += keyword + "\n";
      }
    }
    glyph_texts_.add_for_role(FontRole::Body, names);
  }
  for (FontRole role : {FontRole::Body, FontRole::Heading, FontRole::Display, FontRole::Hero})
    glyph_texts_.add_for_role(role, learned_glyphs_[static_cast<std::size_t>(role)]);
  glyphs_changed_ = true;
}

std::string Kiosk::department_shown(const std::string& route) const {
  const auto starts = [&route](std::string_view prefix) { return route.rfind(prefix, 0) == 0; };
  if (starts("department/")) {
    const std::string rest = route.substr(std::string_view("department/").size());
    return rest.substr(0, rest.find('/'));
  }
  if (starts("faq/") || starts("ask/")) {  // 常见问题 and 我要问 (ask/general is no department)
    const std::string rest = route.substr(4);
    return rest.substr(0, rest.find('/'));
  }
  if (starts("item/")) {
    const auto [department, item] = content_->approval_item(std::string_view(route).substr(std::string_view("item/").size()));
    if (department) return department->id;
  }
  if (route == "search" || starts("topic/")) return std::string(kEveryItemName);
  return {};
}

void Kiosk::follow_glyph_focus() {
  std::string focus = department_shown(router_.upcoming_route());
  if (focus == glyph_focus_) return;
  glyph_focus_ = std::move(focus);
  compose_glyph_texts();  // the platform rebuilds the atlas before the next frame
}

void Kiosk::learn_missing_glyphs() {
  for (const GlyphMiss& miss : text_audit_.take_misses()) {
    const std::optional<FontRole> role = fonts_.role_of(miss.font);
    if (!role) continue;
    std::string& learned = learned_glyphs_[static_cast<std::size_t>(*role)];
    std::string added;
    for (std::size_t pos = 0; pos < miss.missing.size();) {
      char32_t c = 0;
      const std::size_t length = std::max<std::size_t>(1, decode_code_point(miss.missing, pos, c));
      const std::string one = miss.missing.substr(pos, length);
      if (learned.find(one) == std::string::npos) added += one;
      pos += length;
    }
    if (!added.empty()) {
      learned += added;
      glyph_texts_.add_for_role(*role, added);
      glyphs_changed_ = true;  // the platform rebuilds the atlas before the next frame
      next_frame_within_ = 0;
    }
    if (fallbacks_logged_.count(miss.text)) continue;
    static constexpr const char* kRoleNames[] = {"body", "heading", "display", "hero"};
    std::string line = "fallback glyph: " + text_source(miss.text, miss.missing) + " drew \"" + miss.missing + "\" in the " +
                       kRoleNames[static_cast<std::size_t>(*role)] + " face, which lacked them; baking them now";
    log_line(line);
    fallbacks_logged_.emplace(miss.text, std::move(line));
  }
}

namespace {

// Whether a UI string (with its {0} placeholders) could have produced drawn: every literal
// piece of it appears there.
bool ui_string_matches(std::string_view entry, std::string_view drawn) {
  bool any_piece = false;
  while (!entry.empty()) {
    const std::size_t open = entry.find('{');
    const std::string_view piece = entry.substr(0, open);
    if (!piece.empty()) {
      if (drawn.find(piece) == std::string_view::npos) return false;
      any_piece = true;
    }
    if (open == std::string_view::npos) break;
    const std::size_t close = entry.find('}', open);
    if (close == std::string_view::npos) break;
    entry.remove_prefix(close + 1);
  }
  return any_piece;
}

bool contains_any(std::string_view text, std::string_view characters_utf8) {
  for (std::size_t pos = 0; pos < characters_utf8.size();) {
    char32_t c = 0;
    const std::size_t length = std::max<std::size_t>(1, decode_code_point(characters_utf8, pos, c));
    if (text.find(characters_utf8.substr(pos, length)) != std::string_view::npos) return true;
    pos += length;
  }
  return false;
}

}  // namespace

// Where a drawn text came from, for the log: the UI string's key, the content file and JSON
// path, the config key; the text itself when nothing matches (a message made at run time).
std::string Kiosk::text_source(std::string_view drawn, std::string_view missing) const {
  std::string found;
  const auto consider = [&](TextStyle, std::string_view text, const std::string& source) {
    if (!found.empty() || text.empty() || !contains_any(text, missing)) return;
    if (drawn.find(text) != std::string_view::npos || text.find(drawn) != std::string_view::npos) found = source;
  };
  content_->for_each_text(consider);
  quiz_bank_->for_each_text(consider);
  consider(TextStyle::Heading, config_.prize_name, "config [quiz] prize_name");
  consider(TextStyle::Body, config_.prize_description, "config [quiz] prize_description");
  consider(TextStyle::Heading, event_.title, "the event title (event.json or config)");
  consider(TextStyle::Heading, event_.county, "the county (event.json or config)");
  if (!found.empty()) return found;
  for (const TextEntry& entry : all_texts())
    if (contains_any(entry.zh, missing) && ui_string_matches(entry.zh, drawn)) return "UI string " + std::string(entry.key);
  std::size_t quoted = std::min<std::size_t>(drawn.size(), 90);
  while (quoted < drawn.size() && (static_cast<unsigned char>(drawn[quoted]) & 0xC0) == 0x80) --quoted;  // whole characters only
  return "text \"" + std::string(drawn.substr(0, quoted)) + (quoted < drawn.size() ? "…" : "") + "\"";
}

void Kiosk::replace_content(ContentBundle bundle) {
  // Visitor screens and the quiz hold references into the old content: they go before it does.
  const bool staff_screen = staff_mode_ && is_staff_route(router_.current_route());
  router_.reset_to({staff_screen ? router_.current_route() : rest_route()});
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
  const ScreenContext::Shared shared{config_, *content_, event_, metrics_, fonts_, router_, taps_, sessions_, sink_, *quiz_, *this,
                                     read_aloud_};
  return ScreenContext(shared, now, large_text, area);
}

bool Kiosk::fonts_outdated() const {
  const ImVec2 size = ImGui::GetIO().DisplaySize;
  return glyphs_changed_ || !fonts_.built() || size.x != fonts_built_for_.x || size.y != fonts_built_for_.y ||
         department_shown(router_.upcoming_route()) != glyph_focus_;
}

bool Kiosk::rebuild_fonts(std::string& error) {
  follow_glyph_focus();  // a screen requested but not yet shown brings its texts now
  ImGuiIO& io = ImGui::GetIO();
  metrics_ = metrics_for_display(io.DisplaySize);
  wrap_cache_.clear();  // the faces (and their advances) change
  const AtlasOptions options{max_texture_size_, large_text_, atlas_cache_.enabled() ? &atlas_cache_ : nullptr};
  if (!fonts_.build(*io.Fonts, font_sources_, metrics_, glyph_texts_, options, error)) return false;
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
  frame_now_ = now;
  if (!started_) {
    started_ = true;
    staff_last_touch_ = now;  // the staff idle clock starts with the first frame too
    const std::string route = router_.current_route();
    if (is_visitor_route(route)) sessions_.wake(now);  // a visitor screen opened with --screen
    on_screen_changed();
  }
  notice_input(io);
  filter_touch_input(io, now);
  notice_typing(io, now);
  // Timers first, so that this frame already shows the idle question or the attract screen.
  // Listening is use: a read-out holds off the idle question, and a finished one is logged.
  if (read_aloud_.poll(now)) sessions_.keep_alive(now);
  if (sessions_.update(now)) router_.reset_to({"attract"});
  if (staff_mode_ && now - staff_last_touch_ >= kStaffIdleSeconds) leave_staff_mode();
  if (router_.current_route() == "staff/pin" && now - staff_last_touch_ >= kStaffIdleSeconds && !desk_role()) router_.reset_to({"attract"});
  const bool quiz_busy = quiz_->poll();
  const bool staff_busy = staff_->poll();
  // Work finished on another thread (a voucher commit, a report, a PIN check, an export): this
  // frame shows its result, and the frames after it until the layout is final.
  if (was_busy_ && !quiz_busy && !staff_busy) settle_.arm();
  if (auto reloaded = staff_->take_reloaded()) replace_content(std::move(*reloaded));
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
    content.min.y += draw_top_bar(now, metrics_.top_bar_height);
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
  learn_missing_glyphs();
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
  if (read_aloud_.reading_any()) next_frame_within_ = std::min(next_frame_within_, 0.25);  // the highlight follows the voice
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
  if (typed) staff_last_touch_ = now;
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
  // Another screen, Back, Home, the idle reset, 结束使用, a content reload: the voice stops at once.
  read_aloud_.stop(frame_now_);
  settle_.arm();
  follow_glyph_focus();
  const std::string route = router_.current_route();
  log_line("screen " + route);
  if (route == "attract") {
    set_large_text(false);  // the next visitor starts afresh
    end_confirmation_open_ = end_confirmation_asked_ = false;
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
  // The 大字 bakes are made on first use and dropped when the next visitor starts.
  if (large != fonts_.has_large_text()) glyphs_changed_ = true;
  Event change;
  change.type = EventType::TextSize;
  change.value = large ? 1 : 0;
  log(std::move(change));
}

float Kiosk::draw_top_bar(double now, float height) {
  const Metrics& m = metrics_;
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  ImDrawList& draw = *ImGui::GetWindowDrawList();
  const float inset = std::round(14 * m.unit);
  const float button_height = height - 2 * inset;
  const float top = inset - std::round(2 * m.unit);
  const bool staff_route = is_staff_route(router_.current_route());
  const bool nav_buttons = router_.can_go_back();
  const bool home_button = nav_buttons && !staff_mode_;
  const ImVec2 nav_size(std::round(200 * m.unit), button_height);
  const ImVec2 end_size(std::round(260 * m.unit), button_height);
  const ImVec2 toggle_size(std::round(250 * m.unit), button_height);
  // The room the buttons leave for the title, between the left and the right groups.
  const float left = m.margin * 0.5f + (nav_buttons ? nav_size.x + m.gap : 0) + (home_button ? nav_size.x + m.gap : 0);
  const float end_x = display.x - m.margin * 0.5f - end_size.x;
  const float toggle_x = end_x - m.gap - toggle_size.x;
  const float right = staff_route ? end_x : toggle_x;

  // A title with no room beside the buttons (a portrait screen) gets a row of its own under
  // them: the visitor must always see where they are.
  const Screen* screen = router_.current();
  const std::string title = screen ? screen->title() : std::string();
  const bool title_row = !title.empty() && !title_fits(title, left, right - m.gap);
  const float accent = std::round(4 * m.unit);
  const float bar_height = title_row ? height + line_height(fonts_.font(FontRole::Heading, false)->FontSize) + inset : height;
  draw.AddRectFilled(ImVec2(0, 0), ImVec2(display.x, bar_height), colors::kSurface);
  draw.AddRectFilled(ImVec2(0, bar_height - accent), ImVec2(display.x, bar_height), colors::kAccent);

  // The bar keeps its size and places in large-text mode: Back and Home never move.
  ScreenContext ctx = context(now, false, Rect{ImVec2(0, 0), ImVec2(display.x, bar_height)});
  if (nav_buttons) {
    if (big_button(ctx, {"topbar.back", ImVec2(m.margin * 0.5f, top), nav_size, tr(Text::Back), ButtonKind::Secondary})) router_.back();
    if (home_button &&
        big_button(ctx, {"topbar.home", ImVec2(m.margin * 0.5f + nav_size.x + m.gap, top), nav_size, tr(Text::Home), ButtonKind::Secondary}))
      router_.home();
  }
  if (staff_route) {
    // Staff screens: no visitor buttons, one way back to the kiosk.
    if (big_button(ctx, {"topbar.staff_leave", ImVec2(end_x, top), end_size, tr(Text::StaffLeave), ButtonKind::Secondary})) leave_staff_mode();
  } else {
    if (big_button(ctx, {"topbar.end_session", ImVec2(end_x, top), end_size, tr(Text::EndSession), ButtonKind::Secondary}))
      request_end_session(now);
    draw_large_text_toggle(ctx, ImVec2(toggle_x, top), toggle_size);
  }
  if (title_row)
    draw_title(draw, title, Rect{ImVec2(m.margin * 0.5f, height - inset), ImVec2(display.x - m.margin * 0.5f, bar_height - accent)});
  else if (!title.empty())
    draw_title(draw, title, Rect{ImVec2(left, 0), ImVec2(right - m.gap, height)});
  if (end_confirmation_open_ && sessions_.phase() != SessionPhase::Warning) draw_end_confirmation(now);
  return bar_height;
}

// The 大字 switch: its label never changes; a badge says the state it has set, by word (开/关)
// and by shape (a filled badge with a check mark, or an empty outline), not by colour alone.
void Kiosk::draw_large_text_toggle(ScreenContext& ctx, ImVec2 pos, ImVec2 size) {
  const Metrics& m = metrics_;
  const std::string_view state = tr(large_text_ ? Text::LargeTextStateOn : Text::LargeTextStateOff);
  const std::string_view label = tr(Text::LargeTextOn);
  ButtonSpec spec{"topbar.large_text", pos, size, label, large_text_ ? ButtonKind::Primary : ButtonKind::Secondary};
  spec.state = state;
  spec.caller_draws_label = true;
  const bool tapped = big_button(ctx, spec);
  ImDrawList& draw = *ImGui::GetWindowDrawList();
  const ImFont& font = *fonts_.font(FontRole::Heading, false);
  const ImVec2 label_size = font.CalcTextSizeA(font.FontSize, FLT_MAX, 0, label.data(), label.data() + label.size());
  const ImVec2 state_size = font.CalcTextSizeA(font.FontSize, FLT_MAX, 0, state.data(), state.data() + state.size());
  const float pad = std::round(10 * m.unit);
  const float check = large_text_ ? std::round(state_size.y * 0.45f) : 0;
  const ImVec2 badge(state_size.x + check + 2 * pad + (check > 0 ? pad * 0.5f : 0), std::min(size.y - 2 * pad, state_size.y + pad));
  const float gap = std::round(12 * m.unit);
  const float total = label_size.x + gap + badge.x;
  const float x = std::floor(pos.x + (size.x - total) * 0.5f);
  const float cy = pos.y + size.y * 0.5f;
  const ImU32 ink = large_text_ ? colors::kOnAccent : colors::kText;
  draw.AddText(&font, font.FontSize, ImVec2(x, std::floor(cy - label_size.y * 0.5f)), ink, label.data(), label.data() + label.size());
  const ImVec2 badge_min(x + label_size.x + gap, std::floor(cy - badge.y * 0.5f));
  const ImVec2 badge_max(badge_min.x + badge.x, badge_min.y + badge.y);
  const float thickness = std::max(2.0f, std::round(3 * m.unit));
  if (large_text_) {
    draw.AddRectFilled(badge_min, badge_max, colors::kOnAccent, badge.y * 0.5f);
    const float cx = badge_min.x + pad, mid = cy;
    const ImVec2 tick[] = {ImVec2(cx, mid), ImVec2(cx + check * 0.38f, mid + check * 0.4f), ImVec2(cx + check, mid - check * 0.45f)};
    draw.AddPolyline(tick, 3, colors::kAccent, 0, thickness * 1.4f);
    draw.AddText(&font, font.FontSize, ImVec2(cx + check + pad * 0.5f, std::floor(cy - state_size.y * 0.5f)), colors::kAccent,
                 state.data(), state.data() + state.size());
  } else {
    draw.AddRect(badge_min, badge_max, colors::kTextMuted, badge.y * 0.5f, 0, thickness);
    draw.AddText(&font, font.FontSize, ImVec2(badge_min.x + pad, std::floor(cy - state_size.y * 0.5f)), colors::kTextMuted,
                 state.data(), state.data() + state.size());
  }
  if (tapped) set_large_text(!large_text_);
}

// 结束使用: a visitor holding a prize code is asked once whether the code was noted, so that a
// tap meant for "done" does not throw the code away unseen.
void Kiosk::request_end_session(double now) {
  if (quiz_->session_voucher() && !end_confirmation_asked_) {
    end_confirmation_open_ = end_confirmation_asked_ = true;
    return;
  }
  end_confirmation_open_ = false;
  // 满意度评价 (issue 15), asked once per session: the rating screen ends the session.
  if (sessions_.take_rating_turn()) {
    router_.reset_to({"rating"});
    return;
  }
  sessions_.end_done(now);
  router_.reset_to({"attract"});
}

void Kiosk::draw_end_confirmation(double now) {
  const Metrics& m = metrics_;
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(display);
  ImGui::SetNextWindowFocus();  // above the screen, so that the page beneath takes no touch
  ImGui::Begin("##end_confirmation", nullptr, (kFullscreenFlags & ~ImGuiWindowFlags_NoBringToFrontOnFocus) | ImGuiWindowFlags_NoBackground);
  ImDrawList& draw = *ImGui::GetWindowDrawList();
  draw.AddRectFilled(ImVec2(0, 0), display, IM_COL32(0, 0, 0, 150));
  const ImVec2 card(std::min(display.x - 2 * m.margin, 1100 * m.unit), 520 * m.unit);
  const ImVec2 min((display.x - card.x) * 0.5f, (display.y - card.y) * 0.5f);
  const ImVec2 max(min.x + card.x, min.y + card.y);
  draw.AddRectFilled(min, max, colors::kSurface, m.corner);
  ScreenContext ctx = context(now, large_text_, Rect{min, max});
  const float inner = card.x - 2 * m.margin;
  float y = min.y + m.margin;
  const ImFont& display_font = *fonts_.font(FontRole::Display, false);
  y += draw_wrapped_text(draw, display_font, display_font.FontSize, ImVec2(min.x + m.margin, y), colors::kText,
                         tr(Text::EndConfirmQuestion), inner, Align::Center);
  y += m.gap * 1.5f;
  const ImVec2 button((inner - m.gap) * 0.5f, max.y - m.margin - y);
  if (big_button(ctx, {"end.confirm.back", ImVec2(min.x + m.margin, y), button, tr(Text::EndConfirmBack), ButtonKind::Primary})) {
    end_confirmation_open_ = false;
    const std::string route = router_.current_route();
    if (route != "quiz/code" && route.rfind("quiz/result", 0) != 0) router_.push("quiz/code");
  }
  if (big_button(ctx, {"end.confirm.yes", ImVec2(min.x + m.margin + button.x + m.gap, y), button, tr(Text::EndConfirmYes),
                       ButtonKind::Secondary}))
    request_end_session(now);
  ImGui::End();
}

bool Kiosk::title_fits(const std::string& title, float left, float right) const {
  const ImFont& font = *fonts_.font(FontRole::Heading, false);
  return font.CalcTextSizeA(font.FontSize, FLT_MAX, 0, title.c_str()).x <= right - left;
}

// Centred on the screen when the buttons leave room, else centred in the row; in the heading
// face, or the body face when that is too wide, and cut with "…" only when even that is.
void Kiosk::draw_title(ImDrawList& draw, const std::string& title, Rect row) {
  const ImFont* font = fonts_.font(FontRole::Heading, false);
  float width = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, title.c_str()).x;
  std::string shown = title;
  if (width > row.width()) {
    font = fonts_.font(FontRole::Body, false);
    shown = ellipsize(*font, font->FontSize, title, row.width());
    width = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, shown.c_str()).x;
  }
  const float display_width = ImGui::GetIO().DisplaySize.x;
  float x = std::floor((display_width - width) * 0.5f);
  if (x < row.min.x || x + width > row.max.x) x = std::floor(row.min.x + (row.width() - width) * 0.5f);
  const ImVec2 pos(x, std::floor(row.min.y + (row.height() - font->FontSize) * 0.5f));
  draw_text_line(draw, *font, font->FontSize, pos, colors::kText, shown);
  if (text_audit_.record_placements)
    text_audit_.placed(shown, pos, ImVec2(pos.x + width, pos.y + font->FontSize), row.min, row.max);
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
  // While the session holds a prize code the page beneath is covered completely: the next
  // passer-by must not read (or scan) an abandoned code beside the question.
  const bool hide_page = quiz_->session_voucher().has_value();
  draw.AddRectFilled(ImVec2(0, 0), display, hide_page ? colors::kBackground : IM_COL32(0, 0, 0, 150));
  const ImVec2 card(std::min(display.x - 2 * m.margin, 1100 * m.unit), 620 * m.unit);
  const ImVec2 min((display.x - card.x) * 0.5f, (display.y - card.y) * 0.5f);
  draw.AddRectFilled(min, ImVec2(min.x + card.x, min.y + card.y), colors::kSurface, m.corner);
  if (hide_page) draw.AddRect(min, ImVec2(min.x + card.x, min.y + card.y), colors::kBorder, m.corner, 0, std::max(2.0f, std::round(3 * m.unit)));

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

bool Kiosk::wants_text_input() const {
  const Screen* screen = router_.current();
  return screen && screen->wants_text_input();
}

double Kiosk::seconds_until_next_frame(double now) const {
  double due = std::max(0.0, last_frame_at_ + next_frame_within_ - now);
  return std::min(due, std::max(0.0, sessions_.next_deadline() - now));
}

}  // namespace openday::ui
