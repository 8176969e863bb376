// One department: a header with how to reach it, and four tabs: 部门职能, 审批事项, 收费标准,
// 常见问题.
#include <algorithm>
#include <cfloat>
#include <cmath>
#include <utility>

#include "core/content/ui_text.h"
#include "ui/flow.h"
#include "ui/page.h"
#include "ui/read_aloud_widgets.h"
#include "ui/row_index.h"
#include "ui/screen_context.h"
#include "ui/department_tab.h"
#include "ui/text_layout.h"
#include "ui/touch_scroll.h"
#include "ui/widgets.h"

namespace openday::ui {
namespace {

Text tab_label(DepartmentTab tab) {
  switch (tab) {
    case DepartmentTab::Duties: return Text::TabDuties;
    case DepartmentTab::Items: return Text::TabItems;
    case DepartmentTab::Fees: return Text::TabFees;
    case DepartmentTab::Faq: return Text::TabFaq;
  }
  return Text::TabDuties;
}

std::string publication_line(const Publication& p) { return fill_text(Text::PublishedFormat, {p.date, p.source}); }

class DepartmentScreen final : public Screen {
 public:
  DepartmentScreen(const Department& department, DepartmentTab tab) : department_(department), tab_(tab) {}

  std::string title() const override { return std::string(tr(Text::DepartmentsTitle)); }
  void describe(Event& view) const override {
    view.department = department_.id;
    view.target = std::string(department_tab_name(tab_));
  }

  void draw(ScreenContext& ctx) override {
    const Rect area = ctx.content_rect();
    const Metrics& m = ctx.metrics();
    const float x = area.min.x + m.margin;
    const float width = area.width() - 2 * m.margin;
    // In 大字, or with long contact facts, the whole header would leave the tab little room: it
    // keeps the department's name, and the facts open the scrolling body instead.
    const bool facts_in_body = header_height(ctx, width) > area.height() * kHeaderShare;
    float y = draw_name(ctx, x, area.min.y + m.gap, width);
    if (!facts_in_body) y = draw_facts(ctx, x, y, width, whole_display());
    y = draw_tabs(ctx, x, y + m.gap * 0.8f, width);
    // On 常见问题, 我要问 stays at the bottom of the screen, under however many questions.
    Page page(ctx, area, tab_ == DepartmentTab::Faq ? ask_button_height(ctx) : 0);
    page.body_starts_at(y + m.gap * 0.6f);
    if (tab_ == DepartmentTab::Faq) {
      draw_ask_button(ctx, x, page.actions().min.y, width);
      page.primary("department.ask");
    }
    const Rect body = page.body();
    TouchScroll scroll(ctx, "department.body", body, std::exchange(scroll_to_top_, false));  // a new tab starts at its top
    Flow flow(ctx, ImVec2(scroll.origin().x + m.margin, scroll.origin().y), body.width() - 2 * m.margin, body);
    if (facts_in_body) {
      flow.space(draw_facts(ctx, flow.x(), flow.y(), flow.width(), body) - flow.y() + m.gap * 0.5f);
      flow.divider();
    }
    switch (tab_) {
      case DepartmentTab::Duties: draw_duties(ctx, flow); break;
      case DepartmentTab::Items: draw_items(ctx, flow); break;
      case DepartmentTab::Fees: draw_fees(ctx, flow); break;
      case DepartmentTab::Faq: draw_faq(ctx, flow); break;
    }
    scroll.end(flow.y() + m.margin);
  }

 private:
  // The most of the screen the header may take before its facts move into the body.
  static constexpr float kHeaderShare = 0.3f;

  static Rect whole_display() { return Rect{ImVec2(0, 0), ImGui::GetIO().DisplaySize}; }

  float draw_name(ScreenContext& ctx, float x, float y, float width) const {
    const ImFont& heading = *ctx.font(FontRole::Heading);
    return y + draw_wrapped_text(ctx.draw_list(), heading, heading.FontSize, ImVec2(x, y), colors::kText, department_.name, width) +
           ctx.metrics().gap * 0.3f;
  }

  float header_height(ScreenContext& ctx, float width) const {
    const ImFont& heading = *ctx.font(FontRole::Heading);
    const float name = measure_wrapped_height(heading, heading.FontSize, department_.name, width) + ctx.metrics().gap * 0.3f;
    // A visible area that ends above everything: the facts are measured, not drawn.
    return name + draw_facts(ctx, 0, 0, width, Rect{ImVec2(0, -FLT_MAX), ImVec2(0, -FLT_MAX)});
  }

