// Issue 31: the recognizer on characters drawn from real stroke data with seeded jitter: every
// distinct character of the sample content's approval-item names, and, to see that the ranking
// is not fitted to them, the same with another seed, with more jitter, and on a generated
// county's item names.
#include <gtest/gtest.h>

#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include "core/content/content.h"
#include "core/handwriting/content_ranking.h"
#include "core/util/utf8.h"
#include "support/county_generator.h"
#include "support/hanzi_strokes.h"
#include "support/temp_dir.h"

namespace openday {
namespace {

constexpr int kJitter = 8;  // units on the 1024 box: a steady finger

using Sample = test::NameCharacter;

struct Figures {
  std::size_t first = 0, top5 = 0, total = 0;
  std::string failures;  // "字(字 top5)": the character, the first candidate, whether it was in the first five
  double percent(std::size_t n) const { return total ? 100.0 * static_cast<double>(n) / static_cast<double>(total) : 0; }
  void count(const std::string& character, const std::vector<HandwritingCandidate>& row) {
    ++total;
    std::size_t rank = row.size();
    for (std::size_t r = 0; r < row.size(); ++r)
      if (row[r].character == character) rank = std::min(rank, r);
    if (rank == 0) ++first;
    if (rank < 5) ++top5;
    if (rank != 0) failures += character + "(" + (row.empty() ? "-" : row.front().character) + (rank < 5 ? " top5" : "") + ") ";
  }
};

struct Measured {
  Figures plain, alone, in_order;  // re-ranking off; content, empty box; content, the name so far in the box
  std::size_t missing_data = 0;
};

// Zinnia is asked once per character and its guesses ranked the three ways, as
// recognize_character() does (the test checks that it does on the first samples).
Measured measure(HandwritingRecognizer& recognizer, const std::vector<Sample>& samples, const ContentCharacters& content, int jitter,
                 std::uint32_t seed) {
  Measured m;
  for (std::size_t i = 0; i < samples.size(); ++i) {
    const std::string& character = samples[i].character;
    const auto strokes = test::hanzi_strokes(character, jitter, static_cast<std::uint32_t>(seed + i));
    if (!strokes) {
      ++m.missing_data;
      continue;
    }
    const auto guesses = recognizer.classify(*strokes, kHandwritingGuesses);
    const std::size_t written = strokes->size();
    m.plain.count(character, rank_candidates(guesses, {nullptr, "", written}, 5));
    const auto alone = rank_candidates(guesses, {&content, "", written}, 5);
    m.alone.count(character, alone);
    m.in_order.count(character, rank_candidates(guesses, {&content, samples[i].before, written}, 5));
    if (i < 10) {
      const auto pad = recognize_character(recognizer, *strokes, {&content, ""}, 5);
      EXPECT_EQ(pad.size(), alone.size());
      for (std::size_t r = 0; r < std::min(pad.size(), alone.size()); ++r) EXPECT_EQ(pad[r].character, alone[r].character) << character;
    }
  }
  return m;
}

void print(const char* what, const Measured& m, int jitter, std::uint32_t seed) {
  std::printf("handwriting, %s: %zu characters, jitter %d units of 1024, seed %u\n", what, m.plain.total, jitter, seed);
  const auto line = [](const char* ranking, const Figures& f) {
    std::printf("  %-44s first %5.1f %%, first five %5.1f %%\n", ranking, f.percent(f.first), f.percent(f.top5));
  };
  line("re-ranking off (Zinnia alone):", m.plain);
  line("content re-ranking, each character alone:", m.alone);
  line("content re-ranking, written in name order:", m.in_order);
  std::printf("  not first, Zinnia alone (character(first candidate)): %s\n", m.plain.failures.c_str());
  std::printf("  not first, content, alone: %s\n", m.alone.failures.c_str());
  std::printf("  not first, content, in name order: %s\n", m.in_order.failures.c_str());
}

class HandwritingRecognition : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(test::require_hanzi_data());
    ASSERT_TRUE(recognizer_.load()) << recognizer_.error();
  }
  HandwritingRecognizer recognizer_;
};

