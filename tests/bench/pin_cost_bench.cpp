// What one guess at the staff PIN costs (issue 33: at least about 0.5 s and 64 MiB per guess):
// times hash_pin() and a check of its hash, best and median of a few runs, and prints the
// peak memory the hashing took. A benchmark, not a test: it prints figures and only fails
// when hashing itself fails.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "core/staff/staff.h"

namespace {

double seconds_of(const std::chrono::steady_clock::duration& d) { return std::chrono::duration<double>(d).count(); }

long peak_memory_kib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

}  // namespace

int main() {
  constexpr int kRuns = 5;
  std::vector<double> hashing, checking;
  std::string hash;
  for (int run = 0; run < kRuns; ++run) {
    const auto start = std::chrono::steady_clock::now();
    hash = openday::hash_pin("258025");
    const auto hashed = std::chrono::steady_clock::now();
    if (!openday::pin_matches(hash, "258025")) {
      std::fprintf(stderr, "bench_pin_cost: a PIN does not match its own hash\n");
      return 1;
    }
    hashing.push_back(seconds_of(hashed - start));
    checking.push_back(seconds_of(std::chrono::steady_clock::now() - hashed));
  }
  std::sort(hashing.begin(), hashing.end());
  std::sort(checking.begin(), checking.end());
  std::printf("pin cost: %s\n", hash.substr(0, hash.find('$', 20)).c_str());
  std::printf("pin cost: hashing best %.3f s, median %.3f s; checking (one guess) best %.3f s, median %.3f s; peak memory %ld MiB (target: >= 0.5 s and 64 MiB a guess)\n",
              hashing.front(), hashing[kRuns / 2], checking.front(), checking[kRuns / 2], peak_memory_kib() / 1024);
  return 0;
}
