#include "core/visits/booth_store.h"

#include <charconv>

#include "core/visits/store.h"

#include "core/visits/events.h"

namespace openday {
namespace {

constexpr std::string_view kProgressPrefix = "uplink.acked.";
constexpr std::string_view kHeartbeatPrefix = "booth.heartbeat.";
constexpr std::string_view kStockPrefix = "booth.stock.";

std::optional<std::string> optional_text(const Statement& row, int column) {
  if (row.column_is_null(column)) return std::nullopt;
  return row.column_text(column);
}

std::optional<std::int64_t> optional_int(const Statement& row, int column) {
  if (row.column_is_null(column)) return std::nullopt;
  return row.column_int(column);
}

std::optional<std::int64_t> parse_int(std::string_view text) {
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// Every settings row whose key starts with prefix, keyed by the rest of the key.
std::map<std::string, std::string> settings_with_prefix(const Database& db, std::string_view prefix) {
  std::map<std::string, std::string> found;
  // substr and a length test instead of LIKE: kiosk ids may hold '_', LIKE's wildcard.
  Statement read = db.prepare("SELECT key, value FROM settings WHERE substr(key, 1, ?2) = ?1");
  read.bind(1, prefix).bind(2, static_cast<std::int64_t>(prefix.size()));
  while (read.step()) found[read.column_text(0).substr(prefix.size())] = read.column_text(1);
  return found;
}

void bind_record(Statement& insert, const EventRecord& r) {
  auto bind_text = [&insert](int index, const std::optional<std::string>& text) {
    if (text) insert.bind(index, *text);
    else insert.bind_null(index);
  };
  insert.bind(1, r.kiosk_id).bind(2, r.seq).bind(3, r.at_ms).bind(4, r.utc_offset_min).bind(5, r.session).bind(6, r.type);
  bind_text(7, r.screen);
  bind_text(8, r.department);
  bind_text(9, r.item);
  bind_text(10, r.target);
  insert.bind_optional(11, r.value).bind_optional(12, r.count);
  bind_text(13, r.detail);
}

// The desk's vouchers table follows from the rows it takes in: an issue adds its voucher, the
// earliest redemption of a code marks it. Both are idempotent, and a redemption that arrives
// before its issue (from another device) is applied when the issue comes.
void apply_to_vouchers(Database& db, const EventRecord& record) {
  if (!record.item) return;
  if (record.type == event_type_name(EventType::VoucherIssued)) {
    Statement issue = db.prepare(
        "INSERT INTO vouchers (code, kiosk_id, session, issued_at_ms, redeemed_at_ms) VALUES (?1, ?2, ?3, ?4, "
        "(SELECT min(at_ms) FROM events WHERE type = ?5 AND item = ?1)) ON CONFLICT DO NOTHING");
    issue.bind(1, *record.item).bind(2, record.kiosk_id).bind(3, record.session).bind(4, record.at_ms);
    issue.bind(5, event_type_name(EventType::VoucherRedeemed));
    issue.run();
  } else if (record.type == event_type_name(EventType::VoucherRedeemed)) {
    Statement redeem = db.prepare(
        "UPDATE vouchers SET redeemed_at_ms = ?2 WHERE code = ?1 AND (redeemed_at_ms IS NULL OR redeemed_at_ms > ?2)");
    redeem.bind(1, *record.item).bind(2, record.at_ms);
    redeem.run();
  }
}

}  // namespace

std::vector<EventRecord> event_records_after(const Database& db, const std::string& kiosk_id, std::int64_t after_seq, std::size_t limit) {
  Statement rows = db.prepare(
      "SELECT kiosk_id, seq, at_ms, utc_offset_min, session, type, screen, department, item, target, value, count, detail "
      "FROM events WHERE kiosk_id = ?1 AND seq > ?2 ORDER BY seq LIMIT ?3");
  rows.bind(1, kiosk_id).bind(2, after_seq).bind(3, static_cast<std::int64_t>(limit));
  std::vector<EventRecord> records;
  while (rows.step()) {
    EventRecord r;
    r.kiosk_id = rows.column_text(0);
    r.seq = rows.column_int(1);
    r.at_ms = rows.column_int(2);
    r.utc_offset_min = rows.column_int(3);
    r.session = rows.column_int(4);
    r.type = rows.column_text(5);
    r.screen = optional_text(rows, 6);
    r.department = optional_text(rows, 7);
    r.item = optional_text(rows, 8);
    r.target = optional_text(rows, 9);
    r.value = optional_int(rows, 10);
    r.count = optional_int(rows, 11);
    r.detail = optional_text(rows, 12);
    records.push_back(std::move(r));
  }
  return records;
}

std::map<std::string, std::int64_t> uplink_progress(const Database& db) {
  std::map<std::string, std::int64_t> progress;
  for (const auto& [kiosk, text] : settings_with_prefix(db, kProgressPrefix))
    if (const auto seq = parse_int(text)) progress[kiosk] = *seq;
  return progress;
}

void save_uplink_progress(Database& db, const std::string& kiosk_id, std::int64_t seq) {
  write_setting(db, std::string(kProgressPrefix) + kiosk_id, std::to_string(seq));
}

std::size_t take_in_event_records(Database& db, std::span<const EventRecord> records) {
  if (records.empty()) return 0;
  Statement insert = db.prepare(
      "INSERT INTO events (kiosk_id, seq, at_ms, utc_offset_min, session, type, screen, department, item, target, value, count, detail) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) ON CONFLICT (kiosk_id, seq) DO NOTHING");
  std::size_t added = 0;
  for (const EventRecord& record : records) {
    bind_record(insert, record);
    insert.run();
    if (db.changes() == 0) continue;
    ++added;
    apply_to_vouchers(db, record);
  }
  return added;
}

void save_device_heartbeat(Database& db, const std::string& device, const std::string& json) {
  write_setting(db, std::string(kHeartbeatPrefix) + device, json);
}

std::map<std::string, std::string> device_heartbeats(const Database& db) { return settings_with_prefix(db, kHeartbeatPrefix); }

void save_booth_stock(Database& db, const std::string& kiosk_id, std::int64_t remaining) {
  write_setting(db, std::string(kStockPrefix) + kiosk_id, std::to_string(remaining));
}

std::map<std::string, std::int64_t> booth_stocks(const Database& db) {
  std::map<std::string, std::int64_t> stocks;
  for (const auto& [kiosk, text] : settings_with_prefix(db, kStockPrefix))
    if (const auto remaining = parse_int(text)) stocks[kiosk] = *remaining;
  return stocks;
}

Database open_for_uplink(const std::filesystem::path& file) {
  if (!std::filesystem::exists(file)) throw SqliteError(file.string() + ": no such database file (yet)", SQLITE_CANTOPEN);
  Database db(file, Database::Mode::ReadWriteCreate);
  sqlite3_busy_timeout(db.handle(), 5000);
  db.exec("PRAGMA wal_autocheckpoint=0", "turning off checkpoints for the uplink's connection");
  db.skip_checkpoint_on_close();
  return db;
}

std::int64_t newest_event_id(const Database& db) { return db.query_int("SELECT max(id) FROM events").value_or(0); }

UplinkBacklog uplink_backlog(const Database& db, const std::string& own_kiosk_id, const std::map<std::string, std::int64_t>& progress) {
  UplinkBacklog backlog;
  Statement last = db.prepare("SELECT max(seq) FROM events WHERE kiosk_id = ?1");
  last.bind(1, own_kiosk_id);
  if (last.step() && !last.column_is_null(0)) backlog.last_seq = last.column_int(0);
  Statement pending = db.prepare("SELECT count(*), min(at_ms) FROM events WHERE kiosk_id = ?1 AND seq > ?2");
  for (const auto& [kiosk, run] : event_runs(db)) {
    const auto acked = progress.find(kiosk);
    pending.bind(1, kiosk).bind(2, acked == progress.end() ? run.first - 1 : acked->second);
    if (pending.step() && pending.column_int(0) > 0) {
      backlog.pending += pending.column_int(0);
      const std::int64_t oldest = pending.column_int(1);
      if (backlog.oldest_pending_at_ms == 0 || oldest < backlog.oldest_pending_at_ms) backlog.oldest_pending_at_ms = oldest;
    }
    pending.reset();
  }
  Statement newest = db.prepare("SELECT type, at_ms FROM events ORDER BY id DESC LIMIT 1");
  if (newest.step()) {
    backlog.last_event_type = newest.column_text(0);
    backlog.last_event_at_ms = newest.column_int(1);
  }
  return backlog;
}

std::string intake_id(Database& db, const std::string& fresh_id) {
  constexpr std::string_view kIntakeId = "hub.intake_id";
  if (auto existing = read_setting(db, kIntakeId)) return *existing;
  write_setting(db, kIntakeId, fresh_id);
  return fresh_id;
}

}  // namespace openday
