#include "support/headless_kiosk.h"

#include <gtest/gtest.h>

#include <cfloat>
#include <cstdlib>

#include "core/paths.h"
#include "platform/font_lookup.h"
#include "ui/routes.h"

namespace openday::testing {

std::shared_ptr<const Content> HeadlessKiosk::sample_content() {
  static const std::shared_ptr<const Content> content = [] {
    ContentLoad loaded = load_content(default_content_dir());
    if (!loaded.content) throw std::runtime_error("the shipped content does not load: " + loaded.problems.front().to_string());
    return std::make_shared<const Content>(std::move(*loaded.content));
  }();
  return content;
}

std::shared_ptr<const QuizBank> HeadlessKiosk::sample_quiz() {
  static const std::shared_ptr<const QuizBank> bank = [] {
    QuizBankLoad loaded = load_quiz_bank(default_quiz_file(), 5, sample_content().get());
    if (!loaded.bank) throw std::runtime_error("the shipped quiz bank does not load: " + loaded.problems.front().to_string());
    return std::make_shared<const QuizBank>(std::move(*loaded.bank));
  }();
  return bank;
}

HeadlessKiosk::HeadlessKiosk(ImVec2 display, std::string route, Config config, std::shared_ptr<const Content> content) {
  if (!content) content = sample_content();
  std::string folder = (std::filesystem::temp_directory_path() / "openday-headless.XXXXXX").string();
  db_path_ = std::filesystem::path(mkdtemp(folder.data())) / "kiosk.db";
  log_ = std::make_unique<EventLog>(EventLog::Options{db_path_, config.kiosk_id});
  sink_.next = log_.get();
  context_ = ImGui::CreateContext();
  ImGui::SetCurrentContext(context_);
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = display;
  io.DeltaTime = static_cast<float>(kFrameSeconds);
  std::string error;
  auto fonts = platform::find_kiosk_fonts(default_fonts_dir(), error);
  if (!fonts) throw std::runtime_error("headless kiosk: " + error);
  auto stack = ui::stack_for_route(route, *content);
  if (!stack) throw std::runtime_error("headless kiosk: unknown route " + route);
  const StaffPaths staff_paths{db_path_, default_content_dir(), default_quiz_file(), db_path_.parent_path() / "exports"};
  kiosk_ = new ui::Kiosk({std::move(config), std::move(content), sample_quiz(), *fonts, *stack, staff_paths,
                          [log = log_.get()] { return log->health(); }, false},
                         sink_, *log_);
  if (!kiosk_->rebuild_fonts(error)) throw std::runtime_error("headless kiosk: " + error);
  set_finger(false, ImVec2(-FLT_MAX, -FLT_MAX));
  frame();
}

HeadlessKiosk::~HeadlessKiosk() {
  delete kiosk_;
  ImGui::DestroyContext(context_);
  log_.reset();
  std::error_code ec;
  std::filesystem::remove_all(db_path_.parent_path(), ec);
}

void HeadlessKiosk::set_finger(bool down, ImVec2 position) {
  ImGuiIO& io = ImGui::GetIO();
  io.MouseDown[0] = down;
  io.MousePos = position;
}

void HeadlessKiosk::frame() {
  now_ += kFrameSeconds;
  ImGui::GetIO().DeltaTime = static_cast<float>(kFrameSeconds);
  kiosk_->frame(now_);
}

void HeadlessKiosk::wait(double seconds) {
  set_finger(false, ImVec2(-FLT_MAX, -FLT_MAX));
  const double until = now_ + seconds;
  // Like the real loop: sleep until the kiosk says a frame is due, then draw it.
  while (now_ < until) {
    const double due = kiosk_->seconds_until_next_frame(now_);
    now_ = std::min(until, now_ + std::max(due, kFrameSeconds)) - kFrameSeconds;
    frame();
  }
}

// Like the GLFW backend, every step sets the pointer before its frame (the kiosk may hide it).
void HeadlessKiosk::tap_at(ImVec2 position) {
  set_finger(false, position);  // hover frame: the pointer arrives before the press
  frame();
  set_finger(true, position);
  frame();
  set_finger(false, position);
  frame();
  set_finger(false, ImVec2(-FLT_MAX, -FLT_MAX));
  frame();
}

ImVec2 HeadlessKiosk::center_of(std::string_view id) const {
  const ui::TapTarget* target = kiosk_->taps().find(id);
  if (!target) {
    ADD_FAILURE() << "no tap target '" << id << "' on this screen";
    return ImVec2(-1, -1);
  }
  return target->center();
}

void HeadlessKiosk::tap(std::string_view target_id) {
  if (!has_target(target_id)) {
    ADD_FAILURE() << "no tap target '" << target_id << "' on screen " << route();
    return;
  }
  tap_at(center_of(target_id));
}

void HeadlessKiosk::drag(ImVec2 from, ImVec2 to, int steps, int hold_frames) {
  set_finger(true, from);
  frame();
  for (int i = 1; i <= steps; ++i) {
    const float t = static_cast<float>(i) / static_cast<float>(steps);
    set_finger(true, ImVec2(from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t));
    frame();
  }
  for (int i = 0; i < hold_frames; ++i) frame();
  set_finger(false, to);
  frame();
  set_finger(false, ImVec2(-FLT_MAX, -FLT_MAX));
  frame();
}

}  // namespace openday::testing
