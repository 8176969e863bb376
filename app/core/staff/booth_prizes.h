#pragma once
// What staff mode reaches of the booth's prize stock on the hub (issue 27), through the
// device's uplink: redemptions and stock changes are answered on the uplink's thread; staff
// work waits for them off the UI thread, and never longer than kBoothPrizeWait.
#include <chrono>
#include <cstdint>
#include <functional>
#include <future>
#include <optional>
#include <string>

#include "core/booth/prize_bucket.h"

namespace openday {

inline constexpr std::chrono::milliseconds kBoothPrizeWait{4000};

struct BoothPrizeLink {
  std::function<std::future<HubRedemption>(std::string canonical_code, std::int64_t now_ms)> redeem;
  std::function<std::future<BoothStockChange>(std::int64_t wanted)> set_stock;
  std::function<std::optional<std::int64_t>()> booth_stock;  // as last read; never waits
  explicit operator bool() const { return redeem && set_stock && booth_stock; }
};

// The hub's answer, or Unreachable if it did not come within the wait.
template <typename T>
std::optional<T> await_hub(std::future<T> answer) {
  if (!answer.valid() || answer.wait_for(kBoothPrizeWait) != std::future_status::ready) return std::nullopt;
  try {
    return answer.get();
  } catch (const std::future_error&) {
    return std::nullopt;  // the uplink stopped before it answered
  }
}

}  // namespace openday
