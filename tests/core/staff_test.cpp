#include "core/staff.h"

#include <gtest/gtest.h>

#include "core/store.h"
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

}  // namespace
}  // namespace openday
