#pragma once
// A thin RAII layer over SQLite's C API. Every failure becomes a SqliteError whose message
// names the database file, what was being done, and SQLite's own message.
#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>

namespace openday {

class SqliteError : public std::runtime_error {
 public:
  SqliteError(std::string message, int code) : std::runtime_error(std::move(message)), code_(code) {}
  int code() const { return code_; }            // extended result code
  int primary_code() const { return code_ & 0xFF; }
  bool is_corruption() const { return primary_code() == SQLITE_CORRUPT || primary_code() == SQLITE_NOTADB; }

 private:
  int code_;
};

class Statement;

class Database {
 public:
  // Immutable: read-only, and SQLite trusts that nobody changes the file (no locks, no -shm):
  // how a database in a folder that cannot be written (a write-protected USB stick) is read.
  enum class Mode { ReadWriteCreate, ReadOnly, Immutable };
  Database() = default;
  // vfs: a registered SQLite VFS name (tests inject faults through one); null for the default.
  Database(const std::filesystem::path& file, Mode mode, const char* vfs = nullptr);
  ~Database();
  Database(Database&& other) noexcept;
  Database& operator=(Database&& other) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  void exec(std::string_view sql, std::string_view doing);
  // Ends the open transaction without its changes. Never throws: it runs while another error is
  // on its way out, and that error is the one to report.
  void rollback_quietly() noexcept;
  // Runs body between BEGIN IMMEDIATE and COMMIT, each failure named by starting or committing;
  // anything body throws rolls the transaction back and goes on to the caller.
  template <typename Body>
  decltype(auto) write_transaction(std::string_view starting, std::string_view committing, Body&& body);
  // Closing this connection leaves the checkpoint to another one (the kiosk's own writer), so
  // that a tool or a second connection never does a long checkpoint on the way out.
  void skip_checkpoint_on_close();
  // Copies every page of the -wal into the database file and empties the -wal (TRUNCATE), so
  // that the file holds every committed row on its own. Throws when a reader kept it from
  // finishing (after the busy timeout) or a write failed.
  void checkpoint_truncate();
  Statement prepare(std::string_view sql) const;
  // The first column of the first row, or nullopt when there is no row or it is NULL.
  std::optional<std::int64_t> query_int(std::string_view sql) const;
  std::string query_text(std::string_view sql) const;
  std::int64_t changes() const { return sqlite3_changes64(db_); }

  [[noreturn]] void fail(std::string_view doing, int rc) const;
  const std::filesystem::path& file() const { return file_; }
  sqlite3* handle() const { return db_; }

 private:
  sqlite3* db_ = nullptr;
  std::filesystem::path file_;
};

template <typename Body>
decltype(auto) Database::write_transaction(std::string_view starting, std::string_view committing, Body&& body) {
  exec("BEGIN IMMEDIATE", starting);
  try {
    if constexpr (std::is_void_v<decltype(body())>) {
      body();
      exec("COMMIT", committing);
    } else {
      auto result = body();
      exec("COMMIT", committing);
      return result;
    }
  } catch (...) {
    rollback_quietly();
    throw;
  }
}

class Statement {
 public:
  Statement(const Database& db, sqlite3_stmt* stmt) : db_(&db), stmt_(stmt) {}
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(Statement&& other) noexcept : db_(other.db_), stmt_(other.stmt_) { other.stmt_ = nullptr; }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, std::string_view value);
  Statement& bind_null(int index);
  Statement& bind_optional(int index, const std::optional<std::int64_t>& value);
  Statement& bind_text_or_null(int index, std::string_view value);  // empty text binds NULL

  // Advances one row: true while a row is available, false when done.
  bool step();
  // Runs a statement that returns no rows and resets it for reuse.
  void run();
  void reset();

  std::int64_t column_int(int index) const { return sqlite3_column_int64(stmt_, index); }
  bool column_is_null(int index) const { return sqlite3_column_type(stmt_, index) == SQLITE_NULL; }
  std::string column_text(int index) const;
  // Valid until the next step: for scanning many rows without copying.
  std::string_view column_view(int index) const;
  // For copying values as they are (sqlite3_column_value into sqlite3_bind_value).
  sqlite3_stmt* handle() const { return stmt_; }

 private:
  const Database* db_;
  sqlite3_stmt* stmt_;
};

}  // namespace openday
