// One approval item laid out for reading: basis, conditions, materials, time limits, fee, where
// and whom to ask, with a QR code to continue on the phone when it can be done online.
#include <algorithm>
#include <cmath>

#include "core/quiz/qr.h"
#include "core/content/ui_text.h"
#include "ui/flow.h"
#include "ui/print_widgets.h"
#include "ui/read_aloud_widgets.h"
#include "ui/screen_context.h"
#include "ui/text_layout.h"
#include "ui/touch_scroll.h"
#include "ui/widgets.h"

namespace openday::ui {
namespace {

class ApprovalItemScreen final : public Screen {
 public:
  ApprovalItemScreen(const Department& department, const ApprovalItem& item)
      : department_(department), item_(item), qr_(item.online ? make_qr_code(item.online_url) : QrCode{}) {}

  std::string title() const override { return std::string(tr(Text::DepartmentsTitle)); }
  void describe(Event& view) const override {
    view.department = department_.id;
    view.item = item_.id;
  }

  void draw(ScreenContext& ctx) override {
    const Rect area = ctx.content_rect();
    const Metrics& m = ctx.metrics();
    const float x = area.min.x + m.margin;
    const float width = area.width() - 2 * m.margin;
    const float title_bottom = area.min.y + m.gap + title_height(ctx, width) + m.gap;

    // Landscape: the phone panel beside the details, unless large text makes it taller than
    // the screen; then (and in portrait) it runs across the top with the QR code at its left.
    const float panel_width = std::round(std::max(width * 0.3f, 460 * m.unit));
    const bool beside = !m.portrait && !ctx.large_text() && title_bottom + panel_height(ctx, panel_width, false) <= area.max.y - m.gap;
    if (beside) {
      draw_title(ctx, x, area.min.y + m.gap, width);
      draw_panel(ctx, Rect{ImVec2(area.max.x - m.margin - panel_width, title_bottom), ImVec2(area.max.x - m.margin, title_bottom)}, false);
      const Rect region{ImVec2(area.min.x, title_bottom), ImVec2(area.max.x - m.margin - panel_width, area.max.y)};
      TouchScroll scroll(ctx, "item.details", region);
      draw_details(ctx, scroll, region, scroll.origin().y);
      return;
    }
    // Across the top, the panel stays pinned only while it leaves the page most of the screen.
    // In large text, or when it would take more than a third of the height, it scrolls with
    // the page: a drag on it scrolls, and the sections get the whole height to show in.
    const float pinned_bottom = title_bottom + panel_height(ctx, width, true) + m.gap;
    if (!ctx.large_text() && pinned_bottom - area.min.y <= area.height() / 3) {
      draw_title(ctx, x, area.min.y + m.gap, width);
      draw_panel(ctx, Rect{ImVec2(x, title_bottom), ImVec2(x + width, title_bottom)}, true);
      const Rect region{ImVec2(area.min.x, pinned_bottom), area.max};
      TouchScroll scroll(ctx, "item.details", region);
      draw_details(ctx, scroll, region, scroll.origin().y);
      return;
    }
    TouchScroll scroll(ctx, "item.page", area);
    const float scrolled_x = scroll.origin().x + m.margin;
    float y = draw_title(ctx, scrolled_x, scroll.origin().y + m.gap, width) + m.gap;
    y = draw_panel(ctx, Rect{ImVec2(scrolled_x, y), ImVec2(scrolled_x + width, y)}, true) + m.gap;
    draw_details(ctx, scroll, area, y);
  }

 private:
  float title_height(ScreenContext& ctx, float width) const {
    const ImFont& heading = *ctx.font(FontRole::Heading);
    const ImFont& body = *ctx.font(FontRole::Body);
    return measure_wrapped_height(heading, heading.FontSize, item_.name, width) +
           measure_wrapped_height(body, body.FontSize, fill_text(Text::ItemDepartmentFormat, {department_.name, item_.kind}), width);
  }

  float draw_title(ScreenContext& ctx, float x, float y, float width) const {
    ImDrawList& draw = ctx.draw_list();
    const float top = y;
    const ImFont& heading = *ctx.font(FontRole::Heading);
    y += draw_wrapped_text(draw, heading, heading.FontSize, ImVec2(x, y), colors::kText, item_.name, width);
    const ImFont& body = *ctx.font(FontRole::Body);
    y += draw_wrapped_text(draw, body, body.FontSize, ImVec2(x, y), colors::kTextMuted,
                           fill_text(Text::ItemDepartmentFormat, {department_.name, item_.kind}), width);
    if (ctx.read_aloud().section(kReadKey) == 0) mark_section_read(ctx, ImVec2(x, top), ImVec2(x + width, y));
    return y;
  }

