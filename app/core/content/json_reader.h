#pragma once
// Reading hand-edited JSON files with every problem reported, not only the first: each names the
// file, the JSON path ($.approval_items[1].name) or the line and column, and what is wrong.
// Shared by the content and the quiz bank loaders.
#include <nlohmann/json.hpp>

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace openday {

struct JsonProblem {
  std::filesystem::path file;
  int line = 0;  // 1-based, for syntax errors; 0 otherwise
  int column = 0;
  std::string path;  // $.a.b[2], empty for whole-file problems
  std::string message;
  std::string to_string() const;
};

using JsonProblems = std::vector<JsonProblem>;

struct JsonLimits {
  std::size_t max_file_bytes = 1 << 20;  // a department's file is a few kB; 1 MB is absurd
  int max_depth = 12;
};

// Parses a file: too large, invalid UTF-8 (with line and column), syntax errors (with line and
// column), nesting too deep and duplicate keys are problems. nullopt when it cannot be used.
std::optional<nlohmann::json> parse_json_file(const std::filesystem::path& file, JsonProblems& problems,
                                              const JsonLimits& limits = {});
std::optional<nlohmann::json> parse_json_text(std::string_view text, const std::filesystem::path& file,
                                              JsonProblems& problems, const JsonLimits& limits = {});

struct TextRule {
  std::size_t max_chars = 200;
  bool multiline = false;  // allows \n
};

// Reads the fields of one JSON object, recording a problem for each missing, mistyped or
// invalid field, and (at finish()) for each key it was not asked about.
class ObjectReader {
 public:
  ObjectReader(const nlohmann::json& value, std::string path, const std::filesystem::path& file, JsonProblems& problems);
  bool valid() const { return object_ != nullptr; }

  std::string text(std::string_view key, TextRule rule = {});
  std::optional<std::string> optional_text(std::string_view key, TextRule rule = {});
  std::optional<long long> integer(std::string_view key, long long min, long long max);
  std::optional<bool> boolean(std::string_view key);
  std::optional<bool> optional_boolean(std::string_view key);
  // The array at key, if it is one with min..max items.
  const nlohmann::json* array(std::string_view key, std::size_t min_items, std::size_t max_items);
  // The same, where a missing key is no problem (nullptr).
  const nlohmann::json* optional_array(std::string_view key, std::size_t min_items, std::size_t max_items);
  const nlohmann::json* object(std::string_view key);
  bool has(std::string_view key) const;
  std::string child_path(std::string_view key) const { return path_ + "." + std::string(key); }
  void problem(std::string_view key, std::string message);
  void finish();  // reports unknown keys

 private:
  const nlohmann::json* field(std::string_view key, bool required);
  const nlohmann::json* object_ = nullptr;
  std::string path_;
  const std::filesystem::path& file_;
  JsonProblems& problems_;
  std::set<std::string, std::less<>> read_;
};

// Checks a text value: non-empty, no surrounding spaces, no control characters, within the
// length, and only characters the kiosk can draw (up to U+FFFF). Returns the problem or "".
std::string check_text(std::string_view text, const TextRule& rule);

// Reads a string element of an array (e.g. one duty paragraph).
std::string array_text(const nlohmann::json& value, const std::string& path, const std::filesystem::path& file,
                       JsonProblems& problems, TextRule rule = {});

}  // namespace openday
