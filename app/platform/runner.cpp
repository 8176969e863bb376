#include "platform/runner.h"

#include <GLFW/glfw3.h>
#include <malloc.h>
#include <backends/imgui_impl_glfw.h>

#include <algorithm>
#include <cstdio>

#include "core/util/local_clock.h"
#include "core/util/log.h"
#include "core/util/process_info.h"
#include "platform/heap.h"
#include "platform/kiosk_window.h"
#include "ui/kiosk_shell.h"
#include "ui/theme.h"

namespace openday::platform {
namespace {

void print_glfw_error(int code, const char* description) {
  std::fprintf(stderr, "openday: GLFW error %d: %s\n", code, description);
}

// The longest the loop sleeps with nothing due; input wakes it at once anyway.
constexpr double kLongestSleepSeconds = 60.0;

}  // namespace

Runner& Runner::self(GLFWwindow* window) { return *static_cast<Runner*>(glfwGetWindowUserPointer(window)); }

Runner::Runner(RunnerOptions options) : options_(std::move(options)) {
  // Here, not in open(): the loading threads start between the two.
  prepare_glfw_environment();
  keep_heap_flat();
}

Runner::~Runner() {
  if (renderer_ready_) renderer_.shutdown();
  if (imgui_ready_) {
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
  }
  if (window_) glfwDestroyWindow(window_);
  glfwTerminate();
}

bool Runner::open(std::string& error) {
  glfwSetErrorCallback(print_glfw_error);
  if (!glfwInit()) {
    error = "cannot open the display: is an X server running and DISPLAY set? (GLFW could not initialise)";
    return false;
  }
  window_ = create_kiosk_window(options_.windowed, error);
  if (!window_) return false;
  glfwSetWindowUserPointer(window_, this);
  glfwMakeContextCurrent(window_);
  glfwSwapInterval(1);
  if (kiosk_mode()) glfwSetInputMode(window_, GLFW_CURSOR, GLFW_CURSOR_HIDDEN);  // fingers need no arrow

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  // Our own callbacks forward to ImGui's backend and also wake the idle loop; keys never reach ImGui.
  ImGui_ImplGlfw_InitForOpenGL(window_, false);
  imgui_ready_ = true;
  glfwSetWindowCloseCallback(window_, on_close_request);
  glfwSetKeyCallback(window_, on_key);
  glfwSetCharCallback(window_, on_char);
  glfwSetMouseButtonCallback(window_, on_mouse_button);
  glfwSetCursorPosCallback(window_, on_cursor_pos);
  glfwSetScrollCallback(window_, on_scroll);
  glfwSetWindowFocusCallback(window_, on_focus);
  glfwSetCursorEnterCallback(window_, on_cursor_enter);
  glfwSetWindowRefreshCallback(window_, on_refresh);
  if (!renderer_.init(error)) return false;
  renderer_ready_ = true;
  return true;
}

void Runner::wake() { glfwPostEmptyEvent(); }

void Runner::request_stop() {
  stop_requested_ = true;
  glfwPostEmptyEvent();
}

void Runner::on_close_request(GLFWwindow* window) {
  if (self(window).kiosk_mode()) {
    glfwSetWindowShouldClose(window, GLFW_FALSE);  // Alt+F4 and the window manager's close do nothing
    std::fprintf(stderr, "openday: close request ignored in kiosk mode\n");
  }
}

bool Runner::text_input_wanted() const { return kiosk_ && kiosk_->wants_text_input(); }

// Keys reach ImGui only while the screen takes typed text, and then only the keys that edit
// it: Esc, Alt+F4, the function keys and every shortcut still do nothing at the kiosk.
void Runner::on_key(GLFWwindow* window, int key, int scancode, int action, int mods) {
  Runner& runner = self(window);
  const bool editing_key = key == GLFW_KEY_ENTER || key == GLFW_KEY_KP_ENTER || key == GLFW_KEY_BACKSPACE;
  // A release always passes, so that a key held while the screen changed does not stay down.
  if (editing_key && (action == GLFW_RELEASE || runner.text_input_wanted())) {
    runner.input_seen_ = true;
    auto& pressed = runner.keys_pressed_since_frame_;
    if (action == GLFW_PRESS) pressed.push_back(key);
    if (action == GLFW_RELEASE && std::find(pressed.begin(), pressed.end(), key) != pressed.end()) {
      runner.deferred_releases_.push_back({key, scancode, mods});
    } else {
      ImGui_ImplGlfw_KeyCallback(window, key, scancode, action, mods);
    }
  }
  if (runner.kiosk_mode()) return;  // no other key does anything at the kiosk
  if (action == GLFW_PRESS && key == GLFW_KEY_Q && (mods & GLFW_MOD_CONTROL)) glfwSetWindowShouldClose(window, GLFW_TRUE);
}

void Runner::on_char(GLFWwindow* window, unsigned int codepoint) {
  Runner& runner = self(window);
  if (!runner.text_input_wanted()) return;
  runner.input_seen_ = true;
  ImGui_ImplGlfw_CharCallback(window, codepoint);
}

void Runner::on_mouse_button(GLFWwindow* window, int button, int action, int mods) {
  self(window).input_seen_ = true;
  ImGui_ImplGlfw_MouseButtonCallback(window, button, action, mods);
}

void Runner::on_cursor_pos(GLFWwindow* window, double, double) { self(window).input_seen_ = true; }

void Runner::on_scroll(GLFWwindow* window, double x, double y) {
  self(window).input_seen_ = true;
  ImGui_ImplGlfw_ScrollCallback(window, x, y);
}

void Runner::on_focus(GLFWwindow* window, int focused) {
  self(window).input_seen_ = true;
  ImGui_ImplGlfw_WindowFocusCallback(window, focused);
}

void Runner::on_cursor_enter(GLFWwindow* window, int entered) {
  self(window).input_seen_ = true;
  ImGui_ImplGlfw_CursorEnterCallback(window, entered);
}

void Runner::on_refresh(GLFWwindow* window) {
  Runner& runner = self(window);
  runner.input_seen_ = true;
  runner.must_present_ = true;  // the window system lost (part of) the picture
}

bool Runner::prepare_fonts(ui::KioskShell& kiosk, std::string& error) {
  int width = 0, height = 0;
  glfwGetWindowSize(window_, &width, &height);
  if (width <= 0 || height <= 0) return true;  // minimised: nothing to bake for
  ImGui::GetIO().DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
  if (!kiosk.fonts_outdated()) return true;
  if (!kiosk.rebuild_fonts(error)) return false;
  if (!renderer_.upload_font_atlas(*ImGui::GetIO().Fonts, error)) return false;
  must_present_ = true;
  malloc_trim(0);  // hand the glyph builder's scratch memory back before the renderer needs its own
  const auto& stats = kiosk.fonts().stats();
  std::fprintf(stderr, "openday: font atlas %dx%d, %d glyphs, %s in %.0f ms%s\n", stats.width, stats.height, stats.glyphs,
               stats.from_cache ? "from the cache" : "baked", stats.build_ms,
               stats.downscale < 1.0f ? " (glyphs rasterised smaller to fit the GPU's texture limit)" : "");
  return true;
}

void Runner::draw_frame(ui::KioskShell& kiosk, double now) {
  renderer_.begin_frame();
  ImGui_ImplGlfw_NewFrame();
  kiosk.frame(now);
  // The frame has seen the keys pressed since the last one: now they may go up.
  keys_pressed_since_frame_.clear();
  for (const KeyRelease& release : deferred_releases_) ImGui_ImplGlfw_KeyCallback(window_, release.key, release.scancode, GLFW_RELEASE, release.mods);
  if (!deferred_releases_.empty()) input_seen_ = true;  // one more frame to see them up
  deferred_releases_.clear();
}

// Rendering and swapping a full-screen frame is most of a frame's cost on a kiosk without a GPU
// (llvmpipe). A frame that only repeats the picture on screen, or that the next frame replaces
// anyway (the tap navigated: the new screen is drawn next), is not worth it: skipping it puts the
// screen the visitor asked for on the glass one render sooner, and keeps the idle loop cheap.
// A screenshot is read from the rendered back buffer, so then every frame is rendered.
bool Runner::worth_presenting(const ui::KioskShell& kiosk) {
  if (options_.screenshot || must_present_ || frames_presented_ == 0) return true;
  if (kiosk.frame_outdated() && outdated_frames_unshown_ < kMostOutdatedFramesUnshown) {
    ++outdated_frames_unshown_;
    return false;
  }
  outdated_frames_unshown_ = 0;
  return kiosk.frame_signature() != presented_signature_;
}

void Runner::present(const ui::KioskShell& kiosk) {
  int width = 0, height = 0;
  glfwGetFramebufferSize(window_, &width, &height);
  renderer_.render(ImGui::GetDrawData(), width, height);
  presented_signature_ = kiosk.frame_signature();
  must_present_ = false;
  ++frames_presented_;
}

void Runner::report_first_frame(const ui::KioskShell& kiosk) const {
  const auto since_start = seconds_since_process_start();
  const auto& stats = kiosk.fonts().stats();
  std::fprintf(stderr, "openday: first frame %.3f s after process start (font atlas %dx%d, %d glyphs, %s in %.0f ms)\n",
               since_start.value_or(-1), stats.width, stats.height, stats.glyphs, stats.from_cache ? "from the cache" : "baked",
               stats.build_ms);
  report_physical_sizes(kiosk);
}

// The wall clock (not the loop's clock) so that a benchmark can match it with the moment its
// synthetic finger lifted, and the frame's signature, so that it can tell the frames that
// changed the picture from those that only confirmed it.
void Runner::report_frame_presented() const {
  if (!options_.log_frames) return;
  std::fprintf(stderr, "openday: frame %lld %016llx\n", static_cast<long long>(wall_clock_ms()),
               static_cast<unsigned long long>(presented_signature_));
}

// The 适老化 floors are physical (mm on the glass); the layout is in pixels. Say what they come
// to on this monitor, and warn the deployer when a small, dense screen falls below them.
void Runner::report_physical_sizes(const ui::KioskShell& kiosk) const {
  GLFWmonitor* monitor = glfwGetWindowMonitor(window_);
  if (!monitor) monitor = glfwGetPrimaryMonitor();
  int width_mm = 0, height_mm = 0;
  if (monitor) glfwGetMonitorPhysicalSize(monitor, &width_mm, &height_mm);
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const ImFontGlyph* character = kiosk.fonts().font(ui::FontRole::Body, false)->FindGlyphNoFallback(0x5B57);  // 字
  ui::PhysicalSizes sizes;
  if (!character || !ui::physical_sizes(display, ImVec2(static_cast<float>(width_mm), static_cast<float>(height_mm)), kiosk.metrics(),
                                        character->AdvanceX, sizes)) {
    std::fprintf(stderr, "openday: the monitor does not report its physical size; sizes are checked in pixels only\n");
    return;
  }
  std::fprintf(stderr, "openday: on this %dx%d mm monitor body text is %.1f mm per character (大字 %.1f mm), touch targets at least %.1f mm\n",
               width_mm, height_mm, sizes.body_character_mm, sizes.large_body_character_mm, sizes.touch_target_mm);
  if (!sizes.meets_floors())
    std::fprintf(stderr, "openday: warning: below the elderly-friendly floors (%.1f mm text, %.0f mm targets): use a larger monitor\n",
                 ui::kMinBodyCharacterMm, ui::kMinTouchTargetMm);
}

int Runner::run(ui::KioskShell& kiosk) {
  kiosk_ = &kiosk;
  std::string error;
  int frames_pending = kFramesAfterInput;
  while (!glfwWindowShouldClose(window_) && !stop_requested_) {
    if (!prepare_fonts(kiosk, error)) {
      std::fprintf(stderr, "openday: %s\n", error.c_str());
      return 1;
    }
    const double now = glfwGetTime();
    watchdog_.ping(now);
    const double wait = kiosk.seconds_until_next_frame(now);
    if (frames_pending == 0 && wait > 0) {
      // Idle, the loop still wakes in time to tell systemd it is alive.
      glfwWaitEventsTimeout(std::min({wait, kLongestSleepSeconds, watchdog_.longest_sleep_seconds().value_or(kLongestSleepSeconds)}));
    } else {
      glfwPollEvents();
    }
    if (stop_requested_) break;
    if (input_seen_) {
      input_seen_ = false;
      frames_pending = kFramesAfterInput;
    }
    if (frames_pending == 0 && kiosk.seconds_until_next_frame(glfwGetTime()) > 0) continue;
    if (glfwGetWindowAttrib(window_, GLFW_ICONIFIED)) continue;

    draw_frame(kiosk, glfwGetTime());
    ++frames_drawn_;
    if (kiosk.quit_requested()) {
      log_line("staff left the app");
      break;
    }
    if (frames_pending > 0) --frames_pending;
    if (!worth_presenting(kiosk)) continue;
    present(kiosk);

    // A photograph shows the final layout: after the frames asked for, wait (bounded) until
    // the kiosk has settled and no background work (a voucher commit, a report) is running.
    const bool photo_ready = frames_drawn_ >= options_.screenshot_frames &&
                             (kiosk.settled() || frames_drawn_ >= options_.screenshot_frames + kScreenshotSettleFrames);
    if (options_.screenshot && photo_ready) {
      int width = 0, height = 0;
      glfwGetFramebufferSize(window_, &width, &height);
      if (!renderer_.save_png(*options_.screenshot, width, height, error)) {
        std::fprintf(stderr, "openday: %s\n", error.c_str());
        return 1;
      }
      std::fprintf(stderr, "openday: screenshot %dx%d written to %s\n", width, height, options_.screenshot->c_str());
      return 0;
    }
    if (options_.screenshot) frames_pending = std::max(frames_pending, 1);
    glfwSwapBuffers(window_);
    report_frame_presented();
    if (frames_presented_ == 1) {
      report_first_frame(kiosk);
      watchdog_.ready();
    }
  }
  watchdog_.stopping();
  if (stop_requested_) log_line("stopping on request");
  return 0;
}

}  // namespace openday::platform
