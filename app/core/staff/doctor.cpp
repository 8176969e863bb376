#include "core/staff/doctor.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <sstream>
#include <system_error>

#include "core/handwriting/recognizer.h"
#include "core/quiz/vouchers.h"
#include "core/staff/staff.h"
#include "core/visits/sqlite.h"
#include "core/visits/store.h"

namespace openday {
namespace {

DoctorCheck pass(DoctorCheckId id, std::string detail) { return {doctor_check_name(id), true, std::move(detail), "", id}; }
DoctorCheck pass(DoctorCheckId id, std::string detail, Text found, std::vector<std::string> values) {
  DoctorCheck check = pass(id, std::move(detail));
  check.found = found;
  check.found_values = std::move(values);
  return check;
}
DoctorCheck failed(DoctorCheckId id, std::string detail, std::string fix) {
  return {doctor_check_name(id), false, std::move(detail), std::move(fix), id};
}

std::string first_problem(const JsonProblems& problems) {
  if (problems.empty()) return "";
  std::string text = problems.front().to_string();
  if (problems.size() > 1) text += " (and " + std::to_string(problems.size() - 1) + " more)";
  return text;
}

// Whether the lowest 64-bit word of an input device's "B: ABS=" bitmask has ABS_MT_POSITION_X.
bool reports_multitouch(std::string_view abs_bits) {
  constexpr unsigned kAbsMtPositionX = 0x35;
  const auto last_space = abs_bits.find_last_of(' ');
  const std::string lowest(last_space == std::string_view::npos ? abs_bits : abs_bits.substr(last_space + 1));
  char* end = nullptr;
  const unsigned long long bits = std::strtoull(lowest.c_str(), &end, 16);
  if (end == lowest.c_str()) return false;
  return (bits >> kAbsMtPositionX) & 1u;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.back() == '\r' || text.back() == ' ' || text.back() == '"')) text.remove_suffix(1);
  while (!text.empty() && (text.front() == ' ' || text.front() == '"')) text.remove_prefix(1);
  return text;
}

}  // namespace

std::string doctor_check_name(DoctorCheckId id) {
  switch (id) {
    case DoctorCheckId::Display: return "display";
    case DoctorCheckId::Touch: return "touch";
    case DoctorCheckId::Font: return "font";
    case DoctorCheckId::Config: return "config";
    case DoctorCheckId::Content: return "content";
    case DoctorCheckId::QuizBank: return "quiz bank";
    case DoctorCheckId::Database: return "database";
    case DoctorCheckId::Clock: return "clock";
    case DoctorCheckId::Pin: return "staff PIN";
    case DoctorCheckId::PrizeStock: return "prize stock";
    case DoctorCheckId::KioskId: return "kiosk id";
    case DoctorCheckId::Printer: return "printer";
    case DoctorCheckId::HandwritingModel: return "handwriting model";
    case DoctorCheckId::IconFont: return "icon font";
  }
  return "check";
}

std::string doctor_line(const DoctorCheck& check) {
  if (check.warning) return "! " + check.name + ": " + check.detail + " -> " + check.fix;
  if (check.ok) return "✓ " + check.name + ": " + check.detail;
  return "✗ " + check.name + ": " + check.detail + " -> " + check.fix;
}

int doctor_exit_code(std::span<const DoctorCheck> checks) {
  for (const auto& check : checks)
    if (!check.ok) return 1;
  return 0;
}

DoctorCheck check_display(const DisplayProbe& probe) {
  if (!probe.width || !probe.height)
    return failed(DoctorCheckId::Display, probe.error.empty() ? "no display" : probe.error,
                  "start the kiosk session (sudo systemctl start openday-kiosk) or run with DISPLAY=:0");
  const std::string size = std::to_string(*probe.width) + "x" + std::to_string(*probe.height);
  // Screens are laid out for at least 1024 px on the short side of a landscape or portrait monitor.
  if (std::min(*probe.width, *probe.height) < 720)
    return failed(DoctorCheckId::Display, size + " is too small for the kiosk's large text", "use a monitor of at least 1280x720 (xrandr --output NAME --mode 1920x1080)");
  const bool portrait = *probe.height > *probe.width;
  return pass(DoctorCheckId::Display, size + (portrait ? " (portrait)" : " (landscape)"), Text::DoctorFoundDisplayFormat,
              {std::to_string(*probe.width), std::to_string(*probe.height), std::string(tr(portrait ? Text::DoctorPortrait : Text::DoctorLandscape))});
}

