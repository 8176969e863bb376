// Issue 31: the recognizer on characters drawn from real stroke data with seeded jitter: every
// distinct character of the sample content's approval-item names, and, to see that the ranking
// is not fitted to them, the same with another seed, with more jitter, and on a generated
// county's item names.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include "core/content/content.h"
#include "core/handwriting/content_ranking.h"
#include "core/handwriting/stroke_counts.h"
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
  // The figures, each character alone with an empty search box: 90.5 % first, 96.8 % in
  // the first five (87.3 / 94.6 before 辶 and 廴 were also read radical-first, 86.1 / 92.1
  // before the stroke-count penalty).
  EXPECT_GE(m.alone.percent(m.alone.top5), 95.0);
  EXPECT_GE(m.alone.percent(m.alone.first), 90.0);
  // Written as a visitor writes a name, character after character (the query so far ranks its
  // continuations first): 97.2 % / 98.1 %.
  EXPECT_GE(m.in_order.percent(m.in_order.top5), 97.0);
  EXPECT_GE(m.in_order.percent(m.in_order.first), 96.0);
  // The content ranking must beat Zinnia alone.
  EXPECT_GT(m.alone.first, m.plain.first + m.plain.total / 20);
}

// Zinnia's model learned the characters of 辶 and 廴 with the radical written first; written in
// the standard order, radical last, 通 道 运 迁 were not among its first thousand guesses. Every
// such character of the sample's item names, drawn in the standard order.
TEST_F(HandwritingRecognition, RadicalsWrittenLastAreReadAsZinniaLearnedThem) {
  const ContentLoad loaded = load_content(std::filesystem::path(OPENDAY_ASSETS_DIR) / "content");
  ASSERT_TRUE(loaded.content);
  const ContentCharacters content(*loaded.content);
  std::size_t total = 0, wrapped = 0, top5 = 0;
  std::string missed;
  for (const Sample& sample : test::item_name_characters(*loaded.content, true)) {
    const int radical_strokes = radical_written_last_strokes(sample.character);
    if (radical_strokes == 0) continue;
    const auto strokes = test::hanzi_strokes(sample.character, kJitter, 1000);
    ASSERT_TRUE(strokes) << sample.character;
    ++total;
    wrapped += last_strokes_wrap_bottom_left(trim_stroke_ends(*strokes), static_cast<std::size_t>(radical_strokes)) ? 1 : 0;
    const auto row = recognize_character(recognizer_, *strokes, {&content, ""}, 5);
    const bool found = std::any_of(row.begin(), row.end(), [&](const auto& c) { return c.character == sample.character; });
    top5 += found ? 1 : 0;
    if (!found) missed += sample.character + " ";
  }
  std::printf("characters of 辶 and 廴 in the item names: %zu; the radical seen in %zu, in the first five %zu (missed: %s)\n", total,
              wrapped, top5, missed.c_str());
  ASSERT_GE(total, 8u);
  EXPECT_EQ(wrapped, total);
  EXPECT_GE(top5 * 10, total * 8) << "missed: " << missed;
}

// Characters without those radicals are read once: the sweep a 辶 ends with is rarely seen in
// them (the other readings would only cost time, as only 辶 and 廴 characters are taken from them).
TEST_F(HandwritingRecognition, OtherCharactersRarelyLookLikeTheyEndInTheRadical) {
  const ContentLoad loaded = load_content(std::filesystem::path(OPENDAY_ASSETS_DIR) / "content");
  ASSERT_TRUE(loaded.content);
  std::size_t total = 0, seen = 0;
  for (const Sample& sample : test::item_name_characters(*loaded.content, true)) {
    if (radical_written_last_strokes(sample.character) != 0) continue;
    const auto strokes = test::hanzi_strokes(sample.character, kJitter, 1000);
    ASSERT_TRUE(strokes) << sample.character;
    const Strokes trimmed = trim_stroke_ends(*strokes);
    ++total;
    seen += last_strokes_wrap_bottom_left(trimmed, 3) || last_strokes_wrap_bottom_left(trimmed, 2) ? 1 : 0;
  }
  std::printf("other characters of the item names: %zu; seen as ending in 辶 or 廴: %zu\n", total, seen);
  EXPECT_LE(seen * 10, total);
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
