// The booth's prize bucket on a real nats-server (issue 27): only the desk creates it, every
// change is a compare-and-set so that no concurrent update is lost, a code is registered once,
// and a redemption through the hub says who was first.
#include "core/booth/prize_bucket.h"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>
#include <vector>

#include "core/booth/hub_connection.h"
#include "support/prize_hub.h"

namespace openday {
namespace {

using testing::connect_device;
using testing::open_prize_bucket;
using testing::PrizeBooth;
using testing::TestHub;
using namespace std::chrono_literals;

VoucherRecord registered(const std::string& code, const std::string& device) {
  return VoucherRecord{code, device, false, 1'000, std::nullopt, std::nullopt, "", "", {}};
}

TEST(PrizeBucket, AKioskCannotOpenOrCreateTheBucketBeforeTheDeskDid) {
  TestHub hub({"kiosk-1", "desk"});
  auto kiosk = connect_device(hub, "kiosk-1");
  const PrizeBucket::Open before = PrizeBucket::open(*kiosk);
  EXPECT_FALSE(before.bucket);
  EXPECT_NE(before.error.find("no prize stock yet"), std::string::npos) << before.error;
  const std::string refused = ensure_prize_bucket(*kiosk);
  EXPECT_NE(refused.find("only the desk"), std::string::npos) << refused;
  EXPECT_FALSE(PrizeBucket::open(*kiosk).bucket) << "a kiosk's attempt created nothing";

  auto desk = connect_device(hub, "desk");
  ASSERT_EQ(ensure_booth_streams(*desk), "");
  EXPECT_EQ(ensure_prize_bucket(*desk), "") << "setting it up twice is fine";
  const PrizeBucket::Open after = PrizeBucket::open(*kiosk);
  ASSERT_TRUE(after.bucket) << after.error;
  const PrizeBucket::StockRead read = after.bucket->read_stock();
  ASSERT_TRUE(read.stock) << read.error;
  EXPECT_EQ(read.revision, 0u) << "no stock record before staff set one";
  EXPECT_EQ(read.stock->pool, 0);
}

TEST(PrizeBucket, AKioskCredentialReadsAndUpdatesTheStockAndCreatesAndRedeemsCodes) {
  PrizeBooth booth;
  booth.set_stock(20);
  auto kiosk = connect_device(booth.hub, "kiosk-2");
  auto bucket = open_prize_bucket(*kiosk);
  const PrizeBucket::StockRead read = bucket->read_stock();
  ASSERT_TRUE(read.stock) << read.error;
  EXPECT_EQ(read.stock->pool, 20);
  EXPECT_GT(read.revision, 0u);

  const PrizeBucket::StockRead granted = bucket->update_stock([](BoothStock& stock) { return grant_from_pool(stock, "kiosk-2", 3, 2'000) > 0; });
  ASSERT_TRUE(granted.stock) << granted.error;
  EXPECT_GT(granted.revision, read.revision);
  EXPECT_EQ(booth.stock().pool, 17);
  EXPECT_EQ(booth.stock().devices.at("kiosk-2").granted, 3);

  std::string error;
  EXPECT_EQ(bucket->create_voucher(registered("KSTR-2345", "kiosk-2"), error), PrizeBucket::Create::Created) << error;
  const PrizeBucket::VoucherRead voucher = bucket->read_voucher("KSTR-2345");
  ASSERT_TRUE(voucher.record) << voucher.error;
  EXPECT_EQ(voucher.record->device, "kiosk-2");
  const HubRedemption redeemed = redeem_on_hub(*bucket, "KSTR-2345", "kiosk-2", 3'000);
  EXPECT_EQ(redeemed.outcome, HubRedemption::Outcome::Redeemed) << redeemed.error;
  EXPECT_EQ(kiosk->last_async_error(), "") << "the hub refused nothing the kiosk asked";
}

TEST(PrizeBucket, ACodeIsRegisteredOnceWhicheverDeviceTriesSecond) {
  PrizeBooth booth;
  auto kiosk1 = connect_device(booth.hub, "kiosk-1");
  auto kiosk3 = connect_device(booth.hub, "kiosk-3");
  auto first = open_prize_bucket(*kiosk1);
  auto second = open_prize_bucket(*kiosk3);
  std::string error;
  EXPECT_EQ(first->create_voucher(registered("ABCD-EFGH", "kiosk-1"), error), PrizeBucket::Create::Created) << error;
  EXPECT_EQ(second->create_voucher(registered("ABCD-EFGH", "kiosk-3"), error), PrizeBucket::Create::Exists) << error;
  EXPECT_EQ(first->create_voucher(registered("ABCD-EFGH", "kiosk-1"), error), PrizeBucket::Create::Exists) << "even by its owner";
  const PrizeBucket::VoucherRead read = second->read_voucher("ABCD-EFGH");
  ASSERT_TRUE(read.record) << read.error;
  EXPECT_EQ(read.record->device, "kiosk-1") << "the first registration stays";
  const PrizeBucket::VoucherRead none = second->read_voucher("ZZZZ-ZZZZ");
  EXPECT_FALSE(none.record);
  EXPECT_EQ(none.error, "") << "an unknown code is not an error";
}

TEST(PrizeBucket, ConcurrentStockUpdatesFromFourConnectionsLoseNothing) {
  PrizeBooth booth;
  booth.set_stock(0);
  const std::vector<std::string> devices{"kiosk-1", "kiosk-2", "kiosk-3", "desk"};
  std::vector<std::unique_ptr<HubConnection>> connections;
  std::vector<std::unique_ptr<PrizeBucket>> buckets;
  for (const auto& device : devices) {
    connections.push_back(connect_device(booth.hub, device));
    buckets.push_back(open_prize_bucket(*connections.back()));
  }
  std::vector<int> failures(devices.size(), 0);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < devices.size(); ++i)
    threads.emplace_back([&, i] {
      for (int n = 0; n < 50; ++n) {
        const auto written = buckets[i]->update_stock([&](BoothStock& stock) {
          ++stock.pool;
          ++stock.stocked;
          ++stock.devices[devices[i]].issued;
          return true;
        });
        if (!written.error.empty()) ++failures[i];
      }
    });
  for (auto& thread : threads) thread.join();
  const BoothStock stock = booth.stock();
  int failed = 0;
  for (int f : failures) failed += f;
  EXPECT_EQ(stock.pool, 200 - failed) << "every written increment is there";
  EXPECT_EQ(failed, 0) << "16 attempts are enough for four writers";
  for (const auto& device : devices) EXPECT_EQ(stock.devices.at(device).issued, 50) << device;
}

TEST(PrizeBucket, RedeemingThroughTheHubSaysUnknownRedeemedOrWhenAndWhereItWas) {
  PrizeBooth booth;
  auto kiosk = connect_device(booth.hub, "kiosk-1");
  auto bucket = open_prize_bucket(*kiosk);
  const HubRedemption unknown = redeem_on_hub(*booth.desk_bucket, "QQQQ-QQQQ", "desk", 5'000);
  EXPECT_EQ(unknown.outcome, HubRedemption::Outcome::Unknown) << unknown.error;

  std::string error;
  ASSERT_EQ(bucket->create_voucher(registered("MNPQ-RSTU", "kiosk-1"), error), PrizeBucket::Create::Created) << error;
  const HubRedemption first = redeem_on_hub(*booth.desk_bucket, "MNPQ-RSTU", "desk", 6'000);
  EXPECT_EQ(first.outcome, HubRedemption::Outcome::Redeemed) << first.error;
  EXPECT_EQ(first.at_ms, 6'000);
  EXPECT_EQ(first.issued_by, "kiosk-1");
  const HubRedemption again = redeem_on_hub(*bucket, "MNPQ-RSTU", "kiosk-1", 7'000);
  EXPECT_EQ(again.outcome, HubRedemption::Outcome::AlreadyRedeemed);
  EXPECT_EQ(again.at_ms, 6'000) << "when it was";
  EXPECT_EQ(again.redeemed_by, "desk") << "where it was";
  const PrizeBucket::VoucherRead read = bucket->read_voucher("MNPQ-RSTU");
  ASSERT_TRUE(read.record);
  EXPECT_EQ(read.record->redeemed_at_ms, 6'000);
  EXPECT_TRUE(read.record->late.empty()) << "a refused redemption is not a late one";
  // The same device redeeming again in the same millisecond (two desk processes, the screen and
  // the command line) is another redemption, not the lost acknowledgement of the first.
  const HubRedemption same_instant = redeem_on_hub(*booth.desk_bucket, "MNPQ-RSTU", "desk", 6'000);
  EXPECT_EQ(same_instant.outcome, HubRedemption::Outcome::AlreadyRedeemed) << "the fault test caught two successes for one code";
}

TEST(PrizeBucket, AKilledHubAnswersUnreachableAtOnce) {
  PrizeBooth booth;
  auto kiosk = connect_device(booth.hub, "kiosk-1");
  auto bucket = open_prize_bucket(*kiosk);
  std::string error;
  ASSERT_EQ(bucket->create_voucher(registered("WXYZ-2345", "kiosk-1"), error), PrizeBucket::Create::Created) << error;
  booth.hub.kill();
  ASSERT_TRUE(testing::wait_until_connected(*booth.desk, false));
  ASSERT_TRUE(testing::wait_until_connected(*kiosk, false));
  const auto start = std::chrono::steady_clock::now();
  const HubRedemption redemption = redeem_on_hub(*booth.desk_bucket, "WXYZ-2345", "desk", 8'000);
  const auto took = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(redemption.outcome, HubRedemption::Outcome::Unreachable);
  EXPECT_FALSE(redemption.error.empty()) << "it says why";
  EXPECT_LT(took, 500ms) << "refused at once, not after a wait";
  const PrizeBucket::StockRead read = bucket->read_stock();
  EXPECT_FALSE(read.stock);
  EXPECT_FALSE(read.error.empty());
  EXPECT_EQ(bucket->create_voucher(registered("WXYZ-6789", "kiosk-1"), error), PrizeBucket::Create::Failed);
  EXPECT_LT(std::chrono::steady_clock::now() - start, 1500ms) << "no call waits for a hub that is gone";

  booth.hub.start();
  ASSERT_TRUE(testing::wait_until_connected(*booth.desk, true)) << "the desk reconnects";
  const HubRedemption after = redeem_on_hub(*booth.desk_bucket, "WXYZ-2345", "desk", 9'000);
  EXPECT_EQ(after.outcome, HubRedemption::Outcome::Redeemed) << "the record survived the kill: " << after.error;
}

TEST(PrizeBucket, ARedemptionReportedLateIsRecordedOnceAndASecondOneIsFlaggedNotHidden) {
  PrizeBooth booth;
  auto kiosk = connect_device(booth.hub, "kiosk-2");
  auto bucket = open_prize_bucket(*kiosk);
  std::string error;
  ASSERT_EQ(bucket->create_voucher(registered("HJKM-NPQR", "kiosk-2"), error), PrizeBucket::Create::Created) << error;
  // kiosk-2 redeemed its own code while the hub was away; it reports it now.
  EXPECT_EQ(report_redemption(*bucket, "HJKM-NPQR", "kiosk-2", 10'000, error), LateReport::Recorded) << error;
  EXPECT_EQ(report_redemption(*bucket, "HJKM-NPQR", "kiosk-2", 10'000, error), LateReport::Recorded) << "reported twice is once";
  const HubRedemption desk = redeem_on_hub(*booth.desk_bucket, "HJKM-NPQR", "desk", 11'000);
  EXPECT_EQ(desk.outcome, HubRedemption::Outcome::AlreadyRedeemed);
  EXPECT_EQ(desk.redeemed_by, "kiosk-2");

  // The desk redeemed a code that kiosk-3 had redeemed offline too: kiosk-3's report is a double.
  ASSERT_EQ(bucket->create_voucher(registered("STUV-WXYZ", "kiosk-3"), error), PrizeBucket::Create::Created) << error;
  EXPECT_EQ(redeem_on_hub(*booth.desk_bucket, "STUV-WXYZ", "desk", 12'000).outcome, HubRedemption::Outcome::Redeemed);
  auto kiosk3 = connect_device(booth.hub, "kiosk-3");
  auto bucket3 = open_prize_bucket(*kiosk3);
  EXPECT_EQ(report_redemption(*bucket3, "STUV-WXYZ", "kiosk-3", 11'500, error), LateReport::Double) << error;
  EXPECT_EQ(report_redemption(*bucket3, "STUV-WXYZ", "kiosk-3", 11'500, error), LateReport::Double) << "still flagged, not added twice";
  const PrizeBucket::VoucherRead read = bucket3->read_voucher("STUV-WXYZ");
  ASSERT_TRUE(read.record) << read.error;
  EXPECT_EQ(read.record->redeemed_by, "desk");
  EXPECT_EQ(read.record->redeemed_at_ms, 12'000);
  ASSERT_EQ(read.record->late.size(), 1u);
  EXPECT_EQ(read.record->late[0].by, "kiosk-3");
  EXPECT_EQ(read.record->late[0].at_ms, 11'500);

  // A code drawn while the hub was away and redeemed offline: known to the booth once reported.
  EXPECT_EQ(report_redemption(*bucket3, "ABCD-2345", "kiosk-3", 13'000, error), LateReport::Recorded) << error;
  const HubRedemption unseen = redeem_on_hub(*booth.desk_bucket, "ABCD-2345", "desk", 14'000);
  EXPECT_EQ(unseen.outcome, HubRedemption::Outcome::AlreadyRedeemed);
  EXPECT_EQ(unseen.issued_by, "kiosk-3");
  EXPECT_EQ(unseen.at_ms, 13'000);
}

}  // namespace
}  // namespace openday
