// Another program's SQLite file given as --db is refused before anything in it changes (issue 33):
// with user_version 0 it used to get OpenDay's tables, with another version it was switched to
// WAL. OpenDay's files carry PRAGMA application_id 'OPDY'; an older OpenDay file without it is
// recognised by its version and tables, and stamped.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>

#include "core/visits/store.h"
#include "support/temp_dir.h"

namespace openday {
namespace {

using testing::TempDir;

constexpr std::int64_t kOpenDayId = 0x4F504459;

std::string bytes_of(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::filesystem::path foreign_db(const TempDir& dir, const std::string& name, int user_version, std::int64_t application_id = 0) {
  const auto file = dir / name;
  Database db(file, Database::Mode::ReadWriteCreate);
  db.exec("CREATE TABLE recipes (name TEXT)", "test: a table of another program");
  db.exec("INSERT INTO recipes VALUES ('dumplings')", "test: a row");
  db.exec("PRAGMA user_version=" + std::to_string(user_version), "test: version");
  if (application_id != 0) db.exec("PRAGMA application_id=" + std::to_string(application_id), "test: id");
  return file;
}

void expect_refused_unchanged(const std::filesystem::path& file, StoreOwner owner) {
  const std::string before = bytes_of(file);
  try {
    open_store(file, owner, nullptr);
    ADD_FAILURE() << file << " was accepted";
  } catch (const SqliteError& error) {
    EXPECT_EQ(std::string(error.what()).rfind("not an OpenDay database: " + file.string() + " (", 0), 0u) << error.what();
    EXPECT_NE(std::string(error.what()).find("it was left unchanged"), std::string::npos) << error.what();
  }
  EXPECT_EQ(bytes_of(file), before) << file << " was changed";
  EXPECT_FALSE(std::filesystem::exists(file.string() + "-wal"));
  for (const auto& entry : std::filesystem::directory_iterator(file.parent_path()))
    EXPECT_EQ(entry.path().filename().string().find(".corrupt-"), std::string::npos) << "moved aside: " << entry.path();
}

TEST(ForeignDatabase, AnotherProgramsFileIsRefusedByteIdenticalByKioskAndTools) {
  TempDir dir;
  for (const StoreOwner owner : {StoreOwner::Kiosk, StoreOwner::Tool}) {
    expect_refused_unchanged(foreign_db(dir, "v0.db", 0), owner);
    expect_refused_unchanged(foreign_db(dir, "v7.db", 7), owner);
    expect_refused_unchanged(foreign_db(dir, "v1.db", 1), owner);             // a known version, no events table
    expect_refused_unchanged(foreign_db(dir, "id.db", 1, 0x12345678), owner);  // another program's id
    for (const char* name : {"v0.db", "v7.db", "v1.db", "id.db"}) std::filesystem::remove(dir / name);
  }
}

TEST(ForeignDatabase, ReadOnlyOpenRefusesAnotherProgramsId) {
  TempDir dir;
  const auto file = dir / "stamped.db";
  { OpenedStore store = open_store_for_writing(file); }
  { Database db(file, Database::Mode::ReadWriteCreate); db.exec("PRAGMA application_id=305419896", "test: another id"); }
  EXPECT_THROW(open_store_read_only(file), SqliteError);
}

TEST(ForeignDatabase, NewAndOlderOpenDayFilesAreStampedWithTheApplicationId) {
  TempDir dir;
  const auto fresh = dir / "fresh.db";
  {
    OpenedStore store = open_store_for_writing(fresh);
    EXPECT_EQ(store.db.query_int("PRAGMA application_id"), kOpenDayId);
  }
  const auto old = dir / "old.db";
  {
    Database db(old, Database::Mode::ReadWriteCreate);
    migrate_store(db, 1);
    db.exec("PRAGMA application_id=0", "test: as an older build left it");
    db.exec("INSERT INTO events (kiosk_id, seq, at_ms, utc_offset_min, type) VALUES ('k', 1, 1, 480, 'tap')", "seed");
    ASSERT_EQ(db.query_int("PRAGMA application_id"), 0);
  }
  OpenedStore store = open_store_for_tool(old);
  EXPECT_EQ(store.db.query_int("PRAGMA application_id"), kOpenDayId);
  EXPECT_EQ(store.db.query_int("SELECT count(*) FROM events"), 1);
}

}  // namespace
}  // namespace openday
