#include "core/content/ask_topics.h"

#include <algorithm>
#include <charconv>

namespace openday {

const Faq* faq_by_number(const Department& department, std::string_view number) {
  std::size_t n = 0;
  const auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), n);
  if (error != std::errc() || end != number.data() + number.size() || number.starts_with('0')) return nullptr;
  if (n == 0 || n > department.faq.size()) return nullptr;
  return &department.faq[n - 1];
}

std::vector<AskTopic> ask_topics(const Content& content, const Department* department) {
  std::vector<AskTopic> topics;
  if (!department) {
    const auto& categories = department_categories();
    for (std::size_t i = 0; i < categories.size(); ++i) topics.push_back({"category-" + std::to_string(i + 1), categories[i]});
  } else {
    for (std::size_t i = 0; i < department->faq.size(); ++i)
      topics.push_back({"faq-" + std::to_string(i + 1), department->faq[i].question, &department->faq[i], static_cast<int>(i + 1)});
    for (const ApprovalItem& item : department->approval_items) {
      AskTopic topic{"item-" + item.id, item.name};
      topic.item = &item;
      const auto& faq = department->faq;
      const auto linked = std::find_if(faq.begin(), faq.end(), [&](const Faq& f) {
        return std::find(f.related_items.begin(), f.related_items.end(), item.id) != f.related_items.end();
      });
      if (linked != faq.end()) {
        topic.answer = &*linked;
        topic.answer_number = static_cast<int>(linked - faq.begin()) + 1;
      }
      topics.push_back(std::move(topic));
    }
  }
  (void)content;
  topics.push_back({"other", std::string(tr(Text::AskOtherTopic))});
  return topics;
}

std::optional<AskTopic> find_ask_topic(const Content& content, const Department* department, std::string_view token) {
  for (AskTopic& topic : ask_topics(content, department))
    if (topic.token == token) return std::move(topic);
  return std::nullopt;
}

}  // namespace openday
