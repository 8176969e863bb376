#include "core/ops/cli.h"

#include <CLI/CLI.hpp>

#include <charconv>
#include <functional>
#include <limits>
#include <memory>

#include "core/booth/config.h"
#include "core/content/speech_synth.h"
#include "core/ops/status_file.h"
#include "core/reports/tally.h"
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

// A CLI11 check from a function that says what is wrong with a value ("" when it is fine).
// CLI11 puts the option's name in front: "--frames: expected ...".
CLI::Validator check(std::function<std::string(const std::string&)> problem) {
  return CLI::Validator([problem = std::move(problem)](std::string& value) { return problem(value); }, "");
}

CLI::Validator whole_number(int min, int max, std::string expected) {
  return check([min, max, expected = std::move(expected)](const std::string& value) -> std::string {
    const auto n = parse_int(value);
    if (n && *n >= min && *n <= max) return "";
    return "expected " + expected + ", got '" + value + "'";
  });
}

CLI::Validator real_day() {
  return check([](const std::string& value) -> std::string {
    if (parse_calendar_date(value)) return "";
    return "expected a real day written YYYY-MM-DD, got '" + value + "'";
  });
}

// Paths and optional values go through a callback: CLI11 would take a std::filesystem::path for
// a container of characters.
CLI::Option* add_path(CLI::App* app, const std::string& name, std::filesystem::path& target, const std::string& type,
                      const std::string& description) {
  // Given twice, a path is refused rather than the last one silently winning (`stats --db a.db
  // --db b.db` would report b alone); the commands that merge files take --db as a list.
  return app->add_option_function<std::string>(name, [&target](const std::string& value) { target = value; }, description)
      ->type_name(type)
      ->multi_option_policy(CLI::MultiOptionPolicy::Throw);
}

CLI::Option* add_date(CLI::App* app, const std::string& name, std::optional<std::string>& target, const std::string& description) {
  return app->add_option_function<std::string>(name, [&target](const std::string& value) { target = value; }, description)
      ->type_name("YYYY-MM-DD")
      ->check(real_day());
}

const char* const kDbHelp = "SQLite database (default: $XDG_DATA_HOME/openday/openday.db)";
const char* const kContentHelp = "content folder (default: the shipped sample content)";
const char* const kQuizHelp = "quiz question bank (default: the shipped assets/quiz/questions.json)";
const char* const kConfigHelp = "booth config file (default: the shipped assets/openday.toml)";

// The whole command line as one CLI11 app: the kiosk's options on the app itself, one subcommand
// per tool. It fills a CommandLine whose defaults are set before parsing.
class Parser {
 public:
  Parser() : app_("OpenDay Kiosk " OPENDAY_VERSION " - the touchscreen at a county's 政务公开日 booth.", "openday") {
    set_defaults();
    app_.set_help_flag("-h,--help", "print this help and exit");
    app_.allow_extras();  // stray arguments are reported below, in our words
    app_.option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
    formatter_->column_width(24);
    app_.formatter(formatter_);
    add_kiosk_options();
    add_stats();
    add_validate();
    add_voucher();
    add_simulate();
    add_export();
    add_set_pin();
    add_content();
    add_tally();
    add_speak();
    add_search();
    add_doctor();
    add_status();
    add_hub();
    add_handwriting();
    add_print();
  }
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;

  CommandLineParse parse(std::span<const std::string_view> args) {
    // CLI11 takes the arguments last first.
    std::vector<std::string> reversed(args.rbegin(), args.rend());
    try {
      app_.parse(reversed);
    } catch (const CLI::CallForHelp&) {
      command_.kind = CommandKind::Help;
      // `openday stats --help`: that subcommand's options; `openday --help`: the full text.
      if (!app_.get_subcommands().empty()) command_.subcommand_help = app_.help();
      return {command_, ""};
    } catch (const CLI::ArgumentMismatch& error) {
      const std::string what = error.what();
      if (what.find(" missing") != std::string::npos)
        return fail(who() + what.substr(0, what.find(':')) + " needs a value (see " + help_hint() + ")");
      return fail(who() + what);
    } catch (const CLI::ParseError& error) {
      return fail(who() + error.what());
    }
    return finish();
  }

  // The kiosk's options (not the subcommands'), as `--help` lists them.
  std::string kiosk_options_help() const { return formatter_->make_groups(&app_, CLI::AppFormatMode::Normal); }

 private:
  void set_defaults() {
    command_.kiosk.content_dir = command_.validate.content_dir = command_.simulate.content_dir = command_.export_.content_dir =
        command_.content.content_dir = command_.search.content_dir = command_.doctor.content_dir = default_content_dir();
    command_.handwriting.content_dir = default_content_dir();
    command_.kiosk.config_path = command_.validate.config_path = command_.simulate.config_path = command_.export_.config_path =
        command_.doctor.config_path = command_.hub_sync.config_path = command_.hub_status.config_path =
            command_.hub_publish_content.config_path = command_.hub_fetch_content.config_path = command_.hub_stock.config_path =
                command_.redeem.config_path = default_config_file();
    command_.kiosk.quiz_path = command_.validate.quiz_path = command_.simulate.quiz_path = command_.export_.quiz_path =
        command_.doctor.quiz_path = command_.hub_publish_content.quiz_path = default_quiz_file();
    command_.hub_publish_content.content_dir = default_content_dir();
    command_.kiosk.db_path = command_.stats.db_path = command_.redeem.db_path = command_.simulate.db_path =
        command_.set_pin.db_path = command_.tally.db_path = command_.doctor.db_path = command_.hub_sync.db_path = default_database_file();
    command_.tally.content_dir = default_content_dir();
    command_.status.file = status_file_for(default_database_file());
    command_.print.content_dir = default_content_dir();
    command_.print.config_path = default_config_file();
    command_.print.db_path = default_database_file();
  }

