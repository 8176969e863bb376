// `openday` without a command: the kiosk itself.
#include <chrono>
#include <cstdio>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>

#include "commands/booth_link.h"
#include "commands/commands.h"
#include "commands/loading.h"
#include "core/ops/status_file.h"
#include "core/util/log.h"
#include "core/util/paths.h"
#include "core/util/stop_signals.h"
#include "core/visits/event_log.h"
#include "platform/font_lookup.h"
#include "platform/runner.h"
#include "platform/speech.h"
#include "ui/kiosk.h"
#include "ui/route_registry.h"

namespace openday::commands {
namespace {

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

}  // namespace

int run_kiosk(const KioskOptions& options) {
  auto config = load_config(options.config_path, options.idle_timeout_seconds, options.idle_warning_seconds);
  if (!config) return kExitConfig;
  if (options.role) config->role = *booth_role_from_name(*options.role);
  const std::string kiosk_id = effective_kiosk_id(*config);

  platform::Runner runner({options.windowed, options.screenshot, options.screenshot_frames, options.log_frames});
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
  // With a booth hub: the rows go to the desk from a thread of their own; nothing here waits.
  const auto booth_link = start_booth_link(*config, {options.db_path, kiosk_id, options.content_dir, options.quiz_path}, event_log);
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
  if (booth_link && booth_link->uplink) {
    BoothUplink* uplink = booth_link->uplink.get();
    setup.booth_link = [uplink] {
      const UplinkStatus status = uplink->status();
      return BoothLinkState{true, status.connected, status.booth_prizes, status.prizes_held};
    };
    setup.booth_prizes.redeem = [uplink](std::string code, std::int64_t now_ms) { return uplink->redeem(std::move(code), now_ms); };
    setup.booth_prizes.set_stock = [uplink](std::int64_t wanted) { return uplink->set_booth_stock(wanted); };
    setup.booth_prizes.booth_stock = [uplink] { return uplink->status().booth_prizes; };
    if (config->role == BoothRole::Kiosk) setup.take_staged_content = [uplink] { return uplink->take_staged_content(); };
  }
  ui::Kiosk kiosk(std::move(setup), event_log, event_log);
  return runner.run(kiosk);
}

}  // namespace openday::commands
