// Issue 32, content from the desk, through a real hub on loopback: the desk publishes a signed
// bundle (`openday hub publish-content`), a kiosk fetches, verifies, stages and validates it
// (fetch_latest_bundle, `openday hub fetch-content`); foreign-signed and invalid bundles are
// refused with their reason, and a kiosk cannot publish content at all.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <chrono>
#include <cstdlib>
#include <iterator>
#include <fstream>
#include <thread>

#include "core/booth/content_bundle.h"
#include "core/booth/content_watch.h"
#include "core/booth/hub_connection.h"
#include "core/booth/hub_subjects.h"
#include "core/content/content_version.h"
#include "support/temp_dir.h"
#include "support/test_hub.h"

namespace openday {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

struct Finished {
  int exit_code = -1;
  std::string output;
};

std::string quoted(const fs::path& path) { return "'" + path.string() + "'"; }

// openday with these arguments; its exit code and everything it printed.
Finished run(const std::string& arguments) {
  const testing::TempDir out;
  const fs::path log = out / "output.txt";
  const int status = std::system((std::string(OPENDAY_BINARY) + " " + arguments + " >" + quoted(log) + " 2>&1").c_str());
  std::ifstream in(log);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return Finished{WIFEXITED(status) ? WEXITSTATUS(status) : -1, text};
}

HubCredentials load(const fs::path& file) {
  const HubCredentialsLoad loaded = load_hub_credentials(file);
  if (!loaded.credentials) throw std::runtime_error(loaded.error);
  return *loaded.credentials;
}

std::string publish(HubConnection& device, const std::string& bytes) {
  jsPubOptions options;
  jsPubOptions_Init(&options);
  options.MaxWait = 2000;
  jsPubAck* ack = nullptr;
  jsErrCode code = static_cast<jsErrCode>(0);
  const std::string subject(hub::kContentSubject);
  const natsStatus status = js_Publish(&ack, device.jetstream(), subject.c_str(), bytes.data(), static_cast<int>(bytes.size()), &options, &code);
  if (ack) jsPubAck_Destroy(ack);
  return status == NATS_OK ? "" : nats_error_text(status);
}

class BoothContent : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::copy(fs::path(OPENDAY_ASSETS_DIR) / "content", content, fs::copy_options::recursive);
    fs::create_directories(quiz.parent_path());
    fs::copy_file(fs::path(OPENDAY_ASSETS_DIR) / "quiz" / "questions.json", quiz);
    desk = connect("desk");
    kiosk = connect("kiosk-1");
    ASSERT_TRUE(desk && kiosk);
    ASSERT_EQ(ensure_booth_streams(*desk), "");
  }

  std::unique_ptr<HubConnection> connect(const std::string& device) {
    HubConnection::Open open = HubConnection::connect(hub.url(), load(hub.credentials(device)), 3000ms);
    EXPECT_TRUE(open.connection) << open.error;
    return std::move(open.connection);
  }

  Finished publish_content(const std::string& device = "desk") {
    return run("hub publish-content --content " + quoted(content) + " --quiz " + quoted(quiz) + " --hub " + hub.url() + " --hub-credentials " +
               quoted(hub.credentials(device)));
  }

  ContentFetch fetch(const std::string& current_version = "") {
    return fetch_latest_bundle(*kiosk, kiosk->credentials(), current_version, staging);
  }

  testing::TestHub hub{{"kiosk-1", "desk"}};
  testing::TempDir dir;
  fs::path content = dir / "content";
  fs::path quiz = dir / "quiz" / "questions.json";
  fs::path staging = dir / "staging";
  std::unique_ptr<HubConnection> desk, kiosk;
};

TEST_F(BoothContent, DeskPublishesAndKioskStagesTheValidatedContent) {
  EXPECT_EQ(fetch().outcome, ContentFetch::Outcome::None);

  const Finished published = publish_content();
  ASSERT_EQ(published.exit_code, 0) << published.output;
  const std::string version = content_version(content, quiz);
  EXPECT_NE(published.output.find("published content version " + version + " of booth B1 (29 files"), std::string::npos) << published.output;

  const ContentFetch fetched = fetch();
  ASSERT_EQ(fetched.outcome, ContentFetch::Outcome::Staged) << fetched.refusal;
  EXPECT_EQ(fetched.version, version);
  EXPECT_EQ(fetched.staged_content_dir, staging / ("bundle-" + version) / "content");
  EXPECT_EQ(fetched.staged_quiz_file, staging / ("bundle-" + version) / "questions.json");
  EXPECT_EQ(content_problems(fetched.staged_content_dir, fetched.staged_quiz_file, 5), "");
  EXPECT_EQ(content_version(fetched.staged_content_dir, fetched.staged_quiz_file), version);
  EXPECT_EQ(fetch(version).outcome, ContentFetch::Outcome::SameVersion);
  // Fetched again before the kiosk switched: the staged folder stays the one it may be loading.
  struct stat before {}, after {};
  ASSERT_EQ(::stat(fetched.staged_content_dir.c_str(), &before), 0);
  const ContentFetch again = fetch();
  EXPECT_EQ(again.outcome, ContentFetch::Outcome::Staged);
  EXPECT_EQ(again.staged_content_dir, fetched.staged_content_dir);
  ASSERT_EQ(::stat(fetched.staged_content_dir.c_str(), &after), 0);
  EXPECT_EQ(after.st_ino, before.st_ino);

  // The command a kiosk's operator (or a script) runs does the same.
  const Finished fetched_by_command =
      run("hub fetch-content --out " + quoted(dir / "kiosk-content") + " --hub " + hub.url() + " --hub-credentials " + quoted(hub.credentials("kiosk-1")));
  ASSERT_EQ(fetched_by_command.exit_code, 0) << fetched_by_command.output;
  EXPECT_EQ(content_version(dir / "kiosk-content" / "content", dir / "kiosk-content" / "questions.json"), version);
}