  // `openday print` (issue 30).
  void add_print() {
    PrintOptions& o = command_.print;
    print_ = add_tool("print", "a 办事指南 or 兑奖凭条 slip as a PDF, or a test slip to the configured printer");
    print_->add_option("--item", o.item_id, "the approval item id whose 办事指南 to render")->type_name("ID");
    print_->add_option("--voucher", o.voucher_code, "the voucher code (in --db) whose 兑奖凭条 to render")->type_name("CODE");
    add_path(print_, "--pdf", pdf_path_, "FILE", "write the slip to this PDF instead of printing it");
    print_->add_option_function<std::string>("--paper", [&o](const std::string& v) { o.paper = v; }, "80mm (receipt roll) or A4; default: printer.paper")
        ->type_name("80mm|A4")
        ->check(check([](const std::string& v) -> std::string {
          if (v == "80mm" || v == "A4") return "";
          return "expected 80mm or A4, got '" + v + "'";
        }));
    print_->add_flag("--test", o.test, "send a test slip to the printer of the config's [printer] name");
    add_path(print_, "--content", o.content_dir, "DIR", kContentHelp);
    add_path(print_, "--config", o.config_path, "FILE", kConfigHelp);
    add_path(print_, "--db", o.db_path, "FILE", kDbHelp);
  }

  CommandLineParse finish_print() {
    command_.kind = CommandKind::Print;
    PrintOptions& o = command_.print;
    if (!pdf_path_.empty()) o.pdf = pdf_path_;
    const int wanted = (o.test ? 1 : 0) + (o.item_id.empty() ? 0 : 1) + (o.voucher_code.empty() ? 0 : 1);
    if (wanted != 1) return fail("print: give exactly one of --item ID, --voucher CODE or --test (see openday print --help)");
    if (!o.test && !o.pdf) return fail("print: --pdf FILE is required with --item and --voucher (the kiosk prints them itself)");
    return {command_, ""};
  }

  void add_kiosk_options() {
    KioskOptions& o = command_.kiosk;
    app_.add_option_function<std::string>("--windowed", [&o](const std::string& v) { o.windowed = parse_window_size(v); },
                                          "run in a normal window of that size (developer mode; Ctrl+Q or\n"
                                          "closing the window quits). Without it: borderless fullscreen on\n"
                                          "the primary monitor, and no key or close request leaves the app.")
        ->type_name("WxH")
        ->check(check([](const std::string& v) -> std::string {
          if (parse_window_size(v)) return "";
          return "expected WIDTHxHEIGHT between 320 and 7680, like 1920x1080, got '" + v + "'";
        }));
    add_path(&app_, "--content", o.content_dir, "DIR", kContentHelp);
    add_path(&app_, "--db", o.db_path, "FILE", kDbHelp);
    add_path(&app_, "--config", o.config_path, "FILE", kConfigHelp);
    add_path(&app_, "--quiz", o.quiz_path, "FILE", kQuizHelp);
    const auto seconds = whole_number(1, std::numeric_limits<int>::max(), "a whole number of seconds");
    app_.add_option_function<int>("--idle-timeout", [&o](int v) { o.idle_timeout_seconds = v; }, "overrides session.idle_timeout_seconds")
        ->type_name("SECONDS")
        ->check(seconds);
    app_.add_option_function<int>("--idle-warning", [&o](int v) { o.idle_warning_seconds = v; }, "overrides session.idle_warning_seconds")
        ->type_name("SECONDS")
        ->check(seconds);
    app_.add_option("--screen", o.screen_route, "open this screen directly (see routes below)")->type_name("ROUTE");
    app_.add_option_function<std::string>("--screenshot", [&o](const std::string& v) { o.screenshot = v; },
                                          "render a few frames, save the last one as PNG and exit 0")
        ->type_name("FILE.png")
        ->check(check([](const std::string& v) -> std::string {
          if (std::filesystem::path(v).extension() == ".png") return "";
          return "the file name must end in .png, got '" + v + "'";
        }));
    app_.add_option("--frames", o.screenshot_frames, "frames to render before the screenshot (default 6)")
        ->type_name("N")
        ->check(whole_number(1, 1000, "a number of frames from 1 to 1000"));
    app_.add_flag("--log-targets", o.log_targets,
                  "log each screen's touch targets on stderr (for end-to-end tests),\n"
                  "once its layout is final and again whenever they change: a line\n"
                  "'openday: targets ROUTE N', then N lines 'openday: target ID X Y'\n"
                  "(each target's centre in window pixels); a surface drawn on (the\n"
                  "手写 pad) adds a line 'openday: area ID X0 Y0 X1 Y1' (its rectangle)");
    app_.add_flag("--log-frames", o.log_frames,
                  "log 'openday: frame MS SIGNATURE' on stderr as each frame is presented\n"
                  "(MS: the wall clock in milliseconds; SIGNATURE: a hash of what it draws;\n"
                  "for the tap latency benchmark)");
    app_.add_option_function<std::string>("--role", [&o](const std::string& v) { o.role = v; },
                                          "kiosk (the citizens' touchscreen) or desk (the staff desk: opens\n"
                                          "straight into the tally behind the PIN); overrides booth.role")
        ->type_name("kiosk|desk")
        ->check(check([](const std::string& v) -> std::string {
          if (booth_role_from_name(v)) return "";
          return "expected kiosk or desk, got '" + v + "'";
        }));
    app_.add_flag("--version", version_, "print the version and exit");
  }

