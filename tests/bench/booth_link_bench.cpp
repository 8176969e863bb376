// Prints the booth link's figures (issue 32) against a real nats-server on loopback, with the
// kiosks and the desk in this process (each its own EventLog and database, as in BoothLink.*):
//  1. upload lag from a kiosk's local commit to the desk's commit, median and p99, three kiosks
//     at a busy booth's rate and at ten times it;
//  2. catch-up after a hub outage while three kiosks keep serving: events per second and the
//     time to zero lag;
//  3. a kiosk's extra CPU and memory with its uplink on, and the uplink's idle CPU (attract
//     screen) with the hub up, killed, and black-holed. Each case runs in a child process of its
//     own (this binary with --child), so that its CPU time and peak RSS are its alone.
// Not a pass/fail test: it prints figures, then one JSON line for machines.
// Usage: booth_link_bench [--quick] [--duration S] [--outage-seconds N] [--idle-seconds N]
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "core/booth/booth_intake.h"
#include "core/booth/booth_uplink.h"
#include "core/booth/hub_connection.h"
#include "core/visits/event_log.h"
#include "core/visits/store.h"
#include "support/temp_dir.h"
#include "support/test_hub.h"

namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;
using openday::testing::TempDir;
using openday::testing::TestHub;

// ---------------------------------------------------------------------------------------------
// The busy booth's workload, per kiosk: a visitor session every 60 s, each a session start, 58
// taps in bursts of 4-8 taps 150-350 ms apart spread over the first 50 s (reading between
// bursts), and a session end: 60 events a minute, 1 event/s per kiosk. Ten times the rate
// divides every time by ten (a session every 6 s, taps 15-35 ms apart).
constexpr auto kSessionPeriod = 60s;
constexpr auto kSessionActive = 50s;
constexpr int kTapsPerSession = 58;
constexpr int kEventsPerSession = kTapsPerSession + 2;
constexpr double kBusyEventsPerSecond = static_cast<double>(kEventsPerSession) / 60.0;
constexpr int kKiosks = 3;
constexpr auto kCommitSampling = 1ms;
constexpr auto kDeskPolling = 5ms;

struct Planned {
  std::chrono::microseconds at;  // from the start of the run
  openday::EventType type;
  std::int64_t session;
};

std::vector<Planned> plan_kiosk(double speedup, std::chrono::seconds length, unsigned seed) {
  std::mt19937 random(seed);
  auto uniform_ms = [&random](int low, int high) { return std::chrono::milliseconds(std::uniform_int_distribution<int>(low, high)(random)); };
  std::vector<Planned> plan;
  // Each kiosk joins mid-session at a point of its own, so that the rate holds from the start.
  std::chrono::microseconds session_start = -uniform_ms(0, 60000);
  for (std::int64_t session = 1; session_start < length * speedup; ++session) {
    plan.push_back({session_start, openday::EventType::SessionStart, session});
    int taps = 0;
    std::vector<int> bursts;
    while (taps < kTapsPerSession) {
      const int size = std::min(std::uniform_int_distribution<int>(4, 8)(random), kTapsPerSession - taps);
      bursts.push_back(size);
      taps += size;
    }
    const auto burst_spacing = std::chrono::duration_cast<std::chrono::microseconds>(kSessionActive) / static_cast<int>(bursts.size());
    for (std::size_t b = 0; b < bursts.size(); ++b) {
      std::chrono::microseconds at = session_start + burst_spacing * static_cast<int>(b) + uniform_ms(500, 1500);
      for (int t = 0; t < bursts[b]; ++t) {
        plan.push_back({at, openday::EventType::Tap, session});
        at += uniform_ms(150, 350);
      }
    }
    plan.push_back({session_start + kSessionActive + 2s, openday::EventType::SessionEnd, session});
    session_start += std::chrono::duration_cast<std::chrono::microseconds>(kSessionPeriod) + uniform_ms(-5000, 5000);
  }
  for (Planned& p : plan) p.at = std::chrono::microseconds(static_cast<std::int64_t>(static_cast<double>(p.at.count()) / speedup));
  std::stable_sort(plan.begin(), plan.end(), [](const Planned& a, const Planned& b) { return a.at < b.at; });
  std::erase_if(plan, [&](const Planned& p) { return p.at < std::chrono::microseconds(0) || p.at >= length; });
  return plan;
}

openday::Event event_of(const Planned& planned, std::int64_t index) {
  openday::Event e;
  e.type = planned.type;
  e.session = planned.session;
  e.screen = "department";
  e.target = planned.type == openday::EventType::Tap ? "department.tab.approvals" : "";
  // The bench's own index of the event, so that the desk's copy is known without assuming seq.
  e.count = index;
  return e;
}

double percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  return values[static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5)];
}

double ms_between(Clock::time_point from, Clock::time_point to) { return std::chrono::duration<double, std::milli>(to - from).count(); }

openday::HubCredentials credentials_of(const TestHub& hub, std::string_view device) {
  openday::HubCredentialsLoad loaded = openday::load_hub_credentials(hub.credentials(device));
  if (!loaded.credentials) throw std::runtime_error(loaded.error);
  return *loaded.credentials;
}