DoctorCheck check_touch(std::string_view devices) {
  std::string name;
  std::vector<std::string> touch_devices;
  std::istringstream lines{std::string(devices)};
  for (std::string line; std::getline(lines, line);) {
    const std::string_view view(line);
    if (view.starts_with("N: Name=")) name = std::string(trim(view.substr(8)));
    else if (view.starts_with("B: ABS=") && reports_multitouch(trim(view.substr(7)))) touch_devices.push_back(name);
  }
  if (touch_devices.empty())
    return failed(DoctorCheckId::Touch, "no multi-touch input device found",
                  "plug in the touch monitor's USB cable, then map it to the screen: xinput map-to-output DEVICE OUTPUT");
  if (touch_devices.size() == 1) return pass(DoctorCheckId::Touch, touch_devices.front());
  const std::string more = std::to_string(touch_devices.size() - 1);
  return pass(DoctorCheckId::Touch, touch_devices.front() + " (and " + more + " more)", Text::DoctorFoundTouchMoreFormat,
              {touch_devices.front(), more});
}

DoctorCheck check_font(const std::string& font_description, const std::string& font_error) {
  if (!font_error.empty())
    return failed(DoctorCheckId::Font, font_error, "install fonts-noto-cjk (sudo apt install fonts-noto-cjk) or drop a CJK font into the fonts folder");
  return pass(DoctorCheckId::Font, font_description);
}

DoctorCheck check_content(const ContentLoad& load, const std::filesystem::path& dir) {
  if (!load.content || !load.problems.empty())
    return failed(DoctorCheckId::Content, std::to_string(load.problems.size()) + " problem(s) in " + dir.string() + ": " + first_problem(load.problems),
                  "fix the files (openday validate --content " + dir.string() + " lists every problem)");
  const Content& content = *load.content;
  return pass(DoctorCheckId::Content, content_summary(content) + " (" + dir.string() + ")", Text::DoctorFoundContentFormat,
              {std::to_string(content.departments.size()), std::to_string(content.approval_item_count()), std::to_string(content.fee_item_count()),
               dir.string()});
}

DoctorCheck check_quiz_bank(const QuizBankLoad& load, const std::filesystem::path& file) {
  if (!load.bank || !load.problems.empty())
    return failed(DoctorCheckId::QuizBank, std::to_string(load.problems.size()) + " problem(s) in " + file.string() + ": " + first_problem(load.problems),
                  "fix the question bank (openday validate lists every problem)");
  return pass(DoctorCheckId::QuizBank, quiz_bank_summary(*load.bank) + " (" + file.string() + ")", Text::DoctorFoundQuizBankFormat,
              {std::to_string(load.bank->questions.size()), file.string()});
}

namespace {

// The database is writable: it passes when its disk has room for the day's events.
DoctorCheck database_free_space(const std::filesystem::path& db, std::uintmax_t min_free_bytes) {
  std::error_code error;
  const auto space = std::filesystem::space(db.parent_path().empty() ? "." : db.parent_path(), error);
  if (error)
    return failed(DoctorCheckId::Database, "free space of " + db.parent_path().string() + " unknown: " + error.message(), "check the disk");
  const auto free_mb = space.available / (1024 * 1024);
  if (space.available < min_free_bytes)
    return failed(DoctorCheckId::Database, db.string() + " writable, but only " + std::to_string(free_mb) + " MB free",
                  "free at least " + std::to_string(min_free_bytes / (1024 * 1024)) + " MB on that disk");
  return pass(DoctorCheckId::Database, db.string() + " writable, " + std::to_string(free_mb) + " MB free", Text::DoctorFoundDatabaseFormat,
              {db.string(), std::to_string(free_mb)});
}

constexpr const char* kDatabaseOwnerFix = "check the folder exists and belongs to the kiosk's user (sudo chown openday: /var/lib/openday)";

}  // namespace

DoctorCheck check_database(const std::filesystem::path& db, std::uintmax_t min_free_bytes) {
  try {
    OpenedStore store = open_store_for_writing(db);
    store.db.exec("BEGIN IMMEDIATE", "taking the write lock");
    store.db.exec("COMMIT", "releasing the write lock");
  } catch (const std::exception& error) {
    return failed(DoctorCheckId::Database, db.string() + " cannot be written: " + error.what(), kDatabaseOwnerFix);
  }
  return database_free_space(db, min_free_bytes);
}