  // Address, phone, hours and window: two columns in landscape, one in portrait. Draws what lies
  // inside visible; returns the y below the facts.
  float draw_facts(ScreenContext& ctx, float x, float y, float width, const Rect& visible) const {
    const Metrics& m = ctx.metrics();
    const bool two_columns = !m.portrait;
    const float column = two_columns ? (width - m.gap) * 0.5f : width;
    const std::pair<Text, const std::string*> facts[] = {{Text::LabelAddress, &department_.address},
                                                         {Text::LabelPhone, &department_.phone},
                                                         {Text::LabelHours, &department_.office_hours},
                                                         {Text::LabelWindow, &department_.service_window}};
    float row_y = y;
    for (std::size_t i = 0; i < std::size(facts); i += two_columns ? 2 : 1) {
      float row_height = 0;
      for (std::size_t c = 0; c < (two_columns ? 2u : 1u) && i + c < std::size(facts); ++c) {
        Flow cell(ctx, ImVec2(x + static_cast<float>(c) * (column + m.gap), row_y), column, visible);
        cell.label_value(tr(facts[i + c].first), *facts[i + c].second);
        row_height = std::max(row_height, cell.y() - row_y);
      }
      row_y += row_height;
    }
    return row_y;
  }

  // The tabs in one row when every label fits its tab at its own size, else in two rows of two
  // (大字 in portrait): a label is never shrunk or broken to fit.
  static int tab_columns(ScreenContext& ctx, float width) {
    const Metrics& m = ctx.metrics();
    const ImFont& font = *ctx.font(FontRole::Heading);
    const int all = static_cast<int>(kDepartmentTabs.size());
    const float tab_width = (width - static_cast<float>(all - 1) * m.gap * 0.5f) / static_cast<float>(all);
    for (DepartmentTab tab : kDepartmentTabs)
      if (widest_line(font, font.FontSize, tr(tab_label(tab)), FLT_MAX) + 2 * m.gap > tab_width) return all / 2;
    return all;
  }

  float draw_tabs(ScreenContext& ctx, float x, float y, float width) {
    const Metrics& m = ctx.metrics();
    const int columns = tab_columns(ctx, width);
    const float tab_width = (width - static_cast<float>(columns - 1) * m.gap * 0.5f) / static_cast<float>(columns);
    // As tall as large text needs, never less than a comfortable touch.
    const float tab_height = std::max(m.touch_min * 1.05f, line_height(ctx.font_px(FontRole::Heading)) + m.gap);
    float bottom = y;
    for (std::size_t i = 0; i < kDepartmentTabs.size(); ++i) {
      const DepartmentTab tab = kDepartmentTabs[i];
      const std::string id = "department.tab." + std::string(department_tab_name(tab));
      const int column = static_cast<int>(i) % columns;
      const int row = static_cast<int>(i) / columns;
      const ImVec2 pos(x + static_cast<float>(column) * (tab_width + m.gap * 0.5f), y + static_cast<float>(row) * (tab_height + m.gap * 0.5f));
      bottom = pos.y + tab_height;
      declare_primary_action(ctx, id);  // the way to the department's other facts
      if (big_button(ctx, {id.c_str(), pos, ImVec2(tab_width, tab_height), tr(tab_label(tab)),
                           tab == tab_ ? ButtonKind::Selected : ButtonKind::Secondary}))
        select_tab(ctx, tab);
    }
    return bottom;
  }

  void select_tab(ScreenContext& ctx, DepartmentTab tab) {
    if (tab == tab_) return;
    tab_ = tab;
    ctx.router().show_in_place("department/" + department_.id + "/" + std::string(department_tab_name(tab_)));
    scroll_to_top_ = true;
    Event view;
    view.type = EventType::ScreenView;
    view.screen = std::string(kDepartmentTabScreen);
    describe(view);
    ctx.log(std::move(view));
  }

  // The duties as the voice reads them: the introduction, then each paragraph.
  std::vector<std::string> duties_sections() const {
    std::vector<std::string> sections{department_.name + "。" + department_.introduction};
    sections.insert(sections.end(), department_.duties.begin(), department_.duties.end());
    return sections;
  }

