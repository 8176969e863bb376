#include "core/ops/status_file.h"

#include <cstdio>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "core/util/atomic_file.h"
#include "core/util/bounded_read.h"
#include "core/reports/stats.h"
#include "core/visits/store.h"

namespace openday {
namespace {

nlohmann::json optional_number(const std::optional<std::int64_t>& value) {
  if (!value) return nullptr;
  return *value;
}

std::optional<std::int64_t> last_touch_ms(const std::filesystem::path& db) {
  const Database store = open_store_read_only(db);
  return last_visitor_activity_ms(store);
}

// A status file the kiosk writes is under 1 kB.
constexpr std::uintmax_t kMaxStatusFileBytes = 64 * 1024;

std::string seconds_as_text(std::int64_t seconds) {
  if (seconds < 120) return std::to_string(seconds) + " s";
  if (seconds < 2 * 3600) return std::to_string(seconds / 60) + " min";
  return std::to_string(seconds / 3600) + " h " + std::to_string(seconds % 3600 / 60) + " min";
}

}  // namespace

std::filesystem::path status_file_for(const std::filesystem::path& db) { return db.parent_path() / "status.json"; }

std::string status_json(const KioskStatus& status) {
  const nlohmann::json json = {
      {"version", status.version},
      {"kiosk_id", status.kiosk_id},
      {"written_at_ms", status.written_at_ms},
      {"uptime_seconds", status.uptime_seconds},
      {"today_sessions", status.today_sessions},
      {"last_touch_ms", optional_number(status.last_touch_ms)},
      {"database", {{"ok", status.database_ok}, {"error", status.database_error}}},
      {"queued_events", status.queued_events},
      {"dropped_events", status.dropped_events},
      {"prize_stock", optional_number(status.prize_stock)},
  };
  return json.dump(2) + "\n";
}

KioskStatus collect_kiosk_status(const std::filesystem::path& db, const std::string& kiosk_id, const StoreHealth& health,
                                 std::int64_t uptime_seconds) {
  KioskStatus status;
  status.version = OPENDAY_VERSION;
  status.kiosk_id = kiosk_id;
  status.written_at_ms = utc_now_ms();
  status.uptime_seconds = uptime_seconds;
  status.database_ok = health.open && health.last_error.empty();
  status.database_error = health.last_error;
  status.queued_events = health.pending;
  status.dropped_events = health.dropped;
  if (!health.open) {
    if (status.database_error.empty()) status.database_error = "not open yet";
    return status;
  }
  try {
    const DayStats today = compute_day_stats(db, local_today());
    status.today_sessions = today.sessions;
    status.prize_stock = today.prize_stock;
    status.last_touch_ms = last_touch_ms(db);
  } catch (const std::exception& error) {
    status.database_ok = false;
    status.database_error = std::string("reading today's counts: ") + error.what();
  }
  return status;
}

std::string describe_status_file(const std::filesystem::path& file, std::int64_t now_ms) {
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) throw std::runtime_error(file.string() + ": no status file (is the kiosk running with this database?)");
  const std::string text = read_regular_file(file, kMaxStatusFileBytes, "a status file");
  const auto json = nlohmann::json::parse(text, nullptr, false);
  if (json.is_discarded() || !json.is_object() || !json.contains("written_at_ms"))
    throw std::runtime_error(file.string() + ": not a kiosk status file");
  try {
    const auto age_seconds = (now_ms - json.at("written_at_ms").get<std::int64_t>()) / 1000;
    std::string out;
    auto line = [&out](const char* label, const std::string& value) { out += std::string(label) + value + "\n"; };
    line("kiosk           ", json.at("kiosk_id").get<std::string>() + " (openday " + json.at("version").get<std::string>() + ")");
    line("written         ", format_local_time(json.at("written_at_ms").get<std::int64_t>()) + ", " + seconds_as_text(age_seconds) + " ago" +
                                  (age_seconds > 90 ? "  (STALE: the kiosk may not be running)" : ""));
    line("uptime          ", seconds_as_text(json.at("uptime_seconds").get<std::int64_t>()));
    line("today sessions  ", std::to_string(json.at("today_sessions").get<std::int64_t>()));
    const auto& touch = json.at("last_touch_ms");
    line("last touch      ", touch.is_null() ? std::string("none yet") : format_local_time(touch.get<std::int64_t>()));
    const auto& database = json.at("database");
    line("database        ", database.at("ok").get<bool>() ? std::string("ok") : "PROBLEM: " + database.at("error").get<std::string>());
    line("queued events   ", std::to_string(json.at("queued_events").get<std::uint64_t>()));
    line("dropped events  ", std::to_string(json.at("dropped_events").get<std::uint64_t>()));
    const auto& stock = json.at("prize_stock");
    line("prize stock     ", stock.is_null() ? std::string("not set") : std::to_string(stock.get<std::int64_t>()));
    return out;
  } catch (const nlohmann::json::exception& error) {
    throw std::runtime_error(file.string() + ": not a kiosk status file: " + error.what());
  }
}

StatusWriter::StatusWriter(std::filesystem::path file, Collect collect, std::chrono::milliseconds interval)
    : file_(std::move(file)), collect_(std::move(collect)), interval_(interval), thread_([this] { run(); }) {}

StatusWriter::~StatusWriter() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void StatusWriter::write_once() {
  try {
    write_file_atomically(file_, status_json(collect_()));
  } catch (const std::exception& error) {
    // A status file that cannot be written must never disturb the visitor.
    std::fprintf(stderr, "openday: status file: %s\n", error.what());
  }
}

void StatusWriter::run() {
  write_once();  // at once: a fresh status after every restart
  std::unique_lock lock(mutex_);
  while (!wake_.wait_for(lock, interval_, [this] { return stopping_; })) {
    lock.unlock();
    write_once();
    lock.lock();
  }
}

}  // namespace openday