DoctorCheck check_running_database(const StoreHealth& health, const std::filesystem::path& db, std::uintmax_t min_free_bytes) {
  if (!health.open)
    return failed(DoctorCheckId::Database, db.string() + " cannot be written: " + health.last_error,
                  std::string(kDatabaseOwnerFix) + ", then restart the kiosk");
  return database_free_space(db, min_free_bytes);
}

DoctorCheck check_config(const ConfigLoadResult& load, const std::filesystem::path& file) {
  if (!load.ok()) return failed(DoctorCheckId::Config, load.problems.front().to_string(), "fix " + file.string());
  return pass(DoctorCheckId::Config, file.string());
}

DoctorCheck check_clock(const CalendarDate& today, int utc_offset_minutes, const std::string& event_date) {
  using namespace std::chrono;
  const std::string today_text = format_calendar_date(today);
  constexpr int kChinaOffsetMinutes = 8 * 60;
  if (utc_offset_minutes != kChinaOffsetMinutes) {
    const int hours = utc_offset_minutes / 60;
    return failed(DoctorCheckId::Clock, "time zone is UTC" + std::string(hours >= 0 ? "+" : "") + std::to_string(hours) + ", not China's UTC+8",
                  "sudo timedatectl set-timezone Asia/Shanghai (every per-day count uses the local day)");
  }
  const auto event = parse_calendar_date(event_date);
  if (!event) return failed(DoctorCheckId::Clock, "the event date '" + event_date + "' is not a day", "set event.date (YYYY-MM-DD) in the content or config");
  const auto as_days = [](const CalendarDate& d) {
    return sys_days{year{d.year} / month{static_cast<unsigned>(d.month)} / day{static_cast<unsigned>(d.day)}};
  };
  const auto days_to_event = (as_days(*event) - as_days(today)).count();
  constexpr int kPlausibleDaysAhead = 30;
  if (days_to_event < 0)
    return failed(DoctorCheckId::Clock, "the clock says " + today_text + ", after the event day " + event_date,
                  "set the clock (sudo timedatectl set-time 'YYYY-MM-DD HH:MM') or the event.date");
  if (days_to_event > kPlausibleDaysAhead)
    return failed(DoctorCheckId::Clock, "the clock says " + today_text + ", " + std::to_string(days_to_event) + " days before the event day " + event_date,
                  "check the clock (a kiosk without network often has a wrong one) and event.date");
  if (days_to_event == 0) return pass(DoctorCheckId::Clock, today_text + " UTC+8, the event day", Text::DoctorFoundClockEventDayFormat, {today_text});
  const std::string days = std::to_string(days_to_event);
  return pass(DoctorCheckId::Clock, today_text + " UTC+8, " + days + " day(s) before the event", Text::DoctorFoundClockBeforeFormat, {today_text, days});
}

DoctorCheck check_pin(const std::filesystem::path& db) {
  StoredPin stored;
  try {
    stored = read_stored_pin(open_store_read_only(db));
  } catch (const std::exception& error) {
    return failed(DoctorCheckId::Pin, std::string("cannot read ") + db.string() + ": " + error.what(), "fix the database check first");
  }
  const std::string fix = "sudo -u openday openday set-pin --db " + db.string() + " (" + pin_rule() + ")";
  if (!stored.hash) return failed(DoctorCheckId::Pin, "not set: nobody can open the staff screen", fix);
  // A short PIN still opens the keypad (it was hashed already), but it is too easy to guess.
  const std::string too_short = "shorter than " + std::to_string(kMinPinDigits) + " digits: too easy to guess";
  if (stored.too_short == true) return failed(DoctorCheckId::Pin, too_short, fix);
  if (!stored.too_short)
    return failed(DoctorCheckId::Pin, "set by an older version that allowed 4 digits: may be " + too_short + " (known after the next sign-in)", fix);
  return pass(DoctorCheckId::Pin, "set", Text::DoctorFoundPinSet, {});
}

