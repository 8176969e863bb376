#include "core/cli.h"

#include <charconv>

#include "core/config.h"
#include "core/paths.h"

namespace openday {
namespace {

std::optional<int> parse_int(std::string_view text) {
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<WindowSize> parse_window_size(std::string_view text) {
  const auto x = text.find('x');
  if (x == std::string_view::npos) return std::nullopt;
  auto width = parse_int(text.substr(0, x));
  auto height = parse_int(text.substr(x + 1));
  if (!width || !height) return std::nullopt;
  if (*width < 320 || *width > 7680 || *height < 320 || *height > 7680) return std::nullopt;
  return WindowSize{*width, *height};
}

CommandLineParse fail(std::string message) { return CommandLineParse{std::nullopt, std::move(message)}; }

CommandLineParse parse_stats(std::span<const std::string_view> args) {
  CommandLine command;
  command.kind = CommandKind::Stats;
  StatsOptions& options = command.stats;
  options.db_path = default_database_file();
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string_view flag = args[i];
    if (flag == "--json") { options.json = true; continue; }
    if (flag == "--help" || flag == "-h") { command.kind = CommandKind::Help; return {command, ""}; }
    if (i + 1 >= args.size()) return fail("stats: " + std::string(flag) + " needs a value, or is unknown (see openday --help)");
    const std::string_view value = args[++i];
    if (flag == "--db") {
      options.db_path = value;
    } else if (flag == "--date") {
      if (!parse_calendar_date(value)) return fail("stats: --date: expected a real day written YYYY-MM-DD, got '" + std::string(value) + "'");
      options.date = std::string(value);
    } else {
      return fail("stats: unknown option '" + std::string(flag) + "' (see openday --help)");
    }
  }
  return {command, ""};
}

CommandLineParse parse_validate(std::span<const std::string_view> args) {
  CommandLine command;
  command.kind = CommandKind::Validate;
  command.validate.content_dir = default_content_dir();
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string_view flag = args[i];
    if (flag == "--help" || flag == "-h") { command.kind = CommandKind::Help; return {command, ""}; }
    if (flag != "--content") return fail("validate: unknown option '" + std::string(flag) + "' (see openday --help)");
    if (i + 1 >= args.size()) return fail("validate: --content needs a folder");
    command.validate.content_dir = args[++i];
  }
  return {command, ""};
}

}  // namespace

CommandLineParse parse_command_line(std::span<const std::string_view> args) {
  if (!args.empty() && args[0] == "stats") return parse_stats(args.subspan(1));
  if (!args.empty() && args[0] == "validate") return parse_validate(args.subspan(1));
  CommandLine command;
  KioskOptions& options = command.kiosk;
  options.content_dir = default_content_dir();
  options.config_path = default_config_file();
  options.db_path = default_database_file();

  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string_view flag = args[i];
    if (flag == "--help" || flag == "-h") { command.kind = CommandKind::Help; return {command, ""}; }
    if (flag == "--version") { command.kind = CommandKind::Version; return {command, ""}; }
    if (flag.substr(0, 2) != "--") return fail("unexpected argument '" + std::string(flag) + "' (see --help)");
    if (i + 1 >= args.size()) return fail(std::string(flag) + " needs a value (see --help)");
    const std::string_view value = args[++i];
    if (flag == "--windowed") {
      auto size = parse_window_size(value);
      if (!size) return fail("--windowed: expected WIDTHxHEIGHT between 320 and 7680, like 1920x1080, got '" + std::string(value) + "'");
      options.windowed = size;
    } else if (flag == "--content") {
      options.content_dir = value;
    } else if (flag == "--db") {
      options.db_path = value;
    } else if (flag == "--config") {
      options.config_path = value;
    } else if (flag == "--idle-timeout" || flag == "--idle-warning") {
      auto seconds = parse_int(value);
      if (!seconds || *seconds <= 0) return fail(std::string(flag) + ": expected a whole number of seconds, got '" + std::string(value) + "'");
      (flag == "--idle-timeout" ? options.idle_timeout_seconds : options.idle_warning_seconds) = seconds;
    } else if (flag == "--screen") {
      options.screen_route = value;
    } else if (flag == "--screenshot") {
      if (std::filesystem::path(value).extension() != ".png") return fail("--screenshot: the file name must end in .png, got '" + std::string(value) + "'");
      options.screenshot = value;
    } else if (flag == "--frames") {
      auto frames = parse_int(value);
      if (!frames || *frames < 1 || *frames > 1000) return fail("--frames: expected a number of frames from 1 to 1000, got '" + std::string(value) + "'");
      options.screenshot_frames = *frames;
    } else {
      return fail("unknown option '" + std::string(flag) + "' (see --help)");
    }
  }
  return {command, ""};
}

std::string help_text(std::span<const std::string> routes) {
  std::string out =
      "OpenDay Kiosk " OPENDAY_VERSION " - the touchscreen at a county's 政务公开日 booth.\n"
      "\n"
      "Usage: openday [options]             run the kiosk\n"
      "       openday validate [--content DIR]  check content; list every problem\n"
      "       openday stats [--db FILE] [--json] [--date YYYY-MM-DD]\n"
      "                                     print a day's counts (default: today, the default database)\n"
      "\n"
      "Options:\n"
      "  --windowed WxH        run in a normal window of that size (developer mode; Ctrl+Q or\n"
      "                        closing the window quits). Without it: borderless fullscreen on\n"
      "                        the primary monitor, and no key or close request leaves the app.\n"
      "  --content DIR         content folder (default: the shipped sample content)\n"
      "  --db FILE             SQLite database (default: $XDG_DATA_HOME/openday/openday.db)\n"
      "  --config FILE         booth config file (default: the shipped assets/openday.toml)\n"
      "  --idle-timeout SECONDS  overrides session.idle_timeout_seconds\n"
      "  --idle-warning SECONDS  overrides session.idle_warning_seconds\n"
      "  --screen ROUTE        open this screen directly (see routes below)\n"
      "  --screenshot FILE.png render a few frames, save the last one as PNG and exit 0\n"
      "  --frames N            frames to render before the screenshot (default 6)\n"
      "  --help, --version\n"
      "\n"
      "Screen routes:\n";
  for (const auto& route : routes) out += "  " + route + "\n";
  out += "\nConfig keys (file overridden by flags):\n";
  for (const auto& doc : config_key_docs()) out += "  " + doc.key + " = " + doc.default_value + "\n      " + doc.description + "\n";
  return out;
}

}  // namespace openday
