// `openday simulate`: deterministic for a seed (apart from voucher codes), and its printed
// codes survive SIGKILL: each one printed is redeemable afterwards, exactly once.
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <random>
#include <set>
#include <sstream>

#include "core/content/content.h"
#include "core/util/paths.h"
#include "core/quiz/quiz_bank.h"
#include "core/ops/simulation.h"
#include "core/reports/stats.h"
#include "core/visits/store.h"
#include "core/quiz/vouchers.h"
#include "support/temp_dir.h"

namespace openday {
namespace {

using testing::TempDir;

struct Material {
  Content content = *load_content(default_content_dir()).content;
  QuizBank bank = *load_quiz_bank(default_quiz_file(), 5, &content).bank;
};

// Everything a simulated day logged, minus what may differ between runs: session numbers
// (from the real clock) and voucher codes (from the CSPRNG).
std::string event_trace(const std::filesystem::path& db_file) {
  Database db = open_store_read_only(db_file);
  Statement rows = db.prepare(
      "SELECT at_ms, type, coalesce(screen, ''), coalesce(department, ''), "
      "CASE WHEN type = 'voucher_issued' THEN '' ELSE coalesce(item, '') END, coalesce(target, ''), "
      "coalesce(value, -1), coalesce(count, -1) FROM events ORDER BY seq");
  std::ostringstream out;
  while (rows.step())
    for (int c = 0; c < 8; ++c) out << rows.column_text(c) << (c == 7 ? "\n" : "|");
  return out.str();
}

TEST(Simulate, TheSameSeedGivesTheSameDay) {
  const Material material;
  TempDir dir;
  Config config;
  SimulationOptions options;
  options.visitors = 60;
  options.seed = 12345;
  options.day = {2026, 5, 15};
  std::vector<std::string> codes[2];
  SimulationReport reports[2];
  for (int run = 0; run < 2; ++run) {
    options.db_path = dir / ("run" + std::to_string(run) + ".db");
    reports[run] = simulate_visitors(options, config, material.content, material.bank,
                                     [&](const std::string& code) { codes[run].push_back(code); });
  }
  EXPECT_EQ(reports[0].sessions, 60);
  EXPECT_EQ(reports[0].quiz_rounds, reports[1].quiz_rounds);
  EXPECT_EQ(reports[0].vouchers, reports[1].vouchers);
  EXPECT_GT(reports[0].vouchers, 0) << "a simulated day should issue some vouchers";
  EXPECT_EQ(event_trace(dir / "run0.db"), event_trace(dir / "run1.db"));
  EXPECT_NE(codes[0], codes[1]) << "codes come from the CSPRNG, not the seed";
  // The day's counts agree with what the simulation reports.
  const DayStats stats = compute_day_stats(dir / "run0.db", options.day);
  EXPECT_EQ(stats.sessions, 60);
  EXPECT_EQ(stats.engaged_sessions, reports[0].engaged_sessions);
  EXPECT_EQ(stats.quiz_attempts, reports[0].quiz_rounds);
  EXPECT_EQ(stats.quiz_passed, reports[0].quiz_passed);
  EXPECT_EQ(stats.vouchers_issued, reports[0].vouchers);
}

TEST(Simulate, VisitorsComeOnlyInOpeningHours) {
  const Material material;
  TempDir dir;
  SimulationOptions options;
  options.visitors = 700;  // more than one day holds: the rest come the next days at 9:00
  options.seed = 7;
  options.day = {2026, 5, 15};
  options.db_path = dir / "hours.db";
  simulate_visitors(options, Config{}, material.content, material.bank, [](const std::string&) {});
  Database db = open_store_read_only(options.db_path);
  Statement hours = db.prepare(
      "SELECT ((at_ms / 1000 + utc_offset_min * 60) % 86400) / 3600 AS hour, count(*) FROM events "
      "WHERE type = 'session_start' GROUP BY hour ORDER BY hour");
  std::int64_t sessions = 0;
  while (hours.step()) {
    EXPECT_GE(hours.column_int(0), 9) << hours.column_int(1) << " visitors before the booth opens";
    EXPECT_LT(hours.column_int(0), 17) << hours.column_int(1) << " visitors after the booth closes";
    sessions += hours.column_int(1);
  }
  EXPECT_EQ(sessions, 700);
  EXPECT_GE(db.query_int("SELECT count(DISTINCT (at_ms / 1000 + utc_offset_min * 60) / 86400) FROM events WHERE type = 'session_start'"), 2);
}

TEST(Simulate, AnotherSeedGivesAnotherDay) {
  const Material material;
  TempDir dir;
  SimulationOptions options;
  options.visitors = 30;
  options.day = {2026, 5, 15};
  options.seed = 1;
  options.db_path = dir / "a.db";
  simulate_visitors(options, Config{}, material.content, material.bank, [](const std::string&) {});
  options.seed = 2;
  options.db_path = dir / "b.db";
  simulate_visitors(options, Config{}, material.content, material.bank, [](const std::string&) {});
  EXPECT_NE(event_trace(dir / "a.db"), event_trace(dir / "b.db"));
}

TEST(Simulate, StockRunsOutAndNeverBelowZero) {
  const Material material;
  TempDir dir;
  SimulationOptions options;
  options.visitors = 200;
  options.seed = 5;
  options.stock = 3;
  options.day = {2026, 5, 15};
  options.db_path = dir / "s.db";
  int printed = 0;
  simulate_visitors(options, Config{}, material.content, material.bank, [&](const std::string&) { ++printed; });
  EXPECT_EQ(printed, 3);
  Database db = open_store_read_only(options.db_path);
  EXPECT_EQ(db.query_int("SELECT remaining FROM prize_stock"), 0);
  EXPECT_EQ(db.query_int("SELECT count(*) FROM vouchers"), 3);
}

// Runs `openday simulate` and kills it after kill_after_ms; returns the codes it printed.
std::vector<std::string> simulate_and_kill(const std::filesystem::path& db, int seed, int kill_after_ms) {
  int out[2];
  if (pipe(out) != 0) throw std::runtime_error("pipe");
  const pid_t child = fork();
  if (child == 0) {
    dup2(out[1], STDOUT_FILENO);
    close(out[0]);
    close(out[1]);
    const std::string seed_text = std::to_string(seed);
    execl(OPENDAY_BINARY, OPENDAY_BINARY, "simulate", "--db", db.c_str(), "--visitors", "1000000", "--seed", seed_text.c_str(),
          "--stock", "100000", static_cast<char*>(nullptr));
    _exit(127);
  }
  close(out[1]);
  usleep(static_cast<useconds_t>(kill_after_ms) * 1000);
  kill(child, SIGKILL);
  std::string output;
  char buffer[4096];
  ssize_t n;
  while ((n = read(out[0], buffer, sizeof buffer)) > 0) output.append(buffer, static_cast<std::size_t>(n));
  close(out[0]);
  waitpid(child, nullptr, 0);
  std::vector<std::string> codes;
  std::istringstream lines(output);
  std::string line;
  while (std::getline(lines, line)) {
    if (lines.eof() && output.back() != '\n') break;  // cut by the kill: never fully printed
    if (line.rfind("VOUCHER ", 0) == 0) codes.push_back(line.substr(8));
  }
  return codes;
}

TEST(Simulate, SigkillNeverLosesAPrintedVoucherNorPrintsOneTwice) {
  const char* rounds_env = std::getenv("OPENDAY_SIMULATE_KILL_ROUNDS");
  const int rounds = rounds_env ? std::atoi(rounds_env) : 6;
  std::mt19937 random(std::random_device{}());
  std::uniform_int_distribution<int> kill_after(300, 1500);
  TempDir dir;
  const auto db_file = dir / "killed.db";
  std::size_t total = 0;
  std::set<std::string> all_codes;
  for (int round = 0; round < rounds; ++round) {
    SCOPED_TRACE("round " + std::to_string(round));
    const auto codes = simulate_and_kill(db_file, round, kill_after(random));
    Database db(db_file, Database::Mode::ReadWriteCreate);
    sqlite3_busy_timeout(db.handle(), 5000);
    ASSERT_EQ(db.query_text("PRAGMA quick_check"), "ok");
    for (const auto& code : codes) {
      ASSERT_TRUE(all_codes.insert(code).second) << code << " was printed twice";
      EXPECT_EQ(redeem_voucher_from_desk(db, code).outcome, Redemption::Outcome::Redeemed) << code << " was printed but is not redeemable";
      EXPECT_EQ(redeem_voucher_from_desk(db, code).outcome, Redemption::Outcome::AlreadyRedeemed);
    }
    total += codes.size();
  }
  EXPECT_GT(total, 0u) << "no voucher was printed before the kills: the test proved nothing";
  std::printf("simulate SIGKILL test: %d rounds, %zu printed vouchers, all redeemable exactly once, quick_check ok\n", rounds, total);
}

}  // namespace
}  // namespace openday