// The uplink as a kiosk runs it: the production defaults (200 ms poll, 5 s heartbeat, ...).
openday::UplinkOptions uplink_options(const std::filesystem::path& db, const std::string& url, openday::HubCredentials credentials) {
  openday::UplinkOptions options;
  options.db_file = db;
  options.url = url;
  options.kiosk_id = credentials.device;
  options.credentials = std::move(credentials);
  return options;
}

template <typename Done>
bool wait_until(Done done, std::chrono::milliseconds limit, std::chrono::milliseconds step = 20ms) {
  const auto deadline = Clock::now() + limit;
  while (Clock::now() < deadline) {
    if (done()) return true;
    std::this_thread::sleep_for(step);
  }
  return done();
}

// ---------------------------------------------------------------------------------------------
// A kiosk of the bench: its log, its uplink, and its workload on a thread of its own; what was
// logged and committed when, by the bench's index of the event.
class BenchKiosk {
 public:
  BenchKiosk(const std::filesystem::path& dir, const TestHub& hub, const std::string& id, std::vector<Planned> plan)
      : id_(id), file_(dir / (id + ".db")), plan_(std::move(plan)), log_(openday::EventLog::Options{file_, id}),
        uplink_options_(uplink_options(file_, hub.url(), credentials_of(hub, id))), logged_at_(plan_.size()), committed_at_(plan_.size()) {}
  ~BenchKiosk() { stop_workload(); }

  void start_uplink() { uplink_ = std::make_unique<openday::BoothUplink>(uplink_options_); }
  bool uplink_connected() const { return uplink_ && uplink_->status().connected; }

  void start_workload(Clock::time_point start) {
    worker_ = std::thread([this, start] {
      for (std::size_t i = 0; i < plan_.size(); ++i) {
        std::unique_lock lock(mutex_);
        if (stop_.wait_until(lock, start + plan_[i].at, [this] { return stopping_; })) return;
        lock.unlock();
        logged_at_[i] = Clock::now();
        log_.log(event_of(plan_[i], static_cast<std::int64_t>(i)));
        logged_count_.store(i + 1, std::memory_order_release);
      }
    });
  }
  void stop_workload() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    stop_.notify_all();
    if (worker_.joinable()) worker_.join();
    log_.flush();
  }

  // Sampler thread only: the commit time of every event acknowledged since the last call.
  void sample_commits(Clock::time_point now) {
    const std::size_t acknowledged = std::min<std::size_t>(log_.acknowledged_count(), committed_at_.size());
    for (; sampled_ < acknowledged; ++sampled_) committed_at_[sampled_] = now;
  }

  const std::string& id() const { return id_; }
  const std::filesystem::path& file() const { return file_; }
  std::size_t acknowledged() const { return std::min<std::size_t>(log_.acknowledged_count(), plan_.size()); }
  std::size_t logged() const { return logged_count_.load(std::memory_order_acquire); }
  // Read after the run (the threads that wrote them have stopped).
  const std::vector<Clock::time_point>& logged_at() const { return logged_at_; }
  const std::vector<Clock::time_point>& committed_at() const { return committed_at_; }

 private:
  std::string id_;
  std::filesystem::path file_;
  std::vector<Planned> plan_;
  openday::EventLog log_;
  openday::UplinkOptions uplink_options_;
  std::unique_ptr<openday::BoothUplink> uplink_;
  std::vector<Clock::time_point> logged_at_, committed_at_;
  std::size_t sampled_ = 0;
  std::atomic<std::size_t> logged_count_{0};
  std::mutex mutex_;
  std::condition_variable stop_;
  bool stopping_ = false;
  std::thread worker_;
};

// Polls each kiosk's acknowledged_count every millisecond: the commit time of every event.
class CommitSampler {
 public:
  explicit CommitSampler(const std::vector<std::unique_ptr<BenchKiosk>>& kiosks)
      : thread_([this, &kiosks] {
          while (!stopping_.load()) {
            const auto now = Clock::now();
            for (const auto& kiosk : kiosks) kiosk->sample_commits(now);
            std::this_thread::sleep_for(kCommitSampling);
          }
          for (const auto& kiosk : kiosks) kiosk->sample_commits(Clock::now());
        }) {}
  ~CommitSampler() { stop(); }
  void stop() {
    stopping_ = true;
    if (thread_.joinable()) thread_.join();
  }

 private:
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

// Reads the desk's database every few milliseconds and notes when each kiosk row first appears.
class DeskWatcher {
 public:
  DeskWatcher(std::filesystem::path desk_file, const std::vector<std::unique_ptr<BenchKiosk>>& kiosks)
      : desk_file_(std::move(desk_file)), kiosks_(kiosks), seen_at_(kiosks.size()), held_(kiosks.size(), 0) {
    for (std::size_t k = 0; k < kiosks.size(); ++k) {
      index_of_[kiosks[k]->id()] = k;
      seen_at_[k].resize(kiosks[k]->committed_at().size());
    }
    thread_ = std::thread([this] { run(); });
  }
  ~DeskWatcher() { stop(); }
  void stop() {
    stopping_ = true;
    if (thread_.joinable()) thread_.join();
  }

