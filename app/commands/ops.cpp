// `openday simulate`, `openday speak`, `openday doctor` and `openday status`: running a kiosk's
// parts without a visitor, and checking a kiosk before and during the event.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <exception>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "commands/booth_link.h"
#include "commands/commands.h"
#include "commands/loading.h"
#include "core/content/speech_synth.h"
#include "core/content/speech_text.h"
#include "core/ops/simulation.h"
#include "core/booth/prize_share.h"
#include "core/ops/status_file.h"
#include "core/staff/doctor.h"
#include "core/util/local_clock.h"
#include "core/util/paths.h"
#include "core/visits/events.h"
#include "platform/display_probe.h"
#include "platform/font_lookup.h"
#include "platform/speech.h"

namespace openday::commands {
namespace {

// A simulated kiosk's share of the booth's prize stock, settled between visitors as the
// kiosk's uplink does in the background: a hub that is away (or comes back) changes nothing but
// how many prizes the share still holds.
class BoothPrizeSimulation {
 public:
  BoothPrizeSimulation(const HubLink& link, const std::filesystem::path& db_file)
      : link_(link), share_(db_file, link.credentials.device, link.credentials.device, true) {}

  void settle() {
    // A connection libnats closed for good (the hub refused the key twice) is replaced.
    if (hub_ && hub_->closed()) {
      share_.forget_bucket();
      hub_.reset();
    }
    if (!hub_ && !connect()) return;
    if (!hub_->connected()) return;  // libnats is reconnecting on its own
    const PrizeShareStatus status = share_.settle(*hub_, utc_now_ms());
    if (!status.error.empty() && status.error != last_error_) std::fprintf(stderr, "openday simulate: booth stock: %s\n", status.error.c_str());
    last_error_ = status.error;
  }

  // What the share still holds goes back to the booth.
  void stop() {
    if (hub_ && hub_->connected()) share_.give_back_all(*hub_, utc_now_ms());
  }

 private:
  bool connect() {
    const auto now = std::chrono::steady_clock::now();
    if (now < next_try_) return false;
    next_try_ = now + std::chrono::seconds(2);
    HubConnection::Open open = HubConnection::connect(link_.url, link_.credentials, std::chrono::milliseconds(1000));
    hub_ = std::move(open.connection);
    return hub_ != nullptr;
  }

  HubLink link_;
  PrizeShare share_;
  std::unique_ptr<HubConnection> hub_;
  std::chrono::steady_clock::time_point next_try_{};
  std::string last_error_;
};

SimulationOptions simulation_options(const SimulateOptions& options) {
  SimulationOptions simulation;
  simulation.db_path = options.db_path;
  simulation.visitors = options.visitors;
  simulation.seed = options.seed;
  simulation.stock = options.stock;
  simulation.day = options.date ? *parse_calendar_date(*options.date) : local_today();
  return simulation;
}

}  // namespace

int run_simulate(const SimulateOptions& options) {
  int exit_code = 0;
  const auto loaded = load_config_and_material(options.config_path, options.content_dir, options.quiz_path, "openday simulate", exit_code);
  if (!loaded) return exit_code;
  std::optional<HubLink> hub;
  Config config = loaded->config;
  if (options.hub.url || options.hub.credentials) {
    hub = resolve_hub_link(options.hub, options.config_path, "openday simulate", exit_code);
    if (!hub) return exit_code;
    config.kiosk_id = hub->credentials.device;  // the simulated day is the credentials' device's
    if (options.stock) {
      std::fprintf(stderr, "openday simulate: --stock sets a kiosk's own stock; with --hub the booth's stock is on the hub (openday hub stock set N)\n");
      return kExitUsage;
    }
  }
  try {
    SimulationOptions simulation = simulation_options(options);
    std::optional<BoothPrizeSimulation> booth_prizes;
    if (hub) {
      booth_prizes.emplace(*hub, options.db_path);
      simulation.booth_stock = true;
      simulation.between_visitors = [&booth_prizes] { booth_prizes->settle(); };
    }
    const SimulationReport report =
        simulate_visitors(simulation, config, *loaded->material.content, *loaded->material.quiz, [](const std::string& code) {
          std::printf("VOUCHER %s\n", code.c_str());
          std::fflush(stdout);  // printed only after the commit returned: a kill cannot lose a printed code
        });
    std::fprintf(stderr,
                 "openday simulate: %d sessions (%d engaged), %d quiz rounds, %d passed, %d vouchers in %.2f s (%.0f vouchers/s)\n",
                 report.sessions, report.engaged_sessions, report.quiz_rounds, report.quiz_passed, report.vouchers, report.seconds,
                 report.seconds > 0 ? report.vouchers / report.seconds : 0.0);
    std::fprintf(stderr, "openday simulate: %d 常见问题 opened, %d questions asked (%d registered for the desk), %d ratings\n",
                 report.faq_views, report.questions_asked, report.questions_registered, report.ratings);
    if (booth_prizes) booth_prizes->stop();
    if (hub && !upload_database(*hub, options.db_path, config.kiosk_id, "openday simulate", options.content_dir, options.quiz_path)) return kExitHub;
    return 0;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "openday simulate: %s\n", error.what());
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
int run_doctor(const DoctorOptions& options) {
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
  const auto& printer = config.config.printer_name;
  checks.push_back(check_printer(config.config, printer ? std::optional(print::probe_printer(*printer)) : std::nullopt));
  checks.push_back(check_handwriting_model(config.config.handwriting_model));
  checks.push_back(check_icon_font(platform::icon_font_path(), platform::kIconFontPackage));
  for (const auto& check : checks) std::printf("%s\n", doctor_line(check).c_str());
  const int failures = static_cast<int>(std::count_if(checks.begin(), checks.end(), [](const DoctorCheck& c) { return !c.ok; }));
  std::printf(failures == 0 ? "All %zu checks passed.\n" : "%zu checks, %d failed.\n", checks.size(), failures);
  const auto warnings = std::count_if(checks.begin(), checks.end(), [](const DoctorCheck& c) { return c.warning; });
  if (warnings > 0) std::printf("%ld warning(s): the kiosk works without what they name.\n", static_cast<long>(warnings));
  return doctor_exit_code(checks);
}

// `openday status [--db FILE | --file FILE]`: prints the running kiosk's status file.
int run_status(const StatusOptions& options) {
  try {
    std::fputs(describe_status_file(options.file, utc_now_ms()).c_str(), stdout);
    return 0;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "openday status: %s\n", error.what());
    return kExitUnexpected;
  }
}

}  // namespace openday::commands
