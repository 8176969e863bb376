#include "core/visits/store.h"

#include <gtest/gtest.h>

#include <sys/stat.h>

#include <cstdio>
#include <fstream>
#include <string>

#include "support/temp_dir.h"

namespace openday {
namespace {

using testing::TempDir;

TEST(Store, CreatesFolderFileAndLatestSchemaInWalMode) {
  TempDir dir;
  const auto file = dir / "nested/folder/openday.db";
  OpenedStore store = open_store_for_writing(file);
  EXPECT_TRUE(std::filesystem::exists(file));
  EXPECT_TRUE(store.recovery_note.empty());
  EXPECT_EQ(store.db.query_int("PRAGMA user_version"), latest_schema_version());
  EXPECT_EQ(store.db.query_text("PRAGMA journal_mode"), "wal");
  EXPECT_EQ(store.db.query_int("PRAGMA synchronous"), 2) << "synchronous must be FULL";
  // STRICT tables reject a text where a number belongs.
  EXPECT_THROW(store.db.exec("INSERT INTO events (kiosk_id, seq, at_ms, utc_offset_min, type) VALUES ('k', 1, 'soon', 0, 'tap')", "bad insert"),
               SqliteError);
}

// The database holds the staff PIN's hash and unredeemed voucher codes: a new one, and the WAL
// and shared-memory files beside it, are the owner's alone, whatever the umask (issue 33).
TEST(Store, ANewDatabaseAndItsWalAreOwnerOnly) {
  TempDir dir;
  const auto file = dir / "openday.db";
  const mode_t old_umask = ::umask(022);
  OpenedStore store = open_store_for_writing(file);
  ::umask(old_umask);
  store.db.exec("INSERT INTO events (kiosk_id, seq, at_ms, utc_offset_min, type) VALUES ('k', 1, 0, 0, 'tap')", "insert");
  for (const char* suffix : {"", "-wal", "-shm"}) {
    const auto path = file.string() + suffix;
    struct stat info {};
    ASSERT_EQ(::stat(path.c_str(), &info), 0) << path;
    EXPECT_EQ(info.st_mode & 0777, 0600u) << path;
  }
}

TEST(Store, MigratesAnOlderSchemaKeepingItsRows) {
  TempDir dir;
  const auto file = dir / "old.db";
  {
    Database db(file, Database::Mode::ReadWriteCreate);
    migrate_store(db, 1);
    ASSERT_EQ(db.query_int("PRAGMA user_version"), 1);
    db.exec("INSERT INTO events (kiosk_id, seq, at_ms, utc_offset_min, type) VALUES ('k', 1, 1, 480, 'tap')", "seed");
    EXPECT_THROW(db.query_int("SELECT count(*) FROM vouchers"), SqliteError);
  }
  OpenedStore store = open_store_for_writing(file);
  EXPECT_EQ(store.db.query_int("PRAGMA user_version"), latest_schema_version());
  EXPECT_EQ(store.db.query_int("SELECT count(*) FROM events"), 1);
  EXPECT_EQ(store.db.query_int("SELECT count(*) FROM vouchers"), 0);
}

TEST(Store, RefusesASchemaNewerThanThisBuild) {
  TempDir dir;
  const auto file = dir / "future.db";
  {
    Database db(file, Database::Mode::ReadWriteCreate);
    db.exec("PRAGMA user_version=99", "future");
  }
  try {
    open_store_for_writing(file);
    FAIL() << "a newer schema was accepted";
  } catch (const SqliteError& error) {
    EXPECT_NE(std::string(error.what()).find("newer"), std::string::npos);
    EXPECT_NE(std::string(error.what()).find(file.string()), std::string::npos);
  }
}

TEST(Store, GarbageFileIsMovedAsideWithItsWalAndShmAndAFreshOneCreated) {
  TempDir dir;
  const auto file = dir / "openday.db";
  { std::ofstream(file) << std::string(8192, 'x'); }
  { std::ofstream(file.string() + "-wal") << "not a wal"; }
  OpenedStore store = open_store_for_writing(file);
  EXPECT_NE(store.recovery_note.find("moved aside"), std::string::npos) << store.recovery_note;
  int aside = 0, aside_wal = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
    const std::string name = entry.path().filename().string();
    if (name.find(".corrupt-") == std::string::npos) continue;
    if (name.ends_with("-wal")) ++aside_wal;
    else if (!name.ends_with("-shm")) ++aside;
  }
  EXPECT_EQ(aside, 1);
  EXPECT_EQ(aside_wal, 1) << "the -wal must travel with its database";
  EXPECT_EQ(store.db.query_int("PRAGMA user_version"), latest_schema_version());
}

TEST(Store, DamagedPagesFailQuickCheckAndAreRecovered) {
  TempDir dir;
  const auto file = dir / "openday.db";
  {
    OpenedStore store = open_store_for_writing(file);
    store.db.exec("PRAGMA wal_checkpoint(TRUNCATE)", "checkpoint");
    store.db.exec("PRAGMA journal_mode=DELETE", "leave WAL so that the file holds everything");
  }
  // Overwrite the header of the second page (the events table's root) with noise.
  std::fstream bytes(file, std::ios::in | std::ios::out | std::ios::binary);
  bytes.seekp(4096);
  bytes << std::string(512, '\x7f');
  bytes.close();
  OpenedStore store = open_store_for_writing(file);
  EXPECT_FALSE(store.recovery_note.empty());
  EXPECT_EQ(store.db.query_text("PRAGMA quick_check"), "ok");
}

TEST(Store, ReadOnlyOpenRejectsMissingAndForeignFiles) {
  TempDir dir;
  EXPECT_THROW(open_store_read_only(dir / "missing.db"), SqliteError);
  { Database foreign(dir / "foreign.db", Database::Mode::ReadWriteCreate); foreign.exec("CREATE TABLE t (x)", "t"); }
  try {
    open_store_read_only(dir / "foreign.db");
    FAIL();
  } catch (const SqliteError& error) {
    EXPECT_NE(std::string(error.what()).find("not an OpenDay database"), std::string::npos);
  }
}

// What another process (the desk's `voucher redeem`, an export, sqlite3) counts in the file.
long long count_events_from_another_process(const std::filesystem::path& file) {
  const std::string command = "sqlite3 '" + file.string() + "' 'SELECT count(*) FROM events'";
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return -1;
  char line[64] = {};
  const bool read = std::fgets(line, sizeof line, pipe) != nullptr;
  return pclose(pipe) == 0 && read ? std::stoll(line) : -1;
}

// The kiosk reads its own live database (status file, dashboard report, PIN) through a read-only
// open. Closing a descriptor of the file opened by any other API drops all the process's POSIX
// locks on it; another process closing the database then deletes the -wal under the writer, and
// the writer's later commits are lost. This happened once with a header check through ifstream.
TEST(Store, AReadOnlyOpenInTheWritersProcessKeepsItsCommitsVisible) {
  TempDir dir;
  const auto file = dir / "live.db";
  OpenedStore writer = open_store_for_writing(file);
  writer.db.exec("INSERT INTO events (kiosk_id, seq, at_ms, utc_offset_min, type) VALUES ('k', 1, 1, 480, 'tap')", "first");
  { const Database reader = open_store_read_only(file); }
  ASSERT_EQ(count_events_from_another_process(file), 1);
  writer.db.exec("INSERT INTO events (kiosk_id, seq, at_ms, utc_offset_min, type) VALUES ('k', 2, 1, 480, 'tap')", "second");
  EXPECT_TRUE(std::filesystem::exists(file.string() + "-wal")) << "another process deleted the writer's -wal";
  EXPECT_EQ(count_events_from_another_process(file), 2) << "the writer's commit went into a deleted -wal";
}

}  // namespace
}  // namespace openday

