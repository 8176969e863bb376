#pragma once
// The staff PIN: stored only as a slow salted hash (libsodium's crypto_pwhash_str, Argon2id),
// five wrong PINs lock the keypad for 60 s, and the count and the lock survive restarts
// (they live in the database). Every attempt is logged.
#include <cstdint>
#include <string>
#include <string_view>

#include "core/event_log.h"
#include "core/sqlite.h"

namespace openday {

inline constexpr int kMaxPinFailures = 5;
inline constexpr std::int64_t kPinLockoutMs = 60'000;

// 4 to 8 digits.
bool is_valid_pin(std::string_view pin);
std::string hash_pin(std::string_view pin);
bool pin_matches(const std::string& hash, std::string_view pin);

struct PinCheck {
  enum class Outcome { Accepted, Wrong, Locked, NoPin };
  Outcome outcome = Outcome::NoPin;
  int failures = 0;                 // wrong PINs in a row
  std::int64_t locked_until_ms = 0;  // when Locked (or just locked by this attempt)
};

// Inside a durable transaction: checks the PIN, counts failures, locks after five, logs it.
PinCheck check_pin(DurableTransaction& tx, std::string_view pin, std::int64_t now_ms);
// Inside a durable transaction: whether a PIN is set, and the current lock.
PinCheck pin_status(DurableTransaction& tx, std::int64_t now_ms);

// For `openday set-pin` (its own immediate transaction): sets the PIN, clears the lock.
void set_pin(Database& db, std::string_view pin);

}  // namespace openday
