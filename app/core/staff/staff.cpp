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

constexpr std::string_view kPinHash = "staff.pin_hash";
constexpr std::string_view kFailures = "staff.pin_failures";
constexpr std::string_view kLockLevel = "staff.pin_lock_level";
constexpr std::string_view kLockedUntil = "staff.pin_locked_until_ms";
// "1" when the PIN is shorter than kMinPinDigits, "0" when not; missing for a PIN set by an
// older version until it is entered right (only whether it is short is kept, not its length).
constexpr std::string_view kTooShort = "staff.pin_too_short";

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

std::int64_t pin_lock_ms(int level) {
  const int step = std::clamp(level, 1, static_cast<int>(kPinLockSteps.size())) - 1;
  return kPinLockSteps[static_cast<std::size_t>(step)];
}

bool is_valid_pin(std::string_view pin) {
  return pin.size() >= kMinPinDigits && pin.size() <= kMaxPinDigits &&
         std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string pin_rule() {
  return "a PIN is " + std::to_string(kMinPinDigits) + " to " + std::to_string(kMaxPinDigits) + " digits";
}

std::string hash_pin(std::string_view pin) { return hash_pin_with(pin, kPinHashCost); }

std::string hash_pin_with(std::string_view pin, PinHashCost cost) {
  ensure_sodium();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, pin.data(), pin.size(), cost.ops, cost.memory_bytes) != 0)
    throw std::runtime_error("not enough memory to hash the PIN (" + std::to_string(cost.memory_bytes >> 20) + " MiB)");
  return out;
}

bool pin_matches(const std::string& hash, std::string_view pin) {
  ensure_sodium();
  return crypto_pwhash_str_verify(hash.c_str(), pin.data(), pin.size()) == 0;
}

bool pin_hash_needs_rehash(const std::string& hash, PinHashCost cost) {
  ensure_sodium();
  return crypto_pwhash_str_needs_rehash(hash.c_str(), cost.ops, cost.memory_bytes) != 0;
}

PinClock pin_clock_now() {
  const auto steady = std::chrono::steady_clock::now().time_since_epoch();
  return {utc_now_ms(), std::chrono::duration_cast<std::chrono::milliseconds>(steady).count()};
}

StoredPin read_stored_pin(const Database& db) {
  StoredPin stored;
  stored.hash = read_setting(db, kPinHash);
  stored.failures = static_cast<int>(read_number(db, kFailures));
  stored.level = static_cast<int>(std::clamp<std::int64_t>(read_number(db, kLockLevel), 0, kPinLockSteps.size()));
  stored.locked_until_ms = read_number(db, kLockedUntil);
  if (const auto short_pin = read_setting(db, kTooShort)) stored.too_short = *short_pin == "1";
  return stored;
}

namespace {

// The first use in a process takes the stored count, lock and level; a stored lock runs on for
// what is left of it by the wall clock, but never longer than the lock of its level lasts (the
// clock may have been set back while the kiosk was off).
void load_once(PinLockout& lockout, const StoredPin& stored, PinClock now) {
  if (lockout.loaded) return;
  lockout.loaded = true;
  lockout.failures = std::clamp(stored.failures, 0, kMaxPinFailures - 1);
  lockout.level = stored.level;
  const std::int64_t left = std::clamp<std::int64_t>(stored.locked_until_ms - now.wall_ms, 0, pin_lock_ms(stored.level));
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
    lockout.level = 0;
    lockout.locked_until_steady_ms = 0;
    attempt.type = EventType::StaffSignIn;
    return {PinCheck::Outcome::Accepted, 0, 0};
  }
  lockout.failures += 1;
  result.failures = lockout.failures;
  result.outcome = PinCheck::Outcome::Wrong;
  if (lockout.failures >= kMaxPinFailures) {
    lockout.failures = 0;  // after the lock, five more tries
    lockout.level = std::min(lockout.level + 1, static_cast<int>(kPinLockSteps.size()));
    const std::int64_t lock_ms = pin_lock_ms(lockout.level);
    lockout.locked_until_steady_ms = now.steady_ms + lock_ms;
    result = {PinCheck::Outcome::Locked, 0, now.wall_ms + lock_ms};
  }
  attempt.type = EventType::StaffSignInFailed;
  attempt.target = result.outcome == PinCheck::Outcome::Locked ? "wrong_then_locked" : "wrong";
  attempt.value = result.outcome == PinCheck::Outcome::Locked ? kMaxPinFailures : result.failures;
  return result;
}

void write_lockout(Database& db, const PinLockout& lockout, PinClock now) {
  const std::int64_t left = lock_left_ms(lockout, now);
  write_setting(db, kFailures, std::to_string(lockout.failures));
  write_setting(db, kLockLevel, std::to_string(lockout.level));
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

namespace {

// After a right PIN: a hash of an older cost is replaced by one of today's, and whether the PIN
// is too short is noted once its length is known.
void renew_pin_hash(Database& db, const StoredPin& stored, std::string_view pin, PinHashCost cost) {
  if (pin_hash_needs_rehash(*stored.hash, cost)) write_setting(db, kPinHash, hash_pin_with(pin, cost));
  const bool too_short = pin.size() < kMinPinDigits;
  if (stored.too_short != too_short) write_setting(db, kTooShort, too_short ? "1" : "0");
}

}  // namespace

PinCheck check_pin(DurableTransaction& tx, PinLockout& lockout, std::string_view pin, PinClock now, PinHashCost rehash_to) {
  const StoredPin stored = read_stored_pin(tx.db());
  load_once(lockout, stored, now);
  Event attempt;
  const PinCheck result = decide(lockout, stored, pin, now, attempt);
  if (result.outcome == PinCheck::Outcome::Accepted) renew_pin_hash(tx.db(), stored, pin, rehash_to);
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

PinCheck check_pin(DurableTransaction& tx, std::string_view pin, std::int64_t now_ms, PinHashCost rehash_to) {
  PinLockout fresh;
  return check_pin(tx, fresh, pin, {now_ms, now_ms}, rehash_to);
}

void set_pin(Database& db, std::string_view pin) {
  if (!is_valid_pin(pin)) throw std::invalid_argument(pin_rule());
  set_pin_hash(db, hash_pin(pin), pin.size());
}

void set_pin_hash(Database& db, const std::string& hash, std::size_t digits) {
  db.write_transaction("starting to set the PIN", "saving the PIN", [&] {
    write_setting(db, kPinHash, hash);
    write_setting(db, kTooShort, digits < kMinPinDigits ? "1" : "0");
    write_setting(db, kFailures, "0");
    write_setting(db, kLockLevel, "0");
    write_setting(db, kLockedUntil, "0");
  });
}

}  // namespace openday