  // True when the desk holds every event each kiosk has committed (read before the desk).
  bool caught_up() const {
    std::lock_guard lock(mutex_);
    return caught_up_;
  }
  std::size_t held_total() const {
    std::lock_guard lock(mutex_);
    std::size_t total = 0;
    for (std::size_t held : held_) total += held;
    return total;
  }
  // From now on, notes the first poll that finds the desk caught up.
  void arm_zero_lag() {
    std::lock_guard lock(mutex_);
    zero_lag_at_.reset();
    armed_ = true;
  }
  std::optional<Clock::time_point> zero_lag_at() const {
    std::lock_guard lock(mutex_);
    return zero_lag_at_;
  }
  double mean_poll_ms() const {
    std::lock_guard lock(mutex_);
    return polls_ == 0 ? 0 : ms_between(first_poll_, last_poll_) / static_cast<double>(polls_);
  }
  // After stop(): when each kiosk's event i first appeared at the desk (epoch if never).
  const std::vector<std::vector<Clock::time_point>>& seen_at() const { return seen_at_; }

 private:
  void run() {
    std::optional<openday::Database> db;
    std::optional<openday::Statement> fresh;
    std::int64_t last_id = 0;
    while (!stopping_.load()) {
      std::this_thread::sleep_for(kDeskPolling);
      if (!db) {
        if (!std::filesystem::exists(desk_file_)) continue;
        try {
          db.emplace(openday::open_store_read_only(desk_file_));
          fresh.emplace(db->prepare("SELECT id, kiosk_id, count FROM events WHERE id > ?1 ORDER BY id"));
        } catch (const std::exception&) {
          db.reset();
          continue;
        }
      }
      std::vector<std::size_t> committed;
      for (const auto& kiosk : kiosks_) committed.push_back(kiosk->acknowledged());
      const auto now = Clock::now();
      std::lock_guard lock(mutex_);
      fresh->reset();
      fresh->bind(1, last_id);
      while (fresh->step()) {
        last_id = fresh->column_int(0);
        const auto kiosk = index_of_.find(fresh->column_text(1));
        if (kiosk == index_of_.end() || fresh->column_is_null(2)) continue;
        const auto index = static_cast<std::size_t>(fresh->column_int(2));
        auto& seen = seen_at_[kiosk->second];
        if (index >= seen.size() || seen[index] != Clock::time_point{}) continue;
        seen[index] = now;
        ++held_[kiosk->second];
      }
      caught_up_ = true;
      for (std::size_t k = 0; k < kiosks_.size(); ++k) caught_up_ = caught_up_ && held_[k] >= committed[k];
      if (armed_ && caught_up_ && !zero_lag_at_) zero_lag_at_ = now;
      if (polls_++ == 0) first_poll_ = now;
      last_poll_ = now;
    }
  }

  std::filesystem::path desk_file_;
  const std::vector<std::unique_ptr<BenchKiosk>>& kiosks_;
  std::map<std::string, std::size_t> index_of_;
  mutable std::mutex mutex_;
  std::vector<std::vector<Clock::time_point>> seen_at_;  // under mutex_
  std::vector<std::size_t> held_;                        // under mutex_
  bool caught_up_ = false, armed_ = false;               // under mutex_
  std::optional<Clock::time_point> zero_lag_at_;         // under mutex_
  std::uint64_t polls_ = 0;                              // under mutex_
  Clock::time_point first_poll_, last_poll_;             // under mutex_
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

// A booth of three kiosks and a desk on a fresh hub, as BoothLink.* wires one.
struct Booth {
  explicit Booth(double speedup, std::chrono::seconds plan_length)
      : hub({"kiosk-1", "kiosk-2", "kiosk-3", "desk"}),
        desk_log(openday::EventLog::Options{dir / "desk.db", "desk"}),
        feed(openday::DeskFeed::Options{hub.url(), credentials_of(hub, "desk")}, desk_log) {
    // The desk creates the booth's streams; the kiosks start once it has.
    if (!wait_until([this] { return feed.status().connected; }, 20s)) throw std::runtime_error("the desk did not reach the hub: " + feed.status().last_error);
    for (int k = 1; k <= kKiosks; ++k)
      kiosks.push_back(std::make_unique<BenchKiosk>(dir.path(), hub, "kiosk-" + std::to_string(k), plan_kiosk(speedup, plan_length, 1000u + static_cast<unsigned>(k))));
    for (auto& kiosk : kiosks) kiosk->start_uplink();
    if (!wait_until([this] { return std::all_of(kiosks.begin(), kiosks.end(), [](const auto& k) { return k->uplink_connected(); }); }, 20s))
      throw std::runtime_error("a kiosk did not reach the hub");
  }
  void start_workload() {
    const auto start = Clock::now() + 100ms;
    for (auto& kiosk : kiosks) kiosk->start_workload(start);
  }
  void stop_workload() {
    for (auto& kiosk : kiosks) kiosk->stop_workload();
  }
  std::size_t logged() const {
    std::size_t total = 0;
    for (const auto& kiosk : kiosks) total += kiosk->logged();
    return total;
  }