  // A paragraph of the duties, marked while the voice reads it.
  static void duties_paragraph(ScreenContext& ctx, Flow& flow, const std::string& text, bool being_read) {
    const float top = flow.y();
    flow.text(FontRole::Body, text, colors::kText);
    if (being_read) mark_section_read(ctx, ImVec2(flow.x(), top), ImVec2(flow.x() + flow.width(), flow.y()));
  }

  void draw_duties(ScreenContext& ctx, Flow& flow) const {
    flow.space(read_aloud_row(ctx, "duties", ImVec2(flow.x(), flow.y()), flow.width(), [this] { return duties_sections(); }));
    flow.space(ctx.metrics().gap * 0.6f);
    const int read = ctx.read_aloud().section("duties");
    duties_paragraph(ctx, flow, department_.introduction, read == 0);
    flow.divider();
    for (std::size_t i = 0; i < department_.duties.size(); ++i) {
      duties_paragraph(ctx, flow, department_.duties[i], read == static_cast<int>(i) + 1);
      flow.space(ctx.metrics().gap * 0.5f);
    }
    flow.divider();
    flow.text(FontRole::Body, publication_line(department_.duties_published), colors::kTextMuted);
  }

  // The rows of a list that lie on screen, as offsets into rows measured from the flow's y.
  static std::pair<std::size_t, std::size_t> rows_on_screen(const Flow& flow, const RowIndex& rows) {
    return rows.overlapping(flow.visible_area().min.y - flow.y(), flow.visible_area().max.y - flow.y());
  }

  // Only the cards on screen are laid out; the heights of all of them come from the row index.
  void draw_items(ScreenContext& ctx, Flow& flow) {
    const Metrics& m = ctx.metrics();
    if (department_.approval_items.empty()) {
      flow.text(FontRole::Body, tr(Text::ItemsEmpty), colors::kTextMuted);
      return;
    }
    const ImFont& heading = *ctx.font(FontRole::Heading);
    const float inner = flow.width() - 2 * m.gap;
    const float row_gap = m.gap * 0.6f;
    item_rows_.measure(flow.width(), heading.FontSize, department_.approval_items.size(), [&](std::size_t row) {
      return item_card_height(ctx, department_.approval_items[row], inner) + row_gap;
    });
    const auto [first, last] = rows_on_screen(flow, item_rows_);
    for (std::size_t row = first; row < last; ++row) {
      const ApprovalItem& item = department_.approval_items[row];
      const ImVec2 pos(flow.x(), flow.y() + item_rows_.top(row));
      const float height = item_rows_.advance(row) - row_gap;
      const std::string id = "department.item." + item.id;
      if (card_button(ctx, id.c_str(), pos, ImVec2(flow.width(), height))) ctx.router().push("item/" + item.id);
      ImDrawList& draw = ctx.draw_list();
      float y = pos.y + m.gap;
      y += draw_wrapped_text(draw, heading, heading.FontSize, ImVec2(pos.x + m.gap, y), colors::kText, item.name, inner);
      y += m.gap * 0.3f;
      draw_item_facts(ctx, item, ImVec2(pos.x + m.gap, y), inner);
    }
    flow.space(item_rows_.total());
  }

  static float item_card_height(ScreenContext& ctx, const ApprovalItem& item, float inner) {
    const Metrics& m = ctx.metrics();
    const ImFont& heading = *ctx.font(FontRole::Heading);
    const ImFont& body = *ctx.font(FontRole::Body);
    const float facts_lines = item_facts_fit_one_line(ctx, item, inner) ? 1.0f : 2.0f;
    return m.gap + measure_wrapped_height(heading, heading.FontSize, item.name, inner) + m.gap * 0.3f + facts_lines * line_height(body.FontSize) +
           m.gap;
  }

  // "行政给付 · 承诺 20 个工作日办结" and the 可网上办理 / 需到窗口办理 badge.
  static std::string item_facts(const ApprovalItem& item) {
    const std::string promise = item.promised_days == 0 ? std::string(tr(Text::ItemImmediate))
                                                        : fill_text(Text::ItemPromisedFormat, {std::to_string(item.promised_days)});
    return item.kind + " · " + promise;
  }
  static std::string_view item_badge(const ApprovalItem& item) { return tr(item.online ? Text::ItemOnlineBadge : Text::ItemCounterOnlyBadge); }

