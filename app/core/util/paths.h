#pragma once
// Default locations: the shipped assets and the per-user data directory (XDG).
#include <filesystem>

namespace openday {

// Where an installed binary in <binary_dir> finds its assets: <binary_dir>/../share/openday.
std::filesystem::path installed_share_dir(const std::filesystem::path& binary_dir);
// Where an installed binary in <binary_dir> finds the administrator's config:
// <binary_dir>/../../etc/openday/openday.toml (/usr/bin -> /etc/openday/openday.toml).
std::filesystem::path installed_config_file(const std::filesystem::path& binary_dir);

std::filesystem::path default_assets_dir();
std::filesystem::path default_content_dir();
std::filesystem::path default_config_file();
std::filesystem::path default_quiz_file();
std::filesystem::path default_fonts_dir();
// $XDG_DATA_HOME/openday/openday.db, or ~/.local/share/openday/openday.db.
std::filesystem::path default_database_file();
// Where staff exports go when no USB stick is plugged in: ~/openday-exports.
std::filesystem::path default_export_dir();

}  // namespace openday
