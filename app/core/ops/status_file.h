#pragma once
// The kiosk's status file: a small JSON written atomically every 30 s into the state folder (the
// database's folder, /var/lib/openday on a deployed kiosk), so that staff and monitoring can see
// how the kiosk is doing without touching the screen: `openday status` prints it.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "core/visits/durable_store.h"

namespace openday {

struct KioskStatus {
  std::string version;
  std::string kiosk_id;
  std::int64_t written_at_ms = 0;  // UTC
  std::int64_t uptime_seconds = 0;
  std::int64_t today_sessions = 0;            // visitor sessions started today (local day)
  std::optional<std::int64_t> last_touch_ms;  // newest session start, tap or "continue" (UTC)
  bool database_ok = false;
  std::string database_error;  // the store's last error, or why today's counts could not be read
  std::uint64_t queued_events = 0;
  std::uint64_t dropped_events = 0;
  std::optional<std::int64_t> prize_stock;
};

// <folder of the database>/status.json
std::filesystem::path status_file_for(const std::filesystem::path& db);
std::string status_json(const KioskStatus& status);
// Today's sessions, last touch and prize stock from the database (read-only); the store's
// health from the event log. Never throws: a database that cannot be read is reported.
KioskStatus collect_kiosk_status(const std::filesystem::path& db, const std::string& kiosk_id, const StoreHealth& health,
                                 std::int64_t uptime_seconds);
// For `openday status`: the file as readable lines, with its age; throws std::runtime_error
// naming the file when it is missing or not a status file.
std::string describe_status_file(const std::filesystem::path& file, std::int64_t now_ms);

// Writes the status file now and then every interval on its own thread, until destroyed.
class StatusWriter {
 public:
  using Collect = std::function<KioskStatus()>;
  StatusWriter(std::filesystem::path file, Collect collect, std::chrono::milliseconds interval = std::chrono::seconds(30));
  ~StatusWriter();
  StatusWriter(const StatusWriter&) = delete;
  StatusWriter& operator=(const StatusWriter&) = delete;

 private:
  void run();
  void write_once();
  std::filesystem::path file_;
  Collect collect_;
  std::chrono::milliseconds interval_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace openday
