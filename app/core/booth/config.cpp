#include "core/booth/config.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
#include <sstream>

#include <toml++/toml.h>

#include "core/content/json_reader.h"
#include "core/util/utf8.h"

namespace openday {
namespace {

enum class ValueKind { Text, Integer, Date, Other };

// A TOML value as the setters see it.
struct RawValue {
  ValueKind kind;
  std::string text;  // the text; a date as YYYY-MM-DD; for Other, what the value is ("a decimal number")
  long long number = 0;
};

using Setter = std::function<std::optional<std::string>(Config&, const RawValue&)>;

struct KeySpec {
  std::string_view section;
  std::string_view name;
  std::string_view description;
  std::function<std::string(const Config&)> show_default;
  Setter set;
};

std::string kind_name(const RawValue& value) {
  switch (value.kind) {
    case ValueKind::Text: return "a text";
    case ValueKind::Integer: return "a whole number";
    case ValueKind::Date: return "a date";
    case ValueKind::Other: return value.text;
  }
  return "another kind of value";
}

std::optional<std::string> expect_kind(const RawValue& value, ValueKind kind) {
  if (value.kind == kind) return std::nullopt;
  const std::string got = ", got " + kind_name(value);
  switch (kind) {
    case ValueKind::Text: return "must be a quoted text, like \"示例县\"" + got;
    case ValueKind::Integer: return "must be a whole number, like 60" + got;
    case ValueKind::Date: return "must be a quoted date, like \"2026-05-15\"" + got;
    case ValueKind::Other: break;
  }
  return "has the wrong type" + got;
}

// The text of a value, or the reason it is not acceptable. Config texts are shown like content
// texts, so they are checked like them: no control characters, nothing the font atlas cannot
// hold (beyond U+FFFF), not blank.
std::optional<std::string> text_problem(const RawValue& value, std::size_t max_chars) {
  if (auto wrong = expect_kind(value, ValueKind::Text)) return wrong;
  if (!is_valid_utf8(value.text)) return "is not valid UTF-8";
  if (auto wrong = check_text(value.text, TextRule{max_chars, false}); !wrong.empty()) return wrong;
  return std::nullopt;
}

template <typename Field>
Setter text_setter(Field Config::*field, std::size_t max_chars) {
  return [field, max_chars](Config& config, const RawValue& value) -> std::optional<std::string> {
    if (auto wrong = text_problem(value, max_chars)) return wrong;
    config.*field = value.text;
    return std::nullopt;
  };
}

Setter integer_setter(int Config::*field, int min, int max) {
  return [field, min, max](Config& config, const RawValue& value) -> std::optional<std::string> {
    if (auto wrong = expect_kind(value, ValueKind::Integer)) return wrong;
    if (value.number < min || value.number > max)
      return "must be between " + std::to_string(min) + " and " + std::to_string(max) + ", got " + std::to_string(value.number);
    config.*field = static_cast<int>(value.number);
    return std::nullopt;
  };
}

// A fact of the day given in the config ([facts]): a whole number, or absent.
Setter fact_setter(std::size_t index) {
  return [index](Config& config, const RawValue& value) -> std::optional<std::string> {
    if (auto wrong = expect_kind(value, ValueKind::Integer)) return wrong;
    if (value.number < 0 || value.number > 10'000'000) return "must be between 0 and 10000000, got " + std::to_string(value.number);
    config.fact_defaults[index] = value.number;
    return std::nullopt;
  };
}

std::function<std::string(const Config&)> fact_default_text(std::size_t index) {
  return [index](const Config& c) { return c.fact_defaults[index] ? std::to_string(*c.fact_defaults[index]) : std::string("(not set)"); };
}

constexpr int kIdleTimeoutMin = 10, kIdleTimeoutMax = 3600;
constexpr int kIdleWarningMin = 3, kIdleWarningMax = 120;

bool is_kiosk_id(std::string_view id) {
  if (id.empty() || id.size() > 32) return false;
  for (char c : id) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

}  // namespace

bool is_hub_url(std::string_view url) {
  for (std::string_view scheme : {"nats://", "tls://"}) {
    if (!url.starts_with(scheme)) continue;
    const std::string_view rest = url.substr(scheme.size());
    const auto colon = rest.rfind(':');
    if (rest.empty() || rest.size() > 253 || colon == std::string_view::npos || colon == 0 || colon + 1 == rest.size()) return false;
    for (char c : rest.substr(colon + 1))
      if (c < '0' || c > '9') return false;
    return rest.substr(0, colon).find_first_of("/@ ") == std::string_view::npos;
  }
  return false;
}

bool is_printer_name(std::string_view name) {
  if (name.empty() || name.size() > 127) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '@';
  });
}