  CLI::App* add_tool(const std::string& name, const std::string& description) {
    CLI::App* tool = app_.add_subcommand(name, description);
    tool->allow_extras();
    return tool;
  }

  void add_stats() {
    StatsOptions& o = command_.stats;
    stats_ = add_tool("stats", "print a day's counts (default: today, the default database)");
    add_path(stats_, "--db", o.db_path, "FILE", kDbHelp);
    stats_->add_flag("--json", o.json, "print JSON (the keys the README lists) instead of a table");
    add_date(stats_, "--date", o.date, "the day to count (default: today, the booth's local day)");
  }

  void add_validate() {
    ValidateOptions& o = command_.validate;
    validate_ = add_tool("validate", "check content and quiz bank; list every problem");
    add_path(validate_, "--content", o.content_dir, "DIR", kContentHelp);
    add_path(validate_, "--quiz", o.quiz_path, "FILE", kQuizHelp);
    add_path(validate_, "--config", o.config_path, "FILE", kConfigHelp);
  }

  void add_voucher() {
    voucher_ = add_tool("voucher", "prize vouchers at the desk: 'voucher redeem [--db FILE] [--hub URL --hub-credentials FILE] CODE'");
    redeem_ = voucher_->add_subcommand("redeem",
                                       "redeem a prize voucher (exit 0; 10 unknown; 11 already redeemed; 13 hub unreachable and not this device's code)");
    redeem_->allow_extras();
    add_path(redeem_, "--db", command_.redeem.db_path, "FILE", kDbHelp);
    add_path(redeem_, "--config", command_.redeem.config_path, "FILE", kConfigHelp);
    add_hub_link(redeem_, command_.redeem.hub);
    // A code typed with spaces may arrive as several arguments: "ABCD EFGH".
    redeem_->add_option("CODE", code_parts_, "the voucher code, in any case, with or without the dash")->type_name("");
  }

