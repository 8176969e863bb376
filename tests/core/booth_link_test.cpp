// The booth linked through a real nats-server on loopback (issue 32): every device's rows reach
// the desk exactly once whatever happens to the hub and the devices, and the desk's export then
// equals the export of the devices' own files merged.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <thread>

#include "core/booth/booth_intake.h"
#include "core/booth/booth_uplink.h"
#include "core/booth/hub_connection.h"
#include "core/quiz/vouchers.h"
#include "core/visits/booth_store.h"
#include "core/visits/event_log.h"
#include "core/visits/store.h"
#include "support/prize_hub.h"
#include "support/shell.h"
#include "support/temp_dir.h"
#include "support/test_hub.h"

namespace openday {
namespace {

using testing::TempDir;
using testing::TestHub;
using namespace std::chrono_literals;

HubCredentials credentials_of(const TestHub& hub, std::string_view device) {
  HubCredentialsLoad loaded = load_hub_credentials(hub.credentials(device));
  if (!loaded.credentials) throw std::runtime_error(loaded.error);
  return *loaded.credentials;
}

using testing::Shell;
Shell run(const std::string& command) { return testing::run_shell(command); }

// Every (kiosk id, seq) in a database.
std::set<std::pair<std::string, std::int64_t>> rows_of(const std::filesystem::path& file) {
  Database db = open_store_read_only(file);
  std::set<std::pair<std::string, std::int64_t>> rows;
  Statement all = db.prepare("SELECT kiosk_id, seq FROM events");
  while (all.step()) rows.emplace(all.column_text(0), all.column_int(1));
  return rows;
}

std::size_t count_rows(const std::filesystem::path& file) {
  Database db = open_store_read_only(file);
  return static_cast<std::size_t>(db.query_int("SELECT count(*) FROM events").value_or(0));
}

// A kiosk of the test booth: its own database written by its event log, and its uplink.
class TestKiosk {
 public:
  TestKiosk(const TempDir& dir, const std::string& hub_url, HubCredentials credentials, std::int64_t clock_offset_ms = 0)
      : id_(credentials.device), file_(dir / (id_ + ".db")), clock_offset_ms_(clock_offset_ms), log_(EventLog::Options{file_, id_}) {
    options_.db_file = file_;
    options_.url = hub_url;
    options_.credentials = std::move(credentials);
    options_.kiosk_id = id_;
    options_.poll_interval = 50ms;
    options_.heartbeat_interval = 500ms;
    options_.connect_timeout = 1000ms;
    options_.longest_retry_wait = 1000ms;
  }

  void start_uplink() { uplink_ = std::make_unique<BoothUplink>(options_); }
  void set_longest_retry_wait(std::chrono::milliseconds wait) { options_.longest_retry_wait = wait; }
  void stop_uplink() { uplink_.reset(); }
  UplinkStatus status() const { return uplink_->status(); }

  // One visitor: a session with taps, now and then a prize.
  void visit() {
    const std::int64_t session = ++sessions_;
    const std::int64_t now = utc_now_ms() + clock_offset_ms_;
    log_.log(event(EventType::SessionStart, session, now));
    for (int tap = 0; tap < 8; ++tap) log_.log(event(EventType::Tap, session, now + 1000 * tap));
    if (session % 3 == 0) log_.run_durable([session, now](DurableTransaction& tx) { issue_voucher(tx, session, 1000, now + 9000); }).get();
    Event end = event(EventType::SessionEnd, session, now + 10000);
    end.target = "home";
    end.value = 10000;
    log_.log(end);
  }
  void visits(int n) {
    for (int i = 0; i < n; ++i) visit();
    log_.flush();
  }

  const std::filesystem::path& file() const { return file_; }
  const std::string& id() const { return id_; }

 private:
  static Event event(EventType type, std::int64_t session, std::int64_t at_ms) {
    Event e;
    e.type = type;
    e.session = session;
    e.screen = "home";
    e.target = type == EventType::Tap ? "home.disclosure" : "";
    e.at_ms = at_ms;
    return e;
  }

