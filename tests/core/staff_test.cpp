#include "core/staff/staff.h"

#include <gtest/gtest.h>

#include "core/visits/event_log.h"
#include "core/visits/store.h"
#include "support/temp_dir.h"

namespace openday {
namespace {

using testing::TempDir;

TEST(Pin, OnlyASlowSaltedHashIsStored) {
  const std::string a = hash_pin("1234");
  const std::string b = hash_pin("1234");
  EXPECT_NE(a, b) << "salted: the same PIN hashes differently";
  EXPECT_EQ(a.rfind("$argon2id$", 0), 0u) << a;
  EXPECT_EQ(a.find("1234"), std::string::npos);
  EXPECT_TRUE(pin_matches(a, "1234"));
  EXPECT_FALSE(pin_matches(a, "1235"));
  EXPECT_TRUE(is_valid_pin("0000"));
  EXPECT_TRUE(is_valid_pin("12345678"));
  EXPECT_FALSE(is_valid_pin("123"));
  EXPECT_FALSE(is_valid_pin("12a4"));
}

class PinStore : public ::testing::Test {
 protected:
  PinCheck check(EventLog& log, const std::string& pin, std::int64_t now) {
    PinCheck result;
    const auto done = log.run_durable([&](DurableTransaction& tx) { result = check_pin(tx, pin, now); }).get();
    EXPECT_TRUE(done.committed) << done.error;
    return result;
  }
  void set(const std::string& pin) {
    OpenedStore store = open_store_for_writing(dir / "staff.db");
    set_pin(store.db, pin);
  }
  TempDir dir;
};

TEST_F(PinStore, NoPinSetSaysSoAndIsLogged) {
  EventLog log({dir / "staff.db", "k"});
  EXPECT_EQ(check(log, "1234", 1000).outcome, PinCheck::Outcome::NoPin);
  log.flush();
  EXPECT_EQ(open_store_read_only(dir / "staff.db").query_text("SELECT target FROM events WHERE type = 'staff_sign_in_failed'"), "no_pin_set");
}

TEST_F(PinStore, FiveWrongPinsLockForAMinuteEvenAcrossRestarts) {
  set("2468");
  const std::int64_t t0 = 1'000'000;
  {
    EventLog log({dir / "staff.db", "k"});
    EXPECT_EQ(check(log, "2468", t0).outcome, PinCheck::Outcome::Accepted);
    for (int i = 1; i <= 4; ++i) {
      const PinCheck wrong = check(log, "0000", t0 + i);
      EXPECT_EQ(wrong.outcome, PinCheck::Outcome::Wrong);
      EXPECT_EQ(wrong.failures, i);
    }
    const PinCheck fifth = check(log, "0000", t0 + 5);
    EXPECT_EQ(fifth.outcome, PinCheck::Outcome::Locked);
    EXPECT_EQ(fifth.locked_until_ms, t0 + 5 + kPinLockoutMs);
  }
  // A restart does not lift the lock; even the right PIN waits.
  EventLog log({dir / "staff.db", "k"});
  EXPECT_EQ(check(log, "2468", t0 + 30'000).outcome, PinCheck::Outcome::Locked);
  EXPECT_EQ(check(log, "2468", t0 + 5 + kPinLockoutMs).outcome, PinCheck::Outcome::Accepted);
  log.flush();
  Database db = open_store_read_only(dir / "staff.db");
  EXPECT_EQ(db.query_int("SELECT count(*) FROM events WHERE type = 'staff_sign_in'"), 2);
  EXPECT_EQ(db.query_int("SELECT count(*) FROM events WHERE type = 'staff_sign_in_failed'"), 6) << "every attempt is logged";
  EXPECT_EQ(db.query_int("SELECT count(*) FROM settings WHERE value LIKE '%2468%'"), 0);
}

TEST_F(PinStore, SettingThePinClearsALock) {
  set("1111");
  {
    EventLog log({dir / "staff.db", "k"});
    for (int i = 0; i < 5; ++i) check(log, "9999", 100 + i);
    EXPECT_EQ(check(log, "1111", 200).outcome, PinCheck::Outcome::Locked);
  }
  set("2222");
  EventLog log({dir / "staff.db", "k"});
  EXPECT_EQ(check(log, "2222", 300).outcome, PinCheck::Outcome::Accepted);
}

// The lockout as one running kiosk counts it: the monotonic clock decides, the wall clock
// may jump either way (an NTP fix, a staff member setting the time).
class PinClockTest : public PinStore {
 protected:
  PinCheck attempt(EventLog& log, PinLockout& lockout, const std::string& pin, PinClock now) {
    PinCheck result;
    PinLockout next = lockout;
    const auto done = log.run_durable([&](DurableTransaction& tx) { result = check_pin(tx, next, pin, now); }).get();
    EXPECT_TRUE(done.committed) << done.error;
    lockout = next;
    return result;
  }
  void lock(EventLog& log, PinLockout& lockout, PinClock now) {
    for (int i = 0; i < kMaxPinFailures; ++i) attempt(log, lockout, "0000", now);
    ASSERT_EQ(attempt(log, lockout, "2468", now).outcome, PinCheck::Outcome::Locked);
  }
  static constexpr std::int64_t kHour = 3'600'000;
  const std::int64_t wall = 1'800'000'000'000;
  const std::int64_t steady = 5'000;
};

TEST_F(PinClockTest, SettingTheClockForwardDoesNotEndALockEarly) {
  set("2468");
  EventLog log({dir / "staff.db", "k"});
  PinLockout lockout;
  lock(log, lockout, {wall, steady});
  EXPECT_EQ(attempt(log, lockout, "2468", {wall + kHour, steady + 10'000}).outcome, PinCheck::Outcome::Locked);
  EXPECT_EQ(attempt(log, lockout, "2468", {wall + kHour, steady + kPinLockoutMs + 1}).outcome, PinCheck::Outcome::Accepted);
}

TEST_F(PinClockTest, SettingTheClockBackDoesNotExtendALock) {
  set("2468");
  EventLog log({dir / "staff.db", "k"});
  PinLockout lockout;
  lock(log, lockout, {wall, steady});
  const PinCheck during = attempt(log, lockout, "2468", {wall - kHour, steady + 20'000});
  EXPECT_EQ(during.outcome, PinCheck::Outcome::Locked);
  EXPECT_LE(during.locked_until_ms - (wall - kHour), kPinLockoutMs - 20'000) << "the wait shown stays within the lock";
  EXPECT_EQ(attempt(log, lockout, "2468", {wall - kHour, steady + kPinLockoutMs + 1}).outcome, PinCheck::Outcome::Accepted);
}

TEST_F(PinClockTest, APersistedLockNeverExceedsItsLengthAfterARestart) {
  set("2468");
  {
    EventLog log({dir / "staff.db", "k"});
    PinLockout lockout;
    lock(log, lockout, {wall, steady});
  }
  // Restarted with the clock set back by a day: the lock is still on, but no longer than its length.
  EventLog log({dir / "staff.db", "k"});
  PinLockout fresh;
  const PinCheck after_restart = attempt(log, fresh, "2468", {wall - 24 * kHour, 100});
  EXPECT_EQ(after_restart.outcome, PinCheck::Outcome::Locked);
  EXPECT_LE(after_restart.locked_until_ms - (wall - 24 * kHour), kPinLockoutMs);
  EXPECT_EQ(attempt(log, fresh, "2468", {wall - 24 * kHour, 100 + kPinLockoutMs + 1}).outcome, PinCheck::Outcome::Accepted);
}

}  // namespace
}  // namespace openday
