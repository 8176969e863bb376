// The GL driver's own floor for a first frame: what opening the kiosk's fullscreen OpenGL 3.3
// core window and presenting one cleared frame costs with no kiosk work at all (no content, no
// fonts, no ImGui). The atlas benchmark prints it beside the kiosk's warm start, so a reader can
// tell the time the kiosk spends from the time the driver (llvmpipe under Xvfb) needs anyway.
// Test support only, never installed.
#include <GLFW/glfw3.h>

#include <cstdio>
#include <string>

#include "core/util/process_info.h"
#include "platform/kiosk_window.h"

int main() {
  openday::platform::prepare_glfw_environment();
  if (!glfwInit()) {
    std::fprintf(stderr, "gl_floor_probe: cannot open the display (is DISPLAY set?)\n");
    return 1;
  }
  std::string error;
  GLFWwindow* window = openday::platform::create_kiosk_window(std::nullopt, error);
  if (!window) {
    std::fprintf(stderr, "gl_floor_probe: %s\n", error.c_str());
    glfwTerminate();
    return 1;
  }
  glfwMakeContextCurrent(window);
  glfwSwapInterval(1);
  glClearColor(0.5f, 0.5f, 0.5f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  glfwSwapBuffers(window);
  const auto seconds = openday::seconds_since_process_start();
  std::printf("gl floor %.3f s after process start\n", seconds.value_or(-1));
  glfwDestroyWindow(window);
  glfwTerminate();
  return seconds ? 0 : 1;
}
