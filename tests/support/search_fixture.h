#pragma once
// A content folder for the search and topic tests (issue 14): topics.json, items whose names
// rank differently for the same initials, polyphonic characters (重庆 is read zhong by the
// table, chong by people), rare characters (氹, 犇) and a Han character with no Mandarin
// reading (㐂), which the initials skip.
#include <nlohmann/json.hpp>

#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/content/content.h"
#include "support/content_fixture.h"
#include "support/temp_dir.h"

namespace openday::testing {

inline nlohmann::json search_item(const std::string& id, const std::string& name, std::vector<std::string> topics,
                                  std::vector<std::string> keywords = {}, bool online = false) {
  nlohmann::json item = valid_department("x")["approval_items"][0];
  item["id"] = id;
  item["name"] = name;
  item["topics"] = topics;
  if (!keywords.empty()) item["keywords"] = keywords;
  if (!online) item["online"] = {{"available", false}};
  return item;
}

inline nlohmann::json search_topics() {
  return {{"topics",
           {{{"id", "shehui-baozhang"}, {"name", "社会保障"}, {"colour", "#2E7D32"}},
            {{"id", "huji-banli"}, {"name", "户籍办理"}, {"colour", "#3F51B5"}},
            {{"id", "qita"}, {"name", "其他"}, {"colour", "#757575"}}}}};
}

// Department minzheng (民政局): 低保 (whole name of DB), 低保金申请 (start; DBJ), 城乡低保复核
// (inside), 最低生活保障审批 (keyword 低保户 only). Department dongbei (东北办事处, initials DB):
// 档案查阅, found for DB only by its department. Department gongan: 重庆籍户口迁入 with keyword
// CQ, 氹仔犇牛证明 (rare characters), 㐂字事项 (a character without a reading).
inline void write_search_content(const std::filesystem::path& dir) {
  write_json(dir / "event.json", valid_event());
  write_json(dir / "topics.json", search_topics());
  nlohmann::json minzheng = valid_department("minzheng");
  minzheng["name"] = "测试县民政局";
  minzheng["short_name"] = "民政局";
  minzheng["approval_items"] = {
      search_item("mz-chengxiang", "城乡低保复核", {"shehui-baozhang"}),
      search_item("mz-zuidi", "最低生活保障审批", {"shehui-baozhang"}, {"低保户", "救助金"}, true),
      search_item("mz-dibaojin", "低保金申请", {"shehui-baozhang"}, {}, true),
      search_item("mz-dibao", "低保", {"shehui-baozhang", "qita"}),
  };
  write_json(dir / "departments" / "minzheng.json", minzheng);
  nlohmann::json dongbei = valid_department("dongbei");
  dongbei["name"] = "东北办事处";
  dongbei["short_name"] = "东北办";
  dongbei["approval_items"] = {search_item("db-dangan", "档案查阅", {"qita"})};
  write_json(dir / "departments" / "dongbei.json", dongbei);
  nlohmann::json gongan = valid_department("gongan");
  gongan["name"] = "测试县公安局";
  gongan["short_name"] = "公安局";
  gongan["approval_items"] = {
      search_item("ga-chongqing", "重庆籍户口迁入", {"huji-banli"}, {"CQ", "落户"}),
      search_item("ga-dang", "氹仔犇牛证明", {"huji-banli"}),
      search_item("ga-noreading", "㐂字事项", {"qita"}),
  };
  write_json(dir / "departments" / "gongan.json", gongan);
}

// That content, loaded once per test program (the search and handwriting UI tests share it).
inline std::shared_ptr<const Content> search_fixture_content() {
  static const std::shared_ptr<const Content> content = [] {
    TempDir dir;
    write_search_content(dir.path());
    ContentLoad load = load_content(dir.path());
    if (!load.content) throw std::runtime_error(load.problems.front().to_string());
    return std::make_shared<const Content>(std::move(*load.content));
  }();
  return content;
}

}  // namespace openday::testing
