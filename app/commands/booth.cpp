// `openday hub init|sync|status` and the hub half of `openday simulate --hub`: setting up the
// booth hub, pulling the booth's events into the desk's database, and the booth at a glance.
#include <chrono>
#include <cstdio>
#include <exception>
#include <optional>
#include <string>
#include <thread>

#include <nlohmann/json.hpp>

#include "commands/booth_link.h"
#include "commands/commands.h"
#include "commands/loading.h"
#include "core/booth/booth_board.h"
#include "core/booth/booth_intake.h"
#include "core/booth/booth_uplink.h"
#include "core/booth/hub_connection.h"
#include "core/booth/prize_bucket.h"
#include "core/booth/hub_setup.h"
#include "core/visits/booth_store.h"
#include "core/visits/events.h"
#include "core/visits/store.h"

namespace openday::commands {
namespace {

constexpr auto kConnectTimeout = std::chrono::milliseconds(3000);

bool require_desk(const HubLink& link, const char* who) {
  if (link.credentials.desk) return true;
  std::fprintf(stderr, "%s: %s: these are the credentials of device '%s'; reading the booth's streams needs the desk's credentials\n", who,
               link.credentials.file.c_str(), link.credentials.device.c_str());
  return false;
}

std::string seconds_text(std::int64_t ms) { return std::to_string(ms / 1000) + " s"; }

}  // namespace

std::optional<std::unique_ptr<HubConnection>> connect_or_report(const HubLink& link, const char* who) {
  HubConnection::Open open = HubConnection::connect(link.url, link.credentials, kConnectTimeout);
  if (!open.connection) {
    std::fprintf(stderr, "%s: %s\n", who, open.error.c_str());
    return std::nullopt;
  }
  return std::move(open.connection);
}

std::optional<HubLink> resolve_hub_link(const HubLinkOptions& given, const std::filesystem::path& config_path, const char* who, int& exit_code) {
  HubLink link;
  std::optional<std::filesystem::path> credentials = given.credentials;
  if (given.url) link.url = *given.url;
  if (!given.url || !given.credentials) {
    std::error_code ec;
    if (std::filesystem::exists(config_path, ec)) {
      const auto config = load_config(config_path);
      if (!config) {
        exit_code = kExitConfig;
        return std::nullopt;
      }
      if (!given.url && config->hub_url) link.url = *config->hub_url;
      if (!credentials && config->hub_credentials) credentials = config->hub_credentials;
    }
  }
  if (link.url.empty() || !credentials) {
    std::fprintf(stderr, "%s: which hub? give --hub nats://HOST:PORT and --hub-credentials FILE, or set booth.hub and booth.hub_credentials in %s\n",
                 who, config_path.c_str());
    exit_code = kExitUsage;
    return std::nullopt;
  }
  HubCredentialsLoad loaded = load_hub_credentials(*credentials);
  if (!loaded.credentials) {
    std::fprintf(stderr, "%s: %s\n", who, loaded.error.c_str());
    exit_code = kExitConfig;
    return std::nullopt;
  }
  link.credentials = std::move(*loaded.credentials);
  return link;
}

bool upload_database(const HubLink& link, const std::filesystem::path& db_file, const std::string& kiosk_id, const char* who,
                     const std::filesystem::path& content_dir, const std::filesystem::path& quiz_file) {
  auto hub = connect_or_report(link, who);
  if (!hub) return false;
  UplinkOptions options;
  options.db_file = db_file;
  options.url = link.url;
  options.credentials = link.credentials;
  options.kiosk_id = kiosk_id;
  options.role = link.credentials.desk ? "desk" : "kiosk";
  options.content_dir = content_dir;
  options.quiz_file = quiz_file;
  try {
    UplinkPump pump(options, **hub);
    std::size_t total = 0;
    while (const std::size_t published = pump.publish_pending(4096)) total += published;
    const Heartbeat beat = pump.send_heartbeat();
    std::fprintf(stderr, "%s: %zu events uploaded to the hub as %s; %lld not yet on the hub\n", who, total, link.credentials.device.c_str(),
                 static_cast<long long>(beat.pending));
    return beat.pending == 0;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "%s: uploading to the hub: %s (what was not uploaded goes with the next upload)\n", who, error.what());
    return false;
  }
}

