#include "support/headless_kiosk.h"

#include <gtest/gtest.h>
#include <imgui_internal.h>

#include <cfloat>
#include <chrono>
#include <cstdlib>
#include <sstream>
#include <thread>

#include "core/util/paths.h"
#include "platform/font_lookup.h"
#include "ui/route_registry.h"
#include "support/pin_fixture.h"

namespace openday::testing {
namespace {

// A full copy of what a frame draws, to compare two frames command by command.
struct DrawCommand {
  ImVec4 clip;
  ImTextureID texture;
  unsigned vtx_offset, idx_offset, elements;
};
struct DrawListCopy {
  std::vector<ImDrawVert> vertices;
  std::vector<ImDrawIdx> indices;
  std::vector<DrawCommand> commands;
};

std::vector<DrawListCopy> copy_draw_data(const ImDrawData& data) {
  std::vector<DrawListCopy> lists;
  for (int n = 0; n < data.CmdListsCount; ++n) {
    const ImDrawList& list = *data.CmdLists[n];
    DrawListCopy copy;
    copy.vertices.assign(list.VtxBuffer.begin(), list.VtxBuffer.end());
    copy.indices.assign(list.IdxBuffer.begin(), list.IdxBuffer.end());
    for (const ImDrawCmd& cmd : list.CmdBuffer)
      copy.commands.push_back({cmd.ClipRect, cmd.TextureId, cmd.VtxOffset, cmd.IdxOffset, cmd.ElemCount});
    lists.push_back(std::move(copy));
  }
  return lists;
}

bool same_vertex(const ImDrawVert& a, const ImDrawVert& b) {
  return a.pos.x == b.pos.x && a.pos.y == b.pos.y && a.uv.x == b.uv.x && a.uv.y == b.uv.y && a.col == b.col;
}

std::string describe_vertex(const ImDrawVert& v) {
  std::ostringstream out;
  out << "pos (" << v.pos.x << ", " << v.pos.y << ") colour " << std::hex << v.col;
  return out.str();
}

// The first difference between two frames, in words; empty when there is none.
std::string first_difference(const std::vector<DrawListCopy>& before, const std::vector<DrawListCopy>& after) {
  std::ostringstream out;
  if (before.size() != after.size()) {
    out << "draw lists: " << before.size() << " then " << after.size();
    return out.str();
  }
  for (std::size_t n = 0; n < before.size(); ++n) {
    const DrawListCopy& a = before[n];
    const DrawListCopy& b = after[n];
    if (a.commands.size() != b.commands.size()) {
      out << "list " << n << ": " << a.commands.size() << " commands, then " << b.commands.size();
      return out.str();
    }
    for (std::size_t c = 0; c < a.commands.size(); ++c) {
      const DrawCommand& x = a.commands[c];
      const DrawCommand& y = b.commands[c];
      if (x.clip.x != y.clip.x || x.clip.y != y.clip.y || x.clip.z != y.clip.z || x.clip.w != y.clip.w) {
        out << "list " << n << " command " << c << ": clip rect (" << x.clip.x << ", " << x.clip.y << ", " << x.clip.z << ", "
            << x.clip.w << ") then (" << y.clip.x << ", " << y.clip.y << ", " << y.clip.z << ", " << y.clip.w << ")";
        return out.str();
      }
      if (x.texture != y.texture || x.vtx_offset != y.vtx_offset || x.idx_offset != y.idx_offset || x.elements != y.elements) {
        out << "list " << n << " command " << c << ": " << x.elements << " indices at " << x.idx_offset << ", then " << y.elements
            << " at " << y.idx_offset;
        return out.str();
      }
    }
    if (a.vertices.size() != b.vertices.size()) {
      out << "list " << n << ": " << a.vertices.size() << " vertices, then " << b.vertices.size();
      return out.str();
    }
    for (std::size_t v = 0; v < a.vertices.size(); ++v) {
      if (same_vertex(a.vertices[v], b.vertices[v])) continue;
      out << "list " << n << " vertex " << v << ": " << describe_vertex(a.vertices[v]) << ", then " << describe_vertex(b.vertices[v]);
      return out.str();
    }
    if (a.indices != b.indices) {
      out << "list " << n << ": the indices differ";
      return out.str();
    }
  }
  return {};
}

}  // namespace

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

HeadlessKiosk::HeadlessKiosk(ImVec2 display, std::string route, Config config, std::shared_ptr<const Content> content,
                             std::optional<std::filesystem::path> atlas_cache_dir, ui::SpeechOutput* speech,
                             std::function<BoothLinkState()> booth_link, BoothPrizeLink booth_prizes) {
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
  ui::KioskSetup setup{std::move(config), std::move(content), sample_quiz(), *fonts, *stack, staff_paths,
                       [log = log_.get()] { return log->health(); }, false, std::move(atlas_cache_dir), kMaxTextureSize};
  setup.speech = speech;
  setup.booth_link = std::move(booth_link);
  setup.booth_prizes = std::move(booth_prizes);
  kiosk_ = new ui::Kiosk(std::move(setup), sink_, *log_);
  // Tests store cheap PIN hashes (pin_fixture.h): a right PIN keeps them cheap.
  kiosk_->service().set_pin_hash_cost(kCheapPinCost);
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
  // Like the real loop: fonts outdated by the last frame (a new department, large text, a
  // learned glyph) are rebuilt before this one.
  if (kiosk_->fonts_outdated()) {
    std::string error;
    if (!kiosk_->rebuild_fonts(error)) throw std::runtime_error("headless kiosk: " + error);
  }
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

namespace openday::testing {

int HeadlessKiosk::run_until_idle(int max_frames) {
  set_finger(false, ImVec2(-FLT_MAX, -FLT_MAX));
  int drawn = 0;
  while (drawn < max_frames) {
    const double due = kiosk_->seconds_until_next_frame(now_);
    if (due > kPollSeconds) break;
    if (due > 0) {
      // Background work on another thread: give it real time, as the real loop's sleep does.
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
      now_ += due - kFrameSeconds;  // frame() adds the rest
    }
    frame();
    ++drawn;
  }
  return drawn;
}

std::string HeadlessKiosk::redraw_difference() {
  const auto before = copy_draw_data(*ImGui::GetDrawData());
  set_finger(false, ImVec2(-FLT_MAX, -FLT_MAX));
  ImGui::GetIO().DeltaTime = static_cast<float>(kFrameSeconds);
  kiosk_->frame(now_);  // the same moment: only what was left to settle can change
  return first_difference(before, copy_draw_data(*ImGui::GetDrawData()));
}

namespace {

// The scrolling region drawn in the last frame whose id is region, or null.
const ImGuiWindow* region_window(const ImGuiContext& g, std::string_view region) {
  for (const ImGuiWindow* window : g.Windows) {
    if (window->LastFrameActive != g.FrameCount || !(window->Flags & ImGuiWindowFlags_ChildWindow)) continue;
    // A child window is named "parent/region_ID".
    const std::string_view name(window->Name);
    const auto slash = name.rfind('/');
    if (slash == std::string_view::npos) continue;
    const std::string_view own = name.substr(slash + 1);
    if (own.size() > region.size() && own.substr(0, region.size()) == region && own[region.size()] == '_') return window;
  }
  return nullptr;
}

}  // namespace

float HeadlessKiosk::scroll_y_of(std::string_view region) const {
  const ImGuiWindow* window = region_window(*context_, region);
  return window ? window->Scroll.y : -1;
}

ImRect HeadlessKiosk::rect_of(std::string_view region) const {
  const ImGuiWindow* window = region_window(*context_, region);
  return window ? window->Rect() : ImRect();
}

void open_quiz(HeadlessKiosk& kiosk) {
  kiosk.tap("home.quiz");
  kiosk.wait(0.5);
  kiosk.kiosk().quiz().wait();  // the stock read
  kiosk.frame();
  kiosk.tap("quiz.start");
  kiosk.wait(0.5);
  ASSERT_EQ(kiosk.route(), "quiz/question");
}

}  // namespace openday::testing
