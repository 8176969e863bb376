#include "core/quiz/quiz_round.h"

#include <algorithm>
#include <numeric>

namespace openday {

int QuizAnswer::shown_correct() const {
  for (std::size_t i = 0; i < order.size(); ++i)
    if (order[i] == question->correct) return static_cast<int>(i);
  return -1;
}

QuizRound::QuizRound(const QuizBank& bank, int questions, int pass_min_correct, std::mt19937_64& random) {
  const std::size_t count = std::min<std::size_t>(static_cast<std::size_t>(std::max(questions, 1)), bank.questions.size());
  std::vector<std::size_t> indices(bank.questions.size());
  std::iota(indices.begin(), indices.end(), 0);
  // A partial Fisher-Yates shuffle: the first count entries are a uniform draw without repeats.
  for (std::size_t i = 0; i < count; ++i) {
    std::uniform_int_distribution<std::size_t> pick(i, indices.size() - 1);
    std::swap(indices[i], indices[pick(random)]);
  }
  for (std::size_t i = 0; i < count; ++i) {
    QuizAnswer answer;
    answer.question = &bank.questions[indices[i]];
    answer.order.resize(answer.question->options.size());
    std::iota(answer.order.begin(), answer.order.end(), 0);
    if (answer.question->kind == QuestionKind::SingleChoice) std::shuffle(answer.order.begin(), answer.order.end(), random);
    answers_.push_back(std::move(answer));
  }
  const int total = static_cast<int>(answers_.size());
  pass_min_correct_ = pass_min_correct <= 0 ? total : std::min(pass_min_correct, total);
}

bool QuizRound::answer(int shown_option) {
  if (finished()) return false;
  QuizAnswer& answer = answers_[current_];
  if (answer.answered() || shown_option < 0 || shown_option >= static_cast<int>(answer.order.size())) return false;
  answer.chosen = shown_option;
  return true;
}

void QuizRound::next() {
  if (!finished() && answers_[current_].answered()) ++current_;
}

int QuizRound::correct_count() const {
  return static_cast<int>(std::count_if(answers_.begin(), answers_.end(), [](const QuizAnswer& a) { return a.correct(); }));
}

bool QuizRound::passed() const { return finished() && correct_count() >= pass_min_correct_; }

}  // namespace openday
