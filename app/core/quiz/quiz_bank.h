#pragma once
// The prize quiz's question bank (assets/quiz/questions.json), validated like the content.
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/content/json_reader.h"
#include "core/content/ui_text.h"

namespace openday {

struct Content;

enum class QuestionKind { SingleChoice, TrueFalse };

struct QuizQuestion {
  std::string id;
  QuestionKind kind = QuestionKind::SingleChoice;
  std::string text;
  std::vector<std::string> options;
  int correct = 0;  // index into options
  std::string explanation;
  std::string source;
  std::string department;  // a department id, or empty
};

struct QuizBank {
  std::vector<QuizQuestion> questions;
  const QuizQuestion* question(std::string_view id) const;
  // Every text the quiz screens draw, with its style and where it comes from
  // ("questions.json $.questions[3].options[1]"), for the font glyph builder.
  using TextVisitor = std::function<void(TextStyle style, std::string_view text, const std::string& source)>;
  void for_each_text(const TextVisitor& visit) const;
  std::string heading_texts() const;  // question texts and options
  std::string body_texts() const;     // explanations and sources
};

struct QuizBankLoad {
  std::optional<QuizBank> bank;
  JsonProblems problems;
};

// Every problem is reported: exactly one correct option per question, options unique and
// non-empty, true/false questions with exactly 正确 and 错误, known department ids (when content is
// given), and at least as many questions as one round draws.
QuizBankLoad load_quiz_bank(const std::filesystem::path& file, int questions_per_round, const Content* content);

// "50 questions (34 single-choice, 16 true/false)"
std::string quiz_bank_summary(const QuizBank& bank);

}  // namespace openday
