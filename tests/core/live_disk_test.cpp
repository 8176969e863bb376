// The disk under a running kiosk (issue 33): the database's files shrink, become immutable or
// are moved aside while the writer runs in its own process (support/disk_child.cpp). The writer
// must never die of a signal (SIGBUS in SQLite's mapped -shm index), must keep what it was given
// and must lose nothing that was committed before.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <set>
#include <string>

#include "core/visits/store.h"
#include "support/shell.h"
#include "support/temp_dir.h"

namespace openday {
namespace {

using testing::TempDir;
using testing::run_shell;

// The writer's process, driven one tap at a time over a pipe.
class WriterChild {
 public:
  explicit WriterChild(const std::filesystem::path& db) {
    int to_child[2];
    int from_child[2];
    if (pipe(to_child) != 0 || pipe(from_child) != 0) throw std::runtime_error("pipe failed");
    pid_ = fork();
    if (pid_ == 0) {
      dup2(to_child[0], STDIN_FILENO);
      dup2(from_child[1], STDOUT_FILENO);
      for (const int fd : {to_child[0], to_child[1], from_child[0], from_child[1]}) close(fd);
      execl(DISK_CHILD, DISK_CHILD, db.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    close(to_child[0]);
    close(from_child[1]);
    to_ = fdopen(to_child[1], "w");
    from_ = fdopen(from_child[0], "r");
  }
  ~WriterChild() {
    if (pid_ > 0 && !finished_) {
      kill(pid_, SIGKILL);
      finish();
    }
  }
  WriterChild(const WriterChild&) = delete;
  WriterChild& operator=(const WriterChild&) = delete;

  // Logs a tap with value n and returns the writer's answer ("" when the child is gone).
  std::string tap(int n) {
    std::fprintf(to_, "%d\n", n);
    std::fflush(to_);
    char line[4096];
    if (!std::fgets(line, sizeof line, from_)) return "";
    return line;
  }
  // Ends stdin and returns the wait status.
  int finish() {
    finished_ = true;
    if (to_) std::fclose(std::exchange(to_, nullptr));
    if (from_) std::fclose(std::exchange(from_, nullptr));
    int status = 0;
    waitpid(pid_, &status, 0);
    return status;
  }

 private:
  pid_t pid_ = -1;
  FILE* to_ = nullptr;
  FILE* from_ = nullptr;
  bool finished_ = false;
};

std::string describe(int status) {
  if (WIFSIGNALED(status)) return "killed by signal " + std::to_string(WTERMSIG(status));
  return "exit " + std::to_string(WEXITSTATUS(status));
}

// The tap values stored in a database file, read as the reports read it.
std::multiset<std::int64_t> stored_taps(const std::filesystem::path& file) {
  std::multiset<std::int64_t> values;
  Database db = open_store_read_only(file);
  Statement rows = db.prepare("SELECT value FROM events WHERE type = 'tap' AND target = 'disk-test'");
  while (rows.step()) values.insert(rows.column_int(0));
  return values;
}

void expect_each_once(const std::multiset<std::int64_t>& values, int from, int to, const std::string& where) {
  for (int n = from; n <= to; ++n) EXPECT_EQ(values.count(n), 1u) << "tap " << n << " in " << where;
}

void tap_range(WriterChild& child, int from, int to) {
  for (int n = from; n <= to; ++n) ASSERT_NE(child.tap(n), "") << "the writer died at tap " << n;
}

TEST(LiveDisk, AShmFileTruncatedUnderTheWriterIsNoCrashAndLosesNothing) {
  TempDir dir;
  const auto db = dir / "kiosk.db";
  WriterChild child(db);
  tap_range(child, 1, 50);
  ASSERT_EQ(::truncate((db.string() + "-shm").c_str(), 0), 0);
  tap_range(child, 51, 100);
  const int status = child.finish();
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << describe(status);
  expect_each_once(stored_taps(db), 1, 100, db.string());
}

// chattr +i binds root too: the folder and every file of the database stop being writable.
class Immutable {
 public:
  explicit Immutable(std::string paths) : paths_(std::move(paths)) { made_ = run_shell("chattr +i " + paths_).status == 0; }
  ~Immutable() { lift(); }
  Immutable(const Immutable&) = delete;
  Immutable& operator=(const Immutable&) = delete;
  bool made() const { return made_; }
  void lift() {
    if (made_) run_shell("chattr -i " + paths_);
    made_ = false;
  }

 private:
  std::string paths_;
  bool made_ = false;
};

TEST(LiveDisk, FilesMadeImmutableUnderTheWriterAreNoCrashAndTheTapsWaitInMemory) {
  TempDir dir;
  const auto db = dir / "kiosk.db";
  WriterChild child(db);
  tap_range(child, 1, 50);
  Immutable immutable("'" + dir.path().string() + "' '" + db.string() + "' '" + db.string() + "-wal' '" + db.string() + "-shm'");
  if (!immutable.made()) GTEST_SKIP() << "chattr +i is not allowed here";
  std::string answer;
  for (int n = 51; n <= 60; ++n) {
    answer = child.tap(n);
    ASSERT_NE(answer, "") << "the writer died at tap " << n << " on immutable files";
  }
  EXPECT_NE(answer.find("error=" + db.string()), std::string::npos) << "the disk problem is reported: " << answer;
  immutable.lift();
  tap_range(child, 61, 70);
  const int status = child.finish();
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << describe(status);
  expect_each_once(stored_taps(db), 1, 70, db.string());
}

// mv of the live database: the moved file holds everything committed before the move, on its
// own (its -wal stayed behind under the old name), and the fresh file at the path takes nothing
// of it over.
TEST(LiveDisk, TheLiveDatabaseMovedAsideHoldsEverythingCommittedBefore) {
  TempDir dir;
  const auto db = dir / "kiosk.db";
  const auto moved = dir / "elsewhere.db";
  WriterChild child(db);
  tap_range(child, 1, 200);
  std::filesystem::rename(db, moved);
  int n = 200;
  std::string answer;
  while (answer.find("replaced=1") == std::string::npos && n < 2000) {
    answer = child.tap(++n);
    ASSERT_NE(answer, "") << "the writer died at tap " << n;
  }
  ASSERT_NE(answer.find("replaced=1"), std::string::npos) << "the move was never noticed";
  tap_range(child, n + 1, n + 50);
  const int last = n + 50;
  const int status = child.finish();
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << describe(status);

  ASSERT_FALSE(std::filesystem::exists(moved.string() + "-wal"));
  const auto in_moved = stored_taps(moved);
  expect_each_once(in_moved, 1, 200, moved.string());
  const auto in_fresh = stored_taps(db);
  EXPECT_EQ(in_fresh.count(1), 0u) << "the fresh file took over the moved file's rows";
  std::multiset<std::int64_t> all = in_moved;
  all.insert(in_fresh.begin(), in_fresh.end());
  expect_each_once(all, 1, last, "the two files together");
  for (const auto& file : {moved, db}) EXPECT_EQ(open_store_read_only(file).query_text("PRAGMA integrity_check"), "ok") << file;
}

}  // namespace
}  // namespace openday