  std::string id_;
  std::filesystem::path file_;
  std::int64_t clock_offset_ms_;
  EventLog log_;
  UplinkOptions options_;
  std::unique_ptr<BoothUplink> uplink_;
  std::int64_t sessions_ = 0;
};

// Polls until done() or the time is up.
template <typename Done>
bool eventually(Done done, std::chrono::milliseconds limit = 30s) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < deadline) {
    if (done()) return true;
    std::this_thread::sleep_for(50ms);
  }
  return done();
}

// The desk's event log creates its file on its own writer thread: until it says the file is open,
// the file may still be a database without its tables.
bool desk_holds_all(const EventLog& desk_log, const std::filesystem::path& desk, const std::vector<std::unique_ptr<TestKiosk>>& kiosks) {
  if (!desk_log.health().open) return false;
  const auto held = rows_of(desk);
  for (const auto& kiosk : kiosks)
    for (const auto& row : rows_of(kiosk->file()))
      if (!held.count(row)) return false;
  return true;
}

std::string export_of(const std::vector<std::filesystem::path>& files, const std::filesystem::path& out) {
  std::filesystem::create_directories(out);
  std::string command = std::string(OPENDAY_BINARY) + " export --format csv --out '" + out.string() + "'";
  for (const auto& file : files) command += " --db '" + file.string() + "'";
  const Shell shell = run(command);
  EXPECT_EQ(shell.status, 0) << shell.output;
  std::string all;
  for (const auto& entry : std::filesystem::directory_iterator(out)) {
    std::ifstream in(entry.path());
    all += entry.path().filename().string() + "\n" + std::string(std::istreambuf_iterator<char>(in), {});
  }
  return all;
}

TEST(BoothLink, EveryRowReachesTheDeskOnceThroughHubKillsOutagesAndRepublishing) {
  TempDir dir;
  TestHub hub({"kiosk-1", "kiosk-2", "kiosk-3", "desk"});
  std::vector<std::unique_ptr<TestKiosk>> kiosks;
  for (const char* id : {"kiosk-1", "kiosk-2", "kiosk-3"})
    // kiosk-3's clock is an hour ahead: its rows keep their own times and still arrive.
    kiosks.push_back(std::make_unique<TestKiosk>(dir, hub.url(), credentials_of(hub, id), id == std::string("kiosk-3") ? 3'600'000 : 0));
  const std::filesystem::path desk_file = dir / "desk.db";
  EventLog desk_log(EventLog::Options{desk_file, "desk"});
  DeskFeed feed(DeskFeed::Options{hub.url(), credentials_of(hub, "desk"), 1000ms, 1000ms}, desk_log);
  for (auto& kiosk : kiosks) kiosk->start_uplink();

  for (auto& kiosk : kiosks) kiosk->visits(20);
  ASSERT_TRUE(eventually([&] { return desk_holds_all(desk_log, desk_file, kiosks); })) << "before any fault";

  // The hub dies without warning mid-day; the kiosks keep serving alone.
  hub.kill();
  for (auto& kiosk : kiosks) kiosk->visits(20);
  hub.start();
  for (auto& kiosk : kiosks) kiosk->visits(5);
  ASSERT_TRUE(eventually([&] { return desk_holds_all(desk_log, desk_file, kiosks); })) << "after the hub was killed and restarted";

  // A clean stop of the hub for a while, the kiosks serving on.
  hub.stop();
  for (auto& kiosk : kiosks) kiosk->visits(15);
  std::this_thread::sleep_for(1500ms);
  hub.start();
  ASSERT_TRUE(eventually([&] { return desk_holds_all(desk_log, desk_file, kiosks); })) << "after a hub outage";

  // A kiosk killed mid-upload: the hub holds rows its database never recorded as uploaded, so
  // after the restart it publishes them all again; the desk must keep one copy of each.
  kiosks[1]->stop_uplink();
  {
    Database db = open_for_uplink(kiosks[1]->file());
    db.write_transaction("begin", "commit", [&] { save_uplink_progress(db, kiosks[1]->id(), 0); });
  }
  kiosks[1]->visits(5);
  kiosks[1]->start_uplink();
  ASSERT_TRUE(eventually([&] { return desk_holds_all(desk_log, desk_file, kiosks); })) << "after a kiosk republished everything";

  for (auto& kiosk : kiosks) kiosk->stop_uplink();
  std::this_thread::sleep_for(1000ms);  // the feed takes the last heartbeats in
  desk_log.flush();

  std::size_t kiosk_rows = 0;
  for (const auto& kiosk : kiosks) kiosk_rows += count_rows(kiosk->file());
  std::set<std::pair<std::string, std::int64_t>> from_kiosks;
  for (const auto& kiosk : kiosks)
    for (const auto& row : rows_of(kiosk->file())) from_kiosks.insert(row);
  std::size_t desk_kiosk_rows = 0;
  for (const auto& row : rows_of(desk_file)) desk_kiosk_rows += from_kiosks.count(row);
  EXPECT_EQ(desk_kiosk_rows, kiosk_rows) << "every kiosk row is at the desk, exactly once";

  std::vector<std::filesystem::path> merged{desk_file};
  for (const auto& kiosk : kiosks) merged.push_back(kiosk->file());
  EXPECT_EQ(export_of({desk_file}, dir / "desk-export"), export_of(merged, dir / "merged-export"));
}