  TempDir dir;
  TestHub hub;
  openday::EventLog desk_log;
  openday::DeskFeed feed;
  std::vector<std::unique_ptr<BenchKiosk>> kiosks;
};

// ---------------------------------------------------------------------------------------------
// 1. Upload lag.

struct LagFigures {
  double speedup = 1;
  double events_per_second_per_kiosk = 0;  // as logged
  std::size_t events = 0, missing = 0;
  double median_ms = 0, p99_ms = 0, max_ms = 0;
  double commit_median_ms = 0;  // log() to the kiosk's commit, for context
  double poll_ms = 0;           // the desk watcher's mean poll period (its resolution)
};

LagFigures measure_lag(double speedup, std::chrono::seconds duration) {
  Booth booth(speedup, duration);
  LagFigures figures;
  figures.speedup = speedup;
  {
    CommitSampler sampler(booth.kiosks);
    DeskWatcher watcher(booth.dir / "desk.db", booth.kiosks);
    const auto started = Clock::now();
    booth.start_workload();
    std::this_thread::sleep_for(duration + 200ms);
    booth.stop_workload();
    const double seconds = std::chrono::duration<double>(Clock::now() - started).count();
    figures.events_per_second_per_kiosk = static_cast<double>(booth.logged()) / seconds / kKiosks;
    wait_until([&] { return watcher.held_total() >= booth.logged(); }, 60s);
    watcher.stop();
    sampler.stop();
    figures.poll_ms = watcher.mean_poll_ms();
    std::vector<double> lags, commits;
    for (std::size_t k = 0; k < booth.kiosks.size(); ++k) {
      const BenchKiosk& kiosk = *booth.kiosks[k];
      for (std::size_t i = 0; i < kiosk.logged(); ++i) {
        const auto committed = kiosk.committed_at()[i];
        const auto seen = watcher.seen_at()[k][i];
        if (committed == Clock::time_point{} || seen == Clock::time_point{}) {
          ++figures.missing;
          continue;
        }
        lags.push_back(ms_between(committed, seen));
        commits.push_back(ms_between(kiosk.logged_at()[i], committed));
      }
    }
    figures.events = lags.size();
    figures.median_ms = percentile(lags, 0.5);
    figures.p99_ms = percentile(lags, 0.99);
    figures.max_ms = percentile(lags, 1.0);
    figures.commit_median_ms = percentile(commits, 0.5);
  }
  return figures;
}

// ---------------------------------------------------------------------------------------------
// 2. Catch-up after an outage.

struct CatchUpFigures {
  int outage_s = 0;
  std::size_t backlog = 0;            // committed at the kiosks, not at the desk, at the restart
  double restart_s = 0;               // TestHub::start until it accepted connections
  double first_row_s = 0;             // restart to the first backlog row at the desk
  double drained_s = 0;               // restart to the desk holding the whole backlog
  double events_per_second = 0;       // backlog / drained_s
  double peak_events_per_second = 0;  // the best one-second window of the catch-up
  double zero_lag_s = -1;             // restart to the desk holding all each kiosk had committed
  std::size_t missing = 0;            // logged, never at the desk
};

CatchUpFigures measure_catch_up(std::chrono::seconds outage) {
  constexpr auto kWarmUp = 10s;
  const auto catch_up_limit = std::max<std::chrono::seconds>(180s, outage / 2);
  Booth booth(1.0, kWarmUp + outage + catch_up_limit + 60s);
  CatchUpFigures figures;
  figures.outage_s = static_cast<int>(outage.count());
  CommitSampler sampler(booth.kiosks);
  DeskWatcher watcher(booth.dir / "desk.db", booth.kiosks);
  booth.start_workload();
  std::this_thread::sleep_for(kWarmUp);
  booth.hub.stop();
  std::printf("  hub stopped; %d s of outage with the kiosks serving on...\n", figures.outage_s);
  std::fflush(stdout);
  std::this_thread::sleep_for(outage);
  std::vector<std::size_t> committed_at_restart;
  for (const auto& kiosk : booth.kiosks) committed_at_restart.push_back(kiosk->acknowledged());
  std::size_t committed_total = 0;
  for (std::size_t c : committed_at_restart) committed_total += c;
  figures.backlog = committed_total - std::min(committed_total, watcher.held_total());
  watcher.arm_zero_lag();
  const auto restarting = Clock::now();
  booth.hub.start();
  const auto restarted = Clock::now();
  figures.restart_s = std::chrono::duration<double>(restarted - restarting).count();
  const bool zero = wait_until([&] { return watcher.zero_lag_at().has_value(); }, catch_up_limit);
  // The backlog itself may still be in flight when a quiet moment first finds the desk level.
  wait_until([&] { return watcher.held_total() >= committed_total; }, catch_up_limit);
  booth.stop_workload();
  wait_until([&] { return watcher.held_total() >= booth.logged(); }, 60s);
  watcher.stop();
  if (zero) figures.zero_lag_s = std::chrono::duration<double>(*watcher.zero_lag_at() - restarted).count();

  std::optional<Clock::time_point> first, last;
  std::vector<Clock::time_point> arrivals;
  for (std::size_t k = 0; k < booth.kiosks.size(); ++k) {
    for (std::size_t i = 0; i < booth.kiosks[k]->logged(); ++i) {
      const auto seen = watcher.seen_at()[k][i];
      if (seen == Clock::time_point{}) {
        ++figures.missing;
        continue;
      }
      if (i >= committed_at_restart[k] || seen < restarting) continue;
      arrivals.push_back(seen);
      if (!first || seen < *first) first = seen;
      if (!last || seen > *last) last = seen;
    }
  }
  if (first) figures.first_row_s = std::chrono::duration<double>(*first - restarted).count();
  if (last) figures.drained_s = std::chrono::duration<double>(*last - restarted).count();
  if (first && last) {
    const double spread = std::chrono::duration<double>(*last - *first).count();
    figures.events_per_second = static_cast<double>(arrivals.size()) / std::max(spread, 1e-3);
    std::sort(arrivals.begin(), arrivals.end());
    std::size_t window_start = 0, best = 0;
    for (std::size_t i = 0; i < arrivals.size(); ++i) {
      while (arrivals[i] - arrivals[window_start] >= 1s) ++window_start;
      best = std::max(best, i - window_start + 1);
    }
    figures.peak_events_per_second = static_cast<double>(best);
  }
  return figures;
}

// ---------------------------------------------------------------------------------------------
// 3. A kiosk's cost: child processes of this binary, each one kiosk (an EventLog, with or without
// its BoothUplink), measured over a window after a settling time.

double process_cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

long status_kb(const char* key) {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind(key, 0) == 0) return std::strtol(line.c_str() + std::strlen(key), nullptr, 10);
  return -1;
}

std::set<std::string> thread_ids() {
  std::set<std::string> ids;
  for (const auto& entry : std::filesystem::directory_iterator("/proc/self/task")) ids.insert(entry.path().filename().string());
  return ids;
}

// utime + stime of one of this process's threads, in seconds (clock ticks: 10 ms resolution).
double thread_cpu_seconds(const std::string& tid) {
  std::ifstream stat("/proc/self/task/" + tid + "/stat");
  std::string text((std::istreambuf_iterator<char>(stat)), {});
  const auto close = text.rfind(')');
  if (close == std::string::npos) return 0;
  std::istringstream fields(text.substr(close + 2));
  std::string field;
  double ticks = 0;
  for (int i = 3; fields >> field && i <= 15; ++i)
    if (i == 14 || i == 15) ticks += std::strtod(field.c_str(), nullptr);
  return ticks / static_cast<double>(sysconf(_SC_CLK_TCK));
}

struct ChildArgs {
  std::string mode;  // "workload" or "idle"
  bool link = false;
  std::string url, creds, db;
  int seconds = 30;
};

int run_child(const ChildArgs& args) {
  std::optional<openday::EventLog> log;
  log.emplace(openday::EventLog::Options{args.db, "kiosk-1"});
  log->flush();
  const std::set<std::string> before_link = thread_ids();
  std::optional<openday::BoothUplink> uplink;
  if (args.link) {
    openday::HubCredentialsLoad loaded = openday::load_hub_credentials(args.creds);
    if (!loaded.credentials) throw std::runtime_error(loaded.error);
    uplink.emplace(uplink_options(args.db, args.url, *loaded.credentials));
  }
  std::this_thread::sleep_for(3s);  // the connection (or the first failed attempts) out of the window
  std::map<std::string, double> link_threads;
  for (const std::string& tid : thread_ids())
    if (!before_link.count(tid)) link_threads[tid] = thread_cpu_seconds(tid);
  const double cpu_before = process_cpu_seconds();
  const auto start = Clock::now();
  std::size_t logged = 0;
  if (args.mode == "workload") {
    const std::vector<Planned> plan = plan_kiosk(1.0, std::chrono::seconds(args.seconds), 1001u);
    for (const Planned& planned : plan) {
      std::this_thread::sleep_until(start + planned.at);
      log->log(event_of(planned, static_cast<std::int64_t>(logged++)));
    }
  }
  std::this_thread::sleep_until(start + std::chrono::seconds(args.seconds));
  const double window = std::chrono::duration<double>(Clock::now() - start).count();
  const double cpu = process_cpu_seconds() - cpu_before;
  double link_cpu = 0;
  for (const auto& [tid, at_start] : link_threads) link_cpu += thread_cpu_seconds(tid) - at_start;
  const openday::UplinkStatus status = uplink ? uplink->status() : openday::UplinkStatus{};
  std::printf("window_s=%.3f cpu_s=%.4f link_threads=%zu link_threads_cpu_s=%.4f maxrss_kb=%ld rss_kb=%ld logged=%zu published=%llu connected=%d\n",
              window, cpu, link_threads.size(), link_cpu, status_kb("VmHWM:"), status_kb("VmRSS:"), logged,
              static_cast<unsigned long long>(status.published), status.connected ? 1 : 0);
  std::fflush(stdout);
  uplink.reset();
  log.reset();
  return 0;
}

struct ChildFigures {
  double window_s = 0, cpu_s = 0, link_cpu_s = 0;
  long maxrss_kb = 0, rss_kb = 0;
  std::size_t link_threads = 0, logged = 0;
  unsigned long long published = 0;
  int connected = 0;
  double core_percent() const { return window_s > 0 ? 100.0 * cpu_s / window_s : 0; }
  double link_core_percent() const { return window_s > 0 ? 100.0 * link_cpu_s / window_s : 0; }
};

std::string self_path() { return std::filesystem::read_symlink("/proc/self/exe").string(); }

ChildFigures spawn_child(const std::string& mode, bool link, const std::string& url, const std::filesystem::path& creds, int seconds) {
  TempDir dir;
  const std::string command = "'" + self_path() + "' --child " + mode + " --link " + (link ? "on" : "off") + " --url '" + url + "' --creds '" +
                              creds.string() + "' --db '" + (dir / "kiosk-1.db").string() + "' --seconds " + std::to_string(seconds);
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) throw std::runtime_error("cannot run " + command);
  std::string output;
  char buffer[1024];
  while (std::fgets(buffer, sizeof buffer, pipe)) output += buffer;
  const int status = pclose(pipe);
  ChildFigures f;
  const int parsed = std::sscanf(output.c_str(), "window_s=%lf cpu_s=%lf link_threads=%zu link_threads_cpu_s=%lf maxrss_kb=%ld rss_kb=%ld logged=%zu published=%llu connected=%d",
                                 &f.window_s, &f.cpu_s, &f.link_threads, &f.link_cpu_s, &f.maxrss_kb, &f.rss_kb, &f.logged, &f.published, &f.connected);
  if (status != 0 || parsed != 9) throw std::runtime_error("the child kiosk failed (" + command + "): " + output);
  return f;
}

