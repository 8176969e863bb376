#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "core/content/content.h"
#include "core/util/paths.h"
#include "core/quiz/quiz_bank.h"
#include "core/quiz/quiz_round.h"
#include "support/content_fixture.h"
#include "support/quiz_fixture.h"
#include "support/temp_dir.h"

namespace openday {
namespace {

using testing::TempDir;
using testing::all;

bool reported(const QuizBankLoad& load, std::string_view path, std::string_view words) {
  return std::any_of(load.problems.begin(), load.problems.end(),
                     [&](const JsonProblem& p) { return p.path == path && p.message.find(words) != std::string::npos; });
}

QuizBankLoad load_json(TempDir& dir, const nlohmann::json& bank, int per_round = 5, const Content* content = nullptr) {
  testing::write_json(dir / "questions.json", bank);
  return load_quiz_bank(dir / "questions.json", per_round, content);
}

TEST(QuizBank, TheShippedBankValidatesAgainstTheShippedContent) {
  const ContentLoad content = load_content(default_content_dir());
  ASSERT_TRUE(content.content);
  const QuizBankLoad load = load_quiz_bank(default_quiz_file(), 5, &*content.content);
  ASSERT_TRUE(load.bank) << all(load.problems);
  EXPECT_GE(load.bank->questions.size(), 40u);
  std::set<QuestionKind> kinds;
  for (const auto& q : load.bank->questions) kinds.insert(q.kind);
  EXPECT_EQ(kinds.size(), 2u) << "single-choice and true/false";
  EXPECT_NE(quiz_bank_summary(*load.bank).find("true/false"), std::string::npos);
}

TEST(QuizBank, ExactlyOneCorrectOption) {
  TempDir dir;
  auto bank = testing::bank_of(6);
  bank["questions"][1]["options"][0]["correct"] = true;   // q101 had its correct one at 1: now two
  bank["questions"][2]["options"][2]["correct"] = false;  // q102 had its correct one at 2: now none
  const auto load = load_json(dir, bank);
  EXPECT_TRUE(reported(load, "$.questions[1].options", "exactly one correct option, found 2")) << all(load.problems);
  EXPECT_TRUE(reported(load, "$.questions[2].options", "exactly one correct option, found 0"));
}

TEST(QuizBank, OptionsUniqueAndNotEmpty) {
  TempDir dir;
  auto bank = testing::bank_of(6);
  bank["questions"][0]["options"][1]["text"] = "选项0";
  bank["questions"][3]["options"][2]["text"] = "";
  const auto load = load_json(dir, bank);
  EXPECT_TRUE(reported(load, "$.questions[0].options[1].text", "appears twice")) << all(load.problems);
  EXPECT_TRUE(reported(load, "$.questions[3].options[2].text", "must not be empty"));
}

TEST(QuizBank, TrueFalseQuestionsHaveExactlyRightAndWrong) {
  TempDir dir;
  auto bank = testing::bank_of(6);
  bank["questions"][0]["kind"] = "true_false";
  const auto load = load_json(dir, bank);
  EXPECT_TRUE(reported(load, "$.questions[0].options", "\"正确\" and \"错误\"")) << all(load.problems);
}

TEST(QuizBank, AtLeastOneRoundOfQuestionsAndUniqueIds) {
  TempDir dir;
  auto bank = testing::bank_of(4);
  bank["questions"][3]["id"] = "q100";
  const auto load = load_json(dir, bank, 5);
  EXPECT_TRUE(reported(load, "$.questions", "fewer than the 5 one round draws")) << all(load.problems);
  EXPECT_TRUE(reported(load, "$.questions[3].id", "used by another question"));
}

TEST(QuizBank, DepartmentMustExistInTheContent) {
  TempDir dir;
  testing::write_valid_content(dir / "content");
  const Content content = *load_content(dir / "content").content;
  auto bank = testing::bank_of(6);
  bank["questions"][0]["department"] = "alpha";
  bank["questions"][1]["department"] = "nowhere";
  const auto load = load_json(dir, bank, 5, &content);
  EXPECT_FALSE(reported(load, "$.questions[0].department", "not the id"));
  EXPECT_TRUE(reported(load, "$.questions[1].department", "not the id of any department")) << all(load.problems);
}

class QuizRoundTest : public ::testing::Test {
 protected:
  void SetUp() override {
    TempDir dir;
    auto json = testing::bank_of(12);
    json["questions"][11]["kind"] = "true_false";
    json["questions"][11]["options"] = {{{"text", "正确"}, {"correct", false}}, {{"text", "错误"}, {"correct", true}}};
    bank = *load_json(dir, json).bank;
  }
  QuizBank bank;
  std::mt19937_64 random{42};
};

TEST_F(QuizRoundTest, DrawsHaveNoRepeatsAndCoverTheBank) {
  std::map<std::string, int> drawn;
  for (int r = 0; r < 200; ++r) {
    QuizRound round(bank, 5, 0, random);
    std::set<std::string> ids;
    for (const auto& answer : round.answers()) ids.insert(answer.question->id);
    EXPECT_EQ(ids.size(), 5u) << "a question was drawn twice in one round";
    for (const auto& id : ids) ++drawn[id];
  }
  EXPECT_EQ(drawn.size(), bank.questions.size()) << "some questions are never drawn";
  for (const auto& [id, times] : drawn) EXPECT_GT(times, 40) << id << " is drawn far less than its share (~83)";
}

TEST_F(QuizRoundTest, OptionsAreShuffledButTrueFalseKeepsItsOrder) {
  std::set<std::vector<int>> orders;
  for (int r = 0; r < 100; ++r) {
    QuizRound round(bank, 12, 0, random);
    for (const auto& answer : round.answers()) {
      if (answer.question->kind == QuestionKind::TrueFalse) EXPECT_EQ(answer.order, (std::vector<int>{0, 1}));
      else orders.insert(answer.order);
      // The shown correct option is the question's correct one, wherever it landed.
      EXPECT_EQ(answer.order[static_cast<std::size_t>(answer.shown_correct())], answer.question->correct);
    }
  }
  EXPECT_EQ(orders.size(), 6u) << "all 3! orders of three options should appear";
}

TEST_F(QuizRoundTest, ScoringAndThePassRule) {
  QuizRound all_right(bank, 5, 0, random);
  while (!all_right.finished()) {
    EXPECT_TRUE(all_right.answer(all_right.current().shown_correct()));
    EXPECT_FALSE(all_right.answer(0)) << "an answered question cannot be answered again";
    all_right.next();
  }
  EXPECT_EQ(all_right.correct_count(), 5);
  EXPECT_TRUE(all_right.passed());

  QuizRound one_wrong(bank, 5, 0, random);
  while (!one_wrong.finished()) {
    const int right = one_wrong.current().shown_correct();
    const bool first = one_wrong.current_index() == 0;
    one_wrong.answer(first ? (right + 1) % static_cast<int>(one_wrong.current().order.size()) : right);
    one_wrong.next();
  }
  EXPECT_EQ(one_wrong.correct_count(), 4);
  EXPECT_FALSE(one_wrong.passed()) << "the default rule is: all correct";

  QuizRound lenient(bank, 5, 3, random);
  for (int i = 0; i < 5; ++i) {
    const int right = lenient.current().shown_correct();
    lenient.answer(i < 3 ? right : (right + 1) % static_cast<int>(lenient.current().order.size()));
    lenient.next();
  }
  EXPECT_TRUE(lenient.passed()) << "3 of 5 passes when pass_min_correct is 3";
}

TEST_F(QuizRoundTest, NextNeedsAnAnswerAndAnUnfinishedRoundHasNotPassed) {
  QuizRound round(bank, 3, 0, random);
  round.next();
  EXPECT_EQ(round.current_index(), 0u) << "skipped an unanswered question";
  EXPECT_FALSE(round.passed());
}

}  // namespace
}  // namespace openday
