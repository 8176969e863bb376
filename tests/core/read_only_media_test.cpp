// `stats` and `export` read a database on a write-protected USB stick (issue 33): SQLite could
// not create the -shm index a WAL database needs there, and both commands exited 6. A folder
// made immutable (chattr +i, which binds root too) stands in for the write-protected stick.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "core/visits/store.h"
#include "support/shell.h"
#include "support/temp_dir.h"

namespace openday {
namespace {

using testing::TempDir;

using testing::Shell;
Shell run(const std::string& command) { return testing::run_shell(command); }

// The folder cannot be written while this lives; false if the file system does not allow it.
class ImmutableFolder {
 public:
  explicit ImmutableFolder(std::filesystem::path folder) : folder_(std::move(folder)) {
    made_ = run("chattr +i '" + folder_.string() + "'").status == 0;
  }
  ~ImmutableFolder() {
    if (made_) run("chattr -i '" + folder_.string() + "'");
  }
  bool made() const { return made_; }

 private:
  std::filesystem::path folder_;
  bool made_ = false;
};

const std::string kBinary = OPENDAY_BINARY;

TEST(ReadOnlyMedia, StatsAndExportReadADatabaseInAFolderThatCannotBeWritten) {
  TempDir dir;
  const auto stick = dir / "stick";
  std::filesystem::create_directories(stick);
  const auto db = stick / "kiosk-1.db";
  ASSERT_EQ(run(kBinary + " simulate --visitors 30 --seed 7 --db '" + db.string() + "'").status, 0);
  ASSERT_FALSE(std::filesystem::exists(db.string() + "-shm")) << "a clean stop leaves no -shm behind";
  const ImmutableFolder read_only(stick);
  if (!read_only.made()) GTEST_SKIP() << "chattr +i is not allowed here";

  const Shell stats = run(kBinary + " stats --json --db '" + db.string() + "'");
  EXPECT_EQ(stats.status, 0) << stats.output;
  EXPECT_NE(stats.output.find("\"sessions\""), std::string::npos) << stats.output;
  std::filesystem::create_directories(dir / "out");
  const Shell exported = run(kBinary + " export --db '" + db.string() + "' --out '" + (dir / "out").string() + "'");
  EXPECT_EQ(exported.status, 0) << exported.output;
  EXPECT_FALSE(std::filesystem::is_empty(dir / "out"));
  EXPECT_FALSE(std::filesystem::exists(db.string() + "-shm"));
}

// Changes still in the -wal, no -shm and a folder that cannot be written: nothing can read those
// changes there, so the command says so instead of showing an older state.
TEST(ReadOnlyMedia, UnmergedChangesInAReadOnlyFolderAreNamedNotHidden) {
  TempDir dir;
  const auto live = dir / "live.db";
  const auto stick = dir / "stick";
  std::filesystem::create_directories(stick);
  {
    OpenedStore store = open_store(live, StoreOwner::Tool, nullptr);
    store.db.exec("PRAGMA wal_autocheckpoint=0", "test: keep the changes in the -wal");
    store.db.skip_checkpoint_on_close();
    store.db.exec("INSERT INTO settings (key, value) VALUES ('test.key', 'x')", "test: a change");
    // Copied while the connection is open: the -wal still holds the change.
    std::filesystem::copy_file(live, stick / "live.db");
    std::filesystem::copy_file(live.string() + "-wal", (stick / "live.db").string() + "-wal");
  }
  ASSERT_GT(std::filesystem::file_size((stick / "live.db").string() + "-wal"), 0u);
  const ImmutableFolder read_only(stick);
  if (!read_only.made()) GTEST_SKIP() << "chattr +i is not allowed here";
  const Shell stats = run(kBinary + " stats --db '" + (stick / "live.db").string() + "'");
  EXPECT_EQ(stats.status, 6) << stats.output;
  EXPECT_NE(stats.output.find("holds changes not yet in the database file"), std::string::npos) << stats.output;
}

}  // namespace
}  // namespace openday
