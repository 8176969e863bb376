#pragma once
// Where a slip's facts come from: the event as shown (content and config) and, for a voucher,
// the store's voucher row with the config's prize. Kept out of slip.h so that a slip can be
// built and tested without a database.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "core/booth/config.h"
#include "core/print/slip.h"
#include "core/visits/sqlite.h"

namespace openday::print {

// The booth and the local time now_ms (UTC ms) as a slip's footer names them.
SlipOrigin slip_origin(const EventInfo& event, std::int64_t now_ms);

// The voucher's facts from db (any spelling of the code), or nullopt when db has no such code.
std::optional<VoucherFacts> find_voucher_facts(const Database& db, std::string_view typed_code, const Config& config);

// The desk's 补打凭条 of a code it looked up: its facts from the database file when that holds the
// voucher (with its issue time); else the code with the config's prize and desk and no issue
// time (a booth desk redeems codes other kiosks issued, and the hub holds those).
VoucherFacts desk_voucher_facts(const std::filesystem::path& database, const std::string& code, const Config& config);

// The codes whose 兑奖凭条 a kiosk printed, as its event log in db says: more print_voucher rows
// for the code than print_failed rows (target `voucher`) for it. A kiosk seeds its "printed once
// per code" from this at start, so a restart does not let a visitor print the slip again.
std::set<std::string> printed_voucher_codes(const Database& db);
// The same from the kiosk's database file; empty when the file does not exist yet (a new kiosk)
// or cannot be read (the store reports that trouble itself; printing need not stop for it).
std::set<std::string> printed_voucher_codes(const std::filesystem::path& database);

// The paper the config names (printer.paper is checked when read: 80mm unless it says A4).
Paper configured_paper(const Config& config);

}  // namespace openday::print