TEST(BoothLink, AfterALongOutageTheBacklogLeavesAsSoonAsTheHubIsBack) {
  TempDir dir;
  TestHub hub({"kiosk-1", "desk"});
  std::vector<std::unique_ptr<TestKiosk>> kiosks;
  kiosks.push_back(std::make_unique<TestKiosk>(dir, hub.url(), credentials_of(hub, "kiosk-1")));
  kiosks[0]->set_longest_retry_wait(10s);  // the kiosk's default
  const std::filesystem::path desk_file = dir / "desk.db";
  EventLog desk_log(EventLog::Options{desk_file, "desk"});
  DeskFeed feed(DeskFeed::Options{hub.url(), credentials_of(hub, "desk"), 1000ms, 1000ms}, desk_log);
  kiosks[0]->start_uplink();
  kiosks[0]->visits(2);
  ASSERT_TRUE(eventually([&] { return desk_holds_all(desk_log, desk_file, kiosks); })) << "before the outage";

  // Long enough for a backing-off wait to have grown to 8 s (0.5 + 1 + 2 + 4 s gone by).
  hub.stop();
  kiosks[0]->visits(2);
  std::this_thread::sleep_for(8500ms);
  hub.start();
  const auto restarted = std::chrono::steady_clock::now();
  ASSERT_TRUE(eventually([&] { return desk_holds_all(desk_log, desk_file, kiosks); })) << "after the outage";
  EXPECT_LT(std::chrono::steady_clock::now() - restarted, 5s) << "the backlog waited out the uplink's retry wait, not the hub";
  kiosks[0]->stop_uplink();
}

