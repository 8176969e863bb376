#include "core/handwriting/content_ranking.h"

#include <algorithm>

#include "core/content/content_fields.h"
#include "core/handwriting/stroke_counts.h"
#include "core/util/utf8.h"

namespace openday {
namespace {

// Before anything is in the search box, a character some text begins with gains this much of
// Zinnia's score: enough to break near ties toward names and keywords (低 of 低保), too little to
// push a clearly written character from inside a name (保) off the row; at 0.2, a beginning
// character (企, 危) took first place from characters written well enough to win otherwise.
constexpr float kStartBonus = 0.1f;

// Per stroke of difference between what was written and a candidate's usual count: writing two
// strokes as one (连笔) costs about as much as the start bonus is worth, so a joined character
// still comes near the top; an extra stroke (a lifted finger mid-stroke, rarer) costs twice that.
constexpr float kPerStrokeShort = 0.15f;
constexpr float kPerStrokeExtra = 0.3f;

std::string character_at(std::string_view text, std::size_t pos) {
  char32_t code_point = 0;
  const std::size_t length = decode_code_point(text, pos, code_point);
  return std::string(text.substr(pos, length));
}

}  // namespace

ContentCharacters::ContentCharacters(const Content& content) {
  for (const auto& department : content.departments) {
    for (const auto text : search_texts(department_fields(), department, SearchRole::DepartmentName)) add_text(text);
    for (const auto& item : department.approval_items) {
      for (const auto role : {SearchRole::ItemName, SearchRole::Keyword})
        for (const auto text : search_texts(approval_item_fields(), item, role)) add_text(text);
    }
  }
}

void ContentCharacters::add_text(std::string_view text) {
  texts_.emplace_back(text);
  for_each_code_point(text, [this](char32_t code_point) {
    if (code_point < 0x80) return;  // the pad writes Chinese; letters and digits are not candidates
    std::string character;
    append_utf8(character, code_point);
    characters_.insert(std::move(character));
  });
}

std::unordered_set<std::string> ContentCharacters::continuations(std::string_view query) const {
  std::unordered_set<std::string> next;
  for (const std::string& text : texts_) {
    if (query.empty()) {
      if (!text.empty()) next.insert(character_at(text, 0));
      continue;
    }
    for (auto at = text.find(query); at != std::string::npos; at = text.find(query, at + 1)) {
      if (at + query.size() < text.size()) next.insert(character_at(text, at + query.size()));
    }
  }
  return next;
}

float stroke_count_penalty(int expected, std::size_t written) {
  if (expected <= 0 || written == 0) return 0;
  const auto usual = static_cast<std::size_t>(expected);
  if (written > usual) return kPerStrokeExtra * static_cast<float>(written - usual);
  return kPerStrokeShort * static_cast<float>(usual - written);
}

std::vector<HandwritingCandidate> rank_candidates(std::vector<HandwritingCandidate> guesses, const HandwritingContext& context,
                                                  std::size_t count) {
  if (context.content) {
    const auto next = context.content->continuations(context.query);
    for (auto& guess : guesses) {
      guess.in_content = context.content->contains(guess.character);
      if (context.query.empty() && next.count(guess.character)) guess.score += kStartBonus;
      guess.score -= stroke_count_penalty(stroke_count(guess.character), context.written_strokes);
    }
    const auto tier = [&](const HandwritingCandidate& guess) {
      return !context.query.empty() && next.count(guess.character) ? 0 : guess.in_content ? 1 : 2;
    };
    std::stable_sort(guesses.begin(), guesses.end(), [&](const HandwritingCandidate& a, const HandwritingCandidate& b) {
      return tier(a) != tier(b) ? tier(a) < tier(b) : a.score > b.score;
    });
  }
  if (guesses.size() > count) guesses.resize(count);
  return guesses;
}

std::vector<HandwritingCandidate> recognize_character(HandwritingRecognizer& recognizer, const Strokes& strokes,
                                                      const HandwritingContext& context, std::size_t count) {
  HandwritingContext written = context;
  written.written_strokes = strokes.size();
  return rank_candidates(recognizer.classify(strokes, std::max(count, kHandwritingGuesses)), written, count);
}

}  // namespace openday