DoctorCheck check_prize_stock(const std::filesystem::path& db, const Config& config) {
  std::optional<std::int64_t> remaining;
  try {
    const Database store = open_store_read_only(db);
    remaining = read_prize_stock(store);
  } catch (const std::exception& error) {
    return failed(DoctorCheckId::PrizeStock, std::string("cannot read ") + db.string() + ": " + error.what(), "fix the database check first");
  }
  if (remaining && *remaining > 0)
    return pass(DoctorCheckId::PrizeStock, std::to_string(*remaining) + " prizes left", Text::DoctorFoundPrizesLeftFormat, {std::to_string(*remaining)});
  if (remaining) return failed(DoctorCheckId::PrizeStock, "0 prizes left: winners get no prize", "set the stock on the staff screen (库存)");
  if (config.initial_stock > 0)
    return pass(DoctorCheckId::PrizeStock, "starts at quiz.initial_stock = " + std::to_string(config.initial_stock),
                Text::DoctorFoundPrizesInitialFormat, {std::to_string(config.initial_stock)});
  return failed(DoctorCheckId::PrizeStock, "quiz.initial_stock is 0 and no stock is set", "set quiz.initial_stock in the config, or the stock on the staff screen");
}

DoctorCheck check_kiosk_id(const Config& config, int kiosks) {
  const std::string default_id = Config{}.kiosk_id;
  if (kiosks > 1 && config.kiosk_id == default_id)
    return failed(DoctorCheckId::KioskId, "\"" + config.kiosk_id + "\" is the default, and there are " + std::to_string(kiosks) + " kiosks",
                  "give each kiosk its own booth.kiosk_id (kiosk-1, kiosk-2, ...) in /etc/openday/openday.toml");
  if (kiosks <= 1) return pass(DoctorCheckId::KioskId, "\"" + config.kiosk_id + "\"", Text::DoctorFoundKioskIdFormat, {config.kiosk_id});
  return pass(DoctorCheckId::KioskId, "\"" + config.kiosk_id + "\" (one of " + std::to_string(kiosks) + " kiosks)", Text::DoctorFoundKioskIdOfFormat,
              {config.kiosk_id, std::to_string(kiosks)});
}

// Printing slips (issue 30).
DoctorCheck check_printer(const Config& config, const std::optional<print::PrinterProbe>& probe) {
  if (!config.printer_name || !probe) return pass(DoctorCheckId::Printer, "none configured (the kiosk shows no print buttons)");
  const std::string name = "\"" + *config.printer_name + "\": ";
  if (!probe->error.empty())
    return failed(DoctorCheckId::Printer, name + probe->error, "start CUPS (systemctl start cups) or set CUPS_SERVER to the print server");
  if (!probe->exists)
    return failed(DoctorCheckId::Printer, name + "no such printer in CUPS",
                  "add it (lpadmin -p " + *config.printer_name + " -E -v DEVICE-URI -m everywhere), or fix printer.name (lpstat -p lists them)");
  if (!probe->usable())
    return failed(DoctorCheckId::Printer, name + probe->describe(),
                  "load paper, switch the printer on, then cupsenable " + *config.printer_name + " && cupsaccept " + *config.printer_name);
  return pass(DoctorCheckId::Printer, name + probe->describe() + ", paper " + config.printer_paper);
}

// Issue 31: appended for the 手写 pad.
DoctorCheck check_handwriting_model(const std::filesystem::path& model) {
  constexpr const char* kPackage = "tegaki-zinnia-simplified-chinese";
  std::error_code ec;
  if (!std::filesystem::is_regular_file(model, ec)) {
    DoctorCheck check = pass(DoctorCheckId::HandwritingModel, model.string() + " is missing: the search hides 手写, the rest works");
    check.warning = true;
    check.fix = std::string("sudo apt install ") + kPackage + " (or set search.handwriting_model)";
    return check;
  }
  HandwritingRecognizer recognizer(model);
  if (!recognizer.load())
    return failed(DoctorCheckId::HandwritingModel, "cannot load " + model.string() + ": " + recognizer.error(),
                  std::string("sudo apt install --reinstall ") + kPackage + " (or fix search.handwriting_model)");
  return pass(DoctorCheckId::HandwritingModel, model.string());
}

// Issue 28: appended for the icons beside the words.
DoctorCheck check_icon_font(const std::filesystem::path& font, std::string_view package) {
  std::error_code ec;
  if (std::filesystem::is_regular_file(font, ec) && std::filesystem::file_size(font, ec) > 0 && !ec)
    return pass(DoctorCheckId::IconFont, font.string());
  DoctorCheck check = pass(DoctorCheckId::IconFont, font.string() + " is missing: the kiosk draws its words without icons");
  check.warning = true;
  check.fix = "sudo apt install " + std::string(package);
  return check;
}

}  // namespace openday