TEST_F(HandwritingRecognition, SampleItemNameCharactersDrawnWithJitter) {
  const ContentLoad loaded = load_content(std::filesystem::path(OPENDAY_ASSETS_DIR) / "content");
  ASSERT_TRUE(loaded.content);
  const auto samples = test::item_name_characters(*loaded.content, true);
  ASSERT_GT(samples.size(), 100u);
  const ContentCharacters content(*loaded.content);

  const Measured m = measure(recognizer_, samples, content, kJitter, 1000);
  print("the sample's item names", m, kJitter, 1000);
  EXPECT_EQ(m.missing_data, 0u) << "characters without stroke data";
  EXPECT_EQ(m.plain.total, samples.size());
  // Written as a visitor writes a name, character after character (the query so far ranks its
  // continuations first): the figures.
  EXPECT_GE(m.in_order.percent(m.in_order.top5), 95.0);
  EXPECT_GE(m.in_order.percent(m.in_order.first), 90.0);
  // Each character alone with an empty search box: with the stroke-count penalty 87.3 % first,
  // 94.6 % in the first five (86.1 / 92.1 without it). Short of the 90 / 95: the
  // characters left are ones Zinnia's model scores below same-stroke-count content characters
  // (通 租, 安 交, 全 企) or does not rank in its first 1,000 at all (道, 运, 安, 性); see README.
  // The floors keep the ranking from regressing.
  EXPECT_GE(m.alone.percent(m.alone.top5), 94.0);
  EXPECT_GE(m.alone.percent(m.alone.first), 86.5);
  // The content ranking must beat Zinnia alone.
  EXPECT_GT(m.alone.first, m.plain.first + m.plain.total / 20);
}

// The same characters with another seed and with a shakier finger, and a generated county's
// item names (a content of thousands of distinct characters, where the content tier narrows
// far less): figures printed so that a change fitted to the sample's seed shows. Bounds only
// against regressions of the ranking relative to Zinnia alone.
TEST_F(HandwritingRecognition, OtherSeedsJitterAndAGeneratedCounty) {
  const ContentLoad sample = load_content(std::filesystem::path(OPENDAY_ASSETS_DIR) / "content");
  ASSERT_TRUE(sample.content);
  const auto sample_characters = test::item_name_characters(*sample.content, true);
  const ContentCharacters sample_content(*sample.content);
  for (const auto& [jitter, seed] : {std::pair{kJitter, 7u}, std::pair{12, 1000u}}) {
    const Measured m = measure(recognizer_, sample_characters, sample_content, jitter, seed);
    print("the sample's item names", m, jitter, seed);
    EXPECT_GT(m.alone.first, m.plain.first + m.plain.total / 20);
    EXPECT_GE(m.alone.top5, m.plain.top5);
  }

  testing::TempDir dir;
  testing::CountyOptions options;
  options.departments = 20;
  options.items = 400;
  options.seed = 31;
  testing::generate_county(options, dir.path() / "county");
  const ContentLoad county = load_content(dir.path() / "county");
  ASSERT_TRUE(county.content);
  auto county_characters = test::item_name_characters(*county.content, true);
  if (county_characters.size() > 300) county_characters.resize(300);  // enough for a figure, in seconds
  const Measured m = measure(recognizer_, county_characters, ContentCharacters(*county.content), kJitter, 1000);
  print("a generated county's item names (20 departments, 400 items, seed 31)", m, kJitter, 1000);
  std::printf("  %zu of them without stroke data, left out\n", m.missing_data);
  ASSERT_GT(m.plain.total, 100u);
  EXPECT_GE(m.alone.first, m.plain.first);
  EXPECT_GE(m.alone.top5, m.plain.top5);
}

}  // namespace
}  // namespace openday
