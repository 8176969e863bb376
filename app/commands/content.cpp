// `openday validate`, `openday search` and `openday content template|export|import`: checking,
// searching and moving the content folder.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <exception>

#include "commands/commands.h"
#include "commands/loading.h"
#include "core/content/content_workbook.h"
#include "core/content/search.h"

namespace openday::commands {

int run_validate(const ValidateOptions& options) {
  int exit_code = 0;
  const auto loaded = load_config_and_material(options.config_path, options.content_dir, options.quiz_path, "openday validate", exit_code);
  if (!loaded) return exit_code;
  std::printf("OK: %s (%s)\n", content_summary(*loaded->material.content).c_str(), options.content_dir.c_str());
  std::printf("OK: quiz bank: %s (%s)\n", quiz_bank_summary(*loaded->material.quiz).c_str(), options.quiz_path.c_str());
  return 0;
}

// `openday search`: the ranked results the search screen shows, for staff and tests.
int run_search(const SearchOptions& options) {
  ContentLoad content = load_content(options.content_dir);
  print_problems("openday search", content.problems);
  if (!content.content) return kExitContent;
  const SearchIndex index(*content.content);
  const auto hits = index.search(options.query);
  std::fputs((options.json ? search_results_json(options.query, hits) : search_results_text(options.query, hits)).c_str(), stdout);
  return 0;
}

int run_content_template(const ContentOptions& options) {
  try {
    write_content_template(options.out);
    std::printf("wrote %s\n", options.out.c_str());
    return 0;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "openday content template: %s\n", error.what());
    return kExitExport;
  }
}

int run_content_export(const ContentOptions& options) {
  ContentLoad content = load_content(options.content_dir);
  print_problems("openday content export", content.problems);
  if (!content.content) return kExitContent;
  try {
    for (const auto& file : export_content_workbooks(*content.content, options.out)) std::printf("wrote %s\n", file.c_str());
    return 0;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "openday content export: %s\n", error.what());
    return kExitExport;
  }
}

// Prints every problem, each naming workbook, sheet and cell; exit 7 when there is any.
int run_content_import(const ContentOptions& options) {
  ContentImportRequest request;
  request.workbooks = options.workbooks;
  request.out_dir = options.out;
  request.replace = options.replace;
  request.event_file = options.event_file ? *options.event_file : options.out / "event.json";
  if (!options.event_file && !std::filesystem::exists(request.event_file)) {
    std::fprintf(stderr, "openday content import: %s has no event.json: give the event (county, title, date, place) with --event FILE\n",
                 options.out.c_str());
    return kExitUsage;
  }
  const auto started = std::chrono::steady_clock::now();
  const ContentImportResult result = import_content_workbooks(request);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  for (const auto& problem : result.problems) std::fprintf(stderr, "%s\n", problem.to_string().c_str());
  if (!result.problems.empty()) {
    std::fprintf(stderr, "openday content import: %zu problem%s; nothing was written to %s\n", result.problems.size(),
                 result.problems.size() == 1 ? "" : "s", options.out.c_str());
    return kExitContent;
  }
  std::printf("OK: %zu departments, %zu approval items, %zu fee items written to %s\n", result.departments, result.approval_items,
              result.fee_items, options.out.c_str());
  std::fprintf(stderr, "openday content import: %zu workbooks in %.2f s\n", options.workbooks.size(), seconds);
  return 0;
}

}  // namespace openday::commands
