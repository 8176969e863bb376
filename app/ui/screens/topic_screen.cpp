// One life-event topic: its approval items, grouped under the department that handles each.
// A county's topic may hold hundreds of items: only the rows on screen are laid out, their
// heights measured once (RowIndex), like the department screen's 审批事项.
#include <algorithm>
#include <cmath>

#include "core/content/ui_text.h"
#include "ui/row_index.h"
#include "ui/screen_context.h"
#include "ui/text_layout.h"
#include "ui/touch_scroll.h"
#include "ui/widgets.h"

namespace openday::ui {
namespace {

class TopicScreen final : public Screen {
 public:
  explicit TopicScreen(const Topic& topic) : topic_(topic) {}

  std::string title() const override { return std::string(tr(Text::TopicsTitle)); }
  void describe(Event& view) const override { view.target = topic_.id; }

  void draw(ScreenContext& ctx) override {
    if (!listed_) list_rows(ctx.content());
    if (!logged_) log_view(ctx);
    const Rect area = ctx.content_rect();
    const Metrics& m = ctx.metrics();
    auto [x, width, y] = page_column(ctx);
    const ImFont& heading = *ctx.font(FontRole::Heading);
    const ImFont& body = *ctx.font(FontRole::Body);
    y += draw_wrapped_text(ctx.draw_list(), heading, heading.FontSize, ImVec2(x, y), colors::kText, topic_.name, width);
    y += draw_wrapped_text(ctx.draw_list(), body, body.FontSize, ImVec2(x, y), colors::kTextMuted,
                           fill_text(Text::TopicItemsFormat, {std::to_string(item_count_)}), width);
    draw_rows(ctx, Rect{ImVec2(area.min.x, y + m.gap * 0.6f), area.max});
  }

 private:
  struct Row {
    const Department* department;
    const ApprovalItem* item;  // nullptr: the department's heading
  };

  void list_rows(const Content& content) {
    listed_ = true;
    for (const Department& department : content.departments) {
      bool headed = false;
      for (const ApprovalItem& item : department.approval_items) {
        if (std::find(item.topics.begin(), item.topics.end(), topic_.id) == item.topics.end()) continue;
        if (!headed) rows_.push_back({&department, nullptr});
        headed = true;
        rows_.push_back({&department, &item});
        ++item_count_;
      }
    }
  }

  void log_view(ScreenContext& ctx) {
    logged_ = true;
    Event view;
    view.type = EventType::TopicView;
    view.screen = "topic";
    view.target = topic_.id;
    view.count = static_cast<std::int64_t>(item_count_);
    ctx.log(std::move(view));
  }

  void draw_rows(ScreenContext& ctx, const Rect& area) {
    const Metrics& m = ctx.metrics();
    const ImFont& heading = *ctx.font(FontRole::Heading);
    const ImFont& body = *ctx.font(FontRole::Body);
    const float width = area.width() - 2 * m.margin;
    const float inner = width - 2 * m.gap;
    const float row_gap = m.gap * 0.6f;
    rows_index_.measure(width, heading.FontSize, rows_.size(), [&](std::size_t r) {
      const Row& row = rows_[r];
      if (!row.item) return m.gap * 0.6f + measure_wrapped_height(body, body.FontSize, row.department->name, width) + m.gap * 0.3f;
      return m.gap + measure_wrapped_height(body, body.FontSize, row.item->name, inner) + m.gap * 0.3f +
             line_height(body.FontSize) + m.gap + row_gap;
    });
    TouchScroll scroll(ctx, "topic.items", area);
    const ImVec2 origin(scroll.origin().x + m.margin, scroll.origin().y);
    const auto [first, last] = rows_index_.overlapping(area.min.y - origin.y, area.max.y - origin.y);
    ImDrawList& draw = ctx.draw_list();
    for (std::size_t r = first; r < last; ++r) {
      const Row& row = rows_[r];
      const ImVec2 pos(origin.x, origin.y + rows_index_.top(r));
      if (!row.item) {
        draw_wrapped_text(draw, body, body.FontSize, ImVec2(pos.x, pos.y + m.gap * 0.6f), colors::kAccent, row.department->name, width);
        continue;
      }
      const float height = rows_index_.advance(r) - row_gap;
      const std::string id = "topic.item." + row.item->id;
      if (card_button(ctx, id.c_str(), pos, ImVec2(width, height))) ctx.router().push("item/" + row.item->id);
      float y = pos.y + m.gap;
      // The body face: the heading face holds only the shown department's item names.
      y += draw_wrapped_text(draw, body, body.FontSize, ImVec2(pos.x + m.gap, y), colors::kText, row.item->name, inner);
      y += m.gap * 0.3f;
      const std::string_view badge = tr(row.item->online ? Text::ItemOnlineBadge : Text::ItemCounterOnlyBadge);
      const std::string facts = row.item->kind + " · " + std::string(badge);
      draw_text_line(draw, body, body.FontSize, ImVec2(pos.x + m.gap, y), row.item->online ? colors::kAccent : colors::kTextMuted,
                     ellipsize(body, body.FontSize, facts, inner));
    }
    scroll.end(origin.y + rows_index_.total() + m.margin);
  }

  const Topic& topic_;
  std::vector<Row> rows_;
  std::size_t item_count_ = 0;
  bool listed_ = false;
  bool logged_ = false;
  RowIndex rows_index_;
};

}  // namespace

std::unique_ptr<Screen> make_topic_screen(const Topic& topic) { return std::make_unique<TopicScreen>(topic); }

}  // namespace openday::ui
