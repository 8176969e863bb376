// libFuzzer harness: the quiz bank. The input becomes questions.json, read by load_quiz_bank with
// the shipped content (department ids are checked against it) and the default questions per
// round, as the kiosk does; a bank that loads is then played: one round, every answer given.
#include <cstddef>
#include <cstdint>
#include <random>

#include "content_checks.h"
#include "core/quiz/quiz_bank.h"
#include "core/quiz/quiz_round.h"

namespace {

std::optional<openday::Content> shipped_content;
std::filesystem::path fuzzed_file;
const int kQuestionsPerRound = openday::Config{}.questions_per_round;

void play_one_round(const openday::QuizBank& bank) {
  std::mt19937_64 random(bank.questions.size());
  openday::QuizRound round(bank, kQuestionsPerRound, 0, random);
  openday::fuzz::require(round.answers().size() == static_cast<std::size_t>(kQuestionsPerRound), "a round has the wrong length");
  while (!round.finished()) {
    const openday::QuizAnswer& current = round.current();
    const int shown_correct = current.shown_correct();
    openday::fuzz::require(shown_correct >= 0 && static_cast<std::size_t>(shown_correct) < current.order.size(), "no correct option shown");
    openday::fuzz::require(round.answer(shown_correct), "an answer was refused");
    round.next();
  }
  openday::fuzz::require(round.passed(), "all answers right and the round is not passed");
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  openday::ContentLoad content = openday::load_content(std::filesystem::path(OPENDAY_ASSETS_DIR) / "content");
  if (!content.content) openday::fuzz::violated("the shipped content does not load");
  shipped_content = std::move(content.content);
  fuzzed_file = openday::fuzz::scratch_dir() / "quiz" / "questions.json";
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  openday::fuzz::write_file(fuzzed_file, std::string_view(reinterpret_cast<const char*>(data), size));
  openday::fuzz::run_reader([] {
    const openday::QuizBankLoad load = openday::load_quiz_bank(fuzzed_file, kQuestionsPerRound, &*shipped_content);
    openday::fuzz::require_value_or_problems(load.bank.has_value(), load.problems);
    if (!load.bank) return;
    const openday::QuizBank& bank = *load.bank;
    openday::fuzz::require(!openday::quiz_bank_summary(bank).empty(), "empty quiz bank summary");
    (void)bank.heading_texts();
    (void)bank.body_texts();
    for (const openday::QuizQuestion& question : bank.questions)
      openday::fuzz::require(bank.question(question.id) == &question, "a question is not found by its id");
    play_one_round(bank);
  });
  return 0;
}
