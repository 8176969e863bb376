#pragma once
// The booth's prize bucket on the hub (issue 27): the stock record and one record per voucher
// code, in a JetStream key-value bucket, every change a compare-and-set against the revision
// read. Calls wait for the hub at most its JetStream wait (2 s) and refuse at once while the
// connection is down, so that nothing is queued to land later behind the caller's back.
#include <nats/nats.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "core/booth/prize_records.h"

namespace openday {

class HubConnection;

class PrizeBucket {
 public:
  struct Open {
    std::unique_ptr<PrizeBucket> bucket;
    std::string error;  // why not: the hub is unreachable, or the desk has not set it up yet
  };
  static Open open(HubConnection& hub);
  ~PrizeBucket();
  PrizeBucket(const PrizeBucket&) = delete;
  PrizeBucket& operator=(const PrizeBucket&) = delete;

  HubConnection& hub() const { return hub_; }

  struct StockRead {
    std::optional<BoothStock> stock;  // an empty stock (revision 0) before staff first set it
    std::uint64_t revision = 0;
    std::string error;
  };
  StockRead read_stock();
  // Reads the stock, lets `change` edit it (false: leave it), writes it back if nobody changed
  // it meanwhile, else reads again and retries. The stock as written (or as read when `change`
  // declined); error when the hub could not be asked or kept changing under us.
  StockRead update_stock(const std::function<bool(BoothStock&)>& change);

  enum class Create { Created, Exists, Failed };
  // Creates the code's record; Exists if any record with that code is there already.
  Create create_voucher(const VoucherRecord& record, std::string& error);

  struct VoucherRead {
    std::optional<VoucherRecord> record;  // none and no error: the booth does not know the code
    std::uint64_t revision = 0;
    std::string error;
  };
  VoucherRead read_voucher(const std::string& canonical_code);
  enum class Update { Written, Conflict, Failed };
  Update update_voucher(const VoucherRecord& record, std::uint64_t revision, std::string& error);

 private:
  PrizeBucket(HubConnection& hub, kvStore* kv) : hub_(hub), kv_(kv) {}
  struct Raw {
    std::optional<std::string> value;  // none: no such key (or deleted)
    std::uint64_t revision = 0;
    std::string error;
  };
  Raw get(const std::string& key);
  bool reachable(std::string& error) const;

  HubConnection& hub_;
  kvStore* kv_ = nullptr;
};

// Desk only: creates the bucket if it is missing; "" on success, else the error.
std::string ensure_prize_bucket(HubConnection& desk);

// Staff set the booth's stock (what can still be promised) to `wanted`.
struct BoothStockChange {
  std::int64_t before = 0, after = 0;
  std::string error;  // "" when it was written
};
BoothStockChange set_booth_stock_on_hub(PrizeBucket& bucket, std::int64_t wanted, const std::string& by, std::int64_t now_ms);

// A redemption through the hub: of any number at once for one code, exactly one is Redeemed.
struct HubRedemption {
  enum class Outcome { Redeemed, Unknown, AlreadyRedeemed, Unreachable };
  Outcome outcome = Outcome::Unreachable;
  std::string code;
  std::string issued_by;       // the device that printed the code
  std::int64_t at_ms = 0;      // Redeemed: now; AlreadyRedeemed: when it was
  std::string redeemed_by;     // AlreadyRedeemed: where it was
  std::string error;           // Unreachable: why
};
HubRedemption redeem_on_hub(PrizeBucket& bucket, const std::string& canonical_code, const std::string& device, std::int64_t now_ms);

// A redemption a device made while the hub was unreachable, reported now. The record gets it
// as its redemption if it has none, else as a late one (a double redemption, never hidden).
enum class LateReport { Recorded, Double, Failed };
LateReport report_redemption(PrizeBucket& bucket, const std::string& canonical_code, const std::string& device, std::int64_t at_ms,
                             std::string& error);

}  // namespace openday
