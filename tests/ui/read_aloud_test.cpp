// Reading aloud: the speech engine's no-device path and stop, and the 朗读 button on the screens
// (a tap starts it, the section being read is marked, navigation stops it, the read-out is logged).
#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "core/content/content_fields.h"
#include "core/reports/report.h"
#include "platform/speech.h"
#include "support/headless_kiosk.h"
#include "ui/drawn_text.h"

namespace openday {
namespace {

using testing::HeadlessKiosk;

// A sound device that keeps what it is given, or one that cannot be opened.
class RecordingAudio final : public AudioOut {
 public:
  struct State {
    std::mutex mutex;
    std::vector<std::int16_t> samples;
    int flushes = 0;
    bool hold = false;  // write() waits while set: the reading cannot end before the test looks
    std::condition_variable released;
    std::thread::id writer;  // the thread that wrote the last samples
  };
  RecordingAudio(std::shared_ptr<State> state, bool opens) : state_(std::move(state)), opens_(opens) {}
  bool open(int, std::string& error) override {
    if (!opens_) error = "no sound device (No such file or directory)";
    return opens_;
  }
  bool write(std::span<const std::int16_t> samples, std::string&) override {
    std::unique_lock lock(state_->mutex);
    state_->released.wait(lock, [this] { return !state_->hold; });
    state_->writer = std::this_thread::get_id();
    state_->samples.insert(state_->samples.end(), samples.begin(), samples.end());
    return true;
  }
  void flush() override {
    std::lock_guard lock(state_->mutex);
    ++state_->flushes;
  }
  void drain() override {}

