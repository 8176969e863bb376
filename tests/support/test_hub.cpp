#include "support/test_hub.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include <gtest/gtest.h>

#include "core/booth/hub_connection.h"
#include "core/booth/hub_credentials.h"
#include "core/booth/hub_setup.h"
#include "core/booth/nkey.h"

extern char** environ;

namespace openday::testing {
namespace {

using Clock = std::chrono::steady_clock;

// libnats's threads must be gone before the process's exit handlers run (OpenSSL's among them), as
// openday's main sees to with close_hub_library: a test binary that starts a hub does the same
// once its tests are over.
class HubLibraryEnvironment final : public ::testing::Environment {
 public:
  void TearDown() override { close_hub_library(); }
};
[[maybe_unused]] ::testing::Environment* const kHubLibraryEnvironment = ::testing::AddGlobalTestEnvironment(new HubLibraryEnvironment);
constexpr auto kStartDeadline = std::chrono::seconds(15);
constexpr auto kStopDeadline = std::chrono::seconds(10);
constexpr auto kPollStep = std::chrono::milliseconds(10);
constexpr int kPortAttempts = 5;

// A port the kernel just handed out on loopback; free unless another process takes it first,
// which start retries with another.
int free_loopback_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) throw std::runtime_error("TestHub: cannot open a socket");
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  const bool ok = ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
                  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0;
  ::close(fd);
  if (!ok) throw std::runtime_error("TestHub: cannot find a free port on 127.0.0.1");
  return ntohs(address.sin_port);
}

bool accepts_connections(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return false;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  ::close(fd);
  return ok;
}

std::string read_text(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string make_temp_dir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "openday-hub.XXXXXX").string();
  if (!::mkdtemp(pattern.data())) throw std::runtime_error("TestHub: cannot create a temporary folder");
  return pattern;
}

}  // namespace

std::string find_nats_server() {
  if (const char* path = std::getenv("PATH")) {
    std::stringstream folders(path);
    std::string folder;
    while (std::getline(folders, folder, ':'))
      if (!folder.empty() && ::access((std::filesystem::path(folder) / "nats-server").c_str(), X_OK) == 0)
        return (std::filesystem::path(folder) / "nats-server").string();
  }
  return ::access("/usr/sbin/nats-server", X_OK) == 0 ? "/usr/sbin/nats-server" : "";
}

TestHub::TestHub(std::vector<std::string> devices, std::string booth)
    : dir_(make_temp_dir()), devices_(std::move(devices)), booth_(std::move(booth)) {
  std::string why;
  for (int attempt = 0; attempt < kPortAttempts; ++attempt) {
    port_ = free_loopback_port();
    HubSetupRequest request;
    request.booth = booth_;
    request.devices = devices_;
    request.listen = "127.0.0.1:" + std::to_string(port_);
    request.store = dir_ / "store";
    request.out = dir_ / "hub";
    const HubSetupResult setup = write_hub_setup(request);
    if (!setup.ok()) {
      std::error_code ignored;
      std::filesystem::remove_all(dir_, ignored);
      throw std::runtime_error("TestHub: hub setup failed: " + setup.error);
    }
    if (launch(why)) return;
  }
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
  throw std::runtime_error("TestHub: nats-server did not start: " + why);
}

TestHub::~TestHub() {
  kill();
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

std::string TestHub::url() const { return "nats://127.0.0.1:" + std::to_string(port_); }

std::filesystem::path TestHub::credentials(std::string_view device) const { return dir_ / "hub" / (std::string(device) + ".creds"); }

std::filesystem::path TestHub::config() const { return dir_ / "hub" / std::string(kHubConfigFile); }

bool TestHub::launch(std::string& why) {
  const std::string server = find_nats_server();
  if (server.empty()) throw std::runtime_error("TestHub: nats-server is not installed (Debian package nats-server)");
  const std::string log = (dir_ / "nats-server.log").string();
  const std::string conf = config().string();
  // Only what this start adds to the log counts: the server's own word that it is ready, as a
  // listener on the port may be another test's server that took the port first.
  std::error_code ec;
  const std::size_t log_start = std::filesystem::exists(log) ? std::filesystem::file_size(log, ec) : 0;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  std::vector<char*> argv{const_cast<char*>(server.c_str()), const_cast<char*>("-c"), const_cast<char*>(conf.c_str()), nullptr};
  const int spawned = ::posix_spawn(&pid_, server.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) {
    pid_ = -1;
    throw std::runtime_error("TestHub: cannot run " + server + ": " + std::strerror(spawned));
  }
  const auto deadline = Clock::now() + kStartDeadline;
  while (Clock::now() < deadline) {
    if (!running()) {
      why = "it exited; its log:\n" + read_text(log);
      return false;
    }
    if (read_text(log).find("Server is ready", log_start) != std::string::npos && accepts_connections(port_)) return true;
    std::this_thread::sleep_for(kPollStep);
  }
  reap(SIGKILL);
  why = "it did not accept connections within 15 s; its log:\n" + read_text(log);
  return false;
}

void TestHub::reap(int signal) {
  if (pid_ <= 0) return;
  ::kill(pid_, signal);
  const auto deadline = Clock::now() + kStopDeadline;
  int status = 0;
  while (true) {
    const pid_t done = ::waitpid(pid_, &status, WNOHANG);
    if (done == pid_ || (done < 0 && errno != EINTR)) break;
    if (Clock::now() > deadline) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, &status, 0);
      break;
    }
    std::this_thread::sleep_for(kPollStep);
  }
  pid_ = -1;
}

void TestHub::kill() { reap(SIGKILL); }

void TestHub::stop() { reap(SIGTERM); }

void TestHub::start() {
  if (running()) return;
  std::string why;
  if (!launch(why)) throw std::runtime_error("TestHub: nats-server did not start again on port " + std::to_string(port_) + ": " + why);
}

bool TestHub::running() const {
  if (pid_ <= 0) return false;
  int status = 0;
  // A server that exited on its own stays a zombie until reaped here; then it is not running.
  const pid_t done = ::waitpid(pid_, &status, WNOHANG);
  if (done == pid_) {
    pid_ = -1;
    return false;
  }
  return done == 0;
}

void TestHub::restart_with(const std::string& config_text) {
  stop();
  std::ofstream out(config(), std::ios::trunc);
  out << config_text;
  out.close();
  if (!out) throw std::runtime_error("TestHub: cannot write " + config().string());
  start();
}

void TestHub::restart_refusing(const std::vector<std::string>& devices) {
  if (own_config_.empty()) own_config_ = read_text(config());
  std::string refusing = own_config_;
  for (const std::string& device : devices) {
    const HubCredentialsLoad loaded = load_hub_credentials(credentials(device));
    if (!loaded.credentials) throw std::runtime_error("TestHub: " + loaded.error);
    const std::string& key = loaded.credentials->public_nkey;
    const auto at = refusing.find(key);
    if (at == std::string::npos) throw std::runtime_error("TestHub: the hub's config does not name " + device + "'s key");
    refusing.replace(at, key.size(), nkey::generate_user().public_text);
  }
  restart_with(refusing);
}

void TestHub::restart_accepting() {
  if (!own_config_.empty()) restart_with(own_config_);
}

}  // namespace openday::testing
