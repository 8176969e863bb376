#include "ui/kiosk_chrome.h"

#include <algorithm>
#include <cfloat>
#include <cmath>

#include "core/content/ui_text.h"
#include "ui/route_registry.h"
#include "ui/widgets.h"

namespace openday::ui {
namespace {

// A pop-up: a full-screen window of its own, drawn above the screen, without a background.
constexpr ImGuiWindowFlags kPopupFlags = (kFullscreenFlags & ~ImGuiWindowFlags_NoBringToFrontOnFocus) | ImGuiWindowFlags_NoBackground;

Rect whole_display() { return Rect{ImVec2(0, 0), ImGui::GetIO().DisplaySize}; }

float text_width(const ImFont& font, std::string_view text) {
  return font.CalcTextSizeA(font.FontSize, FLT_MAX, 0, text.data(), text.data() + text.size()).x;
}

}  // namespace

float KioskChrome::draw_top_bar(double now, float height) {
  ScreenContext probe = host_.context(now, false, whole_display());
  const Metrics& m = probe.metrics();
  const FontSet& fonts = probe.font_set();
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  ImDrawList& draw = *ImGui::GetWindowDrawList();
  // 大字 grows the bar with its words: a taller bar, its labels in the large heading face.
  const bool large = host_.large_text();
  if (large) height = std::max(height, m.large_top_bar_height);
  const float inset = std::round(14 * m.unit);
  const float button_height = height - 2 * inset;
  const float top = inset - std::round(2 * m.unit);
  Router& router = probe.router();
  const bool staff_route = is_staff_route(router.current_route());
  const bool nav_buttons = router.can_go_back();
  const bool home_button = nav_buttons && !probe.staff().staff_mode();
  // Each button as wide as its icon and words need, and never narrower than the design's. The
  // icons come off the bar when the row cannot hold them beside the words (a portrait screen):
  // the words always stay, at their size.
  bool icons = true;
  const auto fitted = [&](const ImFont& font, float design_px, Icon icon, std::string_view label) {
    return std::max(std::round(design_px * m.unit), std::ceil((icons ? icon_room(font, icon) : 0) + text_width(font, label) + 2 * m.gap));
  };
  const auto row_width = [&](const ImFont& font) {
    const float nav = std::max(fitted(font, 200, Icon::Back, tr(Text::Back)), fitted(font, 200, Icon::Home, tr(Text::Home)));
    const float end = staff_route ? fitted(font, 260, Icon::None, tr(Text::StaffLeave)) : fitted(font, 260, Icon::EndSession, tr(Text::EndSession));
    const float toggle = std::max(std::round(250 * m.unit), std::ceil(large_text_toggle_width(font, m, icons)));
    return m.margin + 2 * nav + end + toggle + 3 * m.gap;
  };
  // The large heading face on the bar's buttons while the row still holds them (a narrow
  // portrait screen keeps the normal face on the taller bar).
  const bool large_face = large && row_width(*fonts.font(FontRole::Heading, true)) <= display.x;
  const ImFont& heading_font = *fonts.font(FontRole::Heading, large_face);
  icons = row_width(heading_font) <= display.x;
  const float nav_width =
      std::max(fitted(heading_font, 200, Icon::Back, tr(Text::Back)), fitted(heading_font, 200, Icon::Home, tr(Text::Home)));
  const ImVec2 nav_size(nav_width, button_height);
  const ImVec2 end_size(staff_route ? fitted(heading_font, 260, Icon::None, tr(Text::StaffLeave))
                                    : fitted(heading_font, 260, Icon::EndSession, tr(Text::EndSession)),
                        button_height);
  const ImVec2 toggle_size(std::max(std::round(250 * m.unit), std::ceil(large_text_toggle_width(heading_font, m, icons))), button_height);
  // 呼叫工作人员 on a kiosk linked to the booth hub: wide enough for its words.
  const bool call_button = !staff_route && host_.booth_link().configured;
  const std::string_view call_label = tr(Text::CallStaff);
  const float call_text = text_width(heading_font, call_label);
  const ImVec2 call_size(std::max(std::round(200 * m.unit), std::round(call_text + 4 * inset)), button_height);
  // The room the buttons leave for the title, between the left and the right groups.
  const float left = m.margin * 0.5f + (nav_buttons ? nav_size.x + m.gap : 0) + (home_button ? nav_size.x + m.gap : 0);
  const float end_x = display.x - m.margin * 0.5f - end_size.x;
  const float toggle_x = end_x - m.gap - toggle_size.x;
  // Beside 大字 when the row has room; else (a portrait screen) at the right of a second row.
  const bool call_in_first_row = call_button && toggle_x - m.gap - call_size.x >= left + m.gap;
  const bool call_in_second_row = call_button && !call_in_first_row;
  const float call_x = call_in_first_row ? toggle_x - m.gap - call_size.x : display.x - m.margin * 0.5f - call_size.x;
  const float right = staff_route ? end_x : call_in_first_row ? call_x : toggle_x;

  // A title with no room beside the buttons (a portrait screen) gets a row of its own under
  // them: the visitor must always see where they are.
  const Screen* screen = router.current();
  const std::string title = screen ? screen->title() : std::string();
  const bool title_row = (!title.empty() && !title_fits(heading_font, title, left, right - m.gap)) || call_in_second_row;
  const float accent = std::round(4 * m.unit);
  const float second_row = std::max(line_height(heading_font.FontSize), call_in_second_row ? button_height + inset * 0.5f : 0.0f) + inset;
  const float bar_height = title_row ? height + second_row : height;
  draw.AddRectFilled(ImVec2(0, 0), ImVec2(display.x, bar_height), colors::kSurface);
  draw.AddRectFilled(ImVec2(0, bar_height - accent), ImVec2(display.x, bar_height), colors::kAccent);

  // In large-text mode the bar grows but keeps its places: Back and Home stay at the left.
  ScreenContext ctx = host_.context(now, large_face, Rect{ImVec2(0, 0), ImVec2(display.x, bar_height)});
  const auto bar_button = [&](const char* id, ImVec2 pos, ImVec2 size, std::string_view label, Icon icon) {
    ButtonSpec spec{id, pos, size, label, ButtonKind::Secondary};
    spec.icon = icons ? icon : Icon::None;
    return big_button(ctx, spec);
  };
  if (nav_buttons) {
    if (bar_button("topbar.back", ImVec2(m.margin * 0.5f, top), nav_size, tr(Text::Back), Icon::Back)) router.back();
    if (home_button && bar_button("topbar.home", ImVec2(m.margin * 0.5f + nav_size.x + m.gap, top), nav_size, tr(Text::Home), Icon::Home))
      router.home();
  }
  if (staff_route) {
    // Staff screens: no visitor buttons, one way back to the kiosk.
    if (big_button(ctx, {"topbar.staff_leave", ImVec2(end_x, top), end_size, tr(Text::StaffLeave), ButtonKind::Secondary}))
      ctx.staff().leave_staff_mode();
  } else {
    if (bar_button("topbar.end_session", ImVec2(end_x, top), end_size, tr(Text::EndSession), Icon::EndSession)) request_end_session(ctx, now);
    draw_large_text_toggle(ctx, ImVec2(toggle_x, top), toggle_size, icons);
    // In the second row: centred between the first row's buttons and the accent line.
    const float row_top = height - inset * 0.5f;
    const float call_y = call_in_first_row ? top : std::round(row_top + (height + second_row - accent - row_top - button_height) * 0.5f);
    if (call_button && big_button(ctx, {"topbar.call_staff", ImVec2(call_x, call_y), call_size, call_label, ButtonKind::Secondary}))
      call_staff(ctx);
  }
  if (title_row && !title.empty())
    draw_title(ctx, draw, title,
               Rect{ImVec2(m.margin * 0.5f, height - inset), ImVec2(call_in_second_row ? call_x - m.gap : display.x - m.margin * 0.5f, bar_height - accent)});
  else if (!title.empty())
    draw_title(ctx, draw, title, Rect{ImVec2(left, 0), ImVec2(right - m.gap, height)});
  if (end_confirmation_open_ && ctx.sessions().phase() != SessionPhase::Warning) draw_end_confirmation(now);
  if (call_card_ != CallCard::None && ctx.sessions().phase() != SessionPhase::Warning) draw_call_card(now);
  // At the desk, a visitor's call stays under the bar on every screen until staff handle it.
  // Signed in only: the PIN keypad keeps its place while staff type.
  if (staff_route && ctx.staff().staff_mode()) return bar_height + draw_call_banner(now, bar_height);
  return bar_height;
}

// 呼叫工作人员: logged at once (the uplink takes it to the desk); the card says honestly whether
// the desk can hear it now. A second call of the same visitor only says it was already sent.
void KioskChrome::call_staff(ScreenContext& ctx) {
  if (called_) {
    call_card_ = CallCard::Again;
    return;
  }
  const BoothLinkState link = host_.booth_link();
  Event call;
  call.type = EventType::StaffCalled;
  call.screen = ctx.router().current_route();
  if (const auto match = match_route(call.screen, ctx.content())) {
    if (match->params.department) call.department = match->params.department->id;
    if (match->params.item) call.item = match->params.item->id;
  }
  call.value = link.reachable ? 1 : 0;
  ctx.log(std::move(call));
  // Not heard now: the row reaches the desk when the link returns, and the visitor is sent to
  // the desk meanwhile; another tap then calls again.
  called_ = link.reachable;
  call_card_ = link.reachable ? CallCard::Sent : CallCard::Offline;
}

void KioskChrome::draw_call_card(double now) {
  const ScreenContext probe = host_.context(now, false, whole_display());
  const Metrics& m = probe.metrics();
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(display);
  ImGui::SetNextWindowFocus();
  ImGui::Begin("##call_card", nullptr, kPopupFlags);
  ImDrawList& draw = *ImGui::GetWindowDrawList();
  draw.AddRectFilled(ImVec2(0, 0), display, IM_COL32(0, 0, 0, 150));
  const bool large = host_.large_text();
  ScreenContext ctx = host_.context(now, large, whole_display());
  const ImFont& title_font = *ctx.font(FontRole::Display);
  const ImFont& detail_font = *ctx.font(FontRole::Heading);
  const float card_width = std::min(display.x - 2 * m.margin, 1100 * m.unit);
  const float inner = card_width - 2 * m.margin;
  const Text title = call_card_ == CallCard::Sent ? Text::CallStaffSent : call_card_ == CallCard::Again ? Text::CallStaffAgain : Text::CallStaffOffline;
  const std::string detail = call_card_ == CallCard::Offline ? fill_text(Text::CallStaffOfflineDetailFormat, {ctx.config().prize_desk})
                                                             : std::string(tr(Text::CallStaffSentDetail));
  // The card grows with its words (大字 wraps them), and is never taller than the screen.
  const float title_height = measure_wrapped_height(title_font, title_font.FontSize, tr(title), inner);
  const float detail_height = measure_wrapped_height(detail_font, detail_font.FontSize, detail, inner);
  const float button_height = std::max(m.touch_min * 1.3f, line_height(title_font.FontSize) + m.gap);
  const float card_height = std::min(display.y - 2 * m.margin, m.margin * 2 + title_height + m.gap + detail_height + m.gap * 1.5f + button_height);
  const ImVec2 min((display.x - card_width) * 0.5f, (display.y - card_height) * 0.5f);
  const ImVec2 max(min.x + card_width, min.y + card_height);
  draw.AddRectFilled(min, max, colors::kSurface, m.corner);
  float y = min.y + m.margin;
  y += draw_wrapped_text(draw, title_font, title_font.FontSize, ImVec2(min.x + m.margin, y),
                         call_card_ == CallCard::Offline ? colors::kAccent : colors::kText, tr(title), inner, Align::Center);
  y += m.gap;
  y += draw_wrapped_text(draw, detail_font, detail_font.FontSize, ImVec2(min.x + m.margin, y), colors::kText, detail, inner, Align::Center);
  if (big_button(ctx, {"call.ok", ImVec2(min.x + m.margin, max.y - m.margin - button_height), ImVec2(inner, button_height), tr(Text::CallStaffOk),
                       ButtonKind::Primary, FontRole::Display}))
    call_card_ = CallCard::None;
  ImGui::End();
}

// The desk: the oldest open call under the top bar, with 已处理; said aloud when it comes and
// again every half minute until someone handles it.
float KioskChrome::draw_call_banner(double now, float top) {
  constexpr double kRepeatSeconds = 30;
  const std::vector<StaffCall> calls = host_.open_staff_calls();
  if (calls.empty()) return 0;
  bool say = false;
  for (const StaffCall& call : calls) {
    const auto [at, fresh] = announced_calls_.try_emplace(call.id, now);
    if (fresh || now - at->second >= kRepeatSeconds) {
      at->second = now;
      say = true;
    }
  }
  if (say) host_.announce(tr(Text::BoothCallSpoken));
  ScreenContext ctx = host_.context(now, false, whole_display());
  const Metrics& m = ctx.metrics();
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const float height = std::round(m.touch_min * 1.3f);
  ImDrawList& draw = *ImGui::GetWindowDrawList();
  draw.AddRectFilled(ImVec2(0, top), ImVec2(display.x, top + height), colors::kAccent);
  const StaffCall& call = calls.front();
  std::string words = fill_text(Text::BoothCallBannerFormat, {call.kiosk_id}) + "　" + format_local_time(call.at_ms, "%H:%M");
  if (!call.department.empty()) words += "　" + call.department;
  if (calls.size() > 1) words += "　(+" + std::to_string(calls.size() - 1) + ")";
  const ImVec2 button(std::round(260 * m.unit), height - 2 * std::round(10 * m.unit));
  const ImFont& font = *ctx.font(FontRole::Heading);
  const float text_width = display.x - 2 * m.margin - button.x - m.gap;
  const std::string shown = ellipsize(font, font.FontSize, words, text_width);
  draw_text_line(draw, font, font.FontSize, ImVec2(m.margin, std::floor(top + (height - font.FontSize) * 0.5f)), colors::kOnAccent, shown);
  const std::string id = "banner.call_handled." + call.id;
  if (big_button(ctx, {id.c_str(), ImVec2(display.x - m.margin - button.x, top + (height - button.y) * 0.5f), button, tr(Text::BoothCallHandled),
                       ButtonKind::Secondary}))
    host_.handle_staff_call(call);
  return height;
}

// The 大字 switch: its label never changes; a badge says the state it has set, by word (开/关)
// and by shape (a filled badge with a check mark, or an empty outline), not by colour alone.
// Its icon stands left of the label.
namespace {

struct ToggleLayout {
  float icon = 0;  // icon_room(): 0 without the icon font
  ImVec2 label, state, badge;
  float check = 0, pad = 0, gap = 0;
  float total() const { return icon + label.x + gap + badge.x; }
};

ToggleLayout toggle_layout(const ImFont& font, const Metrics& m, bool on, float height, bool with_icon) {
  ToggleLayout t;
  const std::string_view label = tr(Text::LargeTextOn);
  const std::string_view state = tr(on ? Text::LargeTextStateOn : Text::LargeTextStateOff);
  t.icon = with_icon ? icon_room(font, Icon::LargeText) : 0;
  t.label = font.CalcTextSizeA(font.FontSize, FLT_MAX, 0, label.data(), label.data() + label.size());
  t.state = font.CalcTextSizeA(font.FontSize, FLT_MAX, 0, state.data(), state.data() + state.size());
  t.pad = std::round(10 * m.unit);
  t.check = on ? std::round(t.state.y * 0.45f) : 0;
  t.badge = ImVec2(t.state.x + t.check + 2 * t.pad + (t.check > 0 ? t.pad * 0.5f : 0), std::min(height - 2 * t.pad, t.state.y + t.pad));
  t.gap = std::round(12 * m.unit);
  return t;
}

}  // namespace

float KioskChrome::large_text_toggle_width(const ImFont& font, const Metrics& m, bool with_icon) {
  // The wider of the two states, so that the button does not change size when tapped.
  return std::max(toggle_layout(font, m, true, FLT_MAX, with_icon).total(), toggle_layout(font, m, false, FLT_MAX, with_icon).total()) +
         2 * m.gap;
}

void KioskChrome::draw_large_text_toggle(ScreenContext& ctx, ImVec2 pos, ImVec2 size, bool with_icon) {
  const Metrics& m = ctx.metrics();
  const bool large_text = host_.large_text();
  const std::string_view state = tr(large_text ? Text::LargeTextStateOn : Text::LargeTextStateOff);
  const std::string_view label = tr(Text::LargeTextOn);
  ButtonSpec spec{"topbar.large_text", pos, size, label, large_text ? ButtonKind::Primary : ButtonKind::Secondary};
  spec.state = state;
  spec.caller_draws_label = true;
  const bool tapped = big_button(ctx, spec);
  ImDrawList& draw = *ImGui::GetWindowDrawList();
  const ImFont& font = *ctx.font(FontRole::Heading);
  const ToggleLayout t = toggle_layout(font, m, large_text, size.y, with_icon);
  const float x = std::floor(pos.x + (size.x - t.total()) * 0.5f);
  const float cy = pos.y + size.y * 0.5f;
  const ImU32 ink = large_text ? colors::kOnAccent : colors::kText;
  if (with_icon) draw_icon(draw, font, Icon::LargeText, ImVec2(x, std::floor(cy - font.FontSize * 0.5f)), ink);
  const float label_x = x + t.icon;
  draw.AddText(&font, font.FontSize, ImVec2(label_x, std::floor(cy - t.label.y * 0.5f)), ink, label.data(), label.data() + label.size());
  const ImVec2 badge_min(label_x + t.label.x + t.gap, std::floor(cy - t.badge.y * 0.5f));
  const ImVec2 badge_max(badge_min.x + t.badge.x, badge_min.y + t.badge.y);
  const float thickness = std::max(2.0f, std::round(3 * m.unit));
  if (large_text) {
    draw.AddRectFilled(badge_min, badge_max, colors::kOnAccent, t.badge.y * 0.5f);
    const float cx = badge_min.x + t.pad, mid = cy;
    const ImVec2 tick[] = {ImVec2(cx, mid), ImVec2(cx + t.check * 0.38f, mid + t.check * 0.4f), ImVec2(cx + t.check, mid - t.check * 0.45f)};
    draw.AddPolyline(tick, 3, colors::kAccent, 0, thickness * 1.4f);
    draw.AddText(&font, font.FontSize, ImVec2(cx + t.check + t.pad * 0.5f, std::floor(cy - t.state.y * 0.5f)), colors::kAccent,
                 state.data(), state.data() + state.size());
  } else {
    draw.AddRect(badge_min, badge_max, colors::kTextMuted, t.badge.y * 0.5f, 0, thickness);
    draw.AddText(&font, font.FontSize, ImVec2(badge_min.x + t.pad, std::floor(cy - t.state.y * 0.5f)), colors::kTextMuted,
                 state.data(), state.data() + state.size());
  }
  if (tapped) host_.set_large_text(!large_text);
}

// 结束使用: a visitor holding a prize code is asked once whether the code was noted, so that a
// tap meant for "done" does not throw the code away unseen.
void KioskChrome::request_end_session(ScreenContext& ctx, double now) {
  if (ctx.quiz().session_voucher() && !end_confirmation_asked_) {
    end_confirmation_open_ = end_confirmation_asked_ = true;
    return;
  }
  end_confirmation_open_ = false;
  // 满意度评价 (issue 15), asked once per session: the rating screen ends the session. It opens
  // over the page, so that 返回 undoes a 结束使用 tapped by mistake.
  if (ctx.sessions().take_rating_turn()) {
    ctx.router().push("rating");
    return;
  }
  ctx.sessions().end_done(now);
  ctx.router().reset_to({"attract"});
}

void KioskChrome::draw_end_confirmation(double now) {
  const ScreenContext probe = host_.context(now, false, whole_display());
  const Metrics& m = probe.metrics();
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(display);
  ImGui::SetNextWindowFocus();  // above the screen, so that the page beneath takes no touch
  ImGui::Begin("##end_confirmation", nullptr, kPopupFlags);
  ImDrawList& draw = *ImGui::GetWindowDrawList();
  draw.AddRectFilled(ImVec2(0, 0), display, IM_COL32(0, 0, 0, 150));
  const ImVec2 card(std::min(display.x - 2 * m.margin, 1100 * m.unit), 520 * m.unit);
  const ImVec2 min((display.x - card.x) * 0.5f, (display.y - card.y) * 0.5f);
  const ImVec2 max(min.x + card.x, min.y + card.y);
  draw.AddRectFilled(min, max, colors::kSurface, m.corner);
  ScreenContext ctx = host_.context(now, host_.large_text(), Rect{min, max});
  const float inner = card.x - 2 * m.margin;
  float y = min.y + m.margin;
  const ImFont& display_font = *ctx.font_set().font(FontRole::Display, false);
  y += draw_wrapped_text(draw, display_font, display_font.FontSize, ImVec2(min.x + m.margin, y), colors::kText,
                         tr(Text::EndConfirmQuestion), inner, Align::Center);
  y += m.gap * 1.5f;
  const ImVec2 button((inner - m.gap) * 0.5f, max.y - m.margin - y);
  if (big_button(ctx, {"end.confirm.back", ImVec2(min.x + m.margin, y), button, tr(Text::EndConfirmBack), ButtonKind::Primary})) {
    end_confirmation_open_ = false;
    const std::string route = ctx.router().current_route();
    if (route != "quiz/code" && route.rfind("quiz/result", 0) != 0) ctx.router().push("quiz/code");
  }
  if (big_button(ctx, {"end.confirm.yes", ImVec2(min.x + m.margin + button.x + m.gap, y), button, tr(Text::EndConfirmYes),
                       ButtonKind::Secondary}))
    request_end_session(ctx, now);
  ImGui::End();
}

bool KioskChrome::title_fits(const ImFont& font, const std::string& title, float left, float right) {
  return font.CalcTextSizeA(font.FontSize, FLT_MAX, 0, title.c_str()).x <= right - left;
}

// Centred on the screen when the buttons leave room, else centred in the row; in the heading
// face, or the body face when that is too wide, and cut with "…" only when even that is.
void KioskChrome::draw_title(ScreenContext& ctx, ImDrawList& draw, const std::string& title, Rect row) {
  const FontSet& fonts = ctx.font_set();
  const ImFont* font = fonts.font(FontRole::Heading, ctx.large_text());
  float width = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, title.c_str()).x;
  std::string shown = title;
  if (width > row.width()) {
    font = fonts.font(FontRole::Body, ctx.large_text());
    shown = ellipsize(*font, font->FontSize, title, row.width());
    width = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, shown.c_str()).x;
  }
  const float display_width = ImGui::GetIO().DisplaySize.x;
  float x = std::floor((display_width - width) * 0.5f);
  if (x < row.min.x || x + width > row.max.x) x = std::floor(row.min.x + (row.width() - width) * 0.5f);
  const ImVec2 pos(x, std::floor(row.min.y + (row.height() - font->FontSize) * 0.5f));
  draw_text_line(draw, *font, font->FontSize, pos, colors::kText, shown);
  if (audit_.record_placements) audit_.placed(shown, pos, ImVec2(pos.x + width, pos.y + font->FontSize), row.min, row.max);
}

