// Issue 30, figures (printed, never judged): the time from a tap (the slip handed to the print
// queue) to CUPS accepting the job, median and p99 over 30 jobs sent to a private cupsd on
// loopback (tests/support/private_cupsd.sh, the printer "slips" a real cups-pdf when run as root,
// else a backend copying each job to a folder: the bench prints which);
// and the time to render the longest 办事指南 of a generated county to PDF, on the 80 mm roll
// and on A4 (median of 10 renders each).
// Usage: print_bench PRIVATE_CUPSD_SH
#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <string>
#include <vector>

#include "core/content/content.h"
#include "core/print/print_queue.h"
#include "core/print/slip.h"
#include "core/print/slip_pdf.h"
#include "support/county_generator.h"
#include "support/shell.h"
#include "support/temp_dir.h"

namespace openday {
namespace {

using Clock = std::chrono::steady_clock;
constexpr int kJobs = 30;
constexpr int kRenders = 10;

const print::SlipOrigin kOrigin{.event = {.county = "示例县", .title = "政务公开日", .date = "2026-05-15", .place = "人民广场",
                                          .hotline = "", .sample_data = false},
                                .printed_at = "2026-05-15 10:00"};

double percentile(std::vector<double> values, double p) {
  std::sort(values.begin(), values.end());
  const auto index = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
  return values[std::min(index, values.size() - 1)];
}

struct Longest {
  const Department* department = nullptr;
  const ApprovalItem* item = nullptr;
  std::size_t bytes = 0;
};

Longest longest_guide(const Content& content) {
  Longest longest;
  for (const Department& department : content.departments)
    for (const ApprovalItem& item : department.approval_items) {
      const std::size_t bytes = print::guide_slip(kOrigin, department, item).plain_text().size();
      if (bytes > longest.bytes) longest = {&department, &item, bytes};
    }
  return longest;
}

// Submit -> CUPS accepted, per job, as the queue reports it.
std::vector<double> acceptance_ms(const std::string& script, const testing::TempDir& dir, const print::Slip& slip) {
  const testing::TempDir cups;  // the script opens its own folder to CUPS's lp user
  const auto started = testing::run_shell("sh '" + script + "' start '" + cups.path().string() + "'");
  if (started.status != 0) {
    std::printf("print_bench: the private cupsd did not start: %s\n", started.output.c_str());
    return {};
  }
  const std::string server = started.output.substr(0, started.output.find('\n'));
  const auto kind = started.output.find("printer slips: ");
  std::printf("private cupsd %s, %s", server.c_str(), kind == std::string::npos ? "no printer\n" : started.output.substr(kind).c_str());
  setenv("CUPS_SERVER", server.c_str(), 1);
  std::mutex mutex;
  std::condition_variable done;
  std::vector<double> accepted;
  int reported = 0;
  {
    print::PrintQueue queue({.printer = "slips", .paper = print::Paper::Roll80mm, .spool_dir = dir / "spool"},
                            [&](const print::PrintReport& report) {
                              const std::lock_guard lock(mutex);
                              ++reported;
                              if (report.accepted_after_ms >= 0) accepted.push_back(static_cast<double>(report.accepted_after_ms));
                              else std::printf("  job %llu not accepted: %s\n", static_cast<unsigned long long>(report.ticket), report.detail.c_str());
                              done.notify_all();
                            });
    // One tap at a time, as visitors tap: each job waits for the one before to be accepted and printed.
    for (int i = 0; i < kJobs; ++i) {
      queue.submit(slip, "guide bench");
      std::unique_lock lock(mutex);
      done.wait_for(lock, std::chrono::seconds(60), [&] { return reported > i; });
    }
  }
  testing::run_shell("sh '" + script + "' stop '" + cups.path().string() + "'");
  return accepted;
}

double median_render_ms(const print::Slip& slip, print::Paper paper, const std::filesystem::path& file) {
  std::vector<double> ms;
  for (int i = 0; i < kRenders; ++i) {
    const auto start = Clock::now();
    const print::RenderResult result = print::render_slip_pdf(slip, paper, file);
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    if (!result.ok()) std::printf("  render failed: %s\n", result.error.c_str());
  }
  return percentile(ms, 0.5);
}

int run(const std::string& script) {
  testing::TempDir dir;
  testing::generate_county({.departments = 20, .items = 600, .seed = 30, .with_sample = std::nullopt}, dir / "county");
  const ContentLoad load = load_content(dir / "county");
  if (!load.content) {
    std::printf("print_bench: the generated county did not load\n");
    return 1;
  }
  const Longest longest = longest_guide(*load.content);
  const print::Slip slip = print::guide_slip(kOrigin, *longest.department, *longest.item);
  std::printf("longest 办事指南 of a generated county (600 items): %s, %zu blocks, %zu bytes of text\n", longest.item->id.c_str(),
              slip.blocks.size(), longest.bytes);
  std::printf("render to PDF (median of %d): 80mm %.1f ms, A4 %.1f ms\n", kRenders,
              median_render_ms(slip, print::Paper::Roll80mm, dir / "longest-80mm.pdf"),
              median_render_ms(slip, print::Paper::A4, dir / "longest-a4.pdf"));

  const std::vector<double> accepted = acceptance_ms(script, dir, slip);
  if (accepted.empty()) {
    std::printf("tap -> CUPS accepted: no job accepted\n");
    return 1;
  }
  std::printf("tap -> CUPS accepted the job (render included), %zu of %d jobs of that slip to a private cupsd: median %.0f ms, p99 %.0f ms, slowest %.0f ms\n",
              accepted.size(), kJobs, percentile(accepted, 0.5), percentile(accepted, 0.99), percentile(accepted, 1.0));
  return accepted.size() == static_cast<std::size_t>(kJobs) ? 0 : 1;
}

}  // namespace
}  // namespace openday

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: print_bench PRIVATE_CUPSD_SH\n");
    return 2;
  }
  return openday::run(argv[1]);
}