namespace {

const std::vector<KeySpec>& key_specs() {
  static const std::vector<KeySpec> specs = {
      {"event", "county", "county name on the attract screen; overrides content/event.json",
       [](const Config&) { return std::string("(content/event.json)"); }, text_setter(&Config::county, 20)},
      {"event", "title", "event title shown largest; overrides content/event.json",
       [](const Config&) { return std::string("(content/event.json)"); }, text_setter(&Config::event_title, 24)},
      {"event", "date", "the event day, YYYY-MM-DD; overrides content/event.json",
       [](const Config&) { return std::string("(content/event.json)"); },
       [](Config& config, const RawValue& value) -> std::optional<std::string> {
         if (value.kind != ValueKind::Text && value.kind != ValueKind::Date) return expect_kind(value, ValueKind::Date);
         auto date = parse_calendar_date(value.text);
         if (!date) return "must be a real day written YYYY-MM-DD, got \"" + value.text + "\"";
         config.event_date = *date;
         return std::nullopt;
       }},
      {"booth", "kiosk_id", "unique id of this kiosk at the booth: letters, digits, - and _, at most 32",
       [](const Config& c) { return "\"" + c.kiosk_id + "\""; },
       [](Config& config, const RawValue& value) -> std::optional<std::string> {
         if (auto wrong = expect_kind(value, ValueKind::Text)) return wrong;
         if (!is_kiosk_id(value.text)) return "must be 1-32 characters of A-Z a-z 0-9 - _, got \"" + value.text + "\"";
         config.kiosk_id = value.text;
         return std::nullopt;
       }},
      {"booth", "hours", "opening hours, \"HH:MM-HH:MM\" local time: outside them a calm 今日活动时间 screen, no sessions",
       [](const Config& c) { return c.hours ? "\"" + format_opening_hours(*c.hours) + "\"" : std::string("(always open)"); },
       [](Config& config, const RawValue& value) -> std::optional<std::string> {
         if (auto wrong = expect_kind(value, ValueKind::Text)) return wrong;
         const auto hours = parse_opening_hours(value.text);
         if (!hours) return "must be opening and closing time like \"08:30-17:00\" (24-hour, opening first), got \"" + value.text + "\"";
         config.hours = *hours;
         return std::nullopt;
       }},
      {"booth", "role", "\"kiosk\" (the citizens' touchscreen) or \"desk\" (the staff desk: opens straight into the tally behind the PIN)",
       [](const Config& c) { return "\"" + std::string(booth_role_name(c.role)) + "\""; },
       [](Config& config, const RawValue& value) -> std::optional<std::string> {
         if (auto wrong = expect_kind(value, ValueKind::Text)) return wrong;
         const auto role = booth_role_from_name(value.text);
         if (!role) return "must be \"kiosk\" or \"desk\", got \"" + value.text + "\"";
         config.role = *role;
         return std::nullopt;
       }},
      {"booth", "hub", "the booth hub, \"nats://HOST:PORT\" (TLS): events, heartbeats and calls go to the desk through it; absent: this device works alone",
       [](const Config& c) { return c.hub_url ? "\"" + *c.hub_url + "\"" : std::string("(none)"); },
       [](Config& config, const RawValue& value) -> std::optional<std::string> {
         if (auto wrong = expect_kind(value, ValueKind::Text)) return wrong;
         if (!is_hub_url(value.text)) return "must be a hub address like \"nats://192.168.1.10:4222\", got \"" + value.text + "\"";
         config.hub_url = value.text;
         return std::nullopt;
       }},
      {"booth", "hub_credentials", "this device's credentials file for the hub (written by `openday hub init`); a path relative to the config file",
       [](const Config& c) { return c.hub_credentials ? "\"" + c.hub_credentials->string() + "\"" : std::string("(none)"); },
       [](Config& config, const RawValue& value) -> std::optional<std::string> {
         if (auto wrong = expect_kind(value, ValueKind::Text)) return wrong;
         if (value.text.empty() || value.text.size() > 4096) return "must be the path of a credentials file, got \"" + value.text + "\"";
         config.hub_credentials = std::filesystem::path(value.text);
         return std::nullopt;
       }},
      {"facts", "departments", "departments (units) taking part, until staff enter it on the desk", fact_default_text(0), fact_setter(0)},
      {"facts", "staff", "staff on duty at the booth, until staff enter it on the desk", fact_default_text(1), fact_setter(1)},
      {"facts", "boards", "boards (栏板) put up, until staff enter it on the desk", fact_default_text(2), fact_setter(2)},
      {"facts", "leaflets_printed", "leaflets printed for the day, until staff enter it on the desk", fact_default_text(3), fact_setter(3)},
      {"session", "idle_timeout_seconds", "seconds without a touch before the kiosk asks \"还在使用吗？\"",
       [](const Config& c) { return std::to_string(c.idle_timeout_seconds); },
       integer_setter(&Config::idle_timeout_seconds, kIdleTimeoutMin, kIdleTimeoutMax)},
      {"session", "idle_warning_seconds", "countdown seconds on that question before the session ends",
       [](const Config& c) { return std::to_string(c.idle_warning_seconds); },
       integer_setter(&Config::idle_warning_seconds, kIdleWarningMin, kIdleWarningMax)},
      {"quiz", "questions_per_round", "questions drawn for one round of the prize quiz",
       [](const Config& c) { return std::to_string(c.questions_per_round); }, integer_setter(&Config::questions_per_round, 1, 20)},
      {"quiz", "pass_min_correct", "correct answers needed to win a prize; 0 means all of them",
       [](const Config& c) { return std::to_string(c.pass_min_correct); }, integer_setter(&Config::pass_min_correct, 0, 20)},
      {"quiz", "prize_name", "the prize, as the quiz screens name it",
       [](const Config& c) { return "\"" + c.prize_name + "\""; }, text_setter(&Config::prize_name, 20)},
      {"quiz", "prize_description", "one line about the prize",
       [](const Config& c) { return "\"" + c.prize_description + "\""; }, text_setter(&Config::prize_description, 40)},
      {"quiz", "initial_stock", "prizes at the very first start; afterwards the database keeps the count (staff adjust it)",
       [](const Config& c) { return std::to_string(c.initial_stock); }, integer_setter(&Config::initial_stock, 0, 100000)},
      {"quiz", "prize_desk", "where winners collect the prize, named beside the prize code",
       [](const Config& c) { return "\"" + c.prize_desk + "\""; }, text_setter(&Config::prize_desk, 20)},
      // Printing slips (issue 30).
      {"printer", "name", "the CUPS printer (queue) that prints 办事指南 and 兑奖凭条 slips; absent: no print buttons",
       [](const Config& c) { return c.printer_name ? "\"" + *c.printer_name + "\"" : std::string("(none)"); },
       [](Config& config, const RawValue& value) -> std::optional<std::string> {
         if (auto wrong = expect_kind(value, ValueKind::Text)) return wrong;
         if (!is_printer_name(value.text)) return "must be a CUPS printer name (letters, digits, - _ . @; at most 127), got '" + value.text + "'";
         config.printer_name = value.text;
         return std::nullopt;
       }},
      {"printer", "paper", "\"80mm\" (a receipt roll; the slip is as long as it needs) or \"A4\"",
       [](const Config& c) { return "\"" + c.printer_paper + "\""; },
       [](Config& config, const RawValue& value) -> std::optional<std::string> {
         if (auto wrong = expect_kind(value, ValueKind::Text)) return wrong;
         if (value.text != "80mm" && value.text != "A4") return "must be \"80mm\" or \"A4\", got '" + value.text + "'";
         config.printer_paper = value.text;
         return std::nullopt;
       }},
      // The search's 手写 pad (issue 31).
      {"search", "handwriting_model", "Zinnia's handwriting model (package tegaki-zinnia-simplified-chinese); missing: 手写 is hidden, the rest works",
       [](const Config& c) { return "\"" + c.handwriting_model.string() + "\""; },
       [](Config& config, const RawValue& value) -> std::optional<std::string> {
         if (auto wrong = expect_kind(value, ValueKind::Text)) return wrong;
         if (value.text.empty() || value.text.size() > 4096) return "must be the path of a Zinnia .model file, got \"" + value.text + "\"";
         config.handwriting_model = std::filesystem::path(value.text);
         return std::nullopt;
       }},
  };
  return specs;
}

// What a TOML value is, in the words of the config's own comments: for "must be ..., got ...".
std::string describe_toml_type(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::string: return "a text";
    case toml::node_type::integer: return "a whole number";
    case toml::node_type::floating_point: return "a decimal number";
    case toml::node_type::boolean: return "true or false";
    case toml::node_type::date: return "a date";
    case toml::node_type::time: return "a time of day";
    case toml::node_type::date_time: return "a date with a time";
    case toml::node_type::array: return "a list [...]";
    case toml::node_type::table: return "a table";
    case toml::node_type::none: break;
  }
  return "an empty value";
}