namespace openday {
namespace {

// The reports read the events table through EventRows: every column by its name, the type as
// the events.h enum, and only the rows inside the bounds asked for.
TEST(StoreEventRows, ReadsEachColumnByNameWithinItsBounds) {
  TempDir dir;
  OpenedStore store = open_store_for_writing(dir / "k.db");
  Statement insert = prepare_event_insert(store.db);
  Event answer;
  answer.type = EventType::QuizAnswer;
  answer.session = 7;
  answer.department = "civil";
  answer.item = "q3";
  answer.target = "B";
  answer.value = 1;
  answer.count = 5;
  answer.at_ms = 2'000;
  insert_event(insert, "kiosk-2", 41, answer);
  Event early = answer;
  early.at_ms = 1'000;
  early.department.clear();
  insert_event(insert, "kiosk-2", 40, early);
  store.db.exec("INSERT INTO events (kiosk_id, seq, at_ms, utc_offset_min, type) VALUES ('kiosk-2', 42, 2500, 480, 'from_a_newer_build')",
                "future type");

  EventRows rows(store.db, 1'500, 3'000);
  ASSERT_TRUE(rows.next());
  EXPECT_EQ(rows.kiosk_id(), "kiosk-2");
  EXPECT_EQ(rows.seq(), 41);
  EXPECT_EQ(rows.at_ms(), 2'000);
  EXPECT_EQ(rows.utc_offset_min(), local_utc_offset_minutes(2'000));
  EXPECT_EQ(rows.session(), 7);
  EXPECT_EQ(rows.type(), EventType::QuizAnswer);
  EXPECT_EQ(rows.department(), "civil");
  EXPECT_EQ(rows.item(), "q3");
  EXPECT_EQ(rows.target(), "B");
  EXPECT_EQ(rows.value(), 1);
  EXPECT_EQ(rows.count(), 5);
  ASSERT_TRUE(rows.next());
  EXPECT_FALSE(rows.type()) << "a type this build does not know";
  EXPECT_FALSE(rows.department()) << "NULL";
  EXPECT_FALSE(rows.value());
  EXPECT_FALSE(rows.next()) << "the row before from_ms is left out";

  EventRows all(store.db, std::nullopt, std::nullopt);
  int count = 0;
  while (all.next()) ++count;
  EXPECT_EQ(count, 3);
  const auto runs = event_runs(store.db);
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs.at("kiosk-2"), (std::pair<std::int64_t, std::int64_t>{40, 42}));
}

TEST(StoreEventRows, LastVisitorActivityIsATouchNotAnyEvent) {
  TempDir dir;
  OpenedStore store = open_store_for_writing(dir / "k.db");
  EXPECT_FALSE(last_visitor_activity_ms(store.db)) << "no visitor yet";
  Statement insert = prepare_event_insert(store.db);
  std::int64_t seq = 1;
  for (auto [type, at] : {std::pair{EventType::SessionStart, 1'000}, {EventType::Tap, 2'000}, {EventType::SessionContinued, 3'000},
                          {EventType::IdleWarning, 4'000}, {EventType::Export, 5'000}}) {
    Event event;
    event.type = type;
    event.at_ms = at;
    insert_event(insert, "k", seq++, event);
  }
  EXPECT_EQ(last_visitor_activity_ms(store.db), 3'000) << "an idle warning or an export is no visitor's touch";
}

}  // namespace
}  // namespace openday