  // On one line with the badge when the card is wide enough; in 大字 on a narrow screen the badge
  // takes a line of its own rather than running past the card's edge.
  static bool item_facts_fit_one_line(ScreenContext& ctx, const ApprovalItem& item, float inner) {
    const ImFont& body = *ctx.font(FontRole::Body);
    const std::string line = item_facts(item) + " · " + std::string(item_badge(item));
    return body.CalcTextSizeA(body.FontSize, FLT_MAX, 0, line.c_str()).x <= inner;
  }

  static void draw_item_facts(ScreenContext& ctx, const ApprovalItem& item, ImVec2 at, float inner) {
    const ImFont& body = *ctx.font(FontRole::Body);
    ImDrawList& draw = ctx.draw_list();
    const bool one_line = item_facts_fit_one_line(ctx, item, inner);
    const std::string facts = item_facts(item) + (one_line ? " · " : "");
    draw_text_line(draw, body, body.FontSize, at, colors::kTextMuted, facts);
    const ImVec2 badge_at = one_line ? ImVec2(at.x + body.CalcTextSizeA(body.FontSize, FLT_MAX, 0, facts.c_str()).x, at.y)
                                     : ImVec2(at.x, at.y + line_height(body.FontSize));
    draw_text_line(draw, body, body.FontSize, badge_at, item.online ? colors::kAccent : colors::kTextMuted, item_badge(item));
  }

  // The fees as the voice reads them: one section per fee entry (or the statement that there are none).
  std::vector<std::string> fee_sections() const {
    if (department_.fees.empty()) return {department_.no_fee_statement};
    std::vector<std::string> sections;
    for (const FeeItem& fee : department_.fees) {
      std::string text = fee.name + "。" + std::string(tr(Text::FeeColumnStandard)) + "：" + standard_of(fee) + "。" +
                         std::string(tr(Text::FeeColumnBasis)) + "：" + fee.legal_basis + "，" +
                         fill_text(Text::FeeDocumentFormat, {fee.document_number}) + "。";
      if (!fee.notes.empty()) text += std::string(tr(Text::FeeColumnNotes)) + "：" + fee.notes;
      sections.push_back(std::move(text));
    }
    return sections;
  }

  void draw_fees(ScreenContext& ctx, Flow& flow) {
    flow.space(read_aloud_row(ctx, "fees", ImVec2(flow.x(), flow.y()), flow.width(), [this] { return fee_sections(); }));
    flow.space(ctx.metrics().gap * 0.6f);
    if (department_.fees.empty()) {
      const float top = flow.y();
      flow.text(FontRole::Heading, department_.no_fee_statement, colors::kText);
      if (ctx.read_aloud().section("fees") == 0) mark_section_read(ctx, ImVec2(flow.x(), top), ImVec2(flow.x() + flow.width(), flow.y()));
      return;
    }
    if (ctx.metrics().portrait || ctx.large_text()) draw_fee_cards(ctx, flow);
    else draw_fee_table(ctx, flow);
  }

  // 常见问题: one card per question, opening its answer (我要问 is pinned under the body).
  void draw_faq(ScreenContext& ctx, Flow& flow) const {
    const Metrics& m = ctx.metrics();
    if (department_.faq.empty()) {
      flow.text(FontRole::Body, tr(Text::FaqEmpty), colors::kTextMuted);
    } else {
      flow.text(FontRole::Body, tr(Text::FaqHint), colors::kTextMuted);
      flow.space(m.gap * 0.5f);
    }
    const ImFont& heading = *ctx.font(FontRole::Heading);
    const float inner = flow.width() - 2 * m.gap;
    for (std::size_t i = 0; i < department_.faq.size(); ++i) {
      const std::string& question = department_.faq[i].question;
      const float height = std::max(m.touch_min, measure_wrapped_height(heading, heading.FontSize, question, inner) + 2 * m.gap * 0.8f);
      const ImVec2 pos(flow.x(), flow.y());
      if (flow.visible(pos.y, pos.y + height)) {
        const std::string id = "department.faq." + std::to_string(i + 1);
        if (card_button(ctx, id.c_str(), pos, ImVec2(flow.width(), height)))
          ctx.router().push("faq/" + department_.id + "/" + std::to_string(i + 1));
        draw_wrapped_text(ctx.draw_list(), heading, heading.FontSize, ImVec2(pos.x + m.gap, pos.y + m.gap * 0.8f), colors::kText,
                          question, inner);
      }
      flow.space(height + m.gap * 0.6f);
    }
  }

