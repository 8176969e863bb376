// Issue 32: the booth hub for real: hub init's files, nats-server started on them (loopback, a
// free port), and devices connecting with TLS and their NKeys, within their permissions only.
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <ctime>
#include <fstream>
#include <future>
#include <sstream>
#include <thread>

#include "core/booth/hub_connection.h"
#include "core/booth/hub_setup.h"
#include "core/booth/hub_subjects.h"
#include "core/booth/nkey.h"
#include "support/shell.h"
#include "support/temp_dir.h"
#include "support/test_hub.h"

namespace openday {
namespace {

using namespace std::chrono_literals;
constexpr auto kConnectTimeout = 3000ms;

HubCredentials load(const std::filesystem::path& file) {
  const HubCredentialsLoad loaded = load_hub_credentials(file);
  if (!loaded.credentials) throw std::runtime_error(loaded.error);
  return *loaded.credentials;
}

std::unique_ptr<HubConnection> connect_or_fail(const std::string& url, const HubCredentials& credentials) {
  HubConnection::Open open = HubConnection::connect(url, credentials, kConnectTimeout);
  EXPECT_TRUE(open.connection) << open.error;
  return std::move(open.connection);
}

int stream_messages(HubConnection& desk, std::string_view stream) {
  jsStreamInfo* info = nullptr;
  jsErrCode code = static_cast<jsErrCode>(0);
  const std::string name(stream);
  if (js_GetStreamInfo(&info, desk.jetstream(), name.c_str(), nullptr, &code) != NATS_OK) return -1;
  const int messages = static_cast<int>(info->State.Msgs);
  jsStreamInfo_Destroy(info);
  return messages;
}

// The JetStream ack's stream sequence, or the error.
std::string publish_event(HubConnection& device, const std::string& subject, const std::string& message_id, uint64_t* sequence,
                          std::chrono::milliseconds wait = 2000ms) {
  jsPubOptions options;
  jsPubOptions_Init(&options);
  options.MsgId = message_id.c_str();
  options.MaxWait = wait.count();
  jsPubAck* ack = nullptr;
  jsErrCode code = static_cast<jsErrCode>(0);
  const std::string data = "{\"seq\":1}";
  const natsStatus status = js_Publish(&ack, device.jetstream(), subject.c_str(), data.data(), static_cast<int>(data.size()), &options, &code);
  if (status != NATS_OK) return nats_error_text(status);
  if (sequence) *sequence = ack->Sequence;
  jsPubAck_Destroy(ack);
  return "";
}

template <typename Condition>
bool wait_for(Condition condition, std::chrono::milliseconds limit = 5000ms) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < deadline) {
    if (condition()) return true;
    std::this_thread::sleep_for(10ms);
  }
  return condition();
}

class BoothHub : public ::testing::Test {
 protected:
  testing::TestHub hub{{"kiosk-1", "kiosk-2", "desk"}};
};

// A loopback URL where nothing listens: a port that was just free.
std::string url_of_a_free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  ::close(fd);
  return "nats://127.0.0.1:" + std::to_string(ntohs(address.sin_port));
}

// Holds libnats's one callback thread, as a slow callback of another connection would: a
// connection of its own whose closed callback waits until released. The callbacks libnats
// queues meanwhile for any connection run after it.
class CallbackThreadHold {
 public:
  CallbackThreadHold() {
    natsOptions* options = nullptr;
    natsOptions_Create(&options);
    natsOptions_SetURL(options, url_of_a_free_port().c_str());
    natsOptions_SetRetryOnFailedConnect(options, true, [](natsConnection*, void*) {}, nullptr);
    natsOptions_SetClosedCB(options, &CallbackThreadHold::on_closed, this);
    natsConnection* never_connected = nullptr;
    EXPECT_EQ(natsConnection_Connect(&never_connected, options), NATS_NOT_YET_CONNECTED);
    natsOptions_Destroy(options);
    natsConnection_Destroy(never_connected);  // queues its closed callback
    EXPECT_EQ(entered_.get_future().wait_for(5s), std::future_status::ready) << "libnats ran no closed callback";
  }
  ~CallbackThreadHold() { release(); }
  CallbackThreadHold(const CallbackThreadHold&) = delete;
  CallbackThreadHold& operator=(const CallbackThreadHold&) = delete;

