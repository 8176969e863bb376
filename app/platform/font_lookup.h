#pragma once
// Finds the kiosk's CJK face: an override dropped into the fonts/ folder first, otherwise
// "Noto Sans CJK SC" (Debian's fonts-noto-cjk) through fontconfig, by family, never by path.
#include <filesystem>
#include <optional>
#include <string>

#include "ui/fonts.h"

namespace openday::platform {

inline constexpr const char* kFontFamily = "Noto Sans CJK SC";

// On failure returns nullopt and an error that says what was looked for and where.
std::optional<ui::FontSources> find_kiosk_fonts(const std::filesystem::path& override_dir, std::string& error);

}  // namespace openday::platform
