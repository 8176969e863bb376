// Staff mode on a booth device redeems through the hub (issue 27): the hub's answer is what
// counts and is logged with the hub's time; while the hub cannot answer, only this device's own
// codes are redeemed from its own database, and another device's code is refused, never guessed.
#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <memory>
#include <thread>
#include <vector>

#include "core/staff/staff_service.h"
#include "core/visits/event_log.h"
#include "core/visits/store.h"
#include "support/temp_dir.h"

namespace openday {
namespace {

using testing::TempDir;
using namespace std::chrono_literals;

struct LoggedRedemption {
  std::string kiosk_id, code;
  std::int64_t at_ms = 0;
};

class BoothStaffRedeem : public ::testing::Test {
 protected:
  BoothStaffRedeem() : log({dir / "kiosk.db", "kiosk-1"}), staff(paths(), Config{}, log, [this] { return log.health(); }) {
    // The database exists from the start, as a running kiosk's does.
    log.run_durable([](DurableTransaction& tx) { ensure_prize_stock(tx, 10); }).get();
  }

  StaffPaths paths() { return {dir / "kiosk.db", dir / "content", dir / "q.json", dir / "exports"}; }

  // The hub answers every redemption with `answer` (its code filled in), at once.
  void hub_answers(HubRedemption answer) {
    BoothPrizeLink link;
    link.redeem = [this, answer](std::string code, std::int64_t) {
      asked.push_back(code);
      HubRedemption reply = answer;
      reply.code = code;
      std::promise<HubRedemption> promise;
      promise.set_value(reply);
      return promise.get_future();
    };
    link.set_stock = [](std::int64_t wanted) {
      std::promise<BoothStockChange> promise;
      promise.set_value(BoothStockChange{7, wanted, ""});
      return promise.get_future();
    };
    link.booth_stock = [] { return std::optional<std::int64_t>(7); };
    staff.set_booth_prizes(std::move(link));
  }

  std::string issue_own_voucher(std::int64_t session) {
    VoucherIssue issued;
    log.run_durable([&](DurableTransaction& tx) { issued = issue_voucher(tx, session, 10, utc_now_ms()); }).get();
    EXPECT_EQ(issued.outcome, VoucherIssue::Outcome::Issued);
    return issued.code;
  }

  Redemption redeem(const std::string& code) {
    staff.redeem(code);
    staff.wait();
    EXPECT_FALSE(staff.redemption_error()) << *staff.redemption_error();
    return staff.redemption().value_or(Redemption{});
  }

  std::vector<LoggedRedemption> logged_redemptions() {
    log.flush();
    Database db = open_store_read_only(dir / "kiosk.db");
    Statement rows = db.prepare("SELECT kiosk_id, item, at_ms FROM events WHERE type = ?1 ORDER BY seq");
    rows.bind(1, std::string(event_type_name(EventType::VoucherRedeemed)));
    std::vector<LoggedRedemption> out;
    while (rows.step()) out.push_back({rows.column_text(0), rows.column_text(1), rows.column_int(2)});
    return out;
  }

  std::optional<std::int64_t> local_redeemed_at(const std::string& code) {
    for (const StoredVoucher& voucher : read_vouchers(open_store_read_only(dir / "kiosk.db")))
      if (voucher.code == code) return voucher.redeemed_at_ms;
    return std::nullopt;
  }

