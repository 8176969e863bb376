#include "core/content/speech_synth.h"

#include <espeak-ng/espeak_ng.h>

#include <cstring>

#include "core/util/atomic_file.h"
#include "core/util/utf8.h"

namespace openday {
namespace {

// Slower than espeak-ng's 175 words a minute: many listeners at the booth are elderly.
constexpr int kWordsPerMinute = 150;
constexpr int kChunkMilliseconds = 50;

std::string status_message(espeak_ng_STATUS status) {
  char buffer[256] = {};
  espeak_ng_GetStatusCodeMessage(status, buffer, sizeof buffer);
  return buffer;
}

// espeak-ng calls back a plain function; the sink of the synthesis running on this thread is
// found here (one synthesis at a time per thread, and espeak-ng runs it synchronously).
thread_local const SpeechSynth::ChunkSink* current_sink = nullptr;
thread_local bool current_stopped = false;

int on_samples(short* samples, int count, espeak_EVENT*) {
  if (!samples || count <= 0 || !current_sink) return 0;
  if (!(*current_sink)(std::span<const std::int16_t>(samples, static_cast<std::size_t>(count)))) {
    current_stopped = true;
    return 1;  // espeak-ng stops the synthesis
  }
  return 0;
}

void put_u32(std::string& out, std::uint32_t value) {
  for (int i = 0; i < 4; ++i) out += static_cast<char>((value >> (8 * i)) & 0xFF);
}
void put_u16(std::string& out, std::uint16_t value) {
  out += static_cast<char>(value & 0xFF);
  out += static_cast<char>(value >> 8);
}

// espeak-ng keeps one state per process, and starting it again after espeak_ng_Terminate()
// crashes in 1.51: it is started once, on first use, and stays (its state is the library's own).
espeak_ng_STATUS start_espeak_once() {
  static const espeak_ng_STATUS status = [] {
    espeak_ng_InitializePath(nullptr);
    espeak_ng_ERROR_CONTEXT context = nullptr;
    espeak_ng_STATUS started = espeak_ng_Initialize(&context);
    espeak_ng_ClearErrorContext(&context);
    if (started == ENS_OK) started = espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, kChunkMilliseconds, nullptr);
    if (started == ENS_OK) espeak_SetSynthCallback(on_samples);
    return started;
  }();
  return status;
}

}  // namespace

std::unique_ptr<SpeechSynth> SpeechSynth::open(std::string& error, std::string_view voice) {
  const espeak_ng_STATUS started = start_espeak_once();
  if (started != ENS_OK) {
    error = "espeak-ng: cannot start (" + status_message(started) + ")";
    return nullptr;
  }
  const espeak_ng_STATUS status = espeak_ng_SetVoiceByName(std::string(voice).c_str());
  if (status != ENS_OK) {
    error = "espeak-ng: voice " + std::string(voice) + ": " + status_message(status);
    return nullptr;
  }
  espeak_ng_SetParameter(espeakRATE, kWordsPerMinute, 0);
  std::unique_ptr<SpeechSynth> synth(new SpeechSynth());
  synth->sample_rate_ = espeak_ng_GetSampleRate();
  return synth;
}

SpeechSynth::~SpeechSynth() = default;

void SpeechSynth::set_volume(int volume) { espeak_ng_SetParameter(espeakVOLUME, volume, 0); }

bool SpeechSynth::synthesize(std::string_view text, const ChunkSink& sink, std::string& error) {
  if (text.empty()) return true;
  const std::string terminated(text);
  current_sink = &sink;
  current_stopped = false;
  const espeak_ng_STATUS status = espeak_ng_Synthesize(terminated.c_str(), terminated.size() + 1, 0, POS_CHARACTER, 0,
                                                       espeakCHARS_UTF8, nullptr, nullptr);
  current_sink = nullptr;
  if (status == ENS_OK || current_stopped) return true;
  error = "espeak-ng: synthesis failed (" + status_message(status) + ")";
  return false;
}

std::string SpeechSynth::phonemes(std::string_view text) {
  const std::string terminated(text);
  const void* rest = terminated.c_str();
  std::string out;
  while (rest) {
    const char* clause = espeak_TextToPhonemes(&rest, espeakCHARS_UTF8, 0);
    if (!clause) break;
    if (!out.empty() && *clause) out += ' ';
    out += clause;
  }
  return out;
}

std::string spoken_text_problem(std::string_view text) {
  const std::size_t chars = count_code_points(text);
  if (chars <= kMaxSpokenChars) return "";
  return "the text is " + std::to_string(chars) + " characters long; at most " + std::to_string(kMaxSpokenChars) +
         " are read aloud at once (the longest content paragraph has 600)";
}

std::optional<std::vector<std::int16_t>> SpeechSynth::samples(std::string_view text, std::string& error, int max_seconds) {
  if (error = spoken_text_problem(text); !error.empty()) return std::nullopt;
  const std::size_t max_samples = static_cast<std::size_t>(max_seconds) * static_cast<std::size_t>(sample_rate_);
  std::vector<std::int16_t> all;
  bool too_long = false;
  const ChunkSink collect = [&](std::span<const std::int16_t> chunk) {
    too_long = all.size() + chunk.size() > max_samples;
    if (!too_long) all.insert(all.end(), chunk.begin(), chunk.end());
    return !too_long;
  };
  if (!synthesize(text, collect, error)) return std::nullopt;
  if (too_long) {
    error = "the speech would last more than " + std::to_string(max_seconds) + " s; at most that is made in one go";
    return std::nullopt;
  }
  return all;
}

bool write_wav(const std::filesystem::path& path, std::span<const std::int16_t> samples, int sample_rate, std::string& error) {
  const std::uint32_t data_bytes = static_cast<std::uint32_t>(samples.size() * sizeof(std::int16_t));
  std::string wav;
  wav.reserve(44 + data_bytes);
  wav += "RIFF";
  put_u32(wav, 36 + data_bytes);
  wav += "WAVEfmt ";
  put_u32(wav, 16);  // the PCM format chunk
  put_u16(wav, 1);   // PCM
  put_u16(wav, 1);   // mono
  put_u32(wav, static_cast<std::uint32_t>(sample_rate));
  put_u32(wav, static_cast<std::uint32_t>(sample_rate) * 2);  // bytes a second
  put_u16(wav, 2);                                           // bytes a frame
  put_u16(wav, 16);                                          // bits a sample
  wav += "data";
  put_u32(wav, data_bytes);
  for (std::int16_t sample : samples) put_u16(wav, static_cast<std::uint16_t>(sample));  // little-endian
  try {
    write_file_atomically(path, wav);
  } catch (const std::exception& e) {
    error = e.what();
    return false;
  }
  return true;
}

}  // namespace openday
