#pragma once
// A device's share of the booth's prize stock as its own database keeps it (issue 27): what it
// holds (the prize_stock row), how much the hub ever granted it and it ever gave back (two
// settings, so that a grant or a return cut off half way is settled exactly once), the codes
// it registered on the hub for its share, and how far it reported its issues and redemptions.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/visits/double_redemption.h"
#include "core/visits/sqlite.h"

namespace openday {

struct ReserveLedger {
  bool joined = false;        // this database took part in the booth's stock before
  std::int64_t held = 0;      // prizes it may still promise
  std::int64_t granted = 0;   // the hub's grants, ever, as applied here
  std::int64_t returned = 0;  // its returns, ever
  std::int64_t issued = 0;    // its vouchers, ever
  std::int64_t codes = 0;     // registered codes not used yet
};
ReserveLedger read_reserve_ledger(const Database& db, const std::string& kiosk_id);

// Within a write transaction. The first time this database takes part: the stock it kept on
// its own goes to 0 (logged as a stock adjustment), and the hub's counters for this device
// become its baseline, so that a replaced database never claims what an earlier one held.
void join_booth_stock(Database& db, const std::string& kiosk_id, std::int64_t hub_granted, std::int64_t hub_returned);
// Within a write transaction: the hub's grants now total granted_total; the difference is held.
void apply_reserve_grant(Database& db, std::int64_t granted_total);
// Within a write transaction: gives back up to `count` held prizes; returns the returns' new total.
std::int64_t give_back_reserve(Database& db, std::int64_t count);
// Within a write transaction: remembers codes now registered on the hub for this device.
void add_prize_codes(Database& db, const std::vector<std::string>& codes, std::int64_t at_ms);

// The id under which a command-line tool logs into a device's database (`voucher redeem --db`
// on a running kiosk's file): never the kiosk's own id, whose sequence numbers its writer owns.
std::string command_line_kiosk_id(const std::string& kiosk_id);

// This device's voucher issues and redemptions (its own rows and its command line's) after the
// reported row (events.id: one order across both ids), for the hub.
struct VoucherReport {
  std::int64_t row = 0;
  bool redeemed = false;  // false: issued
  std::string code;
  std::int64_t at_ms = 0;
};
std::vector<VoucherReport> voucher_reports_after(const Database& db, const std::string& kiosk_id, std::int64_t after_row, std::size_t limit);
std::int64_t reported_voucher_row(const Database& db);
void save_reported_voucher_row(Database& db, std::int64_t row);

// Within a write transaction: takes one registered code for a voucher (none: none left).
std::optional<std::string> take_prize_code(Database& db);

// Codes redeemed more than once in this database's rows (on the desk: the booth's), each
// redemption with where and when, for the board and the export.
std::vector<DoubleRedemption> double_redemptions(const Database& db);

}  // namespace openday
