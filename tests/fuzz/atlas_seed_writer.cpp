// Writes the atlas cache fuzzer's seeds: a real bake (ImGui's built-in font, printable ASCII, a
// narrow texture so the seed stays small) as a bare payload and as a whole cache file, each
// behind the harness's one selector byte. Without a valid seed the fuzzer would spend its time
// on the 1 KiB of line texture coordinates before it ever reached a glyph.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "ui/atlas_cache.h"

namespace {

bool write(const std::filesystem::path& file, char selector, const std::string& bytes) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out.put(selector);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return static_cast<bool>(out);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: atlas_seed_writer SEED_FOLDER\n");
    return 2;
  }
  const std::filesystem::path folder = argv[1];
  std::filesystem::create_directories(folder);

  static const ImWchar kAscii[] = {0x20, 0x7E, 0};
  ImFontAtlas atlas;
  atlas.TexDesiredWidth = 128;
  atlas.Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight | ImFontAtlasFlags_NoMouseCursors;
  ImFontConfig config;
  config.GlyphRanges = kAscii;
  std::vector<ImFont*> fonts = {atlas.AddFontDefault(&config), atlas.AddFontDefault(&config)};
  if (!atlas.Build()) {
    std::fprintf(stderr, "atlas_seed_writer: ImGui could not build its default font\n");
    return 1;
  }
  const std::string payload = openday::ui::serialize_atlas(atlas, fonts);

  // The cache file as AtlasCache::store writes it, read back as bytes.
  const openday::ui::AtlasCache cache(folder / "cache");
  constexpr std::uint64_t kKey = 0x5eed5eed5eed5eedULL;
  std::string why;
  if (!cache.store(kKey, payload, why)) {
    std::fprintf(stderr, "atlas_seed_writer: %s\n", why.c_str());
    return 1;
  }
  std::ifstream in(cache.file_for(kKey), std::ios::binary);
  const std::string file_bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::filesystem::remove_all(folder / "cache");

  // Selector byte: bit 7 = read as a cache file; low bits + 1 = the fonts expected (2 here).
  const bool ok = write(folder / "payload-2-fonts", '\x01', payload) && write(folder / "cache-file-2-fonts", '\x81', file_bytes);
  return ok ? 0 : 1;
}
