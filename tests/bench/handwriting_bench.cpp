// Issue 31's figures for the 手写 pad; prints them (a benchmark, not a test: no bounds asserted).
// - Recognition per stroke update: every character of the sample content's approval-item names
//   written stroke by stroke from hanzi-writer-data (seeded jitter); after each stroke the pad
//   asks for a row (Zinnia's guesses re-ranked toward the content and the name so far), as its
//   worker does. Median and p99 of the CPU ms per update, and the model's first load apart.
// - The pad's frame time while a stroke is drawn: a headless kiosk on the search screen in 手写
//   mode, the finger held and moving every frame (ink growing), in the four shapes; median and
//   p99 CPU ms of the drawing thread per frame (the worker's recognition runs on its own thread).
//
//   handwriting_bench [HANZI_DATA_DIR]   (OPENDAY_HANZI_DATA in the environment overrides it)
#include <time.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/content/content.h"
#include "core/handwriting/content_ranking.h"
#include "support/hanzi_strokes.h"
#include "support/headless_kiosk.h"

namespace {

using namespace openday;

// The CPU time of this thread: on a machine shared with builds, wall time would count the
// moments another process ran.
double thread_cpu_ms() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<std::size_t>(static_cast<double>(v.size()) * p))];
}

void recognition_per_stroke(const Content& content) {
  HandwritingRecognizer recognizer;
  const double load_start = thread_cpu_ms();
  if (!recognizer.load()) {
    std::fprintf(stderr, "the model does not open: %s\n", recognizer.error().c_str());
    std::exit(1);
  }
  const double load_ms = thread_cpu_ms() - load_start;
  const double characters_start = thread_cpu_ms();
  const ContentCharacters characters(content);
  const double characters_ms = thread_cpu_ms() - characters_start;
  std::vector<double> updates;
  std::size_t written = 0, missing = 0;
  const auto samples = test::item_name_characters(content, false);  // repeats too: what visitors write
  for (std::size_t i = 0; i < samples.size(); ++i) {
    const auto strokes = test::hanzi_strokes(samples[i].character, 8, static_cast<std::uint32_t>(2000 + i), 40);
    if (!strokes) {
      ++missing;
      continue;
    }
    ++written;
    for (std::size_t n = 1; n <= strokes->size(); ++n) {
      const Strokes so_far(strokes->begin(), strokes->begin() + static_cast<std::ptrdiff_t>(n));
      const double start = thread_cpu_ms();
      const auto row = recognize_character(recognizer, so_far, {&characters, samples[i].before});
      updates.push_back(thread_cpu_ms() - start);
      if (row.empty()) std::fprintf(stderr, "no row for %s after %zu strokes\n", samples[i].character.c_str(), n);
    }
  }
  std::printf("recognition per stroke update: %zu updates over %zu characters of the item names (%zu without stroke data)\n",
              updates.size(), written, missing);
  std::printf("  median %.2f ms, p99 %.2f ms, slowest %.2f ms (CPU); model load %.0f ms, content characters %.1f ms, once\n",
              percentile(updates, 0.5), percentile(updates, 0.99), percentile(updates, 1.0), load_ms, characters_ms);
}

// The finger down on the pad, going round a circle inside it, one point per frame; it lifts every
// `stroke_frames` frames (the worker then recognises while the next stroke is drawn).
void pad_frames(ImVec2 display, bool large_text) {
  openday::testing::HeadlessKiosk kiosk(display, "search");
  kiosk.wait(0.5);
  if (large_text) {
    kiosk.tap("topbar.large_text");
    kiosk.wait(0.5);
  }
  kiosk.tap("search.mode.handwriting");
  kiosk.wait(0.5);
  const ui::TapTarget* pad = kiosk.kiosk().taps().find("search.hw.pad");
  if (!pad) {
    std::fprintf(stderr, "no pad on the search screen\n");
    std::exit(1);
  }
  const ImVec2 centre = pad->center();
  const float radius = pad->size().x * 0.35f;
  constexpr int kFrames = 600, kStrokeFrames = 60;
  std::vector<double> frames;
  for (int f = 0; f < kFrames; ++f) {
    const bool lifting = f % kStrokeFrames == kStrokeFrames - 1;
    const float angle = static_cast<float>(f) * 0.11f;
    kiosk.touch(!lifting, ImVec2(centre.x + radius * std::cos(angle), centre.y + radius * std::sin(angle)));
    const double start = thread_cpu_ms();
    kiosk.frame();
    if (!lifting) frames.push_back(thread_cpu_ms() - start);
  }
  kiosk.run_until_idle();
  // The strokes reached the pad: the worker answered them with a row of candidates.
  const bool recognised = kiosk.has_target("search.hw.candidate.0");
  std::printf("  %4.0fx%-4.0f %-6s pad %4.0f px: median %.2f ms, p99 %.2f ms per frame while drawing (%zu frames%s)\n", display.x,
              display.y, large_text ? "大字" : "normal", pad->size().x, percentile(frames, 0.5), percentile(frames, 0.99), frames.size(),
              recognised ? ", strokes recognised" : ", NO candidates: the strokes missed the pad");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc > 1 && !std::getenv("OPENDAY_HANZI_DATA")) setenv("OPENDAY_HANZI_DATA", argv[1], 1);
  if (!std::filesystem::exists(test::hanzi_data_dir() / "低.json")) {
    std::fprintf(stderr, "hanzi-writer-data is missing at '%s': run .ci/setup or set OPENDAY_HANZI_DATA\n",
                 test::hanzi_data_dir().string().c_str());
    return 1;
  }
  const auto content = openday::testing::HeadlessKiosk::sample_content();
  recognition_per_stroke(*content);
  std::printf("the pad's frame time while a stroke is drawn (headless, CPU of the drawing thread):\n");
  for (const ImVec2 display : {ImVec2(1920, 1080), ImVec2(1080, 1920)})
    for (const bool large : {false, true}) pad_frames(display, large);
  return 0;
}
