#include "platform/display_probe.h"

#include <GLFW/glfw3.h>

#include <cstdlib>

namespace openday::platform {

DisplayProbe probe_display() {
  DisplayProbe probe;
  const char* display = std::getenv("DISPLAY");
  if (!display || !*display) {
    probe.error = "DISPLAY is not set";
    return probe;
  }
  glfwSetErrorCallback(nullptr);  // the probe reports its own failure
  if (!glfwInit()) {
    probe.error = std::string("cannot open display ") + display;
    return probe;
  }
  GLFWmonitor* monitor = glfwGetPrimaryMonitor();
  const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr;
  if (mode) {
    probe.width = mode->width;
    probe.height = mode->height;
  } else {
    probe.error = std::string("display ") + display + " has no monitor";
  }
  glfwTerminate();
  return probe;
}

}  // namespace openday::platform
