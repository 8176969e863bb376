// The booth's prize accounting as pure data (issue 27): whatever sequence of stock changes,
// grants and returns, pool + sum(granted - returned) == stocked - withdrawn, nothing goes
// negative, and the records survive their own JSON while refusing anything else.
#include "core/booth/prize_records.h"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <string>

namespace openday {
namespace {

std::int64_t held_by_devices(const BoothStock& stock) {
  std::int64_t held = 0;
  for (const auto& [device, reserve] : stock.devices) held += reserve.granted - reserve.returned;
  return held;
}

void expect_books_balance(const BoothStock& stock, const std::string& step) {
  EXPECT_EQ(stock.pool + held_by_devices(stock), stock.stocked - stock.withdrawn) << step;
  EXPECT_GE(stock.pool, 0) << step;
  EXPECT_GE(stock.shortfall, 0) << step;
  for (const auto& [device, reserve] : stock.devices) EXPECT_GE(reserve.granted - reserve.returned, 0) << device << " after " << step;
}

// A device as its own database sees it: what it really holds, its returns ever, its vouchers.
struct Device {
  std::int64_t held = 0;
  std::int64_t returned = 0;
  std::int64_t issued = 0;
};

TEST(PrizeRecords, TheBooksBalanceAfterThousandsOfRandomStockChangesGrantsReturnsAndIssues) {
  std::mt19937 random(27);
  BoothStock stock;
  std::map<std::string, Device> devices{{"kiosk-1", {}}, {"kiosk-2", {}}, {"kiosk-3", {}}};
  const std::vector<std::string> names{"kiosk-1", "kiosk-2", "kiosk-3"};
  std::int64_t now = 1'000'000;
  auto pick = [&](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };

  for (int step = 0; step < 20'000; ++step) {
    now += 1 + pick(5000);
    const std::string& name = names[static_cast<std::size_t>(pick(3))];
    Device& device = devices[name];
    std::string what;
    switch (pick(7)) {
      case 0: {
        const std::int64_t wanted = pick(40);
        set_booth_stock(stock, wanted, "desk", now);
        what = "set " + std::to_string(wanted);
        EXPECT_EQ(stock.available(), wanted) << "staff set " << wanted << " at step " << step << ": the booth must show what they set";
        break;
      }
      case 1: {
        const std::int64_t want = pick(7);
        const std::int64_t pool_before = stock.pool;
        const std::int64_t got = grant_from_pool(stock, name, want, now);
        EXPECT_EQ(got, std::min(want, pool_before)) << "step " << step;
        device.held += got;
        stock.devices[name].left = device.held;
        what = "grant " + std::to_string(want) + " to " + name;
        break;
      }
      case 2:
      case 3:
        // A voucher: the hub hears of it only at the next report (its `left` stays stale).
        if (device.held > 0) {
          --device.held;
          ++device.issued;
        }
        what = "issue at " + name;
        break;
      case 4:
        stock.devices[name].left = device.held;
        what = "report of " + name;
        break;
      case 5: {
        std::int64_t back = stock.to_give_back(device.held, now);
        if (back == 0 && device.held > 0) back = pick(static_cast<int>(device.held) + 1);  // stopping, or a recall
        device.held -= back;
        device.returned += back;
        EXPECT_EQ(take_back(stock, name, device.returned, now), back) << "step " << step;
        EXPECT_EQ(take_back(stock, name, device.returned, now), 0) << "the same total again returns nothing (step " << step << ")";
        stock.devices[name].left = device.held;
        what = "give back " + std::to_string(back) + " from " + name;
        break;
      }
      case 6:
        if (pick(4) == 0) stock.recall_until_ms = now + 30'000;
        what = "recall";
        break;
    }
    expect_books_balance(stock, what + " (step " + std::to_string(step) + ")");
    const DeviceReserve& reserve = stock.devices[name];
    EXPECT_EQ(reserve.granted - reserve.returned, device.held + device.issued) << name << " after " << what << " at step " << step;
    if (::testing::Test::HasFailure()) break;
  }
  std::int64_t issued = 0;
  for (const auto& [name, device] : devices) issued += device.issued;
  EXPECT_LE(issued, stock.stocked) << "vouchers issued never exceed the prizes ever stocked";
  EXPECT_GT(issued, 100) << "the run issued enough vouchers to mean something";
}

TEST(PrizeRecords, SettingBelowWhatDevicesHoldLeavesAShortfallThatTheirReturnsPay) {
  BoothStock stock;
  set_booth_stock(stock, 10, "desk", 1);
  EXPECT_EQ(grant_from_pool(stock, "kiosk-1", 5, 2), 5);
  stock.devices["kiosk-1"].left = 5;
  EXPECT_EQ(set_booth_stock(stock, 2, "desk", 3), 10) << "returns what was available before";
  EXPECT_EQ(stock.pool, 0);
  EXPECT_EQ(stock.shortfall, 3) << "the pool paid 5 of the 8 taken out; kiosk-1 owes the rest";
  EXPECT_EQ(stock.available(), 2);
  EXPECT_EQ(stock.to_give_back(5, 4), 5) << "with a shortfall a device gives back all it holds";
  EXPECT_EQ(take_back(stock, "kiosk-1", 5, 5), 5);
  stock.devices["kiosk-1"].left = 0;
  EXPECT_EQ(stock.shortfall, 0);
  EXPECT_EQ(stock.pool, 2) << "what the shortfall did not need goes to the pool";
  EXPECT_EQ(stock.withdrawn, 8);
  EXPECT_EQ(stock.available(), 2);
  expect_books_balance(stock, "after the shortfall was paid");
}

TEST(PrizeRecords, PrizesAddedAfterAShortfallThatWasIssuedMeanwhileAreAllAvailable) {
  // kiosk-1 holds 5 as far as the hub knows, but gave 3 to winners before its next report:
  // staff set 0, kiosk-1 can pay back only 2, and the 3 it issued will never come back.
  BoothStock stock;
  set_booth_stock(stock, 10, "desk", 1);
  grant_from_pool(stock, "kiosk-1", 5, 2);
  stock.devices["kiosk-1"].left = 5;
  set_booth_stock(stock, 0, "desk", 3);
  take_back(stock, "kiosk-1", 2, 4);
  stock.devices["kiosk-1"].left = 0;
  EXPECT_EQ(stock.available(), 0);
  // Staff bring ten new boxes and count ten on the table.
  set_booth_stock(stock, 10, "desk", 5);
  EXPECT_EQ(stock.available(), 10) << "the booth must offer the ten boxes on the table, not fewer";
  EXPECT_EQ(stock.pool, 10);
  expect_books_balance(stock, "after new boxes");
}

TEST(PrizeRecords, ADeviceCannotGiveBackMoreThanTheBoothGrantedIt) {
  // A database whose return total is ahead of a hub that lost its bucket (recreated empty):
  // its returns must not create prizes nobody stocked.
  BoothStock stock;
  set_booth_stock(stock, 3, "desk", 1);
  EXPECT_EQ(take_back(stock, "kiosk-1", 7, 2), 0);
  EXPECT_EQ(stock.pool, 3);
  grant_from_pool(stock, "kiosk-1", 2, 3);
  EXPECT_EQ(take_back(stock, "kiosk-1", 9, 4), 2) << "at most what it was granted";
  EXPECT_EQ(stock.pool, 3);
  expect_books_balance(stock, "after returns beyond the grants");
}

TEST(PrizeRecords, ARecallKeepsOneAndAShortfallTakesAll) {
  BoothStock stock;
  EXPECT_EQ(stock.to_give_back(4, 100), 0) << "no recall, no shortfall";
  stock.recall_until_ms = 200;
  EXPECT_EQ(stock.to_give_back(4, 100), 3);
  EXPECT_EQ(stock.to_give_back(1, 100), 0);
  EXPECT_EQ(stock.to_give_back(0, 100), 0);
  EXPECT_EQ(stock.to_give_back(4, 200), 0) << "the recall is over";
  stock.shortfall = 1;
  EXPECT_EQ(stock.to_give_back(4, 100), 4);
  EXPECT_EQ(stock.to_give_back(1, 300), 1);
  EXPECT_EQ(stock.to_give_back(0, 300), 0);
}

TEST(PrizeRecords, TheReserveTargetShrinksAsThePoolRunsLow) {
  EXPECT_EQ(reserve_target(1000, 3), 5) << "never more than a few";
  std::int64_t previous = reserve_target(1000, 3);
  for (std::int64_t pool = 1000; pool >= 0; --pool) {
    const std::int64_t target = reserve_target(pool, 3);
    EXPECT_LE(target, previous) << "pool " << pool;
    EXPECT_LE(target * 3, pool) << "three devices together never take the whole pool (" << pool << ")";
    previous = target;
  }
  EXPECT_EQ(reserve_target(11, 3), 0);
  EXPECT_EQ(reserve_target(0, 3), 0);
  EXPECT_GT(reserve_target(12, 3), 0);
  EXPECT_GE(reserve_target(40, 1), reserve_target(40, 4)) << "more devices, smaller shares";
  EXPECT_EQ(reserve_target(40, 0), reserve_target(40, 1)) << "no devices counts as one";
}

TEST(PrizeRecords, GrantsNeverTakeMoreThanThePoolHolds) {
  BoothStock stock;
  EXPECT_EQ(grant_from_pool(stock, "kiosk-1", 3, 1), 0);
  set_booth_stock(stock, 2, "desk", 1);
  EXPECT_EQ(grant_from_pool(stock, "kiosk-1", -4, 2), 0);
  EXPECT_EQ(grant_from_pool(stock, "kiosk-1", 3, 2), 2);
  EXPECT_EQ(stock.pool, 0);
  EXPECT_EQ(stock.devices["kiosk-1"].granted, 2);
  EXPECT_EQ(stock.updated_by, "kiosk-1");
}

BoothStock sample_stock() {
  BoothStock stock;
  set_booth_stock(stock, 30, "desk", 1'700'000'000'000);
  grant_from_pool(stock, "kiosk-1", 5, 1'700'000'000'100);
  grant_from_pool(stock, "kiosk-2", 4, 1'700'000'000'200);
  take_back(stock, "kiosk-2", 1, 1'700'000'000'300);
  stock.devices["kiosk-1"].left = 4;
  stock.devices["kiosk-1"].issued = 1;
  stock.recall_until_ms = 1'700'000'030'000;
  stock.shortfall = 2;
  return stock;
}

TEST(PrizeRecords, TheStockRecordSurvivesItsOwnJson) {
  const BoothStock stock = sample_stock();
  const std::string text = encode_booth_stock(stock);
  std::string error;
  const auto back = decode_booth_stock(text, error);
  ASSERT_TRUE(back) << error;
  EXPECT_EQ(encode_booth_stock(*back), text);
  EXPECT_EQ(back->pool, stock.pool);
  EXPECT_EQ(back->shortfall, 2);
  EXPECT_EQ(back->recall_until_ms, 1'700'000'030'000);
  EXPECT_EQ(back->updated_by, stock.updated_by);
  ASSERT_EQ(back->devices.size(), 2u);
  EXPECT_EQ(back->devices.at("kiosk-1").granted, 5);
  EXPECT_EQ(back->devices.at("kiosk-1").left, 4);
  EXPECT_EQ(back->devices.at("kiosk-1").issued, 1);
  EXPECT_EQ(back->devices.at("kiosk-2").returned, 1);
  EXPECT_EQ(back->devices.at("kiosk-2").at_ms, 1'700'000'000'300);
}

TEST(PrizeRecords, TheVoucherRecordSurvivesItsOwnJson) {
  VoucherRecord record{"ABCD-EFGH", "kiosk-2", true, 11, 12, 13, "desk", "R1", {{"kiosk-2", 14}, {"kiosk-3", 15}}};
  const std::string text = encode_voucher_record(record);
  std::string error;
  const auto back = decode_voucher_record(text, error);
  ASSERT_TRUE(back) << error;
  EXPECT_EQ(encode_voucher_record(*back), text);
  EXPECT_EQ(back->code, "ABCD-EFGH");
  EXPECT_EQ(back->device, "kiosk-2");
  EXPECT_TRUE(back->issued);
  EXPECT_EQ(back->registered_at_ms, 11);
  EXPECT_EQ(back->issued_at_ms, 12);
  EXPECT_EQ(back->redeemed_at_ms, 13);
  EXPECT_EQ(back->redeemed_by, "desk");
  ASSERT_EQ(back->late.size(), 2u);
  EXPECT_EQ(back->late[1].by, "kiosk-3");
  EXPECT_EQ(back->late[1].at_ms, 15);

  const VoucherRecord fresh{"WXYZ-2345", "kiosk-1", false, 5, std::nullopt, std::nullopt, "", "", {}};
  const auto plain = decode_voucher_record(encode_voucher_record(fresh), error);
  ASSERT_TRUE(plain) << error;
  EXPECT_FALSE(plain->issued);
  EXPECT_FALSE(plain->issued_at_ms);
  EXPECT_FALSE(plain->redeemed_at_ms);
  EXPECT_TRUE(plain->late.empty());
  EXPECT_EQ(voucher_key("ABCD-EFGH"), "code.ABCD-EFGH");
}

void expect_stock_refused(const std::string& text, const std::string& why) {
  std::string error;
  EXPECT_FALSE(decode_booth_stock(text, error)) << why << ": " << text.substr(0, 200);
  EXPECT_FALSE(error.empty()) << why << ": the refusal says what is wrong";
}

TEST(PrizeRecords, AStockRecordThatIsNotOneIsRefusedWithAReason) {
  expect_stock_refused("", "empty");
  expect_stock_refused("pool: 3", "not JSON");
  expect_stock_refused("[1,2]", "not an object");
  expect_stock_refused(R"({"pool": -1})", "a negative pool");
  expect_stock_refused(R"({"stocked": 1.5})", "a fraction");
  expect_stock_refused(R"({"withdrawn": "3"})", "a count as text");
  expect_stock_refused(R"({"pool": 1099511627777})", "above 2^40");
  expect_stock_refused(R"({"pool": 18446744073709551615})", "above int64");
  expect_stock_refused(R"({"devices": [1]})", "devices as a list");
  expect_stock_refused(R"({"devices": {"kiosk-1": 3}})", "a device entry that is not an object");
  expect_stock_refused(R"({"devices": {"": {}}})", "a device without a name");
  expect_stock_refused(R"({"devices": {"kiosk-1": {"granted": -2}}})", "a negative grant");
  expect_stock_refused(R"({"devices": {"kiosk-1": {"left": 1099511627777}}})", "a device count above 2^40");
  expect_stock_refused(R"({"updated_by": 7})", "a name that is a number");
  expect_stock_refused(R"({"recall_until_ms": "soon"})", "a time that is text");

  std::string many = R"({"devices": {)";
  for (int i = 0; i < 257; ++i) many += (i ? "," : "") + std::string("\"k") + std::to_string(i) + "\": {}";
  many += "}}";
  expect_stock_refused(many, "257 devices");

  std::string big = R"({"pool": 1, "updated_by": "desk", "padding": ")" + std::string(kMaxPrizeRecordBytes, 'x') + "\"}";
  expect_stock_refused(big, "over 64 KiB");

