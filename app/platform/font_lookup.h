#pragma once
// Finds the kiosk's CJK face: an override dropped into the fonts/ folder first, otherwise
// "Noto Sans CJK SC" (Debian's fonts-noto-cjk) through fontconfig, by family, never by path.
#include <filesystem>
#include <optional>
#include <string>

#include "ui/fonts.h"

namespace openday::platform {

inline constexpr const char* kFontFamily = "Noto Sans CJK SC";

// The icons beside the words: Debian's fonts-material-design-icons-iconfont, at its fixed path.
inline constexpr const char* kIconFontPackage = "fonts-material-design-icons-iconfont";
inline constexpr const char* kIconFontPath = "/usr/share/fonts/truetype/material-design-icons-iconfont/MaterialIcons-Regular.ttf";
// kIconFontPath, or $OPENDAY_ICON_FONT when set (another copy of the font; a path to nothing
// turns the icons off). The kiosk works without the file: it draws no icons.
std::filesystem::path icon_font_path();

// The icon font (icon_font_path()) is named in the sources whether or not it is there.
// On failure returns nullopt and an error that says what was looked for and where.
std::optional<ui::FontSources> find_kiosk_fonts(const std::filesystem::path& override_dir, std::string& error);

}  // namespace openday::platform
