#pragma once
// The kiosk's SQLite file: pragmas, schema migrations, and recovery from a corrupt file.
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "core/visits/events.h"
#include "core/visits/sqlite.h"

namespace openday {

// The schema version this build writes (PRAGMA user_version).
int latest_schema_version();

struct OpenedStore {
  Database db;
  std::string recovery_note;  // non-empty when a corrupt file was moved aside
};

// Opens the database for writing, creating it and its folder if needed: WAL,
// synchronous=FULL, a busy timeout, PRAGMA quick_check, then migrations, each with its version
// bump in one transaction. A corrupt file is moved aside with its -wal and -shm and a fresh
// one is created. Throws SqliteError when the file cannot be opened or written at all.
OpenedStore open_store_for_writing(const std::filesystem::path& file, const char* vfs = nullptr);

// Who opens: the kiosk owns its database and may move a damaged one aside; a command-line tool
// (voucher redeem, set-pin) never repairs, and refuses an SQLite file of another program.
enum class StoreOwner { Kiosk, Tool };
OpenedStore open_store(const std::filesystem::path& file, StoreOwner owner, const char* vfs = nullptr);
// For the command-line tools: as above, but a damaged file is an error and is left alone.
OpenedStore open_store_for_tool(const std::filesystem::path& file);

// True when file is missing, empty, or starts with SQLite's header. Anything else (a config
// file given by mistake as --db) is never opened for writing: "not an OpenDay database: <path>".
bool is_sqlite_file_or_absent(const std::filesystem::path& file);

// SQLite maps the -shm file (the WAL index) into the memory of every connection to a WAL
// database. A mapped page the file no longer backs (the -shm truncated) or that the kernel will
// not let be written (a file made immutable with chattr +i, a file system remounted read-only)
// is a SIGBUS at the next access, not an error code. A writer asks this before it touches the
// files: why they cannot be used safely now, or "" when they can. shm_size_seen is the -shm's
// size when it last looked (SQLite never shrinks it while a connection is open); 0 before it
// opened. Only looks (stat, statx, statvfs): it opens nothing, so it drops no POSIX lock.
// Why not keep the WAL index in heap memory instead (PRAGMA locking_mode=EXCLUSIVE before WAL
// is entered, sqlite.org/wal.html "Use of WAL Without Shared-Memory"), which has no mapping to
// fault: then no other connection could read or write the live file, and several must: the
// kiosk's own read-only connections (status file, doctor, staff dashboard and PIN checks) and
// `openday voucher redeem` at the desk while the kiosk runs (README). A fault handler that
// jumps out of SQLite would leave its locks and memory in an unknown state. What remains: a
// change that lands during the few milliseconds of a transaction can still fault; one between
// transactions (how a person at a shell does it) is caught here.
std::string live_files_problem(const std::filesystem::path& file, std::uint64_t shm_size_seen);
// The -shm's size now, 0 when it is absent.
std::uint64_t shm_file_size(const std::filesystem::path& file);

// Opens an existing database read-only (for stats and exports); throws when it is missing,
// not a database, or newer than this build understands.
Database open_store_read_only(const std::filesystem::path& file);

// Inserts one event row (this file is the only place that knows the events table's columns).
void insert_event(Statement& insert, const std::string& kiosk_id, std::int64_t seq, const Event& event);
Statement prepare_event_insert(const Database& db);
// The next sequence number of a kiosk id in this database.
std::int64_t next_event_seq(const Database& db, const std::string& kiosk_id);

// The rows of the events table as the reports read them, one at a time, each column by name.
// A report scans every row of a day, so the text columns are views valid until the next row.
class EventRows {
 public:
  // Rows with from_ms <= at_ms < before_ms; an absent bound leaves that side open.
  EventRows(const Database& db, std::optional<std::int64_t> from_ms, std::optional<std::int64_t> before_ms);
  bool next();  // true while a row is there

  std::string_view kiosk_id() const;
  std::int64_t seq() const;
  std::int64_t at_ms() const;
  std::int64_t utc_offset_min() const;
  std::int64_t session() const;  // 0: outside a visitor session
  std::optional<EventType> type() const { return type_; }  // none: a name this build does not know
  std::optional<std::string_view> department() const;  // none when NULL
  std::optional<std::string_view> item() const;
  std::string_view target() const;  // empty when NULL
  std::string_view screen() const;  // empty when NULL
  std::optional<std::int64_t> value() const;
  std::optional<std::int64_t> count() const;

 private:
  std::optional<std::string_view> text_or_none(int column) const;
  Statement rows_;
  std::optional<EventType> type_;
};

// The settings table (the PIN's hash, the uplink's progress, the desk's view of the booth): a
// value by its key, none when absent; and, within a write transaction, setting one.
std::optional<std::string> read_setting(const Database& db, std::string_view key);
void write_setting(Database& db, std::string_view key, std::string_view value);

// Each kiosk id in this database with the first and last sequence number of its rows.
std::map<std::string, std::pair<std::int64_t, std::int64_t>> event_runs(const Database& db);

// When a visitor last touched this kiosk (a session start, a tap, a "continue" at the idle
// question): UTC ms, none before the first visitor.
std::optional<std::int64_t> last_visitor_activity_ms(const Database& db);

// Applies migrations up to target (tests use it to build an older schema).
void migrate_store(Database& db, int target_version);

}  // namespace openday
