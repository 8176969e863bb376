#pragma once
// OpenGL 3.3 core drawing of ImGui's output, the font texture, and screenshots.
#include <imgui.h>

#include <filesystem>
#include <string>

namespace openday::platform {

class GlRenderer {
 public:
  // Requires a current GL context and ImGui context.
  bool init(std::string& error);
  void shutdown();
  // Uploads the atlas as a one-channel texture (a quarter of the RGBA32 size ImGui's backend
  // would use) and frees the CPU copy. Refuses (false, with why) an atlas beyond
  // max_texture_size(): the driver would fail or draw garbage.
  bool upload_font_atlas(ImFontAtlas& atlas, std::string& error);
  // The largest texture side this GPU takes (GL_MAX_TEXTURE_SIZE), lowered by the environment
  // variable OPENDAY_MAX_TEXTURE_SIZE when that is smaller (to test a small GPU's limit).
  int max_texture_size() const { return max_texture_size_; }
  void begin_frame();
  void render(ImDrawData* draw_data, int framebuffer_width, int framebuffer_height);
  // Reads the back buffer (call after render, before the swap) and writes a PNG.
  bool save_png(const std::filesystem::path& file, int width, int height, std::string& error) const;

 private:
  unsigned int font_texture_ = 0;
  int max_texture_size_ = 4096;
};

}  // namespace openday::platform