  TempDir dir;
  EventLog log;
  StaffService staff;
  std::vector<std::string> asked;
};

TEST_F(BoothStaffRedeem, TheHubsRedemptionIsLoggedHereWithTheHubsTime) {
  const std::string own = issue_own_voucher(1);
  hub_answers({HubRedemption::Outcome::Redeemed, "", "kiosk-1", 1'700'000'000'123, "", ""});
  const Redemption redeemed = redeem(own);
  EXPECT_EQ(redeemed.outcome, Redemption::Outcome::Redeemed);
  EXPECT_EQ(redeemed.redeemed_at_ms, 1'700'000'000'123);
  ASSERT_EQ(asked.size(), 1u);
  EXPECT_EQ(asked[0], own) << "the hub is asked with the canonical code";
  const auto logged = logged_redemptions();
  ASSERT_EQ(logged.size(), 1u);
  EXPECT_EQ(logged[0].code, own);
  EXPECT_EQ(logged[0].kiosk_id, "kiosk-1");
  EXPECT_EQ(logged[0].at_ms, 1'700'000'000'123) << "the same instant as the hub's record, so a report is recognised";
  EXPECT_EQ(local_redeemed_at(own), 1'700'000'000'123) << "this device's own voucher row agrees";

  // Another device's code (not in this database), redeemed through the hub: logged here too.
  hub_answers({HubRedemption::Outcome::Redeemed, "", "kiosk-3", 1'700'000'000'456, "", ""});
  const Redemption other = redeem("abcd efgh");
  EXPECT_EQ(other.outcome, Redemption::Outcome::Redeemed);
  EXPECT_EQ(other.code, "ABCD-EFGH");
  ASSERT_EQ(logged_redemptions().size(), 2u);
  EXPECT_EQ(logged_redemptions()[1].at_ms, 1'700'000'000'456);
}

TEST_F(BoothStaffRedeem, AlreadyRedeemedElsewhereSaysWhenAndWhereAndLogsNothing) {
  hub_answers({HubRedemption::Outcome::AlreadyRedeemed, "", "kiosk-2", 1'700'000'000'999, "desk", ""});
  const Redemption redeemed = redeem("MNPQ-RSTU");
  EXPECT_EQ(redeemed.outcome, Redemption::Outcome::AlreadyRedeemed);
  EXPECT_EQ(redeemed.redeemed_at_ms, 1'700'000'000'999);
  EXPECT_EQ(redeemed.redeemed_by, "desk");
  EXPECT_TRUE(logged_redemptions().empty());
}

TEST_F(BoothStaffRedeem, WhileTheHubIsUnreachableOnlyOwnCodesAreRedeemedHere) {
  const std::string own = issue_own_voucher(1);
  hub_answers({HubRedemption::Outcome::Unreachable, "", "", 0, "", "the hub is not connected"});
  const Redemption other = redeem("MNPQ-RSTU");
  EXPECT_EQ(other.outcome, Redemption::Outcome::HubUnreachable) << "another device's code: never a guess";
  EXPECT_TRUE(logged_redemptions().empty());

  const Redemption redeemed = redeem(own);
  EXPECT_EQ(redeemed.outcome, Redemption::Outcome::Redeemed) << "its own database is the truth for its own codes";
  const auto logged = logged_redemptions();
  ASSERT_EQ(logged.size(), 1u);
  EXPECT_EQ(logged[0].code, own);
  EXPECT_EQ(logged[0].at_ms, redeemed.redeemed_at_ms);
  EXPECT_EQ(local_redeemed_at(own), redeemed.redeemed_at_ms);

  const Redemption again = redeem(own);
  EXPECT_EQ(again.outcome, Redemption::Outcome::AlreadyRedeemed) << "not twice from the own database either";
  EXPECT_EQ(logged_redemptions().size(), 1u);
}

TEST_F(BoothStaffRedeem, AnUplinkThatStoppedBeforeAnsweringCountsAsUnreachable) {
  const std::string own = issue_own_voucher(1);
  BoothPrizeLink link;
  link.redeem = [](std::string, std::int64_t) { return std::promise<HubRedemption>().get_future(); };  // a broken promise
  link.set_stock = [](std::int64_t) { return std::promise<BoothStockChange>().get_future(); };
  link.booth_stock = [] { return std::optional<std::int64_t>(); };
  staff.set_booth_prizes(std::move(link));
  EXPECT_EQ(redeem("MNPQ-RSTU").outcome, Redemption::Outcome::HubUnreachable);
  EXPECT_EQ(redeem(own).outcome, Redemption::Outcome::Redeemed);
  EXPECT_EQ(logged_redemptions().size(), 1u);
}

TEST_F(BoothStaffRedeem, AHubThatNeverAnswersIsGivenUpAfterTheWait) {
  const std::string own = issue_own_voucher(1);
  auto never = std::make_shared<std::promise<HubRedemption>>();
  BoothPrizeLink link;
  link.redeem = [never](std::string, std::int64_t) { return never->get_future(); };
  link.set_stock = [](std::int64_t) { return std::promise<BoothStockChange>().get_future(); };
  link.booth_stock = [] { return std::optional<std::int64_t>(); };
  staff.set_booth_prizes(std::move(link));
  const auto start = std::chrono::steady_clock::now();
  const Redemption redeemed = redeem(own);
  const auto took = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(redeemed.outcome, Redemption::Outcome::Redeemed);
  EXPECT_GE(took, kBoothPrizeWait - 100ms) << "it waited for the hub";
  EXPECT_LT(took, kBoothPrizeWait + 3s) << "and no longer";
  EXPECT_EQ(logged_redemptions().size(), 1u);
}

TEST_F(BoothStaffRedeem, ACodeTheHubDoesNotKnowIsRedeemedHereOnlyIfThisDeviceIssuedIt) {
  // Drawn while the hub was away: the hub has not heard of it yet, this database has.
  const std::string own = issue_own_voucher(1);
  hub_answers({HubRedemption::Outcome::Unknown, "", "", 0, "", ""});
  const Redemption redeemed = redeem(own);
  EXPECT_EQ(redeemed.outcome, Redemption::Outcome::Redeemed);
  EXPECT_EQ(logged_redemptions().size(), 1u);
  const Redemption unknown = redeem("MNPQ-RSTU");
  EXPECT_EQ(unknown.outcome, Redemption::Outcome::Unknown) << "unknown to the booth, not 'unreachable'";
  EXPECT_EQ(logged_redemptions().size(), 1u);
}

TEST_F(BoothStaffRedeem, SettingTheStockGoesThroughTheHubAndIsLoggedWithBeforeAndAfter) {
  hub_answers({});
  staff.set_stock(12);
  staff.wait();
  EXPECT_FALSE(staff.stock_error()) << *staff.stock_error();
  EXPECT_EQ(staff.stock(), 12);
  staff.read_stock();
  staff.wait();
  EXPECT_EQ(staff.stock(), 7) << "the booth's stock as last read from the hub";
  // The change is logged by a durable job the stock screen does not wait for.
  std::optional<std::pair<std::string, std::string>> logged;
  for (int i = 0; i < 200 && !logged; ++i) {
    log.flush();
    Database db = open_store_read_only(dir / "kiosk.db");
    Statement rows = db.prepare("SELECT detail, target FROM events WHERE type = ?1");
    rows.bind(1, std::string(event_type_name(EventType::StockAdjusted)));
    if (rows.step()) logged.emplace(rows.column_text(0), rows.column_text(1));
    else std::this_thread::sleep_for(10ms);
  }
  ASSERT_TRUE(logged) << "the stock change is logged";
  EXPECT_EQ(logged->first, "7 -> 12");
  EXPECT_EQ(logged->second, "booth");
}

}  // namespace
}  // namespace openday
