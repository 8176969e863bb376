#pragma once
// Drives the real Kiosk through Dear ImGui with no renderer: synthetic touches become
// ImGuiIO mouse state frame by frame, as the GLFW backend would set it.
#include <imgui.h>
#include <imgui_internal.h>  // ImRect

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/booth/config.h"
#include "core/content/content.h"
#include "core/visits/event_log.h"
#include "core/quiz/quiz_bank.h"
#include "ui/kiosk.h"

namespace openday::testing {

// Keeps what the kiosk logs, for assertions, and passes it on to the real event log.
class RecordingSink final : public EventSink {
 public:
  void log(Event event) override {
    events.push_back(event);
    if (next) next->log(std::move(event));
  }
  EventSink* next = nullptr;
  std::vector<Event> of_type(EventType type) const {
    std::vector<Event> out;
    for (const Event& e : events)
      if (e.type == type) out.push_back(e);
    return out;
  }
  std::vector<Event> events;
};

class HeadlessKiosk {
 public:
  // Runs on the shipped sample content unless content is given.
  // With atlas_cache_dir, baked font atlases are kept there (as the kiosk keeps them under
  // ~/.cache), so that kiosks after the first restore them instead of baking.
  // speech: the voice the 朗读 buttons use (a test's fake); none: 语音暂不可用.
  // booth_link, booth_prizes: a booth hub's link and prize stock as the uplink would give them
  // (a test's fakes); none: no hub.
  explicit HeadlessKiosk(ImVec2 display = ImVec2(1920, 1080), std::string route = "attract", Config config = {},
                         std::shared_ptr<const Content> content = nullptr,
                         std::optional<std::filesystem::path> atlas_cache_dir = std::nullopt, ui::SpeechOutput* speech = nullptr,
                         std::function<BoothLinkState()> booth_link = {}, BoothPrizeLink booth_prizes = {});
  // The shipped sample content, loaded once per test program.
  static std::shared_ptr<const Content> sample_content();
  static std::shared_ptr<const QuizBank> sample_quiz();
  ~HeadlessKiosk();
  HeadlessKiosk(const HeadlessKiosk&) = delete;
  HeadlessKiosk& operator=(const HeadlessKiosk&) = delete;

  static constexpr double kFrameSeconds = 1.0 / 60.0;
  // The atlas stays within what a modest GPU takes.
  static constexpr int kMaxTextureSize = 4096;

  // One frame with the finger where it is (or lifted).
  void frame();
  // Frames with no touch for this long (fake time, no sleeping).
  void wait(double seconds);
  // A tap: a hover frame, a press frame, a release frame, and one settling frame.
  void tap_at(ImVec2 position);
  // Taps the centre of a target from the last frame; fails the test when it is absent.
  void tap(std::string_view target_id);
  // The finger lands at from, moves to to over steps frames, rests there hold_frames frames
  // (a slow drag that stops: no glide), then lifts.
  void drag(ImVec2 from, ImVec2 to, int steps = 12, int hold_frames = 0);
  // Puts the finger down (or lifts it) at position for the next frame(): gestures built frame by
  // frame, as a benchmark that times each frame of a flick does.
  void touch(bool down, ImVec2 position) { set_finger(down, position); }

  // Like the real loop after input: draws while the kiosk says a frame is due now. While it
  // polls background work (a frame due within kPollSeconds) it sleeps a moment for real and
  // draws at the kiosk's pace. Stops when the loop would sleep longer, or after max_frames.
  // Returns the frames drawn.
  static constexpr double kPollSeconds = 0.1;
  int run_until_idle(int max_frames = 600);
  // Draws one more frame at the same moment, as the pointer moving by a pixel would, and
  // describes the first draw command that differs from the frame before; empty when the two
  // frames draw exactly the same.
  std::string redraw_difference();
  // The scroll position of a scrolling region drawn in the last frame ("departments.grid",
  // "quiz.question", ...); -1 when no such region was drawn.
  float scroll_y_of(std::string_view region) const;
  // Where that region lies on screen; an empty rectangle when it was not drawn.
  ImRect rect_of(std::string_view region) const;

  ui::Kiosk& kiosk() { return *kiosk_; }
  RecordingSink& events() { return sink_; }
  // The kiosk's real event log, on a database of its own in a fresh folder.
  EventLog& log() { return *log_; }
  const std::filesystem::path& db_path() const { return db_path_; }
  std::string route() { return kiosk_->router().current_route(); }
  bool has_target(std::string_view id) const { return kiosk_->taps().find(id) != nullptr; }
  ImVec2 center_of(std::string_view id) const;
  double now() const { return now_; }

 private:
  void set_finger(bool down, ImVec2 position);
  std::filesystem::path db_path_;
  std::unique_ptr<EventLog> log_;
  RecordingSink sink_;
  ImGuiContext* context_ = nullptr;
  ui::Kiosk* kiosk_ = nullptr;
  double now_ = 100.0;
};

// From the home screen into a new quiz round: the stock read done, the first question shown.
void open_quiz(HeadlessKiosk& kiosk);

}  // namespace openday::testing
