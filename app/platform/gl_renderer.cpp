#include "platform/gl_renderer.h"

#include <GL/gl.h>
#include <GL/glext.h>
#include <backends/imgui_impl_opengl3.h>
#include <stb_image_write.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <vector>


namespace openday::platform {

bool GlRenderer::init(std::string& error) {
  if (!ImGui_ImplOpenGL3_Init("#version 330 core")) {
    error = "OpenGL 3.3 core is not available (ImGui's OpenGL 3 renderer could not start)";
    return false;
  }
  // The backend would upload its own RGBA32 copy of whatever atlas exists on its first frame;
  // let it do so now for the empty default atlas, then drop that texture: ours replaces it.
  ImGui_ImplOpenGL3_CreateDeviceObjects();
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  GLint limit = 0;
  glGetIntegerv(GL_MAX_TEXTURE_SIZE, &limit);
  // OpenGL 3.3 guarantees at least 1024.
  max_texture_size_ = std::max<int>(1024, limit);
  if (const char* lower = std::getenv("OPENDAY_MAX_TEXTURE_SIZE"); lower && *lower) {
    const int requested = std::atoi(lower);
    if (requested >= 256 && requested < max_texture_size_) max_texture_size_ = requested;
  }
  return true;
}

void GlRenderer::shutdown() {
  if (font_texture_) glDeleteTextures(1, &font_texture_);
  font_texture_ = 0;
  ImGui_ImplOpenGL3_Shutdown();
}

bool GlRenderer::upload_font_atlas(ImFontAtlas& atlas, std::string& error) {
  unsigned char* pixels = nullptr;
  int width = 0, height = 0;
  atlas.GetTexDataAsAlpha8(&pixels, &width, &height);
  if (width > max_texture_size_ || height > max_texture_size_) {
    error = "font atlas " + std::to_string(width) + "x" + std::to_string(height) + " exceeds the GPU's largest texture (" +
            std::to_string(max_texture_size_) + " px)";
    return false;
  }
  if (font_texture_) glDeleteTextures(1, &font_texture_);
  glGenTextures(1, &font_texture_);
  glBindTexture(GL_TEXTURE_2D, font_texture_);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  // The shader multiplies vertex colour by the texel: white with the glyph's coverage as alpha.
  const GLint swizzle[] = {GL_ONE, GL_ONE, GL_ONE, GL_RED};
  glTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_RGBA, swizzle);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, width, height, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
  atlas.SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(font_texture_)));
  atlas.ClearTexData();
  return true;
}

void GlRenderer::begin_frame() { ImGui_ImplOpenGL3_NewFrame(); }

void GlRenderer::render(ImDrawData* draw_data, int framebuffer_width, int framebuffer_height) {
  glViewport(0, 0, framebuffer_width, framebuffer_height);
  const ImVec4 background = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  glClearColor(background.x, background.y, background.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(draw_data);
}

bool GlRenderer::save_png(const std::filesystem::path& file, int width, int height, std::string& error) const {
  std::vector<unsigned char> pixels(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadBuffer(GL_BACK);
  glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
  const int stride = width * 4;
  // OpenGL's rows run bottom-up; PNG's top-down.
  stbi_flip_vertically_on_write(1);
  if (!stbi_write_png(file.c_str(), width, height, 4, pixels.data(), stride)) {
    error = file.string() + ": could not write the screenshot PNG";
    return false;
  }
  return true;
}

}  // namespace openday::platform
