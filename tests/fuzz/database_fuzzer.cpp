// libFuzzer harness: a database file from outside. Staff hand the tools a kiosk's file on a USB
// stick (stats, export), and the kiosk opens its own file after a crash, a pulled power cord or a
// bad disk. The input is that file. First the tools' read-only open and a day's stats, then the
// kiosk's own open, which moves a damaged file aside and carries what it can still read into a
// fresh one. Each may refuse with an exception that says why; none may crash, hang or leak, and
// after the kiosk's open the file at the path is an OpenDay database it can write.
#include <cstddef>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <string>
#include <string_view>

#include "core/reports/stats.h"
#include "core/visits/store.h"
#include "fuzz_support.h"

namespace {

const std::filesystem::path& database_dir() {
  static const std::filesystem::path dir = openday::fuzz::scratch_dir() / "db";
  return dir;
}

// The file and whatever an earlier input left beside it (-wal, -shm, files moved aside).
void clear_database_dir() {
  std::error_code ignored;
  std::filesystem::remove_all(database_dir(), ignored);
  std::filesystem::create_directories(database_dir());
}

void read_as_the_tools_do(const std::filesystem::path& file) {
  try {
    openday::Database db = openday::open_store_read_only(file);
    const openday::DayStats stats = openday::compute_day_stats(file, openday::CalendarDate{2026, 5, 15});
    openday::fuzz::require(stats.sessions >= 0 && stats.engaged_sessions <= stats.sessions, "day stats that do not add up");
  } catch (const std::exception& refused) {
    openday::fuzz::require(std::string_view(refused.what()).size() > 0, "a refusal that says nothing");
  }
}

void open_as_the_kiosk_does(const std::filesystem::path& file) {
  try {
    openday::OpenedStore store = openday::open_store(file, openday::StoreOwner::Kiosk);
    openday::write_setting(store.db, "fuzz.written", "1");
    openday::fuzz::require(openday::read_setting(store.db, "fuzz.written") == "1", "the kiosk's open database does not keep a setting");
  } catch (const std::exception& refused) {
    openday::fuzz::require(std::string_view(refused.what()).size() > 0, "a refusal that says nothing");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  clear_database_dir();
  const std::filesystem::path file = database_dir() / "kiosk.db";
  openday::fuzz::write_file(file, std::string_view(reinterpret_cast<const char*>(data), size));
  read_as_the_tools_do(file);
  open_as_the_kiosk_does(file);
  return 0;
}
