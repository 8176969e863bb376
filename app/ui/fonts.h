#pragma once
// The font atlas: one CJK face, baked only for the characters the kiosk will actually draw,
// at each size a type style uses (Dear ImGui 1.86 bakes each size separately).
#include <imgui.h>

#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/util/mapped_file.h"
#include "core/content/ui_text.h"
#include "ui/atlas_cache.h"
#include "ui/theme.h"

namespace openday::ui {

struct FontFace {
  std::filesystem::path file;
  int index = 0;  // face index inside a .ttc collection
  std::string family;
};

// Where the glyphs come from; found by the platform layer (fontconfig or the fonts/ folder).
struct FontSources {
  FontFace regular;
  FontFace bold;  // may equal regular when no bold face exists
  // The icon font merged into every bake (ui/icons.h); no file, or one that cannot be read:
  // no icons, and the words stand alone.
  FontFace icons{};
};

enum class FontRole {
  Body,     // running text
  Heading,  // buttons and titles
  Display,  // the largest words of the attract and home screens
  Hero,     // the event title on the attract screen only
};

// The text each bake must be able to draw. Adding a string at a style adds it to that style's
// bake and to every smaller one, so a title can also be quoted in running text.
class GlyphTexts {
 public:
  void add(TextStyle style, std::string_view text);
  // Text drawn at the hero size (and, like every string, in body text too).
  void add_hero(std::string_view text);
  // Text some code drew in this role although nothing declared it there (see TextAudit).
  void add_for_role(FontRole role, std::string_view text);
  // Everything another set holds, each text in the same bakes.
  void add_all(const GlyphTexts& other);
  const std::string& body() const { return body_; }
  const std::string& hero() const { return hero_; }
  const std::string& heading() const { return heading_; }
  const std::string& display() const { return display_; }

 private:
  std::string body_, heading_, display_, hero_;
};

// Every string of the UI table, at its declared style.
GlyphTexts glyph_texts_for_ui_table();

struct FontAtlasStats {
  int width = 0;
  int height = 0;
  int glyphs = 0;  // summed over all bakes
  double build_ms = 0;
  bool from_cache = false;
  // Below 1 when the glyphs had to be rasterised smaller (and drawn magnified) to fit the
  // largest texture the GPU takes.
  float downscale = 1.0f;
  bool icons = false;  // the icon font was merged in
};

// What bounds a bake besides the text: the GPU and the text size in use.
struct AtlasOptions {
  int max_texture_size = 4096;  // GL_MAX_TEXTURE_SIZE, or less for tests
  // The 大字 sizes are baked only while large text is on: they are the biggest bakes.
  bool large_text = true;
  const AtlasCache* cache = nullptr;  // none: always bake
};

class FontSet {
 public:
  // Clears the atlas and bakes Body, Heading, Display, Hero and (with options.large_text) the
  // large-text Body and Heading, or restores the same from the cache. The texture never grows
  // beyond options.max_texture_size: the glyphs are rasterised smaller instead.
  // Returns false with a message naming the face file when the face cannot be loaded.
  bool build(ImFontAtlas& atlas, const FontSources& sources, const Metrics& metrics, const GlyphTexts& texts,
             const AtlasOptions& options, std::string& error);
  // Bakes into options.cache what build() with the same arguments would restore, unless the
  // cache holds it already (baked tells which). The atlas is the caller's scratch one, cleared
  // after use; this set's fonts are not changed for drawing. False with a message when the
  // bake fails.
  bool warm_cache(ImFontAtlas& scratch, const FontSources& sources, const Metrics& metrics, const GlyphTexts& texts,
                  const AtlasOptions& options, bool& baked, std::string& error);
  // The large-text faces are the normal ones until a bake with large_text includes them.
  ImFont* font(FontRole role, bool large_text) const;
  bool has_large_text() const { return fonts_[BodyLarge] != nullptr; }
  // The role a font of this set is baked for; nullopt for any other font.
  std::optional<FontRole> role_of(const ImFont* font) const;
  const FontAtlasStats& stats() const { return stats_; }
  bool built() const { return fonts_[0] != nullptr; }
  // Whether the last bake (or the restored one) holds the icon glyphs.
  bool has_icons() const { return stats_.icons; }

 private:
  enum Bake { BodyNormal, BodyLarge, HeadingNormal, HeadingLarge, DisplayNormal, HeroNormal, BakeCount };
  struct BakeSpec;
  // The bakes and the cache key for these texts and options (fills ranges_).
  std::vector<BakeSpec> plan(const FontSources& sources, const Metrics& metrics, const GlyphTexts& texts, const AtlasOptions& options,
                             AtlasKey& key);
  bool bake_and_store(ImFontAtlas& atlas, const FontSources& sources, const std::vector<BakeSpec>& specs, const AtlasOptions& options,
                      std::uint64_t key, std::string& error);
  bool bake(ImFontAtlas& atlas, const FontSources& sources, const std::vector<BakeSpec>& specs, const AtlasOptions& options,
            std::string& error);
  // Merges the icons (icon_ranges_) into the font added last, at that font's size.
  void merge_icons(ImFontAtlas& atlas, float size_px);
  std::array<ImFont*, BakeCount> fonts_{};
  std::array<ImVector<ImWchar>, BakeCount> ranges_;  // must outlive the atlas build
  ImVector<ImWchar> icon_ranges_;        // the icons' code points, for every bake
  MappedFile regular_data_, bold_data_;  // mapped only while a build runs
  MappedFile icon_data_;
  std::filesystem::path mapped_regular_, mapped_bold_;
  FontAtlasStats stats_;
};

}  // namespace openday::ui
