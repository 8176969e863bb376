// espeak-ng's Mandarin voice, offline: the voice choice, and speech to samples and to a WAV file.
#include "core/content/speech_synth.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>

#include "core/content/speech_text.h"
#include "support/temp_dir.h"

namespace openday {
namespace {

constexpr const char* kSentence = "政务公开日，欢迎到行政服务中心咨询审批事项。";

// The voice the kiosk uses reads characters as Mandarin syllables with tones; the plain "cmn"
// voice of Debian 12's espeak-ng falls back to spelling pinyin in English for many of them.
TEST(SpeechSynth, TheChosenVoiceReadsCharactersWithTones) {
  std::string error;
  auto synth = SpeechSynth::open(error);
  ASSERT_TRUE(synth) << error;
  const std::string phonemes = synth->phonemes("你好，行政服务中心审批事项收费标准");
  EXPECT_EQ(phonemes.find("(en)"), std::string::npos) << phonemes;
  EXPECT_NE(phonemes.find("n'i214"), std::string::npos) << phonemes;  // 你: n, i, tone 3 (214)
  EXPECT_NE(phonemes.find("S;'i35N"), std::string::npos) << phonemes;  // 行: xing2
}

TEST(SpeechSynth, ThePlainMandarinVoiceSpellsPinyinInEnglish) {
  std::string error;
  auto synth = SpeechSynth::open(error, "cmn");
  ASSERT_TRUE(synth) << error;
  EXPECT_NE(synth->phonemes("行政服务中心").find("(en)"), std::string::npos);
}

TEST(SpeechSynth, AMissingVoiceIsAnErrorNotACrash) {
  std::string error;
  EXPECT_FALSE(SpeechSynth::open(error, "no-such-voice"));
  EXPECT_NE(error.find("no-such-voice"), std::string::npos) << error;
}

TEST(SpeechSynth, NormalisedDatesAndPhonesStayMandarin) {
  std::string error;
  auto synth = SpeechSynth::open(error);
  ASSERT_TRUE(synth) << error;
  const std::string phonemes = synth->phonemes(speech_text("2026年5月15日 8:30—11:30 电话0571-88776655"));
  EXPECT_EQ(phonemes.find("(en)"), std::string::npos) << phonemes;
}

TEST(SpeechSynth, ASinkCanStopTheSynthesis) {
  std::string error;
  auto synth = SpeechSynth::open(error);
  ASSERT_TRUE(synth) << error;
  int chunks = 0;
  ASSERT_TRUE(synth->synthesize(kSentence, [&chunks](std::span<const std::int16_t>) { return ++chunks < 2; }, error)) << error;
  EXPECT_EQ(chunks, 2);
}

struct Wav {
  int sample_rate = 0;
  int channels = 0;
  int bits = 0;
  std::vector<std::int16_t> samples;
};

std::uint32_t u32_at(const std::string& bytes, std::size_t at) {
  std::uint32_t v = 0;
  for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(bytes[at + static_cast<std::size_t>(i)]);
  return v;
}

Wav read_wav(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  Wav wav;
  if (bytes.size() < 44 || bytes.compare(0, 4, "RIFF") != 0 || bytes.compare(8, 8, "WAVEfmt ") != 0 || bytes.compare(36, 4, "data") != 0)
    return wav;
  wav.channels = static_cast<int>(u32_at(bytes, 22) & 0xFFFF);
  wav.sample_rate = static_cast<int>(u32_at(bytes, 24));
  wav.bits = static_cast<int>(u32_at(bytes, 34) & 0xFFFF);
  const std::size_t data = std::min<std::size_t>(u32_at(bytes, 40), bytes.size() - 44);
  for (std::size_t i = 0; i + 1 < data; i += 2)
    wav.samples.push_back(static_cast<std::int16_t>(static_cast<unsigned char>(bytes[44 + i]) | (static_cast<unsigned char>(bytes[45 + i]) << 8)));
  return wav;
}

// `openday speak --wav`: a fixed sentence of 22 characters, read at 150 words a minute, lasts a
// few seconds, and most of it is voice, not silence.
TEST(SpeechSynth, SpeakToWavGivesPlausibleNonSilentAudio) {
  testing::TempDir dir;
  const std::filesystem::path wav_path = dir / "sentence.wav";
  const std::string command = std::string(OPENDAY_BINARY) + " speak --wav '" + wav_path.string() + "' '" + kSentence + "' >/dev/null";
  ASSERT_EQ(std::system(command.c_str()), 0);
  const Wav wav = read_wav(wav_path);
  ASSERT_EQ(wav.channels, 1);
  ASSERT_EQ(wav.bits, 16);
  ASSERT_GT(wav.sample_rate, 8000);
  const double seconds = static_cast<double>(wav.samples.size()) / wav.sample_rate;
  EXPECT_GT(seconds, 2.0);
  EXPECT_LT(seconds, 12.0);
  // Loud enough to hear, and voiced through most of its length: in 50 ms windows, at least
  // half carry sound well above the noise floor.
  const std::size_t window = static_cast<std::size_t>(wav.sample_rate / 20);
  int voiced = 0, windows = 0;
  int peak = 0;
  for (std::size_t start = 0; start + window <= wav.samples.size(); start += window, ++windows) {
    double energy = 0;
    for (std::size_t i = start; i < start + window; ++i) {
      energy += static_cast<double>(wav.samples[i]) * wav.samples[i];
      peak = std::max(peak, std::abs(static_cast<int>(wav.samples[i])));
    }
    if (std::sqrt(energy / static_cast<double>(window)) > 500) ++voiced;
  }
  EXPECT_GT(peak, 8000);
  EXPECT_GT(voiced * 2, windows) << voiced << " of " << windows << " windows voiced";
}

// 125 KB of text gave 3.9 hours of audio, a 611 MB WAV and 1.2 GB of memory (issue 33): a text
// over the bound is refused before anything is synthesized, naming the bound, and no WAV is
// written; the audio itself is bounded too.
TEST(SpeechSynth, SpeakRefusesATextLongerThanTheBoundBeforeSynthesizing) {
  testing::TempDir dir;
  std::string text;
  for (std::size_t i = 0; i <= kMaxSpokenChars; ++i) text += "好";
  const std::filesystem::path wav_path = dir / "long.wav";
  const auto started = std::chrono::steady_clock::now();
  const std::string command = std::string(OPENDAY_BINARY) + " speak --wav '" + wav_path.string() + "' '" + text + "' >'" +
                              (dir / "out").string() + "' 2>&1";
  const int status = std::system(command.c_str());
  EXPECT_EQ(WEXITSTATUS(status), 2) << "a bad command line, not 12 (no voice or no sound device)";
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
  EXPECT_FALSE(std::filesystem::exists(wav_path));
  std::ifstream out(dir / "out");
  const std::string said((std::istreambuf_iterator<char>(out)), std::istreambuf_iterator<char>());
  EXPECT_NE(said.find("the text is 2001 characters long; at most 2000 are read aloud at once"), std::string::npos) << said;
}

TEST(SpeechSynth, SamplesStopAtTheAudioBound) {
  std::string error;
  auto synth = SpeechSynth::open(error);
  ASSERT_TRUE(synth) << error;
  EXPECT_FALSE(synth->samples(speech_text(kSentence), error, 1).has_value());
  EXPECT_EQ(error, "the speech would last more than 1 s; at most that is made in one go");
  EXPECT_TRUE(synth->samples(speech_text(kSentence), error).has_value()) << error;
}

TEST(SpeechSynth, SpeakWithoutTextIsABadCommandLine) {
  const std::string command = std::string(OPENDAY_BINARY) + " speak --wav /dev/null >/dev/null 2>&1";
  const int status = std::system(command.c_str());
  EXPECT_EQ(WEXITSTATUS(status), 2);
}

}  // namespace
}  // namespace openday
