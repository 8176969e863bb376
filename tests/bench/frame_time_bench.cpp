// Prints the CPU time (of the drawing thread) of one headless frame (ImGui with no renderer) on the heaviest screens,
// landscape and portrait, normal and large text (大字); target: under 2 ms.
// - the sample content: the department grid, a fee table, an approval item;
// - odd content: a 200-row fee list and a 200-item list of long names;
// - a generated county (issue 18; tests/support/county_generator.h, 60 departments and 3,000
//   items beside the sample): the grid of 86 departments, the department of 300 items, the
//   100-row fee table, an item with 15 materials;
// then a flick through the 300-item department, every frame timed (target: each under 16 ms).
// Also what the frame's draw-data signature costs (the kiosk hashes every frame to know when
// the layout has settled).
//
//   frame_time_bench [--quick]     (--quick: fewer frames, one flick setting; for a smoke run)
#include <time.h>

#include <algorithm>
#include <cfloat>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "support/content_fixture_odd.h"
#include "support/county_generator.h"
#include "support/headless_kiosk.h"
#include "support/temp_dir.h"
#include "ui/frame_settle.h"

namespace {

using namespace openday;
using Clock = std::chrono::steady_clock;

// The CPU time of this thread: on a machine shared with builds, wall time would count the
// moments another process ran.
double thread_cpu_ms() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

double median_of(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

double p99_of(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() * 99 / 100];
}

double ms_since(Clock::time_point start) { return std::chrono::duration<double, std::milli>(Clock::now() - start).count(); }

std::shared_ptr<const Content> load(const std::filesystem::path& dir) {
  ContentLoad load = load_content(dir);
  if (!load.content) {
    std::fprintf(stderr, "content does not load: %s\n", load.problems.front().to_string().c_str());
    std::exit(1);
  }
  return std::make_shared<const Content>(std::move(*load.content));
}

// The item with the most materials and, among those, the longest texts: the longest item page.
std::string longest_item(const Department& department) {
  const ApprovalItem* best = nullptr;
  std::size_t best_length = 0;
  for (const ApprovalItem& item : department.approval_items) {
    std::size_t length = item.legal_basis.size();
    for (const auto& c : item.conditions) length += c.size();
    if (!best || item.materials.size() > best->materials.size() ||
        (item.materials.size() == best->materials.size() && length > best_length)) {
      best = &item;
      best_length = length;
    }
  }
  return best ? best->id : "";
}

const Department& department_with_most(const Content& content, bool fees) {
  const Department* best = &content.departments.front();
  for (const Department& d : content.departments)
    if ((fees ? d.fees.size() : d.approval_items.size()) > (fees ? best->fees.size() : best->approval_items.size())) best = &d;
  return *best;
}

struct Case {
  const char* content_name;
  std::string route;
  std::shared_ptr<const Content> content;  // null: the sample
};

void open_with_text_size(testing::HeadlessKiosk& kiosk, bool large) {
  if (!large) return;
  kiosk.tap("topbar.large_text");
  kiosk.wait(0.5);
}

// Flicks up through the list until its end, then reports every frame's CPU time: the finger
// lands, moves 40 % of the screen in four frames, lifts, and the list glides until it stops.
struct FlickResult {
  std::vector<double> ms;
  bool reached_end = false;
};

FlickResult flick_through(testing::HeadlessKiosk& kiosk, const std::string& last_target) {
  FlickResult result;
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const auto timed_frame = [&] {
    const double start = thread_cpu_ms();
    kiosk.frame();
    result.ms.push_back(thread_cpu_ms() - start);
  };
  for (int flick = 0; flick < 400; ++flick) {
    const float x = display.x * 0.5f;
    kiosk.touch(true, ImVec2(x, display.y * 0.8f));
    timed_frame();
    for (int step = 1; step <= 4; ++step) {
      kiosk.touch(true, ImVec2(x, display.y * (0.8f - 0.1f * static_cast<float>(step))));
      timed_frame();
    }
    kiosk.touch(false, ImVec2(x, display.y * 0.4f));
    timed_frame();
    kiosk.touch(false, ImVec2(-FLT_MAX, -FLT_MAX));
    // The glide: frames until the list stands still (or 1.5 s, when the next flick catches it).
    float previous = -1;
    for (int frame = 0; frame < 90; ++frame) {
      timed_frame();
      const float now = kiosk.scroll_y_of("department.body");
      if (now == previous) break;
      previous = now;
    }
    if (kiosk.has_target(last_target) && !kiosk.kiosk().taps().find(last_target)->clipped) {
      result.reached_end = true;
      break;
    }
  }
  return result;
}

}  // namespace

