#include "core/visits/event_log.h"

#include <sys/stat.h>

#include <algorithm>
#include <string_view>
#include <utility>

#include "core/util/log.h"
#include "core/visits/store.h"

namespace openday {
namespace {

std::optional<std::pair<std::uint64_t, std::uint64_t>> identity_of(const std::filesystem::path& file) {
  struct stat info {};
  if (::stat(file.c_str(), &info) != 0) return std::nullopt;
  return std::pair<std::uint64_t, std::uint64_t>{static_cast<std::uint64_t>(info.st_dev), static_cast<std::uint64_t>(info.st_ino)};
}

// Where the open file with this identity is now, found among the process's open files (Linux):
// its path, or none when it was deleted (or there is no /proc to ask). Only stat and readlink:
// no descriptor of the database is opened or closed, so no POSIX lock is dropped.
std::optional<std::filesystem::path> current_path_of(const std::pair<std::uint64_t, std::uint64_t>& identity) {
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator("/proc/self/fd", ec)) {
    if (identity_of(entry.path()) != identity) continue;
    const std::string target = std::filesystem::read_symlink(entry.path(), ec).string();
    constexpr std::string_view kDeleted = " (deleted)";
    if (ec || target.empty() || target.ends_with(kDeleted)) return std::nullopt;
    return target;
  }
  return std::nullopt;
}

// How far back the next start looks for sessions a kill left open (the time index bounds it).
constexpr std::int64_t kInterruptedSessionWindowMs = 14LL * 24 * 3600 * 1000;

Event session_end(std::int64_t session, std::int64_t last_event_at_ms, std::int64_t dwell_ms, std::int64_t taps, const char* reason) {
  Event end;
  end.type = EventType::SessionEnd;
  end.session = session;
  end.target = reason;
  // Closed at its last event: dwell runs to it, as the idle tail is not counted either.
  end.at_ms = last_event_at_ms;
  end.value = dwell_ms;
  end.count = taps;
  return end;
}

}  // namespace

// The dwell is the sum of the steps between a session's events in their order, each step at
// least 0: the wall clock set back in the middle of a session (by hand, or by NTP) loses only the
// one step across the jump, where the greatest stamp minus the start gave 0 s or a day.
void EventLog::OpenSession::add(std::int64_t at_ms, bool tap) {
  dwell_ms += std::max<std::int64_t>(0, at_ms - last_event_at_ms);
  last_event_at_ms = at_ms;
  if (tap) ++taps;
}

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
  health.replaced_note = replaced_note_;
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

bool EventLog::file_was_replaced() const {
  if (!file_identity_) return false;
  return identity_of(options_.file) != file_identity_;
}

// The path no longer names the open file: it was moved (mv), deleted, or another file took its
// place. The old connection's -wal and -shm keep the old names, and a fresh file at the path
// would take that -wal over as its own (rows of the old file replayed into a new one, the moved
// file without them: issue 33). So the old connection first copies its -wal into the file it
// has open and empties it; only then is it closed and a fresh file begun. When that checkpoint
// cannot finish yet (a reader holds it back), the old file stays open and in use, and the next
// pass tries again: nothing is lost either way.
void EventLog::continue_in_fresh_file() {
  const std::optional<std::filesystem::path> moved_to = current_path_of(*file_identity_);
  try {
    db_->checkpoint_truncate();
  } catch (const SqliteError& error) {
    note_error(std::string("the database file was moved or deleted; writing on in it until its -wal can be merged into it: ") + error.what());
    return;
  }
  const std::string what_became =
      moved_to ? "was moved to " + moved_to->string() + " while the kiosk was running; everything committed before is in that file (its -wal "
                                                        "was merged into it before it was closed)"
               : "was deleted or replaced while the kiosk was running (what was committed before went with the deleted file)";
  const std::string note = options_.file.string() + ": the database file " + what_became + "; continuing in a fresh file at the same path";
  log_line("database: " + note);
  {
    std::lock_guard lock(mutex_);
    replaced_note_ = note;
  }
  db_.reset();
  open_ = false;
  file_identity_.reset();
  shm_size_ = 0;
  next_open_attempt_ = {};
  Event error;
  error.type = EventType::Error;
  error.detail = note;
  error.at_ms = utc_now_ms();
  notices_.push_back(std::move(error));
}

// See live_files_problem(): a connection whose files were truncated or made unwritable under it
// is closed before anything touches its mapped -shm, and opened again later.
bool EventLog::files_still_safe() {
  const std::string problem = live_files_problem(options_.file, shm_size_);
  if (problem.empty()) return true;
  note_error(problem);
  abandon_connection();
  return false;
}

// Closes without the checkpoint a close normally does: it would write through the mapped -shm
// (a SIGBUS when the files were changed under it) and into a file that just failed a write. The
// -wal keeps every committed row; the next connection merges it.
void EventLog::abandon_connection() {
  if (db_) db_->skip_checkpoint_on_close();
  db_.reset();
  open_ = false;
  shm_size_ = 0;
  next_open_attempt_ = std::chrono::steady_clock::now() + options_.retry_interval;
}