  void release() {
    if (released_) return;
    released_ = true;
    release_.set_value();
  }

 private:
  static void on_closed(natsConnection*, void* closure) {
    auto* self = static_cast<CallbackThreadHold*>(closure);
    std::shared_future<void> go = self->go_;
    self->entered_.set_value();
    go.wait();
  }

  std::promise<void> entered_;
  std::promise<void> release_;
  std::shared_future<void> go_ = release_.get_future().share();
  bool released_ = false;
};

TEST(HubSetup, NatsServerAcceptsTheConfigAndTheFilesArePrivate) {
  testing::TempDir dir;
  HubSetupRequest request;
  request.booth = "B1";
  request.devices = {"kiosk-1", "desk"};
  request.listen = "192.0.2.7:4222";
  request.out = dir / "hub";
  request.store = dir / "store";
  request.extra_names = {"booth-hub.local"};
  const HubSetupResult result = write_hub_setup(request);
  ASSERT_TRUE(result.ok()) << result.error;
  EXPECT_EQ(result.written.size(), 7u);
  struct stat info {};
  ASSERT_EQ(::stat((dir / "hub").c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0700u);
  for (const char* name : {"ca.key", "hub.key", "kiosk-1.creds", "desk.creds"}) {
    ASSERT_EQ(::stat((dir / "hub" / name).c_str(), &info), 0) << name;
    EXPECT_EQ(info.st_mode & 0077, 0u) << name;
  }
  std::ifstream in(dir / "hub" / "nats-server.conf");
  std::stringstream conf;
  conf << in.rdbuf();
  EXPECT_NE(conf.str().find("listen: \"192.0.2.7:4222\""), std::string::npos) << conf.str();
  EXPECT_NE(conf.str().find("store_dir: \"" + (dir / "store").string() + "\""), std::string::npos) << conf.str();

  const std::string server = testing::find_nats_server();
  ASSERT_FALSE(server.empty()) << "nats-server is not installed";
  const std::string command = server + " -t -c " + (dir / "hub" / "nats-server.conf").string() + " >" + (dir / "check.log").string() + " 2>&1";
  EXPECT_EQ(std::system(command.c_str()), 0) << std::ifstream(dir / "check.log").rdbuf();

  // The certificate names the listen host and the extra name.
  const std::string san = "openssl x509 -in " + (dir / "hub" / "hub.pem").string() + " -noout -ext subjectAltName >" + (dir / "san.txt").string();
  ASSERT_EQ(std::system(san.c_str()), 0);
  std::stringstream names;
  names << std::ifstream(dir / "san.txt").rdbuf();
  for (const char* name : {"IP Address:192.0.2.7", "DNS:localhost", "IP Address:127.0.0.1", "DNS:booth-hub.local"})
    EXPECT_NE(names.str().find(name), std::string::npos) << names.str();

  // A device whose clock is a day slow still takes the certificate for valid.
  const std::string a_day_ago = std::to_string(std::time(nullptr) - 24 * 3600);
  const std::string verify = "openssl verify -attime " + a_day_ago + " -CAfile " + (dir / "hub" / "ca.pem").string() + " " +
                             (dir / "hub" / "hub.pem").string() + " >" + (dir / "verify.txt").string() + " 2>&1";
  EXPECT_EQ(std::system(verify.c_str()), 0) << std::ifstream(dir / "verify.txt").rdbuf();
  // openssl's scratch files are gone: the folder holds the setup only.
  for (const auto& entry : std::filesystem::directory_iterator(dir / "hub"))
    EXPECT_NE(entry.path().filename().string().front(), '.') << entry.path();
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir / "hub"), std::filesystem::directory_iterator()), 7);

  // Run again on its own previous setup: allowed, and a device dropped loses its credentials.
  request.devices = {"desk"};
  const HubSetupResult again = write_hub_setup(request);
  ASSERT_TRUE(again.ok()) << again.error;
  EXPECT_FALSE(std::filesystem::exists(dir / "hub" / "kiosk-1.creds"));
}

