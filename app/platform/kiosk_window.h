#pragma once
// The kiosk's window: one OpenGL 3.3 core context, borderless fullscreen on the primary monitor
// or (for staff and tests) an ordinary window. Shared by the runner and the GL floor probe of
// the benchmarks, so the probe measures the very window the kiosk opens.
#include <optional>
#include <string>

#include "core/util/window_size.h"

struct GLFWwindow;

namespace openday::platform {

// Adjusts the process environment for GLFW. Call before any thread starts: setenv races
// with getenv on other threads.
void prepare_glfw_environment();

// After glfwInit: the window, or nullptr with the reason in error.
GLFWwindow* create_kiosk_window(const std::optional<WindowSize>& windowed, std::string& error);

}  // namespace openday::platform