std::string two_digits(unsigned value) { return (value < 10 ? "0" : "") + std::to_string(value); }

RawValue raw_value(const toml::node& node) {
  if (const auto* text = node.as_string()) return RawValue{ValueKind::Text, text->get(), 0};
  if (const auto* number = node.as_integer()) return RawValue{ValueKind::Integer, std::to_string(number->get()), number->get()};
  if (const auto* day = node.as_date()) {
    const toml::date& d = day->get();
    // Formatted back to YYYY-MM-DD so that the date setter checks it like a quoted date.
    std::string year = std::to_string(d.year);
    year.insert(0, year.size() < 4 ? 4 - year.size() : 0, '0');
    return RawValue{ValueKind::Date, year + "-" + two_digits(d.month) + "-" + two_digits(d.day), 0};
  }
  return RawValue{ValueKind::Other, describe_toml_type(node), 0};
}

int line_of(const toml::source_region& region) { return static_cast<int>(region.begin.line); }

// The line a key was written on; a key toml++ made up (the table of a dotted key) has none, then
// its value's line.
int line_of(const toml::key& key, const toml::node& value) {
  const int line = line_of(key.source());
  return line > 0 ? line : line_of(value.source());
}

bool is_known_section(std::string_view section) {
  return std::any_of(key_specs().begin(), key_specs().end(), [&](const KeySpec& spec) { return spec.section == section; });
}