 private:
  std::shared_ptr<State> state_;
  bool opens_;
};

bool wait_for(const std::function<bool()>& done, double seconds = 10) {
  const auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (!done()) {
    if (std::chrono::steady_clock::now() > until) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return true;
}

TEST(SpeechEngine, WithoutASoundDeviceItIsUnavailableLoggedOnceAndNeverCrashes) {
  auto state = std::make_shared<RecordingAudio::State>();
  std::vector<std::string> lines;
  SpeechEngine engine(std::make_unique<RecordingAudio>(state, false), [&lines](std::string_view line) { lines.emplace_back(line); });
  EXPECT_FALSE(engine.available());
  engine.speak({"你好"});
  engine.stop();
  EXPECT_EQ(engine.section(), -1);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_NE(lines[0].find("no sound device"), std::string::npos) << lines[0];
  EXPECT_NE(lines[0].find("语音暂不可用"), std::string::npos) << lines[0];
}

// This container has no sound card: the real device path must end the same way.
TEST(SpeechEngine, TheRealDeviceWithoutSoundHardwareIsUnavailable) {
  if (std::filesystem::exists("/dev/snd") || std::getenv("PULSE_SERVER")) GTEST_SKIP() << "this machine has sound";
  int lines = 0;
  SpeechEngine engine(make_device_audio_out(), [&lines](std::string_view) { ++lines; });
  EXPECT_FALSE(engine.available());
  EXPECT_EQ(lines, 1);
}

TEST(SpeechEngine, ReadsSectionsInOrderOffTheCallingThread) {
  auto state = std::make_shared<RecordingAudio::State>();
  SpeechEngine engine(std::make_unique<RecordingAudio>(state, true), {});
  ASSERT_TRUE(engine.available()) << engine.problem();
  {
    std::lock_guard lock(state->mutex);
    state->hold = true;
  }
  // speak() returns while the sound device is held: the synthesis and playing run on the
  // engine's thread, and the reading shows as under way at once.
  engine.speak({"第一段。", "第二段。"});
  EXPECT_GE(engine.section(), 0);
  {
    std::lock_guard lock(state->mutex);
    state->hold = false;
  }
  state->released.notify_all();
  ASSERT_TRUE(wait_for([&engine] { return engine.section() == -1; }));
  std::lock_guard lock(state->mutex);
  EXPECT_GT(state->samples.size(), 10000u);
  EXPECT_NE(state->writer, std::this_thread::get_id());
}

TEST(SpeechEngine, StopEndsTheReadingAtOnce) {
  auto state = std::make_shared<RecordingAudio::State>();
  SpeechEngine engine(std::make_unique<RecordingAudio>(state, true), {});
  ASSERT_TRUE(engine.available());
  std::string long_text;
  for (int i = 0; i < 40; ++i) long_text += "行政服务中心办理审批事项，收费标准见公示。";
  engine.speak({long_text});
  ASSERT_TRUE(wait_for([&state] {
    std::lock_guard lock(state->mutex);
    return !state->samples.empty();
  }));
  engine.stop();
  EXPECT_EQ(engine.section(), -1);
  ASSERT_TRUE(wait_for([&state] {
    std::lock_guard lock(state->mutex);
    return state->flushes > 0;
  }));
  std::size_t after_stop = 0;
  {
    std::lock_guard lock(state->mutex);
    after_stop = state->samples.size();
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  std::lock_guard lock(state->mutex);
  EXPECT_EQ(state->samples.size(), after_stop);  // nothing more is written
}

// A voice the UI tests control: it "reads" until told to stop or to finish.
class FakeSpeech final : public ui::SpeechOutput {
 public:
  bool available() const override { return available_; }
  void speak(std::vector<std::string> sections) override {
    spoken = std::move(sections);
    section_ = 0;
  }
  void stop() override {
    section_ = -1;
    ++stops;
  }
  int section() const override { return section_; }
  void set_volume_step(int step) override { volume = step; }
  void move_to(int section) { section_ = section; }

  bool available_ = true;
  std::vector<std::string> spoken;
  int section_ = -1;
  int stops = 0;
  int volume = -1;
};

TEST(ReadAloudUi, DutiesStartStopOnBackAndTheReadOutIsLogged) {
  FakeSpeech speech;
  const auto content = HeadlessKiosk::sample_content();
  const Department& department = content->departments.front();
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "department/" + department.id + "/duties", {}, nullptr, std::nullopt, &speech);
  kiosk.wait(0.5);
  ASSERT_TRUE(kiosk.has_target("read.duties"));
  kiosk.tap("read.duties");
  ASSERT_EQ(speech.spoken.size(), department.duties.size() + 1);
  EXPECT_NE(speech.spoken[0].find(department.introduction), std::string::npos);
  EXPECT_TRUE(kiosk.kiosk().read_aloud().reading("duties"));
  // While it reads, the volume steps are on screen, and the section read is marked.
  kiosk.wait(0.5);
  EXPECT_TRUE(kiosk.has_target("read.duties.volume.2"));
  kiosk.tap("read.duties.volume.2");
  EXPECT_EQ(speech.volume, 2);
  speech.move_to(1);
  kiosk.wait(0.5);
  EXPECT_EQ(kiosk.kiosk().read_aloud().section("duties"), 1);
  // Back: another screen, and the voice stops at once.
  const int stops = speech.stops;
  kiosk.tap("topbar.back");
  EXPECT_NE(kiosk.route().rfind("department/", 0), 0u);
  EXPECT_GT(speech.stops, stops);
  EXPECT_FALSE(kiosk.kiosk().read_aloud().reading_any());
  const auto read_outs = kiosk.events().of_type(EventType::ReadAloud);
  ASSERT_EQ(read_outs.size(), 1u);
  EXPECT_EQ(read_outs[0].screen, "department/" + department.id + "/duties");
  EXPECT_EQ(read_outs[0].target, "duties");
  ASSERT_TRUE(read_outs[0].value);
  EXPECT_GE(*read_outs[0].value, 500);
  EXPECT_NE(read_outs[0].session, 0);
  // The report counts it.
  kiosk.log().flush();
  ReportRequest request;
  request.databases = {kiosk.db_path()};
  const Report report = build_report(request);
  EXPECT_EQ(report.total.read_alouds, 1);
  EXPECT_NEAR(report.total.read_aloud_seconds, static_cast<double>(*read_outs[0].value) / 1000.0, 0.01);
}

// The page follows the voice: every department's duties read in 大字 landscape, the voice moved
// to the last paragraph (below the fold) brings it into view; the visitor's own scroll then stays.
TEST(ReadAloudUi, ThePageFollowsTheSectionBeingRead) {
  int followed = 0;
  for (const Department& department : HeadlessKiosk::sample_content()->departments) {
    const std::string route = "department/" + department.id + "/duties";
    SCOPED_TRACE(route);
    FakeSpeech speech;
    HeadlessKiosk kiosk(ImVec2(1920, 1080), route, {}, nullptr, std::nullopt, &speech);
    kiosk.wait(0.5);
    kiosk.tap("topbar.large_text");
    kiosk.wait(0.5);
    kiosk.run_until_idle();
    const std::string last = testing::without_spaces(department.duties.back());
    const bool below_the_fold = testing::drawn_text().find(last) == std::string::npos;
    kiosk.tap("read.duties");
    ASSERT_EQ(speech.spoken.size(), department.duties.size() + 1);
    speech.move_to(static_cast<int>(department.duties.size()));
    kiosk.wait(0.5);
    EXPECT_NE(testing::drawn_text().find(last), std::string::npos) << "the paragraph read is on screen";
    if (!below_the_fold) continue;
    ++followed;
    EXPECT_GT(kiosk.scroll_y_of("department.body"), 0);
    // The visitor scrolls back up while the same paragraph is read: the page stays there.
    const ImRect body = kiosk.rect_of("department.body");
    kiosk.drag(ImVec2(body.GetCenter().x, body.Min.y + 60), ImVec2(body.GetCenter().x, body.Max.y - 60), 12, 30);
    kiosk.run_until_idle();
    const float scrolled_back = kiosk.scroll_y_of("department.body");
    kiosk.wait(0.5);
    EXPECT_EQ(kiosk.scroll_y_of("department.body"), scrolled_back);
  }
  EXPECT_GT(followed, 0) << "some department's last paragraph starts below the fold (precondition)";
}

TEST(ReadAloudUi, TappingAgainStopsAndAFinishedReadOutIsLoggedToo) {
  FakeSpeech speech;
  const auto content = HeadlessKiosk::sample_content();
  HeadlessKiosk kiosk(ImVec2(1080, 1920), "department/" + content->departments.front().id + "/fees", {}, nullptr, std::nullopt, &speech);
  kiosk.wait(0.5);
  kiosk.tap("read.fees");
  EXPECT_FALSE(speech.spoken.empty());
  kiosk.wait(0.5);
  kiosk.tap("read.fees");
  EXPECT_EQ(speech.section(), -1);
  EXPECT_EQ(kiosk.events().of_type(EventType::ReadAloud).size(), 1u);
  kiosk.wait(0.5);
  kiosk.tap("read.fees");
  speech.move_to(-1);  // the engine came to the end
  kiosk.wait(0.5);
  EXPECT_FALSE(kiosk.kiosk().read_aloud().reading_any());
  EXPECT_EQ(kiosk.events().of_type(EventType::ReadAloud).size(), 2u);
}

TEST(ReadAloudUi, HomeAndTheIdleResetStopTheVoice) {
  FakeSpeech speech;
  Config config;
  config.idle_timeout_seconds = 30;
  config.idle_warning_seconds = 10;
  const auto content = HeadlessKiosk::sample_content();
  const ApprovalItem& item = content->departments.front().approval_items.front();
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "item/" + item.id, config, nullptr, std::nullopt, &speech);
  kiosk.wait(0.5);
  kiosk.tap("read.item");
  ASSERT_GE(speech.spoken.size(), 8u);  // the name, then each section with its heading
  kiosk.wait(0.5);
  kiosk.tap("topbar.home");
  EXPECT_EQ(kiosk.route(), "home");
  EXPECT_EQ(speech.section(), -1);
  kiosk.wait(0.5);
  // Listening is use: a read-out longer than the idle timeout holds the session; once it ends,
  // the idle reset comes as usual.
  HeadlessKiosk idle(ImVec2(1920, 1080), "item/" + item.id, config, nullptr, std::nullopt, &speech);
  idle.wait(0.5);
  idle.tap("read.item");
  idle.wait(45);
  EXPECT_EQ(idle.route(), "item/" + item.id);
  speech.move_to(-1);
  idle.wait(45);
  EXPECT_EQ(idle.route(), "attract");
  EXPECT_EQ(idle.events().of_type(EventType::ReadAloud).size(), 1u);
}

TEST(ReadAloudUi, WithoutAVoiceTheButtonSaysSoAndTakesNoTouch) {
  FakeSpeech speech;
  speech.available_ = false;
  const auto content = HeadlessKiosk::sample_content();
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "department/" + content->departments.front().id + "/duties", {}, nullptr, std::nullopt, &speech);
  kiosk.wait(0.5);
  EXPECT_FALSE(kiosk.has_target("read.duties"));
  EXPECT_FALSE(kiosk.kiosk().read_aloud().available());
}

TEST(ReadAloudUi, EveryFaqAnswerIsReadQuestionThenAnswerAndBackStopsIt) {
  FakeSpeech speech;
  const auto content = HeadlessKiosk::sample_content();
  HeadlessKiosk kiosk(ImVec2(1080, 1920), "home", {}, nullptr, std::nullopt, &speech);
  int answers = 0;
  for (const Department& department : content->departments) {
    for (std::size_t n = 1; n <= department.faq.size(); ++n) {
      const std::string route = "faq/" + department.id + "/" + std::to_string(n);
      kiosk.kiosk().router().reset_to({"home", "department/" + department.id + "/faq", route});
      kiosk.frame();
      kiosk.wait(0.5);
      ASSERT_TRUE(kiosk.has_target("read.faq")) << route;
      kiosk.tap("read.faq");
      ASSERT_EQ(speech.spoken.size(), 2u) << route;
      EXPECT_EQ(speech.spoken[0], department.faq[n - 1].question) << route;
      EXPECT_EQ(speech.spoken[1], department.faq[n - 1].answer) << route;
      speech.move_to(1);
      kiosk.wait(0.3);
      EXPECT_EQ(kiosk.kiosk().read_aloud().section("faq"), 1) << route;
      kiosk.tap("topbar.back");
      EXPECT_EQ(speech.section(), -1) << route << ": Back stops the voice";
      ++answers;
    }
  }
  EXPECT_GT(answers, 0) << "the sample content has 常见问题 to read";
}

TEST(ReadAloudUi, TheQuizQuestionIsReadWithItsOptions) {
  FakeSpeech speech;
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "home", {}, nullptr, std::nullopt, &speech);
  testing::open_quiz(kiosk);
  kiosk.wait(0.5);
  kiosk.tap("read.question");
  ASSERT_GE(speech.spoken.size(), 3u);  // the question and at least two options
  speech.move_to(2);
  kiosk.wait(0.3);
  EXPECT_EQ(kiosk.kiosk().read_aloud().section("question"), 2);
}

