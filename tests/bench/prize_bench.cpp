// Prints the booth prize stock's figures (issue 27) against a real nats-server on loopback, with
// the kiosks and the desk in this process (each kiosk its own EventLog, database and BoothUplink
// holding a share of the booth's stock, as a kiosk runs them):
//  1. issuing a voucher with the hub up: from asking the kiosk's store to the committed code,
//     the kiosks taking turns at a steady pace; a sample that finds its kiosk's share empty
//     waits for the uplink to claim more (how often that happened is printed);
//  2. issuing from the reserve with the hub unreachable: the shares fill, the hub is killed,
//     every kiosk issues until its share is used up; again until there are enough samples;
//  3. redeeming at the desk: redeem_on_hub on the desk's connection, and the wall time of
//     `openday voucher redeem --hub` (given --openday).
// Not a pass/fail test of the figures: it prints them, then one JSON line for machines; it
// fails only when something did not work at all (a voucher not issued, a redemption refused).
// Usage: prize_bench [--samples N] [--kiosks N] [--interval-ms N] [--openday PATH]
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "core/booth/booth_uplink.h"
#include "core/booth/hub_connection.h"
#include "core/booth/prize_bucket.h"
#include "core/quiz/vouchers.h"
#include "core/util/local_clock.h"
#include "core/visits/booth_store.h"
#include "core/visits/event_log.h"
#include "core/visits/prize_reserve_store.h"
#include "core/visits/sqlite.h"
#include "support/temp_dir.h"
#include "support/test_hub.h"

extern char** environ;

namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;
using openday::testing::TempDir;
using openday::testing::TestHub;

constexpr std::int64_t kBoothStock = 5000;       // enough that every share fills to its most
constexpr std::int64_t kMostHeld = 5;             // a device's share when the pool is large
constexpr auto kEmptyShareRetry = 2ms;
constexpr auto kShareFillLimit = 30s;
constexpr int kMostOutages = 60;

struct Options {
  std::size_t samples = 200;
  std::size_t kiosks = 4;
  std::chrono::milliseconds interval{50};
  std::string openday;  // the binary, for the CLI's wall time; empty: not measured
};

Options parse_options(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const bool has_value = i + 1 < argc;
    if (arg == "--samples" && has_value) options.samples = std::stoul(argv[++i]);
    else if (arg == "--kiosks" && has_value) options.kiosks = std::max<std::size_t>(1, std::stoul(argv[++i]));
    else if (arg == "--interval-ms" && has_value) options.interval = std::chrono::milliseconds(std::stol(argv[++i]));
    else if (arg == "--openday" && has_value) options.openday = argv[++i];
    else throw std::runtime_error("usage: prize_bench [--samples N] [--kiosks N] [--interval-ms N] [--openday PATH]");
  }
  return options;
}

double percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  return values[static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5)];
}

double ms_since(Clock::time_point from) { return std::chrono::duration<double, std::milli>(Clock::now() - from).count(); }

struct Figure {
  std::string what;
  std::vector<double> ms;
  std::string note;
};

void print_figure(const Figure& figure) {
  std::printf("prize bench: %s median %.2f ms p99 %.2f ms (n=%zu%s%s)\n", figure.what.c_str(), percentile(figure.ms, 0.5), percentile(figure.ms, 0.99),
              figure.ms.size(), figure.note.empty() ? "" : ", ", figure.note.c_str());
}

openday::HubCredentials credentials_of(const TestHub& hub, std::string_view device) {
  openday::HubCredentialsLoad loaded = openday::load_hub_credentials(hub.credentials(device));
  if (!loaded.credentials) throw std::runtime_error(loaded.error);
  return *loaded.credentials;
}

template <typename Done>
bool wait_until(Done done, std::chrono::milliseconds limit) {
  const auto deadline = Clock::now() + limit;
  while (Clock::now() < deadline) {
    if (done()) return true;
    std::this_thread::sleep_for(10ms);
  }
  return done();
}

// The desk's own connection and the booth's prize bucket on it.
class Desk {
 public:
  explicit Desk(const TestHub& hub) { reconnect(hub); }

  void reconnect(const TestHub& hub) {
    bucket_.reset();
    openday::HubConnection::Open open = openday::HubConnection::connect(hub.url(), credentials_of(hub, "desk"), 5000ms);
    if (!open.connection) throw std::runtime_error("the desk cannot connect: " + open.error);
    connection_ = std::move(open.connection);
    if (const std::string problem = openday::ensure_booth_streams(*connection_); !problem.empty()) throw std::runtime_error(problem);
    openday::PrizeBucket::Open bucket = openday::PrizeBucket::open(*connection_);
    if (!bucket.bucket) throw std::runtime_error("the desk cannot open the prize bucket: " + bucket.error);
    bucket_ = std::move(bucket.bucket);
  }

  openday::PrizeBucket& bucket() { return *bucket_; }

 private:
  std::unique_ptr<openday::HubConnection> connection_;
  std::unique_ptr<openday::PrizeBucket> bucket_;
};