void KioskChrome::draw_idle_question(double now) {
  const ScreenContext probe = host_.context(now, false, whole_display());
  const Metrics& m = probe.metrics();
  const FontSet& fonts = probe.font_set();
  const bool large_text = host_.large_text();
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  // A window of its own, drawn after (so above) the screen: the dimmed page, the card, and the
  // button all belong to it.
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(display);
  ImGui::Begin("##idle_question", nullptr, kPopupFlags);
  ImDrawList& draw = *ImGui::GetWindowDrawList();
  const ImVec2 card(std::min(display.x - 2 * m.margin, 1100 * m.unit), 620 * m.unit);
  const ImVec2 min((display.x - card.x) * 0.5f, (display.y - card.y) * 0.5f);
  ScreenContext ctx = host_.context(now, large_text, Rect{min, ImVec2(min.x + card.x, min.y + card.y)});
  // While the session holds a prize code the page beneath is covered completely: the next
  // passer-by must not read (or scan) an abandoned code beside the question.
  const bool hide_page = ctx.quiz().session_voucher().has_value();
  draw.AddRectFilled(ImVec2(0, 0), display, hide_page ? colors::kBackground : IM_COL32(0, 0, 0, 150));
  draw.AddRectFilled(min, ImVec2(min.x + card.x, min.y + card.y), colors::kSurface, m.corner);
  if (hide_page) draw.AddRect(min, ImVec2(min.x + card.x, min.y + card.y), colors::kBorder, m.corner, 0, std::max(2.0f, std::round(3 * m.unit)));

  const float inner = card.x - 2 * m.margin;
  float y = min.y + m.margin;
  const ImFont& display_font = *fonts.font(FontRole::Display, false);
  y += draw_wrapped_text(draw, display_font, display_font.FontSize, ImVec2(min.x + m.margin, y), colors::kText,
                         tr(Text::IdleQuestion), inner, Align::Center);
  y += m.gap;
  const int seconds_left = static_cast<int>(std::ceil(ctx.sessions().warning_seconds_left(now)));
  const ImFont& heading = *fonts.font(FontRole::Heading, large_text);
  y += draw_wrapped_text(draw, heading, heading.FontSize, ImVec2(min.x + m.margin, y), colors::kTextMuted,
                         fill_text(Text::IdleCountdownFormat, {std::to_string(seconds_left)}), inner, Align::Center);
  y += m.gap * 1.5f;
  // Any touch answers the question (VisitorSessions::touch); the button says so plainly.
  big_button(ctx, {"idle.continue", ImVec2(min.x + m.margin, y), ImVec2(inner, min.y + card.y - m.margin - y),
                   tr(Text::IdleContinue), ButtonKind::Primary, FontRole::Display});
  ImGui::End();
}

}  // namespace openday::ui