const KeySpec* find_spec(std::string_view section, std::string_view name) {
  for (const auto& spec : key_specs())
    if (spec.section == section && spec.name == name) return &spec;
  return nullptr;
}

std::string known_keys_in(std::string_view section) {
  std::string known;
  for (const auto& spec : key_specs())
    if (spec.section == section) known += (known.empty() ? "" : ", ") + std::string(spec.name);
  return known;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// A TOML syntax error stops the parser with a line, not a key. The key is worth naming all the
// same (the message is for whoever edits the file): the bare key before '=' on that line, in the
// last [section] header above it. Empty when the line does not look like key = value.
std::string key_on_line(std::string_view text, int error_line) {
  std::string section;
  std::size_t pos = 0;
  for (int line_number = 1; pos <= text.size() && line_number <= error_line; ++line_number) {
    const std::size_t end = std::min(text.find('\n', pos), text.size());
    const std::string_view line = trim(text.substr(pos, end - pos));
    pos = end + 1;
    if (line_number < error_line) {
      if (line.size() >= 2 && line.front() == '[' && line.find(']') != std::string_view::npos)
        section = std::string(trim(line.substr(1, line.find(']') - 1)));
      continue;
    }
    const std::size_t eq = line.find('=');
    if (eq == std::string_view::npos || line.front() == '[' || line.front() == '#') return "";
    const std::string_view name = trim(line.substr(0, eq));
    const bool bare = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    });
    if (!bare) return "";
    return section.empty() ? std::string(name) : section + "." + std::string(name);
  }
  return "";
}

