// Prints the event log's figures: the UI thread's cost per logged event (median, p99), the
// writer's sustained throughput, and how long an event waits before its commit.
// Usage: event_log_bench [DB_FILE]
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <filesystem>
#include <thread>
#include <vector>

#include "core/visits/event_log.h"

namespace {

using Clock = std::chrono::steady_clock;

openday::Event sample_event(std::int64_t i) {
  openday::Event e;
  e.type = openday::EventType::Tap;
  e.session = 1717000000000 + i / 40;
  e.screen = "department";
  e.target = "department.tab.approvals";
  e.value = i;
  return e;
}

double percentile(std::vector<double>& values, double p) {
  std::sort(values.begin(), values.end());
  return values[static_cast<std::size_t>(p * static_cast<double>(values.size() - 1))];
}

}  // namespace

int main(int argc, char** argv) {
  const std::filesystem::path file = argc > 1 ? argv[1] : std::filesystem::temp_directory_path() / "openday-bench.db";
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(file.string() + suffix);

  // 1. UI-thread cost: events logged at a kiosk-like pace of bursts, each call timed alone.
  {
    openday::EventLog log({file, "bench"});
    std::vector<double> costs;
    costs.reserve(100000);
    for (int burst = 0; burst < 1000; ++burst) {
      for (int i = 0; i < 100; ++i) {
        openday::Event e = sample_event(burst * 100 + i);
        const auto start = Clock::now();
        log.log(std::move(e));
        costs.push_back(std::chrono::duration<double, std::micro>(Clock::now() - start).count());
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    std::printf("UI thread cost per log(): median %.3f us, p99 %.3f us, max %.1f us (100,000 events)\n",
                percentile(costs, 0.5), percentile(costs, 0.99), percentile(costs, 1.0));
  }

  // 2. Sustained writer throughput: a million events as fast as they can be logged, with room
  //    to queue them all (the kiosk's default bound would drop what a burst like this overflows).
  {
    openday::EventLog::Options options{file, "bench"};
    options.max_pending = 2000000;
    openday::EventLog log(options);
    constexpr int kEvents = 1000000;
    const auto start = Clock::now();
    for (int i = 0; i < kEvents; ++i) log.log(sample_event(i));
    log.flush();
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    std::printf("writer throughput: %d events committed in %.2f s = %.0f events/s (dropped %llu)\n", kEvents, seconds,
                kEvents / seconds, static_cast<unsigned long long>(log.health().dropped));
  }

  // 3. Latency to commit: single events 100 ms apart, each waited for (after the start-up
  //    quick_check of the now large file, which the first events of a day would also wait for).
  {
    openday::EventLog log({file, "bench"});
    const auto opening = Clock::now();
    while (!log.health().open) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    std::printf("opening with quick_check of a %.0f MB file: %.0f ms\n",
                static_cast<double>(std::filesystem::file_size(file)) / 1e6,
                std::chrono::duration<double, std::milli>(Clock::now() - opening).count());
    std::vector<double> waits;
    for (int i = 0; i < 50; ++i) {
      const auto before = log.acknowledged_count();
      const auto start = Clock::now();
      log.log(sample_event(i));
      while (log.acknowledged_count() == before) std::this_thread::sleep_for(std::chrono::microseconds(200));
      waits.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    if (std::getenv("OPENDAY_BENCH_VERBOSE")) for (double w : waits) std::printf("%.0f ", w);
    std::printf("log-to-commit latency: median %.1f ms, max %.1f ms (target: under 100 ms)\n", percentile(waits, 0.5),
                percentile(waits, 1.0));
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(file.string() + suffix);
  return 0;
}
