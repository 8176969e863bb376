#include "core/visits/store.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <fstream>

#include "core/visits/events.h"
#include "core/visits/salvage.h"
#include <ctime>
#include <optional>
#include <string_view>

namespace openday {
namespace {

constexpr int kBusyTimeoutMs = 5000;

// Migration N brings the schema from version N-1 to N. Never edit a shipped migration: add one.
constexpr std::array<std::string_view, 4> kMigrations = {
    // 1: the interaction log. Every row carries the kiosk id and its per-kiosk sequence number,
    // so the files of several kiosks merge without double counting.
    R"sql(
CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  kiosk_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  at_ms INTEGER NOT NULL,
  utc_offset_min INTEGER NOT NULL,
  session INTEGER NOT NULL DEFAULT 0,
  type TEXT NOT NULL,
  screen TEXT,
  department TEXT,
  item TEXT,
  target TEXT,
  value INTEGER,
  count INTEGER,
  detail TEXT,
  UNIQUE (kiosk_id, seq)
) STRICT;
CREATE INDEX events_by_time ON events (at_ms);
CREATE INDEX events_by_session ON events (kiosk_id, session);
)sql",
    // 2: prize stock and vouchers. At most one voucher per visitor session; stock never negative.
    R"sql(
CREATE TABLE prize_stock (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  remaining INTEGER NOT NULL CHECK (remaining >= 0),
  updated_at_ms INTEGER NOT NULL
) STRICT;
CREATE TABLE vouchers (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  kiosk_id TEXT NOT NULL,
  session INTEGER NOT NULL,
  issued_at_ms INTEGER NOT NULL,
  redeemed_at_ms INTEGER,
  UNIQUE (kiosk_id, session)
) STRICT;
)sql",
    // 3: kiosk settings kept with the data: the staff PIN's hash and its lockout.
    R"sql(
CREATE TABLE settings (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  value TEXT NOT NULL
) STRICT;
)sql",
    // 4: voucher codes this device registered on the booth hub for its share of the booth's
    // stock (issue 27), each drawn once: a voucher issued from the share takes one.
    R"sql(
CREATE TABLE prize_codes (
  code TEXT PRIMARY KEY,
  registered_at_ms INTEGER NOT NULL
) STRICT;
)sql",
};

void apply_pragmas(Database& db) {
  // The busy timeout first: switching to WAL (or opening a WAL file whose -shm must be rebuilt)
  // takes a lock, and without a timeout a second process starting at the same instant fails
  // at once with "database is locked" instead of waiting its turn.
  sqlite3_busy_timeout(db.handle(), kBusyTimeoutMs);
  // WAL with synchronous=FULL: a committed transaction survives a power cut.
  const std::string mode = db.query_text("PRAGMA journal_mode=WAL");
  if (mode != "wal") throw SqliteError(db.file().string() + ": cannot switch to WAL journal mode (got " + mode + ")", SQLITE_CANTOPEN);
  db.exec("PRAGMA synchronous=FULL", "setting synchronous=FULL");
  db.exec("PRAGMA foreign_keys=ON", "enabling foreign keys");
}

// "ok", or what quick_check found.
std::string quick_check(Database& db) {
  Statement check = db.prepare("PRAGMA quick_check");
  std::string result;
  while (check.step()) {
    if (!result.empty()) result += "; ";
    result += check.column_text(0);
    if (result.size() > 400) break;
  }
  return result;
}

std::string timestamp_for_file_name() { return format_local_time(utc_now_ms(), "%Y%m%d-%H%M%S"); }

// Moves the database and its -wal and -shm aside together; returns where they went.
std::filesystem::path move_aside(const std::filesystem::path& file) {
  const std::filesystem::path aside = file.string() + ".corrupt-" + timestamp_for_file_name();
  for (const char* suffix : {"", "-wal", "-shm"}) {
    const std::filesystem::path from = file.string() + suffix;
    std::error_code ec;
    if (std::filesystem::exists(from, ec)) {
      std::filesystem::rename(from, aside.string() + suffix, ec);
      if (ec) throw SqliteError(from.string() + ": corrupt, and it cannot be moved aside: " + ec.message(), SQLITE_CORRUPT);
    }
  }
  return aside;
}

int user_version(const Database& db) { return static_cast<int>(db.query_int("PRAGMA user_version").value_or(0)); }

