// openday: the kiosk itself, and the staff and ops subcommands.
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <future>
#include <optional>
#include <system_error>
#include <iterator>
#include <span>
#include <cstdio>
#include <iostream>
#include <ctime>
#include <memory>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "core/ops/cli.h"
#include "core/booth/config.h"
#include "core/staff/doctor.h"
#include "core/content/content.h"
#include "core/content/content_workbook.h"
#include "core/content/search.h"
#include "core/visits/event_log.h"
#include "core/util/paths.h"
#include "core/quiz/quiz_bank.h"
#include "core/ops/simulation.h"
#include "core/util/atomic_file.h"
#include "core/reports/export.h"
#include "core/reports/report.h"
#include "core/staff/staff.h"
#include "core/reports/stats.h"
#include "core/reports/tally.h"
#include "core/ops/status_file.h"
#include "core/util/stop_signals.h"
#include "core/visits/store.h"
#include "core/quiz/vouchers.h"
#include "platform/display_probe.h"
#include "platform/font_lookup.h"
#include "platform/runner.h"
#include "platform/speech.h"
#include "core/content/speech_synth.h"
#include "core/content/speech_text.h"
#include "core/util/log.h"
#include "ui/kiosk.h"
#include "ui/route_registry.h"

namespace {

using namespace openday;

constexpr int kExitUsage = 2;
constexpr int kExitConfig = 3;
constexpr int kExitFonts = 4;
constexpr int kExitDisplay = 5;
constexpr int kExitDatabase = 6;
constexpr int kExitContent = 7;
constexpr int kExitExport = 8;
constexpr int kExitUnknownVoucher = 10;
constexpr int kExitVoucherAlreadyRedeemed = 11;
constexpr int kExitNoSpeech = 12;
constexpr int kExitUnexpected = 1;

std::vector<std::string> route_lines() {
  std::vector<std::string> lines;
  for (const auto& info : ui::route_catalog()) {
    std::string line = info.route;
    line.resize(std::max<std::size_t>(line.size() + 2, 22), ' ');
    lines.push_back(line + info.description);
  }
  return lines;
}

void print_problems(const char* who, const JsonProblems& problems) {
  for (const auto& problem : problems) std::fprintf(stderr, "%s: %s\n", who, problem.to_string().c_str());
}

// The config file, with the command line's overrides; nullopt after printing every problem.
std::optional<Config> load_config(const std::filesystem::path& file, std::optional<int> idle_timeout = {},
                                  std::optional<int> idle_warning = {}) {
  ConfigLoadResult loaded = load_config_file(file);
  auto report = [](const std::vector<ConfigProblem>& problems) {
    for (const auto& problem : problems) std::fprintf(stderr, "openday: config: %s\n", problem.to_string().c_str());
  };
  if (!loaded.ok()) {
    report(loaded.problems);
    return std::nullopt;
  }
  Config config = loaded.config;
  if (idle_timeout) config.idle_timeout_seconds = *idle_timeout;
  if (idle_warning) config.idle_warning_seconds = *idle_warning;
  if (auto problems = check_config(config, "command line"); !problems.empty()) {
    report(problems);
    return std::nullopt;
  }
  return config;
}

// The content folder and the quiz bank, checked together; nullptr after printing every problem.
struct Material {
  std::shared_ptr<const Content> content;
  std::shared_ptr<const QuizBank> quiz;
};

std::optional<Material> load_material(const std::filesystem::path& content_dir, const std::filesystem::path& quiz_file,
                                      const Config& config, const char* who) {
  ContentLoad content = load_content(content_dir);
  print_problems(who, content.problems);
  for (const auto& note : content.notes) std::fprintf(stderr, "%s: note: %s\n", who, note.c_str());
  QuizBankLoad quiz = load_quiz_bank(quiz_file, config.questions_per_round, content.content ? &*content.content : nullptr);
  print_problems(who, quiz.problems);
  const std::size_t problems = content.problems.size() + quiz.problems.size();
  if (problems > 0) {
    std::fprintf(stderr, "%s: %zu problem%s in %s and %s\n", who, problems, problems == 1 ? "" : "s", content_dir.c_str(),
                 quiz_file.c_str());
    return std::nullopt;
  }
  return Material{std::make_shared<const Content>(std::move(*content.content)),
                  std::make_shared<const QuizBank>(std::move(*quiz.bank))};
}

int run_validate(const ValidateOptions& options) {
  const auto config = load_config(options.config_path);
  if (!config) return kExitConfig;
  const auto material = load_material(options.content_dir, options.quiz_path, *config, "openday validate");
  if (!material) return kExitContent;
  std::printf("OK: %s (%s)\n", content_summary(*material->content).c_str(), options.content_dir.c_str());
  std::printf("OK: quiz bank: %s (%s)\n", quiz_bank_summary(*material->quiz).c_str(), options.quiz_path.c_str());
  return 0;
}

// The content loads on its own thread while the window opens: on a county's 8 MB of content the
// two take about as long as each other, and the first frame waits for both. Falls back to
// loading on the calling thread when no thread can start.
std::future<std::optional<Material>> start_loading_material(const KioskOptions& options, const Config& config) {
  const auto load = [&options, &config] { return load_material(options.content_dir, options.quiz_path, config, "openday: content"); };
  try {
    return std::async(std::launch::async, load);
  } catch (const std::system_error&) {
    return std::async(std::launch::deferred, load);
  }
}

// What the first frame needs besides the window and the content: the fonts found on disk and
// the voice opened (together about 45 ms). Made on another core while the window opens, which
// on a software GL driver is most of a warm start.
struct KioskSideWork {
  std::optional<ui::FontSources> fonts;
  std::string font_error;
  std::unique_ptr<SpeechEngine> speech;
};

std::future<KioskSideWork> start_side_work() {
  const auto work = [] {
    KioskSideWork side;
    side.fonts = platform::find_kiosk_fonts(default_fonts_dir(), side.font_error);
    // No sound device or no voice leaves it unavailable (logged once), never stops the start.
    side.speech = std::make_unique<SpeechEngine>(make_device_audio_out(), [](std::string_view line) { log_line(line); },
                                                 [] { platform::Runner::wake(); });
    return side;
  };
  try {
    return std::async(std::launch::async, work);
  } catch (const std::system_error&) {
    return std::async(std::launch::deferred, work);
  }
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

int run_kiosk(const KioskOptions& options) {
  auto config = load_config(options.config_path, options.idle_timeout_seconds, options.idle_warning_seconds);
  if (!config) return kExitConfig;
  if (options.role) config->role = *booth_role_from_name(*options.role);
  const std::string kiosk_id = effective_kiosk_id(*config);

  platform::Runner runner({options.windowed, options.screenshot, options.screenshot_frames});
  // Before any thread starts: stop signals end the loop cleanly, so queued events are kept.
  StopSignals stop_signals([&runner] { runner.request_stop(); });
  auto loading = start_loading_material(options, *config);
  auto side_work = start_side_work();
  std::string display_error;
  const bool window_open = runner.open(display_error);
  // Invalid content stops the start here, before a frame is drawn or the database is touched,
  // and it is the first thing reported: it is what a deployer must fix first.
  const auto material = loading.get();
  KioskSideWork side = side_work.get();
  if (!material) return kExitContent;
  if (!window_open) {
    std::fprintf(stderr, "openday: %s\n", display_error.c_str());
    return kExitDisplay;
  }
  const auto stack = ui::stack_for_route(options.screen_route, *material->content);
  if (!stack) {
    std::fprintf(stderr, "openday: --screen: unknown route '%s' (see --help for the list)\n", options.screen_route.c_str());
    return kExitUsage;
  }
  if (!side.fonts) {
    std::fprintf(stderr, "openday: fonts: %s\n", side.font_error.c_str());
    return kExitFonts;
  }

  // The log opens (and if need be creates or recovers) the database on its own thread; a
  // database that cannot be written never stops the kiosk from serving visitors.
  EventLog event_log({options.db_path, kiosk_id});
  // The status file beside the database, every 30 s, for `openday status` and monitoring.
  const auto started = std::chrono::steady_clock::now();
  StatusWriter status_writer(status_file_for(options.db_path), [&options, &kiosk_id, &event_log, started] {
    const auto uptime = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - started).count();
    return collect_kiosk_status(options.db_path, kiosk_id, event_log.health(), uptime);
  });
  const StaffPaths staff_paths{options.db_path, options.content_dir, options.quiz_path, default_export_dir()};
  ui::KioskSetup setup{*config, material->content, material->quiz, *side.fonts, *stack, staff_paths, [&event_log] { return event_log.health(); },
                       options.log_targets, ui::default_atlas_cache_dir(), runner.max_texture_size()};
  setup.speech = side.speech.get();
  ui::Kiosk kiosk(std::move(setup), event_log, event_log);
  return runner.run(kiosk);
}

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

int run_redeem(const RedeemOptions& options) {
  try {
    if (!std::filesystem::exists(options.db_path)) {
      std::fprintf(stderr, "openday voucher: %s: no such database file\n", options.db_path.c_str());
      return kExitDatabase;
    }
    OpenedStore store = open_store_for_tool(options.db_path);
    const Redemption result = redeem_voucher_from_desk(store.db, options.code);
    switch (result.outcome) {
      case Redemption::Outcome::Redeemed:
        std::printf("REDEEMED %s at %s\n", result.code.c_str(), format_local_time(result.redeemed_at_ms).c_str());
        return 0;
      case Redemption::Outcome::AlreadyRedeemed:
        std::fprintf(stderr, "openday voucher: %s was already redeemed at %s; do not hand out a second prize\n", result.code.c_str(),
                     format_local_time(result.redeemed_at_ms).c_str());
        return kExitVoucherAlreadyRedeemed;
      case Redemption::Outcome::Unknown:
        std::fprintf(stderr, "openday voucher: %s is not a voucher this kiosk issued (check the code, or the --db file)\n",
                     result.code.c_str());
        return kExitUnknownVoucher;
      case Redemption::Outcome::Invalid:
        std::fprintf(stderr, "openday voucher: '%s' cannot be a voucher code: 8 letters and digits from %.*s, like ABCD-EF23\n",
                     options.code.c_str(), static_cast<int>(kVoucherAlphabet.size()), kVoucherAlphabet.data());
        return kExitUnknownVoucher;
    }
  } catch (const SqliteError& error) {
    std::fprintf(stderr, "openday voucher: %s\n", error.what());
  }
  return kExitDatabase;
}

int run_simulate(const SimulateOptions& options) {
  const auto config = load_config(options.config_path);
  if (!config) return kExitConfig;
  const auto material = load_material(options.content_dir, options.quiz_path, *config, "openday simulate");
  if (!material) return kExitContent;
  SimulationOptions simulation;
  simulation.db_path = options.db_path;
  simulation.visitors = options.visitors;
  simulation.seed = options.seed;
  simulation.stock = options.stock;
  simulation.day = options.date ? *parse_calendar_date(*options.date) : local_today();
  try {
    const SimulationReport report = simulate_visitors(simulation, *config, *material->content, *material->quiz, [](const std::string& code) {
      std::printf("VOUCHER %s\n", code.c_str());
      std::fflush(stdout);  // printed only after the commit returned: a kill cannot lose a printed code
    });
    std::fprintf(stderr,
                 "openday simulate: %d sessions (%d engaged), %d quiz rounds, %d passed, %d vouchers in %.2f s (%.0f vouchers/s)\n",
                 report.sessions, report.engaged_sessions, report.quiz_rounds, report.quiz_passed, report.vouchers, report.seconds,
                 report.seconds > 0 ? report.vouchers / report.seconds : 0.0);
    std::fprintf(stderr, "openday simulate: %d 常见问题 opened, %d questions asked (%d registered for the desk), %d ratings\n",
                 report.faq_views, report.questions_asked, report.questions_registered, report.ratings);
    return 0;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "openday simulate: %s\n", error.what());
    return kExitDatabase;
  }
}

