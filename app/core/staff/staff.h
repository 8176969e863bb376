#pragma once
// The staff PIN: 6 to 12 digits, stored only as a slow salted hash (libsodium's
// crypto_pwhash_str, Argon2id at 64 MiB), so that a stolen database does not give it away in
// minutes. Five wrong PINs lock the keypad, each lock longer than the last (60 s, 5 min, 15 min,
// then 60 min) until the right PIN is entered; the lock runs by the monotonic clock, and the
// count, the lock and its level survive restarts (they live in the database). Every attempt is
// logged; a full disk does not turn the lockout off.
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/visits/durable_store.h"

namespace openday {

inline constexpr int kMaxPinFailures = 5;
// The first lock; each further lock (five more wrong PINs after one ran out) is the next step,
// and the last step repeats.
inline constexpr std::int64_t kPinLockoutMs = 60'000;
inline constexpr std::array<std::int64_t, 4> kPinLockSteps = {kPinLockoutMs, 5 * 60'000, 15 * 60'000, 60 * 60'000};
// How long the lock of `level` lasts (level 1: the first lock; 0 counts as 1, as in databases
// written before locks grew).
std::int64_t pin_lock_ms(int level);

inline constexpr std::size_t kMinPinDigits = 6;
inline constexpr std::size_t kMaxPinDigits = 12;
// kMinPinDigits to kMaxPinDigits digits.
bool is_valid_pin(std::string_view pin);
// The rule in words, for an error message.
std::string pin_rule();

// What one guess costs (Argon2id): kPinHashCost is what every PIN is hashed with, 64 MiB and
// t = 24 passes: 0.56 s on the kiosk's two-core machine when idle (best of three; t = 10 took
// 0.25 s, t = 4 0.1 s; `bench_pin_cost` prints it). A hash keeps its own cost in its text, so
// checking a stored hash takes that hash's cost (tests store cheap ones with hash_pin_with()).
struct PinHashCost {
  unsigned long long ops = 0;
  std::size_t memory_bytes = 0;
};
inline constexpr PinHashCost kPinHashCost{24, std::size_t{64} << 20};
std::string hash_pin(std::string_view pin);
std::string hash_pin_with(std::string_view pin, PinHashCost cost);
bool pin_matches(const std::string& hash, std::string_view pin);
// Whether a stored hash was made with another cost than `cost` (an older, weaker one).
bool pin_hash_needs_rehash(const std::string& hash, PinHashCost cost);

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
// than the lock of its level (pin_lock_ms). When the disk cannot be written the count goes on in
// memory (fail closed) and the attempts wait in `unsaved` until they can be written.
struct PinLockout {
  bool loaded = false;  // read from the database (once per process)
  int failures = 0;
  int level = 0;  // locks since the last right PIN: the next lock is pin_lock_ms(level + 1)
  std::int64_t locked_until_steady_ms = 0;  // 0: not locked
  std::vector<Event> unsaved;               // attempts not yet in the database
};

// How long the lock still runs (0: not locked), by the monotonic clock alone.
std::int64_t lock_left_ms(const PinLockout& lockout, PinClock now);

// Inside a durable transaction: checks the PIN, counts failures, locks after five, logs the
// attempt (and any unsaved ones), and saves the count and lock. A right PIN whose stored hash
// has another cost than `rehash_to` (an older, weaker one) is hashed again with it in the same
// transaction, and its length is noted for the doctor.
PinCheck check_pin(DurableTransaction& tx, PinLockout& lockout, std::string_view pin, PinClock now,
                   PinHashCost rehash_to = kPinHashCost);
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
  int level = 0;
  std::int64_t locked_until_ms = 0;
  // Whether the PIN is shorter than kMinPinDigits: unknown for a PIN set by an older version
  // until it is first entered right.
  std::optional<bool> too_short;
};
StoredPin read_stored_pin(const Database& db);
PinCheck check_pin_offline(PinLockout& lockout, const StoredPin& stored, std::string_view pin, PinClock now);

// Single checks with nothing kept in memory (as after a restart): the wall clock serves as both
// clocks. For tools and tests.
PinCheck check_pin(DurableTransaction& tx, std::string_view pin, std::int64_t now_ms, PinHashCost rehash_to = kPinHashCost);
PinCheck pin_status(DurableTransaction& tx, std::int64_t now_ms);

// For `openday set-pin` (its own immediate transaction): sets the PIN, clears the lock and its
// level. Throws std::invalid_argument for a PIN that breaks the rule.
void set_pin(Database& db, std::string_view pin);
// set_pin()'s second half: stores a hash made already (tests store cheap ones) for a PIN of
// `digits` digits.
void set_pin_hash(Database& db, const std::string& hash, std::size_t digits);

}  // namespace openday
