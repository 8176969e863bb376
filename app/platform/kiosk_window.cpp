#include "platform/kiosk_window.h"

#include <GLFW/glfw3.h>

#include <cstdlib>

namespace openday::platform {

void prepare_glfw_environment() {
  // glfwInit opens X's input method, which parses the locale's Compose table (about 6,000 dead-key
  // sequences, 15-20 ms of a warm start). Nobody composes accented letters at the kiosk: staff
  // type digits and voucher codes. A deployer's own XCOMPOSEFILE is left as it is.
  setenv("XCOMPOSEFILE", "/dev/null", 0);
  // Mesa keeps compiled shaders in an index file it maps from the cache folder; on a full disk
  // touching that mapping is a SIGBUS at start-up, and under Restart=always an endless restart
  // loop (issue 33). The kiosk compiles two tiny shaders: the cache saves nothing worth that.
  // A deployer's own setting is left as it is.
  setenv("MESA_SHADER_CACHE_DISABLE", "true", 0);
  setenv("MESA_GLSL_CACHE_DISABLE", "true", 0);
}

GLFWwindow* create_kiosk_window(const std::optional<WindowSize>& windowed, std::string& error) {
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  // Losing focus must never minimise the kiosk.
  glfwWindowHint(GLFW_AUTO_ICONIFY, GLFW_FALSE);
  // ImGui draws flat triangles: no depth or stencil buffer (a full-screen one costs 8 MB).
  glfwWindowHint(GLFW_DEPTH_BITS, 0);
  glfwWindowHint(GLFW_STENCIL_BITS, 0);

  GLFWwindow* window = nullptr;
  if (windowed) {
    glfwWindowHint(GLFW_RESIZABLE, GLFW_TRUE);
    window = glfwCreateWindow(windowed->width, windowed->height, "OpenDay Kiosk", nullptr, nullptr);
  } else {
    GLFWmonitor* monitor = glfwGetPrimaryMonitor();
    const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr;
    if (!mode) {
      error = "no monitor found for the fullscreen kiosk window (use --windowed WxH to run in a window)";
      return nullptr;
    }
    // Matching the current video mode gives a borderless fullscreen window at native resolution.
    glfwWindowHint(GLFW_RED_BITS, mode->redBits);
    glfwWindowHint(GLFW_GREEN_BITS, mode->greenBits);
    glfwWindowHint(GLFW_BLUE_BITS, mode->blueBits);
    glfwWindowHint(GLFW_REFRESH_RATE, mode->refreshRate);
    glfwWindowHint(GLFW_DECORATED, GLFW_FALSE);
    window = glfwCreateWindow(mode->width, mode->height, "OpenDay Kiosk", monitor, nullptr);
  }
  if (!window) error = "could not create an OpenGL 3.3 core window";
  return window;
}

}  // namespace openday::platform