  void add_simulate() {
    SimulateOptions& o = command_.simulate;
    simulate_ = add_tool("simulate", "simulated visitors through the real core; prints VOUCHER codes");
    simulate_->add_option("--visitors", o.visitors, "visitors to simulate (required)")
        ->type_name("N")
        ->check(whole_number(1, 1000000, "1 to 1000000"));
    simulate_->add_option("--seed", o.seed, "seed of the simulation (required; same seed, same visits)")
        ->type_name("S")
        ->check(check([](const std::string& v) -> std::string {
          std::uint64_t seed = 0;
          auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), seed);
          if (ec == std::errc() && end == v.data() + v.size()) return "";
          return "expected a whole number, got '" + v + "'";
        }));
    add_path(simulate_, "--db", o.db_path, "FILE", kDbHelp);
    simulate_->add_option_function<int>("--stock", [&o](int v) { o.stock = v; }, "prize stock to start with")
        ->type_name("N")
        ->check(whole_number(0, 100000, "0 to 100000"));
    add_date(simulate_, "--date", o.date, "the first day of visits (default: today)");
    add_path(simulate_, "--content", o.content_dir, "DIR", kContentHelp);
    add_path(simulate_, "--quiz", o.quiz_path, "FILE", kQuizHelp);
    add_path(simulate_, "--config", o.config_path, "FILE", kConfigHelp);
    add_hub_link(simulate_, o.hub);
  }

  void add_hub_link(CLI::App* tool, HubLinkOptions& hub) {
    tool->add_option_function<std::string>("--hub", [&hub](const std::string& v) { hub.url = v; }, "the booth hub, nats://HOST:PORT (default: booth.hub)")
        ->type_name("URL")
        ->check(check([](const std::string& v) -> std::string {
          return is_hub_url(v) ? "" : "expected a hub address like nats://192.168.1.10:4222, got '" + v + "'";
        }))
        ->multi_option_policy(CLI::MultiOptionPolicy::Throw);
    tool->add_option_function<std::string>("--hub-credentials", [&hub](const std::string& v) { hub.credentials = v; },
                                           "this device's credentials file (default: booth.hub_credentials)")
        ->type_name("FILE")
        ->multi_option_policy(CLI::MultiOptionPolicy::Throw);
  }

  void add_hub() {
    hub_ = add_tool("hub", "the booth hub: 'hub init|sync|status|stock|publish-content|fetch-content'");
    hub_init_ = hub_->add_subcommand("init", "write the hub's config, its TLS certificates and one credentials file per device");
    hub_init_->allow_extras();
    HubInitOptions& init = command_.hub_init;
    hub_init_->add_option("--booth", init.booth, "the booth's id (required)")->type_name("ID");
    hub_init_->add_option("--devices", init.devices, "the devices, comma separated: kiosk-1,kiosk-2,desk (required)")
        ->type_name("LIST")
        ->delimiter(',')
        ->multi_option_policy(CLI::MultiOptionPolicy::Throw);
    hub_init_->add_option("--listen", init.listen, "where the hub listens, HOST:PORT (default: 0.0.0.0:4222)")->type_name("HOST:PORT");
    add_path(hub_init_, "--store", init.store, "DIR", "the hub's JetStream store folder (default: OUT/jetstream)");
    add_path(hub_init_, "--out", init.out, "DIR", "the folder to write into (required; absent or empty)");
    hub_init_->add_option("--name", init.names, "another host name or address devices use for the hub (repeatable)")
        ->type_name("HOST")
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    hub_sync_ = hub_->add_subcommand("sync", "pull the booth's events into a database; exit 0 once caught up");
    hub_sync_->allow_extras();
    HubSyncOptions& sync = command_.hub_sync;
    add_path(hub_sync_, "--db", sync.db_path, "FILE", kDbHelp);
    add_path(hub_sync_, "--config", sync.config_path, "FILE", kConfigHelp);
    add_hub_link(hub_sync_, sync.hub);
    hub_sync_->add_option("--timeout", sync.timeout_seconds, "seconds to wait for catching up (default: 120; exit 9 after)")
        ->type_name("S")
        ->check(whole_number(1, 86400, "1 to 86400"));
    hub_status_ = hub_->add_subcommand("status", "each device of the booth: last heartbeat, upload lag, content version");
    hub_status_->allow_extras();
    HubStatusOptions& status = command_.hub_status;
    add_path(hub_status_, "--config", status.config_path, "FILE", kConfigHelp);
    add_hub_link(hub_status_, status.hub);
    hub_status_->add_flag("--json", status.json, "print JSON instead of a table");
    add_hub_content();
    add_hub_stock();
  }

  void add_hub_stock() {
    HubStockOptions& o = command_.hub_stock;
    hub_stock_ = hub_->add_subcommand("stock", "the booth's prize stock on the hub: 'hub stock set N' or 'hub stock show [--json]'");
    hub_stock_set_ = hub_stock_->add_subcommand("set", "set the prizes the booth can still promise (logged with before and after)");
    hub_stock_set_->allow_extras();
    hub_stock_set_->add_option("N", stock_wanted_, "the prizes on the table not yet promised, 0 to 1000000")->type_name("");
    add_path(hub_stock_set_, "--config", o.config_path, "FILE", kConfigHelp);
    add_hub_link(hub_stock_set_, o.hub);
    hub_stock_show_ = hub_stock_->add_subcommand("show", "the booth's stock: the pool and each device's share");
    hub_stock_show_->allow_extras();
    hub_stock_show_->add_flag("--json", o.json, "print JSON instead of a table");
    add_path(hub_stock_show_, "--config", o.config_path, "FILE", kConfigHelp);
    add_hub_link(hub_stock_show_, o.hub);
  }

  void add_hub_content() {
    hub_publish_content_ = hub_->add_subcommand("publish-content", "desk: validate the content, sign it and publish it to every kiosk");
    hub_publish_content_->allow_extras();
    HubPublishContentOptions& publish = command_.hub_publish_content;
    add_path(hub_publish_content_, "--content", publish.content_dir, "DIR", kContentHelp);
    add_path(hub_publish_content_, "--quiz", publish.quiz_path, "FILE", kQuizHelp);
    add_path(hub_publish_content_, "--config", publish.config_path, "FILE", kConfigHelp);
    add_hub_link(hub_publish_content_, publish.hub);
    hub_fetch_content_ = hub_->add_subcommand("fetch-content", "fetch the booth's latest content bundle, verify, unpack and validate it");
    hub_fetch_content_->allow_extras();
    HubFetchContentOptions& fetch = command_.hub_fetch_content;
    add_path(hub_fetch_content_, "--out", fetch.out, "DIR", "the folder to unpack into: DIR/content and DIR/questions.json (required)");
    add_path(hub_fetch_content_, "--config", fetch.config_path, "FILE", kConfigHelp);
    add_hub_link(hub_fetch_content_, fetch.hub);
  }

  void add_export() {
    ExportOptions& o = command_.export_;
    export_ = add_tool("export", "counts as CSV and XLSX, several kiosks merged");
    // Each --db takes one file; given again, it adds another kiosk.
    export_->add_option_function<std::vector<std::string>>(
               "--db", [&o](const std::vector<std::string>& files) { o.db_paths.assign(files.begin(), files.end()); },
               "a kiosk database; give --db once per kiosk (default: the default database)")
        ->type_name("FILE")
        ->allow_extra_args(false);
    add_path(export_, "--out", o.out_dir, "DIR", "folder to write into, e.g. on a USB stick (required)");
    add_date(export_, "--from", o.from, "first day to export");
    add_date(export_, "--to", o.to, "last day to export");
    export_->add_option("--format", o.format, "csv, xlsx or all (default: all)")
        ->type_name("csv|xlsx|all")
        ->check(check([](const std::string& v) -> std::string {
          if (v == "csv" || v == "xlsx" || v == "all") return "";
          return "expected csv, xlsx or all, got '" + v + "'";
        }));
    add_path(export_, "--content", o.content_dir, "DIR", kContentHelp);
    add_path(export_, "--quiz", o.quiz_path, "FILE", kQuizHelp);
    add_path(export_, "--config", o.config_path, "FILE", kConfigHelp);
  }

  void add_set_pin() {
    set_pin_ = add_tool("set-pin", "set the staff PIN (6-12 digits, read from the keyboard or stdin)");
    add_path(set_pin_, "--db", command_.set_pin.db_path, "FILE", kDbHelp);
  }

  void add_content() {
    ContentOptions& o = command_.content;
    content_ = add_tool("content", "content from department workbooks: 'content template|export|import'");
    content_template_ = content_->add_subcommand("template", "write the empty workbook a department fills in");
    content_template_->allow_extras();
    add_path(content_template_, "--out", o.out, "FILE.xlsx", "the workbook to write (required)");
    content_export_ = content_->add_subcommand("export", "write the content as one filled workbook per department");
    content_export_->allow_extras();
    add_path(content_export_, "--content", o.content_dir, "DIR", kContentHelp);
    add_path(content_export_, "--out", o.out, "FOLDER", "the folder to write the workbooks into (required)");
    content_import_ = content_->add_subcommand("import", "read department workbooks into a content folder (exit 7: invalid)");
    content_import_->allow_extras();
    add_path(content_import_, "--out", o.out, "DIR", "the content folder to write (required)");
    content_import_->add_option_function<std::string>("--event", [&o](const std::string& v) { o.event_file = v; },
                                                      "the event.json to use (default: the one in --out)")
        ->type_name("FILE");
    content_import_->add_flag("--replace", o.replace, "replace --out as a whole if it exists");
    content_import_->add_option_function<std::vector<std::string>>(
                       "WORKBOOK", [&o](const std::vector<std::string>& files) { o.workbooks.assign(files.begin(), files.end()); },
                       "the department workbooks (.xlsx)")
        ->type_name("FILE.xlsx")
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  }

  void add_tally() {
    TallyOptions& o = command_.tally;
    tally_ = add_tool("tally", "the staff desk's tally: 'tally add --kind K ...' or 'tally list [--date D]'");
    tally_add_ = tally_->add_subcommand("add", "count work done at the desk (one entry, logged like a tap on the desk)");
    tally_add_->allow_extras();
    add_path(tally_add_, "--db", o.db_path, "FILE", kDbHelp);
    tally_add_->add_option("--kind", o.kind, "what was done (required)")
        ->type_name("consultation|answer|problem|handbook|leaflet")
        ->check(check([](const std::string& v) -> std::string {
          if (tally_kind_from_name(v)) return "";
          return "unknown kind '" + v + "': expected consultation, answer, problem, handbook or leaflet";
        }));
    tally_add_->add_option("--department", o.department, "department id (from the content folder)")->type_name("ID");
    tally_add_->add_option("--category", o.category, "problem category: policy, procedure, fees, complaint or other")->type_name("ID");
    tally_add_->add_option_function<std::string>("--count", [&o](const std::string& v) { o.count = std::stoll(v); },
                                                 "how many (default 1; at most " + std::to_string(kMaxTallyCount) + ")")
        ->type_name("N")
        ->check(check([](const std::string& v) -> std::string {
          std::int64_t n = 0;
          auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
          if (ec == std::errc() && end == v.data() + v.size() && n >= 1 && n <= kMaxTallyCount) return "";
          return "expected a whole number from 1 to " + std::to_string(kMaxTallyCount) + ", got '" + v + "'";
        }));
    add_path(tally_add_, "--content", o.content_dir, "DIR", kContentHelp);
    tally_list_ = tally_->add_subcommand("list", "list a day's tally entries and totals (default: today)");
    tally_list_->allow_extras();
    add_path(tally_list_, "--db", o.db_path, "FILE", kDbHelp);
    add_date(tally_list_, "--date", o.date, "the day to list (default: today, the booth's local day)");
  }

  void add_speak() {
    speak_ = add_tool("speak", "read a text aloud in Mandarin (or write it as a WAV file)");
    speak_->add_option_function<std::string>("--wav", [this](const std::string& v) { command_.speak.wav = v; },
                                            "write the speech to this WAV file instead of playing it")
        ->type_name("FILE");
    speak_->add_option("TEXT", speak_words_, "the text to read")->type_name("");
  }

  void add_search() {
    SearchOptions& o = command_.search;
    search_ = add_tool("search", "print the ranked results the kiosk's search screen shows for a query");
    add_path(search_, "--content", o.content_dir, "DIR", kContentHelp);
    search_->add_flag("--json", o.json, "print JSON: the query and each result's item, department, match and highlight");
    search_->add_option("QUERY", search_words_, "pinyin initials (DBJ finds 低保金) or Chinese words (低保)")->type_name("");
  }

  // Issue 31: the handwriting pad's recognizer from the command line.
  void add_handwriting() {
    HandwritingOptions& o = command_.handwriting;
    handwriting_ = add_tool("handwriting", "read one character's strokes as JSON on standard input; print the pad's candidates");
    add_path(handwriting_, "--content", o.content_dir, "DIR", kContentHelp);
    add_path(handwriting_, "--model", o.model, "FILE", "the Zinnia model (default: the Debian package's handwriting-zh_CN.model)");
    handwriting_->add_flag("--json", o.json, "print JSON: each candidate's character, score and whether the content has it");
    handwriting_->add_flag("!--no-rerank", o.rerank, "Zinnia's own order, without ranking the content's characters first");
    handwriting_->add_option("--query", o.query, "what the search box holds already: characters that continue it rank first")
        ->type_name("TEXT");
    handwriting_->footer(
        "Standard input: [[[x, y], [x, y], ...], ...], one array of points per stroke in writing order,\n"
        "on a 1024 x 1024 box with y growing downwards (at most 256 kB, 64 strokes).\n"
        "Exit 16: the strokes cannot be read; 17: the handwriting model is not installed.");
  }

  void add_doctor() {
    DoctorOptions& o = command_.doctor;
    doctor_ = add_tool("doctor", "pre-flight check of a kiosk, one line per check (exit 0: all pass)");
    doctor_->footer(
        "Pre-flight check for the day before the event, on the kiosk itself: display and resolution,\n"
        "touch device, font, content, quiz bank, database and free disk, clock and time zone, staff\n"
        "PIN, prize stock, kiosk id (--kiosks N: kiosks at the booth, default 1).\n"
        "One line per check, ✓ or ✗ with what to do. Exit 0 when all pass, 1 otherwise.\n"
        "Run it as the kiosk's user with the kiosk's database, e.g.\n"
        "  sudo -u openday DISPLAY=:0 openday doctor --db /var/lib/openday/openday.db");
    add_path(doctor_, "--db", o.db_path, "FILE", kDbHelp);
    add_path(doctor_, "--content", o.content_dir, "DIR", kContentHelp);
    add_path(doctor_, "--quiz", o.quiz_path, "FILE", kQuizHelp);
    add_path(doctor_, "--config", o.config_path, "FILE", kConfigHelp);
    doctor_->add_option("--kiosks", o.kiosks, "kiosks at the booth (default 1): with more than one, each needs its own kiosk id")
        ->type_name("N")
        ->check(check([](const std::string& v) -> std::string {
          // At most three digits: a booth has a handful of kiosks, never thousands.
          const auto n = v.size() <= 3 && v.find_first_not_of("0123456789") == std::string::npos ? parse_int(v) : std::nullopt;
          if (n && *n >= 1) return "";
          return "expected the number of kiosks at the booth (1 or more), got '" + v + "'";
        }));
  }

  void add_status() {
    status_ = add_tool("status", "print the status the kiosk writes every 30 s beside its database (status.json)");
    status_db_ = status_->add_option("--db", status_db_path_, "the kiosk's database: its status file is the one beside it")->type_name("FILE");
    status_file_ = status_->add_option("--file", status_file_path_, "the status file itself")->type_name("FILE");
  }

  // The parsed tool's full name ("stats", "voucher redeem"), or "" for the kiosk's own options.
  std::string tool_name() const {
    if (redeem_->parsed()) return "voucher redeem";
    for (CLI::App* tool : {content_template_, content_export_, content_import_})
      if (tool->parsed()) return "content " + tool->get_name();
    for (CLI::App* tool : {hub_init_, hub_sync_, hub_status_, hub_publish_content_, hub_fetch_content_})
      if (tool->parsed()) return "hub " + tool->get_name();
    if (hub_stock_set_->parsed()) return "hub stock set";
    if (hub_stock_show_->parsed()) return "hub stock show";
    if (hub_stock_->parsed()) return "hub stock";
    if (tally_add_->parsed()) return "tally add";
    if (tally_list_->parsed()) return "tally list";
    const auto tools = app_.get_subcommands();
    return tools.empty() ? std::string() : tools.front()->get_name();
  }

  // "stats: " when the problem is in a subcommand's arguments.
  std::string who() const {
    const std::string name = tool_name();
    return name.empty() ? name : name + ": ";
  }

  // Where the options of what went wrong are listed: `openday stats --help` for a subcommand's.
  std::string help_hint() const {
    const std::string name = tool_name();
    return name.empty() ? std::string("--help") : "openday " + name + " --help";
  }

  // --db and --file name the same file; the one given last wins, as typed.
  void finish_status() {
    command_.kind = CommandKind::Status;
    for (const CLI::Option* option : status_->parse_order()) {
      if (option == status_db_) command_.status.file = status_file_for(status_db_path_);
      if (option == status_file_) command_.status.file = status_file_path_;
    }
  }

  static std::string stray(const std::string& arg) {
    return (arg.starts_with("-") ? "unknown option '" : "unexpected argument '") + arg + "'";
  }

  // The checks that span options, and what CLI11 left over, once every option is read.
  CommandLineParse finish() {
    if (voucher_->parsed() && !redeem_->parsed()) return fail("voucher: expected 'voucher redeem [--db FILE] CODE'");
    if (tally_->parsed() && !tally_add_->parsed() && !tally_list_->parsed())
      return fail("tally: expected 'tally add --kind KIND [--department ID] [--count N]' or 'tally list [--date YYYY-MM-DD]'");
    if (set_pin_->parsed() && !set_pin_->remaining().empty())
      return fail("set-pin: expected 'set-pin [--db FILE]'; the PIN is read from the keyboard or standard input");
    if (const auto extra = app_.remaining(true); !extra.empty()) return fail(who() + stray(extra.front()) + " (see " + help_hint() + ")");
    if (version_) {
      command_.kind = CommandKind::Version;
      return {command_, ""};
    }
    if (stats_->parsed()) command_.kind = CommandKind::Stats;
    if (validate_->parsed()) command_.kind = CommandKind::Validate;
    if (redeem_->parsed()) {
      command_.kind = CommandKind::Redeem;
      for (const auto& part : code_parts_) command_.redeem.code += part;
      if (command_.redeem.code.empty()) return fail("voucher redeem: which code? (openday voucher redeem --db FILE CODE)");
      command_.redeem.db_given = redeem_->count("--db") > 0;
    }
    if (simulate_->parsed()) {
      command_.kind = CommandKind::Simulate;
      if (simulate_->count("--visitors") == 0 || simulate_->count("--seed") == 0)
        return fail("simulate: --visitors N and --seed S are required");
    }
    if (export_->parsed()) {
      command_.kind = CommandKind::Export;
      ExportOptions& o = command_.export_;
      if (o.db_paths.empty()) o.db_paths.push_back(default_database_file());
      if (o.out_dir.empty()) return fail("export: --out DIR is required (a folder, e.g. on a USB stick)");
      if (o.from && o.to && *o.from > *o.to) return fail("export: --from is after --to");
    }
    if (set_pin_->parsed()) command_.kind = CommandKind::SetPin;
    if (tally_add_->parsed()) {
      command_.kind = CommandKind::TallyAdd;
      TallyOptions& o = command_.tally;
      if (o.kind.empty()) return fail("tally add: --kind is required (consultation, answer, problem, handbook or leaflet)");
      TallyTap tap{*tally_kind_from_name(o.kind), o.department, o.category, o.count};
      if (const std::string problem = tally_tap_problem(tap, nullptr); !problem.empty()) return fail("tally add: " + problem);
    }
    if (tally_list_->parsed()) command_.kind = CommandKind::TallyList;
    if (speak_->parsed()) {
      command_.kind = CommandKind::Speak;
      for (const auto& word : speak_words_) command_.speak.text += (command_.speak.text.empty() ? "" : " ") + word;
      if (command_.speak.text.empty()) return fail("speak: which text? (openday speak [--wav FILE] TEXT)");
      // Too long a text is a bad command line, refused before a voice or a sound device is looked for.
      if (const std::string problem = spoken_text_problem(command_.speak.text); !problem.empty()) return fail("speak: " + problem);
    }
    if (search_->parsed()) {
      command_.kind = CommandKind::Search;
      for (const auto& word : search_words_) command_.search.query += word;
      if (command_.search.query.empty()) return fail("search: what to look for? (openday search [--content DIR] [--json] QUERY)");
    }
    if (doctor_->parsed()) command_.kind = CommandKind::Doctor;
    if (handwriting_->parsed()) command_.kind = CommandKind::Handwriting;
    if (status_->parsed()) finish_status();
    if (content_->parsed()) return finish_content();
    if (hub_->parsed()) return finish_hub();
    if (print_->parsed()) return finish_print();
    return {command_, ""};
  }

  CommandLineParse finish_hub() {
    if (hub_init_->parsed()) {
      command_.kind = CommandKind::HubInit;
      HubInitOptions& o = command_.hub_init;
      if (o.booth.empty() || o.devices.empty() || o.out.empty())
        return fail("hub init: --booth ID, --devices LIST and --out DIR are required (openday hub init --booth B1 --devices kiosk-1,desk --out DIR)");
      if (o.store.empty()) o.store = o.out / "jetstream";
    } else if (hub_sync_->parsed()) {
      command_.kind = CommandKind::HubSync;
    } else if (hub_status_->parsed()) {
      command_.kind = CommandKind::HubStatus;
    } else if (hub_publish_content_->parsed()) {
      command_.kind = CommandKind::HubPublishContent;
    } else if (hub_fetch_content_->parsed()) {
      command_.kind = CommandKind::HubFetchContent;
      if (command_.hub_fetch_content.out.empty()) return fail("hub fetch-content: --out DIR is required (the folder to unpack the content into)");
    } else if (hub_stock_set_->parsed()) {
      command_.kind = CommandKind::HubStock;
      if (!stock_wanted_) return fail("hub stock set: how many? (openday hub stock set N)");
      if (*stock_wanted_ < 0 || *stock_wanted_ > kMostBoothStock)
        return fail("hub stock set: N must be from 0 to " + std::to_string(kMostBoothStock) + ", got " + std::to_string(*stock_wanted_));
      command_.hub_stock.set = stock_wanted_;
    } else if (hub_stock_show_->parsed()) {
      command_.kind = CommandKind::HubStock;
    } else if (hub_stock_->parsed()) {
      return fail("hub stock: expected 'hub stock set N' or 'hub stock show [--json]'");
    } else {
      return fail("hub: expected 'hub init', 'hub sync', 'hub status', 'hub stock', 'hub publish-content' or 'hub fetch-content' (see openday hub --help)");
    }
    return {command_, ""};
  }

  CommandLineParse finish_content() {
    const ContentOptions& o = command_.content;
    if (content_template_->parsed()) {
      command_.kind = CommandKind::ContentTemplate;
      if (o.out.empty()) return fail("content template: --out FILE.xlsx is required");
      if (o.out.extension() != ".xlsx") return fail("content template: --out must end in .xlsx, got '" + o.out.string() + "'");
    } else if (content_export_->parsed()) {
      command_.kind = CommandKind::ContentExport;
      if (o.out.empty()) return fail("content export: --out FOLDER is required");
    } else if (content_import_->parsed()) {
      command_.kind = CommandKind::ContentImport;
      if (o.out.empty()) return fail("content import: --out DIR is required (the content folder to write)");
      if (o.workbooks.empty()) return fail("content import: which workbooks? (openday content import FILE.xlsx... --out DIR)");
    } else {
      return fail("content: expected 'content template', 'content export' or 'content import' (see openday content --help)");
    }
    return {command_, ""};
  }

  CLI::App app_;
  std::shared_ptr<CLI::Formatter> formatter_ = std::make_shared<CLI::Formatter>();
  CommandLine command_;
  bool version_ = false;
  std::vector<std::string> code_parts_;
  std::optional<std::int64_t> stock_wanted_;
  static constexpr std::int64_t kMostBoothStock = 1'000'000;
  CLI::App* hub_stock_ = nullptr;
  CLI::App* hub_stock_set_ = nullptr;
  CLI::App* hub_stock_show_ = nullptr;
  CLI::App* stats_ = nullptr;
  CLI::App* validate_ = nullptr;
  CLI::App* voucher_ = nullptr;
  CLI::App* redeem_ = nullptr;
  CLI::App* simulate_ = nullptr;
  CLI::App* export_ = nullptr;
  CLI::App* set_pin_ = nullptr;
  CLI::App* content_ = nullptr;
  CLI::App* content_template_ = nullptr;
  CLI::App* content_export_ = nullptr;
  CLI::App* content_import_ = nullptr;
  CLI::App* tally_ = nullptr;
  CLI::App* tally_add_ = nullptr;
  CLI::App* tally_list_ = nullptr;
  CLI::App* speak_ = nullptr;
  std::vector<std::string> speak_words_;
  CLI::App* search_ = nullptr;
  std::vector<std::string> search_words_;
  CLI::App* doctor_ = nullptr;
  CLI::App* handwriting_ = nullptr;
  CLI::App* hub_ = nullptr;
  CLI::App* hub_init_ = nullptr;
  CLI::App* hub_sync_ = nullptr;
  CLI::App* hub_status_ = nullptr;
  CLI::App* hub_publish_content_ = nullptr;
  CLI::App* hub_fetch_content_ = nullptr;
  CLI::App* status_ = nullptr;
  CLI::App* print_ = nullptr;
  std::filesystem::path pdf_path_;
  CLI::Option* status_db_ = nullptr;
  CLI::Option* status_file_ = nullptr;
  std::string status_db_path_, status_file_path_;
};

}  // namespace