// A listening socket on 127.0.0.1 whose accept queue is full and never drained: the kernel drops
// further SYNs, so a connect to it times out, as one to a black-holed address would, without a
// packet leaving the machine.
class BlackHole {
 public:
  BlackHole() {
    listener_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (listener_ < 0 || ::bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 || ::listen(listener_, 0) != 0 ||
        ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length) != 0)
      throw std::runtime_error("cannot open the black hole's socket");
    port_ = ntohs(address.sin_port);
    for (int i = 0; i < 4; ++i) fillers_.push_back(start_connect());
    std::this_thread::sleep_for(200ms);
    const int probe = start_connect();
    pollfd waiting{probe, POLLOUT, 0};
    times_out_ = ::poll(&waiting, 1, 1000) == 0;
    ::close(probe);
  }
  ~BlackHole() {
    for (int fd : fillers_) ::close(fd);
    ::close(listener_);
  }
  BlackHole(const BlackHole&) = delete;
  BlackHole& operator=(const BlackHole&) = delete;
  int port() const { return port_; }
  bool connect_times_out() const { return times_out_; }

 private:
  int start_connect() const {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port_));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    [[maybe_unused]] const int started = ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
    return fd;
  }

  int listener_ = -1;
  int port_ = 0;
  std::vector<int> fillers_;
  bool times_out_ = false;
};

