#include "core/staff.h"

#include <sodium.h>

#include <algorithm>
#include <optional>
#include <stdexcept>

namespace openday {
namespace {

// Slow enough to make guessing offline costly, small enough not to stall a kiosk's memory.
constexpr unsigned long long kOpsLimit = 4;
constexpr std::size_t kMemLimit = 8u << 20;

constexpr std::string_view kPinHash = "staff.pin_hash";
constexpr std::string_view kFailures = "staff.pin_failures";
constexpr std::string_view kLockedUntil = "staff.pin_locked_until_ms";

std::optional<std::string> read_setting(const Database& db, std::string_view key) {
  Statement read = db.prepare("SELECT value FROM settings WHERE key = ?1");
  read.bind(1, key);
  if (!read.step()) return std::nullopt;
  return read.column_text(0);
}

void write_setting(Database& db, std::string_view key, const std::string& value) {
  Statement write = db.prepare("INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
  write.bind(1, key).bind(2, value);
  write.run();
}

std::int64_t read_number(const Database& db, std::string_view key) {
  const auto text = read_setting(db, key);
  return text ? std::stoll(*text) : 0;
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

PinCheck pin_status(DurableTransaction& tx, std::int64_t now_ms) {
  PinCheck status;
  Database& db = tx.db();
  if (!read_setting(db, kPinHash)) return status;
  status.failures = static_cast<int>(read_number(db, kFailures));
  status.locked_until_ms = read_number(db, kLockedUntil);
  status.outcome = now_ms < status.locked_until_ms ? PinCheck::Outcome::Locked : PinCheck::Outcome::Wrong;
  return status;
}

PinCheck check_pin(DurableTransaction& tx, std::string_view pin, std::int64_t now_ms) {
  Database& db = tx.db();
  PinCheck result = pin_status(tx, now_ms);
  Event attempt;
  attempt.at_ms = now_ms;
  if (result.outcome == PinCheck::Outcome::NoPin || result.outcome == PinCheck::Outcome::Locked) {
    attempt.type = EventType::StaffSignInFailed;
    attempt.target = result.outcome == PinCheck::Outcome::NoPin ? "no_pin_set" : "locked";
    attempt.value = result.failures;
    tx.add_event(std::move(attempt));
    return result;
  }
  if (pin_matches(*read_setting(db, kPinHash), pin)) {
    write_setting(db, kFailures, "0");
    write_setting(db, kLockedUntil, "0");
    attempt.type = EventType::StaffSignIn;
    tx.add_event(std::move(attempt));
    return {PinCheck::Outcome::Accepted, 0, 0};
  }
  result.failures += 1;
  result.outcome = PinCheck::Outcome::Wrong;
  if (result.failures >= kMaxPinFailures) {
    result.outcome = PinCheck::Outcome::Locked;
    result.locked_until_ms = now_ms + kPinLockoutMs;
    result.failures = 0;  // after the lock, five more tries
    write_setting(db, kLockedUntil, std::to_string(result.locked_until_ms));
  }
  write_setting(db, kFailures, std::to_string(result.failures));
  attempt.type = EventType::StaffSignInFailed;
  attempt.target = result.outcome == PinCheck::Outcome::Locked ? "wrong_then_locked" : "wrong";
  attempt.value = result.outcome == PinCheck::Outcome::Locked ? kMaxPinFailures : result.failures;
  tx.add_event(std::move(attempt));
  return result;
}

void set_pin(Database& db, std::string_view pin) {
  if (!is_valid_pin(pin)) throw std::invalid_argument("a PIN is 4 to 8 digits");
  const std::string hash = hash_pin(pin);
  db.exec("BEGIN IMMEDIATE", "starting to set the PIN");
  try {
    write_setting(db, kPinHash, hash);
    write_setting(db, kFailures, "0");
    write_setting(db, kLockedUntil, "0");
    db.exec("COMMIT", "saving the PIN");
  } catch (...) {
    sqlite3_exec(db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

}  // namespace openday
