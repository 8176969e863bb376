#pragma once
// A device's share of the booth's prize stock (issue 27), settled with the hub by the device's
// uplink thread (or by `openday simulate --hub` between visitors): it applies a grant or a
// return that was cut off half way, reports the vouchers it issued and redeemed, registers the
// codes it will print, and claims a few prizes from the pool (fewer as it runs low) or gives
// back what the hub asks for. Nothing a visitor does waits for it: vouchers are issued from
// what the device's own database holds.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/booth/prize_bucket.h"

namespace openday {

class HubConnection;
class Database;

struct PrizeShareStatus {
  bool bucket_ready = false;                   // the hub has the booth's prize bucket
  bool booth_stock_set = false;                // staff set the booth's stock: the device holds a share of it
  std::optional<std::int64_t> booth_available;  // the booth's stock as last read (pool + what devices hold)
  std::int64_t pool = 0;
  std::int64_t held = 0;         // this device's share
  std::int64_t unreported = 0;   // issues and redemptions the hub has not been told yet
  std::int64_t doubles = 0;      // redemptions this device reported late that were not the first
  std::vector<std::string> collisions;  // codes another device registered first (never expected)
  std::string error;
};

class PrizeShare {
 public:
  // claims: a kiosk holds a share; the desk only reports what it redeemed.
  PrizeShare(std::filesystem::path db_file, std::string kiosk_id, std::string device, bool claims);
  ~PrizeShare();

  // One pass with the hub; never throws (a failure is in the status, the next pass retries).
  PrizeShareStatus settle(HubConnection& hub, std::int64_t now_ms);
  // Everything held goes back to the pool (a device stopping); best effort.
  void give_back_all(HubConnection& hub, std::int64_t now_ms);

  // The bucket, opened on this connection once the desk created it; null with the reason.
  PrizeBucket* bucket(HubConnection& hub, std::string& error);
  // Lets go of the bucket opened on a connection that is about to be dropped: a new connection
  // may come to the same address, and the bucket must not outlive the one it was made on.
  void forget_bucket();

 private:
  void settle_counters(PrizeBucket& bucket, Database& db, const BoothStock& stock);
  void report_vouchers(PrizeBucket& bucket, Database& db, PrizeShareStatus& status);
  bool report_issue(PrizeBucket& bucket, const std::string& code, std::int64_t at_ms, PrizeShareStatus& status);
  std::int64_t register_codes(PrizeBucket& bucket, Database& db, std::int64_t count, std::int64_t now_ms);
  void claim_or_give_back(PrizeBucket& bucket, Database& db, std::int64_t now_ms, PrizeShareStatus& status);
  void return_to_pool(PrizeBucket& bucket, Database& db, std::int64_t count, std::int64_t now_ms);

  std::filesystem::path db_file_;
  std::string kiosk_id_, device_;
  bool claims_ = true;
  std::unique_ptr<PrizeBucket> bucket_;
  std::weak_ptr<const void> bucket_connection_;  // the identity of the connection bucket_ was opened on
  std::int64_t doubles_ = 0;
  std::int64_t last_saved_pool_ = -1;
  std::vector<std::string> collisions_;
};

}  // namespace openday
