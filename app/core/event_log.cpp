#include "core/event_log.h"

#include <algorithm>
#include <utility>

#include "core/log.h"
#include "core/store.h"

namespace openday {
namespace {

void rollback_quietly(Database& db) { sqlite3_exec(db.handle(), "ROLLBACK", nullptr, nullptr, nullptr); }

}  // namespace

EventLog::EventLog(Options options) : options_(std::move(options)) {
  writer_ = std::thread([this] { writer_main(); });
}

EventLog::~EventLog() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_writer_.notify_one();
  writer_.join();
}

void EventLog::log(Event event) {
  if (event.at_ms == 0) event.at_ms = utc_now_ms();
  bool was_empty = false;
  {
    std::lock_guard lock(mutex_);
    if (queue_.size() + unwritten_size_ >= options_.max_pending) {
      ++logged_;
      ++settled_;
      ++queue_drops_;
      dropped_.fetch_add(1, std::memory_order_relaxed);
      return;
    }
    was_empty = queue_.empty();
    if (was_empty) oldest_queued_at_ = std::chrono::steady_clock::now();
    queue_.push_back(std::move(event));
    ++logged_;
  }
  // Only the first event of a batch wakes the writer; the rest ride along.
  if (was_empty) wake_writer_.notify_one();
}

std::future<DurableResult> EventLog::run_durable(DurableJob job) {
  Job entry{std::move(job), {}};
  auto future = entry.promise.get_future();
  {
    std::lock_guard lock(mutex_);
    jobs_.push_back(std::move(entry));
  }
  wake_writer_.notify_one();
  return future;
}

void EventLog::flush() {
  std::unique_lock lock(mutex_);
  const std::uint64_t target = logged_;
  wake_writer_.notify_one();
  flushed_.wait(lock, [&] { return settled_ >= target || (!open_.load() && queue_.empty()); });
}

StoreHealth EventLog::health() const {
  std::lock_guard lock(mutex_);
  StoreHealth health;
  health.open = open_.load();
  health.last_error = last_error_;
  health.recovery_note = recovery_note_;
  health.committed = committed_.load();
  health.dropped = dropped_.load();
  health.pending = static_cast<std::size_t>(logged_ - settled_);
  return health;
}

void EventLog::note_error(const std::string& message) {
  {
    std::lock_guard lock(mutex_);
    if (last_error_ == message) return;
    last_error_ = message;
  }
  log_line("event log: " + message);
}

bool EventLog::ensure_open() {
  if (db_) return true;
  const auto now = std::chrono::steady_clock::now();
  if (now < next_open_attempt_) return false;
  next_open_attempt_ = now + options_.retry_interval;
  try {
    OpenedStore store = open_store_for_writing(options_.file, options_.vfs);
    last_seq_ = next_event_seq(store.db, options_.kiosk_id) - 1;
    db_ = std::move(store.db);
    open_ = true;
    if (!store.recovery_note.empty()) {
      log_line("database: " + store.recovery_note);
      {
        std::lock_guard lock(mutex_);
        recovery_note_ = store.recovery_note;
      }
      // Recorded in the fresh database too, so that staff see it there.
      Event recovered;
      recovered.type = EventType::DatabaseRecovered;
      recovered.detail = store.recovery_note;
      recovered.at_ms = utc_now_ms();
      notices_.push_back(std::move(recovered));
    }
    return true;
  } catch (const SqliteError& error) {
    note_error(error.what());
    return false;
  }
}

void EventLog::insert_event(Statement& insert, const Event& event) {
  openday::insert_event(insert, options_.kiosk_id, ++last_seq_, event);
}