int run_hub_init(const HubInitOptions& options) {
  HubSetupRequest request;
  request.booth = options.booth;
  request.devices = options.devices;
  request.listen = options.listen;
  request.store = options.store;
  request.out = options.out;
  request.extra_names = options.names;
  const HubSetupResult result = write_hub_setup(request);
  if (!result.ok()) {
    std::fprintf(stderr, "openday hub init: %s\n", result.error.c_str());
    return kExitUsage;
  }
  for (const auto& file : result.written) std::printf("%s\n", file.c_str());
  std::fprintf(stderr, "openday hub init: start the hub with: nats-server -c %s\n", (options.out / "nats-server.conf").c_str());
  return 0;
}

int run_hub_sync(const HubSyncOptions& options) {
  constexpr const char* who = "openday hub sync";
  int exit_code = 0;
  const auto link = resolve_hub_link(options.hub, options.config_path, who, exit_code);
  if (!link) return exit_code;
  if (!require_desk(*link, who)) return kExitConfig;
  try {
    OpenedStore store = open_store_for_tool(options.db_path);
    Database& db = store.db;
    const std::string consumer = db.write_transaction("starting to name the intake", "naming the intake", [&] { return intake_id(db, random_intake_id()); });
    auto hub = connect_or_report(*link, who);
    if (!hub) return kExitHub;
    if (const std::string problem = ensure_booth_streams(**hub); !problem.empty()) {
      std::fprintf(stderr, "%s: %s\n", who, problem.c_str());
      return kExitHub;
    }
    BoothIntake intake(**hub, consumer);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(options.timeout_seconds);
    std::size_t received = 0, added = 0;
    while (true) {
      const IntakeResult pulled = intake.pull(
          [&](const IntakeBatch& batch) {
            // Counted once the batch is committed.
            added += db.write_transaction("starting to store the booth's events", "storing the booth's events",
                                          [&] { return store_intake_batch(db, batch); });
          },
          500, std::chrono::milliseconds(1000));
      received += pulled.received;
      for (const auto& refused : pulled.refused) std::fprintf(stderr, "%s: left out an unreadable message: %s\n", who, refused.c_str());
      if (pulled.caught_up) break;
      if (std::chrono::steady_clock::now() > deadline) {
        std::fprintf(stderr, "%s: not caught up after %d s (%zu messages taken in so far; run it again to go on)\n", who, options.timeout_seconds, received);
        return kExitHub;
      }
    }
    std::fprintf(stderr, "%s: caught up: %zu messages from the hub, %zu new events in %s\n", who, received, added, options.db_path.c_str());
    return 0;
  } catch (const SqliteError& error) {
    std::fprintf(stderr, "%s: %s\n", who, error.what());
    return kExitDatabase;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "%s: %s\n", who, error.what());
    return kExitHub;
  }
}

