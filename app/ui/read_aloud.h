#pragma once
// Reading aloud as the screens see it. The platform's speech engine (espeak-ng on its own
// thread) implements SpeechOutput; ReadAloud, owned by the kiosk, remembers which block of a
// screen is being read, stops it whenever the screen changes, and logs each read-out.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/visits/events.h"

namespace openday::ui {

class SpeechOutput {
 public:
  virtual ~SpeechOutput() = default;
  // False when there is no sound device or voice (the reason was logged once).
  virtual bool available() const = 0;
  // Reads the sections one after another (display text: the engine normalises it), replacing
  // whatever was being read. Returns at once.
  virtual void speak(std::vector<std::string> sections) = 0;
  // Stops at once; returns at once.
  virtual void stop() = 0;
  // The section being read (0-based), or -1 when silent.
  virtual int section() const = 0;
  // 0 quiet, 1 normal, 2 loud; takes effect within a fraction of a second.
  virtual void set_volume_step(int step) = 0;
};

class ReadAloud {
 public:
  static constexpr int kVolumeSteps = 3;

  ReadAloud(SpeechOutput* output, std::function<void(Event)> log) : output_(output), log_(std::move(log)) {}

  bool available() const { return output_ && output_->available(); }
  // The 朗读 button of block key on screen: starts reading its sections, or stops them when
  // they are being read.
  // session: the visitor session the read-out belongs to (its event is logged under it even
  // when the idle reset ends the session first).
  void toggle(const std::string& screen, const std::string& key, std::vector<std::string> sections, double now,
              std::int64_t session = 0);
  bool reading(const std::string& key) const { return !key_.empty() && key_ == key; }
  bool reading_any() const { return !key_.empty(); }
  // The section of block key being read, or -1.
  int section(const std::string& key) const;
  // Stops whatever is read (navigation, Back, Home, the idle reset, 结束使用) and logs it.
  void stop(double now);
  // Notices a read-out that came to its end by itself; true while one is running.
  bool poll(double now);
  int volume_step() const { return volume_step_; }
  void set_volume_step(int step);

 private:
  void finish(double now);

  SpeechOutput* output_;
  std::function<void(Event)> log_;
  std::string key_;     // the block being read; empty when silent
  std::string screen_;  // its screen's route
  double started_at_ = 0;
  std::int64_t session_ = 0;
  bool seen_speaking_ = false;
  int volume_step_ = 1;
};

}  // namespace openday::ui