  std::string error;
  std::string at_limit = R"({"devices": {)";
  for (int i = 0; i < 256; ++i) at_limit += (i ? "," : "") + std::string("\"k") + std::to_string(i) + "\": {\"granted\": 1}";
  at_limit += "}}";
  const auto fine = decode_booth_stock(at_limit, error);
  ASSERT_TRUE(fine) << "256 devices are fine: " << error;
  EXPECT_EQ(fine->devices.size(), 256u);
  EXPECT_TRUE(decode_booth_stock("{}", error)) << "an empty record is an empty stock";
  EXPECT_TRUE(decode_booth_stock(R"({"pool": 1099511627776})", error)) << "2^40 itself is allowed";
}

void expect_voucher_refused(const std::string& text, const std::string& why) {
  std::string error;
  EXPECT_FALSE(decode_voucher_record(text, error)) << why << ": " << text.substr(0, 200);
  EXPECT_FALSE(error.empty()) << why << ": the refusal says what is wrong";
}

std::string late_list(int entries) {
  std::string text = R"({"code": "ABCD-EFGH", "device": "kiosk-1", "late": [)";
  for (int i = 0; i < entries; ++i) text += (i ? "," : "") + std::string(R"({"by": "desk", "at_ms": )") + std::to_string(i) + "}";
  return text + "]}";
}

TEST(PrizeRecords, AVoucherRecordThatIsNotOneIsRefusedWithAReason) {
  expect_voucher_refused("ABCD-EFGH", "not JSON");
  expect_voucher_refused(R"({"device": "kiosk-1"})", "no code");
  expect_voucher_refused(R"({"code": "ABCD-EFGH"})", "no device");
  expect_voucher_refused(R"({"code": "", "device": "kiosk-1"})", "an empty code");
  expect_voucher_refused(R"({"code": "ABCD-EFGH", "device": ")" + std::string(65, 'k') + "\"}", "a device name of 65 bytes");
  expect_voucher_refused(R"({"code": "ABCD-EFGH", "device": "kiosk-1", "redeemed_at_ms": "noon"})", "a time as text");
  expect_voucher_refused(R"({"code": "ABCD-EFGH", "device": "kiosk-1", "late": {}})", "late not a list");
  expect_voucher_refused(R"({"code": "ABCD-EFGH", "device": "kiosk-1", "late": [3]})", "a late entry not an object");
  expect_voucher_refused(R"({"code": "ABCD-EFGH", "device": "kiosk-1", "late": [{"at_ms": 3}]})", "a late entry without a device");
  expect_voucher_refused(late_list(33), "33 late redemptions");
  expect_voucher_refused(R"({"code": "ABCD-EFGH", "device": "kiosk-1", "x": ")" + std::string(kMaxPrizeRecordBytes, 'x') + "\"}",
                         "over 64 KiB");
  std::string error;
  const auto full = decode_voucher_record(late_list(32), error);
  ASSERT_TRUE(full) << "32 late redemptions are fine: " << error;
  EXPECT_EQ(full->late.size(), 32u);
}

}  // namespace
}  // namespace openday