TEST(HubSetup, PermissionsAreTheNarrowestThatWork) {
  const HubPermissions kiosk = hub_permissions("kiosk-1");
  EXPECT_EQ(kiosk.publish, (std::vector<std::string>{"openday.events.kiosk-1", "openday.heartbeat.kiosk-1",
                                                     "$JS.API.STREAM.MSG.GET.OPENDAY_CONTENT", "$JS.API.STREAM.MSG.GET.OPENDAY_DESK",
                                                     "$JS.API.STREAM.INFO.OPENDAY_CONTENT", "$KV.OPENDAY_PRIZES.>",
                                                     "$JS.API.STREAM.INFO.KV_OPENDAY_PRIZES", "$JS.API.STREAM.MSG.GET.KV_OPENDAY_PRIZES",
                                                     "$JS.API.DIRECT.GET.KV_OPENDAY_PRIZES.>"}));
  EXPECT_EQ(kiosk.subscribe, (std::vector<std::string>{"_INBOX_kiosk-1.>"}));
  const HubPermissions desk = hub_permissions("desk");
  EXPECT_EQ(desk.publish, (std::vector<std::string>{"openday.events.desk", "openday.heartbeat.desk", "$KV.OPENDAY_PRIZES.>", "$JS.API.>", "$JS.ACK.>",
                                                    "openday.content", "openday.desk.>"}));
  EXPECT_EQ(desk.subscribe, (std::vector<std::string>{"_INBOX_desk.>"}));
}

TEST(HubSetup, RefusesAForeignOutFolderUntouched) {
  testing::TempDir dir;
  std::filesystem::create_directories(dir / "hub");
  {
    std::ofstream notes(dir / "hub" / "notes.txt");
    notes << "mine";
  }
  HubSetupRequest request;
  request.booth = "B1";
  request.devices = {"kiosk-1"};
  request.listen = "127.0.0.1:4222";
  request.out = dir / "hub";
  const HubSetupResult result = write_hub_setup(request);
  EXPECT_FALSE(result.ok());
  EXPECT_NE(result.error.find("--out: " + (dir / "hub").string() + " already holds \"notes.txt\""), std::string::npos) << result.error;
  EXPECT_TRUE(result.written.empty());
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir / "hub"), std::filesystem::directory_iterator()), 1);

  request.out = dir / "hub" / "notes.txt";
  EXPECT_NE(write_hub_setup(request).error.find("exists and is not a folder"), std::string::npos);
}

TEST(HubSetup, RefusesBadRequestsNamingOptionAndValue) {
  testing::TempDir dir;
  const auto refused = [&](auto change, const std::string& expected) {
    HubSetupRequest request;
    request.booth = "B1";
    request.devices = {"kiosk-1", "desk"};
    request.listen = "0.0.0.0:4222";
    request.out = dir / "out";
    change(request);
    const HubSetupResult result = write_hub_setup(request);
    EXPECT_NE(result.error.find(expected), std::string::npos) << "expected \"" << expected << "\" in: " << result.error;
    EXPECT_FALSE(std::filesystem::exists(dir / "out"));
  };
  refused([](HubSetupRequest& r) { r.booth = "B 1"; }, "--booth: must be 1-32 characters of A-Z a-z 0-9 - _, got \"B 1\"");
  refused([](HubSetupRequest& r) { r.devices = {}; }, "--devices: name at least one device");
  refused([](HubSetupRequest& r) { r.devices = {"kiosk-1", "kiosk.2"}; }, "--devices: \"kiosk.2\" is not a device id");
  refused([](HubSetupRequest& r) { r.devices = {"kiosk-1", "kiosk-1"}; }, "--devices: \"kiosk-1\" is named twice");
  refused([](HubSetupRequest& r) { r.listen = "4222"; }, "--listen: must be HOST:PORT");
  refused([](HubSetupRequest& r) { r.listen = "0.0.0.0:65536"; }, "got \"0.0.0.0:65536\"");
  refused([](HubSetupRequest& r) { r.listen = "::1:4222"; }, "--listen");
  refused([](HubSetupRequest& r) { r.extra_names = {"hub,evil"}; }, "--name: \"hub,evil\"");
  refused([&](HubSetupRequest& r) { r.store = dir / "a\"b"; }, "--store:");
}

