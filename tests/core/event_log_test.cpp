#include "core/visits/event_log.h"

#include <gtest/gtest.h>

#include <fstream>
#include <thread>

#include "core/visits/store.h"
#include "support/fault_vfs.h"
#include "support/temp_dir.h"

namespace openday {
namespace {

using namespace std::chrono_literals;
using testing::TempDir;

Event numbered(std::int64_t n) {
  Event e;
  e.type = EventType::Tap;
  e.target = "t";
  e.value = n;
  return e;
}

EventLog::Options options_for(const std::filesystem::path& file) {
  EventLog::Options options;
  options.file = file;
  options.kiosk_id = "kiosk-7";
  options.batch_window = 20ms;
  options.retry_interval = 30ms;
  return options;
}

template <typename Predicate>
bool eventually(Predicate predicate, std::chrono::milliseconds limit = 5000ms) {
  const auto until = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < until) {
    if (predicate()) return true;
    std::this_thread::sleep_for(5ms);
  }
  return predicate();
}

TEST(EventLog, CommitsInOrderWithKioskIdSequenceAndTime) {
  TempDir dir;
  const auto file = dir / "log.db";
  {
    EventLog log(options_for(file));
    for (int i = 1; i <= 1000; ++i) log.log(numbered(i));
    log.flush();
    EXPECT_EQ(log.acknowledged_count(), 1000u);
    EXPECT_TRUE(log.health().open);
  }
  Database db = open_store_read_only(file);
  Statement rows = db.prepare("SELECT kiosk_id, seq, value, at_ms FROM events ORDER BY id");
  std::int64_t expected = 1;
  std::int64_t first_seq = 0;
  const std::int64_t now = utc_now_ms();
  while (rows.step()) {
    if (expected == 1) first_seq = rows.column_int(1);
    EXPECT_EQ(rows.column_text(0), "kiosk-7");
    EXPECT_EQ(rows.column_int(1), first_seq + expected - 1) << "sequence numbers run on by one, in logging order";
    EXPECT_EQ(rows.column_int(2), expected);
    EXPECT_NEAR(static_cast<double>(rows.column_int(3)), static_cast<double>(now), 60000.0);
    ++expected;
  }
  EXPECT_EQ(expected, 1001);
  // A new file starts its numbers at the time in microseconds, so no other file reuses them.
  EXPECT_NEAR(static_cast<double>(first_seq), static_cast<double>(now) * 1000.0, 60e6);
}

TEST(EventLog, SequenceContinuesAfterARestart) {
  TempDir dir;
  const auto file = dir / "log.db";
  for (int run = 0; run < 2; ++run) {
    EventLog log(options_for(file));
    for (int i = 0; i < 10; ++i) log.log(numbered(i));
  }
  Database db = open_store_read_only(file);
  EXPECT_EQ(db.query_int("SELECT max(seq) - min(seq) + 1 FROM events"), 20) << "the second run continues the first's numbers";
  EXPECT_EQ(db.query_int("SELECT count(DISTINCT seq) FROM events"), 20);
}

TEST(EventLog, EventsAreBatchedNotCommittedOneByOne) {
  TempDir dir;
  EventLog log(options_for(dir / "log.db"));
  log.log(numbered(1));
  ASSERT_TRUE(eventually([&] { return log.acknowledged_count() == 1; }));
  // Events logged within one batch window land together: far fewer commits than events.
  Database db(dir / "log.db", Database::Mode::ReadOnly);
  const auto before = db.query_int("PRAGMA data_version");
  for (int i = 0; i < 500; ++i) log.log(numbered(i));
  log.flush();
  EXPECT_EQ(log.acknowledged_count(), 501u);
  const auto after = db.query_int("PRAGMA data_version");
  EXPECT_LE(*after - *before, 3) << "500 events took " << (*after - *before) << " commits";
}

TEST(EventLog, DurableJobCommitsAfterEarlierEventsAndOnlyThenResolves) {
  TempDir dir;
  const auto file = dir / "log.db";
  EventLog log(options_for(file));
  log.log(numbered(1));
  auto done = log.run_durable([](DurableTransaction& tx) {
    tx.db().exec("INSERT INTO prize_stock (id, remaining, updated_at_ms) VALUES (1, 5, 0)", "stock");
    Event issued;
    issued.type = EventType::VoucherIssued;
    issued.item = "ABCD";
    tx.add_event(std::move(issued));
  });
  const DurableResult result = done.get();
  ASSERT_TRUE(result.committed) << result.error;
  Database db = open_store_read_only(file);
  EXPECT_EQ(db.query_int("SELECT remaining FROM prize_stock"), 5);
  EXPECT_LT(*db.query_int("SELECT seq FROM events WHERE type = 'tap'"), *db.query_int("SELECT seq FROM events WHERE type = 'voucher_issued'"));
}

TEST(EventLog, FailedDurableJobLeavesNothingBehind) {
  TempDir dir;
  const auto file = dir / "log.db";
  EventLog log(options_for(file));
  auto done = log.run_durable([](DurableTransaction& tx) {
    tx.db().exec("INSERT INTO prize_stock (id, remaining, updated_at_ms) VALUES (1, 5, 0)", "stock");
    Event issued;
    issued.type = EventType::VoucherIssued;
    tx.add_event(std::move(issued));
    throw std::runtime_error("out of stock");
  });
  const DurableResult result = done.get();
  EXPECT_FALSE(result.committed);
  EXPECT_EQ(result.error, "out of stock");
  log.flush();
  Database db = open_store_read_only(file);
  EXPECT_EQ(db.query_int("SELECT count(*) FROM prize_stock"), 0);
  EXPECT_EQ(db.query_int("SELECT count(*) FROM events WHERE type = 'voucher_issued'"), 0);
}

class FaultyDisk : public ::testing::Test {
 protected:
  void TearDown() override { testing::set_disk_fault(testing::DiskFault::None); }
};

TEST_F(FaultyDisk, FullDiskKeepsEventsInMemoryAndWritesThemWhenSpaceReturns) {
  TempDir dir;
  auto options = options_for(dir / "log.db");
  options.vfs = testing::fault_vfs_name();
  EventLog log(options);
  log.log(numbered(0));
  log.flush();
  ASSERT_EQ(log.acknowledged_count(), 1u);

  testing::set_disk_fault(testing::DiskFault::Full);
  const auto started = std::chrono::steady_clock::now();
  for (int i = 1; i <= 100; ++i) log.log(numbered(i));
  EXPECT_LT(std::chrono::steady_clock::now() - started, 50ms) << "logging must not wait for the failing disk";
  ASSERT_TRUE(eventually([&] { return !log.health().last_error.empty(); }));
  EXPECT_NE(log.health().last_error.find("full"), std::string::npos) << log.health().last_error;
  EXPECT_EQ(log.acknowledged_count(), 1u);
  EXPECT_EQ(log.health().pending, 100u);

  testing::set_disk_fault(testing::DiskFault::None);
  ASSERT_TRUE(eventually([&] { return log.acknowledged_count() == 101; }));
  EXPECT_EQ(log.health().dropped, 0u);
}

TEST_F(FaultyDisk, MemoryIsBoundedAndDropsAreCountedAndRecorded) {
  TempDir dir;
  const auto file = dir / "log.db";
  auto options = options_for(file);
  options.vfs = testing::fault_vfs_name();
  options.max_pending = 50;
  {
    EventLog log(options);
    log.flush();
    testing::set_disk_fault(testing::DiskFault::Full);
    for (int i = 1; i <= 200; ++i) log.log(numbered(i));
    ASSERT_TRUE(eventually([&] { return log.health().dropped >= 150; }));
    EXPECT_EQ(log.health().dropped, 150u);
    testing::set_disk_fault(testing::DiskFault::None);
    ASSERT_TRUE(eventually([&] { return log.acknowledged_count() == 50; }));
  }
  Database db = open_store_read_only(file);
  EXPECT_EQ(db.query_int("SELECT sum(value) FROM events WHERE type = 'events_dropped'"), 150);
  EXPECT_EQ(db.query_int("SELECT count(*) FROM events WHERE type = 'tap'"), 50);
}

TEST_F(FaultyDisk, ReadOnlyStorageAtStartIsRetriedUntilItBecomesWritable) {
  TempDir dir;
  auto options = options_for(dir / "log.db");
  options.vfs = testing::fault_vfs_name();
  testing::set_disk_fault(testing::DiskFault::ReadOnly);
  EventLog log(options);
  for (int i = 1; i <= 10; ++i) log.log(numbered(i));
  ASSERT_TRUE(eventually([&] { return !log.health().last_error.empty(); }));
  EXPECT_FALSE(log.health().open);
  EXPECT_NE(log.health().last_error.find((dir / "log.db").string()), std::string::npos) << "the error names the file";
  testing::set_disk_fault(testing::DiskFault::None);
  ASSERT_TRUE(eventually([&] { return log.acknowledged_count() == 10; }));
  EXPECT_TRUE(log.health().open);
}

TEST(EventLog, UnopenableLocationNeverBlocksTheCaller) {
  EventLog::Options options;
  options.file = "/proc/openday-cannot-exist/openday.db";
  options.kiosk_id = "k";
  options.retry_interval = 20ms;
  EventLog log(options);
  for (int i = 0; i < 10; ++i) log.log(numbered(i));
  ASSERT_TRUE(eventually([&] { return !log.health().last_error.empty(); }));
  EXPECT_NE(log.health().last_error.find("/proc/openday-cannot-exist/openday.db"), std::string::npos);
  auto job = log.run_durable([](DurableTransaction&) {});
  EXPECT_FALSE(job.get().committed);
}

TEST(EventLog, CorruptDatabaseIsRecoveredAndTheRecoveryLogged) {
  TempDir dir;
  const auto file = dir / "log.db";
  { std::ofstream(file) << std::string(10000, 'z'); }
  {
    EventLog log(options_for(file));
    log.log(numbered(1));
    log.flush();
    EXPECT_NE(log.health().recovery_note.find("moved aside"), std::string::npos);
  }
  Database db = open_store_read_only(file);
  EXPECT_EQ(db.query_int("SELECT count(*) FROM events WHERE type = 'database_recovered'"), 1);
  EXPECT_EQ(db.query_int("SELECT count(*) FROM events WHERE type = 'tap'"), 1);
}

TEST(EventLog, ADatabaseDeletedWhileRunningIsNoticedAndANewFileContinuesWithNothingLost) {
  for (const bool with_wal_and_shm : {false, true}) {
    SCOPED_TRACE(with_wal_and_shm ? "db, -wal and -shm deleted" : "only the db deleted");
    TempDir dir;
    const auto file = dir / "log.db";
    EventLog log(options_for(file));
    log.log(numbered(1));
    log.flush();
    std::filesystem::remove(file);
    if (with_wal_and_shm) {
      std::filesystem::remove(file.string() + "-wal");
      std::filesystem::remove(file.string() + "-shm");
    }
    ASSERT_TRUE(eventually([&] { return !log.health().replaced_note.empty(); })) << "noticed without waiting for an event";
    for (int i = 2; i <= 20; ++i) log.log(numbered(i));
    log.flush();
    EXPECT_NE(log.health().replaced_note.find("deleted"), std::string::npos) << log.health().replaced_note;
    EXPECT_TRUE(log.health().recovery_note.empty()) << "not a corrupt file moved aside";
    ASSERT_TRUE(std::filesystem::exists(file));
    Database db = open_store_read_only(file);
    EXPECT_EQ(db.query_int("SELECT count(*) FROM events WHERE type = 'tap'"), 19) << "everything after the deletion is kept";
    EXPECT_EQ(db.query_int("SELECT count(*) FROM events WHERE type = 'error' AND detail LIKE '%deleted%'"), 1);
  }
}

}  // namespace
}  // namespace openday