// The field tables mark what the item page's voice reads (content_fields.cpp, `spoken`): every
// such field of every item, of its materials and of its department is in what 朗读 reads, so a
// field marked spoken that the page leaves out fails here. A time limit of 0 is read as 即办.
template <class R>
void expect_spoken_fields_read(const std::vector<Field<R>>& fields, const R& record, const std::string& read, const std::string& where) {
  for (const Field<R>& field : fields) {
    if (!field.spoken) continue;
    std::vector<std::string> expected;
    if (field.slot.text_of) expected.push_back(field.slot.text_of(record));
    if (field.slot.lines_of) expected = field.slot.lines_of(record);
    if (field.slot.integer_of && field.slot.integer_of(record) != 0) expected.push_back(std::to_string(field.slot.integer_of(record)));
    for (const std::string& text : expected)
      EXPECT_NE(read.find(text), std::string::npos) << where << ": the spoken field " << field.key << " (\"" << text << "\") is not read";
  }
}

TEST(ReadAloudUi, EveryItemPageReadsEveryFieldTheTablesMarkSpoken) {
  FakeSpeech speech;
  const auto content = HeadlessKiosk::sample_content();
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "home", {}, nullptr, std::nullopt, &speech);
  int items = 0;
  for (const Department& department : content->departments) {
    for (const ApprovalItem& item : department.approval_items) {
      const std::string route = "item/" + item.id;
      kiosk.kiosk().router().reset_to({"home", "department/" + department.id + "/items", route});
      kiosk.frame();
      kiosk.wait(0.5);
      ASSERT_TRUE(kiosk.has_target("read.item")) << route;
      kiosk.tap("read.item");
      std::string read;
      for (const std::string& section : speech.spoken) read += section + "\n";
      expect_spoken_fields_read(approval_item_fields(), item, read, route);
      expect_spoken_fields_read(department_fields(), department, read, route);
      for (const Material& material : item.materials) expect_spoken_fields_read(material_fields(), material, read, route);
      kiosk.tap("topbar.back");
      ++items;
    }
  }
  EXPECT_GT(items, 0) << "the sample content has approval items to read";
}

}  // namespace
}  // namespace openday
