#include "core/booth/config.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
#include <sstream>

#include "core/content/json_reader.h"
#include "core/util/utf8.h"

namespace openday {
namespace {

enum class ValueKind { Text, Integer, Date };

struct RawValue {
  ValueKind kind;
  std::string text;  // unquoted text for Text and Date
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

std::optional<std::string> expect_kind(const RawValue& value, ValueKind kind) {
  if (value.kind == kind) return std::nullopt;
  switch (kind) {
    case ValueKind::Text: return "must be a quoted text, like \"示例县\"";
    case ValueKind::Integer: return "must be a whole number, like 60";
    case ValueKind::Date: return "must be a quoted date, like \"2026-05-15\"";
  }
  return "has the wrong type";
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
  };
  return specs;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// Splits off a trailing "# comment" that is not inside a quoted string.
std::string_view strip_comment(std::string_view line) {
  bool in_quotes = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\\' && in_quotes) { ++i; continue; }
    if (line[i] == '"') in_quotes = !in_quotes;
    if (line[i] == '#' && !in_quotes) return line.substr(0, i);
  }
  return line;
}

std::optional<RawValue> parse_value(std::string_view text, std::string& error) {
  if (text.empty()) { error = "has no value after '='"; return std::nullopt; }
  if (text.front() == '"') {
    std::string out;
    for (std::size_t i = 1; i < text.size(); ++i) {
      char c = text[i];
      if (c == '"') {
        if (!trim(text.substr(i + 1)).empty()) { error = "has text after the closing quote"; return std::nullopt; }
        return RawValue{ValueKind::Text, out, 0};
      }
      if (c == '\\') {
        if (i + 1 >= text.size()) break;
        const char e = text[++i];
        if (e == '"' || e == '\\') out += e;
        else if (e == 'n') out += '\n';
        else { error = std::string("has an unknown escape \\") + e; return std::nullopt; }
        continue;
      }
      out += c;
    }
    error = "has a text without its closing quote";
    return std::nullopt;
  }
  long long number = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (ec == std::errc() && end == text.data() + text.size()) return RawValue{ValueKind::Integer, std::string(text), number};
  if (parse_calendar_date(text)) return RawValue{ValueKind::Date, std::string(text), 0};
  error = "has a value that is neither a quoted text nor a whole number: " + std::string(text);
  return std::nullopt;
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
  std::string section;
  std::vector<std::string> seen_keys;
  int line_number = 0;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    const std::size_t end = std::min(text.find('\n', pos), text.size());
    std::string_view line = trim(strip_comment(text.substr(pos, end - pos)));
    pos = end + 1;
    ++line_number;
    if (line.empty()) continue;
    auto problem = [&](std::string key, std::string message) {
      result.problems.push_back({file_name, line_number, std::move(key), std::move(message)});
    };
    if (line.front() == '[') {
      if (line.back() != ']') { problem("", "a section header must look like [event]"); continue; }
      section = std::string(trim(line.substr(1, line.size() - 2)));
      bool known = false;
      for (const auto& spec : key_specs()) known = known || spec.section == section;
      if (!known) problem("", "unknown section [" + section + "] (known: [event], [booth], [session], [quiz])");
      continue;
    }
    const std::size_t eq = line.find('=');
    if (eq == std::string_view::npos) { problem("", "expected key = value, got: " + std::string(line)); continue; }
    const std::string name(trim(line.substr(0, eq)));
    const std::string full_key = section.empty() ? name : section + "." + name;
    const KeySpec* spec = nullptr;
    for (const auto& candidate : key_specs())
      if (candidate.section == section && candidate.name == name) spec = &candidate;
    if (!spec) {
      std::string known;
      for (const auto& candidate : key_specs())
        if (candidate.section == section) known += (known.empty() ? "" : ", ") + std::string(candidate.name);
      problem(full_key, "unknown key" + (known.empty() ? std::string(" (it is outside any known section)") : " (known in [" + section + "]: " + known + ")"));
      continue;
    }
    if (std::find(seen_keys.begin(), seen_keys.end(), full_key) != seen_keys.end()) {
      problem(full_key, "is set twice");
      continue;
    }
    seen_keys.push_back(full_key);
    std::string error;
    auto value = parse_value(trim(line.substr(eq + 1)), error);
    if (!value) { problem(full_key, error); continue; }
    if (auto wrong = spec->set(result.config, *value)) problem(full_key, *wrong);
  }
  if (result.problems.empty()) result.problems = check_config(result.config, file_name);
  cap_problems(result.problems, file_name);
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
