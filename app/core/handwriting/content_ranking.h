#pragma once
// Handwriting candidates ranked toward the content (issue 31). Zinnia alone puts a rare
// look-alike first about one time in four; asked for many guesses, the pad ranks them by tiers,
// then by a score within each tier:
// - tiers: first the characters that continue the query within what the search indexes (item
//   names, keywords, department names: after 低, 保 of 低保 before 促), then the other
//   characters that occur in it, then the rest. A character that occurs nowhere can still be
//   picked (and finds nothing).
// - score: Zinnia's, plus a small bonus, with nothing in the search box yet, for characters that
//   begin a name, keyword or department name, minus a stroke-count penalty: the pad knows how
//   many strokes were written, Unihan how many each candidate has (stroke_counts.h). Each stroke
//   written beyond a candidate's count costs more than each stroke short of it, since real
//   fingers join strokes (连笔) far more often than they break one.
// Zinnia's own order (no content) takes no bonus and no penalty.
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/content/content.h"
#include "core/handwriting/recognizer.h"

namespace openday {

inline constexpr std::size_t kHandwritingGuesses = 1000;  // asked of Zinnia before re-ranking (the continuations are few)
inline constexpr std::size_t kHandwritingCandidates = 8;  // shown on the pad's candidate row

class ContentCharacters {
 public:
  ContentCharacters() = default;
  explicit ContentCharacters(const Content& content);
  bool contains(std::string_view character) const { return characters_.count(std::string(character)) != 0; }
  std::size_t size() const { return characters_.size(); }
  // The characters that follow `query` somewhere in the searched texts; for an empty query, the
  // characters the texts begin with.
  std::unordered_set<std::string> continuations(std::string_view query) const;

 private:
  void add_text(std::string_view text);
  std::unordered_set<std::string> characters_;
  std::vector<std::string> texts_;
};

struct HandwritingContext {
  const ContentCharacters* content = nullptr;  // null: Zinnia's own order
  std::string_view query;                      // what the search box holds before this character
  std::size_t written_strokes = 0;             // strokes on the pad; 0: unknown, no stroke-count penalty
};

// How much a candidate usually written with `expected` strokes loses when `written` were written
// (0 when either is unknown or they agree).
float stroke_count_penalty(int expected, std::size_t written);

// Marks each candidate in_content and keeps the first `count`, ranked as above.
std::vector<HandwritingCandidate> rank_candidates(std::vector<HandwritingCandidate> guesses, const HandwritingContext& context,
                                                  std::size_t count);

// The pad's row: kHandwritingGuesses from the recognizer, ranked by rank_candidates with the
// number of strokes drawn.
std::vector<HandwritingCandidate> recognize_character(HandwritingRecognizer& recognizer, const Strokes& strokes,
                                                      const HandwritingContext& context, std::size_t count = kHandwritingCandidates);

}  // namespace openday
