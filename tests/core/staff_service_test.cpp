#include "core/staff/staff_service.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <regex>
#include <thread>

#include "core/visits/event_log.h"
#include "core/visits/store.h"
#include "support/content_fixture.h"
#include "support/fault_vfs.h"
#include "support/pin_fixture.h"
#include "support/temp_dir.h"

namespace openday {
namespace {

using testing::TempDir;

class StaffServiceTest : public ::testing::Test {
 protected:
  void TearDown() override { testing::set_disk_fault(testing::DiskFault::None); }
  StaffPaths paths() { return {dir / "kiosk.db", dir / "content", dir / "q.json", dir / "exports"}; }
  TempDir dir;
};

TEST_F(StaffServiceTest, TheStockScreenReadsTheStockAfreshNotWhatWasLastSaved) {
  EventLog log({dir / "kiosk.db", "k"});
  StaffService staff(paths(), Config{}, log, [&] { return log.health(); });
  staff.set_stock(100);
  staff.wait();
  EXPECT_EQ(staff.stock(), 100);
  for (int session = 1; session <= 20; ++session)
    log.run_durable([session](DurableTransaction& tx) { issue_voucher(tx, session, 100, utc_now_ms()); }).get();
  staff.read_stock();
  staff.wait();
  EXPECT_EQ(staff.stock(), 80) << "twenty vouchers were issued since the save";
}

// A kiosk's first dashboard can be asked for while its writer has created the file but not yet
// its schema: the report waits for the writer instead of calling the file "not an OpenDay
// database" (and leaving that on the staff screen until the next refresh, 30 s later).
TEST_F(StaffServiceTest, TheFirstDashboardWaitsForTheWriterToCreateTheDatabase) {
  { Database half_made(dir / "kiosk.db", Database::Mode::ReadWriteCreate); }  // the file exists, user_version 0
  std::atomic<bool> writer_open = false;
  EventLog other({dir / "other.db", "k"});  // the service's store; the dashboard reads kiosk.db
  StaffService staff(paths(), Config{}, other, [&] {
    StoreHealth health;
    health.open = writer_open.load();
    return health;
  });
  staff.refresh_dashboard();
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  EXPECT_TRUE(staff.busy()) << "still waiting for the writer";
  open_store_for_writing(dir / "kiosk.db");  // the writer creates the schema
  writer_open = true;
  staff.wait();
  EXPECT_TRUE(staff.dashboard()) << staff.dashboard_error().value_or("");
  EXPECT_FALSE(staff.dashboard_error());
}

TEST_F(StaffServiceTest, ThePinStillWorksWhenTheDatabaseCannotBeWritten) {
  {
    OpenedStore store = open_store_for_writing(dir / "kiosk.db");
    testing::set_cheap_pin(store.db, "258025");
  }
  EventLog::Options options{dir / "kiosk.db", "k"};
  options.vfs = testing::fault_vfs_name();
  EventLog log(options);
  log.flush();
  StaffService staff(paths(), Config{}, log, [&] { return log.health(); });
  staff.set_pin_hash_cost(testing::kCheapPinCost);
  testing::set_disk_fault(testing::DiskFault::Full);
  staff.check_pin("258025", utc_now_ms());
  staff.wait();
  ASSERT_TRUE(staff.pin_result());
  EXPECT_EQ(staff.pin_result()->outcome, PinCheck::Outcome::Accepted) << "staff must reach the dashboard that explains the problem";
  staff.check_pin("111111", utc_now_ms());
  staff.wait();
  EXPECT_EQ(staff.pin_result()->outcome, PinCheck::Outcome::Wrong);
}

TEST_F(StaffServiceTest, AFullDiskStillLocksAfterFiveWrongPinsAndLogsEveryAttemptLater) {
  {
    OpenedStore store = open_store_for_writing(dir / "kiosk.db");
    testing::set_cheap_pin(store.db, "258025");
  }
  EventLog::Options options{dir / "kiosk.db", "k"};
  options.vfs = testing::fault_vfs_name();
  options.retry_interval = std::chrono::milliseconds(30);
  EventLog log(options);
  log.flush();
  StaffService staff(paths(), Config{}, log, [&] { return log.health(); });
  staff.set_pin_hash_cost(testing::kCheapPinCost);
  testing::set_disk_fault(testing::DiskFault::Full);
  for (int i = 1; i <= 8; ++i) {
    staff.check_pin("111111", utc_now_ms());
    staff.wait();
    ASSERT_TRUE(staff.pin_result());
    EXPECT_EQ(staff.pin_result()->outcome, i < kMaxPinFailures ? PinCheck::Outcome::Wrong : PinCheck::Outcome::Locked) << "attempt " << i;
  }
  staff.check_pin("258025", utc_now_ms());
  staff.wait();
  EXPECT_EQ(staff.pin_result()->outcome, PinCheck::Outcome::Locked) << "the ninth, right PIN must not open a locked keypad";

  testing::set_disk_fault(testing::DiskFault::None);
  auto failed_attempts = [&] {
    Database db = open_store_read_only(dir / "kiosk.db");
    return db.query_int("SELECT count(*) FROM events WHERE type = 'staff_sign_in_failed'").value_or(0);
  };
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (failed_attempts() < 9 && std::chrono::steady_clock::now() < until) {
    staff.poll();
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_EQ(failed_attempts(), 9) << "every attempt is written once the disk allows";
  Database db = open_store_read_only(dir / "kiosk.db");
  EXPECT_GT(db.query_int("SELECT CAST(value AS INTEGER) FROM settings WHERE key = 'staff.pin_locked_until_ms'").value_or(0), 0)
      << "the lock is kept for a restart too";
}

// A production hash takes over half a second: the keypad's frame only starts the check and
// polls for it, and a second 确定 meanwhile checks nothing twice.
TEST_F(StaffServiceTest, AProductionPinCheckRunsOffTheCallersThread) {
  {
    OpenedStore store = open_store_for_writing(dir / "kiosk.db");
    set_pin(store.db, "258025");
  }
  EventLog log({dir / "kiosk.db", "k"});
  StaffService staff(paths(), Config{}, log, [&] { return log.health(); });
  const auto start = std::chrono::steady_clock::now();
  staff.check_pin("258025", utc_now_ms());
  staff.check_pin("258025", utc_now_ms());
  staff.poll();
  const auto took = std::chrono::steady_clock::now() - start;
  EXPECT_LT(std::chrono::duration_cast<std::chrono::milliseconds>(took).count(), 100) << "a frame must not wait for the hash";
  EXPECT_TRUE(staff.pin_pending());
  staff.wait();
  ASSERT_TRUE(staff.pin_result());
  EXPECT_EQ(staff.pin_result()->outcome, PinCheck::Outcome::Accepted);
  log.flush();
  EXPECT_EQ(open_store_read_only(dir / "kiosk.db").query_int("SELECT count(*) FROM events WHERE type = 'staff_sign_in'"), 1)
      << "the double tap checked once";
}

TEST_F(StaffServiceTest, ReloadingContentWithANumberOutOfRangeListsItAndKeepsRunning) {
  testing::write_valid_content(dir / "content");
  testing::write_text(dir / "content/departments/alpha.json",
                      std::regex_replace(testing::valid_department("alpha").dump(2), std::regex("\"statutory_days\": 20"),
                                         "\"statutory_days\": 1e999"));
  EventLog log({dir / "kiosk.db", "k"});
  StaffService staff(paths(), Config{}, log, [&] { return log.health(); });
  staff.reload_content();
  staff.wait();
  EXPECT_FALSE(staff.take_reloaded());
  ASSERT_TRUE(staff.reload_problems());
  EXPECT_NE(staff.reload_problems()->find("alpha.json: $.approval_items[0].statutory_days"), std::string::npos) << *staff.reload_problems();
}

TEST_F(StaffServiceTest, TheDashboardWarnsWhenTheDatabaseFileWasReplacedWhileRunning) {
  EventLog log({dir / "kiosk.db", "k"});
  Event tap;
  tap.type = EventType::Tap;
  log.log(tap);
  log.flush();
  StoreHealth health = log.health();
  health.replaced_note = "kiosk.db: the database file was deleted";
  StaffService staff(paths(), Config{}, log, [&] { return health; });
  staff.refresh_dashboard();
  staff.wait();
  ASSERT_TRUE(staff.dashboard()) << staff.dashboard_error().value_or("");
  const auto& warnings = staff.dashboard()->warnings;
  EXPECT_TRUE(std::any_of(warnings.begin(), warnings.end(), [](const auto& w) { return w.first == StaffWarning::DatabaseReplaced; }));
}

}  // namespace
}  // namespace openday
