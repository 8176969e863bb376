// The baked font atlas is cached between starts, and a cache file is trusted only when it is
// exactly the one this bake would write; the atlas never outgrows the GPU's texture limit.
#include <gtest/gtest.h>

#include <cstring>
#include <fstream>
#include <random>

#include "core/util/paths.h"
#include "platform/font_lookup.h"
#include "support/temp_dir.h"
#include "atlas_fixture.h"
#include "ui/atlas_cache.h"
#include "ui/fonts.h"

namespace openday {
namespace {

using ui::AtlasCache;
using ui::FontRole;
using ui::FontSet;

// An ImGui context of its own, so that each bake has a fresh atlas.
class ImGuiScope {
 public:
  ImGuiScope() : context_(ImGui::CreateContext()) { ImGui::SetCurrentContext(context_); }
  ~ImGuiScope() { ImGui::DestroyContext(context_); }
  ImGuiScope(const ImGuiScope&) = delete;
  ImGuiScope& operator=(const ImGuiScope&) = delete;
  ImFontAtlas& atlas() { return *ImGui::GetIO().Fonts; }

 private:
  ImGuiContext* context_;
};

using testing::kiosk_fonts;
using testing::small_metrics;

ui::GlyphTexts some_texts(std::string_view extra = "") {
  ui::GlyphTexts texts;
  texts.add(TextStyle::Body, "行政服务中心 网上审批、便民利商");
  texts.add(TextStyle::Heading, "收费标准 审批事项");
  texts.add_hero("政务公开日");
  texts.add(TextStyle::Body, extra);
  return texts;
}

struct BakeResult {
  ui::FontAtlasStats stats;
  std::string serialized;  // the atlas as the cache would store it
};

BakeResult bake(const AtlasCache* cache, const ui::GlyphTexts& texts = some_texts(), ui::Metrics metrics = small_metrics(),
                int max_texture_size = 4096, const ui::FontSources& sources = kiosk_fonts()) {
  ImGuiScope scope;
  FontSet fonts;
  std::string error;
  const ui::AtlasOptions options{max_texture_size, true, cache};
  if (!fonts.build(scope.atlas(), sources, metrics, texts, options, error)) throw std::runtime_error(error);
  std::vector<ImFont*> in_order;
  for (FontRole role : {FontRole::Body, FontRole::Heading, FontRole::Display, FontRole::Hero}) in_order.push_back(fonts.font(role, false));
  for (FontRole role : {FontRole::Body, FontRole::Heading}) in_order.push_back(fonts.font(role, true));
  return {fonts.stats(), ui::serialize_atlas(scope.atlas(), in_order)};
}

std::vector<std::filesystem::path> cache_files(const std::filesystem::path& folder) {
  std::vector<std::filesystem::path> files;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(folder, error)) files.push_back(entry.path());
  return files;
}

std::string read_all(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_all(const std::filesystem::path& file, std::string_view bytes) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

TEST(AtlasCache, ASecondStartRestoresExactlyWhatTheFirstBaked) {
  testing::TempDir folder;
  const AtlasCache cache(folder.path());
  const BakeResult cold = bake(&cache);
  EXPECT_FALSE(cold.stats.from_cache);
  ASSERT_EQ(cache_files(folder.path()).size(), 1u);

  const BakeResult warm = bake(&cache);
  EXPECT_TRUE(warm.stats.from_cache);
  EXPECT_EQ(warm.stats.width, cold.stats.width);
  EXPECT_EQ(warm.stats.height, cold.stats.height);
  EXPECT_EQ(warm.stats.glyphs, cold.stats.glyphs);
  EXPECT_TRUE(warm.serialized == cold.serialized) << "pixels, glyph metrics and texture coordinates come back unchanged";
  EXPECT_EQ(cache_files(folder.path()).size(), 1u);
}

TEST(AtlasCache, RestoredFontsDrawLikeBakedOnes) {
  testing::TempDir folder;
  const AtlasCache cache(folder.path());
  bake(&cache);
  ImGuiScope scope;
  FontSet fonts;
  std::string error;
  ASSERT_TRUE(fonts.build(scope.atlas(), kiosk_fonts(), small_metrics(), some_texts(), {4096, true, &cache}, error)) << error;
  ASSERT_TRUE(fonts.stats().from_cache);
  ImFontAtlas baked_atlas;
  FontSet baked;
  ASSERT_TRUE(baked.build(baked_atlas, kiosk_fonts(), small_metrics(), some_texts(), {4096, true, nullptr}, error)) << error;
  ASSERT_FALSE(baked.stats().from_cache);
  for (FontRole role : {FontRole::Body, FontRole::Heading, FontRole::Display, FontRole::Hero}) {
    const ImFont& restored = *fonts.font(role, false);
    const ImFont& fresh = *baked.font(role, false);
    EXPECT_EQ(restored.FontSize, fresh.FontSize);
    EXPECT_EQ(restored.FallbackChar, fresh.FallbackChar);
    EXPECT_EQ(restored.EllipsisChar, fresh.EllipsisChar);
    EXPECT_EQ(restored.FallbackAdvanceX, fresh.FallbackAdvanceX);
    for (const char* text : {"网上审批", "政务公开日 ABC", "龘 not baked"})
      EXPECT_EQ(restored.CalcTextSizeA(restored.FontSize, FLT_MAX, 0, text).x, fresh.CalcTextSizeA(fresh.FontSize, FLT_MAX, 0, text).x) << text;
  }
  const ImFont& body = *fonts.font(FontRole::Body, false);
  EXPECT_EQ(body.FontSize, 18.0f);
  EXPECT_NE(body.FindGlyphNoFallback(0x5BA1), nullptr);  // 审
  EXPECT_EQ(body.FindGlyphNoFallback(0x9F98), nullptr);  // 龘: never declared
  EXPECT_TRUE(scope.atlas().IsBuilt());
  // A new frame can start on the restored atlas (ImGui asserts that it is built).
  ImGui::GetIO().DisplaySize = ImVec2(800, 600);
  ImGui::NewFrame();
  ImGui::Text("%s", "网上审批");
  ImGui::Render();
}

TEST(AtlasCache, EverythingThatChangesTheBakeChangesTheFile) {
  testing::TempDir folder;
  const AtlasCache cache(folder.path());
  bake(&cache);
  EXPECT_FALSE(bake(&cache, some_texts("蠡")).stats.from_cache) << "another glyph set";
  ui::Metrics bigger = small_metrics();
  bigger.body_px = 19;
  EXPECT_FALSE(bake(&cache, some_texts(), bigger).stats.from_cache) << "another pixel size (screen size class)";
  EXPECT_FALSE(bake(&cache, some_texts(), small_metrics(), 2048).stats.from_cache) << "another texture limit";

  // The same face under another path, then with another modification time.
  testing::TempDir fonts_folder;
  ui::FontSources copied = kiosk_fonts();
  const auto copy = fonts_folder / "face.ttc";
  std::filesystem::copy_file(copied.regular.file, copy);
  const bool same_file = copied.bold.file == copied.regular.file;
  copied.regular.file = copy;
  if (same_file) copied.bold.file = copy;
  EXPECT_FALSE(bake(&cache, some_texts(), small_metrics(), 4096, copied).stats.from_cache) << "another font file";
  EXPECT_TRUE(bake(&cache, some_texts(), small_metrics(), 4096, copied).stats.from_cache);
  std::filesystem::last_write_time(copy, std::filesystem::last_write_time(copy) + std::chrono::seconds(5));
  EXPECT_FALSE(bake(&cache, some_texts(), small_metrics(), 4096, copied).stats.from_cache) << "the font file was replaced";

  EXPECT_EQ(cache_files(folder.path()).size(), 6u);
  EXPECT_TRUE(bake(&cache).stats.from_cache) << "the first bake is still cached";
}

// Each way a file can be wrong: the bake is done again and the file rewritten whole.
class DamagedCacheFile : public ::testing::TestWithParam<const char*> {};

TEST_P(DamagedCacheFile, IsBakedAgainAndReplaced) {
  testing::TempDir folder;
  const AtlasCache cache(folder.path());
  const BakeResult first = bake(&cache);
  const auto files = cache_files(folder.path());
  ASSERT_EQ(files.size(), 1u);
  const auto file = files.front();
  std::string bytes = read_all(file);
  const std::string damage = GetParam();
  if (damage == "truncated") bytes.resize(bytes.size() / 2);
  if (damage == "empty") bytes.clear();
  if (damage == "foreign") bytes = "PNG\r\n not an atlas at all, but long enough to hold a header of forty bytes";
  if (damage == "flipped pixel") bytes[bytes.size() - 7] ^= 0x40;
  if (damage == "flipped early byte") bytes[200] ^= 0x01;
  if (damage == "longer") bytes += "trailing garbage";
  if (damage == "stale") {
    // A valid file written for another bake, under this bake's name.
    testing::TempDir other_folder;
    const AtlasCache other(other_folder.path());
    bake(&other, some_texts("蠡"));
    bytes = read_all(cache_files(other_folder.path()).front());
  }
  if (damage == "wrong length in header") bytes[24] ^= 0x01;
  write_all(file, bytes);

  const BakeResult again = bake(&cache);
  EXPECT_FALSE(again.stats.from_cache);
  EXPECT_TRUE(again.serialized == first.serialized);
  EXPECT_TRUE(bake(&cache).stats.from_cache) << "the rebuilt file is good again";
}

INSTANTIATE_TEST_SUITE_P(Damages, DamagedCacheFile,
                         ::testing::Values("truncated", "empty", "foreign", "flipped pixel", "flipped early byte", "longer", "stale",
                                           "wrong length in header"),
                         [](const auto& damage) {
                           std::string name = damage.param;
                           for (char& c : name)
                             if (c == ' ') c = '_';
                           return name;
                         });

TEST(AtlasCache, AFolderThatCannotBeWrittenOnlyCostsTime) {
  testing::TempDir folder;
  write_all(folder / "not-a-folder", "a file where the cache folder's parent should be");
  const AtlasCache cache(folder / "not-a-folder" / "openday");
  EXPECT_FALSE(bake(&cache).stats.from_cache);
  EXPECT_FALSE(bake(&cache).stats.from_cache);
  std::string why;
  EXPECT_FALSE(cache.store(1, "x", why));
  EXPECT_NE(why.find("not-a-folder"), std::string::npos) << why;
}

TEST(AtlasCache, AMissingFolderIsCreated) {
  testing::TempDir folder;
  const AtlasCache cache(folder / "cache" / "openday");
  EXPECT_FALSE(bake(&cache).stats.from_cache);
  EXPECT_TRUE(bake(&cache).stats.from_cache);
}

TEST(AtlasCache, AFileBeyondTheSizeBoundIsNotRead) {
  testing::TempDir folder;
  const AtlasCache cache(folder.path());
  std::string why;
  ASSERT_TRUE(cache.store(42, "payload", why)) << why;
  ASSERT_TRUE(cache.load(42, why).has_value()) << why;
  std::filesystem::resize_file(cache.file_for(42), AtlasCache::kMaxFileBytes + 1);
  EXPECT_FALSE(cache.load(42, why).has_value());
  EXPECT_NE(why.find("not a cache file's size"), std::string::npos) << why;
}

TEST(AtlasCache, OldFilesArePrunedBeyondTheBound) {
  testing::TempDir folder;
  const AtlasCache cache(folder.path());
  std::string why;
  for (std::uint64_t key = 1; key <= AtlasCache::kFilesKept + 5; ++key) ASSERT_TRUE(cache.store(key, "payload", why)) << why;
  EXPECT_EQ(cache_files(folder.path()).size(), AtlasCache::kFilesKept);
}

// Fuzz-ish: a valid atlas with bytes flipped, cut or inserted anywhere is either refused or
// restores fonts that can be searched and measured; it never crashes (the sanitizer build
// checks the reads).
TEST(AtlasCache, CorruptedPayloadsAreRefusedOrHarmless) {
  const std::string valid = bake(nullptr).serialized;
  std::mt19937 random(20261201);
  int refused = 0;
  for (int round = 0; round < 600; ++round) {
    std::string bytes = valid;
    const int edits = 1 + static_cast<int>(random() % 4);
    for (int e = 0; e < edits; ++e) {
      const std::size_t at = random() % bytes.size();
      switch (random() % 4) {
        case 0: bytes[at] = static_cast<char>(random()); break;
        case 1: bytes.resize(at); break;
        case 2: bytes.insert(at, 1 + random() % 8, static_cast<char>(random())); break;
        // The glyph area is where a flip would be trusted (no checksum is checked here).
        default: bytes[std::min<std::size_t>(bytes.size() - 1, 8 + at % 4096)] ^= static_cast<char>(1u << (random() % 8));
      }
      if (bytes.empty()) bytes = "x";
    }
    ImGuiScope scope;
    std::vector<ImFont*> fonts;
    std::string why;
    if (!ui::restore_atlas(scope.atlas(), bytes, 6, fonts, why)) {
      ++refused;
      EXPECT_FALSE(why.empty());
      EXPECT_TRUE(fonts.empty());
      continue;
    }
    ASSERT_EQ(fonts.size(), 6u);
    for (const ImFont* font : fonts) {
      EXPECT_NE(font->FallbackGlyph, nullptr);
      font->CalcTextSizeA(font->FontSize, FLT_MAX, 100, "政务公开 ABC 0123");
    }
  }
  EXPECT_GT(refused, 100);
}

TEST(AtlasTextureLimit, ABakeTooTallForTheGpuIsRasterisedSmallerNotCut) {
  // Some 2,500 distinct characters at heading sizes need more than 1024x1024.
  std::string many;
  for (char32_t c = 0x4E00; c < 0x4E00 + 2500; ++c) {
    many += static_cast<char>(0xE0 | (c >> 12));
    many += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    many += static_cast<char>(0x80 | (c & 0x3F));
  }
  ui::Metrics metrics = small_metrics();
  metrics.body_px = 32;
  metrics.heading_px = 40;
  ui::GlyphTexts texts;
  texts.add(TextStyle::Heading, many);
  const BakeResult roomy = bake(nullptr, texts, metrics, 4096);
  ASSERT_GT(roomy.stats.height, 1024) << "the test needs a bake taller than the limit below";
  EXPECT_EQ(roomy.stats.downscale, 1.0f);

  ImGuiScope scope;
  FontSet fonts;
  std::string error;
  ASSERT_TRUE(fonts.build(scope.atlas(), kiosk_fonts(), metrics, texts, {1024, true, nullptr}, error)) << error;
  EXPECT_LE(fonts.stats().width, 1024);
  EXPECT_LE(fonts.stats().height, 1024);
  EXPECT_LT(fonts.stats().downscale, 1.0f);
  const ImFont& heading = *fonts.font(FontRole::Heading, false);
  // Still every glyph, still laid out at the size asked for.
  EXPECT_NEAR(heading.FontSize, 40.0f, 2.0f);
  EXPECT_NE(heading.FindGlyphNoFallback(0x4E00 + 2499), nullptr);
  // Text measures as at full size (within the rounding of smaller pixel-snapped advances).
  ImFontAtlas roomy_atlas;
  FontSet roomy_fonts;
  ASSERT_TRUE(roomy_fonts.build(roomy_atlas, kiosk_fonts(), metrics, texts, {4096, true, nullptr}, error)) << error;
  const char* line = "一丁七万丈三上下不与丐丑专且丕世丘丙业丛东丝";
  const float full = roomy_fonts.font(FontRole::Heading, false)->CalcTextSizeA(40, FLT_MAX, 0, line).x;
  EXPECT_NEAR(heading.CalcTextSizeA(40, FLT_MAX, 0, line).x, full, full * 0.06f);
}

}  // namespace
}  // namespace openday