int run_export(const ExportOptions& options) {
  const auto config = load_config(options.config_path);
  if (!config) return kExitConfig;
  // Names for the ids in the export; the counts do not depend on them.
  const auto material = load_material(options.content_dir, options.quiz_path, *config, "openday export");
  if (!material) return kExitContent;
  ReportRequest request;
  request.databases = options.db_paths;
  if (options.from) request.from = parse_calendar_date(*options.from);
  if (options.to) request.to = parse_calendar_date(*options.to);
  request.content = material->content.get();
  request.quiz = material->quiz.get();
  request.config = &*config;
  try {
    const auto started = std::chrono::steady_clock::now();
    const Report report = build_report(request);
    ExportRequest out;
    out.out_dir = options.out_dir;
    out.format = options.format == "csv" ? ExportFormat::Csv : options.format == "xlsx" ? ExportFormat::Xlsx : ExportFormat::All;
    out.county = effective_event(material->content->event, *config).county;
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

// `openday tally add`: one desk entry. Bad input (an unknown kind or department, a count out of
// range) is a usage error, exit 2, with nothing written.
int run_tally_add(const TallyOptions& options) {
  const TallyTap tap{*tally_kind_from_name(options.kind), options.department, options.category, options.count};
  if (!tap.department.empty()) {
    ContentLoad content = load_content(options.content_dir);
    if (!content.content) {
      print_problems("openday tally add", content.problems);
      std::fprintf(stderr, "openday tally add: cannot check --department against %s (see the problems above)\n", options.content_dir.c_str());
      return kExitContent;
    }
    if (const std::string problem = tally_tap_problem(tap, &*content.content); !problem.empty()) {
      std::fprintf(stderr, "openday tally add: %s\n", problem.c_str());
      return kExitUsage;
    }
  }
  try {
    OpenedStore store = open_store_for_tool(options.db_path);
    const Event added = add_tally_from_tool(store.db, tap, utc_now_ms());
    std::printf("ADDED %s %lld%s%s at %s\n", options.kind.c_str(), static_cast<long long>(tap.count),
                tap.department.empty() ? "" : (" " + tap.department).c_str(), tap.category.empty() ? "" : (" " + tap.category).c_str(),
                format_local_time(added.at_ms).c_str());
    return 0;
  } catch (const SqliteError& error) {
    std::fprintf(stderr, "openday tally add: %s\n", error.what());
    return kExitDatabase;
  }
}

// `openday tally list`: a day's entries, oldest first, and the totals a report counts.
int run_tally_list(const TallyOptions& options) {
  try {
    const CalendarDate day = options.date ? *parse_calendar_date(*options.date) : local_today();
    ReportRequest request;
    request.databases = {options.db_path};
    request.from = request.to = day;
    const Report report = build_report(request);
    // The lines of the local day: a day is at most 14 hours either side of UTC.
    const std::int64_t day_start_ms = day_number(day) * 86400 * 1000;
    Database db = open_store_read_only(options.db_path);
    std::printf("Desk tally for %s\n", format_calendar_date(day).c_str());
    for (const TallyLine& line : tally_lines(db, day_start_ms - 14 * 3600 * 1000, day_start_ms + 38 * 3600 * 1000)) {
      if (format_local_time(line.at_ms, "%Y-%m-%d") != format_calendar_date(day)) continue;
      std::printf("  %s  %-12s %5lld  %-14s %-10s %s%s\n", format_local_time(line.at_ms, "%H:%M:%S").c_str(), line.kind.c_str(),
                  static_cast<long long>(line.count), line.department.empty() ? "-" : line.department.c_str(),
                  line.category.empty() ? "-" : line.category.c_str(), line.kiosk_id.c_str(), line.undone ? "  (undone)" : "");
    }
    const TallyTotals& t = report.tally;
    std::printf("Totals: consultation %lld, answer %lld, problem %lld, handbook %lld, leaflet %lld (undone taps left out: %lld)\n",
                static_cast<long long>(t[TallyKind::Consultation]), static_cast<long long>(t[TallyKind::Answer]),
                static_cast<long long>(t[TallyKind::Problem]), static_cast<long long>(t[TallyKind::Handbook]),
                static_cast<long long>(t[TallyKind::Leaflet]), static_cast<long long>(t.undone));
    return 0;
  } catch (const SqliteError& error) {
    std::fprintf(stderr, "openday tally list: %s\n", error.what());
    return kExitDatabase;
  }
}

// Reads a PIN from the keyboard without echo (twice), or one line from a pipe.
std::optional<std::string> read_new_pin() {
  auto read_line = [](const char* prompt, bool hide) -> std::optional<std::string> {
    termios saved{};
    if (hide) {
      std::fprintf(stderr, "%s", prompt);
      tcgetattr(STDIN_FILENO, &saved);
      termios quiet = saved;
      quiet.c_lflag &= static_cast<tcflag_t>(~ECHO);
      tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    std::string line;
    const bool ok = static_cast<bool>(std::getline(std::cin, line));
    if (hide) {
      tcsetattr(STDIN_FILENO, TCSANOW, &saved);
      std::fprintf(stderr, "\n");
    }
    if (!ok) return std::nullopt;
    return line;
  };
  const bool terminal = isatty(STDIN_FILENO);
  auto pin = read_line("New staff PIN (4-8 digits): ", terminal);
  if (!pin || !terminal) return pin;
  auto again = read_line("The same PIN again: ", terminal);
  if (!again || *again != *pin) {
    std::fprintf(stderr, "openday set-pin: the two PINs differ; nothing was changed\n");
    return std::nullopt;
  }
  return pin;
}

int run_set_pin(const SetPinOptions& options) {
  const auto pin = read_new_pin();
  if (!pin) return kExitUsage;
  if (!is_valid_pin(*pin)) {
    std::fprintf(stderr, "openday set-pin: a PIN is 4 to 8 digits; nothing was changed\n");
    return kExitUsage;
  }
  try {
    OpenedStore store = open_store_for_tool(options.db_path);
    sqlite3_db_config(store.db.handle(), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
    set_pin(store.db, *pin);
    std::printf("The staff PIN of %s is set.\n", options.db_path.c_str());
    return 0;
  } catch (const SqliteError& error) {
    std::fprintf(stderr, "openday set-pin: %s\n", error.what());
    return kExitDatabase;
  }
}

// `openday speak [--wav FILE] TEXT`: the text as the kiosk would read it, to a file or the speakers.
int run_speak(const SpeakOptions& options) {
  std::string error;
  if (options.wav) {
    const auto synth = SpeechSynth::open(error);
    const auto samples = synth ? synth->samples(speech_text(options.text), error) : std::nullopt;
    if (!samples) {
      std::fprintf(stderr, "openday speak: %s\n", error.c_str());
      return kExitNoSpeech;
    }
    if (!write_wav(*options.wav, *samples, synth->sample_rate(), error)) {
      std::fprintf(stderr, "openday speak: %s\n", error.c_str());
      return kExitExport;
    }
    std::printf("%s: %.2f s of speech at %d Hz\n", options.wav->string().c_str(),
                static_cast<double>(samples->size()) / synth->sample_rate(), synth->sample_rate());
    return 0;
  }
  SpeechEngine speech(make_device_audio_out(), [](std::string_view line) { std::fprintf(stderr, "openday %.*s\n", static_cast<int>(line.size()), line.data()); });
  if (!speech.available()) return kExitNoSpeech;
  speech.speak({options.text});
  while (speech.section() >= 0) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  return 0;
}

// `openday doctor`: gathers what each pre-flight check needs and prints one line per check.
int run_doctor(std::span<const std::string_view> args) {
  const DoctorParse parsed = parse_doctor_options(args);
  if (parsed.help) {
    std::fputs(doctor_help_text().c_str(), stdout);
    return 0;
  }
  if (!parsed.options) {
    std::fprintf(stderr, "openday %s\n", parsed.error.c_str());
    return kExitUsage;
  }
  const DoctorOptions& options = *parsed.options;
  std::vector<DoctorCheck> checks;
  checks.push_back(check_display(platform::probe_display()));
  std::ifstream input_devices("/proc/bus/input/devices");
  const std::string devices((std::istreambuf_iterator<char>(input_devices)), std::istreambuf_iterator<char>());
  checks.push_back(check_touch(devices));
  std::string font_error;
  const auto fonts = platform::find_kiosk_fonts(default_fonts_dir(), font_error);
  checks.push_back(check_font(fonts ? fonts->regular.family + " (" + fonts->regular.file.string() + ")" : "", fonts ? "" : font_error));

  ConfigLoadResult config = load_config_file(options.config_path);
  checks.push_back(check_config(config, options.config_path));
  const ContentLoad content = load_content(options.content_dir);
  checks.push_back(check_content(content, options.content_dir));
  const QuizBankLoad quiz = load_quiz_bank(options.quiz_path, config.config.questions_per_round, content.content ? &*content.content : nullptr);
  checks.push_back(check_quiz_bank(quiz, options.quiz_path));
  const DoctorCheck database = check_database(options.db_path);
  checks.push_back(database);
  const std::string event_date = content.content ? effective_event(content.content->event, config.config).date : std::string("unknown");
  checks.push_back(check_clock(local_today(), local_utc_offset_minutes(utc_now_ms()), event_date));
  if (database.ok) {
    checks.push_back(check_pin(options.db_path));
    checks.push_back(check_prize_stock(options.db_path, config.config));
  }
  checks.push_back(check_kiosk_id(config.config, options.kiosks));
  for (const auto& check : checks) std::printf("%s\n", doctor_line(check).c_str());
  const int failures = static_cast<int>(std::count_if(checks.begin(), checks.end(), [](const DoctorCheck& c) { return !c.ok; }));
  std::printf(failures == 0 ? "All %zu checks passed.\n" : "%zu checks, %d failed.\n", checks.size(), failures);
  return doctor_exit_code(checks);
}

// `openday status [--db FILE | --file FILE]`: prints the running kiosk's status file.
int run_status(std::span<const std::string_view> args) {
  std::filesystem::path file = status_file_for(default_database_file());
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--help" || args[i] == "-h") {
      std::printf("Usage: openday status [--db FILE | --file FILE]\n"
                  "Prints the status the kiosk writes every 30 s beside its database (status.json).\n");
      return 0;
    }
    if (i + 1 >= args.size() || (args[i] != "--db" && args[i] != "--file")) {
      std::fprintf(stderr, "openday status: unknown option or missing value '%s' (see openday status --help)\n", std::string(args[i]).c_str());
      return kExitUsage;
    }
    file = args[i] == "--db" ? status_file_for(std::filesystem::path(args[i + 1])) : std::filesystem::path(args[i + 1]);
    ++i;
  }
  try {
    std::fputs(describe_status_file(file, utc_now_ms()).c_str(), stdout);
    return 0;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "openday status: %s\n", error.what());
    return 1;
  }
}

}  // namespace

