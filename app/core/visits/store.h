#pragma once
// The kiosk's SQLite file: pragmas, schema migrations, and recovery from a corrupt file.
#include <filesystem>
#include <string>

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

// Opens an existing database read-only (for stats and exports); throws when it is missing,
// not a database, or newer than this build understands.
Database open_store_read_only(const std::filesystem::path& file);

// Inserts one event row (the only place that knows the events table's columns).
struct Event;
void insert_event(Statement& insert, const std::string& kiosk_id, std::int64_t seq, const Event& event);
Statement prepare_event_insert(const Database& db);
// The next sequence number of a kiosk id in this database.
std::int64_t next_event_seq(const Database& db, const std::string& kiosk_id);

// Applies migrations up to target (tests use it to build an older schema).
void migrate_store(Database& db, int target_version);

}  // namespace openday
