// A device's share of the booth's prize stock (issue 27), settled against a real nats-server
// with real databases: grants and returns cut off half way are settled exactly once, a replaced
// database inherits nothing, staff taking prizes out and a recall make devices give back, and
// whatever happens the vouchers issued never exceed the prizes stocked.
#include "core/booth/prize_share.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <map>
#include <set>
#include <thread>

#include "core/booth/hub_connection.h"
#include "core/quiz/vouchers.h"
#include "core/visits/booth_store.h"
#include "core/visits/event_log.h"
#include "core/visits/prize_reserve_store.h"
#include "core/visits/store.h"
#include "support/prize_hub.h"
#include "support/temp_dir.h"

namespace openday {
namespace {

using testing::connect_device;
using testing::PrizeBooth;
using testing::TempDir;
using namespace std::chrono_literals;

// A kiosk of the booth: its own database, its connection, its share.
class ShareKiosk {
 public:
  ShareKiosk(PrizeBooth& booth, const TempDir& dir, const std::string& device, const std::string& file_name = "")
      : device_(device),
        file_(dir / (file_name.empty() ? device + ".db" : file_name)),
        log_(EventLog::Options{file_, device}),
        hub_(connect_device(booth.hub, device)),
        share_(file_, device, device, true) {
    // The database exists before the uplink settles, as a running kiosk's does.
    EXPECT_TRUE(log_.run_durable([](DurableTransaction& tx) { ensure_prize_stock(tx, 0); }).get().committed);
  }

  PrizeShareStatus settle() { return share_.settle(*hub_, utc_now_ms()); }
  // settle() that must succeed.
  PrizeShareStatus settled() {
    const PrizeShareStatus status = settle();
    EXPECT_EQ(status.error, "") << device_;
    EXPECT_TRUE(status.bucket_ready) << device_;
    return status;
  }
  void settle_again(int times) {
    for (int i = 0; i < times; ++i) settled();
  }
  void give_back_all() { share_.give_back_all(*hub_, utc_now_ms()); }
  // Drops the connection and connects anew, as the uplink does once libnats closed one. True
  // when the new connection came to the dropped one's address, as the allocator of one thread
  // tends to place it.
  bool replace_connection(const PrizeBooth& booth) {
    const HubCredentials credentials = testing::prize_credentials(booth.hub, device_);
    const std::string url = booth.hub.url();
    const auto dropped_at = reinterpret_cast<std::uintptr_t>(hub_.get());
    hub_.reset();
    HubConnection::Open open = HubConnection::connect(url, credentials, 3000ms);
    hub_ = open.connection ? std::move(open.connection) : connect_device(booth.hub, device_);
    return reinterpret_cast<std::uintptr_t>(hub_.get()) == dropped_at;
  }

  // One winner; the code, or "" when this kiosk holds nothing.
  std::string issue() {
    VoucherIssue issued;
    const std::int64_t session = ++sessions_;
    const DurableResult done =
        log_.run_durable([&](DurableTransaction& tx) { issued = issue_voucher(tx, session, 0, utc_now_ms(), true); }).get();
    EXPECT_TRUE(done.committed) << done.error;
    if (issued.outcome != VoucherIssue::Outcome::Issued) return "";
    issued_.push_back(issued.code);
    return issued.code;
  }

  ReserveLedger ledger() const {
    Database db = open_store_read_only(file_);
    return read_reserve_ledger(db, device_);
  }
  std::set<std::string> registered_codes() const {
    Database db = open_store_read_only(file_);
    Statement rows = db.prepare("SELECT code FROM prize_codes");
    std::set<std::string> codes;
    while (rows.step()) codes.insert(rows.column_text(0));
    return codes;
  }
  // A cut: this database gives prizes back, and the hub is never told.
  std::int64_t give_back_here_only(std::int64_t count) {
    Database db = open_for_uplink(file_);
    return db.write_transaction("begin", "commit", [&] { return give_back_reserve(db, count); });
  }

  HubConnection& hub() { return *hub_; }
  const std::string& device() const { return device_; }
  const std::vector<std::string>& issued() const { return issued_; }

