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

// Where the pad's parts go: the square, and its candidates and buttons either in rows below it
// (portrait: one row of candidates, then the three buttons) or in a column beside it (landscape,
// where the square takes the page's height: the candidates in two rows of four, then 撤销一笔
// over 清除 and 删除).
struct PadLayout {
  ImVec2 pad;  // the square's top-left
  float side = 0;
  ImVec2 controls;  // the candidates' and buttons' top-left
  float controls_width = 0;
  bool beside = false;
};

class HandwritingPad {
 public:
  HandwritingPad(const Content& content, std::filesystem::path model) : worker_(content, std::move(model)) {}
  // `query` is the search box's text (its continuations rank first).
  PadAction draw(ScreenContext& ctx, const PadLayout& layout, const std::string& query);
  // A candidate's or a button's height: the heading face with room around it, never below touch size.
  static float key_height(ScreenContext& ctx);
  // The height the candidates and buttons take in a column (or rows) of this width.
  static float controls_height(ScreenContext& ctx, float width, bool beside);
  // The column beside the square: four candidates, or 撤销一笔 on one line, whichever is wider.
  static float controls_width_beside(ScreenContext& ctx);
  void clear();
  const std::vector<HandwritingCandidate>& candidates() const { return candidates_; }
  std::size_t stroke_count() const { return strokes_.size(); }

 private:
  void draw_grid(ImDrawList& draw, ImVec2 pos, float side, float unit) const;
  void track_finger(ScreenContext& ctx, ImVec2 pos, float side, const std::string& query);
  void draw_ink(ImDrawList& draw, ImVec2 pos, float side, float unit) const;
  // The hint names where the candidates are: below the square, or beside it.
  void draw_hint(ScreenContext& ctx, ImVec2 pos, float side, std::string_view hint) const;
  PadAction draw_candidates(ScreenContext& ctx, ImVec2 pos, float width, std::size_t columns);
  PadAction draw_buttons(ScreenContext& ctx, ImVec2 pos, float width, bool beside, const std::string& query);
  void undo(const std::string& query);
  void recognize(const std::string& query);

  HandwritingWorker worker_;
  Strokes strokes_;
  bool drawing_ = false;
  std::uint64_t generation_ = 0;
  std::vector<HandwritingCandidate> candidates_;
};

}  // namespace openday::ui