  // What the voice reads, section by section: the item's name, then each section's heading and
  // its text, in the order the page shows them (the web address is left to the QR code).
  static constexpr const char* kReadKey = "item";
  std::vector<std::string> read_sections() const {
    const auto with_heading = [](Text heading, const std::string& text) { return std::string(tr(heading)) + "。" + text; };
    std::vector<std::string> sections{item_.name + "。" + fill_text(Text::ItemDepartmentFormat, {department_.name, item_.kind})};
    std::string materials;
    for (std::size_t i = 0; i < item_.materials.size(); ++i) materials += std::to_string(i + 1) + "、" + item_.materials[i].name + "；";
    sections.push_back(with_heading(Text::ItemMaterials, materials));
    sections.push_back(with_heading(Text::ItemFee, item_.fee));
    sections.push_back(with_heading(Text::ItemTimeLimit, time_limit_text()));
    sections.push_back(with_heading(Text::ItemWhere, item_.where + "。" + std::string(tr(Text::LabelHours)) + department_.office_hours));
    std::string conditions;
    for (std::size_t i = 0; i < item_.conditions.size(); ++i) conditions += std::to_string(i + 1) + "、" + item_.conditions[i] + "；";
    sections.push_back(with_heading(Text::ItemConditions, conditions));
    sections.push_back(with_heading(Text::ItemLegalBasis, item_.legal_basis));
    sections.push_back(with_heading(Text::ItemContact, item_.contact));
    return sections;
  }

  std::string time_limit_text() const {
    return item_.statutory_days == 0
               ? std::string(tr(Text::ItemImmediate))
               : fill_text(Text::ItemTimeLimitFormat, {std::to_string(item_.statutory_days), std::to_string(item_.promised_days)});
  }

  float panel_height(ScreenContext& ctx, float width, bool horizontal) const {
    return draw_panel(ctx, Rect{ImVec2(0, 0), ImVec2(width, 0)}, horizontal, false);
  }

  // The "continue on your phone" panel (or where to go when it cannot be done online).
  // horizontal: the QR code beside the text; otherwise above it. Returns its bottom; with
  // draw false it only measures.
  float draw_panel(ScreenContext& ctx, Rect area, bool horizontal, bool draw_it = true) const {
    const Metrics& m = ctx.metrics();
    ImDrawList& draw = ctx.draw_list();
    const float pad = m.gap;
    // A module of 8 px at 1080p: about 2 mm on a kiosk panel, so the code is 8-9 cm wide and a
    // phone reads it from 40 cm.
    const float module = std::max(4.0f, std::round(8 * m.unit));
    const float qr_side = qr_.empty() ? 0 : static_cast<float>(qr_.size + 8) * module;
    const float text_x = horizontal && !qr_.empty() ? area.min.x + pad + qr_side + pad : area.min.x + pad;
    const float text_width = area.max.x - pad - text_x;
    const ImFont& heading = *ctx.font(FontRole::Heading);
    const ImFont& body = *ctx.font(FontRole::Body);
    const std::string_view title = tr(item_.online ? Text::ItemOnlineTitle : Text::ItemOfflineTitle);
    const std::string_view hint = tr(item_.online ? Text::ItemOnlineHint : Text::ItemOfflineHint);
    const std::string& detail = item_.online ? item_.online_url : item_.where;
    const float text_height = measure_wrapped_height(heading, heading.FontSize, title, text_width) + m.gap * 0.3f +
                              measure_wrapped_height(body, body.FontSize, hint, text_width) + m.gap * 0.3f +
                              measure_wrapped_height(body, body.FontSize, detail, text_width);
    const float qr_block = horizontal ? 0 : (qr_.empty() ? 0 : qr_side + pad);
    const float height = pad + std::max(horizontal ? qr_side : 0.0f, qr_block + text_height) + pad;
    area.max.y = area.min.y + height;
    if (!draw_it) return area.max.y;
    draw.AddRectFilled(area.min, area.max, item_.online ? colors::kSurface : colors::kAccentSoft, m.corner);
    draw.AddRect(area.min, area.max, item_.online ? colors::kAccent : colors::kBorder, m.corner, 0, std::max(2.0f, std::round(3 * m.unit)));
    float text_y = area.min.y + pad;
    if (!qr_.empty()) {
      const float qr_x = horizontal ? area.min.x + pad : area.min.x + (area.width() - qr_side) * 0.5f;
      draw_qr_code(draw, qr_, ImVec2(qr_x, area.min.y + pad), module);
      if (!horizontal) text_y += qr_side + pad;
    }
    text_y += draw_wrapped_text(draw, heading, heading.FontSize, ImVec2(text_x, text_y), item_.online ? colors::kAccent : colors::kText, title, text_width);
    text_y += m.gap * 0.3f;
    text_y += draw_wrapped_text(draw, body, body.FontSize, ImVec2(text_x, text_y), colors::kTextMuted, hint, text_width);
    text_y += m.gap * 0.3f;
    draw_wrapped_text(draw, body, body.FontSize, ImVec2(text_x, text_y), colors::kText, detail, text_width);
    return area.max.y;
  }

