#include "ui/fonts.h"

#include <imgui_internal.h>

#include <chrono>
#include <cmath>

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

GlyphTexts glyph_texts_for_ui_table() {
  GlyphTexts texts;
  for (const TextEntry& entry : all_texts()) {
    // Every UI string is baked at heading size too: buttons may quote any of them.
    texts.add(entry.style == TextStyle::Display ? TextStyle::Display : TextStyle::Heading, entry.zh);
  }
  return texts;
}

bool FontSet::build(ImFontAtlas& atlas, const FontSources& sources, const Metrics& metrics, const GlyphTexts& texts,
                    std::string& error) {
  const auto started = std::chrono::steady_clock::now();
  if (!map_face(sources.regular, mapped_regular_, regular_data_, error)) return false;
  if (!map_face(sources.bold, mapped_bold_, bold_data_, error)) return false;

  atlas.Clear();
  fonts_ = {};
  // stb_truetype, not FreeType: 1.86's FreeType builder renders each glyph into fixed 256 KiB
  // chunks and corrupts memory on glyphs above about 250 px (the hero title on a 4K screen).
  atlas.FontBuilderIO = ImFontAtlasGetBuilderForStbTruetype();
  atlas.Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight | ImFontAtlasFlags_NoMouseCursors;
  atlas.TexGlyphPadding = 1;

  struct BakeSpec {
    Bake bake;
    const MappedFile* data;
    int face_index;
    float size_px;
    const std::string* text;
  };
  const float large = metrics.large_text_factor;
  const BakeSpec specs[] = {
      {BodyNormal, &regular_data_, sources.regular.index, metrics.body_px, &texts.body()},
      {BodyLarge, &regular_data_, sources.regular.index, std::round(metrics.body_px * large), &texts.body()},
      {HeadingNormal, &bold_data_, sources.bold.index, metrics.heading_px, &texts.heading()},
      {HeadingLarge, &bold_data_, sources.bold.index, std::round(metrics.heading_px * large), &texts.heading()},
      {DisplayNormal, &bold_data_, sources.bold.index, metrics.display_px, &texts.display()},
      {HeroNormal, &bold_data_, sources.bold.index, metrics.hero_px, &texts.hero()},
  };
  for (const BakeSpec& spec : specs) {
    ImFontGlyphRangesBuilder builder;
    builder.AddText(kAlwaysBaked.data(), kAlwaysBaked.data() + kAlwaysBaked.size());
    builder.AddText(spec.text->data(), spec.text->data() + spec.text->size());
    ImVector<ImWchar>& ranges = ranges_[spec.bake];
    ranges.clear();
    builder.BuildRanges(&ranges);

    ImFontConfig config;
    // ImGui 1.86 copies font data it does not own: the whole 19 MB collection, once per bake.
    // So the atlas is told it owns our memory map, and release_font_data() takes it back
    // right after the build, before ImGui could free it.
    config.FontDataOwnedByAtlas = true;
    config.FontNo = spec.face_index;
    config.OversampleH = 1;
    config.OversampleV = 1;
    config.PixelSnapH = true;
    // The fallback for a missing glyph: visible, so that a test can detect it, never silent.
    config.GlyphRanges = ranges.Data;
    fonts_[spec.bake] = atlas.AddFontFromMemoryTTF(const_cast<unsigned char*>(spec.data->data()),
                                                   static_cast<int>(spec.data->size()), spec.size_px, &config);
  }
  const bool built = atlas.Build();
  release_font_data(atlas);
  // The baked glyphs no longer need the faces; unmapping gives back the pages the builder
  // touched (about 10 MB) until the next rebuild maps them again.
  regular_data_ = MappedFile();
  bold_data_ = MappedFile();
  if (!built) {
    error = "font atlas: could not bake \"" + sources.regular.family + "\" from " + sources.regular.file.string() +
            " (face " + std::to_string(sources.regular.index) + ")";
    fonts_ = {};
    return false;
  }
  stats_.width = atlas.TexWidth;
  stats_.height = atlas.TexHeight;
  stats_.glyphs = 0;
  for (ImFont* font : fonts_) stats_.glyphs += font->Glyphs.Size;
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
  switch (role) {
    case FontRole::Body: return fonts_[large_text ? BodyLarge : BodyNormal];
    case FontRole::Heading: return fonts_[large_text ? HeadingLarge : HeadingNormal];
    case FontRole::Display: return fonts_[DisplayNormal];
    case FontRole::Hero: return fonts_[HeroNormal];
  }
  return fonts_[BodyNormal];
}

}  // namespace openday::ui
