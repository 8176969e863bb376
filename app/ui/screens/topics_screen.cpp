// 按主题: the life events citizens start from (生育收养, 户籍办理, 社会保障 …), one tile each with
// the number of approval items it holds; a tile opens the topic's items, grouped by department.
#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "core/content/ui_text.h"
#include "ui/screen_context.h"
#include "ui/text_layout.h"
#include "ui/touch_scroll.h"
#include "ui/widgets.h"

namespace openday::ui {
namespace {

// "#2E7D32" -> the colour; the validator made sure of the form.
ImU32 topic_colour(const std::string& hex) {
  if (hex.size() != 7) return colors::kAccent;
  const unsigned long value = std::strtoul(hex.c_str() + 1, nullptr, 16);
  return colors::rgb((value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF);
}

// The icon beside a topic's name: by the kind of life event its id names (the ids of the
// shipped topics.json), else the generic one.
Icon topic_icon(std::string_view id) {
  static constexpr struct {
    std::string_view id;
    Icon icon;
  } kByTopic[] = {
      {"shengyu-shouyang", Icon::TopicBirth},          {"huji-banli", Icon::TopicHousehold},
      {"jiuye-chuangye", Icon::TopicJobs},             {"hunyin-dengji", Icon::TopicMarriage},
      {"zhufang-baozhang", Icon::TopicHousing},        {"shehui-baozhang", Icon::TopicSocialSecurity},
      {"yiliao-weisheng", Icon::TopicHealth},          {"jiaoyu", Icon::TopicEducation},
      {"canjiren-fuwu", Icon::TopicDisability},        {"yanglao", Icon::TopicElderly},
      {"qiye-kaiban", Icon::TopicBusiness},            {"jiaotong-chuxing", Icon::TopicTransport},
      {"gongcheng-jianshe", Icon::TopicConstruction},  {"falv-fuwu", Icon::TopicLaw},
      {"tousu-jubao", Icon::TopicComplaint},
  };
  for (const auto& entry : kByTopic)
    if (entry.id == id) return entry.icon;
  return Icon::TopicGeneric;
}

class TopicsScreen final : public Screen {
 public:
  std::string title() const override { return std::string(tr(Text::TopicsTitle)); }

  void draw(ScreenContext& ctx) override {
    const Rect area = ctx.content_rect();
    const Metrics& m = ctx.metrics();
    auto [x, width, y] = page_column(ctx);
    const ImFont& body = *ctx.font(FontRole::Body);
    const Content& content = ctx.content();
    if (content.topics.empty()) {
      const ImFont& heading = *ctx.font(FontRole::Heading);
      draw_wrapped_text(ctx.draw_list(), heading, heading.FontSize, ImVec2(x, y), colors::kText, fill_text(Text::TopicsEmpty, {ctx.config().prize_desk}), width);
      return;
    }
    y += draw_wrapped_text(ctx.draw_list(), body, body.FontSize, ImVec2(x, y), colors::kTextMuted, tr(Text::TopicsHint), width);
    y += m.gap * 0.8f;
    draw_grid(ctx, Rect{ImVec2(area.min.x, y), area.max});
  }

 private:
  void draw_grid(ScreenContext& ctx, const Rect& area) {
    const Metrics& m = ctx.metrics();
    const Content& content = ctx.content();
    if (counts_.size() != content.topics.size()) {
      counts_.clear();
      for (const Topic& topic : content.topics) counts_.push_back(content.topic_item_count(topic.id));
    }
    const float width = area.width() - 2 * m.margin;
    const float min_tile = (ctx.large_text() ? 560.0f : 400.0f) * m.unit;
    const int columns = std::max(1, static_cast<int>((width + m.gap) / (min_tile + m.gap)));
    const float tile_width = std::floor((width - static_cast<float>(columns - 1) * m.gap) / static_cast<float>(columns));
    const float tile_height = std::round(m.gap * 1.6f + line_height(ctx.font_px(FontRole::Heading)) + line_height(ctx.font_px(FontRole::Body)));
    TouchScroll scroll(ctx, "topics.grid", area);
    const ImVec2 origin = scroll.origin();
    for (std::size_t i = 0; i < content.topics.size(); ++i) {
      const int column = static_cast<int>(i) % columns;
      const int row = static_cast<int>(i) / columns;
      const ImVec2 pos(origin.x + m.margin + static_cast<float>(column) * (tile_width + m.gap),
                       origin.y + static_cast<float>(row) * (tile_height + m.gap));
      if (pos.y > area.max.y || pos.y + tile_height < area.min.y) continue;
      const Topic& topic = content.topics[i];
      const std::string id = "topics.topic." + topic.id;
      if (card_button(ctx, id.c_str(), pos, ImVec2(tile_width, tile_height))) ctx.router().push("topic/" + topic.id);
      draw_tile(ctx, topic, counts_[i], pos, ImVec2(tile_width, tile_height));
    }
    const int rows = (static_cast<int>(content.topics.size()) + columns - 1) / columns;
    scroll.end(origin.y + static_cast<float>(rows) * (tile_height + m.gap) + m.margin);
  }

  static void draw_tile(ScreenContext& ctx, const Topic& topic, std::size_t count, ImVec2 pos, ImVec2 size) {
    const Metrics& m = ctx.metrics();
    ImDrawList& draw = ctx.draw_list();
    // The topic's colour as a band down the left edge: dark text stays on white for contrast.
    const float band = std::round(18 * m.unit);
    draw.AddRectFilled(pos, ImVec2(pos.x + band, pos.y + size.y), topic_colour(topic.colour), m.corner, ImDrawFlags_RoundCornersLeft);
    const float x = pos.x + band + m.gap * 0.8f;
    const float inner = size.x - band - m.gap * 1.6f;
    float y = pos.y + m.gap * 0.8f;
    const ImFont& heading = *ctx.font(FontRole::Heading);
    // In the text's own ink: the topic's colour (its stripe) is too light to read as a mark on white.
    const float icon = draw_icon(draw, heading, topic_icon(topic.id), ImVec2(x, y), colors::kText);
    draw_text_line(draw, heading, heading.FontSize, ImVec2(x + icon, y), colors::kText, ellipsize(heading, heading.FontSize, topic.name, inner - icon));
    y += line_height(heading.FontSize);
    const ImFont& body = *ctx.font(FontRole::Body);
    draw_text_line(draw, body, body.FontSize, ImVec2(x, y), colors::kAccent, fill_text(Text::TopicCountFormat, {std::to_string(count)}));
  }

  std::vector<std::size_t> counts_;  // items per topic, counted once
};

}  // namespace

std::unique_ptr<Screen> make_topics_screen() { return std::make_unique<TopicsScreen>(); }

}  // namespace openday::ui
