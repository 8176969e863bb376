#pragma once
// The face of the event store that the rest of the kiosk (the UI included) may see: its health,
// durable jobs and their results. It declares the storage types and never defines them, so that
// nothing including it compiles against SQLite; the jobs themselves (in vouchers.cpp, staff.cpp)
// include core/visits/sqlite.h where they speak SQL.
#include <cstdint>
#include <functional>
#include <future>
#include <string>
#include <vector>

#include "core/visits/events.h"

namespace openday {

class Database;  // core/visits/sqlite.h

struct StoreHealth {
  bool open = false;              // the database is open and writable
  std::string last_error;         // the most recent write or open failure, with the file
  std::string recovery_note;      // set when a corrupt file was moved aside at start
  std::string replaced_note;      // set when the database file was deleted or replaced while running
  std::uint64_t committed = 0;    // events committed since start
  std::uint64_t dropped = 0;      // events given up (memory bound reached)
  std::size_t pending = 0;        // events waiting to be committed
};

// Inside run_durable(): the open write transaction.
class DurableTransaction {
 public:
  DurableTransaction(Database& db, const std::string& kiosk_id) : db_(db), kiosk_id_(kiosk_id) {}
  Database& db() { return db_; }
  const std::string& kiosk_id() const { return kiosk_id_; }
  // Events committed in the same transaction as the job's own writes.
  void add_event(Event event) { events_.push_back(std::move(event)); }
  std::vector<Event>& events() { return events_; }

 private:
  Database& db_;
  const std::string& kiosk_id_;
  std::vector<Event> events_;
};

struct DurableResult {
  bool committed = false;
  std::string error;  // why not, when not committed
};

using DurableJob = std::function<void(DurableTransaction&)>;

// Where facts that must be durable before the screen shows them are committed.
class DurableStore {
 public:
  virtual ~DurableStore() = default;
  // Runs job in one write transaction after everything logged before it; the future resolves
  // after COMMIT returned (committed=false when the job threw or the commit failed).
  virtual std::future<DurableResult> run_durable(DurableJob job) = 0;
};

}  // namespace openday