CommandLineParse parse_command_line(std::span<const std::string_view> args) {
  try {
    Parser parser;
    return parser.parse(args);
  } catch (const std::exception& error) {
    return fail(std::string("cannot read the command line: ") + error.what());
  }
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
      "                        [--content DIR] [--quiz FILE] [--config FILE] [--hub URL --hub-credentials FILE]\n"
      "                                     simulated visitors through the real core; prints VOUCHER codes\n"
      "       openday export [--db FILE ...] --out DIR [--from YYYY-MM-DD] [--to YYYY-MM-DD]\n"
      "                      [--format csv|xlsx|all]\n"
      "                                     counts as CSV and XLSX, several kiosks merged\n"
      "       openday content template --out FILE.xlsx\n"
      "                                     the empty workbook a department fills in\n"
      "       openday content export [--content DIR] --out FOLDER\n"
      "                                     the content as one filled workbook per department\n"
      "       openday content import FILE.xlsx... --out DIR [--replace] [--event FILE]\n"
      "                                     department workbooks into a content folder (exit 7: invalid)\n"
      "       openday set-pin [--db FILE]    set the staff PIN (6-12 digits, read from the keyboard or stdin)\n"
      "       openday tally add --kind consultation|answer|problem|handbook|leaflet [--department ID]\n"
      "                         [--category ID] [--count N] [--db FILE] [--content DIR]\n"
      "                                     count work done at the staff desk (exit 2 on bad input)\n"
      "       openday tally list [--db FILE] [--date YYYY-MM-DD]\n"
      "                                     a day's desk tally entries and totals\n"
      "       openday speak [--wav FILE] TEXT\n"
      "                                     read a text aloud in Mandarin (or write it as a WAV file)\n"
      "       openday search [--content DIR] [--json] QUERY\n"
      "                                     the ranked results the search screen shows (DBJ or 低保)\n"
      "       openday handwriting [--content DIR] [--json] [--query TEXT] [--model FILE] [--no-rerank] < STROKES.json\n"
      "                                     the candidates the 手写 pad shows for one character's strokes\n"
      "       openday doctor [--db FILE] [--content DIR] [--quiz FILE] [--config FILE] [--kiosks N]\n"
      "                                     pre-flight check of a kiosk, one line per check (exit 0: all pass)\n"
      "       openday status [--db FILE | --file FILE]\n"
      "                                     print the status the running kiosk writes beside its database\n"
      "       openday hub init --booth ID --devices kiosk-1,kiosk-2,desk --out DIR [--listen HOST:PORT]\n"
      "                        [--store DIR] [--name HOST ...]\n"
      "                                     the booth hub's config, TLS certificates and device credentials\n"
      "       openday hub sync [--db FILE] [--hub URL --hub-credentials FILE] [--timeout S]\n"
      "                                     pull the booth's events into a database (exit 0 once caught up)\n"
      "       openday hub status [--hub URL --hub-credentials FILE] [--json]\n"
      "                                     each device: last heartbeat, upload lag, content version\n"
      "       openday hub publish-content [--content DIR] [--quiz FILE] [--hub URL --hub-credentials FILE]\n"
      "                                     desk: validate, sign and publish the content (exit 7: invalid)\n"
      "       openday hub fetch-content --out DIR [--hub URL --hub-credentials FILE]\n"
      "                                     the booth's latest content, verified, unpacked and validated\n"
      "       openday print --item ID --pdf FILE [--paper 80mm|A4] [--content DIR] [--config FILE]\n"
      "       openday print --voucher CODE --pdf FILE [--db FILE] [--paper 80mm|A4]\n"
      "                                     a 办事指南 or 兑奖凭条 slip as a PDF (exit 7: no such item, 10: no such voucher)\n"
      "       openday print --test [--config FILE]\n"
      "                                     a test slip to the printer of [printer] name (exit 14: cannot print)\n"
      "\n"
      "openday COMMAND --help lists the options of one command.\n";
  // The kiosk's options as the parser knows them, so that the two cannot drift apart.
  const Parser parser;
  out += parser.kiosk_options_help();
  out +=
      "\n"
      "Screen routes:\n";
  for (const auto& route : routes) out += "  " + route + "\n";
  out += "\nConfig keys (file overridden by flags):\n";
  for (const auto& doc : config_key_docs()) out += "  " + doc.key + " = " + doc.default_value + "\n      " + doc.description + "\n";
  return out;
}

}  // namespace openday
