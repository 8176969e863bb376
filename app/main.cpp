// openday: the kiosk itself, and (in later releases) the staff and ops subcommands.
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "core/cli.h"
#include "core/config.h"
#include "core/paths.h"
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

int run_kiosk(const KioskOptions& options) {
  ConfigLoadResult loaded = load_config_file(options.config_path);
  if (!loaded.ok()) return print_problems(loaded.problems);
  Config config = loaded.config;
  if (options.idle_timeout_seconds) config.idle_timeout_seconds = *options.idle_timeout_seconds;
  if (options.idle_warning_seconds) config.idle_warning_seconds = *options.idle_warning_seconds;
  if (auto problems = check_config(config, "command line"); !problems.empty()) return print_problems(problems);

  const auto stack = ui::stack_for_route(options.screen_route);
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
  if (!runner.open(error)) {
    std::fprintf(stderr, "openday: %s\n", error.c_str());
    return kExitDisplay;
  }
  ui::Kiosk kiosk(config, *fonts, *stack);
  return runner.run(kiosk);
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
  }
  return kExitUsage;
}
