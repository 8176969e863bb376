#pragma once
// The baked font atlas on disk: pixels, glyph metrics and everything ImGui needs to restore the
// fonts without rasterising a glyph. A file is used only when its header, key, length and
// checksum all match; anything else (stale, truncated, foreign, corrupted) is ignored and the
// atlas is baked again. A missing or read-only cache folder only costs the bake time.
#include <imgui.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace openday::ui {

// Everything that changes a bake goes into the key; the key's hash names the file.
class AtlasKey {
 public:
  void add(std::string_view bytes);
  void add(std::int64_t number);
  void add(double number);
  // A file's identity: its path, size and modification time (not its bytes: 19 MB to hash).
  void add_file(const std::filesystem::path& file);
  std::uint64_t hash() const { return hash_; }

 private:
  std::uint64_t hash_ = 0x6f70656e64617921ULL;
};

// A fast 64-bit checksum of bytes (not cryptographic: it finds corruption, not attacks).
std::uint64_t atlas_checksum(std::string_view bytes);

// The atlas after Build() (pixels still on the CPU) as bytes; fonts in the order given.
std::string serialize_atlas(const ImFontAtlas& atlas, std::span<ImFont* const> fonts);
// Replaces the atlas's fonts and pixels with the serialized ones; fonts receives them in the
// order they were serialized. Returns false, with why, on anything malformed (the atlas is
// left cleared then). expected_fonts guards against a file from another bake plan.
bool restore_atlas(ImFontAtlas& atlas, std::string_view bytes, int expected_fonts, std::vector<ImFont*>& fonts,
                   std::string& why);

class AtlasCache {
 public:
  // No folder: nothing is cached.
  explicit AtlasCache(std::optional<std::filesystem::path> folder = std::nullopt) : folder_(std::move(folder)) {}
  bool enabled() const { return folder_.has_value(); }
  // The payload stored under key, checked; nullopt (with why) when absent or not trustworthy.
  std::optional<std::string> load(std::uint64_t key, std::string& why) const;
  // Best effort: false (with why) when the folder cannot be written. Keeps at most
  // kFilesKept files, dropping the least recently used.
  bool store(std::uint64_t key, std::string_view payload, std::string& why) const;
  std::filesystem::path file_for(std::uint64_t key) const;
  // Whether a file for key is there (not checked: load() checks it); it counts as used.
  bool contains(std::uint64_t key) const;

  // No cache file is read beyond this size: 8192 x 8192 pixels plus glyph metrics.
  static constexpr std::uintmax_t kMaxFileBytes = 80u * 1024u * 1024u;
  // The warmer keeps every focus of a county in both text sizes (86 departments: 176 files),
  // and the least recently used files go first beyond either bound.
  static constexpr std::size_t kFilesKept = 400;
  static constexpr std::uintmax_t kBytesKept = 1536u * 1024u * 1024u;
  static constexpr std::uint32_t kFormatVersion = 1;

 private:
  void prune() const;
  std::optional<std::filesystem::path> folder_;
};

// $XDG_CACHE_HOME/openday, or ~/.cache/openday.
std::filesystem::path default_atlas_cache_dir();

}  // namespace openday::ui
