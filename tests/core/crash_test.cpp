// SIGKILL at random moments must never lose an event whose commit was acknowledged, and must
// never leave a damaged file. The child (support/crash_child.cpp) prints each event's number
// only after the EventLog acknowledged its commit.
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <random>
#include <string>

#include "core/visits/store.h"
#include "support/temp_dir.h"

namespace openday {
namespace {

using testing::TempDir;

struct ChildRun {
  std::uint64_t acknowledged = 0;  // the highest number the child printed in full
};

ChildRun run_and_kill(const std::filesystem::path& db, int round, int kill_after_ms) {
  int out[2];
  if (pipe(out) != 0) throw std::runtime_error("pipe failed");
  const pid_t child = fork();
  if (child == 0) {
    dup2(out[1], STDOUT_FILENO);
    close(out[0]);
    close(out[1]);
    const std::string round_text = std::to_string(round);
    execl(CRASH_CHILD, CRASH_CHILD, db.c_str(), round_text.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  close(out[1]);
  std::string output;
  char buffer[4096];
  // The kill comes kill_after_ms after the child says its database is open.
  const auto ready_by = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (output.find("READY\n") == std::string::npos && std::chrono::steady_clock::now() < ready_by) {
    pollfd p{out[0], POLLIN, 0};
    if (poll(&p, 1, 100) <= 0) continue;
    const ssize_t n = read(out[0], buffer, sizeof buffer);
    if (n <= 0) break;
    output.append(buffer, static_cast<std::size_t>(n));
  }
  const auto kill_at = std::chrono::steady_clock::now() + std::chrono::milliseconds(kill_after_ms);
  bool killed = false;
  for (;;) {
    const auto now = std::chrono::steady_clock::now();
    if (!killed && now >= kill_at) {
      kill(child, SIGKILL);
      killed = true;
    }
    pollfd p{out[0], POLLIN, 0};
    const int wait_ms = killed ? 1000 : static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(kill_at - now).count()) + 1;
    if (poll(&p, 1, wait_ms) <= 0) {
      if (killed) break;
      continue;
    }
    const ssize_t n = read(out[0], buffer, sizeof buffer);
    if (n <= 0) break;  // EOF: the child is gone and everything it printed was read
    output.append(buffer, static_cast<std::size_t>(n));
  }
  close(out[0]);
  int status = 0;
  waitpid(child, &status, 0);
  EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << "the child ended by itself: " << output.substr(0, 200);
  ChildRun run;
  // Only whole lines count: a number cut by the kill was never fully printed.
  std::size_t line_start = 0;
  for (std::size_t newline = output.find('\n'); newline != std::string::npos; newline = output.find('\n', line_start)) {
    const std::string line = output.substr(line_start, newline - line_start);
    if (line != "READY") run.acknowledged = std::stoull(line);
    line_start = newline + 1;
  }
  return run;
}

TEST(CrashTest, SigkillNeverLosesAnAcknowledgedEventNorDamagesTheFile) {
  const char* rounds_env = std::getenv("OPENDAY_CRASH_ROUNDS");
  const int rounds = rounds_env ? std::atoi(rounds_env) : 20;
  const unsigned seed = static_cast<unsigned>(std::random_device{}());
  std::mt19937 random(seed);
  std::uniform_int_distribution<int> kill_after(40, 600);
  TempDir dir;
  const auto file = dir / "crash.db";
  std::uint64_t total_acknowledged = 0;
  int rounds_with_acknowledged_events = 0;
  for (int round = 1; round <= rounds; ++round) {
    SCOPED_TRACE("round " + std::to_string(round) + ", seed " + std::to_string(seed));
    const ChildRun run = run_and_kill(file, round, kill_after(random));
    Database db = open_store_read_only(file);
    ASSERT_EQ(db.query_text("PRAGMA quick_check"), "ok");
    Statement present = db.prepare(
        "SELECT count(DISTINCT value) FROM events WHERE kiosk_id = 'crash-kiosk' AND detail = ?1 AND value BETWEEN 1 AND ?2");
    present.bind(1, std::to_string(round)).bind(2, static_cast<std::int64_t>(run.acknowledged));
    present.step();
    ASSERT_EQ(static_cast<std::uint64_t>(present.column_int(0)), run.acknowledged)
        << "acknowledged events are missing after SIGKILL";
    total_acknowledged += run.acknowledged;
    rounds_with_acknowledged_events += run.acknowledged > 0 ? 1 : 0;
  }
  EXPECT_GT(rounds_with_acknowledged_events, rounds / 2) << "most rounds must get some commits acknowledged before the kill";
  std::printf("crash test: %d SIGKILL rounds survived (seed %u), %llu acknowledged events, none lost, quick_check ok\n",
              rounds, seed, static_cast<unsigned long long>(total_acknowledged));
}

}  // namespace
}  // namespace openday
