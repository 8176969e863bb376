#include "core/staff/staff.h"

#include <sodium.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <optional>
#include <stdexcept>

#include "core/visits/sqlite.h"
#include "core/visits/store.h"

namespace openday {
namespace {

// Slow enough to make guessing offline costly, small enough not to stall a kiosk's memory.
constexpr unsigned long long kOpsLimit = 4;
constexpr std::size_t kMemLimit = 8u << 20;

constexpr std::string_view kPinHash = "staff.pin_hash";
constexpr std::string_view kFailures = "staff.pin_failures";
constexpr std::string_view kLockedUntil = "staff.pin_locked_until_ms";

// A stored number; 0 when missing or not a number (a hand-edited settings row must not throw).
std::int64_t read_number(const Database& db, std::string_view key) {
  const auto text = read_setting(db, key);
  if (!text) return 0;
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  return ec == std::errc() && end == text->data() + text->size() ? value : 0;
}

void ensure_sodium() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
}

}  // namespace

bool is_valid_pin(std::string_view pin) {
  return pin.size() >= 4 && pin.size() <= 8 && std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string hash_pin(std::string_view pin) {
  ensure_sodium();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, pin.data(), pin.size(), kOpsLimit, kMemLimit) != 0)
    throw std::runtime_error("not enough memory to hash the PIN");
  return out;
}

bool pin_matches(const std::string& hash, std::string_view pin) {
  ensure_sodium();
  return crypto_pwhash_str_verify(hash.c_str(), pin.data(), pin.size()) == 0;
}

PinClock pin_clock_now() {
  const auto steady = std::chrono::steady_clock::now().time_since_epoch();
  return {utc_now_ms(), std::chrono::duration_cast<std::chrono::milliseconds>(steady).count()};
}

StoredPin read_stored_pin(const Database& db) {
  StoredPin stored;
  stored.hash = read_setting(db, kPinHash);
  stored.failures = static_cast<int>(read_number(db, kFailures));
  stored.locked_until_ms = read_number(db, kLockedUntil);
  return stored;
}

namespace {

// The first use in a process takes the stored count and lock; a stored lock runs on for what
// is left of it by the wall clock, but never longer than a lock lasts (the clock may have been
// set back while the kiosk was off).
void load_once(PinLockout& lockout, const StoredPin& stored, PinClock now) {
  if (lockout.loaded) return;
  lockout.loaded = true;
  lockout.failures = std::clamp(stored.failures, 0, kMaxPinFailures - 1);
  const std::int64_t left = std::clamp<std::int64_t>(stored.locked_until_ms - now.wall_ms, 0, kPinLockoutMs);
  lockout.locked_until_steady_ms = left > 0 ? now.steady_ms + left : 0;
}

}  // namespace

std::int64_t lock_left_ms(const PinLockout& lockout, PinClock now) {
  return std::max<std::int64_t>(0, lockout.locked_until_steady_ms - now.steady_ms);
}

namespace {

PinCheck status_of(const PinLockout& lockout, const StoredPin& stored, PinClock now) {
  PinCheck status;
  if (!stored.hash) return status;
  status.failures = lockout.failures;
  const std::int64_t left = lock_left_ms(lockout, now);
  status.outcome = left > 0 ? PinCheck::Outcome::Locked : PinCheck::Outcome::Wrong;
  status.locked_until_ms = left > 0 ? now.wall_ms + left : 0;
  return status;
}

// One attempt against the lockout in memory; attempt is filled in for the log.
PinCheck decide(PinLockout& lockout, const StoredPin& stored, std::string_view pin, PinClock now, Event& attempt) {
  PinCheck result = status_of(lockout, stored, now);
  attempt.at_ms = now.wall_ms;
  if (result.outcome == PinCheck::Outcome::NoPin || result.outcome == PinCheck::Outcome::Locked) {
    attempt.type = EventType::StaffSignInFailed;
    attempt.target = result.outcome == PinCheck::Outcome::NoPin ? "no_pin_set" : "locked";
    attempt.value = result.failures;
    return result;
  }
  if (pin_matches(*stored.hash, pin)) {
    lockout.failures = 0;
    lockout.locked_until_steady_ms = 0;
    attempt.type = EventType::StaffSignIn;
    return {PinCheck::Outcome::Accepted, 0, 0};
  }
  lockout.failures += 1;
  result.failures = lockout.failures;
  result.outcome = PinCheck::Outcome::Wrong;
  if (lockout.failures >= kMaxPinFailures) {
    lockout.failures = 0;  // after the lock, five more tries
    lockout.locked_until_steady_ms = now.steady_ms + kPinLockoutMs;
    result = {PinCheck::Outcome::Locked, 0, now.wall_ms + kPinLockoutMs};
  }
  attempt.type = EventType::StaffSignInFailed;
  attempt.target = result.outcome == PinCheck::Outcome::Locked ? "wrong_then_locked" : "wrong";
  attempt.value = result.outcome == PinCheck::Outcome::Locked ? kMaxPinFailures : result.failures;
  return result;
}

void write_lockout(Database& db, const PinLockout& lockout, PinClock now) {
  const std::int64_t left = lock_left_ms(lockout, now);
  write_setting(db, kFailures, std::to_string(lockout.failures));
  write_setting(db, kLockedUntil, std::to_string(left > 0 ? now.wall_ms + left : 0));
}

}  // namespace

void save_pin_lockout(DurableTransaction& tx, PinLockout& lockout, PinClock now) {
  load_once(lockout, read_stored_pin(tx.db()), now);
  for (Event& attempt : lockout.unsaved) tx.add_event(std::move(attempt));
  lockout.unsaved.clear();
  write_lockout(tx.db(), lockout, now);
}

PinCheck pin_status(DurableTransaction& tx, PinLockout& lockout, PinClock now) {
  const StoredPin stored = read_stored_pin(tx.db());
  load_once(lockout, stored, now);
  if (!lockout.unsaved.empty()) save_pin_lockout(tx, lockout, now);
  return status_of(lockout, stored, now);
}

PinCheck check_pin(DurableTransaction& tx, PinLockout& lockout, std::string_view pin, PinClock now) {
  const StoredPin stored = read_stored_pin(tx.db());
  load_once(lockout, stored, now);
  Event attempt;
  const PinCheck result = decide(lockout, stored, pin, now, attempt);
  save_pin_lockout(tx, lockout, now);
  tx.add_event(std::move(attempt));
  return result;
}

PinCheck check_pin_offline(PinLockout& lockout, const StoredPin& stored, std::string_view pin, PinClock now) {
  load_once(lockout, stored, now);
  Event attempt;
  const PinCheck result = decide(lockout, stored, pin, now, attempt);
  lockout.unsaved.push_back(std::move(attempt));
  return result;
}

PinCheck pin_status(DurableTransaction& tx, std::int64_t now_ms) {
  PinLockout fresh;
  return pin_status(tx, fresh, {now_ms, now_ms});
}

PinCheck check_pin(DurableTransaction& tx, std::string_view pin, std::int64_t now_ms) {
  PinLockout fresh;
  return check_pin(tx, fresh, pin, {now_ms, now_ms});
}

void set_pin(Database& db, std::string_view pin) {
  if (!is_valid_pin(pin)) throw std::invalid_argument("a PIN is 4 to 8 digits");
  const std::string hash = hash_pin(pin);
  db.write_transaction("starting to set the PIN", "saving the PIN", [&] {
    write_setting(db, kPinHash, hash);
    write_setting(db, kFailures, "0");
    write_setting(db, kLockedUntil, "0");
  });
}

}  // namespace openday