bool EventLog::commit_backlog() {
  if (dropped_unreported_ > 0) {
    Event dropped;
    dropped.type = EventType::EventsDropped;
    dropped.value = static_cast<std::int64_t>(dropped_unreported_);
    dropped.at_ms = utc_now_ms();
    notices_.push_back(std::move(dropped));
    dropped_unreported_ = 0;
  }
  const std::int64_t seq_before = last_seq_;
  try {
    db_->exec("BEGIN IMMEDIATE", "starting a write transaction");
    Statement insert = prepare_event_insert(*db_);
    for (const Event& event : notices_) insert_event(insert, event);
    for (const Event& event : unwritten_) insert_event(insert, event);
    db_->exec("COMMIT", "committing events");
    committed_.fetch_add(notices_.size() + unwritten_.size(), std::memory_order_release);
    notices_.clear();
    return true;
  } catch (const SqliteError& error) {
    rollback_quietly(*db_);
    last_seq_ = seq_before;
    note_error(error.what());
    // A failed write may mean the file is gone or read-only: reopen on the next attempt.
    db_.reset();
    open_ = false;
    next_open_attempt_ = std::chrono::steady_clock::now() + options_.retry_interval;
    return false;
  }
}

void EventLog::run_job(Job& entry) {
  DurableResult result;
  if (!ensure_open()) {
    std::lock_guard lock(mutex_);
    result.error = "the database is not available: " + last_error_;
    entry.promise.set_value(result);
    return;
  }
  const std::int64_t seq_before = last_seq_;
  try {
    db_->exec("BEGIN IMMEDIATE", "starting a durable transaction");
    DurableTransaction transaction(*db_, options_.kiosk_id);
    entry.job(transaction);
    Statement insert = prepare_event_insert(*db_);
    for (const Event& event : transaction.events()) insert_event(insert, event);
    db_->exec("COMMIT", "committing a durable transaction");
    committed_.fetch_add(transaction.events().size(), std::memory_order_release);
    result.committed = true;
  } catch (const std::exception& error) {
    rollback_quietly(*db_);
    last_seq_ = seq_before;
    result.error = error.what();
  }
  entry.promise.set_value(result);
}

void EventLog::writer_main() {
  ensure_open();
  for (;;) {
    std::vector<Event> taken;
    std::deque<Job> jobs;
    bool stopping = false;
    {
      std::unique_lock lock(mutex_);
      const bool waiting_to_retry = !unwritten_.empty() || !notices_.empty();
      auto has_work = [&] { return stopping_ || !jobs_.empty() || !queue_.empty(); };
      if (waiting_to_retry) wake_writer_.wait_for(lock, options_.retry_interval, has_work);
      else wake_writer_.wait(lock, has_work);
      // Let a batch gather, but commit no later than batch_window after its oldest event.
      if (!queue_.empty() && !stopping_ && jobs_.empty())
        wake_writer_.wait_until(lock, oldest_queued_at_ + options_.batch_window, [&] { return stopping_ || !jobs_.empty(); });
      taken.swap(queue_);
      jobs.swap(jobs_);
      dropped_unreported_ += std::exchange(queue_drops_, 0);
      stopping = stopping_;
    }
    unwritten_.insert(unwritten_.end(), std::make_move_iterator(taken.begin()), std::make_move_iterator(taken.end()));

    std::uint64_t settled_now = 0;
    if ((!unwritten_.empty() || !notices_.empty()) && ensure_open() && commit_backlog()) {
      settled_now = unwritten_.size();
      acknowledged_.fetch_add(unwritten_.size(), std::memory_order_release);
      unwritten_.clear();
    }
    // Over the memory bound: give up the oldest events and count them.
    if (unwritten_.size() > options_.max_pending) {
      const std::size_t excess = unwritten_.size() - options_.max_pending;
      unwritten_.erase(unwritten_.begin(), unwritten_.begin() + static_cast<std::ptrdiff_t>(excess));
      dropped_.fetch_add(excess, std::memory_order_relaxed);
      dropped_unreported_ += excess;
      settled_now += excess;
    }
    for (Job& job : jobs) run_job(job);
    {
      std::lock_guard lock(mutex_);
      settled_ += settled_now;
      unwritten_size_ = unwritten_.size();
      if (stopping && queue_.empty() && jobs_.empty()) {
        flushed_.notify_all();
        break;
      }
    }
    flushed_.notify_all();
    if (stopping && !unwritten_.empty() && !db_) break;  // cannot write: give up at shutdown
  }
  if (!unwritten_.empty()) log_line("event log: " + std::to_string(unwritten_.size()) + " events could not be stored before exit");
}

}  // namespace openday
