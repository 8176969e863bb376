#include "core/ops/cli.h"

#include <charconv>

#include "core/booth/config.h"
#include "core/util/paths.h"

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
  ValidateOptions& options = command.validate;
  options.content_dir = default_content_dir();
  options.quiz_path = default_quiz_file();
  options.config_path = default_config_file();
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string_view flag = args[i];
    if (flag == "--help" || flag == "-h") { command.kind = CommandKind::Help; return {command, ""}; }
    if (i + 1 >= args.size()) return fail("validate: " + std::string(flag) + " needs a value, or is unknown (see openday --help)");
    const std::string_view value = args[++i];
    if (flag == "--content") options.content_dir = value;
    else if (flag == "--quiz") options.quiz_path = value;
    else if (flag == "--config") options.config_path = value;
    else return fail("validate: unknown option '" + std::string(flag) + "' (see openday --help)");
  }
  return {command, ""};
}

CommandLineParse parse_voucher(std::span<const std::string_view> args) {
  CommandLine command;
  command.kind = CommandKind::Redeem;
  command.redeem.db_path = default_database_file();
  if (args.empty() || args[0] != "redeem") return fail("voucher: expected 'voucher redeem [--db FILE] CODE'");
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string_view arg = args[i];
    if (arg == "--db") {
      if (i + 1 >= args.size()) return fail("voucher redeem: --db needs a file");
      command.redeem.db_path = args[++i];
    } else if (arg.starts_with("--")) {
      return fail("voucher redeem: unknown option '" + std::string(arg) + "'");
    } else {
      // A code typed with spaces may arrive as several arguments: "ABCD EFGH".
      command.redeem.code += std::string(arg);
    }
  }
  if (command.redeem.code.empty()) return fail("voucher redeem: which code? (openday voucher redeem --db FILE CODE)");
  return {command, ""};
}

CommandLineParse parse_simulate(std::span<const std::string_view> args) {
  CommandLine command;
  command.kind = CommandKind::Simulate;
  SimulateOptions& options = command.simulate;
  options.db_path = default_database_file();
  options.content_dir = default_content_dir();
  options.quiz_path = default_quiz_file();
  options.config_path = default_config_file();
  bool have_visitors = false, have_seed = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string_view flag = args[i];
    if (i + 1 >= args.size()) return fail("simulate: " + std::string(flag) + " needs a value, or is unknown (see openday --help)");
    const std::string_view value = args[++i];
    if (flag == "--db") options.db_path = value;
    else if (flag == "--content") options.content_dir = value;
    else if (flag == "--quiz") options.quiz_path = value;
    else if (flag == "--config") options.config_path = value;
    else if (flag == "--visitors") {
      auto n = parse_int(value);
      if (!n || *n < 1 || *n > 1000000) return fail("simulate: --visitors: expected 1 to 1000000, got '" + std::string(value) + "'");
      options.visitors = *n;
      have_visitors = true;
    } else if (flag == "--seed") {
      std::uint64_t seed = 0;
      auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), seed);
      if (ec != std::errc() || end != value.data() + value.size()) return fail("simulate: --seed: expected a whole number, got '" + std::string(value) + "'");
      options.seed = seed;
      have_seed = true;
    } else if (flag == "--stock") {
      auto n = parse_int(value);
      if (!n || *n < 0 || *n > 100000) return fail("simulate: --stock: expected 0 to 100000, got '" + std::string(value) + "'");
      options.stock = *n;
    } else if (flag == "--date") {
      if (!parse_calendar_date(value)) return fail("simulate: --date: expected a real day written YYYY-MM-DD, got '" + std::string(value) + "'");
      options.date = std::string(value);
    } else {
      return fail("simulate: unknown option '" + std::string(flag) + "' (see openday --help)");
    }
  }
  if (!have_visitors || !have_seed) return fail("simulate: --visitors N and --seed S are required");
  return {command, ""};
}

CommandLineParse parse_export(std::span<const std::string_view> args) {
  CommandLine command;
  command.kind = CommandKind::Export;
  ExportOptions& options = command.export_;
  options.content_dir = default_content_dir();
  options.quiz_path = default_quiz_file();
  options.config_path = default_config_file();
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string_view flag = args[i];
    if (i + 1 >= args.size()) return fail("export: " + std::string(flag) + " needs a value, or is unknown (see openday --help)");
    const std::string_view value = args[++i];
    if (flag == "--db") options.db_paths.emplace_back(value);
    else if (flag == "--out") options.out_dir = value;
    else if (flag == "--from" || flag == "--to") {
      if (!parse_calendar_date(value)) return fail("export: " + std::string(flag) + ": expected a real day written YYYY-MM-DD, got '" + std::string(value) + "'");
      (flag == "--from" ? options.from : options.to) = std::string(value);
    } else if (flag == "--format") {
      if (value != "csv" && value != "xlsx" && value != "all") return fail("export: --format: expected csv, xlsx or all, got '" + std::string(value) + "'");
      options.format = value;
    } else if (flag == "--content") options.content_dir = value;
    else if (flag == "--quiz") options.quiz_path = value;
    else if (flag == "--config") options.config_path = value;
    else return fail("export: unknown option '" + std::string(flag) + "' (see openday --help)");
  }
  if (options.db_paths.empty()) options.db_paths.push_back(default_database_file());
  if (options.out_dir.empty()) return fail("export: --out DIR is required (a folder, e.g. on a USB stick)");
  if (options.from && options.to && *options.from > *options.to) return fail("export: --from is after --to");
  return {command, ""};
}

