// The done-when (issue 27): 20 simultaneous redemptions of one code from four devices,
// exactly one succeeds and the 19 others say when and where, every time over 50 rounds.
#include <gtest/gtest.h>

#include <barrier>
#include <chrono>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "core/booth/prize_bucket.h"
#include "core/quiz/vouchers.h"
#include "support/prize_hub.h"

namespace openday {
namespace {

using testing::connect_device;
using testing::open_prize_bucket;
using testing::PrizeBooth;

constexpr int kRounds = 50;
constexpr int kThreadsPerDevice = 5;

TEST(PrizeRedemptionRace, TwentySimultaneousRedemptionsFromFourDevicesHaveExactlyOneWinnerEveryRound) {
  PrizeBooth booth;
  const std::vector<std::string> devices{"kiosk-1", "kiosk-2", "kiosk-3", "desk"};
  std::vector<std::unique_ptr<HubConnection>> connections;
  for (const auto& device : devices) connections.push_back(connect_device(booth.hub, device));
  // One bucket handle per thread, on its device's one connection.
  struct Redeemer {
    std::string device;
    std::unique_ptr<PrizeBucket> bucket;
    int index = 0;
  };
  std::vector<Redeemer> redeemers;
  for (std::size_t d = 0; d < devices.size(); ++d)
    for (int t = 0; t < kThreadsPerDevice; ++t)
      redeemers.push_back({devices[d], open_prize_bucket(*connections[d]), static_cast<int>(redeemers.size())});
  const std::size_t n = redeemers.size();
  ASSERT_EQ(n, 20u);

  std::string code;
  std::vector<HubRedemption> results(n);
  // Every round: the main thread registers a fresh code, then all 20 are released at once.
  std::barrier start(static_cast<std::ptrdiff_t>(n + 1));
  std::barrier done(static_cast<std::ptrdiff_t>(n + 1));
  std::vector<std::thread> threads;
  for (Redeemer& redeemer : redeemers)
    threads.emplace_back([&, index = redeemer.index] {
      for (int round = 0; round < kRounds; ++round) {
        start.arrive_and_wait();
        Redeemer& me = redeemers[static_cast<std::size_t>(index)];
        results[static_cast<std::size_t>(index)] = redeem_on_hub(*me.bucket, code, me.device, 1'000'000 + 1'000 * round + index);
        done.arrive_and_wait();
      }
    });

  const auto began = std::chrono::steady_clock::now();
  int bad_rounds = 0;
  for (int round = 0; round < kRounds; ++round) {
    code = new_voucher_code();
    std::string error;
    const VoucherRecord record{code, "kiosk-2", true, 1, 1, std::nullopt, "", "", {}};
    // No ASSERT inside the rounds: the threads wait at the barriers for every round.
    EXPECT_EQ(booth.desk_bucket->create_voucher(record, error), PrizeBucket::Create::Created) << error;
    start.arrive_and_wait();
    done.arrive_and_wait();

    int winners = 0;
    const HubRedemption* winner = nullptr;
    for (const HubRedemption& result : results)
      if (result.outcome == HubRedemption::Outcome::Redeemed) {
        ++winners;
        winner = &result;
      }
    EXPECT_EQ(winners, 1) << "round " << round << " code " << code;
    if (winners != 1) {
      ++bad_rounds;
      continue;
    }
    const PrizeBucket::VoucherRead stored = booth.desk_bucket->read_voucher(code);
    if (!stored.record) {
      ADD_FAILURE() << "round " << round << ": " << stored.error;
      continue;
    }
    for (std::size_t i = 0; i < n; ++i) {
      const HubRedemption& result = results[i];
      EXPECT_EQ(result.code, code);
      EXPECT_EQ(result.issued_by, "kiosk-2");
      if (&result == winner) {
        EXPECT_EQ(stored.record->redeemed_by, redeemers[i].device) << "the hub keeps the winner's device";
        EXPECT_EQ(stored.record->redeemed_at_ms, result.at_ms) << "and its time";
        continue;
      }
      EXPECT_EQ(result.outcome, HubRedemption::Outcome::AlreadyRedeemed) << "round " << round << " redeemer " << i << ": " << result.error;
      EXPECT_EQ(result.redeemed_by, stored.record->redeemed_by) << "round " << round << " names where it was redeemed";
      EXPECT_EQ(result.at_ms, *stored.record->redeemed_at_ms) << "round " << round << " says when";
    }
    EXPECT_TRUE(stored.record->late.empty());
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(bad_rounds, 0);
  EXPECT_LT(std::chrono::steady_clock::now() - began, std::chrono::seconds(60));
}

}  // namespace
}  // namespace openday