static int run_command_line(int argc, char** argv) {
  std::vector<std::string_view> args(argv + 1, argv + argc);
  if (!args.empty() && args[0] == "status") return run_status(std::span(args).subspan(1));
  if (!args.empty() && args[0] == "doctor") return run_doctor(std::span(args).subspan(1));
  const CommandLineParse parsed = parse_command_line(args);
  if (!parsed.command) {
    std::fprintf(stderr, "openday: %s\n", parsed.error.c_str());
    return kExitUsage;
  }
  const CommandLine& command = *parsed.command;
  switch (command.kind) {
    case CommandKind::Help: {
      if (!command.subcommand_help.empty()) {
        std::fputs(command.subcommand_help.c_str(), stdout);
        return 0;
      }
      const auto routes = route_lines();
      std::fputs(help_text(routes).c_str(), stdout);
      return 0;
    }
    case CommandKind::Version:
      std::printf("openday %s\n", OPENDAY_VERSION);
      return 0;
    case CommandKind::RunKiosk: return run_kiosk(command.kiosk);
    case CommandKind::Stats: return run_stats(command.stats);
    case CommandKind::Validate: return run_validate(command.validate);
    case CommandKind::Redeem: return run_redeem(command.redeem);
    case CommandKind::Simulate: return run_simulate(command.simulate);
    case CommandKind::Export: return run_export(command.export_);
    case CommandKind::SetPin: return run_set_pin(command.set_pin);
    case CommandKind::ContentTemplate: return run_content_template(command.content);
    case CommandKind::ContentExport: return run_content_export(command.content);
    case CommandKind::ContentImport: return run_content_import(command.content);
    case CommandKind::TallyAdd: return run_tally_add(command.tally);
    case CommandKind::TallyList: return run_tally_list(command.tally);
    case CommandKind::Speak: return run_speak(command.speak);
    case CommandKind::Search: return run_search(command.search);
  }
  return kExitUsage;
}

int main(int argc, char** argv) {
  // The last net: whatever a library throws ends in a message and exit 1, never in abort().
  try {
    return run_command_line(argc, argv);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "openday: unexpected error: %s\n", error.what());
  }
  return kExitUnexpected;
}
