#pragma once
// Mandarin speech from text with espeak-ng, offline: PCM samples (16-bit mono) and WAV files.
// espeak-ng keeps its state in globals, so a process has at most one SpeechSynth at a time, and
// only the thread that uses it may call it (the kiosk's speech thread, or `openday speak`).
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace openday {

// The voice that reads Chinese characters with their tones on Debian 12's espeak-ng 1.51
// (the plain "cmn" voice spells many characters as English-sounding pinyin); see the README.
inline constexpr std::string_view kMandarinVoice = "cmn-latn-pinyin";

// The longest text read in one go (`openday speak`): the kiosk reads one section at a time, and
// the longest a content section can hold is a 600-character paragraph. About three characters
// are read a second, so this is some 11 minutes of audio, a WAV of about 30 MB.
inline constexpr std::size_t kMaxSpokenChars = 2000;
// The longest audio made in one go, whatever the text: a bound on memory and on the WAV.
inline constexpr int kMaxSpokenSeconds = 15 * 60;

// "" when the text can be read aloud in one go, else why not ("the text is 2400 characters
// long; at most 2000 are read aloud at once").
std::string spoken_text_problem(std::string_view text);

class SpeechSynth {
 public:
  // Starts espeak-ng with the voice; nullptr and error ("espeak-ng: voice cmn-latn-pinyin: ...")
  // when the library data or the voice is missing.
  static std::unique_ptr<SpeechSynth> open(std::string& error, std::string_view voice = kMandarinVoice);
  ~SpeechSynth();
  SpeechSynth(const SpeechSynth&) = delete;
  SpeechSynth& operator=(const SpeechSynth&) = delete;

  int sample_rate() const { return sample_rate_; }
  // Loudness in espeak-ng's units (0-200, 100 is its default); applies to the next synthesis.
  void set_volume(int volume);

  // Receives the audio as it is made, in chunks of about 50 ms; returning false stops at once.
  using ChunkSink = std::function<bool(std::span<const std::int16_t>)>;
  // Speaks text as it is given (normalise it with speech_text() first). False with error when
  // espeak-ng fails; a stop asked by the sink is not an error.
  bool synthesize(std::string_view text, const ChunkSink& sink, std::string& error);
  // espeak-ng's phonemes for text in the open voice (its ASCII names: 你好 -> "n'i214 X'Au214",
  // tones as digits; "(en)" marks a switch to English spelling). For checking a voice.
  std::string phonemes(std::string_view text);
  // The whole text as samples: nullopt and error when the text is longer than kMaxSpokenChars
  // (refused before anything is synthesized) or the audio would be longer than max_seconds.
  std::optional<std::vector<std::int16_t>> samples(std::string_view text, std::string& error, int max_seconds = kMaxSpokenSeconds);

 private:
  SpeechSynth() = default;
  int sample_rate_ = 0;
};

// A RIFF/WAVE file of 16-bit mono PCM, written atomically. False with error (path, errno) on failure.
bool write_wav(const std::filesystem::path& path, std::span<const std::int16_t> samples, int sample_rate, std::string& error);

}  // namespace openday
