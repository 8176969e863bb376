#pragma once
// The booth's prize stock and its voucher registry as the hub keeps them (issue 27): two kinds
// of record in one JetStream key-value bucket, changed only by compare-and-set. Pure data and
// arithmetic here (no NATS), so that the accounting is tested and fuzzed on its own.
//
// The accounting: the stock record holds the prizes no device holds yet (the pool) and, per
// device, what the booth granted it and what it gave back. A device issues vouchers only from
// what it holds (its reserve, in its own database), so at any moment
//   pool + sum(granted - returned) = stocked - withdrawn
// and a device's vouchers never exceed its granted - returned: prizes promised never exceed
// prizes stocked, whatever is cut off or restarted, as every change is one compare-and-set.
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/booth/hub_subjects.h"

namespace openday {

inline constexpr std::size_t kMaxPrizeRecordBytes = 64 * 1024;
inline constexpr std::size_t kMaxLateRedemptions = 32;  // late redemptions a voucher record lists

struct DeviceReserve {
  std::int64_t granted = 0;   // prizes the booth handed this device, ever
  std::int64_t returned = 0;  // prizes it gave back, ever
  std::int64_t left = 0;      // what it reported holding at its last sync
  std::int64_t issued = 0;    // vouchers it reported issuing, ever
  std::int64_t at_ms = 0;     // its last report
};

struct BoothStock {
  std::int64_t pool = 0;       // prizes no device holds
  std::int64_t stocked = 0;    // prizes ever put into the booth's stock
  std::int64_t withdrawn = 0;  // prizes staff took out again
  std::int64_t shortfall = 0;  // prizes staff took out that devices still hold: paid by their returns
  // The hub asks the devices for what they hold above one (until this time, UTC ms): a device
  // with none asked while the pool was empty; the others give back their spares.
  std::int64_t recall_until_ms = 0;
  std::int64_t updated_at_ms = 0;
  std::string updated_by;
  std::map<std::string, DeviceReserve> devices;

  // What the booth can still promise: the pool and what the devices last reported holding,
  // less what staff took out that the devices still hold.
  std::int64_t available() const;
  // What a device should give back now, holding `held`: everything while staff took out more
  // than the pool had, the spares above one during a recall, else nothing.
  std::int64_t to_give_back(std::int64_t held, std::int64_t now_ms) const;
};

std::string encode_booth_stock(const BoothStock& stock);
// Never throws: nullopt and what is wrong (for an operator) when the record is not one.
std::optional<BoothStock> decode_booth_stock(std::string_view text, std::string& error);

// Staff set the booth's stock to `wanted` (what they count on the table, not yet promised):
// adds to the pool or takes from it; what the devices hold above it is recalled. Returns the
// stock available before.
std::int64_t set_booth_stock(BoothStock& stock, std::int64_t wanted, std::string_view by, std::int64_t now_ms);

// How many a device should hold when the pool has `pool` left among `devices` devices: a few
// while plenty remains, fewer as it runs low, none once the pool would be shared out.
std::int64_t reserve_target(std::int64_t pool, std::size_t devices);

// A device takes up to `want` from the pool; returns how many it got (0 when the pool is empty).
std::int64_t grant_from_pool(BoothStock& stock, std::string_view device, std::int64_t want, std::int64_t now_ms);
// A device's returns, ever, now `returned_total`: the difference goes back (first to pay a
// shortfall, then to the pool). Returns how many came back with this call.
std::int64_t take_back(BoothStock& stock, std::string_view device, std::int64_t returned_total, std::int64_t now_ms);

// One voucher as the booth knows it.
struct VoucherRecord {
  std::string code;    // canonical "ABCD-EFGH"
  std::string device;  // the device that registered it (and prints it)
  bool issued = false;  // false: registered for the device's reserve, not yet reported printed
  std::int64_t registered_at_ms = 0;
  std::optional<std::int64_t> issued_at_ms;
  std::optional<std::int64_t> redeemed_at_ms;
  std::string redeemed_by;
  std::string redemption_id;  // drawn by the redeeming call: tells its own write from another's
  // Redemptions reported after the first (an offline redemption uploaded late): never hidden.
  struct Late {
    std::string by;
    std::int64_t at_ms = 0;
  };
  std::vector<Late> late;
};

std::string encode_voucher_record(const VoucherRecord& record);
std::optional<VoucherRecord> decode_voucher_record(std::string_view text, std::string& error);

// The bucket's keys.
inline constexpr std::string_view kPrizeBucket = hub::kPrizeBucketName;
inline constexpr std::string_view kStockKey = "stock";
std::string voucher_key(std::string_view canonical_code);  // "code.ABCD-EFGH"

}  // namespace openday