// The keys of one section ([event], [booth], ...), whether written as a [header], an inline
// table or dotted keys: each known key is applied through its setter, every other one reported.
void read_section(const std::string& section, const toml::table& table, Config& config, const std::filesystem::path& file,
                  std::vector<ConfigProblem>& problems) {
  for (auto&& [name, node] : table) {
    const std::string full_key = section + "." + std::string(name.str());
    const int line = line_of(name, node);
    const KeySpec* spec = find_spec(section, name.str());
    if (!spec) {
      problems.push_back({file, line, full_key, "unknown key (known in [" + section + "]: " + known_keys_in(section) + ")"});
      continue;
    }
    if (auto wrong = spec->set(config, raw_value(node))) problems.push_back({file, line, full_key, *wrong});
  }
}

void read_document(const toml::table& root, Config& config, const std::filesystem::path& file, std::vector<ConfigProblem>& problems) {
  for (auto&& [name, node] : root) {
    const std::string section(name.str());
    const int line = line_of(name, node);
    const toml::table* table = node.as_table();
    if (!is_known_section(section)) {
      if (table) problems.push_back({file, line, "", "unknown section [" + section + "] (known: [event], [booth], [session], [quiz], [facts], [printer], [search])"});
      else problems.push_back({file, line, section, "unknown key (it is outside any known section)"});
      continue;
    }
    if (!table) {
      problems.push_back({file, line, section, "must be the section [" + section + "] with its keys, not " + describe_toml_type(node)});
      continue;
    }
    read_section(section, *table, config, file, problems);
  }
}

constexpr std::uintmax_t kMaxConfigBytes = 1 << 20;
constexpr std::size_t kMaxListedProblems = 20;

// A file of garbage would list a problem per line: list the first ones and say how many more.
void cap_problems(std::vector<ConfigProblem>& problems, const std::filesystem::path& file) {
  if (problems.size() <= kMaxListedProblems) return;
  const std::size_t more = problems.size() - kMaxListedProblems;
  problems.resize(kMaxListedProblems);
  problems.push_back({file, 0, "", "and " + std::to_string(more) + " more problems (fix these first)"});
}

}  // namespace

std::string effective_kiosk_id(const Config& config) {
  if (config.role != BoothRole::Desk || config.kiosk_id.starts_with("desk")) return config.kiosk_id;
  return "desk-" + config.kiosk_id;
}

std::string_view booth_role_name(BoothRole role) { return role == BoothRole::Desk ? "desk" : "kiosk"; }

std::optional<BoothRole> booth_role_from_name(std::string_view name) {
  if (name == "kiosk") return BoothRole::Kiosk;
  if (name == "desk") return BoothRole::Desk;
  return std::nullopt;
}

std::string ConfigProblem::to_string() const {
  std::string out = file.string();
  if (line > 0) out += ":" + std::to_string(line);
  out += ": ";
  if (!key.empty()) out += key + ": ";
  out += message;
  return out;
}

ConfigLoadResult parse_config_text(std::string_view text, const std::filesystem::path& file_name) {
  ConfigLoadResult result;
  try {
    const toml::table root = toml::parse(text, file_name.string());
    read_document(root, result.config, file_name, result.problems);
  } catch (const toml::parse_error& error) {
    // TOML stops at its first syntax error: that one problem, with its line and column.
    const int line = line_of(error.source());
    result.problems.push_back({file_name, line, key_on_line(text, line),
                               std::string(error.description()) + " (column " + std::to_string(error.source().begin.column) + ")"});
  } catch (const std::exception& error) {
    result.problems.push_back({file_name, 0, "", std::string("cannot read the config file: ") + error.what()});
  }
  // toml++ keeps a table's keys sorted by name; the file's order reads better.
  std::stable_sort(result.problems.begin(), result.problems.end(),
                   [](const ConfigProblem& a, const ConfigProblem& b) { return a.line < b.line; });
  if (result.problems.empty()) result.problems = check_config(result.config, file_name);
  cap_problems(result.problems, file_name);
  // The credentials file sits beside the config on a deployed machine: a relative path is read
  // from the config's folder, not from wherever the kiosk was started.
  if (result.config.hub_credentials && result.config.hub_credentials->is_relative())
    result.config.hub_credentials = file_name.parent_path() / *result.config.hub_credentials;
  if (result.config.handwriting_model.is_relative())
    result.config.handwriting_model = file_name.parent_path() / result.config.handwriting_model;
  return result;
}

