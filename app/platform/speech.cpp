#include "platform/speech.h"

#include <pcaudiolib/audio.h>

#include <algorithm>
#include <array>

#include "core/content/speech_text.h"

namespace openday {
namespace {

// The three volume steps as gains on the samples: applied chunk by chunk, so a change is heard
// within one chunk, in the middle of a sentence.
constexpr std::array<float, 3> kVolumeGains = {0.4f, 0.7f, 1.0f};

class DeviceAudioOut final : public AudioOut {
 public:
  ~DeviceAudioOut() override {
    if (!device_) return;
    if (opened_) audio_object_close(device_);
    audio_object_destroy(device_);
  }

  bool open(int sample_rate, std::string& error) override {
    device_ = create_audio_device_object(nullptr, "openday", "OpenDay Kiosk 朗读");
    if (!device_) {
      error = "no sound output could be created";
      return false;
    }
    const int status = audio_object_open(device_, AUDIO_OBJECT_FORMAT_S16LE, static_cast<std::uint32_t>(sample_rate), 1);
    if (status != 0) {
      error = std::string("no sound device (") + audio_object_strerror(device_, status) + ")";
      return false;
    }
    opened_ = true;
    return true;
  }

  bool write(std::span<const std::int16_t> samples, std::string& error) override {
    const int status = audio_object_write(device_, samples.data(), samples.size_bytes());
    if (status == 0) return true;
    error = std::string("the sound device failed (") + audio_object_strerror(device_, status) + ")";
    return false;
  }

  void flush() override { audio_object_flush(device_); }
  void drain() override { audio_object_drain(device_); }

 private:
  audio_object* device_ = nullptr;
  bool opened_ = false;
};

}  // namespace

std::unique_ptr<AudioOut> make_device_audio_out() { return std::make_unique<DeviceAudioOut>(); }

SpeechEngine::SpeechEngine(std::unique_ptr<AudioOut> audio, std::function<void(std::string_view)> log, std::function<void()> wake)
    : audio_(std::move(audio)), log_(std::move(log)), wake_(std::move(wake)) {
  std::string error;
  try {
    synth_ = SpeechSynth::open(error);
    if (!synth_) {
      fail(error);
      return;
    }
    if (!audio_ || !audio_->open(synth_->sample_rate(), error)) {
      fail(audio_ ? error : "no sound output");
      return;
    }
    available_ = true;
    thread_ = std::thread([this] { run(); });
  } catch (const std::exception& e) {
    fail(std::string("cannot start: ") + e.what());
  }
}

SpeechEngine::~SpeechEngine() {
  {
    std::lock_guard lock(mutex_);
    quit_ = true;
    ++generation_;
  }
  wanted_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void SpeechEngine::speak(std::vector<std::string> sections) {
  if (!available_ || sections.empty()) return;
  {
    std::lock_guard lock(mutex_);
    pending_ = std::move(sections);
    has_pending_ = true;
    ++generation_;
    section_ = 0;  // reading from this moment on, as the visitor sees it
  }
  wanted_.notify_all();
}

void SpeechEngine::stop() {
  std::lock_guard lock(mutex_);
  has_pending_ = false;
  ++generation_;
  section_ = -1;
}

std::string SpeechEngine::problem() const {
  std::lock_guard lock(mutex_);
  return problem_;
}

void SpeechEngine::fail(std::string problem) {
  available_ = false;
  {
    std::lock_guard lock(mutex_);
    if (!problem_.empty()) return;  // reported once
    problem_ = problem;
  }
  if (log_) log_("speech: " + problem + "; 朗读 shows 语音暂不可用");
}

void SpeechEngine::run() {
  while (true) {
    std::vector<std::string> sections;
    std::uint64_t generation = 0;
    {
      std::unique_lock lock(mutex_);
      wanted_.wait(lock, [this] { return quit_ || has_pending_; });
      if (quit_) return;
      sections = std::move(pending_);
      has_pending_ = false;
      generation = generation_.load();
    }
    read(sections, generation);
    {
      std::lock_guard lock(mutex_);
      if (current(generation)) section_ = -1;  // finished by itself
    }
    if (wake_) wake_();
  }
}

void SpeechEngine::read(const std::vector<std::string>& sections, std::uint64_t generation) {
  try {
    for (std::size_t i = 0; i < sections.size() && current(generation) && available_; ++i) {
      {
        std::lock_guard lock(mutex_);
        if (!current(generation)) break;
        section_ = static_cast<int>(i);
      }
      if (wake_) wake_();
      std::string error;
      const SpeechSynth::ChunkSink sink = [this, generation](std::span<const std::int16_t> chunk) { return play_chunk(chunk, generation); };
      if (!synth_->synthesize(speech_text(sections[i]), sink, error)) return fail(error);
    }
    if (!available_) return;
    if (current(generation)) audio_->drain();
    else audio_->flush();  // stopped: what is still buffered must not be heard
  } catch (const std::exception& e) {
    fail(std::string("reading failed: ") + e.what());
  }
}

bool SpeechEngine::play_chunk(std::span<const std::int16_t> chunk, std::uint64_t generation) {
  if (!current(generation) || !available_) return false;
  const float gain = kVolumeGains[static_cast<std::size_t>(std::clamp(volume_step_.load(), 0, 2))];
  scaled_.resize(chunk.size());
  std::transform(chunk.begin(), chunk.end(), scaled_.begin(), [gain](std::int16_t s) { return static_cast<std::int16_t>(s * gain); });
  std::string error;
  if (!audio_->write(scaled_, error)) {
    fail(error);
    return false;
  }
  return current(generation);
}

}  // namespace openday