// A kiosk of the bench: its store and its uplink with a share of the booth's stock.
class BenchKiosk {
 public:
  BenchKiosk(const std::filesystem::path& dir, const TestHub& hub, const std::string& id)
      : id_(id), file_(dir / (id + ".db")), log_(openday::EventLog::Options{file_, id}) {
    openday::Event opened;  // the file and its schema are there before the uplink opens it
    opened.type = openday::EventType::SessionStart;
    log_.log(opened);
    log_.flush();
    openday::UplinkOptions options;
    options.db_file = file_;
    options.url = hub.url();
    options.credentials = credentials_of(hub, id);
    options.kiosk_id = id;
    options.holds_prize_share = true;
    uplink_ = std::make_unique<openday::BoothUplink>(std::move(options));
  }

  // One visitor's voucher: the store's answer, after its commit.
  openday::VoucherIssue try_issue(std::int64_t session) {
    auto issue = std::make_shared<openday::VoucherIssue>();
    const std::int64_t at_ms = openday::utc_now_ms();
    const openday::DurableResult result =
        log_.run_durable([issue, session, at_ms](openday::DurableTransaction& tx) { *issue = openday::issue_voucher(tx, session, 0, at_ms, true); }).get();
    if (!result.committed) throw std::runtime_error(id_ + ": issuing a voucher did not commit: " + result.error);
    return *issue;
  }

  // Issued: the code; none when the share is empty (the caller decides whether to wait).
  std::optional<std::string> issue_once(std::int64_t session) {
    const openday::VoucherIssue issue = try_issue(session);
    if (issue.outcome == openday::VoucherIssue::Outcome::Issued) return issue.code;
    if (issue.outcome == openday::VoucherIssue::Outcome::OutOfStock) return std::nullopt;
    throw std::runtime_error(id_ + ": unexpected voucher outcome for session " + std::to_string(session));
  }

  std::int64_t next_session() { return ++session_; }
  // What the kiosk's database holds now (the uplink's status is as of its last pass with the hub).
  std::int64_t held() const { return openday::read_reserve_ledger(openday::open_for_uplink(file_), id_).held; }
  bool connected() const { return uplink_->status().connected; }
  const std::string& id() const { return id_; }

 private:
  std::string id_;
  std::filesystem::path file_;
  openday::EventLog log_;
  std::unique_ptr<openday::BoothUplink> uplink_;
  std::int64_t session_ = 0;
};

struct IssueRun {
  Figure figure;
  std::vector<std::string> codes;
};

