#pragma once
// The kiosk's own parts around the screens: the top bar (Back, Home, the title, 大字, 结束使用
// or 退出管理) and its pop-ups (the idle question, the prize-code confirmation of 结束使用).
#include <imgui.h>

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/booth/booth_link_state.h"
#include "core/staff/booth_desk.h"

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
  // The booth hub (issue 32): the kiosk's link, and at the desk the open staff calls.
  virtual BoothLinkState booth_link() const = 0;
  virtual std::vector<StaffCall> open_staff_calls() const = 0;
  virtual void handle_staff_call(const StaffCall& call) = 0;
  // Says a short text aloud when the voice is free (the desk's call alert).
  virtual void announce(std::string_view text) = 0;

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
  // A new visitor: 结束使用 asks again, and 呼叫工作人员 calls again.
  void forget_visitor() {
    end_confirmation_open_ = end_confirmation_asked_ = false;
    call_card_ = CallCard::None;
    called_ = false;
  }

 private:
  void draw_title(ScreenContext& ctx, ImDrawList& draw, const std::string& title, Rect row);
  static bool title_fits(const ImFont& font, const std::string& title, float left, float right);
  // The 大字 button's width for its icon, label and state badge in this font.
  static float large_text_toggle_width(const ImFont& font, const Metrics& m, bool with_icon);
  void draw_large_text_toggle(ScreenContext& ctx, ImVec2 pos, ImVec2 size, bool with_icon);
  void request_end_session(ScreenContext& ctx, double now);
  void draw_end_confirmation(double now);
  void call_staff(ScreenContext& ctx);
  void draw_call_card(double now);
  float draw_call_banner(double now, float top);

  // 呼叫工作人员: what the card in front of the screen says, and whether this visitor called.
  enum class CallCard { None, Sent, Again, Offline };
  CallCard call_card_ = CallCard::None;
  bool called_ = false;
  std::map<std::string, double> announced_calls_;  // call id -> when the desk last said it aloud

  ChromeHost& host_;
  TextAudit& audit_;
  // 结束使用 while the session holds a prize code asks once whether the code was noted.
  bool end_confirmation_open_ = false;
  bool end_confirmation_asked_ = false;
};

}  // namespace openday::ui