  // The sections inside scroll (whose visible part is region), from top in screen pixels, in
  // the order a citizen asks: what to bring, what it costs, how long, where and when, who may
  // apply, and only then the legal basis.
  void draw_details(ScreenContext& ctx, TouchScroll& scroll, const Rect& region, float top) {
    const Metrics& m = ctx.metrics();
    Flow flow(ctx, ImVec2(scroll.origin().x + m.margin, top), region.width() - 2 * m.margin, region);
    flow.space(read_aloud_row(ctx, kReadKey, ImVec2(flow.x(), flow.y()), flow.width(), [this] { return read_sections(); }));
    if (const float printed = draw_print_row(ctx, ImVec2(flow.x(), flow.y() + m.gap * 0.3f), flow.width()); printed > 0)
      flow.space(printed + m.gap * 0.3f);
    const int read = ctx.read_aloud().section(kReadKey);
    // Each section, marked while the voice reads it (section 0 is the title, above).
    int index = 0;
    const auto block = [&](Text title, const auto& body) {
      flow.divider();
      const float block_top = flow.y();
      flow.section(tr(title));
      body();
      if (read == ++index) mark_section_read(ctx, ImVec2(flow.x(), block_top), ImVec2(flow.x() + flow.width(), flow.y()));
    };
    block(Text::ItemMaterials, [&] {
      for (std::size_t i = 0; i < item_.materials.size(); ++i) {
        const Material& material = item_.materials[i];
        flow.numbered(std::to_string(i + 1) + ".", material.name, colors::kText);
        std::string how;
        if (material.original) how += tr(Text::MaterialOriginal);
        if (material.copies > 0) how += (how.empty() ? "" : " · ") + fill_text(Text::MaterialCopiesFormat, {std::to_string(material.copies)});
        if (!material.note.empty()) how += (how.empty() ? "" : " · ") + material.note;
        if (!how.empty()) flow.text(FontRole::Body, how, colors::kTextMuted, std::round(ctx.font_px(FontRole::Body) * 1.3f));
        flow.space(m.gap * 0.25f);
      }
    });
    block(Text::ItemFee, [&] { flow.text(FontRole::Body, item_.fee, colors::kText); });
    block(Text::ItemTimeLimit, [&] { flow.text(FontRole::Body, time_limit_text(), colors::kText); });
    block(Text::ItemWhere, [&] {
      flow.text(FontRole::Body, item_.where, colors::kText);
      if (!department_.office_hours.empty()) flow.label_value(tr(Text::LabelHours), department_.office_hours);
    });
    block(Text::ItemConditions, [&] {
      for (std::size_t i = 0; i < item_.conditions.size(); ++i)
        flow.numbered(std::to_string(i + 1) + ".", item_.conditions[i], colors::kText);
    });
    block(Text::ItemLegalBasis, [&] { flow.text(FontRole::Body, item_.legal_basis, colors::kText); });
    block(Text::ItemContact, [&] { flow.text(FontRole::Body, item_.contact, colors::kText); });
    flow.divider();
    flow.text(FontRole::Body, fill_text(Text::PublishedFormat, {item_.published.date, item_.published.source}), colors::kTextMuted);
    scroll.end(flow.y() + m.margin);
  }

  // 打印办事指南 (issue 30): the item's guide as a slip to take to the window.
  float draw_print_row(ScreenContext& ctx, ImVec2 pos, float width) {
    Event tapped;
    tapped.type = EventType::PrintGuide;
    tapped.screen = ctx.router().current_route();
    tapped.department = department_.id;
    tapped.item = item_.id;
    const PrintButtonSpec spec{"print.guide", Text::PrintGuideButton,
                               [this, &ctx](print::SlipPrinter& printer) -> std::optional<std::uint64_t> {
                                 return printer.print_guide(ctx.event(), department_, item_);
                               },
                               std::move(tapped)};
    return print_button_row(ctx, print_, spec, pos, width);
  }

  const Department& department_;
  const ApprovalItem& item_;
  QrCode qr_;
  PrintButtonState print_;
};

}  // namespace

std::unique_ptr<Screen> make_approval_item_screen(const Department& department, const ApprovalItem& item) {
  return std::make_unique<ApprovalItemScreen>(department, item);
}

}  // namespace openday::ui