int main(int argc, char** argv) {
  const bool quick = argc > 1 && std::strcmp(argv[1], "--quick") == 0;
  const int frames = quick ? 30 : 300;
  testing::TempDir dir;
  testing::write_odd_content(dir / "odd");
  auto odd = load(dir / "odd");
  const auto generate_start = Clock::now();
  testing::generate_county({.departments = 60, .items = 3000, .seed = 1, .with_sample = std::filesystem::path(OPENDAY_ASSETS_DIR) / "content"},
                           dir / "county");
  auto county = load(dir / "county");
  std::printf("generated county: %s (generated and loaded in %.0f ms)\n", content_summary(*county).c_str(), ms_since(generate_start));
  const Department& most_items = department_with_most(*county, false);
  const Department& most_fees = department_with_most(*county, true);
  const std::vector<Case> cases = {
      {"sample", "departments", nullptr},
      {"sample", "department/guotu/fees", nullptr},
      {"sample", "item/guotu-zhuanyi-dengji", nullptr},
      {"odd", "department/odd/fees", odd},
      {"odd", "department/odd/items", odd},
      {"county", "departments", county},
      {"county", "department/" + most_items.id + "/items", county},
      {"county", "department/" + most_fees.id + "/fees", county},
      {"county", "item/" + longest_item(most_items), county},
  };
  std::printf("%-9s %-6s %-7s %-32s %10s %10s %10s\n", "display", "text", "content", "screen", "median ms", "p99 ms", "hash ms");
  double worst_county = 0, worst_other = 0;
  for (ImVec2 display : {ImVec2(1920, 1080), ImVec2(1080, 1920)}) {
    for (bool large : {false, true}) {
      for (const Case& c : cases) {
        testing::HeadlessKiosk kiosk(display, c.route, {}, c.content);
        open_with_text_size(kiosk, large);
        std::vector<double> ms;
        for (int i = 0; i < frames; ++i) {
          const double start = thread_cpu_ms();
          kiosk.frame();
          ms.push_back(thread_cpu_ms() - start);
        }
        std::vector<double> hash_ms;
        volatile std::uint64_t signature = 0;  // kept, so that the hashing is not optimised away
        for (int i = 0; i < frames; ++i) {
          const double start = thread_cpu_ms();
          signature = signature ^ ui::draw_data_signature(*ImGui::GetDrawData());
          hash_ms.push_back(thread_cpu_ms() - start);
        }
        double& worst = std::strcmp(c.content_name, "county") == 0 ? worst_county : worst_other;
        worst = std::max(worst, median_of(ms));
        std::printf("%4.0fx%-4.0f %-6s %-7s %-32s %10.3f %10.3f %10.3f\n", display.x, display.y, large ? "large" : "normal",
                    c.content_name, c.route.c_str(), median_of(ms), p99_of(ms), median_of(hash_ms));
      }
    }
  }
  std::printf("heaviest screen, median per frame: sample and odd %.3f ms, county %.3f ms (target: under 2 ms)\n", worst_other,
              worst_county);

  const std::string items_route = "department/" + most_items.id + "/items";
  const std::string last_target = "department.item." + most_items.approval_items.back().id;
  double worst_flick = 0;
  for (ImVec2 display : {ImVec2(1920, 1080), ImVec2(1080, 1920)}) {
    for (bool large : {false, true}) {
      if (quick && (display.x < display.y || large)) continue;
      testing::HeadlessKiosk kiosk(display, items_route, {}, county);
      open_with_text_size(kiosk, large);
      const FlickResult flick = flick_through(kiosk, last_target);
      const double max = *std::max_element(flick.ms.begin(), flick.ms.end());
      worst_flick = std::max(worst_flick, max);
      std::printf("flick through %zu items, %4.0fx%-4.0f %-6s: %zu frames, median %.3f ms, p99 %.3f ms, max %.3f ms%s\n",
                  most_items.approval_items.size(), display.x, display.y, large ? "large" : "normal", flick.ms.size(),
                  median_of(flick.ms), p99_of(flick.ms), max, flick.reached_end ? "" : " (the end was NOT reached)");
    }
  }
  std::printf("flick, slowest frame: %.3f ms (target: every frame under 16 ms)\n", worst_flick);
  return 0;
}
