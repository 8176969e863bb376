// Issue 31: the handwriting pad's candidates ranked toward the content.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/handwriting/content_ranking.h"
#include "support/search_fixture.h"
#include "support/temp_dir.h"

namespace openday {
namespace {

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

}  // namespace
}  // namespace openday