struct CostFigures {
  ChildFigures work_off, work_on, idle_off, idle_up, idle_killed, idle_black_hole;
  bool black_hole_times_out = false;
};

CostFigures measure_kiosk_cost(int work_seconds, int idle_seconds) {
  CostFigures figures;
  TestHub hub({"kiosk-1", "desk"});
  {
    // The streams exist before the kiosk publishes, as the desk would have made them.
    openday::HubConnection::Open desk = openday::HubConnection::connect(hub.url(), credentials_of(hub, "desk"), 2000ms);
    if (!desk.connection) throw std::runtime_error(desk.error);
    if (const std::string problem = openday::ensure_booth_streams(*desk.connection); !problem.empty()) throw std::runtime_error(problem);
  }
  const auto creds = hub.credentials("kiosk-1");
  std::printf("  workload without the link (%d s)...\n", work_seconds);
  std::fflush(stdout);
  figures.work_off = spawn_child("workload", false, hub.url(), creds, work_seconds);
  std::printf("  workload with the link (%d s)...\n", work_seconds);
  std::fflush(stdout);
  figures.work_on = spawn_child("workload", true, hub.url(), creds, work_seconds);
  std::printf("  idle: without the link, with it and the hub up, killed, black-holed (%d s each)...\n", idle_seconds);
  std::fflush(stdout);
  figures.idle_off = spawn_child("idle", false, hub.url(), creds, idle_seconds);
  figures.idle_up = spawn_child("idle", true, hub.url(), creds, idle_seconds);
  hub.kill();
  figures.idle_killed = spawn_child("idle", true, hub.url(), creds, idle_seconds);
  BlackHole hole;
  figures.black_hole_times_out = hole.connect_times_out();
  figures.idle_black_hole = spawn_child("idle", true, "nats://127.0.0.1:" + std::to_string(hole.port()), creds, idle_seconds);
  return figures;
}

