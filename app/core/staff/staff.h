#pragma once
// The staff PIN: stored only as a slow salted hash (libsodium's crypto_pwhash_str, Argon2id),
// five wrong PINs lock the keypad for 60 s (by the monotonic clock), and the count and the lock
// survive restarts (they live in the database). Every attempt is logged; a full disk does not
// turn the lockout off.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/visits/durable_store.h"

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

// Both clocks at one instant: the wall clock (UTC ms) for what is stored and shown, the
// monotonic clock (ms since any start) for how long a lock still runs.
struct PinClock {
  std::int64_t wall_ms = 0;
  std::int64_t steady_ms = 0;
};
PinClock pin_clock_now();

// The lockout as one running kiosk counts it. While the process runs the monotonic clock
// decides when a lock ends, so setting the wall clock forward or back neither ends nor extends
// it; the database keeps a copy for a restart, and a persisted lock is never taken as longer
// than kPinLockoutMs. When the disk cannot be written the count goes on in memory (fail
// closed) and the attempts wait in `unsaved` until they can be written.
struct PinLockout {
  bool loaded = false;  // read from the database (once per process)
  int failures = 0;
  std::int64_t locked_until_steady_ms = 0;  // 0: not locked
  std::vector<Event> unsaved;               // attempts not yet in the database
};

// How long the lock still runs (0: not locked), by the monotonic clock alone.
std::int64_t lock_left_ms(const PinLockout& lockout, PinClock now);

// Inside a durable transaction: checks the PIN, counts failures, locks after five, logs the
// attempt (and any unsaved ones), and saves the count and lock.
PinCheck check_pin(DurableTransaction& tx, PinLockout& lockout, std::string_view pin, PinClock now);
// Inside a durable transaction: whether a PIN is set, and the current lock (saving what waits).
PinCheck pin_status(DurableTransaction& tx, PinLockout& lockout, PinClock now);
// Inside a durable transaction: writes the unsaved attempts and the current count and lock.
void save_pin_lockout(DurableTransaction& tx, PinLockout& lockout, PinClock now);

// When the database cannot be written: checks the PIN against the hash read read-only and
// counts in memory exactly as check_pin() would. persisted: the stored failures and lock
// (for a first use after a restart), read with the hash.
struct StoredPin {
  std::optional<std::string> hash;
  int failures = 0;
  std::int64_t locked_until_ms = 0;
};
StoredPin read_stored_pin(const Database& db);
PinCheck check_pin_offline(PinLockout& lockout, const StoredPin& stored, std::string_view pin, PinClock now);

// Single checks with nothing kept in memory (as after a restart): the wall clock serves as both
// clocks. For tools and tests.
PinCheck check_pin(DurableTransaction& tx, std::string_view pin, std::int64_t now_ms);
PinCheck pin_status(DurableTransaction& tx, std::int64_t now_ms);

// For `openday set-pin` (its own immediate transaction): sets the PIN, clears the lock.
void set_pin(Database& db, std::string_view pin);

}  // namespace openday