TEST_F(BoothContent, ABundleSignedByAnotherBoothsKeyIsRefusedAndNothingIsStaged) {
  const ContentSigningKey other = generate_content_signing_key();
  const BundlePack forged = pack_content_bundle(content, quiz, "B1", other.seed);
  ASSERT_EQ(forged.error, "");
  ASSERT_EQ(publish(*desk, forged.bytes), "");

  const ContentFetch fetched = fetch();
  EXPECT_EQ(fetched.outcome, ContentFetch::Outcome::Refused);
  EXPECT_NE(fetched.refusal.find("signed by another key"), std::string::npos) << fetched.refusal;
  EXPECT_FALSE(fs::exists(staging));

  const Finished by_command =
      run("hub fetch-content --out " + quoted(dir / "kiosk-content") + " --hub " + hub.url() + " --hub-credentials " + quoted(hub.credentials("kiosk-1")));
  EXPECT_EQ(by_command.exit_code, 7) << by_command.output;
  EXPECT_NE(by_command.output.find("refused: the content bundle is signed by another key"), std::string::npos) << by_command.output;
  EXPECT_FALSE(fs::exists(dir / "kiosk-content"));
}

TEST_F(BoothContent, InvalidContentIsRefusedAtTheDeskAndForgedPastItAtTheKiosk) {
  std::ofstream(content / "event.json") << "{\"county\": ";
  const Finished published = publish_content();
  EXPECT_EQ(published.exit_code, 7) << published.output;
  EXPECT_NE(published.output.find("event.json"), std::string::npos) << published.output;
  EXPECT_EQ(fetch().outcome, ContentFetch::Outcome::None) << "nothing reached the hub";

  // Packed past the desk's check, with the booth's own key: the kiosk's validator refuses it.
  const HubCredentials desk_credentials = load(hub.credentials("desk"));
  const BundlePack forged = pack_content_bundle(content, quiz, "B1", *desk_credentials.content_signing_seed);
  ASSERT_EQ(forged.error, "");
  ASSERT_EQ(publish(*desk, forged.bytes), "");
  const ContentFetch fetched = fetch();
  EXPECT_EQ(fetched.outcome, ContentFetch::Outcome::Refused);
  const std::string reason = content_problems(content, quiz, 5, dir.path());
  EXPECT_TRUE(fetched.refusal.starts_with("the content bundle does not pass validation: " + reason.substr(0, reason.find("; "))))
      << fetched.refusal << "\nexpected: " << reason;
  EXPECT_FALSE(fs::exists(staging / ("bundle-" + fetched.version)));
}

TEST_F(BoothContent, AKioskCannotPublishContent) {
  const Finished by_kiosk = publish_content("kiosk-1");
  EXPECT_EQ(by_kiosk.exit_code, 3) << by_kiosk.output;
  EXPECT_NE(by_kiosk.output.find("only the desk's credentials sign content"), std::string::npos) << by_kiosk.output;

  // Even with a bundle in hand, the hub refuses a kiosk's publish on the content subject.
  const HubCredentials desk_credentials = load(hub.credentials("desk"));
  const BundlePack pack = pack_content_bundle(content, quiz, "B1", *desk_credentials.content_signing_seed);
  ASSERT_EQ(pack.error, "");
  EXPECT_NE(publish(*kiosk, pack.bytes), "");
  const auto deadline = std::chrono::steady_clock::now() + 5s;
  while (kiosk->last_async_error().find("Permissions Violation for Publish to \"openday.content\"") == std::string::npos &&
         std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(10ms);
  EXPECT_NE(kiosk->last_async_error().find("Permissions Violation for Publish to \"openday.content\""), std::string::npos) << kiosk->last_async_error();
  EXPECT_EQ(fetch().outcome, ContentFetch::Outcome::None);
}

}  // namespace
}  // namespace openday