  static float ask_button_height(const ScreenContext& ctx) {
    return std::max(ctx.metrics().touch_min * 1.1f, line_height(ctx.font_px(FontRole::Heading)) + ctx.metrics().gap);
  }

  void draw_ask_button(ScreenContext& ctx, float x, float y, float width) const {
    const float button_width = std::min(width, 760 * ctx.metrics().unit);
    if (big_button(ctx, {"department.ask", ImVec2(x, y), ImVec2(button_width, ask_button_height(ctx)), tr(Text::FaqAskMore), ButtonKind::Primary}))
      ctx.router().push("ask/" + department_.id);
  }

  static std::string standard_of(const FeeItem& fee) { return fee.amount + " " + fee.unit; }

  // Landscape: a table with a header row; each row as tall as its tallest cell. Only the rows
  // on screen are laid out.
  void draw_fee_table(ScreenContext& ctx, Flow& flow) {
    const Metrics& m = ctx.metrics();
    ImDrawList& draw = ctx.draw_list();
    const float shares[] = {0.27f, 0.17f, 0.34f, 0.22f};
    const Text headers[] = {Text::FeeColumnName, Text::FeeColumnStandard, Text::FeeColumnBasis, Text::FeeColumnNotes};
    const float pad = m.gap * 0.5f;
    float widths[4];
    for (int c = 0; c < 4; ++c) widths[c] = std::floor(flow.width() * shares[c]);
    auto cell_x = [&](int c) {
      float x = flow.x();
      for (int i = 0; i < c; ++i) x += widths[i];
      return x;
    };
    const ImFont& heading = *ctx.font(FontRole::Heading);
    const float header_height = line_height(heading.FontSize) + 2 * pad;
    const auto draw_header_row = [&](float y) {
      draw.AddRectFilled(ImVec2(flow.x(), y), ImVec2(flow.x() + flow.width(), y + header_height), colors::kAccentSoft);
      for (int c = 0; c < 4; ++c) draw_text_line(draw, heading, heading.FontSize, ImVec2(cell_x(c) + pad, y + pad), colors::kText, tr(headers[c]));
    };
    const float header_y = flow.y();
    if (flow.visible(header_y, header_y + header_height)) draw_header_row(header_y);
    flow.space(header_height);
    const ImFont& body = *ctx.font(FontRole::Body);
    // A row: its four cells side by side, as tall as the tallest, then its publication line.
    struct Row {
      std::string cells[4];
      std::string published;
      float cells_height = 0;
    };
    const auto row_of = [&](const FeeItem& fee) {
      Row row{{fee.name, standard_of(fee), fee.legal_basis + "\n" + fill_text(Text::FeeDocumentFormat, {fee.document_number}),
               fee.notes.empty() ? std::string("—") : fee.notes},
              publication_line(fee.published)};
      for (int c = 0; c < 4; ++c)
        row.cells_height = std::max(row.cells_height, measure_wrapped_height(body, body.FontSize, row.cells[c], widths[c] - 2 * pad));
      return row;
    };
    fee_rows_.measure(flow.width(), body.FontSize, department_.fees.size(), [&](std::size_t r) {
      const Row row = row_of(department_.fees[r]);
      return row.cells_height + measure_wrapped_height(body, body.FontSize, row.published, flow.width() - 2 * pad) + 3 * pad;
    });
    const auto [first, last] = rows_on_screen(flow, fee_rows_);
    for (std::size_t r = first; r < last; ++r) {
      const Row row = row_of(department_.fees[r]);
      const float top = flow.y() + fee_rows_.top(r);
      const float row_height = fee_rows_.advance(r);
      if (r % 2 == 1) draw.AddRectFilled(ImVec2(flow.x(), top), ImVec2(flow.x() + flow.width(), top + row_height), IM_COL32(0, 0, 0, 10));
      for (int c = 0; c < 4; ++c)
        draw_wrapped_text(draw, body, body.FontSize, ImVec2(cell_x(c) + pad, top + pad), c == 1 ? colors::kAccent : colors::kText,
                          row.cells[c], widths[c] - 2 * pad);
      draw_wrapped_text(draw, body, body.FontSize, ImVec2(flow.x() + pad, top + 2 * pad + row.cells_height), colors::kTextMuted,
                        row.published, flow.width() - 2 * pad);
      draw.AddRectFilled(ImVec2(flow.x(), top + row_height - 1), ImVec2(flow.x() + flow.width(), top + row_height), colors::kBorder);
      if (ctx.read_aloud().section("fees") == static_cast<int>(r))
        mark_section_read(ctx, ImVec2(flow.x(), top), ImVec2(flow.x() + flow.width(), top + row_height));
    }
    flow.space(fee_rows_.total());
    // Scrolled past, the column names stay at the top of the view over the rows under them
    // ("40 元/证" never without its 收费标准 above it).
    const float view_top = flow.visible_area().min.y;
    if (header_y < view_top && flow.y() > view_top + header_height) draw_header_row(view_top);
  }