 private:
  std::string device_;
  std::filesystem::path file_;
  EventLog log_;
  std::unique_ptr<HubConnection> hub_;
  PrizeShare share_;
  std::int64_t sessions_ = 0;
  std::vector<std::string> issued_;
};

const DeviceReserve& entry(const BoothStock& stock, const std::string& device) {
  static const DeviceReserve none;
  const auto found = stock.devices.find(device);
  return found == stock.devices.end() ? none : found->second;
}

// The hub's books balance, and what each database holds plus what it issued is exactly what
// the hub granted it less what it gave back.
void expect_books_balance(const BoothStock& stock, const std::vector<const ShareKiosk*>& kiosks, const std::string& when) {
  std::int64_t held = 0;
  for (const auto& [device, reserve] : stock.devices) held += reserve.granted - reserve.returned;
  EXPECT_EQ(stock.pool + held, stock.stocked - stock.withdrawn) << when;
  for (const ShareKiosk* kiosk : kiosks) {
    const ReserveLedger ledger = kiosk->ledger();
    const DeviceReserve& hub_side = entry(stock, kiosk->device());
    EXPECT_EQ(ledger.held + ledger.issued, hub_side.granted - hub_side.returned) << kiosk->device() << " " << when;
    EXPECT_EQ(ledger.granted, hub_side.granted) << kiosk->device() << " " << when;
    EXPECT_EQ(ledger.returned, hub_side.returned) << kiosk->device() << " " << when;
  }
}

class PrizeShareTest : public ::testing::Test {
 protected:
  TempDir dir;
  PrizeBooth booth;
};

TEST_F(PrizeShareTest, ASettleClaimsAShareWithCodesTheHubKnowsAsThisDevicesAndReportsTheVouchers) {
  booth.set_stock(100);
  ShareKiosk kiosk(booth, dir, "kiosk-1");
  const PrizeShareStatus status = kiosk.settled();
  EXPECT_EQ(status.held, 5) << "a few while plenty remains";
  EXPECT_EQ(status.pool, 95);
  EXPECT_EQ(status.booth_available, 100);
  const ReserveLedger ledger = kiosk.ledger();
  EXPECT_TRUE(ledger.joined);
  EXPECT_EQ(ledger.held, 5);
  EXPECT_EQ(ledger.codes, 5) << "a registered code for every prize held";
  const std::set<std::string> codes = kiosk.registered_codes();
  for (const std::string& code : codes) {
    const PrizeBucket::VoucherRead read = booth.desk_bucket->read_voucher(code);
    ASSERT_TRUE(read.record) << code << " " << read.error;
    EXPECT_EQ(read.record->device, "kiosk-1");
    EXPECT_FALSE(read.record->issued);
  }
  BoothStock stock = booth.stock();
  EXPECT_EQ(entry(stock, "kiosk-1").granted, 5);
  EXPECT_EQ(entry(stock, "kiosk-1").left, 5);
  expect_books_balance(stock, {&kiosk}, "after the first claim");

  const std::string first = kiosk.issue(), second = kiosk.issue();
  EXPECT_TRUE(codes.count(first)) << "a voucher takes a code registered beforehand: " << first;
  EXPECT_TRUE(codes.count(second)) << second;
  const PrizeShareStatus after = kiosk.settled();
  EXPECT_EQ(after.unreported, 0);
  for (const std::string& code : {first, second}) {
    const PrizeBucket::VoucherRead read = booth.desk_bucket->read_voucher(code);
    ASSERT_TRUE(read.record) << read.error;
    EXPECT_TRUE(read.record->issued) << code << " is reported issued";
    EXPECT_TRUE(read.record->issued_at_ms) << code;
  }
  stock = booth.stock();
  EXPECT_EQ(entry(stock, "kiosk-1").issued, 2);
  EXPECT_EQ(entry(stock, "kiosk-1").left, 5) << "topped up again";
  EXPECT_EQ(kiosk.ledger().codes, 5);
  expect_books_balance(stock, {&kiosk}, "after two vouchers");
}

// Before staff set the booth's stock a device keeps its own, as without a hub: stopping (its
// uplink gives its share back) must neither zero that stock nor put it into a booth record.
TEST_F(PrizeShareTest, BeforeTheBoothStockIsSetADeviceKeepsItsOwnStockAcrossAStop) {
  ShareKiosk kiosk(booth, dir, "kiosk-1");
  {
    Database db = open_for_uplink(dir / "kiosk-1.db");
    db.write_transaction("begin", "commit", [&] { db.exec("UPDATE prize_stock SET remaining = 40", "test: its own stock"); });
  }
  const PrizeShareStatus status = kiosk.settle();
  EXPECT_FALSE(status.booth_stock_set);
  kiosk.give_back_all();
  EXPECT_EQ(kiosk.ledger().held, 40) << "its own stock stays";
  EXPECT_FALSE(kiosk.ledger().joined);
  const PrizeBucket::StockRead read = booth.desk_bucket->read_stock();
  EXPECT_EQ(read.revision, 0u) << "no booth stock record was made up from a kiosk's own stock";
}

// The share's bucket was opened on the dropped connection (libnats made its calls on that one):
// a new connection, even at the same address, gets a bucket of its own.
TEST_F(PrizeShareTest, AfterTheConnectionWasReplacedTheShareSettlesThroughTheNewOne) {
  booth.set_stock(100);
  ShareKiosk kiosk(booth, dir, "kiosk-1");
  kiosk.settled();
  const bool same_address = kiosk.replace_connection(booth);
  booth.set_stock(80);
  const PrizeShareStatus status = kiosk.settled();
  EXPECT_EQ(status.booth_available, booth.stock().available()) << (same_address ? "at the dropped connection's address" : "elsewhere");
  EXPECT_EQ(status.booth_available, 80);
}

TEST_F(PrizeShareTest, AGrantTheHubRecordedButTheDatabaseDidNotIsAppliedExactlyOnce) {
  booth.set_stock(100);
  ShareKiosk kiosk(booth, dir, "kiosk-1");
  kiosk.settled();
  ASSERT_EQ(kiosk.ledger().held, 5);
  // The grant's compare-and-set landed on the hub; the kiosk died before its database took it.
  auto bucket = testing::open_prize_bucket(kiosk.hub());
  const auto written = bucket->update_stock([](BoothStock& stock) { return grant_from_pool(stock, "kiosk-1", 2, 5'000) == 2; });
  ASSERT_TRUE(written.stock) << written.error;
  kiosk.settled();
  EXPECT_EQ(kiosk.ledger().held, 7) << "the cut-off grant is held";
  kiosk.settle_again(2);
  EXPECT_EQ(kiosk.ledger().held, 7) << "and only once";
  EXPECT_EQ(entry(booth.stock(), "kiosk-1").granted, 7);
  EXPECT_EQ(entry(booth.stock(), "kiosk-1").left, 7);
  expect_books_balance(booth.stock(), {&kiosk}, "after the cut-off grant");
}

TEST_F(PrizeShareTest, AReturnTheDatabaseRecordedButTheHubDidNotIsTakenBackExactlyOnce) {
  booth.set_stock(100);
  ShareKiosk kiosk(booth, dir, "kiosk-1");
  kiosk.settled();
  const std::int64_t pool_before = booth.stock().pool;
  EXPECT_EQ(kiosk.give_back_here_only(3), 3);
  // The next settle tells the hub of the return, then tops up to 5 again from the pool.
  kiosk.settled();
  BoothStock stock = booth.stock();
  EXPECT_EQ(entry(stock, "kiosk-1").returned, 3) << "the hub heard of the return";
  EXPECT_EQ(stock.pool, pool_before + 3 - 3) << "returned 3, then granted 3 to top up";
  kiosk.settle_again(2);
  stock = booth.stock();
  EXPECT_EQ(entry(stock, "kiosk-1").returned, 3) << "and only once";
  EXPECT_EQ(kiosk.ledger().held, 5);
  expect_books_balance(stock, {&kiosk}, "after the cut-off return");
}

TEST_F(PrizeShareTest, AReplacedDatabaseForTheSameDeviceInheritsNothing) {
  booth.set_stock(1);
  {
    ShareKiosk old_db(booth, dir, "kiosk-1");
    old_db.settled();
    ASSERT_EQ(old_db.ledger().held, 1) << "the last prize, as the pool still had one";
  }
  // The kiosk's disk is replaced: a fresh database, the same device.
  ShareKiosk fresh(booth, dir, "kiosk-1", "kiosk-1-new.db");
  fresh.settled();
  const ReserveLedger ledger = fresh.ledger();
  EXPECT_TRUE(ledger.joined);
  EXPECT_EQ(ledger.held, 0) << "the old database's grant is not this one's";
  EXPECT_EQ(ledger.granted, 1) << "the hub's grants so far are its baseline";
  EXPECT_EQ(fresh.issue(), "") << "nothing to give";
  EXPECT_EQ(entry(booth.stock(), "kiosk-1").left, 0) << "the hub hears that this device holds nothing";
  EXPECT_EQ(booth.stock().available(), 0) << "the booth never promises the lost prize twice";
}

TEST_F(PrizeShareTest, StaffTakingOutMoreThanThePoolMakesDevicesGiveBackOnTheirNextSettle) {
  booth.set_stock(100);
  ShareKiosk kiosk1(booth, dir, "kiosk-1"), kiosk2(booth, dir, "kiosk-2");
  kiosk1.settled();
  kiosk2.settled();
  ASSERT_EQ(kiosk1.ledger().held, 5);
  ASSERT_EQ(kiosk2.ledger().held, 5);
  booth.set_stock(3);
  EXPECT_EQ(booth.stock().available(), 3);
  EXPECT_EQ(booth.stock().shortfall, 7);
  kiosk1.settled();
  kiosk2.settled();
  BoothStock stock = booth.stock();
  EXPECT_EQ(stock.shortfall, 0) << "their returns paid it";
  EXPECT_EQ(stock.available(), 3) << "what staff set";
  EXPECT_EQ(kiosk1.ledger().held + kiosk2.ledger().held + stock.pool, 3);
  expect_books_balance(stock, {&kiosk1, &kiosk2}, "after the shortfall");
  for (int round = 0; round < 3; ++round) {
    kiosk1.settled();
    kiosk2.settled();
  }
  stock = booth.stock();
  EXPECT_EQ(kiosk1.ledger().held, 1) << "one each while the stock is low";
  EXPECT_EQ(kiosk2.ledger().held, 1);
  EXPECT_EQ(stock.available(), 3);
  expect_books_balance(stock, {&kiosk1, &kiosk2}, "after settling again");
}

TEST_F(PrizeShareTest, ADeviceWithNothingRecallsTheSparesOfAnotherWhenThePoolIsEmpty) {
  booth.set_stock(12);
  ShareKiosk kiosk1(booth, dir, "kiosk-1"), kiosk2(booth, dir, "kiosk-2");
  kiosk2.settled();
  ASSERT_EQ(kiosk2.ledger().held, 3) << "reserve_target(12, 1)";
  booth.set_stock(3);  // the pool goes; kiosk-2 keeps its 3
  ASSERT_EQ(booth.stock().pool, 0);
  ASSERT_EQ(booth.stock().shortfall, 0);

  kiosk1.settled();
  EXPECT_EQ(kiosk1.ledger().held, 0);
  EXPECT_GT(booth.stock().recall_until_ms, utc_now_ms()) << "kiosk-1 asked for a recall";
  kiosk2.settled();
  EXPECT_EQ(kiosk2.ledger().held, 1) << "kiosk-2 keeps one and gives back its spares";
  EXPECT_EQ(booth.stock().pool, 2);
  kiosk1.settled();
  EXPECT_EQ(kiosk1.ledger().held, 1) << "kiosk-1 can give a prize again";
  kiosk2.settled();
  EXPECT_EQ(kiosk2.ledger().held, 1);
  EXPECT_EQ(booth.stock().available(), 3);
  expect_books_balance(booth.stock(), {&kiosk1, &kiosk2}, "after the recall");
}

TEST_F(PrizeShareTest, WithTheHubKilledASettleFailsAtOnceAndTheKioskIssuesFromWhatItHolds) {
  booth.set_stock(100);
  ShareKiosk kiosk(booth, dir, "kiosk-1");
  kiosk.settled();
  const std::set<std::string> codes = kiosk.registered_codes();
  booth.hub.kill();
  ASSERT_TRUE(testing::wait_until_connected(kiosk.hub(), false));
  const auto start = std::chrono::steady_clock::now();
  const PrizeShareStatus status = kiosk.settle();
  EXPECT_LT(std::chrono::steady_clock::now() - start, 1500ms);
  EXPECT_FALSE(status.error.empty()) << "the status says the hub is away";
  for (int i = 0; i < 5; ++i) {
    const std::string code = kiosk.issue();
    EXPECT_TRUE(codes.count(code)) << "voucher " << i << " from the reserve, with a registered code: '" << code << "'";
  }
  EXPECT_EQ(kiosk.issue(), "") << "not one more than it holds";

  booth.hub.start();
  ASSERT_TRUE(testing::wait_until_connected(kiosk.hub(), true));
  ASSERT_TRUE(testing::wait_until_connected(*booth.desk, true));
  kiosk.settle_again(3);
  EXPECT_EQ(kiosk.ledger().held, 5) << "topped up once the hub is back";
  EXPECT_EQ(entry(booth.stock(), "kiosk-1").issued, 5);
  for (const std::string& code : kiosk.issued()) {
    const PrizeBucket::VoucherRead read = booth.desk_bucket->read_voucher(code);
    ASSERT_TRUE(read.record) << code;
    EXPECT_TRUE(read.record->issued) << code;
  }
  expect_books_balance(booth.stock(), {&kiosk}, "after the outage");
}

TEST_F(PrizeShareTest, ThreeKiosksNeverIssueMoreThanTheBoothStocked) {
  std::vector<std::unique_ptr<ShareKiosk>> kiosks;
  for (const char* device : {"kiosk-1", "kiosk-2", "kiosk-3"}) kiosks.push_back(std::make_unique<ShareKiosk>(booth, dir, device));
  std::vector<const ShareKiosk*> all;
  for (const auto& kiosk : kiosks) all.push_back(kiosk.get());
  booth.set_stock(20);
  std::int64_t issued = 0;
  for (int round = 0; round < 40; ++round) {
    if (round == 10) booth.set_stock(4);   // staff take most of it out again
    if (round == 20) booth.set_stock(9);   // and bring some back
    if (round == 25) booth.hub.kill();
    if (round == 30) booth.hub.start();
    for (auto& kiosk : kiosks) {
      if (booth.hub.running()) kiosk->settle();  // may fail while the kiosk reconnects; the next pass retries
      for (int visitor = 0; visitor < 1 + round % 3; ++visitor)
        if (!kiosk->issue().empty()) ++issued;
    }
  }
  ASSERT_TRUE(testing::wait_until_connected(*booth.desk, true));
  for (auto& kiosk : kiosks) {
    ASSERT_TRUE(testing::wait_until_connected(kiosk->hub(), true));
    kiosk->settle_again(3);
  }
  const BoothStock stock = booth.stock();
  EXPECT_LE(issued, stock.stocked - stock.withdrawn) << "vouchers issued never exceed the prizes stocked";
  EXPECT_LE(issued, stock.stocked);
  EXPECT_GT(issued, 10) << "the booth did give prizes";
  expect_books_balance(stock, all, "at the end");
  std::int64_t reported = 0;
  for (const auto& kiosk : kiosks) {
    reported += entry(stock, kiosk->device()).issued;
    for (const std::string& code : kiosk->issued()) {
      const PrizeBucket::VoucherRead read = booth.desk_bucket->read_voucher(code);
      ASSERT_TRUE(read.record) << code << " is known to the booth";
      EXPECT_EQ(read.record->device, kiosk->device());
      EXPECT_TRUE(read.record->issued);
    }
  }
  EXPECT_EQ(reported, issued);
  for (auto& kiosk : kiosks) kiosk->give_back_all();
  std::int64_t still_held = 0;
  for (const auto& kiosk : kiosks) still_held += kiosk->ledger().held;
  EXPECT_EQ(still_held, 0) << "stopping kiosks give everything back";
  expect_books_balance(booth.stock(), all, "after every kiosk stopped");
}

}  // namespace
}  // namespace openday
