// openday: the kiosk itself, and (in later releases) the staff and ops subcommands.
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/cli.h"
#include "core/config.h"
#include "core/content.h"
#include "core/event_log.h"
#include "core/paths.h"
#include "core/stats.h"
#include "core/stop_signals.h"
#include "core/store.h"
#include "platform/font_lookup.h"
#include "platform/runner.h"
#include "ui/kiosk.h"
#include "ui/routes.h"

namespace {

using namespace openday;

constexpr int kExitUsage = 2;
constexpr int kExitConfig = 3;
constexpr int kExitFonts = 4;
constexpr int kExitDisplay = 5;
constexpr int kExitDatabase = 6;
constexpr int kExitContent = 7;

std::vector<std::string> route_lines() {
  std::vector<std::string> lines;
  for (const auto& info : ui::route_catalog()) {
    std::string line = info.route;
    line.resize(std::max<std::size_t>(line.size() + 2, 22), ' ');
    lines.push_back(line + info.description);
  }
  return lines;
}

int print_problems(const std::vector<ConfigProblem>& problems) {
  for (const auto& problem : problems) std::fprintf(stderr, "openday: config: %s\n", problem.to_string().c_str());
  return kExitConfig;
}

// Loads the content folder; on problems prints every one of them and returns nullptr.
std::shared_ptr<const Content> load_content_or_report(const std::filesystem::path& dir, const char* who) {
  ContentLoad loaded = load_content(dir);
  for (const auto& problem : loaded.problems) std::fprintf(stderr, "%s: %s\n", who, problem.to_string().c_str());
  if (!loaded.content) {
    std::fprintf(stderr, "%s: %zu problem%s in %s\n", who, loaded.problems.size(), loaded.problems.size() == 1 ? "" : "s",
                 dir.c_str());
    return nullptr;
  }
  return std::make_shared<const Content>(std::move(*loaded.content));
}

int run_validate(const ValidateOptions& options) {
  auto content = load_content_or_report(options.content_dir, "openday validate");
  if (!content) return kExitContent;
  std::printf("OK: %s (%s)\n", content_summary(*content).c_str(), options.content_dir.c_str());
  return 0;
}

int run_kiosk(const KioskOptions& options) {
  ConfigLoadResult loaded = load_config_file(options.config_path);
  if (!loaded.ok()) return print_problems(loaded.problems);
  Config config = loaded.config;
  if (options.idle_timeout_seconds) config.idle_timeout_seconds = *options.idle_timeout_seconds;
  if (options.idle_warning_seconds) config.idle_warning_seconds = *options.idle_warning_seconds;
  if (auto problems = check_config(config, "command line"); !problems.empty()) return print_problems(problems);

  // Invalid content stops the start here, before a window opens.
  auto content = load_content_or_report(options.content_dir, "openday: content");
  if (!content) return kExitContent;

  const auto stack = ui::stack_for_route(options.screen_route, *content);
  if (!stack) {
    std::fprintf(stderr, "openday: --screen: unknown route '%s' (see --help for the list)\n", options.screen_route.c_str());
    return kExitUsage;
  }

  std::string error;
  auto fonts = platform::find_kiosk_fonts(default_fonts_dir(), error);
  if (!fonts) {
    std::fprintf(stderr, "openday: fonts: %s\n", error.c_str());
    return kExitFonts;
  }

  platform::Runner runner({options.windowed, options.screenshot, options.screenshot_frames});
  // Before any thread starts: stop signals end the loop cleanly, so queued events are kept.
  StopSignals stop_signals([&runner] { runner.request_stop(); });
  // The log opens (and if need be creates or recovers) the database on its own thread; a
  // database that cannot be written never stops the kiosk from serving visitors.
  EventLog event_log({options.db_path, config.kiosk_id});
  if (!runner.open(error)) {
    std::fprintf(stderr, "openday: %s\n", error.c_str());
    return kExitDisplay;
  }
  ui::Kiosk kiosk({config, content, *fonts, *stack}, event_log);
  return runner.run(kiosk);
}

int run_stats(const StatsOptions& options) {
  try {
    const Database db = open_store_read_only(options.db_path);
    const CalendarDate day = options.date ? *parse_calendar_date(*options.date) : local_today();
    const DayStats stats = compute_day_stats(db, day);
    std::fputs((options.json ? day_stats_json(stats) : day_stats_text(stats)).c_str(), stdout);
    return 0;
  } catch (const SqliteError& error) {
    std::fprintf(stderr, "openday stats: %s\n", error.what());
    return kExitDatabase;
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string_view> args(argv + 1, argv + argc);
  const CommandLineParse parsed = parse_command_line(args);
  if (!parsed.command) {
    std::fprintf(stderr, "openday: %s\n", parsed.error.c_str());
    return kExitUsage;
  }
  switch (parsed.command->kind) {
    case CommandKind::Help: {
      const auto routes = route_lines();
      std::fputs(help_text(routes).c_str(), stdout);
      return 0;
    }
    case CommandKind::Version:
      std::printf("openday %s\n", OPENDAY_VERSION);
      return 0;
    case CommandKind::RunKiosk:
      return run_kiosk(parsed.command->kiosk);
    case CommandKind::Stats:
      return run_stats(parsed.command->stats);
    case CommandKind::Validate:
      return run_validate(parsed.command->validate);
  }
  return kExitUsage;
}