CommandLineParse parse_set_pin(std::span<const std::string_view> args) {
  CommandLine command;
  command.kind = CommandKind::SetPin;
  command.set_pin.db_path = default_database_file();
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] != "--db" || i + 1 >= args.size()) return fail("set-pin: expected 'set-pin [--db FILE]'; the PIN is read from the keyboard or standard input");
    command.set_pin.db_path = args[++i];
  }
  return {command, ""};
}

}  // namespace

CommandLineParse parse_command_line(std::span<const std::string_view> args) {
  if (!args.empty() && args[0] == "stats") return parse_stats(args.subspan(1));
  if (!args.empty() && args[0] == "validate") return parse_validate(args.subspan(1));
  if (!args.empty() && args[0] == "voucher") return parse_voucher(args.subspan(1));
  if (!args.empty() && args[0] == "simulate") return parse_simulate(args.subspan(1));
  if (!args.empty() && args[0] == "export") return parse_export(args.subspan(1));
  if (!args.empty() && args[0] == "set-pin") return parse_set_pin(args.subspan(1));
  CommandLine command;
  KioskOptions& options = command.kiosk;
  options.content_dir = default_content_dir();
  options.config_path = default_config_file();
  options.quiz_path = default_quiz_file();
  options.db_path = default_database_file();

  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string_view flag = args[i];
    if (flag == "--help" || flag == "-h") { command.kind = CommandKind::Help; return {command, ""}; }
    if (flag == "--version") { command.kind = CommandKind::Version; return {command, ""}; }
    if (flag == "--log-targets") { options.log_targets = true; continue; }
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
    } else if (flag == "--quiz") {
      options.quiz_path = value;
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
      "       openday validate [--content DIR] [--quiz FILE] [--config FILE]\n"
      "                                     check content and quiz bank; list every problem\n"
      "       openday stats [--db FILE] [--json] [--date YYYY-MM-DD]\n"
      "                                     print a day's counts (default: today, the default database)\n"
      "       openday voucher redeem [--db FILE] CODE\n"
      "                                     redeem a prize voucher (exit 0; 10 unknown; 11 already redeemed)\n"
      "       openday simulate --visitors N --seed S [--db FILE] [--stock N] [--date YYYY-MM-DD]\n"
      "                        [--content DIR] [--quiz FILE] [--config FILE]\n"
      "                                     simulated visitors through the real core; prints VOUCHER codes\n"
      "       openday export [--db FILE ...] --out DIR [--from YYYY-MM-DD] [--to YYYY-MM-DD]\n"
      "                      [--format csv|xlsx|all]\n"
      "                                     counts as CSV and XLSX, several kiosks merged\n"
      "       openday set-pin [--db FILE]    set the staff PIN (4-8 digits, read from the keyboard or stdin)\n"
      "       openday doctor [--db FILE] [--content DIR] [--quiz FILE] [--config FILE] [--kiosks N]\n"
      "                                     pre-flight check of a kiosk, one line per check (exit 0: all pass)\n"
      "       openday status [--db FILE | --file FILE]\n"
      "                                     print the status the running kiosk writes beside its database\n"
      "\n"
      "Options:\n"
      "  --windowed WxH        run in a normal window of that size (developer mode; Ctrl+Q or\n"
      "                        closing the window quits). Without it: borderless fullscreen on\n"
      "                        the primary monitor, and no key or close request leaves the app.\n"
      "  --content DIR         content folder (default: the shipped sample content)\n"
      "  --db FILE             SQLite database (default: $XDG_DATA_HOME/openday/openday.db)\n"
      "  --config FILE         booth config file (default: the shipped assets/openday.toml)\n"
      "  --quiz FILE           quiz question bank (default: the shipped assets/quiz/questions.json)\n"
      "  --idle-timeout SECONDS  overrides session.idle_timeout_seconds\n"
      "  --idle-warning SECONDS  overrides session.idle_warning_seconds\n"
      "  --screen ROUTE        open this screen directly (see routes below)\n"
      "  --screenshot FILE.png render a few frames, save the last one as PNG and exit 0\n"
      "  --frames N            frames to render before the screenshot (default 6)\n"
      "  --log-targets         log each screen's touch targets on stderr (for end-to-end tests),\n"
      "                        once its layout is final and again whenever they change: a line\n"
      "                        'openday: targets ROUTE N', then N lines 'openday: target ID X Y'\n"
      "                        (each target's centre in window pixels)\n"
      "  --help, --version\n"
      "\n"
      "Screen routes:\n";
  for (const auto& route : routes) out += "  " + route + "\n";
  out += "\nConfig keys (file overridden by flags):\n";
  for (const auto& doc : config_key_docs()) out += "  " + doc.key + " = " + doc.default_value + "\n      " + doc.description + "\n";
  return out;
}

}  // namespace openday
