#include "core/paths.h"

#include <cstdlib>

namespace openday {

std::filesystem::path default_assets_dir() { return OPENDAY_ASSETS_DIR; }
std::filesystem::path default_content_dir() { return default_assets_dir() / "content"; }
std::filesystem::path default_config_file() { return default_assets_dir() / "openday.toml"; }
std::filesystem::path default_quiz_file() { return default_assets_dir() / "quiz" / "questions.json"; }
std::filesystem::path default_fonts_dir() { return OPENDAY_FONTS_DIR; }

std::filesystem::path default_database_file() {
  std::filesystem::path data_home;
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg == '/') data_home = xdg;
  else if (const char* home = std::getenv("HOME"); home && *home) data_home = std::filesystem::path(home) / ".local" / "share";
  else data_home = std::filesystem::temp_directory_path();
  return data_home / "openday" / "openday.db";
}

std::filesystem::path default_export_dir() {
  if (const char* home = std::getenv("HOME"); home && *home) return std::filesystem::path(home) / "openday-exports";
  return std::filesystem::temp_directory_path() / "openday-exports";
}

}  // namespace openday
