#pragma once
// Writes content folders for tests: a valid one to start from, which a test then breaks in one
// particular way, or fills with long and odd text.
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include "core/content/json_reader.h"

namespace openday::testing {

// Every problem on its own line, for failure messages and substring checks.
inline std::string all(const JsonProblems& problems) {
  std::string out;
  for (const auto& p : problems) out += p.to_string() + "\n";
  return out;
}

inline nlohmann::json valid_event() {
  return {{"county", "测试县"}, {"title", "政务公开日"}, {"date", "2026-05-15"}, {"place", "县政府广场"}, {"hotline", "0000-12345"}};
}

inline nlohmann::json valid_department(const std::string& id) {
  nlohmann::json published = {{"date", "2026-04-01"}, {"source", "测试县政府网站"}};
  nlohmann::json item = {
      {"id", id + "-item"},
      {"name", "测试事项"},
      {"kind", "行政许可"},
      {"legal_basis", "《测试条例》第一条"},
      {"conditions", {"条件一"}},
      {"materials", {{{"name", "身份证"}, {"original", true}, {"copies", 1}}}},
      {"statutory_days", 20},
      {"promised_days", 5},
      {"fee", "不收费"},
      {"where", "一号窗口"},
      {"online", {{"available", true}, {"url", "https://zwfw.example.com/item/" + id}}},
      {"contact", "0000-1111111"},
      {"published", published}};
  return {{"id", id},
          {"name", "测试县" + id + "局"},
          {"short_name", "测试局"},
          {"category", "综合服务"},
          {"address", "测试路1号"},
          {"office_hours", "周一至周五"},
          {"phone", "0000-1111111"},
          {"service_window", "一号窗口"},
          {"introduction", "一个用于测试的部门。"},
          {"duties", {{"published", published}, {"paragraphs", {"职责一。", "职责二。"}}}},
          {"approval_items", {item}},
          {"fees", {{"items", nlohmann::json::array()}, {"no_fee_statement", "本部门无行政事业性收费项目。"}}}};
}

inline void write_text(const std::filesystem::path& file, const std::string& text) {
  std::filesystem::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << text;
}

inline void write_json(const std::filesystem::path& file, const nlohmann::json& value) { write_text(file, value.dump(2)); }

// A valid folder with the given department ids.
inline void write_valid_content(const std::filesystem::path& dir, std::initializer_list<const char*> ids = {"alpha", "beta"}) {
  write_json(dir / "event.json", valid_event());
  for (const char* id : ids) write_json(dir / "departments" / (std::string(id) + ".json"), valid_department(id));
}

}  // namespace openday::testing
