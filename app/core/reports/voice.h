#pragma once
// The citizen's voice in the counts (issue 15): 常见问题 opened, questions asked through 我要问
// (answered on the screen or registered for the desk) and the 满意度评价, for `openday stats`,
// the dashboard, the exports (满意度, 群众问题) and the summary's sentence.
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/visits/events.h"

namespace openday {

struct Content;
class EventRows;

struct VoiceCounts {
  std::int64_t faq_views = 0;
  std::int64_t questions_asked = 0;
  std::int64_t questions_registered = 0;  // no answer on the screen: the desk answers them
  std::int64_t questions_answered = 0;    // an answer was shown
  std::int64_t questions_desk_answered = 0;  // registered, and marked answered at the desk (through the booth hub)
  std::array<std::int64_t, 5> ratings{};  // [value - 1]: [0] 非常不满意 .. [4] 非常满意
  std::map<std::string, std::int64_t> reasons;  // reason key -> count

  std::int64_t rating_count() const;
  std::int64_t ratings_of(int value) const { return value >= 1 && value <= 5 ? ratings[static_cast<std::size_t>(value - 1)] : 0; }
  // The share of 非常满意 + 满意 + 基本满意 among the ratings; none without ratings.
  std::optional<double> satisfaction_rate() const;
};

// One row of the 群众问题 sheet: what was asked of a department about one topic.
struct AskedQuestionRow {
  std::string department_id;  // empty: 不清楚
  std::string department;     // its name (不清楚 when none)
  std::string topic;          // faq-N | item-ID | other | category-N
  std::string topic_label;    // the question, item name or category, when the content knows it
  std::int64_t registered = 0, answered = 0;
  std::int64_t desk_answered = 0;  // of the registered ones, marked answered at the desk
};

class VoiceAggregator {
 public:
  // Counts one row when it is one of the voice's events.
  void add(EventType type, const EventRows& row);
  // Unanswered first (most registered first), then the answered ones (most asked first).
  std::vector<AskedQuestionRow> asked_questions(const Content* content) const;
  const VoiceCounts& counts() const { return counts_; }

 private:
  VoiceCounts counts_;
  std::map<std::pair<std::string, std::string>, AskedQuestionRow> asked_;  // (department, topic)
  std::set<std::string> desk_answered_;  // the question rows ("kiosk_id:seq") the desk answered, each once
};

// The label of a 我要问 topic, from the content when it knows it; the token otherwise.
std::string ask_topic_label(const Content* content, std::string_view department, std::string_view topic);

}  // namespace openday
