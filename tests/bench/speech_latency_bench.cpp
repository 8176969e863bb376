// Issue 13: the first sound of a read-out within 300 ms of the tap. Times SpeechEngine::speak()
// to the first audible samples handed to the sound device (a recorder standing in for it: this machine
// has no sound card), for texts a visitor really has read: a duty, an item's first section, a
// quiz question. Prints the median and the worst of the runs; not a pass/fail timing test.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <span>
#include <string>
#include <thread>
#include <vector>

#include "platform/speech.h"

namespace {

using Clock = std::chrono::steady_clock;

// Notes when the first audible samples arrive after each speak().
class TimedAudio final : public openday::AudioOut {
 public:
  explicit TimedAudio(std::atomic<std::int64_t>& first_ns) : first_ns_(first_ns) {}
  bool open(int, std::string&) override { return true; }
  bool write(std::span<const std::int16_t> samples, std::string&) override {
    // The first audible sample, not espeak-ng's leading silence.
    const bool audible = std::any_of(samples.begin(), samples.end(), [](std::int16_t s) { return s > 500 || s < -500; });
    std::int64_t none = 0;
    if (audible)
      first_ns_.compare_exchange_strong(none, std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now().time_since_epoch()).count());
    return true;
  }
  void flush() override {}
  void drain() override {}

 private:
  std::atomic<std::int64_t>& first_ns_;
};

}  // namespace

int main() {
  std::atomic<std::int64_t> first_ns{0};
  openday::SpeechEngine engine(std::make_unique<TimedAudio>(first_ns), [](std::string_view line) { std::fprintf(stderr, "%.*s\n", static_cast<int>(line.size()), line.data()); });
  if (!engine.available()) {
    std::fprintf(stderr, "speech latency: the voice is unavailable: %s\n", engine.problem().c_str());
    return 1;
  }
  const std::vector<std::string> texts = {
      "负责全县社会救助工作，拟订城乡居民最低生活保障政策并组织实施。",
      "最低生活保障审批。受理条件：户籍在本县，家庭人均收入低于当地最低生活保障标准。",
      "网上审批有奖竞猜：在政务服务网上办理审批事项，需要先做什么？",
      "咨询电话 0571-88776655，办公时间 8:30—11:30，2026年5月15日公布。",
  };
  std::vector<double> ms;
  for (int run = 0; run < 40; ++run) {
    first_ns = 0;
    const auto tapped = Clock::now();
    engine.speak({texts[static_cast<std::size_t>(run) % texts.size()]});
    while (first_ns.load() == 0 && Clock::now() - tapped < std::chrono::seconds(5)) std::this_thread::sleep_for(std::chrono::microseconds(200));
    const auto tapped_ns = std::chrono::duration_cast<std::chrono::nanoseconds>(tapped.time_since_epoch()).count();
    if (first_ns.load() == 0) {
      std::fprintf(stderr, "speech latency: no sound within 5 s of run %d\n", run);
      return 1;
    }
    ms.push_back(static_cast<double>(first_ns.load() - tapped_ns) / 1e6);
    engine.stop();
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  std::sort(ms.begin(), ms.end());
  std::printf("speech latency: tap to first sound over %zu read-outs: median %.1f ms, worst %.1f ms (target: under 300 ms)\n", ms.size(),
              ms[ms.size() / 2], ms.back());
  return 0;
}
