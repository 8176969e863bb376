#pragma once
// The kiosk's voice: espeak-ng synthesis and playback on a thread of its own, so that reading
// aloud never delays a frame. The sound goes out through pcaudiolib (PulseAudio, else ALSA),
// chunk by chunk as it is made, so the first sound comes within a few tens of milliseconds and
// a stop takes effect within one chunk. No device, a busy device or a missing voice make the
// engine unavailable (logged once); it never throws.
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <thread>
#include <vector>

#include "core/content/speech_synth.h"
#include "ui/read_aloud.h"

namespace openday {

// Where the samples go: the sound device, or a test's recorder.
class AudioOut {
 public:
  virtual ~AudioOut() = default;
  // 16-bit mono at this rate; false with error when the device cannot be opened.
  virtual bool open(int sample_rate, std::string& error) = 0;
  // Blocks while the device's buffer is full; false with error when the device failed.
  virtual bool write(std::span<const std::int16_t> samples, std::string& error) = 0;
  virtual void flush() = 0;  // drops what is buffered (a stop)
  virtual void drain() = 0;  // waits until what is buffered has been heard
};

// The default sound device through pcaudiolib.
std::unique_ptr<AudioOut> make_device_audio_out();

class SpeechEngine final : public ui::SpeechOutput {
 public:
  // Opens the voice and the device on the calling thread (once, at start); on failure the
  // engine is unavailable and log receives one line saying why. wake is called from the
  // speech thread when the section being read changes (the platform posts an empty event).
  SpeechEngine(std::unique_ptr<AudioOut> audio, std::function<void(std::string_view)> log, std::function<void()> wake = {});
  ~SpeechEngine() override;
  SpeechEngine(const SpeechEngine&) = delete;
  SpeechEngine& operator=(const SpeechEngine&) = delete;

  bool available() const override { return available_.load(); }
  void speak(std::vector<std::string> sections) override;
  void stop() override;
  int section() const override { return section_.load(); }
  void set_volume_step(int step) override { volume_step_.store(step); }
  // Why it is unavailable (empty when available).
  std::string problem() const;

 private:
  void run();
  void read(const std::vector<std::string>& sections, std::uint64_t generation);
  bool play_chunk(std::span<const std::int16_t> chunk, std::uint64_t generation);
  void fail(std::string problem);
  bool current(std::uint64_t generation) const { return generation_.load() == generation; }

  std::unique_ptr<AudioOut> audio_;
  std::unique_ptr<SpeechSynth> synth_;  // used only by the speech thread once it runs
  std::function<void(std::string_view)> log_;
  std::function<void()> wake_;
  std::atomic<bool> available_{false};
  std::atomic<int> section_{-1};
  std::atomic<int> volume_step_{1};
  std::atomic<std::uint64_t> generation_{0};  // every speak() and stop() starts a new one
  mutable std::mutex mutex_;
  std::condition_variable wanted_;
  std::vector<std::string> pending_;
  bool has_pending_ = false;
  bool quit_ = false;
  std::string problem_;
  std::vector<std::int16_t> scaled_;
  std::thread thread_;
};

}  // namespace openday
