// `openday set-pin`, `openday voucher redeem` and `openday tally add|list`: what the staff do
// from a laptop beside the kiosk, on the kiosk's own database.
#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>

#include "commands/commands.h"
#include "commands/loading.h"
#include "core/quiz/vouchers.h"
#include "core/reports/report.h"
#include "core/reports/tally.h"
#include "core/staff/staff.h"
#include "core/util/local_clock.h"
#include "core/visits/events.h"
#include "core/visits/store.h"

namespace openday::commands {
namespace {

// A PIN line is a few digits; standard input could be /dev/zero or a file with no newline.
constexpr std::size_t kMaxLineBytes = 256;

// Up to the newline or the end; nullopt at once when the line is longer than kMaxLineBytes.
std::optional<std::string> read_bounded_line() {
  std::string line;
  char c = 0;
  while (std::cin.get(c) && c != '\n') {
    if (line.size() == kMaxLineBytes) {
      std::fprintf(stderr, "openday set-pin: the line on standard input is longer than %zu bytes; nothing was changed\n", kMaxLineBytes);
      return std::nullopt;
    }
    line += c;
  }
  if (line.empty() && !std::cin) return std::nullopt;
  return line;
}

// One line from standard input; from a terminal, after a prompt and without echo.
std::optional<std::string> read_line(const char* prompt, bool hide) {
  termios saved{};
  if (hide) {
    std::fprintf(stderr, "%s", prompt);
    tcgetattr(STDIN_FILENO, &saved);
    termios quiet = saved;
    quiet.c_lflag &= static_cast<tcflag_t>(~ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  auto line = read_bounded_line();
  if (hide) {
    tcsetattr(STDIN_FILENO, TCSANOW, &saved);
    std::fprintf(stderr, "\n");
  }
  return line;
}

// Reads a PIN from the keyboard without echo (twice), or one line from a pipe.
std::optional<std::string> read_new_pin() {
  const bool terminal = isatty(STDIN_FILENO);
  const std::string prompt = "New staff PIN (" + std::to_string(kMinPinDigits) + "-" + std::to_string(kMaxPinDigits) + " digits): ";
  auto pin = read_line(prompt.c_str(), terminal);
  if (!pin || !terminal) return pin;
  auto again = read_line("The same PIN again: ", terminal);
  if (!again || *again != *pin) {
    std::fprintf(stderr, "openday set-pin: the two PINs differ; nothing was changed\n");
    return std::nullopt;
  }
  return pin;
}

// A command that fails (a full disk, a file it may not write) must not leave behind an empty
// database it created itself; a database that was there before is never removed.
class CreatedDatabaseCleanup {
 public:
  explicit CreatedDatabaseCleanup(std::filesystem::path db) : db_(std::move(db)), existed_(exists_at_all(db_)) {}
  ~CreatedDatabaseCleanup() {
    if (existed_ || succeeded_) return;
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::filesystem::remove(db_.string() + suffix, ignored);
  }
  CreatedDatabaseCleanup(const CreatedDatabaseCleanup&) = delete;
  CreatedDatabaseCleanup& operator=(const CreatedDatabaseCleanup&) = delete;
  void succeeded() { succeeded_ = true; }

 private:
  static bool exists_at_all(const std::filesystem::path& file) {
    std::error_code ec;
    return std::filesystem::symlink_status(file, ec).type() != std::filesystem::file_type::not_found;
  }
  std::filesystem::path db_;
  bool existed_;
  bool succeeded_ = false;
};

}  // namespace

int run_set_pin(const SetPinOptions& options) {
  const auto pin = read_new_pin();
  if (!pin) return kExitUsage;
  if (!is_valid_pin(*pin)) {
    // A kiosk is left alone for hours: a short PIN falls to guessing (at the keypad or offline).
    std::fprintf(stderr, "openday set-pin: %s; nothing was changed\n", pin_rule().c_str());
    return kExitUsage;
  }
  CreatedDatabaseCleanup cleanup(options.db_path);
  try {
    OpenedStore store = open_store_for_tool(options.db_path);
    store.db.skip_checkpoint_on_close();
    set_pin(store.db, *pin);
    cleanup.succeeded();
    std::printf("The staff PIN of %s is set.\n", options.db_path.c_str());
    return 0;
  } catch (const SqliteError& error) {
    std::fprintf(stderr, "openday set-pin: %s\n", error.what());
    return kExitDatabase;
  }
}

int run_redeem(const RedeemOptions& options) {
  if (options.hub.given()) return run_redeem_through_hub(options);
  try {
    if (!std::filesystem::exists(options.db_path)) {
      std::fprintf(stderr, "openday voucher: %s: no such database file\n", options.db_path.c_str());
      return kExitDatabase;
    }
    OpenedStore store = open_store_for_tool(options.db_path);
    const Redemption result = redeem_voucher_from_desk(store.db, options.code);
    switch (result.outcome) {
      case Redemption::Outcome::Redeemed:
        std::printf("REDEEMED %s at %s\n", result.code.c_str(), format_local_time(result.redeemed_at_ms).c_str());
        return 0;
      case Redemption::Outcome::AlreadyRedeemed:
        std::fprintf(stderr, "openday voucher: %s was already redeemed at %s; do not hand out a second prize\n", result.code.c_str(),
                     format_local_time(result.redeemed_at_ms).c_str());
        return kExitVoucherAlreadyRedeemed;
      case Redemption::Outcome::Unknown:
        std::fprintf(stderr, "openday voucher: %s is not a voucher this kiosk issued (check the code, or the --db file)\n",
                     result.code.c_str());
        return kExitUnknownVoucher;
      case Redemption::Outcome::HubUnreachable: break;  // not without a hub
      case Redemption::Outcome::Invalid:
        std::fprintf(stderr, "openday voucher: '%s' cannot be a voucher code: 8 letters and digits from %.*s, like ABCD-EF23\n",
                     options.code.c_str(), static_cast<int>(kVoucherAlphabet.size()), kVoucherAlphabet.data());
        return kExitUnknownVoucher;
    }
  } catch (const SqliteError& error) {
    std::fprintf(stderr, "openday voucher: %s\n", error.what());
  }
  return kExitDatabase;
}

// `openday tally add`: one desk entry. Bad input (an unknown kind or department, a count out of
// range) is a usage error, exit 2, with nothing written.
int run_tally_add(const TallyOptions& options) {
  const TallyTap tap{*tally_kind_from_name(options.kind), options.department, options.category, options.count};
  if (!tap.department.empty()) {
    ContentLoad content = load_content(options.content_dir);
    if (!content.content) {
      print_problems("openday tally add", content.problems);
      std::fprintf(stderr, "openday tally add: cannot check --department against %s (see the problems above)\n", options.content_dir.c_str());
      return kExitContent;
    }
    if (const std::string problem = tally_tap_problem(tap, &*content.content); !problem.empty()) {
      std::fprintf(stderr, "openday tally add: %s\n", problem.c_str());
      return kExitUsage;
    }
  }
  CreatedDatabaseCleanup cleanup(options.db_path);
  try {
    OpenedStore store = open_store_for_tool(options.db_path);
    const Event added = add_tally_from_tool(store.db, tap, utc_now_ms());
    cleanup.succeeded();
    std::printf("ADDED %s %lld%s%s at %s\n", options.kind.c_str(), static_cast<long long>(tap.count),
                tap.department.empty() ? "" : (" " + tap.department).c_str(), tap.category.empty() ? "" : (" " + tap.category).c_str(),
                format_local_time(added.at_ms).c_str());
    return 0;
  } catch (const SqliteError& error) {
    std::fprintf(stderr, "openday tally add: %s\n", error.what());
    return kExitDatabase;
  }
}

// `openday tally list`: a day's entries, oldest first, and the totals a report counts.
int run_tally_list(const TallyOptions& options) {
  try {
    const CalendarDate day = options.date ? *parse_calendar_date(*options.date) : local_today();
    ReportRequest request;
    request.databases = {options.db_path};
    request.from = request.to = day;
    const Report report = build_report(request);
    // The lines of the local day: a day is at most 14 hours either side of UTC.
    const std::int64_t day_start_ms = day_number(day) * 86400 * 1000;
    Database db = open_store_read_only(options.db_path);
    std::printf("Desk tally for %s\n", format_calendar_date(day).c_str());
    for (const TallyLine& line : tally_lines(db, day_start_ms - 14 * 3600 * 1000, day_start_ms + 38 * 3600 * 1000)) {
      if (format_local_time(line.at_ms, "%Y-%m-%d") != format_calendar_date(day)) continue;
      std::printf("  %s  %-12s %5lld  %-14s %-10s %s%s\n", format_local_time(line.at_ms, "%H:%M:%S").c_str(), line.kind.c_str(),
                  static_cast<long long>(line.count), line.department.empty() ? "-" : line.department.c_str(),
                  line.category.empty() ? "-" : line.category.c_str(), line.kiosk_id.c_str(), line.undone ? "  (undone)" : "");
    }
    const TallyTotals& t = report.tally;
    std::printf("Totals: consultation %lld, answer %lld, problem %lld, handbook %lld, leaflet %lld (undone taps left out: %lld)\n",
                static_cast<long long>(t[TallyKind::Consultation]), static_cast<long long>(t[TallyKind::Answer]),
                static_cast<long long>(t[TallyKind::Problem]), static_cast<long long>(t[TallyKind::Handbook]),
                static_cast<long long>(t[TallyKind::Leaflet]), static_cast<long long>(t.undone));
    return 0;
  } catch (const SqliteError& error) {
    std::fprintf(stderr, "openday tally list: %s\n", error.what());
    return kExitDatabase;
  }
}

}  // namespace openday::commands
