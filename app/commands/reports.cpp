// `openday stats` and `openday export`: the counts, for a day on the terminal or for the county
// as CSV and XLSX.
#include <chrono>
#include <cstdio>

#include "commands/commands.h"
#include "commands/loading.h"
#include "core/reports/export.h"
#include "core/reports/report.h"
#include "core/reports/stats.h"
#include "core/util/atomic_file.h"
#include "core/util/local_clock.h"
#include "core/visits/sqlite.h"

namespace openday::commands {

int run_stats(const StatsOptions& options) {
  try {
    const CalendarDate day = options.date ? *parse_calendar_date(*options.date) : local_today();
    const DayStats stats = compute_day_stats(options.db_path, day);
    std::fputs((options.json ? day_stats_json(stats) : day_stats_text(stats)).c_str(), stdout);
    return 0;
  } catch (const SqliteError& error) {
    std::fprintf(stderr, "openday stats: %s\n", error.what());
    return kExitDatabase;
  }
}

int run_export(const ExportOptions& options) {
  int exit_code = 0;
  // Names for the ids in the export; the counts do not depend on them.
  const auto loaded = load_config_and_material(options.config_path, options.content_dir, options.quiz_path, "openday export", exit_code);
  if (!loaded) return exit_code;
  ReportRequest request;
  request.databases = options.db_paths;
  if (options.from) request.from = parse_calendar_date(*options.from);
  if (options.to) request.to = parse_calendar_date(*options.to);
  request.content = loaded->material.content.get();
  request.quiz = loaded->material.quiz.get();
  request.config = &loaded->config;
  try {
    const auto started = std::chrono::steady_clock::now();
    const Report report = build_report(request);
    ExportRequest out;
    out.out_dir = options.out_dir;
    out.format = options.format == "csv" ? ExportFormat::Csv : options.format == "xlsx" ? ExportFormat::Xlsx : ExportFormat::All;
    out.county = effective_event(loaded->material.content->event, loaded->config).county;
    out.live_databases = options.db_paths;
    const ExportResult result = export_report(report, out);
    for (const auto& file : result.files) std::printf("wrote %s\n", file.c_str());
    std::printf("%s\n", result.summary.c_str());
    std::fprintf(stderr, "openday export: %d database%s (%d given twice, counted once), %zu sessions, in %.2f s\n", report.databases_read,
                 report.databases_read == 1 ? "" : "s", report.duplicates_skipped, report.sessions.size(),
                 std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
    return 0;
  } catch (const SqliteError& error) {
    std::fprintf(stderr, "openday export: %s\n", error.what());
    return kExitDatabase;
  } catch (const FileWriteError& error) {
    std::fprintf(stderr, "openday export: %s\n", error.what());
    return kExitExport;
  }
}

}  // namespace openday::commands
