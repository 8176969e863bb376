#pragma once
// 我要问 (issue 15): the topics a visitor may ask a department about, without typing — its
// 常见问题, its approval items and 其他问题 — and, for 不清楚 (no department), the categories.
// A topic has an answer when a 常见问题 answers it (an item's answer: the first question that
// links to the item); otherwise the question is registered for the booth's desk.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/content/content.h"

namespace openday {

struct AskTopic {
  // Route segment and event target: faq-N (1-based), item-ID, category-N (1-based), other.
  std::string token;
  std::string label;                      // what its button says
  const Faq* answer = nullptr;            // the answer shown, when there is one
  int answer_number = 0;                  // that answer's number in the department's faq (1-based)
  const ApprovalItem* item = nullptr;     // the approval item asked about
};

// The route segment that stands for 不清楚 in ask/general/TOPIC.
inline constexpr std::string_view kAskUnsure = "general";

// In the order the picker shows them: the department's 常见问题, its approval items, then
// 其他问题; with no department (不清楚) the department categories, then 其他问题.
std::vector<AskTopic> ask_topics(const Content& content, const Department* department);
std::optional<AskTopic> find_ask_topic(const Content& content, const Department* department, std::string_view token);

// The 常见问题 whose number (1-based) is given as text ("2"); nullptr when there is none.
const Faq* faq_by_number(const Department& department, std::string_view number);

}  // namespace openday