// After a kill the sessions of this kiosk that were running have a start and no end: close
// each at its last event, with the taps it logged as its touches.
void EventLog::close_interrupted_sessions() {
  interrupted_sessions_closed_ = true;
  try {
    Statement open = db_->prepare(
        "SELECT s.session, s.at_ms FROM events s WHERE s.at_ms >= ?2 AND s.kiosk_id = ?1 AND s.type = ?3 AND s.session != 0 "
        "AND NOT EXISTS (SELECT 1 FROM events e WHERE e.kiosk_id = s.kiosk_id AND e.session = s.session AND e.type = ?4)");
    open.bind(1, options_.kiosk_id)
        .bind(2, utc_now_ms() - kInterruptedSessionWindowMs)
        .bind(3, event_type_name(EventType::SessionStart))
        .bind(4, event_type_name(EventType::SessionEnd));
    Statement events = db_->prepare(
        "SELECT at_ms, type = ?3 FROM events WHERE kiosk_id = ?1 AND session = ?2 AND type NOT IN (?4, ?5) ORDER BY seq");
    while (open.step()) {
      OpenSession session{open.column_int(1), open.column_int(1), 0, 0};
      events.reset();
      events.bind(1, options_.kiosk_id)
          .bind(2, open.column_int(0))
          .bind(3, event_type_name(EventType::Tap))
          .bind(4, event_type_name(EventType::SessionStart))
          .bind(5, event_type_name(EventType::IdleWarning));
      while (events.step()) session.add(events.column_int(0), events.column_int(1) != 0);
      notices_.push_back(session_end(open.column_int(0), session.last_event_at_ms, session.dwell_ms, session.taps, "interrupted"));
    }
  } catch (const SqliteError& error) {
    log_line(std::string("event log: cannot look for interrupted sessions: ") + error.what());
  }
}

void EventLog::track_committed(const Event& event) {
  if (event.session == 0) return;
  if (event.type == EventType::SessionStart) {
    open_sessions_[event.session] = {event.at_ms, event.at_ms, 0, 0};
    return;
  }
  const auto found = open_sessions_.find(event.session);
  if (found == open_sessions_.end()) return;
  if (event.type == EventType::SessionEnd) {
    open_sessions_.erase(found);
    return;
  }
  if (event.type == EventType::IdleWarning) return;  // not time the visitor spent
  found->second.add(event.at_ms, event.type == EventType::Tap);
}

// A clean stop (SIGTERM, 退出程序) ends the session that was running, as "shutdown".
void EventLog::close_open_sessions_at_stop() {
  if (open_sessions_.empty() || !ensure_open()) return;
  for (const auto& [session, open] : open_sessions_)
    unwritten_.push_back(session_end(session, open.last_event_at_ms, open.dwell_ms, open.taps, "shutdown"));
  open_sessions_.clear();
  if (commit_backlog()) unwritten_.clear();
}

bool EventLog::ensure_open() {
  if (db_ && !files_still_safe()) return false;
  if (db_ && file_was_replaced()) continue_in_fresh_file();
  if (db_) return true;
  const auto now = std::chrono::steady_clock::now();
  if (now < next_open_attempt_) return false;
  next_open_attempt_ = now + options_.retry_interval;
  if (const std::string problem = live_files_problem(options_.file, 0); !problem.empty()) {
    note_error(problem);
    return false;
  }
  try {
    OpenedStore store = open_store_for_writing(options_.file, options_.vfs);
    last_seq_ = next_event_seq(store.db, options_.kiosk_id) - 1;
    db_ = std::move(store.db);
    file_identity_ = identity_of(options_.file);
    shm_size_ = shm_file_size(options_.file);
    open_ = true;
    if (!interrupted_sessions_closed_) close_interrupted_sessions();
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
    for (const Event& event : unwritten_) track_committed(event);
    notices_.clear();
    shm_size_ = std::max(shm_size_, shm_file_size(options_.file));
    return true;
  } catch (const SqliteError& error) {
    db_->rollback_quietly();
    last_seq_ = seq_before;
    note_error(error.what());
    // A failed write may mean the file is gone or read-only: reopen on the next attempt.
    abandon_connection();
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
    shm_size_ = std::max(shm_size_, shm_file_size(options_.file));
    committed_.fetch_add(transaction.events().size(), std::memory_order_release);
    for (const Event& event : transaction.events()) track_committed(event);
    result.committed = true;
  } catch (const std::exception& error) {
    db_->rollback_quietly();
    last_seq_ = seq_before;
    result.error = error.what();
  }
  entry.promise.set_value(result);
}

void EventLog::writer_main() {
  // What the start found (a recovery, sessions a kill left open) is written at once.
  if (ensure_open() && !notices_.empty()) commit_backlog();
  for (;;) {
    std::vector<Event> taken;
    std::deque<Job> jobs;
    bool stopping = false;
    {
      std::unique_lock lock(mutex_);
      auto has_work = [&] { return stopping_ || !jobs_.empty() || !queue_.empty(); };
      // Idle or retrying, the writer wakes now and then: to retry, and to notice a database
      // file deleted under it even when nobody touches the screen.
      wake_writer_.wait_for(lock, options_.retry_interval, has_work);
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
    if (db_ && file_was_replaced()) ensure_open();
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
  if (unwritten_.empty()) close_open_sessions_at_stop();
  if (!unwritten_.empty()) log_line("event log: " + std::to_string(unwritten_.size()) + " events could not be stored before exit");
  // The checkpoint of a normal close writes through the mapped -shm: not into changed files.
  if (db_ && !live_files_problem(options_.file, shm_size_).empty()) abandon_connection();
}

}  // namespace openday