TEST(BoothLink, HubSyncCatchesAFreshDatabaseUpAndItsExportEqualsTheMergedFiles) {
  TempDir dir;
  TestHub hub({"kiosk-1", "kiosk-2", "desk"});
  const std::string binary = OPENDAY_BINARY;
  const std::string link = " --hub " + hub.url() + " --hub-credentials '";
  const Shell created = run(binary + " hub sync --db '" + (dir / "first.db").string() + "'" + link + hub.credentials("desk").string() + "'");
  ASSERT_EQ(created.status, 0) << created.output;
  for (const auto& [device, seed] : std::map<std::string, int>{{"kiosk-1", 5}, {"kiosk-2", 6}}) {
    const Shell simulated = run(binary + " simulate --visitors 25 --seed " + std::to_string(seed) + " --db '" + (dir / (device + ".db")).string() + "'" +
                                link + hub.credentials(device).string() + "'");
    ASSERT_EQ(simulated.status, 0) << simulated.output;
    EXPECT_NE(simulated.output.find("0 not yet on the hub"), std::string::npos) << simulated.output;
  }
  // Both the database that synced before and one that never did get everything.
  for (const char* name : {"first.db", "second.db"}) {
    const Shell synced = run(binary + " hub sync --db '" + (dir / name).string() + "'" + link + hub.credentials("desk").string() + "'");
    ASSERT_EQ(synced.status, 0) << synced.output;
    EXPECT_EQ(export_of({dir / name}, dir / (std::string(name) + "-export")),
              export_of({dir / "kiosk-1.db", dir / "kiosk-2.db"}, dir / (std::string(name) + "-merged")));
  }
  // A second sync has nothing new.
  const Shell again = run(binary + " hub sync --db '" + (dir / "first.db").string() + "'" + link + hub.credentials("desk").string() + "'");
  EXPECT_NE(again.output.find(", 0 new events"), std::string::npos) << again.output;

  const Shell status = run(binary + " hub status --json" + link + hub.credentials("desk").string() + "'");
  ASSERT_EQ(status.status, 0) << status.output;
  EXPECT_NE(status.output.find("\"device\": \"kiosk-1\""), std::string::npos) << status.output;
  EXPECT_NE(status.output.find("\"device\": \"kiosk-2\""), std::string::npos) << status.output;
  EXPECT_NE(status.output.find("\"prize_stock\": null"), std::string::npos) << "no booth stock was set: " << status.output;
}

// libnats closes a connection for good once the hub refuses its key twice in a row while it
// reconnects (a hub restarted with a regenerated config, a transient refusal): at its 1 s
// reconnect wait that takes about 2 s; refused this long, libnats has given up.
constexpr auto kRefusedUntilLibnatsGivesUp = 5s;

// kiosk-1 uploading and the desk's feed taking its rows in, through a hub that will refuse one
// of them for a while.
class RefusingHub : public ::testing::Test {
 protected:
  void SetUp() override {
    kiosks.push_back(std::make_unique<TestKiosk>(dir, hub.url(), credentials_of(hub, "kiosk-1")));
    feed = std::make_unique<DeskFeed>(DeskFeed::Options{hub.url(), credentials_of(hub, "desk"), 1000ms, 1000ms}, desk_log);
  }
  void TearDown() override { kiosks[0]->stop_uplink(); }

  TestKiosk& kiosk() { return *kiosks[0]; }
  bool desk_has_every_row() const { return desk_holds_all(desk_log, desk_file, kiosks); }

  // The hub refuses these devices until libnats gave up on their connections, then takes their
  // keys again; the kiosk keeps serving visitors throughout. Returns what the kiosk's uplink
  // said at the end of the refusal.
  std::string refuse_for_a_while(const std::vector<std::string>& devices) {
    hub.restart_refusing(devices);
    kiosk().visits(2);
    std::this_thread::sleep_for(kRefusedUntilLibnatsGivesUp);
    const std::string said = kiosk().status().last_error;
    hub.restart_accepting();
    kiosk().visits(2);
    return said;
  }

  TempDir dir;
  TestHub hub{{"kiosk-1", "desk"}};
  std::filesystem::path desk_file = dir / "desk.db";
  EventLog desk_log{EventLog::Options{desk_file, "desk"}};
  std::unique_ptr<DeskFeed> feed;
  std::vector<std::unique_ptr<TestKiosk>> kiosks;
};

