#include "core/quiz/quiz_bank.h"

#include <algorithm>
#include <set>

#include "core/content/content.h"

namespace openday {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxQuestions = 2000;

void append(std::string& out, std::string_view text) {
  out.append(text);
  out.push_back('\n');
}

}  // namespace

const QuizQuestion* QuizBank::question(std::string_view id) const {
  for (const auto& q : questions)
    if (q.id == id) return &q;
  return nullptr;
}

void QuizBank::for_each_text(const TextVisitor& visit) const {
  for (std::size_t i = 0; i < questions.size(); ++i) {
    const QuizQuestion& q = questions[i];
    const std::string at = "questions.json $.questions[" + std::to_string(i) + "]";
    visit(TextStyle::Heading, q.text, at + ".text");
    for (std::size_t o = 0; o < q.options.size(); ++o) visit(TextStyle::Heading, q.options[o], at + ".options[" + std::to_string(o) + "]");
    visit(TextStyle::Body, q.explanation, at + ".explanation");
    visit(TextStyle::Body, q.source, at + ".source");
  }
}

std::string QuizBank::heading_texts() const {
  std::string out;
  for_each_text([&](TextStyle style, std::string_view text, const std::string&) {
    if (style != TextStyle::Body) append(out, text);
  });
  return out;
}

std::string QuizBank::body_texts() const {
  std::string out;
  for_each_text([&](TextStyle, std::string_view text, const std::string&) { append(out, text); });
  return out;
}

QuizBankLoad load_quiz_bank(const std::filesystem::path& file, int questions_per_round, const Content* content) {
  QuizBankLoad result;
  JsonProblems& problems = result.problems;
  auto root = parse_json_file(file, problems, {4 << 20, 12});
  if (!root) return result;
  ObjectReader top(*root, "$", file, problems);
  const json* list = top.array("questions", 1, kMaxQuestions);
  top.finish();
  if (!list) return result;
  QuizBank bank;
  std::set<std::string> ids;
  for (std::size_t i = 0; i < list->size(); ++i) {
    ObjectReader r((*list)[i], "$.questions[" + std::to_string(i) + "]", file, problems);
    if (!r.valid()) continue;
    QuizQuestion q;
    q.id = r.text("id", {20});
    if (!q.id.empty() && !ids.insert(q.id).second) r.problem("id", "\"" + q.id + "\" is used by another question");
    const std::string kind = r.text("kind", {20});
    if (kind == "true_false") q.kind = QuestionKind::TrueFalse;
    else if (kind != "single" && !kind.empty()) r.problem("kind", "must be \"single\" or \"true_false\", found \"" + kind + "\"");
    q.text = r.text("text", {120});
    if (const json* options = r.array("options", 2, 6)) {
      std::set<std::string> seen;
      int correct_count = 0;
      for (std::size_t o = 0; o < options->size(); ++o) {
        ObjectReader option((*options)[o], r.child_path("options") + "[" + std::to_string(o) + "]", file, problems);
        if (!option.valid()) continue;
        const std::string text = option.text("text", {40});
        if (!text.empty() && !seen.insert(text).second) option.problem("text", "\"" + text + "\" appears twice among the options");
        const bool correct = option.boolean("correct").value_or(false);
        option.finish();
        if (correct) {
          q.correct = static_cast<int>(o);
          ++correct_count;
        }
        q.options.push_back(text);
      }
      if (correct_count != 1)
        r.problem("options", "must have exactly one correct option, found " + std::to_string(correct_count));
      if (q.kind == QuestionKind::TrueFalse && q.options != std::vector<std::string>{"正确", "错误"})
        r.problem("options", "a true_false question has exactly the options \"正确\" and \"错误\", in that order");
    }
    q.explanation = r.text("explanation", {300});
    q.source = r.text("source", {80});
    q.department = r.optional_text("department", {60}).value_or("");
    if (!q.department.empty() && content && !content->department(q.department))
      r.problem("department", "\"" + q.department + "\" is not the id of any department in the content");
    r.finish();
    bank.questions.push_back(std::move(q));
  }
  if (static_cast<int>(list->size()) < questions_per_round)
    problems.push_back({file, 0, 0, "$.questions",
                        "has " + std::to_string(list->size()) + " questions, fewer than the " + std::to_string(questions_per_round) +
                            " one round draws (quiz.questions_per_round)"});
  if (problems.empty()) result.bank = std::move(bank);
  return result;
}

std::string quiz_bank_summary(const QuizBank& bank) {
  const auto true_false = std::count_if(bank.questions.begin(), bank.questions.end(),
                                        [](const QuizQuestion& q) { return q.kind == QuestionKind::TrueFalse; });
  return std::to_string(bank.questions.size()) + " questions (" +
         std::to_string(static_cast<long>(bank.questions.size()) - true_false) + " single-choice, " +
         std::to_string(true_false) + " true/false)";
}

}  // namespace openday
