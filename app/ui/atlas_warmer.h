#pragma once
// Bakes ahead of the visit the font atlas of every screen a tap can open (each focus of the
// glyph plan, in both text sizes) into the atlas cache, so that a tap only restores one.
//
// A thread of the kiosk, not a child process: a child would load and validate the content
// again and could not know what the plan learned; the thread bakes from a copy of the plan.
// It runs at SCHED_IDLE (nice 19 where that is refused): the scheduler gives it a core only
// when the kiosk and the rest of the system leave one idle, so a bake still under way when a
// visitor taps does not slow the visit, and no new bake starts until the visitor has gone.
// One bake at a time, on an ImFontAtlas of its own, freed (and the heap trimmed) after each.
// The one thing it shares with the UI thread is ImGui 1.86's allocation counter
// (GImGui->IO.MetricsActiveAllocations, bumped by MemAlloc/MemFree): a debug metric that the
// kiosk never reads, which may then be miscounted.
#include <sys/types.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "core/content/content.h"
#include "ui/atlas_cache.h"
#include "ui/fonts.h"
#include "ui/glyph_plan.h"
#include "ui/theme.h"

namespace openday::ui {

// Everything a round of warming needs, owned: the kiosk may replace its content meanwhile.
struct AtlasWarmPlan {
  GlyphPlan plan;
  std::shared_ptr<const Content> content;
  FontSources sources;
  Metrics metrics;
  int max_texture_size = 4096;
};

class AtlasWarmer {
 public:
  // A round starts after delay: the start (or the content change) and the first taps that
  // follow it have the cores to themselves.
  explicit AtlasWarmer(AtlasCache cache, std::chrono::milliseconds delay = kDefaultDelay) : cache_(std::move(cache)), delay_(delay) {}
  static constexpr std::chrono::milliseconds kDefaultDelay{3000};
  ~AtlasWarmer();
  AtlasWarmer(const AtlasWarmer&) = delete;
  AtlasWarmer& operator=(const AtlasWarmer&) = delete;

  // Queues every focus of the plan's content in both text sizes (the shared one first, then
  // search, then each department), replacing whatever was still queued; a bake under way ends.
  void warm(AtlasWarmPlan plan);
  // A visitor (or staff) is at the kiosk: no bake starts until resume().
  void pause();
  void resume();

  struct Progress {
    std::size_t queued = 0;  // focus x size jobs not yet looked at
    int baked = 0;           // since the last warm()
    int already_cached = 0;
    int failed = 0;
    bool baking = false;
    bool paused = false;
  };
  Progress progress() const;
  // Nothing queued and nothing baking.
  bool done() const;
  // For tests and benchmarks: waits until done() (false after the timeout).
  bool wait_until_done(std::chrono::milliseconds timeout) const;

 private:
  struct Job {
    GlyphFocus focus;
    bool large_text = false;
  };
  void run();
  void bake_one(const AtlasWarmPlan& plan, const Job& job);

  AtlasCache cache_;
  std::chrono::milliseconds delay_;
  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  std::shared_ptr<const AtlasWarmPlan> plan_;
  std::deque<Job> jobs_;
  Progress progress_;
  std::chrono::steady_clock::time_point round_started_;
  bool stopping_ = false;
  std::atomic<pid_t> thread_id_{0};  // the worker's, for its priority
  std::thread thread_;  // started by the first warm()
};

}  // namespace openday::ui
