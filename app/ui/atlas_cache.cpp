#include "ui/atlas_cache.h"

#include <unistd.h>

#include <algorithm>
#include <bit>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <thread>
#include <system_error>

namespace openday::ui {
namespace {

constexpr char kMagic[8] = {'O', 'D', 'A', 'T', 'L', 'A', 'S', '\n'};
// A font bigger than this many glyphs or an atlas side beyond this is not one we bake.
constexpr int kMaxGlyphsPerFont = 0xFFFE;
constexpr int kMaxSide = 16384;

struct Header {
  char magic[8];
  std::uint32_t version;
  std::uint32_t endian_mark;  // 0x01020304 as written: a file from another byte order differs
  std::uint64_t key;
  std::uint64_t payload_bytes;
  std::uint64_t checksum;
};
static_assert(sizeof(Header) == 40);

std::uint64_t mix(std::uint64_t h, std::uint64_t word) {
  h ^= word;
  h *= 0x9E3779B97F4A7C15ULL;
  return std::rotl(h, 29) ^ (h >> 32);
}

class Writer {
 public:
  template <typename T>
  void put(const T& value) {
    static_assert(std::is_trivially_copyable_v<T>);
    out_.append(reinterpret_cast<const char*>(&value), sizeof(T));
  }
  void put_bytes(const void* data, std::size_t size) { out_.append(static_cast<const char*>(data), size); }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}
  template <typename T>
  bool get(T& value) {
    static_assert(std::is_trivially_copyable_v<T>);
    if (bytes_.size() - pos_ < sizeof(T)) return false;
    std::memcpy(&value, bytes_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return true;
  }
  std::size_t left() const { return bytes_.size() - pos_; }
  const char* here() const { return bytes_.data() + pos_; }
  void skip(std::size_t n) { pos_ += n; }

 private:
  std::string_view bytes_;
  std::size_t pos_ = 0;
};

struct StoredGlyph {
  std::uint32_t codepoint;
  std::uint32_t visible;
  float advance_x, x0, y0, x1, y1, u0, v0, u1, v1;
};

bool finite_all(std::initializer_list<float> values) {
  return std::all_of(values.begin(), values.end(), [](float v) { return std::isfinite(v); });
}

bool uv_inside(float u) { return u >= 0.0f && u <= 1.0f; }

bool fail(std::string& why, std::string message) {
  why = std::move(message);
  return false;
}

}  // namespace

void AtlasKey::add(std::string_view bytes) {
  hash_ = mix(hash_, bytes.size());
  std::size_t pos = 0;
  for (; pos + 8 <= bytes.size(); pos += 8) {
    std::uint64_t word = 0;
    std::memcpy(&word, bytes.data() + pos, 8);
    hash_ = mix(hash_, word);
  }
  std::uint64_t tail = 0;
  std::memcpy(&tail, bytes.data() + pos, bytes.size() - pos);
  hash_ = mix(hash_, tail);
}

void AtlasKey::add(std::int64_t number) { hash_ = mix(hash_, static_cast<std::uint64_t>(number)); }

void AtlasKey::add(double number) { hash_ = mix(hash_, std::bit_cast<std::uint64_t>(number)); }

void AtlasKey::add_file(const std::filesystem::path& file) {
  add(std::string_view(file.native()));
  std::error_code error;
  const auto size = std::filesystem::file_size(file, error);
  add(static_cast<std::int64_t>(error ? -1 : static_cast<std::int64_t>(size)));
  const auto modified = std::filesystem::last_write_time(file, error);
  add(static_cast<std::int64_t>(error ? -1 : modified.time_since_epoch().count()));
}

std::uint64_t atlas_checksum(std::string_view bytes) {
  AtlasKey sum;
  sum.add(bytes);
  return sum.hash();
}

std::string serialize_atlas(const ImFontAtlas& atlas, std::span<ImFont* const> fonts) {
  Writer out;
  out.put(static_cast<std::int32_t>(atlas.TexWidth));
  out.put(static_cast<std::int32_t>(atlas.TexHeight));
  out.put(atlas.TexUvWhitePixel);
  out.put(static_cast<std::int32_t>(IM_DRAWLIST_TEX_LINES_WIDTH_MAX));
  for (const ImVec4& uv : atlas.TexUvLines) out.put(uv);
  out.put(static_cast<std::int32_t>(fonts.size()));
  for (const ImFont* font : fonts) {
    out.put(font->FontSize);
    out.put(font->Ascent);
    out.put(font->Descent);
    out.put(static_cast<std::int32_t>(font->Glyphs.Size));
    for (const ImFontGlyph& g : font->Glyphs) {
      out.put(StoredGlyph{g.Codepoint, g.Visible, g.AdvanceX, g.X0, g.Y0, g.X1, g.Y1, g.U0, g.V0, g.U1, g.V1});
    }
  }
  out.put_bytes(atlas.TexPixelsAlpha8, static_cast<std::size_t>(atlas.TexWidth) * static_cast<std::size_t>(atlas.TexHeight));
  return out.take();
}

bool restore_atlas(ImFontAtlas& atlas, std::string_view bytes, int expected_fonts, std::vector<ImFont*>& fonts,
                   std::string& why) {
  atlas.Clear();
  fonts.clear();
  Reader in(bytes);
  std::int32_t width = 0, height = 0, lines_max = 0, font_count = 0;
  ImVec2 white;
  ImVec4 lines[IM_DRAWLIST_TEX_LINES_WIDTH_MAX + 1];
  if (!in.get(width) || !in.get(height) || !in.get(white) || !in.get(lines_max)) return fail(why, "the atlas header is cut short");
  if (width <= 0 || height <= 0 || width > kMaxSide || height > kMaxSide)
    return fail(why, "atlas size " + std::to_string(width) + "x" + std::to_string(height) + " is out of range");
  if (lines_max != IM_DRAWLIST_TEX_LINES_WIDTH_MAX) return fail(why, "baked lines from another ImGui build");
  if (!uv_inside(white.x) || !uv_inside(white.y)) return fail(why, "the white pixel lies outside the texture");
  for (ImVec4& uv : lines) {
    if (!in.get(uv)) return fail(why, "the line texture coordinates are cut short");
    if (!uv_inside(uv.x) || !uv_inside(uv.y) || !uv_inside(uv.z) || !uv_inside(uv.w))
      return fail(why, "a baked line lies outside the texture");
  }
  if (!in.get(font_count)) return fail(why, "the font count is cut short");
  if (font_count != expected_fonts)
    return fail(why, std::to_string(font_count) + " fonts where " + std::to_string(expected_fonts) + " are baked");

  std::vector<ImFont*> restored;
  const auto discard = [&] {
    for (ImFont* font : restored) IM_DELETE(font);
    restored.clear();
  };
  for (int f = 0; f < font_count; ++f) {
    float size = 0, ascent = 0, descent = 0;
    std::int32_t glyphs = 0;
    if (!in.get(size) || !in.get(ascent) || !in.get(descent) || !in.get(glyphs)) {
      discard();
      return fail(why, "font " + std::to_string(f) + ": its metrics are cut short");
    }
    if (!finite_all({size, ascent, descent}) || size <= 0 || glyphs <= 0 || glyphs > kMaxGlyphsPerFont ||
        in.left() / sizeof(StoredGlyph) < static_cast<std::size_t>(glyphs)) {
      discard();
      return fail(why, "font " + std::to_string(f) + ": size or glyph count is out of range");
    }
    ImFont* font = IM_NEW(ImFont);
    restored.push_back(font);
    font->FontSize = size;
    font->Ascent = ascent;
    font->Descent = descent;
    font->ContainerAtlas = &atlas;
    font->Glyphs.resize(glyphs);
    for (ImFontGlyph& g : font->Glyphs) {
      StoredGlyph s{};
      in.get(s);
      if (s.codepoint > IM_UNICODE_CODEPOINT_MAX || s.visible > 1 ||
          !finite_all({s.advance_x, s.x0, s.y0, s.x1, s.y1}) ||
          !uv_inside(s.u0) || !uv_inside(s.v0) || !uv_inside(s.u1) || !uv_inside(s.v1)) {
        discard();
        return fail(why, "font " + std::to_string(f) + ": a glyph is malformed");
      }
      g.Colored = 0;
      g.Visible = s.visible;
      g.Codepoint = s.codepoint;
      g.AdvanceX = s.advance_x;
      g.X0 = s.x0, g.Y0 = s.y0, g.X1 = s.x1, g.Y1 = s.y1;
      g.U0 = s.u0, g.V0 = s.v0, g.U1 = s.u1, g.V1 = s.v1;
    }
    font->BuildLookupTable();
  }
  const std::size_t pixels = static_cast<std::size_t>(width) * static_cast<std::size_t>(height);
  if (in.left() != pixels) {
    discard();
    return fail(why, "the pixels are " + std::to_string(in.left()) + " bytes, not " + std::to_string(pixels));
  }
  atlas.TexWidth = width;
  atlas.TexHeight = height;
  atlas.TexUvScale = ImVec2(1.0f / static_cast<float>(width), 1.0f / static_cast<float>(height));
  atlas.TexUvWhitePixel = white;
  std::copy(std::begin(lines), std::end(lines), std::begin(atlas.TexUvLines));
  atlas.TexPixelsAlpha8 = static_cast<unsigned char*>(IM_ALLOC(pixels));
  std::memcpy(atlas.TexPixelsAlpha8, in.here(), pixels);
  for (ImFont* font : restored) atlas.Fonts.push_back(font);
  atlas.TexReady = true;
  fonts = std::move(restored);
  return true;
}

std::filesystem::path AtlasCache::file_for(std::uint64_t key) const {
  char name[40];
  std::snprintf(name, sizeof name, "atlas-%016llx.bin", static_cast<unsigned long long>(key));
  return folder_.value_or(std::filesystem::path()) / name;
}

std::optional<std::string> AtlasCache::load(std::uint64_t key, std::string& why) const {
  if (!folder_) return std::nullopt;
  const auto file = file_for(key);
  std::error_code error;
  const auto size = std::filesystem::file_size(file, error);
  if (error) {
    why = file.string() + ": not cached yet";
    return std::nullopt;
  }
  if (size < sizeof(Header) || size > kMaxFileBytes) {
    why = file.string() + ": " + std::to_string(size) + " bytes is not a cache file's size";
    return std::nullopt;
  }
  std::ifstream in(file, std::ios::binary);
  Header header{};
  if (!in.read(reinterpret_cast<char*>(&header), sizeof header)) {
    why = file.string() + ": the header cannot be read";
    return std::nullopt;
  }
  if (std::memcmp(header.magic, kMagic, sizeof kMagic) != 0 || header.endian_mark != 0x01020304u) {
    why = file.string() + ": not an OpenDay atlas cache file";
    return std::nullopt;
  }
  if (header.version != kFormatVersion || header.key != key) {
    why = file.string() + ": made by another version or for another bake";
    return std::nullopt;
  }
  if (header.payload_bytes != size - sizeof(Header)) {
    why = file.string() + ": holds " + std::to_string(size - sizeof(Header)) + " bytes where its header says " +
          std::to_string(header.payload_bytes);
    return std::nullopt;
  }
  std::string payload(header.payload_bytes, '\0');
  if (!in.read(payload.data(), static_cast<std::streamsize>(payload.size()))) {
    why = file.string() + ": cut short while reading";
    return std::nullopt;
  }
  if (atlas_checksum(payload) != header.checksum) {
    why = file.string() + ": the checksum does not match (a damaged file)";
    return std::nullopt;
  }
  // Recently used files survive pruning.
  std::filesystem::last_write_time(file, std::filesystem::file_time_type::clock::now(), error);
  return payload;
}

bool AtlasCache::store(std::uint64_t key, std::string_view payload, std::string& why) const {
  if (!folder_) return true;
  std::error_code error;
  std::filesystem::create_directories(*folder_, error);
  if (error) {
    why = folder_->string() + ": " + error.message();
    return false;
  }
  Header header{};
  std::memcpy(header.magic, kMagic, sizeof kMagic);
  header.version = kFormatVersion;
  header.endian_mark = 0x01020304u;
  header.key = key;
  header.payload_bytes = payload.size();
  header.checksum = atlas_checksum(payload);
  const auto file = file_for(key);
  // A temporary name then a rename: a reader never sees half a file under the final name.
  // The warmer's thread and the UI thread may store at once: the name is the thread's own.
  const auto temporary = file.string() + ".tmp" + std::to_string(::getpid()) + "-" +
                         std::to_string(std::hash<std::thread::id>{}(std::this_thread::get_id()));
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(&header), sizeof header);
    out.write(payload.data(), static_cast<std::streamsize>(payload.size()));
    out.flush();
    if (!out) {
      std::filesystem::remove(temporary, error);
      why = temporary + ": could not be written";
      return false;
    }
  }
  std::filesystem::rename(temporary, file, error);
  if (error) {
    std::filesystem::remove(temporary, error);
    why = file.string() + ": " + error.message();
    return false;
  }
  prune();
  return true;
}

