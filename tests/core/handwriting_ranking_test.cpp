// Issue 31: the handwriting pad's candidates ranked toward the content.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/handwriting/content_ranking.h"
#include "core/handwriting/stroke_counts.h"
#include "support/search_fixture.h"
#include "support/temp_dir.h"

namespace openday {
namespace {

// Candidates with the scores given, in that order.
std::vector<HandwritingCandidate> scored(std::initializer_list<std::pair<const char*, float>> characters) {
  std::vector<HandwritingCandidate> out;
  for (const auto& [c, score] : characters) out.push_back({c, score, false});
  return out;
}

std::vector<HandwritingCandidate> guesses(std::initializer_list<const char*> characters) {
  std::vector<HandwritingCandidate> out;
  float score = 1;
  for (const char* c : characters) out.push_back({c, score -= 0.1f, false});
  return out;
}

std::string row(const std::vector<HandwritingCandidate>& candidates) {
  std::string out;
  for (const auto& c : candidates) out += c.character;
  return out;
}

class HandwritingRanking : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::write_search_content(dir_.path());
    load_ = load_content(dir_.path());
    ASSERT_TRUE(load_.content) << testing::all(load_.problems);
    characters_ = ContentCharacters(*load_.content);
  }
  testing::TempDir dir_;
  ContentLoad load_;
  ContentCharacters characters_;
};

TEST_F(HandwritingRanking, ContentCharactersComeFirstInZinniaOrder) {
  ASSERT_TRUE(characters_.contains("低"));
  ASSERT_FALSE(characters_.contains("氐"));
  const auto ranked = rank_candidates(guesses({"氐", "低", "仾", "保"}), {&characters_, ""}, 8);
  EXPECT_EQ(row(ranked), "低保氐仾");
  EXPECT_TRUE(ranked[0].in_content);
  EXPECT_FALSE(ranked[2].in_content);
}

TEST_F(HandwritingRanking, WithoutContentZinniasOrderStandsAndTheRowIsCut) {
  const auto ranked = rank_candidates(guesses({"氐", "低", "仾", "保"}), {nullptr, ""}, 3);
  EXPECT_EQ(row(ranked), "氐低仾");
  EXPECT_FALSE(ranked[1].in_content);
}

TEST_F(HandwritingRanking, ContinuationsOfTheQueryComeFirst) {
  // After 低, 保 (低保) outranks a content character Zinnia scored higher.
  ASSERT_TRUE(characters_.contains("民"));
  EXPECT_EQ(row(rank_candidates(guesses({"民", "保"}), {&characters_, "低"}, 8)), "保民");
  EXPECT_EQ(row(rank_candidates(guesses({"民", "保"}), {&characters_, "民政"}, 8)), "民保");
}

TEST_F(HandwritingRanking, ContinuationsAreFoundInNamesKeywordsAndDepartments) {
  const auto after_di = characters_.continuations("低");
  EXPECT_TRUE(after_di.count("保"));
  EXPECT_TRUE(characters_.continuations("民政").count("局"));  // a department's name
  EXPECT_TRUE(characters_.continuations("低保").count("户"));  // a keyword
  EXPECT_TRUE(characters_.continuations("").count("城"));      // nothing yet: what texts begin with
  EXPECT_TRUE(characters_.continuations("不存在的").empty());
}

// None of 氐 (5 strokes), 仾 (6), 彳 (3) or 伲 (7) occurs in the fixture's content: one tier, so
// only Zinnia's score, the start bonus (none here) and the stroke counts order them.
TEST_F(HandwritingRanking, AMatchingStrokeCountBreaksANearTie) {
  ASSERT_EQ(stroke_count("氐"), 5);
  ASSERT_EQ(stroke_count("仾"), 6);
  const auto near_tie = scored({{"仾", 0.9f}, {"氐", 0.85f}});
  HandwritingContext five_strokes{&characters_, ""};
  five_strokes.written_strokes = 5;
  EXPECT_EQ(row(rank_candidates(near_tie, five_strokes, 8)), "氐仾");
  EXPECT_EQ(row(rank_candidates(near_tie, {&characters_, ""}, 8)), "仾氐");  // stroke count unknown: Zinnia's order
  EXPECT_EQ(row(rank_candidates(near_tie, {nullptr, "", 5}, 8)), "仾氐");   // re-ranking off: Zinnia's order
}

TEST_F(HandwritingRanking, StrokesShortOfTheCountCostLessThanExtraStrokes) {
  // Five strokes written: 伲 (7) as if two strokes were joined, 彳 (3) as if two were added;
  // Zinnia scored 彳 a little higher, but joined strokes are the likelier slip of a finger.
  ASSERT_EQ(stroke_count("彳"), 3);
  ASSERT_EQ(stroke_count("伲"), 7);
  EXPECT_EQ(row(rank_candidates(scored({{"彳", 0.9f}, {"伲", 0.8f}}), {&characters_, "", 5}, 8)), "伲彳");
  EXPECT_LT(stroke_count_penalty(7, 5), stroke_count_penalty(3, 5));
  EXPECT_EQ(stroke_count_penalty(5, 5), 0.0f);
  EXPECT_EQ(stroke_count_penalty(0, 5), 0.0f);  // a candidate Unihan does not count
}

TEST_F(HandwritingRanking, TheStrokeCountDoesNotLiftACharacterOverTheContent) {
  // 保 (9 strokes) is in the content; 氐 matches the five strokes written but occurs nowhere.
  EXPECT_EQ(row(rank_candidates(scored({{"氐", 0.9f}, {"保", 0.1f}}), {&characters_, "", 5}, 8)), "保氐");
}

TEST(StrokeCounts, UnihanTotalStrokesOfHanCharacters) {
  EXPECT_EQ(stroke_count(U'一'), 1);
  EXPECT_EQ(stroke_count("低"), 7);
  EXPECT_EQ(stroke_count("保"), 9);
  EXPECT_EQ(stroke_count("鑽"), 27);  // 'A' + 27 is the backslash the generated table escapes
  EXPECT_EQ(stroke_count("龘"), 48);
  EXPECT_EQ(stroke_count("A"), 0);
  EXPECT_EQ(stroke_count("低保"), 0);  // not one character
  EXPECT_EQ(stroke_count(""), 0);
  EXPECT_GT(stroke_table_size(), 20000u);
}

TEST(StrokeCounts, RadicalsTheStandardOrderWritesLast) {
  for (const char* walk : {"通", "道", "这", "迁", "边", "運"}) EXPECT_EQ(radical_written_last_strokes(walk), 3) << walk;
  for (const char* long_stride : {"建", "延", "廷"}) EXPECT_EQ(radical_written_last_strokes(long_stride), 2) << long_stride;
  EXPECT_EQ(radical_written_last_strokes("低"), 0);
  EXPECT_EQ(radical_written_last_strokes("莲"), 0);  // 辶 inside, but its radical is 艹
  EXPECT_EQ(radical_written_last_strokes("起"), 0);  // 走 wraps too, but is written first
  EXPECT_EQ(radical_written_last_strokes("A"), 0);
  EXPECT_EQ(radical_written_last_strokes("通道"), 0);  // not one character
  EXPECT_EQ(radical_written_last_strokes(""), 0);
}

}  // namespace
}  // namespace openday
