#pragma once
// The window, its GL context, and the idle-aware main loop. The runner owns the loop; the
// kiosk provides frames. In kiosk mode nothing on the keyboard and no close request leaves.
#include <atomic>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/util/window_size.h"
#include "platform/gl_renderer.h"
#include "platform/watchdog.h"

struct GLFWwindow;

namespace openday::ui {
class KioskShell;
}

namespace openday::platform {

struct RunnerOptions {
  std::optional<WindowSize> windowed;  // absent: borderless fullscreen on the primary monitor
  std::optional<std::filesystem::path> screenshot;
  int screenshot_frames = 6;
  bool log_frames = false;  // log the wall clock of each frame presented (benchmarks)
};

class Runner {
 public:
  // Construct before any thread starts: it adjusts the process environment for GLFW.
  explicit Runner(RunnerOptions options);
  ~Runner();
  Runner(const Runner&) = delete;
  Runner& operator=(const Runner&) = delete;

  // Opens the window, the GL context and the ImGui context (with its GLFW/GL backends).
  bool open(std::string& error);
  // Runs until the window may close (never, in kiosk mode, until staff leave) or, with
  // --screenshot, until the screenshot is written. Returns the process exit code.
  int run(ui::KioskShell& kiosk);

  // The largest font atlas side the GPU takes (after open()).
  int max_texture_size() const { return renderer_.max_texture_size(); }

  // Thread-safe: ends run() after the current frame (a stop signal, or staff leaving).
  void request_stop();
  // From any thread, once open() succeeded: draw a frame soon (the speech thread moved on).
  static void wake();

  // Frames drawn after each input, so that layouts settle (popups measure on their first frame).
  static constexpr int kFramesAfterInput = 3;
  // At most this many frames more than asked for wait for the kiosk to settle before a screenshot.
  static constexpr int kScreenshotSettleFrames = 300;
  // A frame the kiosk calls outdated is not presented, but never more than this many in a row
  // (a screen that kept asking for a scroll would otherwise never be shown).
  static constexpr int kMostOutdatedFramesUnshown = 2;

 private:
  static void on_close_request(GLFWwindow* window);
  static void on_key(GLFWwindow* window, int key, int scancode, int action, int mods);
  static void on_char(GLFWwindow* window, unsigned int codepoint);
  static void on_mouse_button(GLFWwindow* window, int button, int action, int mods);
  static void on_cursor_pos(GLFWwindow* window, double x, double y);
  static void on_scroll(GLFWwindow* window, double x, double y);
  static void on_focus(GLFWwindow* window, int focused);
  static void on_cursor_enter(GLFWwindow* window, int entered);
  static void on_refresh(GLFWwindow* window);
  static Runner& self(GLFWwindow* window);

  bool prepare_fonts(ui::KioskShell& kiosk, std::string& error);
  void draw_frame(ui::KioskShell& kiosk, double now);
  bool worth_presenting(const ui::KioskShell& kiosk);
  void present(const ui::KioskShell& kiosk);
  void report_first_frame(const ui::KioskShell& kiosk) const;
  void report_frame_presented() const;
  void report_physical_sizes(const ui::KioskShell& kiosk) const;
  bool kiosk_mode() const { return !options_.windowed.has_value(); }
  bool text_input_wanted() const;

  RunnerOptions options_;
  GLFWwindow* window_ = nullptr;
  const ui::KioskShell* kiosk_ = nullptr;  // while run() runs: asked whether typed text is wanted
  // ImGui 1.86 reads keys as up/down once per frame: a press and release that arrive between
  // two frames (a scanner's Enter) would never be seen down. Such a release waits one frame.
  struct KeyRelease {
    int key, scancode, mods;
  };
  std::vector<int> keys_pressed_since_frame_;
  std::vector<KeyRelease> deferred_releases_;
  bool imgui_ready_ = false;
  bool renderer_ready_ = false;
  bool font_texture_ready_ = false;
  bool input_seen_ = false;
  std::atomic<bool> stop_requested_{false};
  int frames_drawn_ = 0;
  int frames_presented_ = 0;
  int outdated_frames_unshown_ = 0;
  std::uint64_t presented_signature_ = 0;
  // The window's pixels may no longer be the last frame presented (exposed, resized, a new font
  // texture): the next frame is presented even if it draws the same.
  bool must_present_ = true;
  GlRenderer renderer_;
  Watchdog watchdog_;  // systemd: READY=1 after the first frame, WATCHDOG=1 from the loop
};

}  // namespace openday::platform
