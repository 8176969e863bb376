#pragma once
// The search screen's 手写 pad (issue 31): a square with a 米 grid, ink drawn as the finger moves,
// a row of candidate characters that updates after each stroke, and 撤销一笔 / 清除 / 删除.
// Recognition runs on a worker thread of its own (the model is opened there, on first use); the
// pad takes the newest result when a frame finds it ready, so no frame waits for Zinnia.
#include <imgui.h>

#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/content/content.h"
#include "core/handwriting/content_ranking.h"
#include "ui/screen_context.h"

namespace openday::ui {

// Recognition off the UI thread: submit() replaces any request not yet started; take() returns
// a finished result once.
class HandwritingWorker {
 public:
  HandwritingWorker(const Content& content, std::filesystem::path model);
  ~HandwritingWorker();
  HandwritingWorker(const HandwritingWorker&) = delete;
  HandwritingWorker& operator=(const HandwritingWorker&) = delete;

  void submit(Strokes strokes, std::string query, std::uint64_t generation);
  struct Result {
    std::uint64_t generation = 0;
    std::vector<HandwritingCandidate> candidates;
  };
  std::optional<Result> take();
  bool busy() const;

 private:
  struct Request {
    Strokes strokes;
    std::string query;
    std::uint64_t generation = 0;
  };
  void run();
  const Content& content_;
  HandwritingRecognizer recognizer_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::optional<Request> request_;
  std::optional<Result> result_;
  bool working_ = false;
  bool stopping_ = false;
  std::thread thread_;  // last: started once everything it uses exists
};

// What the visitor did on the pad this frame.
struct PadAction {
  enum class Kind { None, Pick, Delete } kind = Kind::None;
  std::string character;  // for Pick
};

class HandwritingPad {
 public:
  HandwritingPad(const Content& content, std::filesystem::path model) : worker_(content, std::move(model)) {}
  // The pad (a square of `side`) at pos, then its candidate row and buttons below; `query` is the
  // search box's text (its continuations rank first). Returns the height used through `height`.
  PadAction draw(ScreenContext& ctx, ImVec2 pos, float width, float side, const std::string& query, float& height);
  // The height below the square: the candidate row and the buttons, for a width.
  static float rows_height(ScreenContext& ctx, float width, float key_height);
  // The buttons' row: at least key_height, taller when a label wraps (大字 in a narrow column).
  static float buttons_height(ScreenContext& ctx, float width, float key_height);
  void clear();
  const std::vector<HandwritingCandidate>& candidates() const { return candidates_; }
  std::size_t stroke_count() const { return strokes_.size(); }

 private:
  void draw_grid(ImDrawList& draw, ImVec2 pos, float side, float unit) const;
  void track_finger(ScreenContext& ctx, ImVec2 pos, float side, const std::string& query);
  void draw_ink(ImDrawList& draw, ImVec2 pos, float side, float unit) const;
  PadAction draw_candidates(ScreenContext& ctx, ImVec2 pos, float width, float key_height);
  PadAction draw_buttons(ScreenContext& ctx, ImVec2 pos, float width, float key_height, const std::string& query);
  void recognize(const std::string& query);

  HandwritingWorker worker_;
  Strokes strokes_;
  bool drawing_ = false;
  std::uint64_t generation_ = 0;
  std::vector<HandwritingCandidate> candidates_;
};

}  // namespace openday::ui