TEST_F(BoothHub, KioskPublishesItsEventsAndGetsAJetStreamAck) {
  auto desk = connect_or_fail(hub.url(), load(hub.credentials("desk")));
  ASSERT_TRUE(desk);
  ASSERT_EQ(ensure_booth_streams(*desk), "");
  ASSERT_EQ(ensure_booth_streams(*desk), "") << "not idempotent";
  auto kiosk = connect_or_fail(hub.url(), load(hub.credentials("kiosk-1")));
  ASSERT_TRUE(kiosk);
  EXPECT_TRUE(kiosk->connected());
  EXPECT_EQ(kiosk->credentials().device, "kiosk-1");
  uint64_t sequence = 0;
  ASSERT_EQ(publish_event(*kiosk, hub::events_subject("kiosk-1"), "kiosk-1:1", &sequence), "");
  EXPECT_EQ(sequence, 1u);
  // The same message id again within the duplicate window is stored once.
  ASSERT_EQ(publish_event(*kiosk, hub::events_subject("kiosk-1"), "kiosk-1:1", &sequence), "");
  EXPECT_EQ(stream_messages(*desk, hub::kEventsStream), 1);
  EXPECT_NE(ensure_booth_streams(*kiosk), "");
}

TEST_F(BoothHub, KioskCannotPublishAsAnotherKioskNorContent) {
  auto desk = connect_or_fail(hub.url(), load(hub.credentials("desk")));
  ASSERT_TRUE(desk);
  ASSERT_EQ(ensure_booth_streams(*desk), "");
  auto kiosk = connect_or_fail(hub.url(), load(hub.credentials("kiosk-1")));
  ASSERT_TRUE(kiosk);

  EXPECT_NE(publish_event(*kiosk, hub::events_subject("kiosk-2"), "kiosk-2:1", nullptr, 300ms), "");
  EXPECT_TRUE(wait_for([&] { return kiosk->last_async_error().find("Permissions Violation for Publish to \"openday.events.kiosk-2\"") != std::string::npos; }))
      << kiosk->last_async_error();
  EXPECT_NE(publish_event(*kiosk, std::string(hub::kContentSubject), "content-1", nullptr, 300ms), "");
  EXPECT_TRUE(wait_for([&] { return kiosk->last_async_error().find("openday.content") != std::string::npos; })) << kiosk->last_async_error();
  // Nor may it read other devices' replies or consume the stream itself.
  natsSubscription* sub = nullptr;
  natsConnection_SubscribeSync(&sub, kiosk->nats(), "_INBOX_kiosk-2.>");
  EXPECT_TRUE(wait_for([&] { return kiosk->last_async_error().find("Permissions Violation for Subscription to \"_INBOX_kiosk-2.>\"") != std::string::npos; }))
      << kiosk->last_async_error();
  natsSubscription_Destroy(sub);

  EXPECT_EQ(stream_messages(*desk, hub::kEventsStream), 0);
  EXPECT_EQ(stream_messages(*desk, hub::kContentStream), 0);
  EXPECT_TRUE(kiosk->connected()) << "a refused publish must not cost the kiosk its connection";
  EXPECT_EQ(publish_event(*kiosk, hub::events_subject("kiosk-1"), "kiosk-1:1", nullptr), "");
}

TEST_F(BoothHub, ASeedOfAnotherBoothIsRefusedClearly) {
  HubCredentials stranger = load(hub.credentials("kiosk-1"));
  const nkey::UserKey other = nkey::generate_user();
  stranger.seed = other.seed;
  stranger.public_nkey = other.public_text;
  const HubConnection::Open open = HubConnection::connect(hub.url(), stranger, kConnectTimeout);
  EXPECT_FALSE(open.connection);
  EXPECT_NE(open.error.find("the hub at " + hub.url() + " refused device kiosk-1's credentials (authorization violation)"), std::string::npos)
      << open.error;
}

