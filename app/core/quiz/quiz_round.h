#pragma once
// One round of the quiz: questions drawn at random without repeats, options shuffled (true/false
// keeps 正确 before 错误), answered one by one, scored by the pass rule.
#include <cstdint>
#include <random>
#include <vector>

#include "core/quiz/quiz_bank.h"

namespace openday {

struct QuizAnswer {
  const QuizQuestion* question = nullptr;
  std::vector<int> order;  // shown option i is question->options[order[i]]
  int chosen = -1;         // index of the shown option, -1 before answering
  bool answered() const { return chosen >= 0; }
  bool correct() const { return answered() && order[static_cast<std::size_t>(chosen)] == question->correct; }
  int shown_correct() const;  // the shown index of the correct option
};

class QuizRound {
 public:
  // pass_min_correct 0 means every question must be right.
  QuizRound(const QuizBank& bank, int questions, int pass_min_correct, std::mt19937_64& random);

  const std::vector<QuizAnswer>& answers() const { return answers_; }
  std::size_t current_index() const { return current_; }
  const QuizAnswer& current() const { return answers_[current_]; }
  bool finished() const { return current_ >= answers_.size(); }
  // Answers the current question with a shown option; false when already answered.
  bool answer(int shown_option);
  // Moves on after the feedback; the round is finished after the last question.
  void next();
  int correct_count() const;
  bool passed() const;
  int pass_mark() const { return pass_min_correct_; }

 private:
  std::vector<QuizAnswer> answers_;
  std::size_t current_ = 0;
  int pass_min_correct_;
};

}  // namespace openday