  // Portrait or large text: one card per fee, every field labelled. Only the cards on screen
  // are laid out; their heights are measured once by laying each out where nothing is drawn.
  void draw_fee_cards(ScreenContext& ctx, Flow& flow) {
    const Rect nowhere{ImVec2(0, FLT_MAX), ImVec2(0, -FLT_MAX)};
    fee_card_rows_.measure(flow.width(), ctx.font(FontRole::Body)->FontSize, department_.fees.size(), [&](std::size_t r) {
      Flow probe(ctx, ImVec2(flow.x(), 0), flow.width(), nowhere);
      draw_fee_card(ctx, probe, department_.fees[r]);
      return probe.y();
    });
    const auto [first, last] = rows_on_screen(flow, fee_card_rows_);
    for (std::size_t r = first; r < last; ++r) {
      const float top = flow.y() + fee_card_rows_.top(r);
      Flow card(ctx, ImVec2(flow.x(), top), flow.width(), flow.visible_area());
      draw_fee_card(ctx, card, department_.fees[r]);
      if (ctx.read_aloud().section("fees") == static_cast<int>(r))
        mark_section_read(ctx, ImVec2(flow.x(), top), ImVec2(flow.x() + flow.width(), card.y()));
    }
    flow.space(fee_card_rows_.total());
  }

  static void draw_fee_card(ScreenContext& ctx, Flow& flow, const FeeItem& fee) {
    flow.section(fee.name);
    // The values start at one x, the document number under the basis it belongs to.
    const std::string standard = std::string(tr(Text::FeeColumnStandard)) + "：";
    const std::string basis = std::string(tr(Text::FeeColumnBasis)) + "：";
    const std::string notes = std::string(tr(Text::FeeColumnNotes)) + "：";
    const float indent = flow.label_indent({standard, basis, notes});
    flow.label_value(standard, standard_of(fee), indent);
    flow.label_value(basis, fee.legal_basis, indent);
    flow.label_value("", fill_text(Text::FeeDocumentFormat, {fee.document_number}), indent);
    if (!fee.notes.empty()) flow.label_value(notes, fee.notes, indent);
    flow.text(FontRole::Body, publication_line(fee.published), colors::kTextMuted);
    flow.divider();
    flow.space(ctx.metrics().gap * 0.3f);
  }

  const Department& department_;
  DepartmentTab tab_;
  bool scroll_to_top_ = false;
  RowIndex item_rows_;      // the 审批事项 cards
  RowIndex fee_rows_;       // the 收费标准 table's rows (landscape)
  RowIndex fee_card_rows_;  // the 收费标准 cards (portrait, large text)
};

}  // namespace

std::string_view department_tab_name(DepartmentTab tab) {
  switch (tab) {
    case DepartmentTab::Duties: return "duties";
    case DepartmentTab::Items: return "items";
    case DepartmentTab::Fees: return "fees";
    case DepartmentTab::Faq: return "faq";
  }
  return "duties";
}

std::optional<DepartmentTab> department_tab_from_name(std::string_view name) {
  for (DepartmentTab tab : kDepartmentTabs)
    if (department_tab_name(tab) == name) return tab;
  return std::nullopt;
}

std::unique_ptr<Screen> make_department_screen(const Department& department, DepartmentTab tab) {
  return std::make_unique<DepartmentScreen>(department, tab);
}

}  // namespace openday::ui