bool has_foreign_tables(const Database& db) {
  return db.query_int("SELECT count(*) FROM sqlite_schema WHERE type = 'table'").value_or(0) > 0;
}

// 'OPDY' in PRAGMA application_id marks a file as OpenDay's, so that another program's SQLite
// file given as --db is recognised before anything in it is changed (sqlite.org/fileformat2.html).
constexpr std::int64_t kApplicationId = 0x4F504459;
constexpr const char* kStampApplicationId = "PRAGMA application_id=1330660441";
static_assert(kApplicationId == 1330660441);

std::int64_t application_id(const Database& db) { return db.query_int("PRAGMA application_id").value_or(0); }

bool has_events_table(const Database& db) {
  return db.query_int("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'events'").value_or(0) > 0;
}

std::string hex32(std::int64_t value) {
  char text[16];
  std::snprintf(text, sizeof text, "0x%08X", static_cast<unsigned>(value));
  return text;
}

std::string other_programs_id(std::int64_t id) { return "an SQLite file of another program: application_id " + hex32(id) + "; check the --db path"; }

// Why the file is not OpenDay's, or "" when it is: stamped with OpenDay's application_id, or
// unstamped and either new and empty or made by an older build (a known user_version and
// OpenDay's events table). Only reads.
std::string foreign_reason(const Database& db) {
  const std::int64_t id = application_id(db);
  if (id == kApplicationId) return "";
  if (id != 0) return other_programs_id(id);
  const int version = user_version(db);
  if (version == 0) return has_foreign_tables(db) ? "an SQLite file of another program; check the --db path" : "";
  if (version > latest_schema_version())
    return "user_version " + std::to_string(version) + " without OpenDay's application_id: an SQLite file of another program, or of an OpenDay build newer than this one (schema " +
           std::to_string(latest_schema_version()) + "); check the --db path";
  if (!has_events_table(db)) return "user_version " + std::to_string(version) + " without OpenDay's tables: an SQLite file of another program; check the --db path";
  return "";
}

[[noreturn]] void refuse_foreign(const std::filesystem::path& file, const std::string& reason) {
  throw SqliteError("not an OpenDay database: " + file.string() + " (" + reason + "; it was left unchanged)", SQLITE_NOTADB);
}

// Opens and checks the file; on corruption returns the problem and leaves db open, so that it
// can be closed without a checkpoint (which would write into the damaged file, or delete its
// -wal) before the files are moved aside. Another program's file is not corrupt: foreign says
// why it is not OpenDay's, and nothing in it was changed.
std::string open_checked(const std::filesystem::path& file, const char* vfs, std::optional<Database>& db, std::string& foreign) {
  try {
    db.emplace(file, Database::Mode::ReadWriteCreate, vfs);
    // Waits its turn like apply_pragmas() does: another process may hold the lock right now.
    sqlite3_busy_timeout(db->handle(), kBusyTimeoutMs);
    if (foreign = foreign_reason(*db); !foreign.empty()) return "";
    apply_pragmas(*db);
    const std::string check = quick_check(*db);
    return check == "ok" ? std::string() : file.string() + ": PRAGMA quick_check: " + check;
  } catch (const SqliteError& error) {
    if (!error.is_corruption()) throw;
    return error.what();
  }
}

void close_without_checkpoint(std::optional<Database>& db) {
  if (!db) return;
  db->skip_checkpoint_on_close();
  db.reset();
}

}  // namespace

