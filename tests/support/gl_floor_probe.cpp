// The GL driver's own floor for a first frame: what opening the kiosk's fullscreen OpenGL 3.3
// core window and presenting one cleared frame costs with no kiosk work at all (no content, no
// fonts, no ImGui). The atlas benchmark prints it beside the kiosk's warm start, so a reader can
// tell the time the kiosk spends from the time the driver (llvmpipe under Xvfb) needs anyway.
// Test support only, never installed.
#include <GLFW/glfw3.h>

#include <cstdio>
#include <cstdlib>

#include "core/util/process_info.h"

namespace {

// The same window the kiosk opens (app/platform/runner.cpp): borderless fullscreen at the
// monitor's mode, no depth or stencil buffer.
GLFWwindow* open_kiosk_like_window() {
  GLFWmonitor* monitor = glfwGetPrimaryMonitor();
  const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr;
  if (!mode) return nullptr;
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_AUTO_ICONIFY, GLFW_FALSE);
  glfwWindowHint(GLFW_DEPTH_BITS, 0);
  glfwWindowHint(GLFW_STENCIL_BITS, 0);
  glfwWindowHint(GLFW_RED_BITS, mode->redBits);
  glfwWindowHint(GLFW_GREEN_BITS, mode->greenBits);
  glfwWindowHint(GLFW_BLUE_BITS, mode->blueBits);
  glfwWindowHint(GLFW_REFRESH_RATE, mode->refreshRate);
  glfwWindowHint(GLFW_DECORATED, GLFW_FALSE);
  return glfwCreateWindow(mode->width, mode->height, "gl floor probe", monitor, nullptr);
}

}  // namespace

int main() {
  setenv("XCOMPOSEFILE", "/dev/null", 0);  // as the kiosk does
  if (!glfwInit()) {
    std::fprintf(stderr, "gl_floor_probe: cannot open the display (is DISPLAY set?)\n");
    return 1;
  }
  GLFWwindow* window = open_kiosk_like_window();
  if (!window) {
    std::fprintf(stderr, "gl_floor_probe: could not open a fullscreen OpenGL 3.3 core window\n");
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
