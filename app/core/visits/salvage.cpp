#include "core/visits/salvage.h"

#include <algorithm>
#include <limits>
#include <string_view>
#include <vector>

namespace openday {
namespace {

// After this many failed reads in one table the rest of it is given up: a file damaged that
// badly holds little more, and each retry costs a seek.
constexpr int kMaxFailuresPerTable = 400;

std::vector<std::string> table_names(const Database& db) {
  std::vector<std::string> names;
  Statement rows = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
  while (rows.step()) names.push_back(rows.column_text(0));
  return names;
}

std::vector<std::string> column_names(const Database& db, const std::string& table) {
  std::vector<std::string> names;
  Statement rows = db.prepare("SELECT name FROM pragma_table_info(?1) ORDER BY cid");
  rows.bind(1, table);
  while (rows.step()) names.push_back(rows.column_text(0));
  return names;
}

std::string quoted(const std::string& name) {
  std::string text = "\"";
  for (const char c : name) text += c == '"' ? std::string("\"\"") : std::string(1, c);
  return text + "\"";
}

std::string joined(const std::vector<std::string>& columns) {
  std::string text;
  for (const auto& column : columns) text += (text.empty() ? "" : ", ") + quoted(column);
  return text;
}

// The columns both files' table has (an older file may lack a later one), in the fresh order.
std::vector<std::string> shared_columns(const Database& fresh, const Database& damaged, const std::string& table) {
  const std::vector<std::string> old_columns = column_names(damaged, table);
  std::vector<std::string> columns;
  for (const auto& column : column_names(fresh, table))
    if (std::find(old_columns.begin(), old_columns.end(), column) != old_columns.end()) columns.push_back(column);
  return columns;
}

// Copies one table's readable rows: a scan from a rowid on; where a read fails, the scan starts
// again past it, further each time it fails again (a damaged page holds many rows), until a
// read succeeds, and the step shrinks back.
std::int64_t copy_table(Database& fresh, const Database& damaged, const std::string& table, std::int64_t& unreadable) {
  const std::vector<std::string> columns = shared_columns(fresh, damaged, table);
  if (columns.empty()) return 0;
  Statement read = damaged.prepare("SELECT rowid, " + joined(columns) + " FROM " + quoted(table) + " WHERE rowid >= ?1 ORDER BY rowid");
  std::string placeholders;
  for (std::size_t i = 1; i <= columns.size(); ++i) placeholders += (i == 1 ? "?" : ", ?") + std::to_string(i);
  Statement write = fresh.prepare("INSERT OR IGNORE INTO " + quoted(table) + " (" + joined(columns) + ") VALUES (" + placeholders + ")");
  sqlite3_stmt* const in = read.handle();
  sqlite3_stmt* const out = write.handle();
  std::int64_t copied = 0;
  std::int64_t from = std::numeric_limits<std::int64_t>::min();
  std::int64_t skip = 1;
  int failures = 0;
  while (failures < kMaxFailuresPerTable) {
    read.reset();
    read.bind(1, from);
    try {
      while (read.step()) {
        from = read.column_int(0) + 1;
        skip = 1;
        for (int i = 0; i < static_cast<int>(columns.size()); ++i) sqlite3_bind_value(out, i + 1, sqlite3_column_value(in, i + 1));
        try {
          write.run();
          copied += fresh.changes();
        } catch (const SqliteError&) {
          write.reset();  // a row the fresh schema refuses (its type or a check): left behind
          ++unreadable;
        }
      }
      return copied;
    } catch (const SqliteError&) {
      ++failures;
      ++unreadable;
      if (from == std::numeric_limits<std::int64_t>::min()) from = 0;
      from = skip > std::numeric_limits<std::int64_t>::max() - from ? std::numeric_limits<std::int64_t>::max() : from + skip;
      skip = std::min<std::int64_t>(skip * 2, std::int64_t{1} << 40);
    }
  }
  return copied;
}

void count(SalvageSummary& summary, const std::string& table, std::int64_t copied) {
  if (table == "events") summary.events = copied;
  if (table == "vouchers") summary.vouchers = copied;
  if (table == "settings") summary.settings = copied;
  if (table == "prize_codes") summary.prize_codes = copied;
  if (table == "prize_stock") summary.stock = copied > 0;
}

}  // namespace

SalvageSummary salvage_into(Database& fresh, const std::filesystem::path& damaged_file) {
  SalvageSummary summary;
  try {
    Database damaged(damaged_file, Database::Mode::ReadOnly);
    const std::vector<std::string> fresh_tables = table_names(fresh);
    const std::vector<std::string> damaged_tables = table_names(damaged);
    fresh.write_transaction("starting to carry rows over from a damaged file", "committing the rows carried over", [&] {
      for (const auto& table : fresh_tables) {
        if (std::find(damaged_tables.begin(), damaged_tables.end(), table) == damaged_tables.end()) continue;
        count(summary, table, copy_table(fresh, damaged, table, summary.unreadable));
      }
      // The staff module's key for the PIN's hash (core/staff/staff.cpp), named here for the summary only.
      summary.pin = fresh.query_int("SELECT count(*) FROM settings WHERE key = 'staff.pin_hash'").value_or(0) > 0;
    });
  } catch (const SqliteError& error) {
    summary = SalvageSummary{};
    summary.error = error.what();
  }
  return summary;
}

std::string describe(const SalvageSummary& summary) {
  if (!summary.error.empty()) return "nothing could be carried over from the damaged file (" + summary.error + ")";
  std::string text = "carried over from the damaged file: " + std::to_string(summary.events) + " events, " + std::to_string(summary.vouchers) +
                     " vouchers, " + (summary.pin ? "the staff PIN" : "no staff PIN") + ", " +
                     (summary.stock ? "the prize stock" : "no prize stock") + ", " + std::to_string(summary.settings) + " settings, " +
                     std::to_string(summary.prize_codes) + " registered prize codes";
  if (summary.unreadable > 0) text += "; " + std::to_string(summary.unreadable) + " unreadable places skipped";
  return text;
}

}  // namespace openday
