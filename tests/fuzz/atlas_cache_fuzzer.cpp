// libFuzzer harness: the font atlas cache ($XDG_CACHE_HOME/openday/atlas-*.bin), a file the kiosk
// reads at every start and that anything on the machine can damage. The first input byte picks
// the path: a whole cache file read through AtlasCache::load (header, length, checksum), or a
// payload handed straight to restore_atlas (what a file with a matching checksum carries).
// Whatever restores must be an atlas ImGui can use: every glyph's texture coordinates inside
// the texture, the pixels all there, and text measurable with every restored font.
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "fuzz_support.h"
#include "ui/atlas_cache.h"

namespace {

constexpr std::size_t kKeyOffset = 16;  // magic (8), version (4), endian mark (4), then the key

void require_usable(ImFontAtlas& atlas, const std::vector<ImFont*>& fonts, int expected_fonts) {
  using openday::fuzz::require;
  require(static_cast<int>(fonts.size()) == expected_fonts, "a restore returned another number of fonts");
  require(atlas.TexPixelsAlpha8 != nullptr && atlas.TexWidth > 0 && atlas.TexHeight > 0, "a restored atlas has no pixels");
  // Touch the last pixel: the whole texture must be there.
  const std::size_t pixels = static_cast<std::size_t>(atlas.TexWidth) * static_cast<std::size_t>(atlas.TexHeight);
  volatile unsigned char last = atlas.TexPixelsAlpha8[pixels - 1];
  (void)last;
  for (ImFont* font : fonts) {
    require(font->Glyphs.Size > 0, "a restored font has no glyphs");
    for (const ImFontGlyph& glyph : font->Glyphs) {
      require(glyph.U0 >= 0 && glyph.U1 <= 1 && glyph.V0 >= 0 && glyph.V1 <= 1, "a glyph points outside the texture");
    }
    const char* text = "政务公开日 2026";
    const ImVec2 size = font->CalcTextSizeA(font->FontSize, 4000.0f, 600.0f, text);
    require(size.x >= 0 && size.y >= 0, "text measured with a restored font has a negative size");
  }
}

void restore_payload(std::string_view payload, int expected_fonts) {
  ImFontAtlas atlas;
  std::vector<ImFont*> fonts;
  std::string why;
  if (openday::ui::restore_atlas(atlas, payload, expected_fonts, fonts, why)) {
    require_usable(atlas, fonts, expected_fonts);
  } else {
    openday::fuzz::require(!why.empty(), "a refused atlas says nothing");
    openday::fuzz::require(fonts.empty() && atlas.Fonts.empty(), "a refused atlas left fonts behind");
  }
}

void load_cache_file(std::string_view file_bytes, int expected_fonts) {
  // The key the kiosk would ask for: the one in the file's header when it has one, so the
  // fuzzer gets past the key check and reaches the length and checksum checks.
  std::uint64_t key = 0;
  if (file_bytes.size() >= kKeyOffset + sizeof key) std::memcpy(&key, file_bytes.data() + kKeyOffset, sizeof key);
  const openday::ui::AtlasCache cache(openday::fuzz::scratch_dir() / "cache");
  openday::fuzz::write_file(cache.file_for(key), file_bytes);
  std::string why;
  const std::optional<std::string> payload = cache.load(key, why);
  if (!payload) {
    openday::fuzz::require(!why.empty(), "a refused cache file says nothing");
    return;
  }
  restore_payload(*payload, expected_fonts);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  // How many fonts the bake plan expects: the kiosk bakes a handful per atlas.
  const int expected_fonts = 1 + (data[0] & 0x03);
  const bool as_file = (data[0] & 0x80) != 0;
  const std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (as_file)
    load_cache_file(rest, expected_fonts);
  else
    restore_payload(rest, expected_fonts);
  return 0;
}