Statement prepare_event_insert(const Database& db) {
  return db.prepare(
      "INSERT INTO events (kiosk_id, seq, at_ms, utc_offset_min, session, type, screen, department, item, target, value, count, detail) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
}

void insert_event(Statement& insert, const std::string& kiosk_id, std::int64_t seq, const Event& event) {
  const std::int64_t at_ms = event.at_ms != 0 ? event.at_ms : utc_now_ms();
  insert.bind(1, kiosk_id)
      .bind(2, seq)
      .bind(3, at_ms)
      .bind(4, static_cast<std::int64_t>(local_utc_offset_minutes(at_ms)))
      .bind(5, event.session)
      .bind(6, event_type_name(event.type))
      .bind_text_or_null(7, event.screen)
      .bind_text_or_null(8, event.department)
      .bind_text_or_null(9, event.item)
      .bind_text_or_null(10, event.target)
      .bind_optional(11, event.value)
      .bind_optional(12, event.count)
      .bind_text_or_null(13, event.detail);
  insert.run();
}

std::int64_t next_event_seq(const Database& db, const std::string& kiosk_id) {
  Statement max_seq = db.prepare("SELECT max(seq) + 1 FROM events WHERE kiosk_id = ?1");
  max_seq.bind(1, kiosk_id);
  max_seq.step();
  if (!max_seq.column_is_null(0)) return max_seq.column_int(0);
  // A kiosk's numbering in a new file starts at the current time in microseconds, not at 1: a
  // file recreated after corruption, or a second file of the same kiosk, never reuses numbers,
  // so merged exports cannot mistake its rows for copies.
  return utc_now_ms() * 1000;
}

namespace {

// The columns EventRows reads, in the order of its SELECT.
enum EventColumn : int { kKioskId, kSeq, kAtMs, kUtcOffsetMin, kSession, kType, kDepartment, kItem, kTarget, kValue, kCount, kScreen };

std::string event_rows_sql(bool from, bool before) {
  std::string sql = "SELECT kiosk_id, seq, at_ms, utc_offset_min, session, type, department, item, target, value, count, screen FROM events";
  // Without a bound the whole table is read in rowid order; with one the time index helps.
  if (from) sql += " WHERE at_ms >= ?1";
  if (before) sql += from ? " AND at_ms < ?2" : " WHERE at_ms < ?2";
  return sql;
}

}  // namespace

EventRows::EventRows(const Database& db, std::optional<std::int64_t> from_ms, std::optional<std::int64_t> before_ms)
    : rows_(db.prepare(event_rows_sql(from_ms.has_value(), before_ms.has_value()))) {
  if (from_ms) rows_.bind(1, *from_ms);
  if (before_ms) rows_.bind(2, *before_ms);
}

bool EventRows::next() {
  if (!rows_.step()) return false;
  type_ = event_type_from_name(rows_.column_view(kType));
  return true;
}

std::string_view EventRows::kiosk_id() const { return rows_.column_view(kKioskId); }
std::int64_t EventRows::seq() const { return rows_.column_int(kSeq); }
std::int64_t EventRows::at_ms() const { return rows_.column_int(kAtMs); }
std::int64_t EventRows::utc_offset_min() const { return rows_.column_int(kUtcOffsetMin); }
std::int64_t EventRows::session() const { return rows_.column_int(kSession); }
std::optional<std::string_view> EventRows::department() const { return text_or_none(kDepartment); }
std::optional<std::string_view> EventRows::item() const { return text_or_none(kItem); }
std::string_view EventRows::target() const { return rows_.column_view(kTarget); }
std::string_view EventRows::screen() const { return rows_.column_view(kScreen); }
std::optional<std::int64_t> EventRows::value() const {
  if (rows_.column_is_null(kValue)) return std::nullopt;
  return rows_.column_int(kValue);
}
std::optional<std::int64_t> EventRows::count() const {
  if (rows_.column_is_null(kCount)) return std::nullopt;
  return rows_.column_int(kCount);
}
std::optional<std::string_view> EventRows::text_or_none(int column) const {
  if (rows_.column_is_null(column)) return std::nullopt;
  return rows_.column_view(column);
}

std::optional<std::string> read_setting(const Database& db, std::string_view key) {
  Statement read = db.prepare("SELECT value FROM settings WHERE key = ?1");
  read.bind(1, key);
  if (!read.step()) return std::nullopt;
  return read.column_text(0);
}

void write_setting(Database& db, std::string_view key, std::string_view value) {
  Statement write = db.prepare("INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
  write.bind(1, key).bind(2, value);
  write.run();
}

std::map<std::string, std::pair<std::int64_t, std::int64_t>> event_runs(const Database& db) {
  std::map<std::string, std::pair<std::int64_t, std::int64_t>> runs;
  Statement query = db.prepare("SELECT kiosk_id, min(seq) AS first, max(seq) AS last FROM events GROUP BY kiosk_id");
  enum : int { kKiosk, kFirst, kLast };
  while (query.step()) runs[query.column_text(kKiosk)] = {query.column_int(kFirst), query.column_int(kLast)};
  return runs;
}

std::optional<std::int64_t> last_visitor_activity_ms(const Database& db) {
  Statement last = db.prepare("SELECT max(at_ms) FROM events WHERE type IN (?1, ?2, ?3)");
  last.bind(1, event_type_name(EventType::SessionStart))
      .bind(2, event_type_name(EventType::Tap))
      .bind(3, event_type_name(EventType::SessionContinued));
  if (!last.step() || last.column_is_null(0)) return std::nullopt;
  return last.column_int(0);
}

int latest_schema_version() { return static_cast<int>(kMigrations.size()); }

void migrate_store(Database& db, int target_version) {
  for (int version = user_version(db); version < target_version; ++version) {
    const std::string number = std::to_string(version + 1);
    db.write_transaction("starting migration " + number, "committing migration " + number, [&] {
      db.exec(kMigrations[static_cast<std::size_t>(version)], "migrating the schema to version " + number);
      db.exec("PRAGMA user_version=" + number, "recording the schema version");
      db.exec(kStampApplicationId, "marking the file as OpenDay's (application_id)");
    });
  }
}

void refuse_unless_sqlite(const std::filesystem::path& file) {
  if (!is_sqlite_file_or_absent(file))
    throw SqliteError("not an OpenDay database: " + file.string() + " (not an SQLite file; check the --db path)", SQLITE_NOTADB);
}

OpenedStore open_store_for_writing(const std::filesystem::path& file, const char* vfs) {
  return open_store(file, StoreOwner::Kiosk, vfs);
}

OpenedStore open_store_for_tool(const std::filesystem::path& file) { return open_store(file, StoreOwner::Tool, nullptr); }

OpenedStore open_store(const std::filesystem::path& file, StoreOwner owner, const char* vfs) {
  // A tool given a text file by mistake as --db refuses it and leaves it as it is. (The kiosk,
  // which owns its file, moves an unreadable one aside whole and keeps it.)
  if (owner == StoreOwner::Tool) refuse_unless_sqlite(file);
  std::error_code ec;
  if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path(), ec);
  OpenedStore store;
  std::optional<Database> db;
  std::optional<std::filesystem::path> aside;  // where a damaged file went
  std::string foreign;
  const std::string problem = open_checked(file, vfs, db, foreign);
  if (!foreign.empty()) {
    close_without_checkpoint(db);  // a checkpoint would write another program's -wal into its file
    refuse_foreign(file, foreign);
  }
  if (!problem.empty()) {
    // The command-line tools never repair: the kiosk that owns the file does, at its start.
    if (owner == StoreOwner::Tool)
      throw SqliteError(problem + " (the database is damaged; the kiosk moves it aside and starts afresh when it starts)", SQLITE_CORRUPT);
    close_without_checkpoint(db);
    aside = move_aside(file);
    store.recovery_note = problem + " -> moved aside to " + aside->string() + " (with its -wal and -shm); a fresh database was created";
    if (const std::string again = open_checked(file, vfs, db, foreign); !again.empty())
      throw SqliteError(again + " (even after moving the old file aside)", SQLITE_CORRUPT);
  }
  store.db = std::move(*db);
  const int version = user_version(store.db);
  if (version > latest_schema_version())
    throw SqliteError(file.string() + ": schema version " + std::to_string(version) + " is newer than this build understands (" +
                          std::to_string(latest_schema_version()) + ")",
                      SQLITE_ERROR);
  migrate_store(store.db, latest_schema_version());
  // An up-to-date file of an older build: the migrations above stamp the others in their own commit.
  if (application_id(store.db) != kApplicationId) store.db.exec(kStampApplicationId, "marking the file as OpenDay's (application_id)");
  if (aside) store.recovery_note += "; " + describe(salvage_into(store.db, *aside));
  return store;
}

namespace {

// How to read a database without writing: normally read-only; in a folder that cannot be
// written (a write-protected USB stick, a folder of another user), SQLite cannot make the -shm
// index a WAL database needs, so the file is opened immutable: safe when no -wal holds changes
// (a kiosk that stopped cleanly merged and removed it). With changes in a -wal and no -shm,
// nothing can read them there: say so rather than show an older state.
Database::Mode read_only_mode(const std::filesystem::path& file) {
  const std::filesystem::path folder = std::filesystem::absolute(file).parent_path();
  if (::access(folder.c_str(), W_OK) == 0) return Database::Mode::ReadOnly;
  std::error_code ec;
  const std::filesystem::path wal = file.string() + "-wal", shm = file.string() + "-shm";
  const bool wal_has_changes = std::filesystem::exists(wal, ec) && std::filesystem::file_size(wal, ec) > 0 && !ec;
  if (!wal_has_changes) return Database::Mode::Immutable;
  if (std::filesystem::exists(shm, ec)) return Database::Mode::ReadOnly;
  throw SqliteError(file.string() + ": its folder cannot be written and " + wal.filename().string() +
                        " holds changes not yet in the database file, which cannot be read without a " + shm.filename().string() +
                        ": copy the database and its -wal file to a writable folder and read them there",
                    SQLITE_CANTOPEN);
}

}  // namespace

Database open_store_read_only(const std::filesystem::path& file) {
  if (!std::filesystem::exists(file)) throw SqliteError(file.string() + ": no such database file", SQLITE_CANTOPEN);
  // No peek at the header through another API here: the kiosk reads its own live database
  // through this function, and closing any other descriptor of the file drops every POSIX lock
  // the process holds on it (sqlite.org/howtocorrupt.html 2.2). Another process could then take
  // the exclusive lock, checkpoint and delete the -wal under the writer, whose later commits
  // would go into the deleted file. SQLite itself says when the file is not a database.
  Database db(file, read_only_mode(file));
  sqlite3_busy_timeout(db.handle(), kBusyTimeoutMs);
  int version = 0;
  try {
    version = user_version(db);
  } catch (const SqliteError& error) {
    if (error.primary_code() != SQLITE_NOTADB) throw;
    throw SqliteError("not an OpenDay database: " + file.string() + " (not an SQLite file; check the --db path)", SQLITE_NOTADB);
  }
  if (version < 1 || version > latest_schema_version())
    throw SqliteError("not an OpenDay database: " + file.string() + " (of no known version: user_version " + std::to_string(version) + ")",
                      SQLITE_NOTADB);
  if (const std::int64_t id = application_id(db); id != 0 && id != kApplicationId)
    refuse_foreign(file, other_programs_id(id));
  return db;
}

std::uint64_t shm_file_size(const std::filesystem::path& file) {
  struct stat info {};
  const std::string shm = file.string() + "-shm";
  return ::stat(shm.c_str(), &info) == 0 ? static_cast<std::uint64_t>(info.st_size) : 0;
}

std::string live_files_problem(const std::filesystem::path& file, std::uint64_t shm_size_seen) {
  for (const char* suffix : {"", "-wal", "-shm"}) {
    const std::string path = file.string() + suffix;
    struct statx info {};
    if (::statx(AT_FDCWD, path.c_str(), 0, STATX_BASIC_STATS, &info) != 0) continue;  // absent: SQLite creates it, or says why not
    if (info.stx_attributes & (STATX_ATTR_IMMUTABLE | STATX_ATTR_APPEND))
      return path + ": made immutable or append-only (chattr) under the running kiosk; it cannot be written until that is lifted";
  }
  // A deleted -shm is no danger: the mapping keeps its inode. A shorter one is.
  const std::string shm = file.string() + "-shm";
  if (const std::uint64_t now = shm_file_size(file); now < shm_size_seen && ::access(shm.c_str(), F_OK) == 0)
    return file.string() + "-shm: shrank from " + std::to_string(shm_size_seen) + " to " + std::to_string(now) +
           " bytes under the running kiosk (truncated); the database is reopened";
  struct statvfs volume {};
  const std::filesystem::path folder = std::filesystem::absolute(file).parent_path();
  if (::statvfs(folder.c_str(), &volume) == 0 && (volume.f_flag & ST_RDONLY) != 0)
    return folder.string() + ": the file system is read-only; the database cannot be written until it is writable again";
  return "";
}

bool is_sqlite_file_or_absent(const std::filesystem::path& file) {
  std::error_code ec;
  const auto status = std::filesystem::status(file, ec);
  if (ec || !std::filesystem::exists(status)) return true;
  if (!std::filesystem::is_regular_file(status)) return false;
  if (std::filesystem::file_size(file, ec) == 0 && !ec) return true;  // SQLite treats an empty file as an empty database
  char header[16] = {};
  std::ifstream in(file, std::ios::binary);
  if (!in.read(header, sizeof header)) return false;
  return std::string_view(header, sizeof header) == std::string_view("SQLite format 3\0", 16);
}

}  // namespace openday
