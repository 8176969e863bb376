#include "core/visits/prize_reserve_store.h"

#include <algorithm>
#include <map>

#include "core/visits/events.h"
#include "core/visits/store.h"

namespace openday {
namespace {

constexpr std::string_view kJoinedKey = "prizes.joined";
constexpr std::string_view kGrantedKey = "prizes.granted";
constexpr std::string_view kReturnedKey = "prizes.returned";
constexpr std::string_view kReportedRowKey = "prizes.reported_row";

std::int64_t setting_number(const Database& db, std::string_view key) {
  const auto text = read_setting(db, key);
  if (!text) return 0;
  try {
    return std::stoll(*text);
  } catch (const std::exception&) {
    throw SqliteError(db.file().string() + ": setting " + std::string(key) + " is not a number (\"" + text->substr(0, 40) + "\")", SQLITE_CORRUPT);
  }
}

void write_number(Database& db, std::string_view key, std::int64_t value) { write_setting(db, key, std::to_string(value)); }

std::int64_t held_now(const Database& db) { return db.query_int("SELECT remaining FROM prize_stock WHERE id = 1").value_or(0); }

void set_held(Database& db, std::int64_t held) {
  Statement upsert = db.prepare(
      "INSERT INTO prize_stock (id, remaining, updated_at_ms) VALUES (1, ?1, ?2) "
      "ON CONFLICT (id) DO UPDATE SET remaining = excluded.remaining, updated_at_ms = excluded.updated_at_ms");
  upsert.bind(1, held).bind(2, utc_now_ms());
  upsert.run();
}

}  // namespace

ReserveLedger read_reserve_ledger(const Database& db, const std::string& kiosk_id) {
  ReserveLedger ledger;
  ledger.joined = read_setting(db, kJoinedKey).has_value();
  ledger.held = held_now(db);
  ledger.granted = setting_number(db, kGrantedKey);
  ledger.returned = setting_number(db, kReturnedKey);
  Statement issued = db.prepare("SELECT COUNT(*) FROM vouchers WHERE kiosk_id = ?1");
  issued.bind(1, kiosk_id);
  ledger.issued = issued.step() ? issued.column_int(0) : 0;
  ledger.codes = db.query_int("SELECT COUNT(*) FROM prize_codes").value_or(0);
  return ledger;
}

void join_booth_stock(Database& db, const std::string& kiosk_id, std::int64_t hub_granted, std::int64_t hub_returned) {
  if (read_setting(db, kJoinedKey)) return;
  const std::int64_t before = held_now(db);
  set_held(db, 0);
  if (before != 0) {
    Event adjusted;
    adjusted.type = EventType::StockAdjusted;
    adjusted.value = 0;
    adjusted.detail = std::to_string(before) + " -> 0";
    adjusted.target = "booth";
    adjusted.at_ms = utc_now_ms();
    Statement insert = prepare_event_insert(db);
    insert_event(insert, kiosk_id, next_event_seq(db, kiosk_id), adjusted);
  }
  write_number(db, kGrantedKey, hub_granted);
  write_number(db, kReturnedKey, hub_returned);
  write_setting(db, kJoinedKey, std::to_string(utc_now_ms()));
}

void apply_reserve_grant(Database& db, std::int64_t granted_total) {
  const std::int64_t applied = setting_number(db, kGrantedKey);
  if (granted_total <= applied) return;
  set_held(db, held_now(db) + (granted_total - applied));
  write_number(db, kGrantedKey, granted_total);
}

std::int64_t give_back_reserve(Database& db, std::int64_t count) {
  const std::int64_t held = held_now(db);
  const std::int64_t back = std::clamp<std::int64_t>(count, 0, held);
  const std::int64_t total = setting_number(db, kReturnedKey) + back;
  if (back == 0) return total;
  set_held(db, held - back);
  write_number(db, kReturnedKey, total);
  return total;
}

void add_prize_codes(Database& db, const std::vector<std::string>& codes, std::int64_t at_ms) {
  Statement insert = db.prepare("INSERT OR IGNORE INTO prize_codes (code, registered_at_ms) VALUES (?1, ?2)");
  for (const std::string& code : codes) {
    insert.bind(1, code).bind(2, at_ms);
    insert.run();
  }
}

std::optional<std::string> take_prize_code(Database& db) {
  Statement take = db.prepare("DELETE FROM prize_codes WHERE rowid = (SELECT MIN(rowid) FROM prize_codes) RETURNING code");
  if (!take.step()) return std::nullopt;
  return take.column_text(0);
}

std::string command_line_kiosk_id(const std::string& kiosk_id) { return "cli@" + kiosk_id; }

std::vector<VoucherReport> voucher_reports_after(const Database& db, const std::string& kiosk_id, std::int64_t after_row, std::size_t limit) {
  Statement rows = db.prepare(
      "SELECT id, type, item, at_ms FROM events WHERE id > ?2 AND kiosk_id IN (?1, ?6) AND type IN (?3, ?4) AND item IS NOT NULL "
      "ORDER BY id LIMIT ?5");
  rows.bind(1, kiosk_id)
      .bind(2, after_row)
      .bind(3, std::string(event_type_name(EventType::VoucherIssued)))
      .bind(4, std::string(event_type_name(EventType::VoucherRedeemed)))
      .bind(5, static_cast<std::int64_t>(limit))
      .bind(6, command_line_kiosk_id(kiosk_id));
  std::vector<VoucherReport> out;
  while (rows.step())
    out.push_back({rows.column_int(0), rows.column_text(1) == event_type_name(EventType::VoucherRedeemed), rows.column_text(2), rows.column_int(3)});
  return out;
}

std::int64_t reported_voucher_row(const Database& db) { return setting_number(db, kReportedRowKey); }
void save_reported_voucher_row(Database& db, std::int64_t row) { write_number(db, kReportedRowKey, row); }

std::vector<DoubleRedemption> double_redemptions(const Database& db) {
  Statement rows = db.prepare(
      "SELECT item, kiosk_id, at_ms FROM events WHERE type = ?1 AND item IN "
      "(SELECT item FROM events WHERE type = ?1 GROUP BY item HAVING COUNT(*) > 1) ORDER BY item, at_ms");
  rows.bind(1, std::string(event_type_name(EventType::VoucherRedeemed)));
  std::vector<DoubleRedemption> out;
  while (rows.step()) {
    const std::string code = rows.column_text(0);
    if (out.empty() || out.back().code != code) out.push_back({code, {}});
    out.back().redemptions.push_back({rows.column_text(1), rows.column_int(2)});
  }
  return out;
}

}  // namespace openday
