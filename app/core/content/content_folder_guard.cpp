#include "core/content/content_folder_guard.h"

#include <system_error>

namespace openday {
namespace {

namespace fs = std::filesystem;

bool is_real(const fs::path& path, fs::file_type type) {
  std::error_code ec;
  return fs::symlink_status(path, ec).type() == type;
}

// "" when every entry of departments/ is a regular .json file, else the first that is not.
std::string foreign_department_entry(const fs::path& departments) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(departments, ec))
    if (entry.path().extension() != ".json" || !is_real(entry.path(), fs::file_type::regular)) return entry.path().string();
  return ec ? departments.string() : "";
}

std::string foreign_entry(const fs::path& out_dir) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(out_dir, ec)) {
    const auto name = entry.path().filename();
    if ((name == "event.json" || name == "topics.json") && is_real(entry.path(), fs::file_type::regular)) continue;
    if (name == "departments" && is_real(entry.path(), fs::file_type::directory)) {
      if (auto inside = foreign_department_entry(entry.path()); !inside.empty()) return inside;
      continue;
    }
    return entry.path().string();
  }
  return ec ? out_dir.string() : "";
}

bool is_empty_folder(const fs::path& dir) {
  std::error_code ec;
  return fs::directory_iterator(dir, ec) == fs::directory_iterator() && !ec;
}

}  // namespace

std::string content_folder_replace_problem(const fs::path& out_dir) {
  std::error_code ec;
  const auto status = fs::symlink_status(out_dir, ec);
  if (status.type() == fs::file_type::not_found) return "";
  if (ec) return "无法检查：" + ec.message();
  if (status.type() == fs::file_type::symlink) return std::string("是符号链接，不是内容文件夹；") + kReplaceableContentRule;
  if (status.type() != fs::file_type::directory) return std::string("不是文件夹；") + kReplaceableContentRule;
  if (is_empty_folder(out_dir)) return "";
  if (!is_real(out_dir / "event.json", fs::file_type::regular) || !is_real(out_dir / "departments", fs::file_type::directory))
    return std::string("缺少 event.json 或 departments/，不像内容文件夹；") + kReplaceableContentRule;
  if (const auto foreign = foreign_entry(out_dir); !foreign.empty())
    return "其中有不属于内容文件夹的 " + foreign + "；" + kReplaceableContentRule;
  return "";
}

}  // namespace openday