TEST_F(BoothHub, ADeviceThatDoesNotTrustTheHubsCaIsRefused) {
  testing::TempDir other;
  HubSetupRequest request;
  request.booth = "B2";
  request.devices = {"kiosk-1"};
  request.listen = "127.0.0.1:4222";
  request.out = other / "hub";
  ASSERT_TRUE(write_hub_setup(request).ok());
  HubCredentials foreign = load(hub.credentials("kiosk-1"));
  foreign.hub_ca_pem = load(other / "hub" / "kiosk-1.creds").hub_ca_pem;
  const HubConnection::Open open = HubConnection::connect(hub.url(), foreign, kConnectTimeout);
  EXPECT_FALSE(open.connection);
  EXPECT_NE(open.error.find("the hub at " + hub.url() + " failed TLS verification"), std::string::npos) << open.error;
}

TEST_F(BoothHub, AHostNameUrlIsCheckedAgainstTheCertificate) {
  const std::string by_name = "nats://localhost:" + std::to_string(hub.port());
  auto kiosk = connect_or_fail(by_name, load(hub.credentials("kiosk-2")));
  EXPECT_TRUE(kiosk && kiosk->connected());
}

TEST_F(BoothHub, APlainClientGetsNothing) {
  // libnats itself will not talk in clear to a hub that requires TLS...
  natsConnection* plain = nullptr;
  EXPECT_NE(natsConnection_ConnectTo(&plain, hub.url().c_str()), NATS_OK);
  natsConnection_Destroy(plain);
  // ...and a client that ignores that gets no answer in clear from the hub.
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(hub.port()));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  timeval limit{2, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
  std::string received(4096, '\0');
  ssize_t got = ::recv(fd, received.data(), received.size(), 0);
  ASSERT_GT(got, 0);
  EXPECT_NE(received.find("\"tls_required\":true"), std::string::npos) << received;
  const std::string hello = "CONNECT {\"verbose\":false}\r\nPUB openday.content 2\r\nhi\r\nPING\r\n";
  ::send(fd, hello.data(), hello.size(), MSG_NOSIGNAL);
  std::string answer;
  while ((got = ::recv(fd, received.data(), received.size(), 0)) > 0) answer.append(received.data(), static_cast<std::size_t>(got));
  ::close(fd);
  EXPECT_EQ(answer.find("PONG"), std::string::npos) << answer;
}

TEST(HubConnectionErrors, NothingListeningIsUnreachable) {
  testing::TempDir dir;
  HubSetupRequest request;
  request.booth = "B1";
  request.devices = {"kiosk-1"};
  request.listen = "127.0.0.1:4222";
  request.out = dir / "hub";
  ASSERT_TRUE(write_hub_setup(request).ok());
  const std::string url = url_of_a_free_port();
  const auto started = std::chrono::steady_clock::now();
  const HubConnection::Open open = HubConnection::connect(url, load(dir / "hub" / "kiosk-1.creds"), kConnectTimeout);
  EXPECT_FALSE(open.connection);
  EXPECT_NE(open.error.find("cannot reach the hub at " + url + ": "), std::string::npos) << open.error;
  EXPECT_LT(std::chrono::steady_clock::now() - started, kConnectTimeout + 1s);
}

// libnats runs a connection's error callback on its own thread, queued, possibly after
// natsConnection_Destroy returned: a HubConnection freed meanwhile had its error text written
// into freed memory (the heap corruption seen when the hub was killed under load). The
// connection now lasts until libnats ran its last callback.
using HubConnectionLifetime = BoothHub;

