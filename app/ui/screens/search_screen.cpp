// 搜索: a letter keyboard for pinyin initials (typing D B finds 低保), 热门搜索 chips, and the
// results, ranked and updated at every key, with the matching characters marked. No results
// is a page of help (check the letters, try a topic, ask at the desk), never an empty page.
// Landscape: results on the left, the typed letters and the keyboard on the right. Portrait:
// the typed letters on top, the results in the middle, the keyboard at the bottom.
// 手写 (issue 31): a toggle above the keyboard swaps it for a handwriting pad (ui/handwriting_pad.h)
// whose candidates add characters to the query; hidden when the recognizer's model is missing.
// In landscape the pad's square takes the page's height below the search box, its candidates and
// buttons in a column beside it; in portrait it is 80 % of the width with its rows below.
#include <algorithm>
#include <cfloat>
#include <cmath>
#include <memory>
#include <utility>

#include "core/content/search.h"
#include "core/content/ui_text.h"
#include "core/util/utf8.h"
#include "ui/handwriting_pad.h"
#include "ui/page.h"
#include "ui/row_index.h"
#include "ui/screen_context.h"
#include "ui/text_layout.h"
#include "ui/touch_scroll.h"
#include "ui/widgets.h"

namespace openday::ui {
namespace {

constexpr std::size_t kMaxLetters = 16;
constexpr int kKeyboardColumns = 7;
// Landscape 手写: the results keep at least this share of the width beside the pad.
constexpr float kLandscapeResultsShare = 0.3f;

bool is_letters(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// The last code point of valid UTF-8 text removed.
void remove_last_character(std::string& text) {
  if (text.empty()) return;
  std::size_t cut = text.size() - 1;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  text.erase(cut);
}

class SearchScreen final : public Screen {
 public:
  SearchScreen() = default;
  SearchScreen(const SearchScreen&) = delete;
  SearchScreen& operator=(const SearchScreen&) = delete;
  // A search the visitor walked away from (Back, Home, the idle reset) is logged as it stood.
  ~SearchScreen() override {
    try {
      log_search_if_unlogged(nullptr);
    } catch (...) {
      // Logging never takes the kiosk down; the search is simply not counted.
    }
  }

  std::string title() const override { return std::string(tr(Text::SearchTitle)); }

  void draw(ScreenContext& ctx) override {
    sink_ = &ctx.sink();
    session_ = ctx.session();
    if (!index_) {
      index_ = std::make_unique<SearchIndex>(ctx.content());
      std::error_code ec;
      handwriting_available_ = std::filesystem::is_regular_file(ctx.config().handwriting_model, ec);
    }
    const Rect area = ctx.content_rect();
    const Metrics& m = ctx.metrics();
    const float key_height = std::max(m.touch_min, line_height(ctx.font_px(FontRole::Heading)) + m.gap * 0.5f);
    const float keyboard_height = letter_keyboard_height(m, kKeyboardColumns, key_height);
    if (m.portrait) {
      const float x = area.min.x + m.margin;
      const float width = area.width() - 2 * m.margin;
      const float below_query = draw_query(ctx, x, area.min.y + m.gap, width) + m.gap * 0.6f;
      const float input_height = handwriting_ ? portrait_pad_height(ctx, width) : keyboard_height;
      const float keyboard_top = area.max.y - m.margin * 0.5f - input_height;
      const float toggle_top = keyboard_top - (handwriting_available_ ? key_height + m.gap * 0.4f : 0);
      draw_mode_toggle(ctx, ImVec2(x, toggle_top), ImVec2(width, key_height));
      if (handwriting_) draw_pad(ctx, portrait_pad_layout(ctx, ImVec2(x, keyboard_top), width));
      else draw_keyboard(ctx, ImVec2(x, keyboard_top), width, key_height);
      draw_results_area(ctx, Rect{ImVec2(area.min.x, below_query), ImVec2(area.max.x, toggle_top - m.gap * 0.6f)});
      return;
    }
    if (handwriting_) {
      draw_landscape_handwriting(ctx, area);
      return;
    }
    const float keyboard_width = std::min(area.width() * 0.42f, 7 * 150 * m.unit);
    const float right_x = area.max.x - m.margin - keyboard_width;
    // 手写 beside the search box, where 字母 is in 手写 mode: the toggle stays put, and the keys
    // keep the whole height below the box (in 大字 they would not fit under a toggle row).
    const float toggle_width = handwriting_available_ ? mode_toggle_width(ctx) : 0;
    const float query_width = keyboard_width - (handwriting_available_ ? toggle_width + m.gap * 0.5f : 0);
    const float top = area.min.y + m.gap;
    const float box_bottom = draw_query(ctx, right_x, top, query_width);
    draw_mode_toggle(ctx, ImVec2(right_x + keyboard_width - toggle_width, top), ImVec2(toggle_width, box_bottom - top));
    const float below_query = box_bottom + m.gap;
    const Rect results{ImVec2(area.min.x, area.min.y + m.gap * 0.4f), ImVec2(right_x - m.gap * 0.5f, area.max.y)};
    // Beside the results the keys may grow into the height there is, up to about square.
    const float rows = static_cast<float>(letter_keyboard_rows(kKeyboardColumns));
    const float room = area.max.y - m.margin * 0.5f - below_query - keyboard_height;
    const float tall_key = std::min(key_height + std::max(0.0f, room) / rows, keyboard_width / kKeyboardColumns);
    const float keyboard_top = std::max(below_query, area.max.y - m.margin * 0.5f - letter_keyboard_height(m, kKeyboardColumns, tall_key));
    draw_keyboard(ctx, ImVec2(right_x, keyboard_top), keyboard_width, std::max(key_height, tall_key));
    draw_results_area(ctx, results);
  }

 private:
  // The box keeps the pinyin hint's height in both modes, so the pad does not move the results.
  static float query_box_height(ScreenContext& ctx, float width) {
    const Metrics& m = ctx.metrics();
    const ImFont& body = *ctx.font(FontRole::Body);
    const float pad = m.gap * 0.6f;
    const float pinyin_hint_height = measure_wrapped_height(body, body.FontSize, tr(Text::SearchHint), width - 2 * pad);
    return std::max({line_height(ctx.font_px(FontRole::Display)), pinyin_hint_height, m.touch_min}) + 2 * pad;
  }

  // Landscape 手写: the square as tall as the page allows below the search box, the candidates
  // and 撤销一笔 / 清除 / 删除 in a column beside it, the 字母 toggle beside the search box, and
  // the results in what is left on the left.
  void draw_landscape_handwriting(ScreenContext& ctx, const Rect& area) {
    const Metrics& m = ctx.metrics();
    const float gap = m.gap * 0.5f;
    const float controls_width = HandwritingPad::controls_width_beside(ctx);
    const float toggle_width = mode_toggle_width(ctx);
    const float top = area.min.y + m.gap;
    const float bottom = area.max.y - m.margin * 0.5f;
    const float widest_side = area.width() * (1 - kLandscapeResultsShare) - m.margin - 2 * gap - controls_width;
    // The box above is as wide as the square and its column, and taller when narrower (its hint
    // wraps): a few rounds find a square that fits under it.
    float side = widest_side;
    for (int round = 0; round < 3; ++round)
      side = std::min(widest_side, bottom - (top + query_box_height(ctx, side + gap + controls_width - toggle_width - gap) + m.gap * 0.6f));
    side = std::floor(side);
    const float column = side + gap + controls_width;
    const float x = area.max.x - m.margin - column;
    const float box_bottom = draw_query(ctx, x, top, column - toggle_width - gap);
    draw_mode_toggle(ctx, ImVec2(x + column - toggle_width, top), ImVec2(toggle_width, box_bottom - top));
    const float y = box_bottom + m.gap * 0.6f;
    const float fitted = std::min(side, std::floor(bottom - y));
    const float controls_x = x + column - controls_width;
    draw_pad(ctx, PadLayout{ImVec2(controls_x - gap - fitted, y), fitted, ImVec2(controls_x, y), controls_width, true});
    draw_results_area(ctx, Rect{ImVec2(area.min.x, area.min.y + m.gap * 0.4f), ImVec2(x - gap, area.max.y)});
  }

  // Portrait: the square 80 % of the width, centred, its candidates and buttons in rows below.
  static PadLayout portrait_pad_layout(ScreenContext& ctx, ImVec2 pos, float width) {
    const float side = std::floor(width * 0.8f);
    const ImVec2 controls(pos.x, pos.y + side + ctx.metrics().gap * 0.4f);
    return PadLayout{ImVec2(pos.x + (width - side) * 0.5f, pos.y), side, controls, width, false};
  }

  static float portrait_pad_height(ScreenContext& ctx, float width) {
    const PadLayout layout = portrait_pad_layout(ctx, ImVec2(0, 0), width);
    return layout.controls.y + HandwritingPad::controls_height(ctx, width, false);
  }

  // 字母 or 手写 in the heading face, with room on both sides.
  static float mode_toggle_width(ScreenContext& ctx) {
    const Metrics& m = ctx.metrics();
    const ImFont& heading = *ctx.font(FontRole::Heading);
    float words = 0;
    for (Text label : {Text::SearchModeLetters, Text::SearchModeHandwriting}) {
      const std::string_view text = tr(label);
      words = std::max(words, heading.CalcTextSizeA(heading.FontSize, FLT_MAX, 0, text.data(), text.data() + text.size()).x);
    }
    return std::ceil(std::max(m.touch_min * 1.5f, words + 2 * m.gap + 2));
  }

  // The box showing what was typed (or how to type); returns the y below it.
  float draw_query(ScreenContext& ctx, float x, float y, float width) const {
    const Metrics& m = ctx.metrics();
    ImDrawList& draw = ctx.draw_list();
    const ImFont& heading = *ctx.font(FontRole::Heading);
    const ImFont& body = *ctx.font(FontRole::Body);
    const ImFont& display = *ctx.font(FontRole::Display);
    const float pad = m.gap * 0.6f;
    const float inner = width - 2 * pad;
    const float height = query_box_height(ctx, width);
    draw.AddRectFilled(ImVec2(x, y), ImVec2(x + width, y + height), colors::kSurface, m.corner * 0.5f);
    draw.AddRect(ImVec2(x, y), ImVec2(x + width, y + height), colors::kAccent, m.corner * 0.5f, 0, std::max(2.0f, std::round(4 * m.unit)));
    if (query_.empty()) {
      const std::string_view hint = tr(handwriting_ ? Text::SearchHandwritingBoxHint : Text::SearchHint);
      const float hint_height = measure_wrapped_height(body, body.FontSize, hint, inner);
      draw_wrapped_text(draw, body, body.FontSize, ImVec2(x + pad, y + (height - hint_height) * 0.5f), colors::kTextMuted, hint, inner);
      return y + height;
    }
    const std::string label(tr(Text::SearchTyped));
    const float label_width = heading.CalcTextSizeA(heading.FontSize, FLT_MAX, 0, label.c_str()).x;
    draw_text_line(draw, heading, heading.FontSize, ImVec2(x + pad, y + (height - line_height(heading.FontSize)) * 0.5f),
                   colors::kTextMuted, label);
    // Letters large and spaced (D B J), so that each can be checked against the keys; a word
    // from the 热门搜索 chips in the heading face it was baked in.
    const bool letters = is_letters(query_);
    std::string shown;
    if (letters) {
      for (char c : query_) shown += std::string(shown.empty() ? "" : " ") + c;
    } else {
      shown = query_;
    }
    const ImFont& face = letters ? display : heading;
    const float room = inner - label_width - pad;
    draw_text_line(draw, face, face.FontSize, ImVec2(x + pad + label_width + pad, y + (height - line_height(face.FontSize)) * 0.5f),
                   colors::kText, ellipsize(face, face.FontSize, shown, room));
    return y + height;
  }

  void draw_keyboard(ScreenContext& ctx, ImVec2 pos, float width, float key_height) {
    // The first and the last keys: the whole keyboard is in view.
    for (const std::string_view id : {"search.key.A", "search.key.clear"}) declare_primary_action(ctx, id);
    const KeyboardTap tap = letter_keyboard(ctx, "search.key.", pos, width, kKeyboardColumns, key_height);
    switch (tap.kind) {
      case KeyboardTap::Kind::None: return;
      case KeyboardTap::Kind::Letter: {
        std::string next = is_letters(query_) ? query_ : std::string();
        if (next.size() < kMaxLetters) next.push_back(tap.letter);
        set_query(ctx, std::move(next), false);
        return;
      }
      case KeyboardTap::Kind::Delete: delete_last_character(ctx, query_); return;
      case KeyboardTap::Kind::Clear: set_query(ctx, std::string(), true); return;
    }
  }

  // 删除 on the letters or on the pad: the query without its last character.
  void delete_last_character(ScreenContext& ctx, std::string query) {
    remove_last_character(query);
    set_query(ctx, std::move(query), false);
  }

  // 手写 or 字母: the toggle above the keyboard (or the pad), when the model is there.
  void draw_mode_toggle(ScreenContext& ctx, ImVec2 pos, ImVec2 size) {
    if (!handwriting_available_) return;
    const char* id = handwriting_ ? "search.mode.letters" : "search.mode.handwriting";
    declare_primary_action(ctx, id);
    const Text label = handwriting_ ? Text::SearchModeLetters : Text::SearchModeHandwriting;
    if (!big_button(ctx, {id, pos, size, tr(label), ButtonKind::Secondary})) return;
    handwriting_ = !handwriting_;
    if (handwriting_ && !pad_) pad_ = std::make_unique<HandwritingPad>(ctx.content(), ctx.config().handwriting_model);
  }

  void draw_pad(ScreenContext& ctx, const PadLayout& layout) {
    const std::string query = is_letters(query_) ? std::string() : query_;
    const PadAction action = pad_->draw(ctx, layout, query);
    switch (action.kind) {
      case PadAction::Kind::None: return;
      case PadAction::Kind::Pick:
        if (count_code_points(query) >= kMaxLetters) return;
        set_query(ctx, query + action.character, false);
        written_by_hand_ = true;
        return;
      case PadAction::Kind::Delete: delete_last_character(ctx, query); return;
    }
  }

  // A new query; `ends_search`: the one before is finished (cleared, or a chip chosen) and is logged.
  void set_query(ScreenContext& ctx, std::string query, bool ends_search) {
    if (query == query_) return;
    if (ends_search) log_search_if_unlogged(nullptr);
    query_ = std::move(query);
    if (ends_search || query_.empty() || is_letters(query_)) written_by_hand_ = false;
    hits_ = query_.empty() ? std::vector<SearchHit>() : index_->search(query_);
    result_rows_ = RowIndex();
    scroll_to_top_ = true;
    (void)ctx;
  }

  // Logs the search as it stands, once per query; item: the result the visitor opened.
  void log_search_if_unlogged(const ApprovalItem* item) {
    if (!sink_ || query_.empty()) return;
    if (!item && logged_query_ == query_) return;
    Event search;
    search.type = EventType::Search;
    search.session = session_;
    search.screen = "search";
    search.target = query_;
    search.count = static_cast<std::int64_t>(hits_.size());
    search.value = written_by_hand_ ? kSearchWrittenByHand : 0;
    if (item) search.item = item->id;
    sink_->log(std::move(search));
    logged_query_ = query_;
  }

  void draw_results_area(ScreenContext& ctx, const Rect& area) {
    if (query_.empty()) draw_popular(ctx, area);
    else if (hits_.empty()) draw_no_results(ctx, area);
    else draw_results(ctx, area);
  }

  // Before the first letter: the 热门搜索 chips, wrapping onto as many rows as they need.
  void draw_popular(ScreenContext& ctx, const Rect& area) {
    const Metrics& m = ctx.metrics();
    const auto& words = ctx.content().popular_searches;
    if (words.empty()) return;
    const float x = area.min.x + m.margin;
    const float width = area.width() - 2 * m.margin;
    const ImFont& heading = *ctx.font(FontRole::Heading);
    float y = area.min.y + m.gap * 0.4f;
    draw_text_line(ctx.draw_list(), heading, heading.FontSize, ImVec2(x, y), colors::kText, tr(Text::SearchPopular));
    y += line_height(heading.FontSize) + m.gap * 0.5f;
    const float height = std::max(m.touch_min, line_height(heading.FontSize) + m.gap * 0.6f);
    float cx = x;
    for (std::size_t i = 0; i < words.size(); ++i) {
      const float text_width = heading.CalcTextSizeA(heading.FontSize, FLT_MAX, 0, words[i].c_str()).x;
      const float chip_width = std::min(width, std::max(m.touch_min * 1.4f, std::ceil(text_width + 2 * m.gap * 0.8f + 2)));
      if (cx > x && cx + chip_width > x + width) {
        cx = x;
        y += height + m.gap * 0.5f;
      }
      if (y + height > area.max.y) break;  // no room left: fewer chips, never cut ones
      const std::string id = "search.popular." + std::to_string(i);
      if (big_button(ctx, {id.c_str(), ImVec2(cx, y), ImVec2(chip_width, height), words[i], ButtonKind::Secondary, FontRole::Heading,
                           {}, m.gap * 0.4f}))
        set_query(ctx, words[i], true);
      cx += chip_width + m.gap * 0.5f;
    }
  }

  void draw_no_results(ScreenContext& ctx, const Rect& area) {
    const Metrics& m = ctx.metrics();
    ImDrawList& draw = ctx.draw_list();
    const ImFont& heading = *ctx.font(FontRole::Heading);
    const ImFont& body = *ctx.font(FontRole::Body);
    const float x = area.min.x + m.margin;
    const float width = area.width() - 2 * m.margin;
    float y = area.min.y + m.gap * 0.4f;
    y += draw_wrapped_text(draw, heading, heading.FontSize, ImVec2(x, y), colors::kAccent, fill_text(Text::SearchNoneFormat, {query_}), width);
    y += m.gap * 0.6f;
    y += draw_wrapped_text(draw, body, body.FontSize, ImVec2(x, y), colors::kText, tr(Text::SearchNoneCheck), width);
    if (!ctx.content().topics.empty()) {
      y += m.gap * 0.6f;
      y += draw_wrapped_text(draw, body, body.FontSize, ImVec2(x, y), colors::kText, tr(Text::SearchNoneTopic), width);
      y += m.gap * 0.3f;
      if (help_button(ctx, {"search.none.topics", Text::TopicsTitle, ButtonKind::Primary}, x, y, width)) ctx.router().push("topics");
    }
    y += m.gap * 0.6f;
    y += draw_wrapped_text(draw, body, body.FontSize, ImVec2(x, y), colors::kText, fill_text(Text::SearchNoneDesk, {ctx.config().prize_desk}), width);
    // What was not found can still be asked: 我要问 registers the question for the desk.
    y += m.gap * 0.3f;
    if (help_button(ctx, {"search.none.ask", Text::HomeAsk, ButtonKind::Secondary}, x, y, width)) ctx.router().push("ask");
  }

  struct HelpButton {
    const char* id;
    Text label;
    ButtonKind kind;
  };

  // A button of the nothing-found page, as wide as its words need (never narrower than three
  // touch widths) at y, which it moves below itself. Returns whether it was tapped.
  static bool help_button(ScreenContext& ctx, const HelpButton& button, float x, float& y, float width) {
    const Metrics& m = ctx.metrics();
    const ImFont& heading = *ctx.font(FontRole::Heading);
    const std::string_view label = tr(button.label);
    const float height = std::max(m.touch_min, line_height(heading.FontSize) + m.gap * 0.6f);
    const float words = heading.CalcTextSizeA(heading.FontSize, FLT_MAX, 0, label.data(), label.data() + label.size()).x;
    const ImVec2 size(std::min(width, std::max(m.touch_min * 3.0f, words + 2 * m.gap)), height);
    const bool tapped = big_button(ctx, {button.id, ImVec2(x, y), size, label, button.kind});
    y += height;
    return tapped;
  }

  void draw_results(ScreenContext& ctx, const Rect& area) {
    const Metrics& m = ctx.metrics();
    const ImFont& heading = *ctx.font(FontRole::Heading);
    const ImFont& body = *ctx.font(FontRole::Body);
    const float x = area.min.x + m.margin;
    const float width = area.width() - 2 * m.margin;
    const float inner = width - 2 * m.gap;
    float y = area.min.y + m.gap * 0.4f;
    draw_text_line(ctx.draw_list(), heading, heading.FontSize, ImVec2(x, y), colors::kText,
                   fill_text(Text::SearchResultsFormat, {std::to_string(hits_.size())}));
    y += line_height(heading.FontSize) + m.gap * 0.4f;
    const float row_gap = m.gap * 0.5f;
    result_rows_.measure(width, heading.FontSize, hits_.size(), [&](std::size_t r) {
      return m.gap * 0.8f + measure_wrapped_height(body, body.FontSize, hits_[r].item->name, inner) + m.gap * 0.2f +
             line_height(body.FontSize) + m.gap * 0.8f + row_gap;
    });
    const Rect list{ImVec2(area.min.x, y), area.max};
    TouchScroll scroll(ctx, "search.results", list, std::exchange(scroll_to_top_, false));
    const ImVec2 origin(scroll.origin().x + m.margin, scroll.origin().y);
    const auto [first, last] = result_rows_.overlapping(list.min.y - origin.y, list.max.y - origin.y);
    for (std::size_t r = first; r < last; ++r) {
      const SearchHit& hit = hits_[r];
      const ImVec2 pos(origin.x, origin.y + result_rows_.top(r));
      const float height = result_rows_.advance(r) - row_gap;
      const std::string id = "search.result." + hit.item->id;
      if (card_button(ctx, id.c_str(), pos, ImVec2(width, height))) open_result(ctx, hit);
      float row_y = pos.y + m.gap * 0.8f;
      row_y += draw_highlighted_name(ctx, hit, ImVec2(pos.x + m.gap, row_y), inner);
      row_y += m.gap * 0.2f;
      draw_result_facts(ctx, hit, ImVec2(pos.x + m.gap, row_y), inner);
    }
    scroll.end(origin.y + result_rows_.total() + m.margin);
  }

  void open_result(ScreenContext& ctx, const SearchHit& hit) {
    log_search_if_unlogged(hit.item);
    ctx.router().push("item/" + hit.item->id);
  }

  // The item's name wrapped, the matched characters in the accent colour on a soft band. In the
  // body face: the heading face holds only the shown department's names (a county's would not
  // fit one atlas), while results come from every department.
  static float draw_highlighted_name(ScreenContext& ctx, const SearchHit& hit, ImVec2 pos, float width) {
    const ImFont& font = *ctx.font(FontRole::Body);
    const float size = font.FontSize;
    ImDrawList& draw = ctx.draw_list();
    const std::string& name = hit.item->name;
    const auto lines = wrap_text(font, size, name, width);
    float y = pos.y;
    for (const TextLine& line : lines) {
      const std::size_t line_start = static_cast<std::size_t>(line.text.data() - name.data());
      const std::size_t line_end = line_start + line.text.size();
      // Cut the line where a highlight begins or ends; draw each piece in its colour.
      std::vector<std::size_t> cuts = {line_start, line_end};
      for (const auto& range : hit.highlight) {
        cuts.push_back(std::clamp(range.offset, line_start, line_end));
        cuts.push_back(std::clamp(range.offset + range.length, line_start, line_end));
      }
      std::sort(cuts.begin(), cuts.end());
      cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
      float x = pos.x;
      for (std::size_t c = 0; c + 1 < cuts.size(); ++c) {
        const std::string_view piece(name.data() + cuts[c], cuts[c + 1] - cuts[c]);
        const bool marked = std::any_of(hit.highlight.begin(), hit.highlight.end(), [&](const SearchHit::Range& range) {
          return cuts[c] >= range.offset && cuts[c] < range.offset + range.length;
        });
        const float piece_width = font.CalcTextSizeA(size, FLT_MAX, 0, piece.data(), piece.data() + piece.size()).x;
        if (marked) draw.AddRectFilled(ImVec2(x, y), ImVec2(x + piece_width, y + line_height(size)), colors::kAccentSoft, 4.0f);
        draw_text_line(draw, font, size, ImVec2(x, y), marked ? colors::kAccent : colors::kText, piece);
        x += piece_width;
      }
      y += line_height(size);
    }
    return y - pos.y;
  }

  // "民政局 · 可网上办理 · 关键词：低保户", cut to one line.
  static void draw_result_facts(ScreenContext& ctx, const SearchHit& hit, ImVec2 pos, float width) {
    const ImFont& body = *ctx.font(FontRole::Body);
    std::string facts = hit.department->short_name + " · " + std::string(tr(hit.item->online ? Text::ItemOnlineBadge : Text::ItemCounterOnlyBadge));
    if (hit.match == SearchMatch::Keyword) facts += " · " + fill_text(Text::SearchKeywordFormat, {hit.keyword});
    if (hit.match == SearchMatch::Department) facts += " · " + std::string(tr(Text::SearchDepartmentMatch));
    draw_text_line(ctx.draw_list(), body, body.FontSize, pos, hit.item->online ? colors::kAccent : colors::kTextMuted,
                   ellipsize(body, body.FontSize, facts, width));
  }

  std::unique_ptr<SearchIndex> index_;
  bool handwriting_available_ = false;  // the model is installed: the 手写 toggle shows
  bool handwriting_ = false;            // the pad shows instead of the letters
  std::unique_ptr<HandwritingPad> pad_;  // made on the first toggle (its worker thread with it)
  std::string query_;  // uppercase letters as typed (DBJ), or a 热门搜索 word
  std::vector<SearchHit> hits_;
  std::string logged_query_;  // the query a search event was last logged for
  bool written_by_hand_ = false;  // the query holds a character picked on the 手写 pad (issue 31)
  RowIndex result_rows_;
  bool scroll_to_top_ = false;
  EventSink* sink_ = nullptr;
  std::int64_t session_ = 0;
};

}  // namespace

std::unique_ptr<Screen> make_search_screen() { return std::make_unique<SearchScreen>(); }

}  // namespace openday::ui
