#include "core/staff_service.h"

#include <gtest/gtest.h>

#include "core/store.h"
#include "support/fault_vfs.h"
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

TEST_F(StaffServiceTest, ThePinStillWorksWhenTheDatabaseCannotBeWritten) {
  {
    OpenedStore store = open_store_for_writing(dir / "kiosk.db");
    set_pin(store.db, "2580");
  }
  EventLog::Options options{dir / "kiosk.db", "k"};
  options.vfs = testing::fault_vfs_name();
  EventLog log(options);
  log.flush();
  StaffService staff(paths(), Config{}, log, [&] { return log.health(); });
  testing::set_disk_fault(testing::DiskFault::Full);
  staff.check_pin("2580", utc_now_ms());
  staff.wait();
  ASSERT_TRUE(staff.pin_result());
  EXPECT_EQ(staff.pin_result()->outcome, PinCheck::Outcome::Accepted) << "staff must reach the dashboard that explains the problem";
  staff.check_pin("1111", utc_now_ms());
  staff.wait();
  EXPECT_EQ(staff.pin_result()->outcome, PinCheck::Outcome::Wrong);
}

}  // namespace
}  // namespace openday
