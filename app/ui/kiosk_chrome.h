#pragma once
// The kiosk's own parts around the screens: the top bar (Back, Home, the title, 大字, 结束使用
// or 退出管理) and its pop-ups (the idle question, the prize-code confirmation of 结束使用).
#include <imgui.h>

#include <string>

#include "ui/screen_context.h"
#include "ui/text_layout.h"

namespace openday::ui {

// The kiosk's full-screen window, which the screens draw in.
inline constexpr ImGuiWindowFlags kFullscreenFlags =
    ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
    ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoScrollWithMouse;

// What the top bar and its pop-ups need of the shell they sit in.
class ChromeHost {
 public:
  // A context over area for one frame, with the visitor's text size or the normal one.
  virtual ScreenContext context(double now, bool large_text, Rect area) = 0;
  virtual bool large_text() const = 0;
  virtual void set_large_text(bool large) = 0;

 protected:
  ~ChromeHost() = default;
};

class KioskChrome {
 public:
  KioskChrome(ChromeHost& host, TextAudit& audit) : host_(host), audit_(audit) {}

  // Draws the bar (and the 结束使用 confirmation when it is open); returns the height it took.
  float draw_top_bar(double now, float height);
  // "还在使用吗？" above the screen, with its countdown.
  void draw_idle_question(double now);
  // A new visitor: 结束使用 asks again.
  void forget_visitor() { end_confirmation_open_ = end_confirmation_asked_ = false; }

 private:
  void draw_title(ScreenContext& ctx, ImDrawList& draw, const std::string& title, Rect row);
  static bool title_fits(const ScreenContext& ctx, const std::string& title, float left, float right);
  void draw_large_text_toggle(ScreenContext& ctx, ImVec2 pos, ImVec2 size);
  void request_end_session(ScreenContext& ctx, double now);
  void draw_end_confirmation(double now);

  ChromeHost& host_;
  TextAudit& audit_;
  // 结束使用 while the session holds a prize code asks once whether the code was noted.
  bool end_confirmation_open_ = false;
  bool end_confirmation_asked_ = false;
};

}  // namespace openday::ui
