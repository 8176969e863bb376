#include "ui/fonts.h"

#include <imgui_internal.h>

#include <bit>
#include <chrono>
#include <cmath>

#include "ui/icons.h"

namespace openday::ui {
namespace {

// Printable ASCII is always baked: numbers, codes and dates are formatted at run time. So is
// U+FFFD, which ImGui then draws for any character that was not baked: a visible mark that
// tests look for, never a silent '?'. And U+2026 "…", which ends a title cut to fit.
constexpr std::string_view kAlwaysBaked =
    " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\xEF\xBF\xBD\xE2\x80\xA6";

bool map_face(const FontFace& face, std::filesystem::path& mapped_path, MappedFile& data, std::string& error) {
  if (!data.empty() && mapped_path == face.file) return true;
  std::string map_error;
  data = MappedFile::open(face.file, map_error);
  if (data.empty()) {
    error = "font face \"" + face.family + "\": " + map_error;
    return false;
  }
  mapped_path = face.file;
  return true;
}

// Detaches our memory-mapped face data from the atlas so that ImGui never frees or reads it
// again; the baked glyphs and the texture do not need it.
void release_font_data(ImFontAtlas& atlas) {
  for (ImFontConfig& config : atlas.ConfigData) {
    config.FontData = nullptr;
    config.FontDataOwnedByAtlas = false;
  }
  atlas.ClearInputData();
}

}  // namespace

void GlyphTexts::add(TextStyle style, std::string_view text) {
  body_.append(text);
  if (style == TextStyle::Heading || style == TextStyle::Display) heading_.append(text);
  if (style == TextStyle::Display) display_.append(text);
}

void GlyphTexts::add_hero(std::string_view text) {
  add(TextStyle::Display, text);
  hero_.append(text);
}

void GlyphTexts::add_for_role(FontRole role, std::string_view text) {
  switch (role) {
    case FontRole::Body: add(TextStyle::Body, text); return;
    case FontRole::Heading: add(TextStyle::Heading, text); return;
    case FontRole::Display: add(TextStyle::Display, text); return;
    case FontRole::Hero: add_hero(text); return;
  }
}

void GlyphTexts::add_all(const GlyphTexts& other) {
  body_ += other.body_;
  heading_ += other.heading_;
  display_ += other.display_;
  hero_ += other.hero_;
}

GlyphTexts glyph_texts_for_ui_table() {
  GlyphTexts texts;
  for (const TextEntry& entry : all_texts()) {
    // Every UI string is baked at heading size too: buttons may quote any of them.
    texts.add(entry.style == TextStyle::Display ? TextStyle::Display : TextStyle::Heading, entry.zh);
  }
  return texts;
}

struct FontSet::BakeSpec {
  Bake bake;
  bool bold;
  float size_px;
  const std::string* text;
};

namespace {

// Bumped whenever the bake itself changes (builder, flags, oversampling), so that no cache
// file from an older build is used.
constexpr std::string_view kBuilderVersion = "openday-atlas-3 stb_truetype oversample1x1 pad1 icons-merged " IMGUI_VERSION;

// Material Icons fill their whole em, Chinese characters about 0.7 of ImGui's font size: at
// 0.8 of the size an icon's drawing is as large as a character beside it.
constexpr float kIconScale = 0.8f;

bool is_icon(unsigned code_point) {
  for (const IconEntry& entry : kIcons)
    if (entry.code_point == code_point) return true;
  return false;
}

// ImGui 1.86 asserts on data that is no font: a file at the icon font's path must start like
// one (TrueType, OpenType or a collection), else the words are baked without icons.
bool looks_like_font(const MappedFile& data) {
  if (data.size() < 4) return false;
  const std::string_view tag(reinterpret_cast<const char*>(data.data()), 4);
  return tag == std::string_view("\0\1\0\0", 4) || tag == "true" || tag == "OTTO" || tag == "ttcf";
}

// The icon font's baseline is the text's, which leaves its glyphs high: each icon is centred
// in the line instead, so that it sits level with the words beside it.
void centre_icons(ImFont& font) {
  for (ImFontGlyph& g : font.Glyphs) {
    if (!is_icon(g.Codepoint)) continue;
    const float height = g.Y1 - g.Y0;
    const float top = std::floor((font.FontSize - height) * 0.5f);
    g.Y1 = top + height;
    g.Y0 = top;
  }
}


// Glyphs rasterised at size * scale and drawn at size: the metrics are scaled back up, so that
// layout is exactly as at full size and only the texels are magnified.
void magnify(ImFont& font, float scale) {
  const float up = 1.0f / scale;
  for (ImFontGlyph& g : font.Glyphs) {
    g.X0 *= up, g.Y0 *= up, g.X1 *= up, g.Y1 *= up;
    g.AdvanceX *= up;
  }
  font.FontSize *= up;
  font.Ascent *= up;
  font.Descent *= up;
  font.BuildLookupTable();
}

}  // namespace

void FontSet::merge_icons(ImFontAtlas& atlas, float size_px) {
  ImFontConfig config;
  config.MergeMode = true;
  config.FontDataOwnedByAtlas = true;  // taken back by release_font_data(), as for the faces
  config.OversampleH = 1;
  config.OversampleV = 1;
  config.PixelSnapH = true;
  config.GlyphRanges = icon_ranges_.Data;
  atlas.AddFontFromMemoryTTF(const_cast<unsigned char*>(icon_data_.data()), static_cast<int>(icon_data_.size()),
                             std::round(size_px * kIconScale), &config);
}

bool FontSet::bake(ImFontAtlas& atlas, const FontSources& sources, const std::vector<BakeSpec>& specs,
                   const AtlasOptions& options, std::string& error) {
  if (!map_face(sources.regular, mapped_regular_, regular_data_, error)) return false;
  if (!map_face(sources.bold, mapped_bold_, bold_data_, error)) return false;
  // An icon font that is missing or unreadable costs the icons only, never the kiosk.
  std::string icon_error;
  std::filesystem::path mapped_icons;
  const bool with_icons =
      !sources.icons.file.empty() && map_face(sources.icons, mapped_icons, icon_data_, icon_error) && looks_like_font(icon_data_);
  // The width is the GPU's limit when it is below ImGui's usual 4096; the height is checked
  // after the build, and a bake too tall is done again with smaller glyphs.
  const int limit = std::max(256, options.max_texture_size);
  float scale = 1.0f;
  bool built = false;
  int widened_to = limit < 4096 ? static_cast<int>(std::bit_floor(static_cast<unsigned>(limit))) : 0;
  for (int attempt = 0; attempt < 7; ++attempt) {
    atlas.Clear();
    fonts_ = {};
    // stb_truetype, not FreeType: 1.86's FreeType builder renders each glyph into fixed 256 KiB
    // chunks and corrupts memory on glyphs above about 250 px (the hero title on a 4K screen).
    atlas.FontBuilderIO = ImFontAtlasGetBuilderForStbTruetype();
    atlas.Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight | ImFontAtlasFlags_NoMouseCursors;
    atlas.TexGlyphPadding = 1;
    atlas.TexDesiredWidth = widened_to;
    for (const BakeSpec& spec : specs) {
      const MappedFile& data = spec.bold ? bold_data_ : regular_data_;
      ImFontConfig config;
      // ImGui 1.86 copies font data it does not own: the whole 19 MB collection, once per bake.
      // So the atlas is told it owns our memory map, and release_font_data() takes it back
      // right after the build, before ImGui could free it.
      config.FontDataOwnedByAtlas = true;
      config.FontNo = spec.bold ? sources.bold.index : sources.regular.index;
      config.OversampleH = 1;
      config.OversampleV = 1;
      config.PixelSnapH = true;
      config.GlyphRanges = ranges_[spec.bake].Data;
      const float size = std::max(4.0f, std::floor(spec.size_px * scale));
      fonts_[spec.bake] = atlas.AddFontFromMemoryTTF(const_cast<unsigned char*>(data.data()), static_cast<int>(data.size()), size, &config);
      // The attract screen's hero words have no icons; every other face may draw one.
      if (with_icons && spec.bake != HeroNormal) merge_icons(atlas, size);
    }
    built = atlas.Build();
    release_font_data(atlas);
    if (!built || atlas.TexHeight <= limit) break;
    built = false;
    // ImGui chose a narrow texture for the area: first widen it to the limit (4096 at most,
    // which every GPU of this decade takes), then, if still too tall, rasterise smaller. The
    // area needed shrinks with the square of the scale; a little more for packing losses.
    const int widest = static_cast<int>(std::bit_floor(static_cast<unsigned>(std::min(limit, 4096))));
    if (atlas.TexWidth < widest) {
      widened_to = widest;
      continue;
    }
    scale *= std::sqrt(static_cast<float>(limit) / static_cast<float>(atlas.TexHeight)) * 0.97f;
  }
  // The baked glyphs no longer need the faces; unmapping gives back the pages the builder
  // touched (about 10 MB) until the next rebuild maps them again.
  regular_data_ = MappedFile();
  bold_data_ = MappedFile();
  icon_data_ = MappedFile();
  if (!built) {
    error = "font atlas: could not bake \"" + sources.regular.family + "\" from " + sources.regular.file.string() +
            " (face " + std::to_string(sources.regular.index) + ") within a " + std::to_string(limit) + " px texture";
    return false;
  }
  if (scale < 1.0f) {
    for (ImFont* font : fonts_)
      if (font) magnify(*font, scale);
  }
  if (with_icons) {
    for (ImFont* font : fonts_)
      if (font) centre_icons(*font);
  }
  stats_.downscale = scale;
  return true;
}

std::vector<FontSet::BakeSpec> FontSet::plan(const FontSources& sources, const Metrics& metrics, const GlyphTexts& texts,
                                             const AtlasOptions& options, AtlasKey& key) {
  const float large = metrics.large_text_factor;
  std::vector<BakeSpec> specs = {
      {BodyNormal, false, metrics.body_px, &texts.body()},
      {HeadingNormal, true, metrics.heading_px, &texts.heading()},
      {DisplayNormal, true, metrics.display_px, &texts.display()},
      {HeroNormal, true, metrics.hero_px, &texts.hero()},
  };
  if (options.large_text) {
    specs.push_back({BodyLarge, false, std::round(metrics.body_px * large), &texts.body()});
    specs.push_back({HeadingLarge, true, std::round(metrics.heading_px * large), &texts.heading()});
  }
  key.add(kBuilderVersion);
  key.add_file(sources.regular.file);
  key.add(static_cast<std::int64_t>(sources.regular.index));
  key.add_file(sources.bold.file);
  key.add(static_cast<std::int64_t>(sources.bold.index));
  key.add(static_cast<std::int64_t>(options.max_texture_size));
  // The icon font's identity: installing, removing or updating it bakes again.
  key.add_file(sources.icons.file);
  icon_ranges_.clear();
  for (const IconEntry& entry : kIcons) {
    icon_ranges_.push_back(static_cast<ImWchar>(entry.code_point));
    icon_ranges_.push_back(static_cast<ImWchar>(entry.code_point));
  }
  icon_ranges_.push_back(0);
  key.add(std::string_view(reinterpret_cast<const char*>(icon_ranges_.Data), static_cast<std::size_t>(icon_ranges_.size_in_bytes())));
  for (const BakeSpec& spec : specs) {
    ImFontGlyphRangesBuilder builder;
    builder.AddText(kAlwaysBaked.data(), kAlwaysBaked.data() + kAlwaysBaked.size());
    builder.AddText(spec.text->data(), spec.text->data() + spec.text->size());
    ImVector<ImWchar>& ranges = ranges_[spec.bake];
    ranges.clear();
    builder.BuildRanges(&ranges);
    key.add(static_cast<std::int64_t>(spec.bake));
    key.add(static_cast<std::int64_t>(spec.bold));
    key.add(static_cast<double>(spec.size_px));
    key.add(std::string_view(reinterpret_cast<const char*>(ranges.Data), static_cast<std::size_t>(ranges.size_in_bytes())));
  }
  return specs;
}

bool FontSet::bake_and_store(ImFontAtlas& atlas, const FontSources& sources, const std::vector<BakeSpec>& specs,
                             const AtlasOptions& options, std::uint64_t key, std::string& error) {
  if (!bake(atlas, sources, specs, options, error)) {
    fonts_ = {};
    return false;
  }
  if (options.cache) {
    std::vector<ImFont*> in_order;
    for (const BakeSpec& spec : specs) in_order.push_back(fonts_[spec.bake]);
    // A cache folder that cannot be written only costs the next start its bake time.
    std::string why;
    options.cache->store(key, serialize_atlas(atlas, in_order), why);
  }
  return true;
}

bool FontSet::warm_cache(ImFontAtlas& scratch, const FontSources& sources, const Metrics& metrics, const GlyphTexts& texts,
                         const AtlasOptions& options, bool& baked, std::string& error) {
  baked = false;
  if (!options.cache) return true;
  AtlasKey key;
  const std::vector<BakeSpec> specs = plan(sources, metrics, texts, options, key);
  if (options.cache->contains(key.hash())) return true;
  stats_ = {};
  baked = true;
  const bool ok = bake_and_store(scratch, sources, specs, options, key.hash(), error);
  fonts_ = {};
  return ok;
}

bool FontSet::build(ImFontAtlas& atlas, const FontSources& sources, const Metrics& metrics, const GlyphTexts& texts,
                    const AtlasOptions& options, std::string& error) {
  const auto started = std::chrono::steady_clock::now();
  AtlasKey key;
  const std::vector<BakeSpec> specs = plan(sources, metrics, texts, options, key);

  stats_ = {};
  std::string why;
  if (options.cache) {
    if (const auto cached = options.cache->load(key.hash(), why)) {
      std::vector<ImFont*> restored;
      if (restore_atlas(atlas, *cached, static_cast<int>(specs.size()), restored, why)) {
        fonts_ = {};
        for (std::size_t i = 0; i < specs.size(); ++i) fonts_[specs[i].bake] = restored[i];
        stats_.from_cache = true;
      }
    }
  }
  if (!stats_.from_cache && !bake_and_store(atlas, sources, specs, options, key.hash(), error)) return false;
  stats_.width = atlas.TexWidth;
  stats_.height = atlas.TexHeight;
  stats_.icons = fonts_[BodyNormal] && fonts_[BodyNormal]->FindGlyphNoFallback(static_cast<ImWchar>(kIcons.front().code_point)) != nullptr;
  stats_.glyphs = 0;
  for (ImFont* font : fonts_)
    if (font) stats_.glyphs += font->Glyphs.Size;
  stats_.build_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  return true;
}

std::optional<FontRole> FontSet::role_of(const ImFont* font) const {
  if (!font) return std::nullopt;
  if (font == fonts_[BodyNormal] || font == fonts_[BodyLarge]) return FontRole::Body;
  if (font == fonts_[HeadingNormal] || font == fonts_[HeadingLarge]) return FontRole::Heading;
  if (font == fonts_[DisplayNormal]) return FontRole::Display;
  if (font == fonts_[HeroNormal]) return FontRole::Hero;
  return std::nullopt;
}

ImFont* FontSet::font(FontRole role, bool large_text) const {
  const bool large = large_text && has_large_text();
  switch (role) {
    case FontRole::Body: return fonts_[large ? BodyLarge : BodyNormal];
    case FontRole::Heading: return fonts_[large ? HeadingLarge : HeadingNormal];
    case FontRole::Display: return fonts_[DisplayNormal];
    case FontRole::Hero: return fonts_[HeroNormal];
  }
  return fonts_[BodyNormal];
}

}  // namespace openday::ui