bool AtlasCache::contains(std::uint64_t key) const {
  if (!folder_) return false;
  std::error_code error;
  const auto file = file_for(key);
  if (!std::filesystem::is_regular_file(file, error)) return false;
  std::filesystem::last_write_time(file, std::filesystem::file_time_type::clock::now(), error);
  return true;
}

void AtlasCache::prune() const {
  struct CachedFile {
    std::filesystem::file_time_type used;
    std::uintmax_t bytes;
    std::filesystem::path path;
  };
  std::error_code error;
  std::vector<CachedFile> files;
  for (const auto& entry : std::filesystem::directory_iterator(*folder_, error)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("atlas-", 0) != 0 || name.find(".tmp") != std::string::npos) continue;
    std::error_code stat_error;
    const std::uintmax_t bytes = entry.file_size(stat_error);
    files.push_back({entry.last_write_time(stat_error), stat_error ? 0 : bytes, entry.path()});
  }
  std::sort(files.begin(), files.end(), [](const CachedFile& a, const CachedFile& b) { return a.used > b.used; });
  std::uintmax_t kept_bytes = 0;
  for (std::size_t i = 0; i < files.size(); ++i) {
    kept_bytes += files[i].bytes;
    // The newest file always stays: it was just stored for use.
    if (i > 0 && (i >= kFilesKept || kept_bytes > kBytesKept)) std::filesystem::remove(files[i].path, error);
  }
}

std::filesystem::path default_atlas_cache_dir() {
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg == '/') return std::filesystem::path(xdg) / "openday";
  if (const char* home = std::getenv("HOME"); home && *home) return std::filesystem::path(home) / ".cache" / "openday";
  return std::filesystem::temp_directory_path() / "openday-cache";
}

}  // namespace openday::ui
