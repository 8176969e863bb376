#pragma once
// A real booth hub for tests (issue 32): write_hub_setup into a fresh temporary folder, listening
// on 127.0.0.1 at a free port, and `nats-server -c` on it. kill/stop/start keep the port and the
// JetStream store, so a test can take the hub away and bring it back as a booth would see it.
#include <sys/types.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace openday::testing {

class TestHub {
 public:
  // Throws std::runtime_error (with nats-server's log) when the hub cannot be set up or started.
  explicit TestHub(std::vector<std::string> devices, std::string booth = "B1");
  ~TestHub();
  TestHub(const TestHub&) = delete;
  TestHub& operator=(const TestHub&) = delete;

  std::string url() const;  // "nats://127.0.0.1:<port>"
  std::filesystem::path credentials(std::string_view device) const;
  std::filesystem::path dir() const { return dir_; }  // the whole temporary folder
  std::filesystem::path config() const;               // <dir>/hub/nats-server.conf
  int port() const { return port_; }

  void kill();   // SIGKILL, as a power cut would
  void stop();   // a clean shutdown (SIGTERM)
  void start();  // the same config, port and store; returns once it accepts connections
  bool running() const;
  // Restarts the hub with its config refusing these devices' keys (another key in their place),
  // as a hub restarted with a regenerated config refuses them; restart_accepting() restarts it
  // with its own config again.
  void restart_refusing(const std::vector<std::string>& devices);
  void restart_accepting();

 private:
  bool launch(std::string& why);  // false, with the reason, if the server did not come up
  void reap(int signal);
  void restart_with(const std::string& config_text);

  std::filesystem::path dir_;
  std::vector<std::string> devices_;
  std::string booth_;
  int port_ = 0;
  std::string own_config_;  // the config as set up, kept by restart_refusing ("" before)
  mutable pid_t pid_ = -1;  // running() reaps a server that exited on its own
};

// nats-server on PATH or in /usr/sbin, "" if neither.
std::string find_nats_server();

}  // namespace openday::testing