// ---------------------------------------------------------------------------------------------

std::string nats_server_version() {
  const std::string server = openday::testing::find_nats_server();
  if (server.empty()) return "not installed";
  FILE* pipe = popen(("'" + server + "' --version 2>&1").c_str(), "r");
  if (!pipe) return "unknown";
  char buffer[256] = {};
  const bool read = std::fgets(buffer, sizeof buffer, pipe) != nullptr;
  pclose(pipe);
  std::string version = read ? buffer : "unknown";
  while (!version.empty() && (version.back() == '\n' || version.back() == '\r')) version.pop_back();
  return version;
}

std::string load_average() {
  std::ifstream in("/proc/loadavg");
  std::string one, five, fifteen;
  in >> one >> five >> fifteen;
  return one + " " + five + " " + fifteen;
}

struct Options {
  std::chrono::seconds duration{60};
  std::chrono::seconds outage{600};
  int idle_seconds = 30;
  bool quick = false;
};

void print_lag(const char* name, const LagFigures& f) {
  std::printf("%s: %.2f events/s per kiosk logged (x%.0f), %zu events: commit->desk median %.1f ms, p99 %.1f ms, max %.1f ms",
              name, f.events_per_second_per_kiosk, f.speedup, f.events, f.median_ms, f.p99_ms, f.max_ms);
  std::printf("; missing %zu; log()->commit median %.1f ms; desk polled every %.1f ms\n", f.missing, f.commit_median_ms, f.poll_ms);
}

void print_child(const char* name, const ChildFigures& f) {
  std::printf("  %-38s CPU %.3f s in %.1f s = %.3f %% of a core (link threads %zu: %.3f s = %.3f %%), peak RSS %.1f MB, RSS %.1f MB\n", name,
              f.cpu_s, f.window_s, f.core_percent(), f.link_threads, f.link_cpu_s, f.link_core_percent(), static_cast<double>(f.maxrss_kb) / 1024.0,
              static_cast<double>(f.rss_kb) / 1024.0);
}

std::string json_lag(const LagFigures& f) {
  char text[512];
  std::snprintf(text, sizeof text,
                "{\"speedup\": %.0f, \"events_per_s_per_kiosk\": %.3f, \"events\": %zu, \"missing\": %zu, \"median_ms\": %.1f, \"p99_ms\": %.1f, "
                "\"max_ms\": %.1f, \"log_to_commit_median_ms\": %.1f, \"desk_poll_ms\": %.1f}",
                f.speedup, f.events_per_second_per_kiosk, f.events, f.missing, f.median_ms, f.p99_ms, f.max_ms, f.commit_median_ms, f.poll_ms);
  return text;
}

std::string json_child(const ChildFigures& f) {
  char text[256];
  std::snprintf(text, sizeof text, "{\"core_percent\": %.4f, \"link_threads_core_percent\": %.4f, \"peak_rss_kb\": %ld, \"rss_kb\": %ld}", f.core_percent(),
                f.link_core_percent(), f.maxrss_kb, f.rss_kb);
  return text;
}

