#pragma once
// `openday doctor`: the pre-flight check a clerk runs the day before the event. Each check is a
// small function from what was observed to a verdict, so that each can be made to fail in a
// test; the command gathers the observations (display, input devices, files, clock) and prints
// one line per check. Exit 0 when every check passes, 1 otherwise.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/booth/config.h"
#include "core/content/content.h"
#include "core/content/ui_text.h"
#include "core/print/printer.h"
#include "core/quiz/quiz_bank.h"
#include "core/visits/durable_store.h"

namespace openday {

// What a check looks at; the staff screen names each in Chinese, the command line in English.
enum class DoctorCheckId { Display, Touch, Font, Config, Content, QuizBank, Database, Clock, Pin, PrizeStock, KioskId,
                           Printer,
                           HandwritingModel,
                           IconFont };
std::string doctor_check_name(DoctorCheckId id);  // "display", "quiz bank", ...

struct DoctorCheck {
  std::string name;    // what was checked: "display", "touch", ...
  bool ok = false;
  std::string detail;  // what was found
  std::string fix;     // what to do when it failed
  DoctorCheckId id = DoctorCheckId::Display;
  // What a passed check found in the staff screen's words (filled with found_values); Text::Count
  // when the detail (a file name, a device name) says it in any language.
  Text found = Text::Count;
  std::vector<std::string> found_values{};
  // Passed, but something the kiosk can do without is missing (the 手写 model): "! name: detail -> fix".
  bool warning = false;
};

// "✓ name: detail", or "✗ name: detail -> fix".
std::string doctor_line(const DoctorCheck& check);
int doctor_exit_code(std::span<const DoctorCheck> checks);

// The screen, probed by the platform layer: its size, or why no display could be opened.
struct DisplayProbe {
  std::optional<int> width, height;
  std::string error;
};
DoctorCheck check_display(const DisplayProbe& probe);
// The kernel's input device list (/proc/bus/input/devices): a multi-touch device is one that
// reports ABS_MT_POSITION_X; on X11 it reaches the kiosk through XInput as the mouse.
DoctorCheck check_touch(std::string_view proc_bus_input_devices);
// font_error empty: font_description names the face found.
DoctorCheck check_font(const std::string& font_description, const std::string& font_error);
DoctorCheck check_content(const ContentLoad& load, const std::filesystem::path& dir);
DoctorCheck check_quiz_bank(const QuizBankLoad& load, const std::filesystem::path& file);
inline constexpr std::uintmax_t kDoctorMinFreeBytes = 200ull * 1024 * 1024;  // a day of events is a few MB
// Opens (creating if need be) the database, takes the write lock, and checks the free space.
DoctorCheck check_database(const std::filesystem::path& db, std::uintmax_t min_free_bytes = kDoctorMinFreeBytes);
// Inside the running kiosk: the database as its own writer sees it (opening the file a second
// time, as check_database does, could move a damaged one aside under the writer), and the free
// space beside it.
DoctorCheck check_running_database(const StoreHealth& health, const std::filesystem::path& db,
                                   std::uintmax_t min_free_bytes = kDoctorMinFreeBytes);
DoctorCheck check_config(const ConfigLoadResult& load, const std::filesystem::path& file);
// today: the clock's local day; utc_offset_minutes: the local time zone's offset (China: +480).
DoctorCheck check_clock(const CalendarDate& today, int utc_offset_minutes, const std::string& event_date);
DoctorCheck check_pin(const std::filesystem::path& db);
DoctorCheck check_prize_stock(const std::filesystem::path& db, const Config& config);
DoctorCheck check_kiosk_id(const Config& config, int kiosks);
// Issue 30: the printer of [printer] name, as CUPS described it (probe: absent when none is
// configured). No printer configured passes: the kiosk then shows no print buttons.
DoctorCheck check_printer(const Config& config, const std::optional<print::PrinterProbe>& probe);
// The search's 手写 model (issue 31): missing is a warning (the kiosk hides 手写), a file Zinnia
// cannot open is a failure (the pad would show and recognize nothing).
DoctorCheck check_handwriting_model(const std::filesystem::path& model);
// Issue 28: the icon font beside the words (Debian's fonts-material-design-icons-iconfont).
// Missing: a warning naming the package; the kiosk draws its words without icons.
DoctorCheck check_icon_font(const std::filesystem::path& font, std::string_view package);

}  // namespace openday