TEST_F(HubConnectionLifetime, EndsOnlyOnceLibnatsRanTheCallbacksItQueuedForIt) {
  auto kiosk = connect_or_fail(hub.url(), load(hub.credentials("kiosk-1")));
  ASSERT_TRUE(kiosk);
  CallbackThreadHold hold;
  // A publish the hub refuses: libnats queues the refusal for the error callback, behind the hold.
  const std::string forbidden(hub::kContentSubject);
  ASSERT_EQ(natsConnection_PublishString(kiosk->nats(), forbidden.c_str(), "x"), NATS_OK);
  ASSERT_EQ(natsConnection_FlushTimeout(kiosk->nats(), 3000), NATS_OK) << "the refusal arrives before the flush's answer";
  auto destroyed = std::async(std::launch::async, [&kiosk] { kiosk.reset(); });
  EXPECT_EQ(destroyed.wait_for(500ms), std::future_status::timeout) << "the connection ended while libnats still had a callback of it to run";
  hold.release();
  EXPECT_EQ(destroyed.wait_for(5s), std::future_status::ready) << "the connection did not end once libnats ran its callbacks";
}

// libnats frees a dropped connection's last reference on its callback thread: a process that
// ends at once (the CLI after `voucher redeem`) must first let libnats finish, or that thread
// may free the connection's TLS context while OpenSSL's exit handler tears OpenSSL down (the
// desk's SIGSEGV in SSL_CTX_free). The child says whether libnats was done when exit began.
TEST(HubConnectionExit, AProcessEndsCleanlyRightAfterDroppingAConnection) {
  const testing::Shell ended = testing::run_shell(std::string(HUB_EXIT_CHILD) + " " + url_of_a_free_port() + " close");
  EXPECT_EQ(ended.status, 0) << ended.output;
}

TEST_F(BoothHub, TheHubComesBackOnItsPortWithItsStoreAndTheKioskReconnects) {
  auto desk = connect_or_fail(hub.url(), load(hub.credentials("desk")));
  ASSERT_TRUE(desk);
  ASSERT_EQ(ensure_booth_streams(*desk), "");
  auto kiosk = connect_or_fail(hub.url(), load(hub.credentials("kiosk-1")));
  ASSERT_TRUE(kiosk);
  ASSERT_EQ(publish_event(*kiosk, hub::events_subject("kiosk-1"), "kiosk-1:1", nullptr), "");
  hub.kill();
  EXPECT_FALSE(hub.running());
  EXPECT_TRUE(wait_for([&] { return !kiosk->connected(); }));
  hub.start();
  EXPECT_TRUE(hub.running());
  EXPECT_TRUE(wait_for([&] { return kiosk->connected() && desk->connected(); }, 10s));
  EXPECT_EQ(stream_messages(*desk, hub::kEventsStream), 1);
  uint64_t sequence = 0;
  ASSERT_EQ(publish_event(*kiosk, hub::events_subject("kiosk-1"), "kiosk-1:2", &sequence), "");
  EXPECT_EQ(sequence, 2u);
  hub.stop();
  EXPECT_FALSE(hub.running());
}

// Refused twice in a row while it reconnects, libnats closes a connection for good: its owner
// must see that, and why, to connect anew rather than wait for a reconnect that never comes.
TEST_F(BoothHub, AConnectionTheHubRefusedTwiceIsClosedAndSaysWhy) {
  auto kiosk = connect_or_fail(hub.url(), load(hub.credentials("kiosk-1")));
  ASSERT_TRUE(kiosk);
  EXPECT_FALSE(kiosk->closed());
  hub.restart_refusing({"kiosk-1"});
  ASSERT_TRUE(wait_for([&] { return kiosk->closed(); }, 15s)) << "libnats still reconnects";
  EXPECT_FALSE(kiosk->connected());
  const std::string why = kiosk->closed_error();
  EXPECT_NE(why.find("kiosk-1"), std::string::npos) << why;
  EXPECT_NE(why.find("Authorization Violation"), std::string::npos) << why;
  hub.restart_accepting();
  auto again = connect_or_fail(hub.url(), load(hub.credentials("kiosk-1")));
  EXPECT_TRUE(again && again->connected()) << "the hub takes the kiosk's key again";
}

}  // namespace
}  // namespace openday