// The kiosks take turns at a steady pace; an empty share is waited out, inside the sample.
IssueRun issue_with_hub_up(std::vector<std::unique_ptr<BenchKiosk>>& kiosks, const Options& options) {
  IssueRun run{{"issue (hub up)", {}, ""}, {}};
  std::size_t waited = 0;
  std::vector<double> waiting_ms;
  auto next = Clock::now();
  for (std::size_t i = 0; i < options.samples; ++i) {
    std::this_thread::sleep_until(next);
    next += options.interval;
    BenchKiosk& kiosk = *kiosks[i % kiosks.size()];
    const std::int64_t session = kiosk.next_session();
    const auto asked = Clock::now();
    std::optional<std::string> code = kiosk.issue_once(session);
    if (!code) {
      ++waited;
      const auto empty_at = Clock::now();
      while (!code) {
        if (ms_since(asked) > 30'000) throw std::runtime_error(kiosk.id() + ": the share stayed empty for 30 s with the hub up");
        std::this_thread::sleep_for(kEmptyShareRetry);
        code = kiosk.issue_once(session);
      }
      waiting_ms.push_back(ms_since(empty_at));
    }
    run.figure.ms.push_back(ms_since(asked));
    run.codes.push_back(*code);
  }
  char note[160];
  std::snprintf(note, sizeof note, "%zu kiosks, one every %lld ms; share empty for %zu (waited median %.1f ms)", kiosks.size(),
                static_cast<long long>(options.interval.count()), waited, percentile(waiting_ms, 0.5));
  run.figure.note = note;
  return run;
}

void wait_for_full_shares(std::vector<std::unique_ptr<BenchKiosk>>& kiosks) {
  for (auto& kiosk : kiosks)
    if (!wait_until([&] { return kiosk->held() >= kMostHeld; }, kShareFillLimit))
      throw std::runtime_error(kiosk->id() + " holds " + std::to_string(kiosk->held()) + " prizes after " +
                               std::to_string(kShareFillLimit.count()) + " s with the hub up");
}

// Shares filled, hub killed, every kiosk issues what it holds; until there are enough samples.
IssueRun issue_from_the_reserve(std::vector<std::unique_ptr<BenchKiosk>>& kiosks, TestHub& hub, const Options& options) {
  IssueRun run{{"issue (hub unreachable, from the reserve)", {}, ""}, {}};
  int outages = 0;
  while (run.figure.ms.size() < options.samples) {
    if (++outages > kMostOutages) throw std::runtime_error("too many outages for the reserve's samples");
    wait_for_full_shares(kiosks);
    hub.kill();
    for (auto& kiosk : kiosks) wait_until([&] { return !kiosk->connected(); }, 5000ms);
    for (auto& kiosk : kiosks) {
      for (std::int64_t i = 0; i <= kMostHeld; ++i) {
        const auto asked = Clock::now();
        const std::optional<std::string> code = kiosk->issue_once(kiosk->next_session());
        if (!code) break;  // the share is used up: the hub is needed for more
        run.figure.ms.push_back(ms_since(asked));
        run.codes.push_back(*code);
      }
    }
    hub.start();
  }
  run.figure.note = std::to_string(outages) + " hub kills, " + std::to_string(kiosks.size()) + " kiosks";
  return run;
}

Figure redeem_through_the_core(Desk& desk, const std::vector<std::string>& codes) {
  Figure figure{"redeem at the desk (redeem_on_hub)", {}, ""};
  for (const std::string& code : codes) {
    const auto asked = Clock::now();
    const openday::HubRedemption result = openday::redeem_on_hub(desk.bucket(), code, "desk", openday::utc_now_ms());
    figure.ms.push_back(ms_since(asked));
    if (result.outcome != openday::HubRedemption::Outcome::Redeemed)
      throw std::runtime_error("the desk could not redeem " + code + ": " + (result.error.empty() ? "not Redeemed" : result.error));
  }
  return figure;
}

// `openday voucher redeem --hub` as staff type it, its output to /dev/null and its complaints
// to `errors`; its exit code.
int run_cli(const std::vector<std::string>& args, const std::filesystem::path& errors) {
  std::vector<char*> argv;
  for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, errors.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  pid_t pid = -1;
  const int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) throw std::runtime_error("cannot run " + args[0] + ": " + std::strerror(spawned));
  int status = 0;
  while (waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) throw std::runtime_error("waiting for " + args[0] + ": " + std::strerror(errno));
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

std::string file_text(const std::filesystem::path& file) {
  std::ifstream in(file);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

Figure redeem_through_the_cli(const TestHub& hub, const std::string& openday, const std::vector<std::string>& codes) {
  Figure figure{"redeem at the desk (openday voucher redeem --hub, wall time)", {}, ""};
  const std::string credentials = hub.credentials("desk").string();
  const std::filesystem::path errors = hub.dir() / "redeem.err";
  for (const std::string& code : codes) {
    const auto asked = Clock::now();
    const int exit_code = run_cli({openday, "voucher", "redeem", "--hub", hub.url(), "--hub-credentials", credentials, code}, errors);
    figure.ms.push_back(ms_since(asked));
    if (exit_code != 0)
      throw std::runtime_error("openday voucher redeem " + code + " exited " + std::to_string(exit_code) + ": " + file_text(errors));
  }
  return figure;
}

std::string json_of(const Figure& figure, const char* key) {
  char line[160];
  std::snprintf(line, sizeof line, "\"%s\":{\"median_ms\":%.3f,\"p99_ms\":%.3f,\"n\":%zu}", key, percentile(figure.ms, 0.5),
                percentile(figure.ms, 0.99), figure.ms.size());
  return line;
}

int run(const Options& options) {
  std::vector<std::string> devices{"desk"};
  for (std::size_t k = 1; k <= options.kiosks; ++k) devices.push_back("kiosk-" + std::to_string(k));
  TestHub hub(devices);
  TempDir dir;
  auto desk = std::make_unique<Desk>(hub);
  const openday::BoothStockChange stocked = openday::set_booth_stock_on_hub(desk->bucket(), kBoothStock, "desk", openday::utc_now_ms());
  if (!stocked.error.empty()) throw std::runtime_error("setting the booth's stock: " + stocked.error);
  std::vector<std::unique_ptr<BenchKiosk>> kiosks;
  for (std::size_t k = 1; k < devices.size(); ++k) kiosks.push_back(std::make_unique<BenchKiosk>(dir.path(), hub, devices[k]));
  wait_for_full_shares(kiosks);

  const IssueRun up = issue_with_hub_up(kiosks, options);
  print_figure(up.figure);
  const IssueRun reserve = issue_from_the_reserve(kiosks, hub, options);
  print_figure(reserve.figure);

  desk = std::make_unique<Desk>(hub);  // a fresh connection after the outages
  const Figure core = redeem_through_the_core(*desk, up.codes);
  print_figure(core);
  std::string json = "{" + json_of(up.figure, "issue_hub_up") + "," + json_of(reserve.figure, "issue_from_reserve") + "," +
                     json_of(core, "redeem_on_hub");
  if (!options.openday.empty()) {
    // The reserve's codes were registered before they were granted: the hub knows them.
    const Figure cli = redeem_through_the_cli(hub, options.openday, reserve.codes);
    print_figure(cli);
    json += "," + json_of(cli, "redeem_cli");
  }
  std::printf("%s}\n", json.c_str());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    if (openday::testing::find_nats_server().empty()) {
      std::printf("prize bench: nats-server not found; skipped\n");
      return 77;
    }
    std::setvbuf(stdout, nullptr, _IOLBF, 0);  // each figure as soon as it is measured
    return run(parse_options(argc, argv));
  } catch (const std::exception& error) {
    std::fprintf(stderr, "prize bench: %s\n", error.what());
    return 1;
  }
}
