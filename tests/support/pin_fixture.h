#pragma once
// Staff PINs for tests: hashed at libsodium's least Argon2id cost, so that a test checks a PIN in
// a millisecond. Production code never uses this cost: hash_pin() and set_pin() always take
// kPinHashCost (one test measures it), and a kiosk brings a cheap stored hash up to it on the
// next right PIN unless a test tells its StaffService otherwise (set_pin_hash_cost).
#include <sodium.h>

#include <string>
#include <string_view>

#include "core/staff/staff.h"
#include "core/visits/sqlite.h"

namespace openday::testing {

inline constexpr PinHashCost kCheapPinCost{crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};

inline std::string cheap_pin_hash(std::string_view pin) { return hash_pin_with(pin, kCheapPinCost); }

inline void set_cheap_pin(Database& db, std::string_view pin) { set_pin_hash(db, cheap_pin_hash(pin), pin.size()); }

}  // namespace openday::testing