int run_bench(const Options& options) {
  const long cores = sysconf(_SC_NPROCESSORS_ONLN);
  const std::string version = nats_server_version();
  std::printf("booth link benchmark (issue 32): %ld cores online, %s, load average %s%s\n", cores, version.c_str(), load_average().c_str(),
              options.quick ? " (--quick)" : "");
  std::printf("busy booth: 3 kiosks, each a visitor session every %lld s of %d events (start, %d taps in bursts of 4-8 taps 150-350 ms apart, end) = %.2f events/s per kiosk; x10 divides every time by 10\n",
              static_cast<long long>(kSessionPeriod.count()), kEventsPerSession, kTapsPerSession, kBusyEventsPerSecond);
  std::printf("lag = the desk watcher's first sight of the row in the desk's database (polled every %lld ms) - the kiosk's commit (EventLog::acknowledged_count polled every %lld ms); uplink and desk feed at their defaults\n",
              static_cast<long long>(kDeskPolling.count()), static_cast<long long>(kCommitSampling.count()));
  std::fflush(stdout);

  const LagFigures busy = measure_lag(1.0, options.duration);
  print_lag("1. busy booth", busy);
  std::fflush(stdout);
  const LagFigures busy10 = measure_lag(10.0, options.duration);
  print_lag("1. ten times busy", busy10);
  std::fflush(stdout);

  std::printf("2. catch-up: 3 kiosks at the busy rate, hub stopped (SIGTERM) for %lld s after 10 s, then started again\n",
              static_cast<long long>(options.outage.count()));
  std::fflush(stdout);
  const CatchUpFigures catch_up = measure_catch_up(options.outage);
  std::printf("2. catch-up after %d s: backlog %zu events; hub restart took %.2f s; first backlog row at the desk %.2f s after it; backlog drained in %.2f s "
              "(%.0f events/s, best 1-s window %.0f events/s); zero lag (desk holds all each kiosk committed) %.2f s after the restart; missing %zu\n",
              catch_up.outage_s, catch_up.backlog, catch_up.restart_s, catch_up.first_row_s, catch_up.drained_s, catch_up.events_per_second,
              catch_up.peak_events_per_second, catch_up.zero_lag_s, catch_up.missing);
  std::fflush(stdout);

  const int work_seconds = static_cast<int>(options.duration.count());
  std::printf("3. one kiosk's cost, each case a child process of its own after 3 s of settling; the busy workload for %d s, idle for %d s\n",
              work_seconds, options.idle_seconds);
  std::fflush(stdout);
  const CostFigures cost = measure_kiosk_cost(work_seconds, options.idle_seconds);
  print_child("busy workload, link off:", cost.work_off);
  print_child("busy workload, link on (hub up):", cost.work_on);
  std::printf("  => the link adds %.3f %% of a core (process CPU difference; its own threads: %.3f %%) and %.1f MB of peak RSS; %llu of %zu events published\n",
              cost.work_on.core_percent() - cost.work_off.core_percent(), cost.work_on.link_core_percent(),
              static_cast<double>(cost.work_on.maxrss_kb - cost.work_off.maxrss_kb) / 1024.0, cost.work_on.published, cost.work_on.logged);
  print_child("idle, link off:", cost.idle_off);
  print_child("idle, link on, hub up:", cost.idle_up);
  print_child("idle, link on, hub killed (refused):", cost.idle_killed);
  print_child("idle, link on, black hole (times out):", cost.idle_black_hole);
  std::printf("  black hole: a listening socket on 127.0.0.1 with a full accept queue (connect %s); nothing leaves the machine\n",
              cost.black_hole_times_out ? "verified to time out" : "NOT verified to time out");

  std::printf("JSON {\"cores\": %ld, \"nats_server\": \"%s\", \"quick\": %s, \"busy\": %s, \"ten_times\": %s, "
              "\"catch_up\": {\"outage_s\": %d, \"backlog\": %zu, \"first_row_s\": %.3f, \"drained_s\": %.3f, \"events_per_s\": %.1f, \"peak_events_per_s\": %.1f, \"zero_lag_s\": %.3f, \"missing\": %zu}, "
              "\"kiosk\": {\"workload_off\": %s, \"workload_on\": %s, \"idle_off\": %s, \"idle_hub_up\": %s, \"idle_hub_killed\": %s, \"idle_black_hole\": %s}}\n",
              cores, version.c_str(), options.quick ? "true" : "false", json_lag(busy).c_str(), json_lag(busy10).c_str(), catch_up.outage_s, catch_up.backlog,
              catch_up.first_row_s, catch_up.drained_s, catch_up.events_per_second, catch_up.peak_events_per_second, catch_up.zero_lag_s, catch_up.missing,
              json_child(cost.work_off).c_str(), json_child(cost.work_on).c_str(), json_child(cost.idle_off).c_str(), json_child(cost.idle_up).c_str(),
              json_child(cost.idle_killed).c_str(), json_child(cost.idle_black_hole).c_str());
  return 0;
}

int usage() {
  std::fprintf(stderr, "usage: booth_link_bench [--quick] [--duration SECONDS] [--outage-seconds SECONDS] [--idle-seconds SECONDS]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (!args.empty() && args[0] == "--child") {
      ChildArgs child;
      for (std::size_t i = 0; i + 1 < args.size(); i += 2) {
        if (args[i] == "--child") child.mode = args[i + 1];
        else if (args[i] == "--link") child.link = args[i + 1] == "on";
        else if (args[i] == "--url") child.url = args[i + 1];
        else if (args[i] == "--creds") child.creds = args[i + 1];
        else if (args[i] == "--db") child.db = args[i + 1];
        else if (args[i] == "--seconds") child.seconds = std::atoi(args[i + 1].c_str());
      }
      return run_child(child);
    }
    Options options;
    std::optional<int> duration, outage, idle;
    for (std::size_t i = 0; i < args.size(); ++i) {
      const bool has_value = i + 1 < args.size();
      if (args[i] == "--quick") options.quick = true;
      else if (args[i] == "--duration" && has_value) duration = std::atoi(args[++i].c_str());
      else if (args[i] == "--outage-seconds" && has_value) outage = std::atoi(args[++i].c_str());
      else if (args[i] == "--idle-seconds" && has_value) idle = std::atoi(args[++i].c_str());
      else return usage();
    }
    // --quick: 15 s per rate, a one-minute outage, 10 s idle windows; explicit values win.
    options.duration = std::chrono::seconds(duration.value_or(options.quick ? 15 : 60));
    options.outage = std::chrono::seconds(outage.value_or(options.quick ? 60 : 600));
    options.idle_seconds = idle.value_or(options.quick ? 10 : 30);
    if (options.duration.count() <= 0 || options.outage.count() <= 0 || options.idle_seconds <= 0) return usage();
    return run_bench(options);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "booth_link_bench: %s\n", error.what());
    return 1;
  }
}
