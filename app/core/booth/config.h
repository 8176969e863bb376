#pragma once
// Event and booth settings from a human-editable TOML file (read with toml++): sections [event],
// [booth], [session], [quiz] of texts, whole numbers and dates. Every setting is a documented
// field with its default; syntax errors, unknown keys and bad values name the file, line and key.
#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/booth/opening_hours.h"
#include "core/handwriting/recognizer.h"
#include "core/content/content.h"
#include "core/util/calendar_date.h"

namespace openday {

// Which machine this is: the citizens' kiosk, or the staff desk that keeps the tally (issue 12).
enum class BoothRole { Kiosk, Desk };

struct Config {
  // [event]: each overrides the content's event.json when set, so one content folder can
  // serve another day or county without editing it.
  std::optional<std::string> county;       // county shown on the attract screen
  std::optional<std::string> event_title;  // event title shown large on the attract screen
  std::optional<CalendarDate> event_date;  // the event day, YYYY-MM-DD
  // [booth]
  std::string kiosk_id = "kiosk-1";        // unique per kiosk at a booth: [A-Za-z0-9_-], 1-32 chars
  std::optional<OpeningHours> hours;       // booth.hours "08:30-17:00": outside, no sessions; absent: always open
  BoothRole role = BoothRole::Kiosk;       // booth.role "kiosk" | "desk" (--role overrides)
  std::optional<std::string> hub_url;      // booth.hub "nats://HOST:PORT": the booth hub; absent: alone
  std::optional<std::filesystem::path> hub_credentials;  // booth.hub_credentials, relative to the config file
  // [facts]: the day's facts that are not taps, used until staff enter them on the desk:
  // departments taking part, staff on duty, boards put up, leaflets printed (in that order,
  // the order of EventFactKind in core/reports/tally.h). Absent: not known.
  std::array<std::optional<std::int64_t>, 4> fact_defaults{};
  // [session]
  int idle_timeout_seconds = 60;  // seconds without a touch before "还在使用吗？" appears
  int idle_warning_seconds = 10;  // countdown on that overlay before returning to the attract screen
  // [quiz]
  int questions_per_round = 5;
  int pass_min_correct = 0;  // correct answers needed to win; 0 = all of them
  std::string prize_name = "青花瓷笔精美礼盒";
  std::string prize_description = "印有“网上审批、便民利商”字样的青花瓷笔";
  int initial_stock = 100;  // prizes at the very first start; afterwards the database keeps the count
  std::string prize_desk = "展台服务台";  // where a winner collects the prize, named on the result screen
  // The search's 手写 pad (issue 31): Zinnia's model; the pad is hidden when it is missing.
  std::filesystem::path handwriting_model = kDefaultHandwritingModel;
  // [printer] (issue 30): the CUPS queue slips go to, and its paper. No name: no print buttons.
  std::optional<std::string> printer_name;  // printer.name: a CUPS queue name
  std::string printer_paper = "80mm";       // printer.paper: "80mm" (receipt roll) or "A4"
};

struct ConfigProblem {
  std::filesystem::path file;
  int line = 0;     // 0 when the problem is not tied to a line
  std::string key;  // "section.key", empty when not tied to a key
  std::string message;
  std::string to_string() const;
};

struct ConfigLoadResult {
  Config config;
  std::vector<ConfigProblem> problems;  // empty means the config is valid
  bool ok() const { return problems.empty(); }
};

// The id this machine logs under: booth.kiosk_id, and in the desk role "desk-<kiosk_id>" (unless
// it already starts with "desk"), so that a desk set up with a copy of a kiosk's config still has
// its own id and its rows never merge into the kiosk's.
std::string effective_kiosk_id(const Config& config);
std::string_view booth_role_name(BoothRole role);
// "nats://HOST:PORT" or "tls://HOST:PORT" (the link is TLS either way).
bool is_hub_url(std::string_view url);  // "kiosk" | "desk"
std::optional<BoothRole> booth_role_from_name(std::string_view name);

ConfigLoadResult load_config_file(const std::filesystem::path& file);
ConfigLoadResult parse_config_text(std::string_view text, const std::filesystem::path& file_name);

// Checks cross-field rules and ranges after command-line overrides were applied.
std::vector<ConfigProblem> check_config(const Config& config, const std::filesystem::path& file);

// The documented key list, "section.key  default  description", for --help and tests.
struct ConfigKeyDoc {
  std::string key;
  std::string default_value;
  std::string description;
};
std::vector<ConfigKeyDoc> config_key_docs();

// A CUPS queue name as lpadmin accepts it: 1-127 of letters, digits, '-', '_', '.', '@'.
bool is_printer_name(std::string_view name);

// The event as shown: content/event.json with the config file's overrides applied.
EventInfo effective_event(const EventInfo& from_content, const Config& config);

}  // namespace openday
