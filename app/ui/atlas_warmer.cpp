#include "ui/atlas_warmer.h"

#include <malloc.h>
#include <sched.h>
#include <sys/resource.h>
#include <unistd.h>

#include <string>

#include "core/util/log.h"

namespace openday::ui {
namespace {

// The calling thread runs only on cores nothing else wants (Linux schedules threads one by
// one, so the UI thread keeps its priority).
void lower_own_priority() {
  sched_param param{};
  if (sched_setscheduler(0, SCHED_IDLE, &param) == 0) return;
  setpriority(PRIO_PROCESS, 0, 19);
}

// A kiosk that stops waits for the bake under way: at idle priority on busy cores that could
// take seconds, so the bake finishes at the ordinary priority instead (best effort).
void restore_priority(pid_t thread) {
  sched_param param{};
  sched_setscheduler(thread, SCHED_OTHER, &param);
  setpriority(PRIO_PROCESS, static_cast<id_t>(thread), 0);
}

}  // namespace

AtlasWarmer::~AtlasWarmer() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
    jobs_.clear();
  }
  if (const pid_t thread = thread_id_.load(); thread > 0) restore_priority(thread);
  changed_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void AtlasWarmer::warm(AtlasWarmPlan plan) {
  if (!cache_.enabled()) return;
  std::deque<Job> jobs;
  for (const GlyphFocus& focus : GlyphPlan::every_focus(*plan.content)) {
    jobs.push_back({focus, false});
    jobs.push_back({focus, true});
  }
  {
    const std::lock_guard lock(mutex_);
    plan_ = std::make_shared<const AtlasWarmPlan>(std::move(plan));
    jobs_ = std::move(jobs);
    const bool paused = progress_.paused;
    progress_ = {};
    progress_.paused = paused;
    progress_.queued = jobs_.size();
    round_started_ = std::chrono::steady_clock::now();
  }
  if (!thread_.joinable()) thread_ = std::thread([this] { run(); });
  changed_.notify_all();
}

void AtlasWarmer::pause() {
  const std::lock_guard lock(mutex_);
  progress_.paused = true;
}

void AtlasWarmer::resume() {
  {
    const std::lock_guard lock(mutex_);
    if (!progress_.paused) return;
    progress_.paused = false;
  }
  changed_.notify_all();
}

AtlasWarmer::Progress AtlasWarmer::progress() const {
  const std::lock_guard lock(mutex_);
  return progress_;
}

bool AtlasWarmer::done() const {
  const std::lock_guard lock(mutex_);
  return jobs_.empty() && !progress_.baking;
}

bool AtlasWarmer::wait_until_done(std::chrono::milliseconds timeout) const {
  std::unique_lock lock(mutex_);
  return changed_.wait_for(lock, timeout, [this] { return jobs_.empty() && !progress_.baking; });
}

void AtlasWarmer::run() {
  thread_id_ = gettid();
  lower_own_priority();
  std::unique_lock lock(mutex_);
  while (true) {
    changed_.wait(lock, [this] { return stopping_ || (!progress_.paused && !jobs_.empty()); });
    if (stopping_) return;
    const auto start_at = round_started_ + delay_;
    if (std::chrono::steady_clock::now() < start_at) {
      changed_.wait_until(lock, start_at, [this] { return stopping_; });
      continue;  // paused, stopped or given another round meanwhile: look again
    }
    const Job job = jobs_.front();
    jobs_.pop_front();
    progress_.queued = jobs_.size();
    progress_.baking = true;
    const std::shared_ptr<const AtlasWarmPlan> plan = plan_;
    lock.unlock();
    bake_one(*plan, job);
    lock.lock();
    progress_.baking = false;
    if (jobs_.empty() && plan == plan_) {
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - round_started_).count();
      log_line("font atlases warmed: " + std::to_string(progress_.baked) + " baked, " + std::to_string(progress_.already_cached) +
               " already cached, " + std::to_string(progress_.failed) + " failed, in " + std::to_string(seconds) + " s");
    }
    changed_.notify_all();
  }
}

void AtlasWarmer::bake_one(const AtlasWarmPlan& plan, const Job& job) {
  bool baked = false;
  std::string error;
  bool ok = false;
  {
    const GlyphTexts texts = plan.plan.texts_for(job.focus, *plan.content);
    const AtlasOptions options{plan.max_texture_size, job.large_text, &cache_};
    ImFontAtlas scratch;
    FontSet fonts;
    ok = fonts.warm_cache(scratch, plan.sources, plan.metrics, texts, options, baked, error);
  }
  // The scratch atlas and its pixels are gone: give the pages back before the kiosk needs them.
  if (baked) malloc_trim(0);
  const std::lock_guard lock(mutex_);
  if (!ok) {
    ++progress_.failed;
    log_line("font atlas warming: " + error);
  } else if (baked) {
    ++progress_.baked;
  } else {
    ++progress_.already_cached;
  }
}

}  // namespace openday::ui
