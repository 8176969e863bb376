#pragma once
// A code redeemed more than once (issue 27), as plain data: screens and reports show it without
// seeing SQLite (prize_reserve_store.h reads it from a database).
#include <cstdint>
#include <string>
#include <vector>

namespace openday {

struct DoubleRedemption {
  std::string code;
  struct Where {
    std::string kiosk_id;
    std::int64_t at_ms = 0;
  };
  std::vector<Where> redemptions;  // oldest first
};

}  // namespace openday
