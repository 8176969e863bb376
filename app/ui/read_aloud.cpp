#include "ui/read_aloud.h"

#include <algorithm>
#include <cmath>

namespace openday::ui {

void ReadAloud::toggle(const std::string& screen, const std::string& key, std::vector<std::string> sections, double now,
                       std::int64_t session) {
  const bool same = reading(key);
  stop(now);
  if (same || !available() || sections.empty()) return;
  output_->set_volume_step(volume_step_);
  output_->speak(std::move(sections));
  key_ = key;
  screen_ = screen;
  started_at_ = now;
  session_ = session;
  seen_speaking_ = false;
}

int ReadAloud::section(const std::string& key) const {
  if (!reading(key) || !output_) return -1;
  // Until the engine's thread picks the request up, the first section is the one under way.
  return seen_speaking_ ? output_->section() : std::max(0, output_->section());
}

void ReadAloud::stop(double now) {
  if (key_.empty()) return;
  if (output_) output_->stop();
  finish(now);
}

bool ReadAloud::poll(double now) {
  if (key_.empty() || !output_) return false;
  if (output_->section() >= 0) {
    seen_speaking_ = true;
    return true;
  }
  // Silent after it spoke: the read-out came to its end.
  if (seen_speaking_) {
    finish(now);
    return false;
  }
  return true;
}

void ReadAloud::set_volume_step(int step) {
  volume_step_ = std::clamp(step, 0, kVolumeSteps - 1);
  if (output_) output_->set_volume_step(volume_step_);
}

void ReadAloud::finish(double now) {
  Event event;
  event.type = EventType::ReadAloud;
  event.session = session_;
  event.screen = screen_;
  event.target = key_;
  event.value = static_cast<std::int64_t>(std::llround(std::max(0.0, now - started_at_) * 1000));
  key_.clear();
  screen_.clear();
  seen_speaking_ = false;
  if (log_) log_(std::move(event));
}

}  // namespace openday::ui
