#include "core/reports/voice.h"

#include <algorithm>
#include <numeric>
#include <tuple>

#include "core/content/ask_topics.h"
#include "core/content/content.h"
#include "core/visits/satisfaction.h"
#include "core/visits/store.h"

namespace openday {

std::int64_t VoiceCounts::rating_count() const { return std::accumulate(ratings.begin(), ratings.end(), std::int64_t{0}); }

std::optional<double> VoiceCounts::satisfaction_rate() const {
  const std::int64_t all = rating_count();
  if (all == 0) return std::nullopt;
  std::int64_t satisfied = 0;
  for (int value = 1; value <= 5; ++value)
    if (rating_is_satisfied(value)) satisfied += ratings_of(value);
  return static_cast<double>(satisfied) / static_cast<double>(all);
}

void VoiceAggregator::add(EventType type, const EventRows& row) {
  switch (type) {
    case EventType::FaqOpened:
      ++counts_.faq_views;
      break;
    case EventType::QuestionAsked: {
      const bool answered = row.value().value_or(0) == 1;
      ++counts_.questions_asked;
      ++(answered ? counts_.questions_answered : counts_.questions_registered);
      AskedQuestionRow& asked = asked_[{std::string(row.department().value_or("")), std::string(row.target())}];
      ++(answered ? asked.answered : asked.registered);
      break;
    }
    case EventType::QuestionAnswered: {
      // A question marked twice (two staff, or a repeated tap) counts once.
      if (!desk_answered_.insert(std::string(row.item().value_or(""))).second) break;
      ++counts_.questions_desk_answered;
      ++asked_[{std::string(row.department().value_or("")), std::string(row.target())}].desk_answered;
      break;
    }
    case EventType::SatisfactionRated: {
      const std::int64_t value = row.value().value_or(0);
      if (value >= 1 && value <= 5) ++counts_.ratings[static_cast<std::size_t>(value - 1)];  // another value: a damaged row
      break;
    }
    case EventType::SatisfactionReason:
      ++counts_.reasons[std::string(row.target())];
      break;
    default:
      break;
  }
}

std::string ask_topic_label(const Content* content, std::string_view department_id, std::string_view topic) {
  if (!content) return std::string(topic);
  const Department* department = department_id.empty() ? nullptr : content->department(department_id);
  if (!department_id.empty() && !department) return std::string(topic);
  const auto found = find_ask_topic(*content, department, topic);
  return found ? found->label : std::string(topic);
}

std::vector<AskedQuestionRow> VoiceAggregator::asked_questions(const Content* content) const {
  std::vector<AskedQuestionRow> rows;
  for (const auto& [key, counts] : asked_) {
    AskedQuestionRow row = counts;
    row.department_id = key.first;
    row.topic = key.second;
    const Department* known = content && !key.first.empty() ? content->department(key.first) : nullptr;
    row.department = key.first.empty() ? "不清楚" : known ? known->name : key.first;
    row.topic_label = ask_topic_label(content, key.first, key.second);
    rows.push_back(std::move(row));
  }
  std::stable_sort(rows.begin(), rows.end(), [](const AskedQuestionRow& a, const AskedQuestionRow& b) {
    const bool a_open = a.registered > 0, b_open = b.registered > 0;
    if (a_open != b_open) return a_open;
    return std::tie(b.registered, b.answered) < std::tie(a.registered, a.answered);
  });
  return rows;
}

}  // namespace openday
