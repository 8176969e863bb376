#pragma once
// What a harness requires of a content load, and what the kiosk does with loaded content (the
// summary line, the glyph texts, lookups by id) so that those run on fuzzed content too.
#include "core/booth/config.h"
#include "core/content/content.h"
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

// One fuzz input for a content folder: written as the file the harness fuzzes, then the folder
// is read the way the kiosk reads it, and what loads is used.
inline void load_fuzzed_content(const std::filesystem::path& fuzzed_file, const std::filesystem::path& content_dir,
                                const std::uint8_t* data, std::size_t size) {
  write_file(fuzzed_file, std::string_view(reinterpret_cast<const char*>(data), size));
  run_reader([&] {
    const ContentLoad load = load_content(content_dir);
    require_value_or_problems(load.content.has_value(), load.problems);
    if (load.content) use_content(*load.content);
  });
}

}  // namespace openday::fuzz
