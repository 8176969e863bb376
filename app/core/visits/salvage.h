#pragma once
// What can still be read from a damaged database the kiosk moved aside, carried into the fresh
// one (issue 33): vouchers (so that codes handed out earlier stay redeemable), the staff PIN's
// hash and lockout, the prize stock and the other settings, the codes registered on the booth
// hub, and the events that can be read. SQLite's .recover is a feature of its shell, not of the
// library Debian 12 ships (3.40: no sqlite3_recover API), so this is a per-table scan in rowid
// order that steps over the rows and pages it cannot read.
#include <cstdint>
#include <filesystem>
#include <string>

#include "core/visits/sqlite.h"

namespace openday {

struct SalvageSummary {
  std::int64_t events = 0;
  std::int64_t vouchers = 0;
  std::int64_t settings = 0;
  std::int64_t prize_codes = 0;
  bool stock = false;            // the prize_stock row was carried
  bool pin = false;              // the staff PIN's hash was carried
  std::int64_t unreadable = 0;   // places where a read failed and the scan skipped ahead
  std::string error;             // why nothing at all could be read, if so
};

// Copies into fresh (OpenDay's latest schema, empty) every row of OpenDay's tables that can be
// read from damaged (with its -wal, if one lies beside it). Never throws for what it cannot
// read; rows fresh already has (by their unique keys) are kept as they are. One transaction.
SalvageSummary salvage_into(Database& fresh, const std::filesystem::path& damaged);

// "carried over from the damaged file: 1200 events, 35 vouchers, the staff PIN, the prize
// stock, 4 settings; 3 unreadable places skipped"
std::string describe(const SalvageSummary& summary);

}  // namespace openday
