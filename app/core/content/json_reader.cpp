#include "core/content/json_reader.h"

#include <cstdio>
#include <fstream>
#include <sstream>

#include "core/util/utf8.h"

namespace openday {
namespace {

using nlohmann::json;

// 1-based line and column (in characters) of a byte offset.
std::pair<int, int> line_and_column(std::string_view text, std::size_t byte) {
  int line = 1, column = 1;
  std::size_t pos = 0;
  byte = std::min(byte, text.size());
  while (pos < byte) {
    if (text[pos] == '\n') {
      ++line;
      column = 1;
      ++pos;
      continue;
    }
    char32_t c = 0;
    const std::size_t length = decode_code_point(text, pos, c);
    pos += length == 0 ? 1 : length;
    ++column;
  }
  return {line, column};
}

std::string type_name(const json& value) {
  switch (value.type()) {
    case json::value_t::null: return "null";
    case json::value_t::boolean: return "true/false";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned: return "a whole number";
    case json::value_t::number_float: return "a number";
    case json::value_t::string: return "a text";
    case json::value_t::array: return "a list";
    case json::value_t::object: return "an object";
    default: return "something else";
  }
}

struct DepthExceeded {};
struct DuplicateKey {
  std::string key;
};

// Where the parser is, as a JSON path: the parser's callback reports keys and the start of
// every value, so when the library throws in the middle of a value (a number out of range)
// the path still names it.
class PathTracker {
 public:
  void on_event(json::parse_event_t event, const json& parsed) {
    switch (event) {
      case json::parse_event_t::object_start:
        enter_value();
        frames_.push_back({false, 0, {}});
        break;
      case json::parse_event_t::array_start:
        enter_value();
        frames_.push_back({true, 0, {}});
        break;
      case json::parse_event_t::object_end:
      case json::parse_event_t::array_end:
        if (!frames_.empty()) frames_.pop_back();
        break;
      case json::parse_event_t::key:
        if (!frames_.empty() && parsed.is_string()) frames_.back().key = parsed.get_ref<const std::string&>();
        break;
      case json::parse_event_t::value:
        enter_value();
        break;
    }
  }
  // The path of the value being read when parsing stopped.
  std::string current() const {
    std::string path = "$";
    for (std::size_t i = 0; i < frames_.size(); ++i) {
      const Frame& frame = frames_[i];
      if (!frame.array) {
        path += "." + frame.key;
        continue;
      }
      // In the innermost list the failing element has not been counted yet; in outer lists
      // the element being read already has.
      const std::size_t index = i + 1 == frames_.size() ? frame.count : frame.count - 1;
      path += "[" + std::to_string(index) + "]";
    }
    return path;
  }

