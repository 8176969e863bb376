#pragma once
// Prize vouchers and prize stock. A voucher is issued inside one durable transaction together
// with the stock decrement, so it exists exactly when its commit returned OK; at most one per
// visitor session, and the stock never goes below zero (both also enforced by the schema).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/visits/durable_store.h"

namespace openday {

// No look-alikes: no 0/O, no 1/I/L.
inline constexpr std::string_view kVoucherAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
inline constexpr std::size_t kVoucherLength = 8;

// Eight symbols from the operating system's CSPRNG (getrandom), shown as "ABCD-EFGH".
std::string new_voucher_code();
// Accepts any case, spaces and separators ("abcd efgh", "ABCD-EFGH"); nullopt when it cannot be
// a code. Returns the canonical "ABCD-EFGH".
std::optional<std::string> normalize_voucher_code(std::string_view typed);

struct VoucherIssue {
  enum class Outcome { Issued, AlreadyIssued, OutOfStock, Failed };
  Outcome outcome = Outcome::Failed;
  std::string code;         // the new code, or the session's existing one
  std::int64_t stock_left = 0;
  std::string error;
};

// Inside a durable transaction: creates the stock row at initial_stock if it is missing.
std::int64_t ensure_prize_stock(DurableTransaction& tx, int initial_stock);
// Inside a durable transaction: issues the session's voucher (or returns the one it has);
// at_ms is when (UTC ms) — the simulated clock in `openday simulate`. With registered_codes (a
// kiosk of a booth hub), the code is one this device registered on the hub beforehand, so that
// it is known to the booth even if the hub stays away; a fresh one only when none is left.
VoucherIssue issue_voucher(DurableTransaction& tx, std::int64_t session, int initial_stock, std::int64_t at_ms, bool registered_codes = false);
// Inside a durable transaction: sets the stock, logging before and after.
std::int64_t set_prize_stock(DurableTransaction& tx, std::int64_t stock, int initial_stock);

// The prize stock left as stored; none before it was first set up.
std::optional<std::int64_t> read_prize_stock(const Database& db);

// Every voucher in the database, as the reports read them.
struct StoredVoucher {
  std::string code, kiosk_id;
  std::int64_t issued_at_ms = 0;
  std::optional<std::int64_t> redeemed_at_ms;
};
std::vector<StoredVoucher> read_vouchers(const Database& db);

struct Redemption {
  // HubUnreachable: a booth hub's device could not ask the hub, and the code is not one it
  // issued itself (its own database is the truth only for those): it never guesses.
  enum class Outcome { Redeemed, Unknown, AlreadyRedeemed, Invalid, HubUnreachable };
  Outcome outcome = Outcome::Invalid;
  std::string code;                // canonical
  std::int64_t redeemed_at_ms = 0;  // for Redeemed: now; for AlreadyRedeemed: when it was
  std::string redeemed_by;          // for AlreadyRedeemed through the hub: the device where it was
};

// Within an open write transaction on db: marks the voucher redeemed. Logs nothing.
Redemption redeem_voucher_in(Database& db, std::string_view typed, std::int64_t now_ms);

// Within an open write transaction on a booth device's database while the hub is unreachable:
// redeems only a code this device issued (kiosk_id's), else HubUnreachable. Logs nothing.
Redemption redeem_own_voucher_in(Database& db, std::string_view typed, const std::string& kiosk_id, std::int64_t now_ms);
// Within an open write transaction: notes in this database a redemption the hub accepted (the
// voucher row, if this device issued it). Logs nothing.
void note_hub_redemption_in(Database& db, const std::string& canonical_code, std::int64_t at_ms);

// For `openday voucher redeem` (another process than the kiosk): its own immediate transaction,
// and the redemption logged under the kiosk id "desk@<kiosk>" so that merged exports never
// confuse its rows with a kiosk's own.
Redemption redeem_voucher_from_desk(Database& db, std::string_view typed);

}  // namespace openday
