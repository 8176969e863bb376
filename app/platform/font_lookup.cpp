#include "platform/font_lookup.h"

#include <fontconfig/fontconfig.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <memory>
#include <vector>

namespace openday::platform {
namespace {

constexpr FcChar32 kProbeCharacter = 0x653F;  // 政: a face without it cannot show this kiosk

struct PatternDeleter {
  void operator()(FcPattern* p) const { FcPatternDestroy(p); }
};
using Pattern = std::unique_ptr<FcPattern, PatternDeleter>;

bool has_probe_character(FcPattern* pattern) {
  FcCharSet* charset = nullptr;
  return FcPatternGetCharSet(pattern, FC_CHARSET, 0, &charset) == FcResultMatch && FcCharSetHasChar(charset, kProbeCharacter);
}

bool family_matches(FcPattern* pattern, const char* family) {
  FcChar8* value = nullptr;
  for (int i = 0; FcPatternGetString(pattern, FC_FAMILY, i, &value) == FcResultMatch; ++i)
    if (std::string(reinterpret_cast<const char*>(value)) == family) return true;
  return false;
}

ui::FontFace face_of(FcPattern* pattern) {
  ui::FontFace face;
  FcChar8* file = nullptr;
  FcChar8* family = nullptr;
  int index = 0;
  if (FcPatternGetString(pattern, FC_FILE, 0, &file) == FcResultMatch) face.file = reinterpret_cast<const char*>(file);
  if (FcPatternGetInteger(pattern, FC_INDEX, 0, &index) == FcResultMatch) face.index = index;
  if (FcPatternGetString(pattern, FC_FAMILY, 0, &family) == FcResultMatch) face.family = reinterpret_cast<const char*>(family);
  return face;
}

// Asks fontconfig for the family at a weight; nullopt unless that very family answers.
std::optional<ui::FontFace> match_family(FcConfig* config, const char* family, int weight) {
  Pattern query(FcPatternCreate());
  FcPatternAddString(query.get(), FC_FAMILY, reinterpret_cast<const FcChar8*>(family));
  FcPatternAddInteger(query.get(), FC_WEIGHT, weight);
  FcConfigSubstitute(config, query.get(), FcMatchPattern);
  FcDefaultSubstitute(query.get());
  FcResult result = FcResultNoMatch;
  Pattern match(FcFontMatch(config, query.get(), &result));
  if (!match || result != FcResultMatch || !family_matches(match.get(), family) || !has_probe_character(match.get()))
    return std::nullopt;
  int matched_weight = 0;
  FcPatternGetInteger(match.get(), FC_WEIGHT, 0, &matched_weight);
  if (weight >= FC_WEIGHT_BOLD && matched_weight < FC_WEIGHT_DEMIBOLD) return std::nullopt;
  return face_of(match.get());
}

// The face inside a font file that can draw Chinese (a .ttc holds several; prefer the SC one).
std::optional<ui::FontFace> scan_override_file(const std::filesystem::path& file) {
  FcFontSet* set = FcFontSetCreate();
  int count = 0;
  FcFreeTypeQueryAll(reinterpret_cast<const FcChar8*>(file.c_str()), -1, nullptr, &count, set);
  std::optional<ui::FontFace> best;
  for (int i = 0; i < set->nfont; ++i) {
    FcPattern* face = set->fonts[i];
    if (!has_probe_character(face)) continue;
    ui::FontFace candidate = face_of(face);
    const bool simplified = candidate.family.find(" SC") != std::string::npos;
    if (!best || simplified) best = candidate;
    if (simplified) break;
  }
  FcFontSetDestroy(set);
  return best;
}

std::vector<std::filesystem::path> override_files(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    std::string extension = entry.path().extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(), [](unsigned char c) { return std::tolower(c); });
    if (entry.is_regular_file(ec) && (extension == ".ttf" || extension == ".otf" || extension == ".ttc"))
      files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

bool names_bold(const std::filesystem::path& file) {
  std::string name = file.filename().string();
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
  return name.find("bold") != std::string::npos;
}

std::optional<ui::FontSources> find_override(const std::filesystem::path& dir, std::string& error) {
  std::optional<ui::FontFace> regular, bold;
  for (const auto& file : override_files(dir)) {
    auto face = scan_override_file(file);
    if (!face) {
      error = file.string() + ": this font has no Chinese characters (no face draws U+653F 政); remove it or use a CJK font";
      return std::nullopt;
    }
    if (names_bold(file)) { if (!bold) bold = face; }
    else if (!regular) regular = face;
  }
  if (!regular && bold) regular = bold;
  if (!regular) return std::nullopt;
  return ui::FontSources{*regular, bold ? *bold : *regular, {}};
}

}  // namespace

namespace {

std::optional<ui::FontSources> look_up(const std::filesystem::path& override_dir, std::string& error) {
  if (auto sources = find_override(override_dir, error)) return sources;
  if (!error.empty()) return std::nullopt;

  FcConfig* config = FcConfigGetCurrent();
  auto regular = match_family(config, kFontFamily, FC_WEIGHT_REGULAR);
  if (!regular) {
    error = std::string("no Chinese font: fontconfig has no \"") + kFontFamily +
            "\" face (install Debian's fonts-noto-cjk), and " + override_dir.string() +
            " holds no .ttf/.otf/.ttc override";
    return std::nullopt;
  }
  auto bold = match_family(config, kFontFamily, FC_WEIGHT_BOLD);
  return ui::FontSources{*regular, bold ? *bold : *regular, {}};
}

}  // namespace

std::filesystem::path icon_font_path() {
  if (const char* path = std::getenv("OPENDAY_ICON_FONT"); path && *path) return path;
  return kIconFontPath;
}

std::optional<ui::FontSources> find_kiosk_fonts(const std::filesystem::path& override_dir, std::string& error) {
  if (!FcInit()) {
    error = "fontconfig could not be initialised, so no font can be found";
    return std::nullopt;
  }
  auto sources = look_up(override_dir, error);
  // The kiosk needs fontconfig only for this lookup; its caches would hold memory all day.
  FcFini();
  if (sources) sources->icons = ui::FontFace{icon_font_path(), 0, "Material Icons"};
  return sources;
}

}  // namespace openday::platform
