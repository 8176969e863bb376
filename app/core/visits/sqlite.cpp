#include "core/visits/sqlite.h"

#include <fcntl.h>
#include <unistd.h>

#include <utility>

namespace openday {
namespace {

// SQLite creates a new database with the process's umask (0644: every user could read the staff
// PIN's hash and unredeemed voucher codes), and its -wal and -shm files take the database
// file's mode. So a database that does not exist yet is first created empty and owner-only; an
// existing file, or one that cannot be created, is left for SQLite to open or report. Only on
// the real file system: a test's VFS decides for itself what creating a file does.
void create_owner_only_if_absent(const std::filesystem::path& file) {
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd >= 0) ::close(fd);
}

// "file:" URI of a path, with the characters a URI gives a meaning escaped.
std::string immutable_uri(const std::filesystem::path& file) {
  std::string uri = "file:";
  for (const char c : std::filesystem::absolute(file).string()) {
    if (c == '?' || c == '#' || c == '%') {
      static constexpr char kHex[] = "0123456789ABCDEF";
      const auto byte = static_cast<unsigned char>(c);
      uri += '%';
      uri += kHex[byte >> 4];
      uri += kHex[byte & 0xF];
    } else {
      uri += c;
    }
  }
  return uri + "?immutable=1";
}

}  // namespace

Database::Database(const std::filesystem::path& file, Mode mode, const char* vfs) : file_(file) {
  const int flags = mode == Mode::ReadWriteCreate ? (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) : SQLITE_OPEN_READONLY;
  if (mode == Mode::ReadWriteCreate && vfs == nullptr && !file.empty() && file != ":memory:") create_owner_only_if_absent(file);
  const std::string name = mode == Mode::Immutable ? immutable_uri(file) : file.string();
  const int rc = sqlite3_open_v2(name.c_str(), &db_, flags | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI, vfs);
  if (rc != SQLITE_OK) {
    const std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close(db_);
    db_ = nullptr;
    throw SqliteError(file.string() + ": cannot open the database: " + message, rc);
  }
  sqlite3_extended_result_codes(db_, 1);
}

Database::~Database() {
  if (db_) sqlite3_close_v2(db_);
}

Database::Database(Database&& other) noexcept : db_(std::exchange(other.db_, nullptr)), file_(std::move(other.file_)) {}

Database& Database::operator=(Database&& other) noexcept {
  if (this != &other) {
    if (db_) sqlite3_close_v2(db_);
    db_ = std::exchange(other.db_, nullptr);
    file_ = std::move(other.file_);
  }
  return *this;
}

void Database::fail(std::string_view doing, int rc) const {
  throw SqliteError(file_.string() + ": " + std::string(doing) + ": " + sqlite3_errmsg(db_) + " (" +
                        sqlite3_errstr(rc) + ")",
                    sqlite3_extended_errcode(db_));
}

void Database::exec(std::string_view sql, std::string_view doing) {
  const std::string text(sql);
  const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) fail(doing, rc);
}

void Database::rollback_quietly() noexcept { sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr); }

void Database::skip_checkpoint_on_close() { sqlite3_db_config(db_, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr); }

void Database::checkpoint_truncate() {
  int wal_frames = 0;
  int copied_frames = 0;
  const int rc = sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_TRUNCATE, &wal_frames, &copied_frames);
  if (rc != SQLITE_OK) fail("checkpoint (TRUNCATE): " + std::to_string(copied_frames) + " of " + std::to_string(wal_frames) + " frames copied", rc);
}

Statement Database::prepare(std::string_view sql) const {
  sqlite3_stmt* stmt = nullptr;
  const int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) fail("preparing \"" + std::string(sql.substr(0, 60)) + "\"", rc);
  return Statement(*this, stmt);
}

std::optional<std::int64_t> Database::query_int(std::string_view sql) const {
  Statement statement = prepare(sql);
  if (!statement.step() || statement.column_is_null(0)) return std::nullopt;
  return statement.column_int(0);
}

std::string Database::query_text(std::string_view sql) const {
  Statement statement = prepare(sql);
  if (!statement.step()) return {};
  return statement.column_text(0);
}

Statement& Statement::bind(int index, std::int64_t value) {
  const int rc = sqlite3_bind_int64(stmt_, index, value);
  if (rc != SQLITE_OK) db_->fail("binding a number", rc);
  return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
  const int rc = sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  if (rc != SQLITE_OK) db_->fail("binding a text", rc);
  return *this;
}

Statement& Statement::bind_null(int index) {
  const int rc = sqlite3_bind_null(stmt_, index);
  if (rc != SQLITE_OK) db_->fail("binding NULL", rc);
  return *this;
}

Statement& Statement::bind_optional(int index, const std::optional<std::int64_t>& value) {
  return value ? bind(index, *value) : bind_null(index);
}

Statement& Statement::bind_text_or_null(int index, std::string_view value) {
  return value.empty() ? bind_null(index) : bind(index, value);
}

bool Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  const int code = sqlite3_extended_errcode(db_->handle());
  sqlite3_reset(stmt_);
  db_->fail("running \"" + std::string(sqlite3_sql(stmt_)).substr(0, 60) + "\"", code);
}

void Statement::run() {
  while (step()) {
  }
  reset();
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::string_view Statement::column_view(int index) const {
  const unsigned char* text = sqlite3_column_text(stmt_, index);
  return text ? std::string_view(reinterpret_cast<const char*>(text), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, index)))
              : std::string_view();
}

std::string Statement::column_text(int index) const {
  const unsigned char* text = sqlite3_column_text(stmt_, index);
  return text ? std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, index)))
              : std::string();
}

}  // namespace openday