TEST_F(RefusingHub, AKioskWhoseConnectionLibnatsClosedUploadsAgainOnceTheHubTakesItsKey) {
  // With the booth's stock set, the kiosk's share works through a prize bucket on its connection.
  std::unique_ptr<HubConnection> desk = testing::connect_device(hub, "desk");
  ASSERT_EQ(ensure_booth_streams(*desk), "");
  std::unique_ptr<PrizeBucket> desk_bucket = testing::open_prize_bucket(*desk);
  ASSERT_EQ(set_booth_stock_on_hub(*desk_bucket, 40, "desk", utc_now_ms()).error, "");
  kiosk().start_uplink();
  kiosk().visits(2);
  ASSERT_TRUE(eventually([&] { return desk_has_every_row() && kiosk().status().prizes_held > 0; })) << "before the refusal";

  const std::string refused = refuse_for_a_while({"kiosk-1"});
  EXPECT_NE(refused.find("refused device kiosk-1's credentials"), std::string::npos) << "the board shows why: " << refused;
  ASSERT_TRUE(eventually([&] { return desk_has_every_row(); }))
      << "rows logged after the hub took the kiosk's key again never arrived; the uplink says: " << kiosk().status().last_error;

  // The kiosk's share reads the booth's stock through a bucket on its new connection.
  ASSERT_TRUE(testing::wait_until_connected(*desk, true));
  ASSERT_EQ(set_booth_stock_on_hub(*desk_bucket, 60, "desk", utc_now_ms()).error, "");
  const auto kiosk_reads_the_stock = [&] {
    const PrizeBucket::StockRead read = desk_bucket->read_stock();
    const UplinkStatus status = kiosk().status();
    return read.stock && status.prize_error.empty() && status.booth_prizes == read.stock->available() && status.booth_prizes >= 50;
  };
  EXPECT_TRUE(eventually(kiosk_reads_the_stock)) << "the kiosk's prize share says: " << kiosk().status().prize_error;
}

TEST_F(RefusingHub, ADeskWhoseConnectionLibnatsClosedTakesRowsInAgainOnceTheHubTakesItsKey) {
  kiosk().start_uplink();
  kiosk().visits(2);
  ASSERT_TRUE(eventually([&] { return desk_has_every_row(); })) << "before the refusal";

  static_cast<void>(refuse_for_a_while({"desk"}));
  ASSERT_TRUE(eventually([&] { return desk_has_every_row(); }))
      << "rows uploaded after the hub took the desk's key again never reached the desk; the feed says: " << feed->status().last_error;
  EXPECT_TRUE(feed->status().connected) << "the rows are in, yet the feed says it is not connected: " << feed->status().last_error;
}

TEST(BoothLink, AKioskWithWrongCredentialsSaysSoAndKeepsItsRows) {
  TempDir dir;
  TestHub hub({"kiosk-1", "desk"});
  TestHub other_booth({"kiosk-1", "desk"}, "B2");
  TestKiosk kiosk(dir, hub.url(), credentials_of(other_booth, "kiosk-1"));
  kiosk.start_uplink();
  kiosk.visits(3);
  ASSERT_TRUE(eventually([&] { return !kiosk.status().last_error.empty(); }, 10s));
  EXPECT_FALSE(kiosk.status().connected);
  EXPECT_EQ(kiosk.status().published, 0u);
  EXPECT_GT(count_rows(kiosk.file()), 0u) << "the kiosk works alone";
  kiosk.stop_uplink();
}

TEST(BoothLink, AnUnreachableHubNeverHoldsUpLogging) {
  TempDir dir;
  TestHub hub({"kiosk-1", "desk"});
  hub.kill();  // nothing listens on the port any more
  TestKiosk kiosk(dir, hub.url(), credentials_of(hub, "kiosk-1"));
  kiosk.start_uplink();
  const auto started = std::chrono::steady_clock::now();
  kiosk.visits(30);
  const auto took = std::chrono::steady_clock::now() - started;
  EXPECT_LT(took, 10s) << "logging waited on the network";
  EXPECT_EQ(count_rows(kiosk.file()), 30u * 10u + 30u / 3) << "ten rows a visit, and every third visit's prize";
  kiosk.stop_uplink();
}

}  // namespace
}  // namespace openday
