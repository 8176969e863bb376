#pragma once
// What the booth link reads from and writes to a device's database: its rows to upload and how
// far the hub has acknowledged them (on a kiosk), and the booth's rows taken in (on the desk).
// The local file stays the source of truth: the link only copies rows, never changes them.
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/visits/event_record.h"
#include "core/visits/sqlite.h"

namespace openday {


// The rows of one kiosk id with seq > after_seq, in seq order, at most limit of them.
std::vector<EventRecord> event_records_after(const Database& db, const std::string& kiosk_id, std::int64_t after_seq, std::size_t limit);

// Per kiosk id in this file: the last seq the hub acknowledged (none yet: absent).
std::map<std::string, std::int64_t> uplink_progress(const Database& db);
// Within a write transaction: records that the hub holds kiosk_id's rows up to seq.
void save_uplink_progress(Database& db, const std::string& kiosk_id, std::int64_t seq);

// Within a write transaction on the desk's database: stores the rows it does not hold yet (a
// row is known by its kiosk id and seq, so a duplicate delivery changes nothing) and brings the
// vouchers table up to date with the issues and redemptions among them. Returns rows added.
std::size_t take_in_event_records(Database& db, std::span<const EventRecord> records);

// On the desk: the latest heartbeat of each device (its JSON text), for the booth board.
void save_device_heartbeat(Database& db, const std::string& device, const std::string& json);
std::map<std::string, std::string> device_heartbeats(const Database& db);

// On the desk: each kiosk's prize stock as its heartbeat last told it, so that the desk's
// reports count the stock as the kiosks' own files would.
void save_booth_stock(Database& db, const std::string& kiosk_id, std::int64_t remaining);
// The entry among them for the booth's pool on the hub that no kiosk holds yet (issue 27): not
// a device id (it has spaces), and not a kiosk of the reports.
inline constexpr const char* kBoothPoolEntry = "(booth pool)";
std::map<std::string, std::int64_t> booth_stocks(const Database& db);

// A connection to a device's database for its uplink: the file must exist (the device's own
// writer creates it); waits its turn for the write lock, and leaves checkpoints to that writer.
Database open_for_uplink(const std::filesystem::path& file);

// The rowid of the newest row: unchanged means nothing new was logged (a cheap idle check).
std::int64_t newest_event_id(const Database& db);

// What the hub does not hold yet of this file, for the heartbeat.
struct UplinkBacklog {
  std::int64_t last_seq = 0;              // the newest row of own_kiosk_id
  std::int64_t pending = 0;               // rows of every kiosk id past their progress
  std::int64_t oldest_pending_at_ms = 0;  // 0 when none is pending
  std::string last_event_type;
  std::int64_t last_event_at_ms = 0;
};
UplinkBacklog uplink_backlog(const Database& db, const std::string& own_kiosk_id, const std::map<std::string, std::int64_t>& progress);

// A setting of the desk's intake (its consumer's name on the hub), created once per database.
std::string intake_id(Database& db, const std::string& fresh_id);

}  // namespace openday
