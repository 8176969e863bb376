#pragma once
// The desk's side of the booth hub: it takes every device's rows and heartbeats from the hub
// into its own database. A message is acknowledged to the hub only after the row it carries is
// committed, and a row already held changes nothing, so every row arrives exactly once however
// often the hub delivers it.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <span>
#include <string>
#include <vector>

#include "core/booth/booth_messages.h"
#include "core/booth/hub_credentials.h"
#include "core/visits/durable_store.h"

namespace openday {

class HubConnection;

// One pull's worth, handed to the store before anything is acknowledged.
struct IntakeBatch {
  std::vector<EventRecord> events;
  std::vector<DeviceState> heartbeats;  // with when the hub stored each
  std::vector<std::string> refused;  // messages that could not be read, with the reason
};

struct IntakeResult {
  std::size_t received = 0;   // messages taken from the hub
  bool caught_up = false;     // nothing more waiting on the hub
  std::vector<std::string> refused;  // messages that could not be read (acknowledged and left out)
};

class BoothIntake {
 public:
  // Stores a batch in one transaction; throws when it could not (nothing is then acknowledged,
  // and the hub delivers the messages again).
  using Store = std::function<void(const IntakeBatch&)>;

  // consumer_id names this database's consumers on the hub (one database, one position).
  BoothIntake(HubConnection& desk, const std::string& consumer_id);
  ~BoothIntake();
  BoothIntake(const BoothIntake&) = delete;
  BoothIntake& operator=(const BoothIntake&) = delete;

  // Takes at most max_messages of each kind, waiting up to wait for the first ones.
  IntakeResult pull(const Store& store, std::size_t max_messages, std::chrono::milliseconds wait);

 private:
  struct Subscriptions;
  std::unique_ptr<Subscriptions> subscriptions_;
};

// The desk's live intake: a background thread that keeps the desk's database up to date with
// the booth while the desk runs. It writes through the desk's own event log (its one writer),
// and never holds up the desk's screen.
class DeskFeed {
 public:
  struct Options {
    std::string url;
    HubCredentials credentials;
    std::chrono::milliseconds connect_timeout{2000};
    std::chrono::milliseconds longest_retry_wait{10000};
  };
  DeskFeed(Options options, DurableStore& store);
  ~DeskFeed();
  DeskFeed(const DeskFeed&) = delete;
  DeskFeed& operator=(const DeskFeed&) = delete;

  struct Status {
    bool connected = false;
    bool caught_up = false;
    std::uint64_t received = 0;
    std::string last_error;
  };
  Status status() const;

 private:
  void run();
  bool step();

  Options options_;
  DurableStore& store_;
  std::unique_ptr<HubConnection> hub_;  // feed thread only
  std::unique_ptr<BoothIntake> intake_;  // feed thread only
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  Status status_;  // under mutex_
  std::thread thread_;
};

// Stores a batch into the desk's database (within an open write transaction): the rows, the
// vouchers they issue and redeem, each device's heartbeat and its prize stock. Returns the rows
// it did not hold before.
std::size_t store_intake_batch(Database& db, const IntakeBatch& batch);
// A fresh name for a database's intake on the hub (16 hex digits).
std::string random_intake_id();

}  // namespace openday
