#include "core/booth/prize_share.h"

#include <algorithm>

#include "core/booth/hub_connection.h"
#include "core/quiz/vouchers.h"
#include "core/visits/booth_store.h"
#include "core/visits/prize_reserve_store.h"
#include "core/visits/store.h"

namespace openday {
namespace {

constexpr std::size_t kReportsPerPass = 64;
constexpr std::int64_t kRecallMs = 30'000;
constexpr int kCodeDraws = 8;

const DeviceReserve* entry_of(const BoothStock& stock, const std::string& device) {
  const auto found = stock.devices.find(device);
  return found == stock.devices.end() ? nullptr : &found->second;
}

// How many devices share the pool: those the record knows, and this one.
std::size_t sharing_devices(const BoothStock& stock, const std::string& device) {
  return stock.devices.size() + (stock.devices.count(device) ? 0 : 1);
}

bool someone_else_has_spares(const BoothStock& stock, const std::string& device) {
  for (const auto& [other, reserve] : stock.devices)
    if (other != device && reserve.left > 1) return true;
  return false;
}

// By identity, not address: a connection that replaced a dropped one may sit at its address.
bool same_connection(const std::weak_ptr<const void>& one, const std::weak_ptr<const void>& other) {
  return !one.owner_before(other) && !other.owner_before(one);
}

}  // namespace

PrizeShare::PrizeShare(std::filesystem::path db_file, std::string kiosk_id, std::string device, bool claims)
    : db_file_(std::move(db_file)), kiosk_id_(std::move(kiosk_id)), device_(std::move(device)), claims_(claims) {}

PrizeShare::~PrizeShare() = default;

PrizeBucket* PrizeShare::bucket(HubConnection& hub, std::string& error) {
  if (bucket_ && same_connection(bucket_connection_, hub.identity())) return bucket_.get();
  forget_bucket();
  PrizeBucket::Open open = PrizeBucket::open(hub);
  if (!open.bucket) {
    error = open.error;
    return nullptr;
  }
  bucket_ = std::move(open.bucket);
  bucket_connection_ = hub.identity();
  return bucket_.get();
}

void PrizeShare::forget_bucket() {
  bucket_.reset();
  bucket_connection_.reset();
}

// A grant or a return that the hub recorded but this database did not (or the other way round)
// after a cut: settled from the two running totals, so exactly once.
void PrizeShare::settle_counters(PrizeBucket& bucket, Database& db, const BoothStock& stock) {
  const DeviceReserve* hub_side = entry_of(stock, device_);
  const std::int64_t hub_granted = hub_side ? hub_side->granted : 0;
  const std::int64_t hub_returned = hub_side ? hub_side->returned : 0;
  db.write_transaction("starting to settle the prize share", "settling the prize share", [&] {
    join_booth_stock(db, kiosk_id_, hub_granted, hub_returned);
    apply_reserve_grant(db, hub_granted);
  });
  const ReserveLedger ledger = read_reserve_ledger(db, kiosk_id_);
  if (ledger.granted > hub_granted)
    // The hub granted this database more than it now remembers: its store was set up anew.
    // Giving back against that record would add prizes that were never its.
    throw std::runtime_error("the hub's prize record knows fewer grants to " + device_ + " (" + std::to_string(hub_granted) +
                             ") than this database took (" + std::to_string(ledger.granted) +
                             "): was the hub set up again? This device keeps what it holds and claims no more");
  if (ledger.returned <= hub_returned) return;
  const std::int64_t now = utc_now_ms();
  const auto written = bucket.update_stock([&](BoothStock& s) { return take_back(s, device_, ledger.returned, now) > 0; });
  if (!written.error.empty()) throw std::runtime_error(written.error);
}

bool PrizeShare::report_issue(PrizeBucket& bucket, const std::string& code, std::int64_t at_ms, PrizeShareStatus& status) {
  for (int attempt = 0; attempt < 4; ++attempt) {
    PrizeBucket::VoucherRead read = bucket.read_voucher(code);
    if (!read.error.empty()) {
      status.error = read.error;
      return false;
    }
    std::string error;
    if (!read.record) {
      // A code drawn here while no registered one was left: registered now.
      const VoucherRecord record{code, device_, true, at_ms, at_ms, std::nullopt, "", "", {}};
      const PrizeBucket::Create created = bucket.create_voucher(record, error);
      if (created == PrizeBucket::Create::Created) return true;
      if (created == PrizeBucket::Create::Failed) {
        status.error = error;
        return false;
      }
      continue;
    }
    VoucherRecord& record = *read.record;
    if (record.device != device_) {
      if (std::find(collisions_.begin(), collisions_.end(), code) == collisions_.end()) collisions_.push_back(code);
      return true;  // said on the board; the cursor moves on
    }
    if (record.issued) return true;
    record.issued = true;
    record.issued_at_ms = at_ms;
    switch (bucket.update_voucher(record, read.revision, error)) {
      case PrizeBucket::Update::Written: return true;
      case PrizeBucket::Update::Conflict: continue;
      case PrizeBucket::Update::Failed: status.error = error; return false;
    }
  }
  status.error = "voucher " + code + " kept changing on the hub";
  return false;
}

void PrizeShare::report_vouchers(PrizeBucket& bucket, Database& db, PrizeShareStatus& status) {
  const std::int64_t after = reported_voucher_row(db);
  const auto reports = voucher_reports_after(db, kiosk_id_, after, kReportsPerPass);
  std::int64_t reported = after;
  for (const VoucherReport& report : reports) {
    bool done = false;
    if (!report.redeemed) {
      done = report_issue(bucket, report.code, report.at_ms, status);
    } else {
      std::string error;
      const LateReport late = report_redemption(bucket, report.code, device_, report.at_ms, error);
      if (late == LateReport::Double) ++doubles_;
      if (late == LateReport::Failed) status.error = error;
      done = late != LateReport::Failed;
    }
    if (!done) break;
    reported = report.row;
  }
  if (reported != after)
    db.write_transaction("starting to record the voucher reports", "recording the voucher reports", [&] { save_reported_voucher_row(db, reported); });
  status.unreported = static_cast<std::int64_t>(voucher_reports_after(db, kiosk_id_, reported, kReportsPerPass).size());
}

// Registers `count` fresh codes for this device; returns how many it got.
std::int64_t PrizeShare::register_codes(PrizeBucket& bucket, Database& db, std::int64_t count, std::int64_t now_ms) {
  std::vector<std::string> codes;
  for (std::int64_t i = 0; i < count; ++i) {
    for (int draw = 0; draw < kCodeDraws; ++draw) {
      const VoucherRecord record{new_voucher_code(), device_, false, now_ms, std::nullopt, std::nullopt, "", "", {}};
      std::string error;
      const PrizeBucket::Create created = bucket.create_voucher(record, error);
      if (created == PrizeBucket::Create::Exists) continue;  // another device's: draw again
      if (created == PrizeBucket::Create::Created) codes.push_back(record.code);
      break;
    }
  }
  if (!codes.empty())
    db.write_transaction("starting to keep the registered codes", "keeping the registered codes", [&] { add_prize_codes(db, codes, now_ms); });
  return static_cast<std::int64_t>(codes.size());
}

void PrizeShare::return_to_pool(PrizeBucket& bucket, Database& db, std::int64_t count, std::int64_t now_ms) {
  // This database first: cut off after it, the next pass finds its total above the hub's.
  const std::int64_t total =
      db.write_transaction("starting to give prizes back", "giving prizes back", [&] { return give_back_reserve(db, count); });
  const std::int64_t left = read_reserve_ledger(db, kiosk_id_).held;
  const auto written = bucket.update_stock([&](BoothStock& s) {
    take_back(s, device_, total, now_ms);
    s.devices[device_].left = left;
    return true;
  });
  if (!written.error.empty()) throw std::runtime_error(written.error);
}

void PrizeShare::claim_or_give_back(PrizeBucket& bucket, Database& db, std::int64_t now_ms, PrizeShareStatus& status) {
  ReserveLedger ledger = read_reserve_ledger(db, kiosk_id_);
  PrizeBucket::StockRead read = bucket.read_stock();
  if (!read.error.empty()) throw std::runtime_error(read.error);
  const BoothStock& stock = *read.stock;
  if (const std::int64_t give = stock.to_give_back(ledger.held, now_ms); give > 0 || !claims_) {
    if (give > 0 || (!claims_ && ledger.held > 0)) return_to_pool(bucket, db, give > 0 ? give : ledger.held, now_ms);
    return;
  }
  const std::int64_t target = std::max<std::int64_t>(reserve_target(stock.pool, sharing_devices(stock, device_)), stock.pool > 0 ? 1 : 0);
  if (ledger.held < target) {
    // Codes first: what is granted must be printable with registered codes.
    if (ledger.codes < target) register_codes(bucket, db, target - ledger.codes, now_ms);
    ledger = read_reserve_ledger(db, kiosk_id_);
    const std::int64_t want = std::min(target, ledger.codes) - ledger.held;
    if (want <= 0) return;
    const std::int64_t held = ledger.held, issued = ledger.issued;
    const auto written = bucket.update_stock([&](BoothStock& s) {
      const std::int64_t got = grant_from_pool(s, device_, want, now_ms);
      DeviceReserve& mine = s.devices[device_];
      mine.left = held + got;
      mine.issued = issued;
      return got > 0;
    });
    if (!written.error.empty()) throw std::runtime_error(written.error);
    if (const DeviceReserve* mine = entry_of(*written.stock, device_))
      db.write_transaction("starting to take the granted prizes", "taking the granted prizes", [&] { apply_reserve_grant(db, mine->granted); });
    return;
  }
  if (ledger.held == 0 && stock.pool == 0 && now_ms >= stock.recall_until_ms && someone_else_has_spares(stock, device_)) {
    const auto written = bucket.update_stock([&](BoothStock& s) {
      if (s.pool > 0 || now_ms < s.recall_until_ms) return false;
      s.recall_until_ms = now_ms + kRecallMs;
      return true;
    });
    if (!written.error.empty()) status.error = written.error;
  }
}

PrizeShareStatus PrizeShare::settle(HubConnection& hub, std::int64_t now_ms) {
  PrizeShareStatus status;
  try {
    PrizeBucket* prizes = bucket(hub, status.error);
    if (!prizes) return status;
    status.bucket_ready = true;
    Database db = open_for_uplink(db_file_);
    PrizeBucket::StockRead read = prizes->read_stock();
    if (!read.error.empty()) throw std::runtime_error(read.error);
    if (read.revision == 0) {
      // Staff have not set the booth's stock yet: the device keeps its own, as without a hub
      // (its codes are still made known to the booth, so that the desk can redeem them).
      report_vouchers(*prizes, db, status);
      status.doubles = doubles_;
      status.collisions = collisions_;
      return status;
    }
    status.booth_stock_set = true;
    settle_counters(*prizes, db, *read.stock);
    report_vouchers(*prizes, db, status);
    claim_or_give_back(*prizes, db, now_ms, status);
    // What the board shows for this device: what it holds now and its vouchers.
    const ReserveLedger ledger = read_reserve_ledger(db, kiosk_id_);
    const auto written = prizes->update_stock([&](BoothStock& s) {
      const DeviceReserve* mine = entry_of(s, device_);
      if (mine && mine->left == ledger.held && mine->issued == ledger.issued) return false;
      if (!mine && ledger.held == 0 && ledger.issued == 0) return false;
      DeviceReserve& entry = s.devices[device_];
      entry.left = ledger.held;
      entry.issued = ledger.issued;
      entry.at_ms = now_ms;
      return true;
    });
    if (!written.error.empty()) throw std::runtime_error(written.error);
    status.booth_available = written.stock->available();
    status.pool = written.stock->pool;
    status.held = ledger.held;
    // The desk's reports add up each kiosk's share from its heartbeat; the pool no kiosk holds
    // yet is the rest of the booth's stock.
    if (!claims_ && written.stock->pool != last_saved_pool_) {
      const std::int64_t pool = written.stock->pool;
      db.write_transaction("starting to note the booth's pool", "noting the booth's pool", [&] { save_booth_stock(db, kBoothPoolEntry, pool); });
      last_saved_pool_ = pool;
    }
  } catch (const std::exception& error) {
    status.error = error.what();
  }
  status.doubles = doubles_;
  status.collisions = collisions_;
  return status;
}

void PrizeShare::give_back_all(HubConnection& hub, std::int64_t now_ms) {
  try {
    std::string error;
    PrizeBucket* prizes = bucket(hub, error);
    if (!prizes) return;
    Database db = open_for_uplink(db_file_);
    const ReserveLedger ledger = read_reserve_ledger(db, kiosk_id_);
    // A device that never took part in the booth's stock holds its own: nothing is the booth's.
    if (ledger.joined && ledger.held > 0) return_to_pool(*prizes, db, ledger.held, now_ms);
  } catch (const std::exception&) {
    // The next start settles it: the database's return total is ahead of the hub's.
  }
}

}  // namespace openday
