#pragma once
// A short fingerprint of a content folder and its quiz bank, so that the desk's board can show
// which devices run other content than the desk ("a1b2c3d4e5f6"; "" when unreadable).
#include <filesystem>
#include <string>

namespace openday {

std::string content_version(const std::filesystem::path& content_dir, const std::filesystem::path& quiz_file);

}  // namespace openday
