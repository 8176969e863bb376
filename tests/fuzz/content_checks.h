#pragma once
// What a harness requires of a content load, and what the kiosk does with loaded content (the
// summary line, the glyph texts, lookups by id) so that those run on fuzzed content too.
#include "core/config.h"
#include "core/content.h"
#include "fuzz_support.h"

namespace openday::fuzz {

// A reader returns a value or problems, never both and never neither; every problem names a file.
inline void require_value_or_problems(bool has_value, const JsonProblems& problems) {
  require(!(has_value && !problems.empty()), "a load gave a value and problems");
  require(has_value || !problems.empty(), "a load gave neither a value nor a problem");
  for (const JsonProblem& problem : problems) {
    require(!problem.file.empty(), "a problem names no file");
    require(!problem.message.empty(), "a problem says nothing");
    require(!problem.to_string().empty(), "a problem prints as nothing");
  }
}

inline void use_content(const Content& content) {
  require(!content.departments.empty(), "loaded content has no department");
  require(!content_summary(content).empty(), "empty content summary");
  require(!content.heading_texts().empty(), "no heading texts");
  (void)content.body_texts();
  (void)content.distinct_characters();
  for (const Department& department : content.departments) {
    require(content.department(department.id) == &department, "a department is not found by its id");
    for (const ApprovalItem& item : department.approval_items)
      require(content.approval_item(item.id).second == &item, "an approval item is not found by its id");
  }
  const EventInfo shown = effective_event(content.event, Config{});
  require(shown.county == content.event.county, "the default config changed the event");
}

}  // namespace openday::fuzz
