#pragma once
// The interaction log: the UI thread hands events to one writer thread, which owns the only
// write connection and commits them in small batches (at most batch_window after they were
// logged). Facts that must be durable before the screen shows them go through run_durable().
// Disk full, read-only or missing database: the kiosk keeps running, holds a bounded number
// of events in memory, retries, and counts what it had to drop.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <future>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/visits/durable_store.h"
#include "core/visits/events.h"
#include "core/visits/sqlite.h"

namespace openday {

class EventLog final : public EventSink, public DurableStore {
 public:
  struct Options {
    std::filesystem::path file;
    std::string kiosk_id;
    std::size_t max_pending = 200000;              // events held in memory while the disk fails
    // An event waits at most this long for its batch; with the commit's fsync it is durable
    // well within 100 ms (the bound on what a power cut may lose).
    std::chrono::milliseconds batch_window{25};
    std::chrono::milliseconds retry_interval{2000};  // between attempts while the disk fails
    const char* vfs = nullptr;                     // tests inject disk faults through a VFS
  };
  explicit EventLog(Options options);
  ~EventLog();  // commits what is queued, then stops the writer
  EventLog(const EventLog&) = delete;
  EventLog& operator=(const EventLog&) = delete;

  // UI thread: queues the event and returns at once (no disk, no waiting for the writer).
  void log(Event event) override;
  // Runs job on the writer thread inside BEGIN IMMEDIATE, after every event logged before it,
  // and resolves only after COMMIT returned OK (committed=false when it threw or failed).
  std::future<DurableResult> run_durable(DurableJob job) override;
  // Blocks until everything logged so far was committed or failed (tests, shutdown, exports).
  void flush();

  StoreHealth health() const;
  // How many of the events passed to log() are committed: the first N, since commits keep
  // their order. A crash test treats exactly these as acknowledged.
  std::uint64_t acknowledged_count() const { return acknowledged_.load(std::memory_order_acquire); }
  const std::filesystem::path& file() const { return options_.file; }

 private:
  struct Job {
    DurableJob job;
    std::promise<DurableResult> promise;
  };
  // A visitor session this log has seen start and not yet end, its events taken in their order.
  struct OpenSession {
    std::int64_t started_at_ms = 0;
    std::int64_t last_event_at_ms = 0;  // of the latest event, not the greatest stamp
    std::int64_t dwell_ms = 0;
    std::int64_t taps = 0;
    void add(std::int64_t at_ms, bool tap);
  };
  void writer_main();
  bool ensure_open();
  bool file_was_replaced() const;
  void continue_in_fresh_file();
  bool files_still_safe();
  void abandon_connection();
  void close_interrupted_sessions();
  void close_open_sessions_at_stop();
  void track_committed(const Event& event);
  bool commit_backlog();
  void run_job(Job& job);
  void insert_event(Statement& insert, const Event& event);
  void note_error(const std::string& message);

  Options options_;
  mutable std::mutex mutex_;
  std::condition_variable wake_writer_;
  std::condition_variable flushed_;
  std::vector<Event> queue_;
  std::deque<Job> jobs_;
  std::uint64_t logged_ = 0;       // events accepted by log(), under mutex_
  std::uint64_t settled_ = 0;      // events committed or dropped, under mutex_
  std::size_t unwritten_size_ = 0;  // the writer's backlog, published under mutex_
  std::uint64_t queue_drops_ = 0;   // dropped by log() and not yet recorded, under mutex_
  bool stopping_ = false;
  std::chrono::steady_clock::time_point oldest_queued_at_{};

  // Writer-thread state.
  std::optional<Database> db_;
  std::int64_t last_seq_ = 0;
  std::vector<Event> unwritten_;  // taken from the queue, not yet committed
  std::vector<Event> notices_;    // the log's own events (recovery, drops), written first
  std::chrono::steady_clock::time_point next_open_attempt_{};
  std::uint64_t dropped_unreported_ = 0;
  // The open file's identity: a database deleted (or replaced) under the kiosk is noticed by
  // its path no longer naming this file.
  std::optional<std::pair<std::uint64_t, std::uint64_t>> file_identity_;
  std::chrono::steady_clock::time_point next_identity_check_{};
  std::uint64_t shm_size_ = 0;  // the -shm's size when last looked at (see live_files_problem)
  bool interrupted_sessions_closed_ = false;
  std::map<std::int64_t, OpenSession> open_sessions_;

  std::atomic<std::uint64_t> committed_{0};
  std::atomic<std::uint64_t> acknowledged_{0};
  std::atomic<std::uint64_t> dropped_{0};
  std::atomic<bool> open_{false};
  std::string last_error_;     // under mutex_
  std::string recovery_note_;  // under mutex_
  std::string replaced_note_;  // under mutex_
  std::thread writer_;
};

}  // namespace openday