int run_hub_status(const HubStatusOptions& options) {
  constexpr const char* who = "openday hub status";
  int exit_code = 0;
  const auto link = resolve_hub_link(options.hub, options.config_path, who, exit_code);
  if (!link) return exit_code;
  if (!require_desk(*link, who)) return kExitConfig;
  auto hub = connect_or_report(*link, who);
  if (!hub) return kExitHub;
  try {
    if (const std::string problem = ensure_booth_streams(**hub); !problem.empty()) throw std::runtime_error(problem);
    const auto states = read_device_states(**hub);
    const std::int64_t now = utc_now_ms();
    std::string desk_version;  // the desk's content is the booth's reference
    for (const DeviceState& state : states)
      if (state.beat.role == "desk") desk_version = state.beat.content_version;
    nlohmann::json devices = nlohmann::json::array();
    if (!options.json) std::printf("%-16s %-6s %-10s %-12s %-9s %-10s %-14s %s\n", "device", "role", "state", "heartbeat", "pending", "lag", "content", "alerts");
    for (const DeviceState& state : states) {
      const BoardRow row = board_row(state, now, desk_version);
      std::string alerts;
      for (BoardAlert alert : row.alerts) alerts += (alerts.empty() ? "" : ",") + std::string(board_alert_name(alert));
      if (options.json) {
        devices.push_back({{"device", row.device}, {"role", row.role}, {"online", row.online}, {"last_heartbeat_ms_ago", row.silent_ms},
                           {"pending_events", row.pending}, {"upload_lag_ms", row.upload_lag_ms}, {"content_version", row.content_version},
                           {"kiosk_id", state.beat.kiosk_id}, {"content_refused", row.content_refused}, {"alerts", nlohmann::json::array()}});
        for (BoardAlert alert : row.alerts) devices.back()["alerts"].push_back(std::string(board_alert_name(alert)));
      } else {
        std::printf("%-16s %-6s %-10s %-12s %-9lld %-10s %-14s %s\n", row.device.c_str(), row.role.c_str(), row.online ? "online" : "silent",
                    (seconds_text(row.silent_ms) + " ago").c_str(), static_cast<long long>(row.pending), seconds_text(row.upload_lag_ms).c_str(),
                    row.content_version.empty() ? "-" : row.content_version.c_str(), alerts.empty() ? "-" : alerts.c_str());
      }
    }
    // The booth's prize stock (issue 27), when staff set it up.
    std::optional<BoothStock> prizes;
    if (PrizeBucket::Open bucket = PrizeBucket::open(**hub); bucket.bucket) {
      const PrizeBucket::StockRead read = bucket.bucket->read_stock();
      if (read.error.empty() && read.revision != 0) prizes = read.stock;
    }
    if (options.json) {
      nlohmann::json out{{"devices", devices}};
      out["prize_stock"] = prizes ? nlohmann::json{{"available", prizes->available()}, {"pool", prizes->pool}, {"stocked", prizes->stocked}}
                                  : nlohmann::json(nullptr);
      std::printf("%s\n", out.dump(2).c_str());
    } else {
      std::printf("booth prize stock: %s\n", prizes ? (std::to_string(prizes->available()) + " (not yet handed to a device: " +
                                                        std::to_string(prizes->pool) + ")").c_str()
                                                  : "not set (openday hub stock set N)");
    }
    return 0;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "%s: %s\n", who, error.what());
    return kExitHub;
  }
}

std::optional<BoothLinkThreads> start_booth_link(const Config& config, const BoothLinkPlace& place, DurableStore& store) {
  if (!config.hub_url || !config.hub_credentials) return std::nullopt;
  HubCredentialsLoad loaded = load_hub_credentials(*config.hub_credentials);
  if (!loaded.credentials) {
    std::fprintf(stderr, "openday: booth hub: %s; this device works alone\n", loaded.error.c_str());
    return std::nullopt;
  }
  BoothLinkThreads threads;
  UplinkOptions uplink;
  uplink.db_file = place.db_file;
  uplink.url = *config.hub_url;
  uplink.credentials = *loaded.credentials;
  uplink.kiosk_id = place.kiosk_id;
  uplink.role = std::string(booth_role_name(config.role));
  uplink.content_dir = place.content_dir;
  uplink.quiz_file = place.quiz_file;
  // Kiosks take the desk's content; the desk publishes it.
  if (config.role == BoothRole::Kiosk) uplink.content_staging_root = place.db_file.parent_path() / "content-from-desk";
  uplink.questions_per_round = config.questions_per_round;
  uplink.holds_prize_share = config.role == BoothRole::Kiosk;
  threads.uplink = std::make_unique<BoothUplink>(std::move(uplink));
  if (config.role == BoothRole::Desk && loaded.credentials->desk)
    threads.feed = std::make_unique<DeskFeed>(DeskFeed::Options{*config.hub_url, *loaded.credentials}, store);
  return threads;
}

}  // namespace openday::commands
