#pragma once
// Content with long and odd text: a 60-character name, 200 approval items, a 200-row fee list,
// rare characters the font has, long unbroken Latin text.
#include "support/content_fixture.h"

namespace openday::testing {

inline void write_odd_content(const std::filesystem::path& dir) {
  write_json(dir / "event.json", valid_event());
  auto d = valid_department("odd");
  std::string long_name = "测试县";
  while (long_name.size() < 3 * 58) long_name += "鬯彧亳圳嫚";  // rare but in Noto Sans CJK SC
  d["name"] = long_name.substr(0, 3 * 58);
  d["introduction"] = "超长英文地址：https://zwfw.example.com/a/very/long/path/without/any/break/points/at/all/0123456789abcdef";
  nlohmann::json items = nlohmann::json::array();
  nlohmann::json fees = nlohmann::json::array();
  for (int i = 0; i < 200; ++i) {
    auto item = d["approval_items"][0];
    item["id"] = "odd-item-" + std::to_string(i);
    item["name"] = "第" + std::to_string(i + 1) + "项审批事项：关于鬯彧亳圳嫚的名称很长很长的行政许可事项";
    items.push_back(item);
    fees.push_back({{"name", "收费项目" + std::to_string(i + 1)},
                    {"amount", std::to_string(i) + ".5"},
                    {"unit", "元/件"},
                    {"legal_basis", "《关于收费标准的通知》"},
                    {"document_number", "测价〔2026〕" + std::to_string(i) + "号"},
                    {"published", {{"date", "2026-04-01"}, {"source", "测试县政府网站"}}}});
  }
  d["approval_items"] = items;
  d["fees"] = {{"items", fees}};
  write_json(dir / "departments/odd.json", d);
}

}  // namespace openday::testing
