// The kiosk's status file: what it holds, read from the real database, written whole, and
// printed by `openday status`.
#include "core/ops/status_file.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "core/visits/events.h"
#include "core/visits/store.h"
#include "support/temp_dir.h"

namespace openday {
namespace {

using testing::TempDir;

StoreHealth healthy(std::size_t pending = 0, std::uint64_t dropped = 0) {
  StoreHealth health;
  health.open = true;
  health.pending = pending;
  health.dropped = dropped;
  return health;
}

Event event(EventType type, std::int64_t session, std::int64_t at_ms) {
  Event e;
  e.type = type;
  e.session = session;
  e.screen = "home";
  e.target = "x";
  e.at_ms = at_ms;
  return e;
}

std::string read_all(const std::filesystem::path& file) {
  std::ifstream in(file);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST(StatusFile, SitsBesideTheDatabase) { EXPECT_EQ(status_file_for("/var/lib/openday/openday.db"), "/var/lib/openday/status.json"); }

TEST(StatusFile, CountsTodaysSessionsLastTouchAndStockFromTheDatabase) {
  TempDir dir;
  const auto db = dir / "booth.db";
  const std::int64_t now = utc_now_ms();
  {
    OpenedStore store = open_store_for_writing(db);
    Statement insert = prepare_event_insert(store.db);
    insert_event(insert, "kiosk-7", 1, event(EventType::SessionStart, 1, now - 60'000));
    insert_event(insert, "kiosk-7", 2, event(EventType::Tap, 1, now - 30'000));
    insert_event(insert, "kiosk-7", 3, event(EventType::SessionStart, 2, now - 10'000));
    insert_event(insert, "kiosk-7", 4, event(EventType::ScreenView, 2, now - 5'000));
    store.db.exec("INSERT INTO prize_stock (id, remaining, updated_at_ms) VALUES (1, 37, 0)", "test: stock");
  }
  const KioskStatus status = collect_kiosk_status(db, "kiosk-7", healthy(3, 2), 125);
  EXPECT_TRUE(status.database_ok) << status.database_error;
  EXPECT_EQ(status.today_sessions, 2);
  ASSERT_TRUE(status.last_touch_ms);
  EXPECT_EQ(*status.last_touch_ms, now - 10'000) << "the newest touch, not the newest event";
  EXPECT_EQ(status.prize_stock, 37);
  EXPECT_EQ(status.queued_events, 3u);
  EXPECT_EQ(status.dropped_events, 2u);

  const auto json = nlohmann::json::parse(status_json(status));
  EXPECT_EQ(json.at("version"), OPENDAY_VERSION);
  EXPECT_EQ(json.at("kiosk_id"), "kiosk-7");
  EXPECT_EQ(json.at("uptime_seconds"), 125);
  EXPECT_EQ(json.at("today_sessions"), 2);
  EXPECT_EQ(json.at("prize_stock"), 37);
  EXPECT_EQ(json.at("database").at("ok"), true);
  EXPECT_EQ(json.at("queued_events"), 3);
  EXPECT_EQ(json.at("dropped_events"), 2);
}

TEST(StatusFile, ReportsADatabaseThatCannotBeRead) {
  TempDir dir;
  StoreHealth broken = healthy();
  const KioskStatus unreadable = collect_kiosk_status(dir / "missing.db", "kiosk-1", broken, 1);
  EXPECT_FALSE(unreadable.database_ok);
  EXPECT_NE(unreadable.database_error.find("missing.db"), std::string::npos) << unreadable.database_error;
  broken.open = false;
  broken.last_error = "disk I/O error writing booth.db";
  const KioskStatus closed = collect_kiosk_status(dir / "missing.db", "kiosk-1", broken, 1);
  EXPECT_FALSE(closed.database_ok);
  EXPECT_EQ(closed.database_error, "disk I/O error writing booth.db");
}

TEST(StatusFile, WriterWritesAtOnceAndLeavesNoTemporaryFile) {
  TempDir dir;
  const auto file = dir / "status.json";
  int collected = 0;
  {
    StatusWriter writer(file, [&collected] {
      ++collected;
      KioskStatus status;
      status.version = "9.9";
      status.kiosk_id = "kiosk-3";
      status.written_at_ms = 1;
      return status;
    });
  }
  EXPECT_EQ(collected, 1) << "one write at start; the next only after the interval";
  const auto json = nlohmann::json::parse(read_all(file));
  EXPECT_EQ(json.at("kiosk_id"), "kiosk-3");
  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) EXPECT_EQ(entry.path().filename(), "status.json");
}

TEST(StatusFile, StatusCommandPrintsTheFileWithItsAge) {
  TempDir dir;
  KioskStatus status;
  status.version = "0.1.0";
  status.kiosk_id = "kiosk-2";
  status.written_at_ms = 1'000'000;
  status.uptime_seconds = 7200;
  status.today_sessions = 41;
  status.database_ok = true;
  status.prize_stock = 12;
  std::ofstream(dir / "status.json") << status_json(status);
  const std::string fresh = describe_status_file(dir / "status.json", 1'010'000);
  EXPECT_NE(fresh.find("kiosk           kiosk-2 (openday 0.1.0)"), std::string::npos) << fresh;
  EXPECT_NE(fresh.find("10 s ago"), std::string::npos) << fresh;
  EXPECT_EQ(fresh.find("STALE"), std::string::npos) << fresh;
  EXPECT_NE(fresh.find("today sessions  41"), std::string::npos) << fresh;
  EXPECT_NE(fresh.find("last touch      none yet"), std::string::npos) << fresh;
  EXPECT_NE(fresh.find("prize stock     12"), std::string::npos) << fresh;
  EXPECT_NE(describe_status_file(dir / "status.json", 1'000'000 + 600'000).find("STALE"), std::string::npos);
  EXPECT_THROW(describe_status_file(dir / "none.json", 0), std::runtime_error);
  std::ofstream(dir / "bad.json") << "{\"written_at_ms\": \"soon\"}";
  EXPECT_THROW(describe_status_file(dir / "bad.json", 0), std::runtime_error);
}

// `openday status --file /dev/zero` hung and grew to gigabytes; a FIFO waited for a writer
// forever; a huge file was read whole (issue 33).
std::string status_error(const std::filesystem::path& file) {
  try {
    describe_status_file(file, 0);
  } catch (const std::runtime_error& error) {
    return error.what();
  }
  return "(no error)";
}

TEST(StatusFile, RefusesADeviceAFifoAFolderAndAHugeFileNamingIt) {
  TempDir dir;
  EXPECT_EQ(status_error("/dev/zero"), "/dev/zero: is a character device, not a regular file");
  const auto fifo = dir / "fifo";
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  EXPECT_EQ(status_error(fifo), fifo.string() + ": is a FIFO (named pipe), not a regular file");
  EXPECT_EQ(status_error(dir.path()), dir.path().string() + ": is a folder, not a regular file");
  const auto huge = dir / "huge.json";
  std::ofstream(huge).close();
  std::filesystem::resize_file(huge, 100 << 20);  // sparse: no disk used
  EXPECT_EQ(status_error(huge), huge.string() + ": is 104857600 bytes, more than the 65536 bytes a status file may have");
}

}  // namespace
}  // namespace openday