 private:
  struct Frame {
    bool array;
    std::size_t count;  // elements of a list started so far
    std::string key;    // the key last read in an object
  };
  void enter_value() {
    if (!frames_.empty() && frames_.back().array) ++frames_.back().count;
  }
  std::vector<Frame> frames_;
};

// nlohmann's message without its "[json.exception.out_of_range.406] " prefix.
std::string library_message(const json::exception& error) {
  std::string message = error.what();
  if (message.starts_with("[json.exception.")) {
    if (const auto end = message.find("] "); end != std::string::npos) message = message.substr(end + 2);
  }
  return message;
}

}  // namespace

std::string JsonProblem::to_string() const {
  std::string out = file.string();
  if (line > 0) out += ":" + std::to_string(line) + ":" + std::to_string(column);
  out += ": ";
  if (!path.empty()) out += path + ": ";
  return out + message;
}

std::optional<json> parse_json_text(std::string_view text, const std::filesystem::path& file, JsonProblems& problems,
                                    const JsonLimits& limits) {
  if (text.size() > limits.max_file_bytes) {
    problems.push_back({file, 0, 0, "", "the file is " + std::to_string(text.size()) + " bytes, more than the " +
                                            std::to_string(limits.max_file_bytes) + " a content file may have"});
    return std::nullopt;
  }
  if (auto bad = first_invalid_utf8(text)) {
    const auto [line, column] = line_and_column(text, *bad);
    problems.push_back({file, line, column, "", "invalid UTF-8 (save the file as UTF-8)"});
    return std::nullopt;
  }
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // a BOM from Windows editors is harmless
  std::vector<std::set<std::string>> keys_per_object;
  PathTracker where;
  auto callback = [&](int depth, json::parse_event_t event, json& parsed) {
    where.on_event(event, parsed);
    if (depth > limits.max_depth) throw DepthExceeded{};
    if (event == json::parse_event_t::object_start) keys_per_object.emplace_back();
    if (event == json::parse_event_t::object_end && !keys_per_object.empty()) keys_per_object.pop_back();
    if (event == json::parse_event_t::key && !keys_per_object.empty()) {
      const std::string key = parsed.get<std::string>();
      if (!keys_per_object.back().insert(key).second) throw DuplicateKey{key};
    }
    return true;
  };
  try {
    return json::parse(text.begin(), text.end(), callback);
  } catch (const json::parse_error& error) {
    const auto [line, column] = line_and_column(text, error.byte == 0 ? 0 : error.byte - 1);
    std::string message = error.what();
    // nlohmann's text repeats the position; keep only what went wrong.
    if (auto at = message.find(": "); at != std::string::npos && message.find("parse error") != std::string::npos)
      message = message.substr(at + 2);
    problems.push_back({file, line, column, "", "malformed JSON: " + message});
  } catch (const DepthExceeded&) {
    problems.push_back({file, 0, 0, "", "nesting deeper than " + std::to_string(limits.max_depth) + " levels"});
  } catch (const DuplicateKey& duplicate) {
    problems.push_back({file, 0, 0, "", "the key \"" + duplicate.key + "\" appears twice in one object"});
  } catch (const json::out_of_range& error) {
    // A number no double can hold (1e999): the library stops parsing there.
    problems.push_back({file, 0, 0, where.current(), "is a number out of range (" + library_message(error) + ")"});
  } catch (const json::exception& error) {
    // Whatever else the library may raise: a problem with the file, never an abort.
    problems.push_back({file, 0, 0, where.current(), "cannot be read: " + library_message(error)});
  }
  return std::nullopt;
}

std::optional<json> parse_json_file(const std::filesystem::path& file, JsonProblems& problems, const JsonLimits& limits) {
  std::error_code ec;
  if (std::filesystem::exists(file, ec) && !std::filesystem::is_regular_file(file, ec)) {
    problems.push_back({file, 0, 0, "", "is not a regular file (a folder, a device or a pipe cannot be content)"});
    return std::nullopt;
  }
  const auto size = std::filesystem::file_size(file, ec);
  if (ec) {
    problems.push_back({file, 0, 0, "", "cannot read the file: " + ec.message()});
    return std::nullopt;
  }
  if (size > limits.max_file_bytes) {
    problems.push_back({file, 0, 0, "", "the file is " + std::to_string(size) + " bytes, more than the " +
                                            std::to_string(limits.max_file_bytes) + " a content file may have"});
    return std::nullopt;
  }
  std::ifstream in(file, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (!in && !in.eof()) {
    problems.push_back({file, 0, 0, "", "cannot read the file"});
    return std::nullopt;
  }
  return parse_json_text(buffer.str(), file, problems, limits);
}

namespace {

std::string code_point_name(char32_t c) {
  char hex[16];
  std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(c));
  return hex;
}

// Zero-width spaces and joiners, direction marks, embeddings, overrides and isolates, the word
// joiner family and the byte order mark: invisible in a text editor, so pasted in unnoticed, and
// a right-to-left override (U+202E) reverses what follows on screen.
bool is_invisible_control(char32_t c) {
  return (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2060 && c <= 0x2064) ||
         (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF;
}

}  // namespace

std::string check_text(std::string_view text, const TextRule& rule) {
  if (text.empty()) return "must not be empty";
  const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  if (is_space(text.front()) || is_space(text.back())) return "has spaces at its start or end";
  std::size_t chars = 0;
  std::string problem;
  for_each_code_point(text, [&](char32_t c) {
    ++chars;
    if (!problem.empty()) return;
    if (c == '\n' && rule.multiline) return;
    if (c == 0xFFFD) {
      problem = "contains U+FFFD, the mark of text that was damaged on its way into this file; retype it";
    } else if (c < 0x20 || (c >= 0x7F && c < 0xA0)) {
      problem = "contains a control character (U+" + std::to_string(static_cast<unsigned>(c)) + ")";
    } else if ((c >= 0xFDD0 && c <= 0xFDEF) || c == 0xFFFE || c == 0xFFFF) {
      problem = "contains " + code_point_name(c) + ", which is not a character (text damaged on its way into this file); retype it";
    } else if (is_invisible_control(c)) {
      problem = "contains the invisible character " + code_point_name(c) +
                " (a zero-width or text-direction mark), which shows as '?' or reorders the text; delete it";
    } else if (c > 0xFFFF) {
      char hex[16];
      std::snprintf(hex, sizeof hex, "U+%X", static_cast<unsigned>(c));
      problem = std::string("contains the character ") + hex +
                ", which the kiosk cannot show (only characters up to U+FFFF); use a common variant";
    }
  });
  if (!problem.empty()) return problem;
  if (chars > rule.max_chars)
    return "is " + std::to_string(chars) + " characters long, more than " + std::to_string(rule.max_chars);
  return {};
}

ObjectReader::ObjectReader(const json& value, std::string path, const std::filesystem::path& file, JsonProblems& problems)
    : path_(std::move(path)), file_(file), problems_(problems) {
  if (value.is_object()) object_ = &value;
  else problems_.push_back({file_, 0, 0, path_, "must be an object { ... }, found " + type_name(value)});
}

void ObjectReader::problem(std::string_view key, std::string message) {
  problems_.push_back({file_, 0, 0, key.empty() ? path_ : child_path(key), std::move(message)});
}

bool ObjectReader::has(std::string_view key) const { return object_ && object_->contains(key); }

const json* ObjectReader::field(std::string_view key, bool required) {
  if (!object_) return nullptr;
  read_.emplace(key);
  const auto found = object_->find(key);
  if (found == object_->end()) {
    if (required) problem(key, "is missing");
    return nullptr;
  }
  return &*found;
}

std::string ObjectReader::text(std::string_view key, TextRule rule) {
  const json* value = field(key, true);
  if (!value) return {};
  if (!value->is_string()) {
    problem(key, "must be a text in \"quotes\", found " + type_name(*value));
    return {};
  }
  const auto& text = value->get_ref<const std::string&>();
  if (auto wrong = check_text(text, rule); !wrong.empty()) {
    problem(key, wrong);
    return {};
  }
  return text;
}

std::optional<std::string> ObjectReader::optional_text(std::string_view key, TextRule rule) {
  if (!has(key)) {
    read_.emplace(key);
    return std::nullopt;
  }
  std::string value = text(key, rule);
  if (value.empty()) return std::nullopt;
  return value;
}

std::optional<long long> ObjectReader::integer(std::string_view key, long long min, long long max) {
  const json* value = field(key, true);
  if (!value) return std::nullopt;
  if (!value->is_number_integer()) {
    problem(key, "must be a whole number, found " + type_name(*value));
    return std::nullopt;
  }
  // Above the largest long long the library keeps an unsigned number: report it as written,
  // not as what it wraps to.
  if (value->is_number_unsigned() && (max < 0 || value->get<unsigned long long>() > static_cast<unsigned long long>(max))) {
    problem(key, "must be between " + std::to_string(min) + " and " + std::to_string(max) + ", found " + value->dump());
    return std::nullopt;
  }
  const long long number = value->get<long long>();
  if (number < min || number > max) {
    problem(key, "must be between " + std::to_string(min) + " and " + std::to_string(max) + ", found " + std::to_string(number));
    return std::nullopt;
  }
  return number;
}

std::optional<bool> ObjectReader::boolean(std::string_view key) {
  const json* value = field(key, true);
  if (!value) return std::nullopt;
  if (!value->is_boolean()) {
    problem(key, "must be true or false, found " + type_name(*value));
    return std::nullopt;
  }
  return value->get<bool>();
}

std::optional<bool> ObjectReader::optional_boolean(std::string_view key) {
  if (!has(key)) {
    read_.emplace(key);
    return std::nullopt;
  }
  return boolean(key);
}

const json* ObjectReader::array(std::string_view key, std::size_t min_items, std::size_t max_items) {
  const json* value = field(key, true);
  if (!value) return nullptr;
  if (!value->is_array()) {
    problem(key, "must be a list [ ... ], found " + type_name(*value));
    return nullptr;
  }
  if (value->size() < min_items) {
    problem(key, "must have at least " + std::to_string(min_items) + (min_items == 1 ? " entry" : " entries"));
    return nullptr;
  }
  if (value->size() > max_items) {
    problem(key, "has " + std::to_string(value->size()) + " entries, more than " + std::to_string(max_items));
    return nullptr;
  }
  return value;
}

const json* ObjectReader::optional_array(std::string_view key, std::size_t min_items, std::size_t max_items) {
  if (!has(key)) {
    read_.emplace(key);
    return nullptr;
  }
  return array(key, min_items, max_items);
}

const json* ObjectReader::object(std::string_view key) {
  const json* value = field(key, true);
  if (value && !value->is_object()) {
    problem(key, "must be an object { ... }, found " + type_name(*value));
    return nullptr;
  }
  return value;
}

void ObjectReader::finish() {
  if (!object_) return;
  for (const auto& [key, value] : object_->items()) {
    if (read_.find(key) != read_.end()) continue;
    std::string known;
    for (const auto& name : read_) known += (known.empty() ? "" : ", ") + name;
    problem(key, "is not a known field here (known: " + known + ")");
  }
}

std::string array_text(const json& value, const std::string& path, const std::filesystem::path& file, JsonProblems& problems,
                       TextRule rule) {
  if (!value.is_string()) {
    problems.push_back({file, 0, 0, path, "must be a text in \"quotes\", found " + type_name(value)});
    return {};
  }
  const auto& text = value.get_ref<const std::string&>();
  if (auto wrong = check_text(text, rule); !wrong.empty()) {
    problems.push_back({file, 0, 0, path, wrong});
    return {};
  }
  return text;
}

}  // namespace openday