ConfigLoadResult load_config_file(const std::filesystem::path& file) {
  ConfigLoadResult result;
  auto refuse = [&](std::string message) {
    result.problems.push_back({file, 0, "", std::move(message)});
    return result;
  };
  // A folder or a device given by mistake, or a huge file, is refused before it is read: a
  // booth config is a few hundred bytes.
  std::error_code ec;
  const auto status = std::filesystem::status(file, ec);
  if (ec) return refuse("cannot open the config file: " + ec.message());
  if (!std::filesystem::is_regular_file(status)) return refuse("is not a regular file (give the path of the .toml file itself)");
  const auto size = std::filesystem::file_size(file, ec);
  if (ec) return refuse("cannot read the config file: " + ec.message());
  if (size > kMaxConfigBytes)
    return refuse("is " + std::to_string(size) + " bytes; a config file may have at most 1 MB (" + std::to_string(kMaxConfigBytes) + " bytes)");
  std::ifstream in(file, std::ios::binary);
  if (!in) return refuse("cannot open the config file: " + std::string(std::strerror(errno)));
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return parse_config_text(buffer.str(), file);
}

std::vector<ConfigProblem> check_config(const Config& config, const std::filesystem::path& file) {
  std::vector<ConfigProblem> problems;
  if (config.idle_warning_seconds >= config.idle_timeout_seconds)
    problems.push_back({file, 0, "session.idle_warning_seconds",
                        "must be shorter than session.idle_timeout_seconds (" + std::to_string(config.idle_warning_seconds) +
                            " >= " + std::to_string(config.idle_timeout_seconds) + ")"});
  auto check_range = [&](const char* key, int value, int min, int max) {
    if (value < min || value > max)
      problems.push_back({file, 0, key, "must be between " + std::to_string(min) + " and " + std::to_string(max) + ", got " + std::to_string(value)});
  };
  check_range("session.idle_timeout_seconds", config.idle_timeout_seconds, kIdleTimeoutMin, kIdleTimeoutMax);
  check_range("session.idle_warning_seconds", config.idle_warning_seconds, kIdleWarningMin, kIdleWarningMax);
  if (config.pass_min_correct > config.questions_per_round)
    problems.push_back({file, 0, "quiz.pass_min_correct",
                        "(" + std::to_string(config.pass_min_correct) + ") cannot exceed quiz.questions_per_round (" +
                            std::to_string(config.questions_per_round) + ")"});
  if (config.hub_url.has_value() != config.hub_credentials.has_value())
    problems.push_back({file, 0, config.hub_url ? "booth.hub_credentials" : "booth.hub",
                        "booth.hub and booth.hub_credentials go together: give both, or neither to work alone"});
  return problems;
}

std::vector<ConfigKeyDoc> config_key_docs() {
  const Config defaults;
  std::vector<ConfigKeyDoc> docs;
  for (const auto& spec : key_specs())
    docs.push_back({std::string(spec.section) + "." + std::string(spec.name), spec.show_default(defaults), std::string(spec.description)});
  return docs;
}

EventInfo effective_event(const EventInfo& from_content, const Config& config) {
  EventInfo event = from_content;
  if (config.county) event.county = *config.county;
  if (config.event_title) event.title = *config.event_title;
  if (config.event_date) event.date = format_calendar_date(*config.event_date);
  return event;
}


}  // namespace openday
