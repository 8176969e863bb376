#include "core/util/paths.h"

#include <cstdlib>
#include <system_error>

namespace openday {
namespace {

// The folder the running binary lives in, from /proc/self/exe; empty if it cannot be read.
std::filesystem::path executable_dir() {
  std::error_code error;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", error);
  if (error) return {};
  return exe.parent_path();
}

bool folder_exists(const std::filesystem::path& path) {
  std::error_code error;
  return !path.empty() && std::filesystem::is_directory(path, error);
}

bool file_exists(const std::filesystem::path& path) {
  std::error_code error;
  return !path.empty() && std::filesystem::is_regular_file(path, error);
}

}  // namespace

std::filesystem::path installed_share_dir(const std::filesystem::path& binary_dir) {
  if (binary_dir.empty()) return {};
  return (binary_dir / ".." / "share" / "openday").lexically_normal();
}

std::filesystem::path installed_config_file(const std::filesystem::path& binary_dir) {
  if (binary_dir.empty()) return {};
  // <prefix>/bin/openday with prefix /usr reads /etc; an unpacked package root keeps its own etc.
  return (binary_dir / ".." / ".." / "etc" / "openday" / "openday.toml").lexically_normal();
}

// An installed binary (bin/openday beside share/openday) uses its own share folder; the build
// tree has none and keeps the source tree's folders, baked in by CMake for developers.
std::filesystem::path default_assets_dir() {
  const auto share = installed_share_dir(executable_dir());
  if (folder_exists(share / "content")) return share;
  return OPENDAY_ASSETS_DIR;
}
std::filesystem::path default_content_dir() { return default_assets_dir() / "content"; }

// Installed: the administrator's /etc/openday/openday.toml (a conffile), else the shipped copy.
std::filesystem::path default_config_file() {
  const auto binary_dir = executable_dir();
  if (folder_exists(installed_share_dir(binary_dir) / "content")) {
    if (const auto etc = installed_config_file(binary_dir); file_exists(etc)) return etc;
  }
  return default_assets_dir() / "openday.toml";
}
std::filesystem::path default_quiz_file() { return default_assets_dir() / "quiz" / "questions.json"; }

std::filesystem::path default_fonts_dir() {
  const auto share = installed_share_dir(executable_dir());
  if (folder_exists(share / "content")) return share / "fonts";
  return OPENDAY_FONTS_DIR;
}

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
