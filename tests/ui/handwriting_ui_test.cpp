// Issue 31 on screen: the search's 手写 mode walked headless in all four shapes: the toggle,
// strokes written as finger drags giving candidates, a candidate tapped into the query and its
// results, 撤销一笔 / 清除 / 删除, the pad's width in portrait, and no toggle without the model.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "core/handwriting/content_ranking.h"
#include "support/hanzi_strokes.h"
#include "support/headless_kiosk.h"
#include "support/search_fixture.h"
#include "support/temp_dir.h"
#include "support/ui_shapes.h"
#include "ui/drawn_text.h"
#include "ui/text_layout.h"

namespace openday {
namespace {

using testing::HeadlessKiosk;

std::shared_ptr<const Content> fixture_content() { return testing::search_fixture_content(); }

std::vector<std::string> targets_with_prefix(HeadlessKiosk& kiosk, std::string_view prefix) {
  std::vector<std::string> ids;
  for (const ui::TapTarget& target : kiosk.kiosk().taps().all())
    if (target.id.starts_with(prefix)) ids.push_back(target.id);
  return ids;
}

std::string label_of(HeadlessKiosk& kiosk, std::string_view id) {
  const ui::TapTarget* target = kiosk.kiosk().taps().find(id);
  return target ? target->label : std::string();
}

// Writes the strokes on the pad as finger drags, frame by frame, each stroke after a hover frame.
void draw_strokes(HeadlessKiosk& kiosk, const Strokes& strokes) {
  const ui::TapTarget* pad = kiosk.kiosk().taps().find("search.hw.pad");
  ASSERT_NE(pad, nullptr);
  const ImVec2 min = pad->min, size = pad->size();
  const auto at = [&](StrokePoint p) {
    return ImVec2(min.x + size.x * static_cast<float>(p.x) / kStrokeBox, min.y + size.y * static_cast<float>(p.y) / kStrokeBox);
  };
  for (const Stroke& stroke : strokes) {
    kiosk.touch(false, at(stroke.front()));
    kiosk.frame();
    for (const StrokePoint point : stroke) {
      kiosk.touch(true, at(point));
      kiosk.frame();
    }
    kiosk.touch(false, at(stroke.back()));
    kiosk.frame();
  }
}

// The strokes written; then lets the worker's candidates arrive, and waits as a visitor would
// before tapping (new candidates may bake new glyphs).
void write_strokes(HeadlessKiosk& kiosk, const Strokes& strokes) {
  draw_strokes(kiosk, strokes);
  kiosk.run_until_idle();
  kiosk.wait(0.5);
}

void write_on_pad(HeadlessKiosk& kiosk, const std::string& character) {
  const auto strokes = test::hanzi_strokes(character, 6, 7, 40);
  ASSERT_TRUE(strokes) << character;
  write_strokes(kiosk, *strokes);
}

void press(HeadlessKiosk& kiosk, std::string_view target) {
  kiosk.tap(target);
  kiosk.run_until_idle();
  kiosk.wait(0.5);
}

class HandwritingShapes : public ::testing::TestWithParam<testing::Shape> {};

TEST_P(HandwritingShapes, WriteDiBaoPickThemAndFindTheItem) {
  ASSERT_TRUE(test::require_hanzi_data());
  HeadlessKiosk kiosk(GetParam().display, "search", {}, fixture_content());
  testing::set_text_size(kiosk, GetParam().large_text);
  ASSERT_TRUE(kiosk.has_target("search.mode.handwriting")) << "the model is installed: the toggle shows";
  EXPECT_TRUE(kiosk.has_target("search.key.A"));
  press(kiosk, "search.mode.handwriting");
  ASSERT_TRUE(kiosk.has_target("search.hw.pad"));
  EXPECT_FALSE(kiosk.has_target("search.key.A")) << "the pad replaces the letters";
  EXPECT_TRUE(kiosk.has_target("search.mode.letters"));
  if (GetParam().display.x < GetParam().display.y) {
    EXPECT_GE(kiosk.kiosk().taps().find("search.hw.pad")->size().x, 0.6f * GetParam().display.x) << "at least 60 % of the width in portrait";
  }

  write_on_pad(kiosk, "低");
  const auto candidates = targets_with_prefix(kiosk, "search.hw.candidate.");
  ASSERT_GE(candidates.size(), 5u);
  EXPECT_LE(candidates.size(), 10u);
  EXPECT_EQ(label_of(kiosk, "search.hw.candidate.0"), "低");
  press(kiosk, "search.hw.candidate.0");
  EXPECT_TRUE(targets_with_prefix(kiosk, "search.hw.candidate.").empty()) << "a pick clears the pad";
  EXPECT_FALSE(targets_with_prefix(kiosk, "search.result.").empty()) << "低 finds the 低保 items";

  write_on_pad(kiosk, "保");
  EXPECT_EQ(label_of(kiosk, "search.hw.candidate.0"), "保");
  press(kiosk, "search.hw.candidate.0");
  ASSERT_TRUE(kiosk.has_target("search.result.mz-dibao"));
  kiosk.tap("search.result.mz-dibao");
  kiosk.wait(0.3);
  EXPECT_EQ(kiosk.route(), "item/mz-dibao");
  const auto searches = kiosk.events().of_type(EventType::Search);
  ASSERT_EQ(searches.size(), 1u);
  EXPECT_EQ(searches[0].target, "低保");
  EXPECT_EQ(searches[0].item, "mz-dibao");
  EXPECT_EQ(searches[0].value, kSearchWrittenByHand) << "counted as a search by handwriting";
}

INSTANTIATE_TEST_SUITE_P(Shapes, HandwritingShapes, testing::every_shape(), testing::shape_name);

TEST(HandwritingPad, UndoClearAndDelete) {
  ASSERT_TRUE(test::require_hanzi_data());
  HeadlessKiosk kiosk(ImVec2(1080, 1920), "search", {}, fixture_content());
  kiosk.wait(0.3);
  press(kiosk, "search.mode.handwriting");
  // One stroke, then a second changes the candidates; 撤销一笔 takes the second away and the
  // first stroke's candidates come back.
  write_strokes(kiosk, {{{200, 400}, {500, 390}, {820, 380}}});
  const std::string one = label_of(kiosk, "search.hw.candidate.0");
  ASSERT_FALSE(one.empty());
  write_strokes(kiosk, {{{120, 700}, {500, 690}, {900, 680}}});
  EXPECT_NE(label_of(kiosk, "search.hw.candidate.0"), one);
  press(kiosk, "search.hw.undo");
  EXPECT_EQ(label_of(kiosk, "search.hw.candidate.0"), one);
  // 清除: nothing left on the pad, no candidates.
  press(kiosk, "search.hw.clear");
  EXPECT_TRUE(targets_with_prefix(kiosk, "search.hw.candidate.").empty());
  // 删除: the last character of the query.
  write_on_pad(kiosk, "低");
  press(kiosk, "search.hw.candidate.0");
  write_on_pad(kiosk, "保");
  press(kiosk, "search.hw.candidate.0");
  EXPECT_TRUE(kiosk.has_target("search.result.mz-dibao"));
  const std::size_t both = targets_with_prefix(kiosk, "search.result.").size();
  press(kiosk, "search.hw.delete");
  EXPECT_GE(targets_with_prefix(kiosk, "search.result.").size(), both) << "低 alone finds at least what 低保 found";
  press(kiosk, "search.hw.delete");
  EXPECT_TRUE(targets_with_prefix(kiosk, "search.result.").empty());
  EXPECT_FALSE(kiosk.has_target("search.none.topics")) << "an empty query is not a search that found nothing";
}

TEST(HandwritingPad, HiddenWithoutTheModel) {
  Config config;
  config.handwriting_model = "/nonexistent/handwriting-zh_CN.model";
  HeadlessKiosk kiosk(ImVec2(1080, 1920), "search", config, fixture_content());
  kiosk.wait(0.3);
  EXPECT_FALSE(kiosk.has_target("search.mode.handwriting"));
  EXPECT_TRUE(kiosk.has_target("search.key.D")) << "the letters work as before";
}

// The glyphs drawn inside a tap target's box.
std::vector<testing::DrawnGlyph> glyphs_in(HeadlessKiosk& kiosk, std::string_view id) {
  std::vector<testing::DrawnGlyph> inside;
  const ui::TapTarget* target = kiosk.kiosk().taps().find(id);
  if (!target) return inside;
  for (const testing::DrawnGlyph& g : testing::drawn_glyphs()) {
    const float cx = (g.min.x + g.max.x) * 0.5f, cy = (g.min.y + g.max.y) * 0.5f;
    if (cx >= target->min.x && cx <= target->max.x && cy >= target->min.y && cy <= target->max.y) inside.push_back(g);
  }
  return inside;
}

float tallest(const std::vector<testing::DrawnGlyph>& glyphs) {
  float height = 0;
  for (const testing::DrawnGlyph& g : glyphs) height = std::max(height, g.max.y - g.min.y);
  return height;
}

// Follow-up of issue 31: while the pad is open the empty search box says 在下方写字, not the pinyin
// hint, and the candidates are drawn as large as the pad's buttons (the heading face, not body).
TEST_P(HandwritingShapes, BoxHintAndCandidateSize) {
  ASSERT_TRUE(test::require_hanzi_data());
  HeadlessKiosk kiosk(GetParam().display, "search", {}, fixture_content());
  testing::set_text_size(kiosk, GetParam().large_text);
  kiosk.wait(0.3);
  const std::string pinyin_hint = testing::without_spaces(std::string(tr(Text::SearchHint)));
  const std::string written_hint = testing::without_spaces(std::string(tr(Text::SearchHandwritingBoxHint)));
  EXPECT_NE(testing::drawn_text().find(pinyin_hint), std::string::npos) << testing::drawn_text();
  EXPECT_EQ(testing::drawn_text().find(written_hint), std::string::npos);
  press(kiosk, "search.mode.handwriting");
  EXPECT_NE(testing::drawn_text().find(written_hint), std::string::npos) << testing::drawn_text();
  EXPECT_EQ(testing::drawn_text().find(pinyin_hint), std::string::npos) << "the pinyin hint is gone while the pad is open";
  // The pad's own hint says where the candidates are: beside the square in landscape, below it in portrait.
  const bool landscape = GetParam().display.x > GetParam().display.y;
  const auto pad_hint = [](Text id) { return testing::without_spaces(std::string(tr(id))); };
  EXPECT_NE(testing::drawn_text().find(pad_hint(landscape ? Text::SearchHandwritingHintBeside : Text::SearchHandwritingHint)), std::string::npos)
      << testing::drawn_text();
  EXPECT_EQ(testing::drawn_text().find(pad_hint(landscape ? Text::SearchHandwritingHint : Text::SearchHandwritingHintBeside)), std::string::npos);

  write_on_pad(kiosk, "低");
  const auto candidate = glyphs_in(kiosk, "search.hw.candidate.0");
  const auto undo = glyphs_in(kiosk, "search.hw.undo");
  ASSERT_EQ(candidate.size(), 1u);
  ASSERT_FALSE(undo.empty());
  EXPECT_GE(tallest(candidate), 0.95f * tallest(undo)) << "candidates in the heading face, like 撤销一笔";
  // Every label of the pad inside its button and on the screen (撤销一笔 wraps in 大字 landscape).
  kiosk.kiosk().text_audit().record_placements = true;
  kiosk.frame();
  int labels = 0;
  for (const ui::TextPlacement& p : kiosk.kiosk().text_audit().placements()) {
    ++labels;
    EXPECT_LE(p.max.y, p.box_max.y + 1) << p.text;
    EXPECT_LE(p.max.y, GetParam().display.y) << p.text;
  }
  EXPECT_GE(labels, 3);

  press(kiosk, "search.mode.letters");
  EXPECT_NE(testing::drawn_text().find(pinyin_hint), std::string::npos) << "the letters bring the pinyin hint back";
}

// Writes the strokes, then draws frames at the kiosk's pace only until the row shows `character`
// first (the worker answers on its own thread): no waiting after.
void write_until_first(HeadlessKiosk& kiosk, const Strokes& strokes, const std::string& character) {
  draw_strokes(kiosk, strokes);
  for (int frame = 0; frame < 500 && label_of(kiosk, "search.hw.candidate.0") != character; ++frame) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    kiosk.frame();
  }
  ASSERT_EQ(label_of(kiosk, "search.hw.candidate.0"), character);
}

// A candidate tapped in the very first frame it is shown is taken (issue 31: a tap right after
// the row changed used to be ignored for a moment): 低 written, the row drawn, the first
// candidate tapped at once, and the search box holds 低; then 保 the same way.
TEST_P(HandwritingShapes, CandidateTappedInItsFirstFrameIsTaken) {
  ASSERT_TRUE(test::require_hanzi_data());
  HeadlessKiosk kiosk(GetParam().display, "search", {}, fixture_content());
  testing::set_text_size(kiosk, GetParam().large_text);
  press(kiosk, "search.mode.handwriting");
  std::string query;
  for (const std::string character : {"低", "保"}) {
    const auto strokes = test::hanzi_strokes(character, 6, 7, 40);
    ASSERT_TRUE(strokes) << character;
    write_until_first(kiosk, *strokes, character);
    kiosk.tap("search.hw.candidate.0");
    query += character;
    EXPECT_TRUE(targets_with_prefix(kiosk, "search.hw.candidate.").empty()) << character << ": the pick clears the pad";
    EXPECT_NE(testing::drawn_text().find(query), std::string::npos) << "the search box shows " << query << ": " << testing::drawn_text();
  }
  EXPECT_TRUE(kiosk.has_target("search.result.mz-dibao"));
}

// 撤销一笔 takes back a stray stroke and the row is 低's again: the visitor taps 低 at once, in the
// first frame it shows, well within a double tap's time of 撤销一笔; it is another button in
// another place (no double tap lands there), so the tap is taken.
TEST(HandwritingPad, CandidateTappedAtOnceAfterUndoIsTaken) {
  ASSERT_TRUE(test::require_hanzi_data());
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "search", {}, fixture_content());
  kiosk.wait(0.5);
  press(kiosk, "search.mode.handwriting");
  auto strokes = test::hanzi_strokes("低", 6, 7, 40);
  ASSERT_TRUE(strokes);
  strokes->push_back({{100, 900}, {500, 920}, {900, 940}});  // a stray stroke under it
  write_strokes(kiosk, *strokes);
  kiosk.tap("search.hw.undo");
  for (int frame = 0; frame < 500 && label_of(kiosk, "search.hw.candidate.0") != "低"; ++frame) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    kiosk.frame();
  }
  ASSERT_EQ(label_of(kiosk, "search.hw.candidate.0"), "低");
  kiosk.tap("search.hw.candidate.0");
  EXPECT_TRUE(targets_with_prefix(kiosk, "search.hw.candidate.").empty()) << "the pick clears the pad";
  EXPECT_NE(testing::drawn_text().find("低"), std::string::npos) << "the search box shows 低: " << testing::drawn_text();
  // A double tap on 撤销一笔 still takes back one stroke only.
  write_strokes(kiosk, {{{200, 400}, {500, 390}, {820, 380}}, {{120, 700}, {500, 690}, {900, 680}}});
  ASSERT_EQ(kiosk.kiosk().taps().find("search.hw.undo") != nullptr, true);
  kiosk.tap("search.hw.undo");
  kiosk.tap("search.hw.undo");
  kiosk.run_until_idle();
  kiosk.wait(0.5);
  EXPECT_FALSE(targets_with_prefix(kiosk, "search.hw.candidate.").empty()) << "one stroke is left";
}

bool overlaps(const ui::TapTarget& a, const ui::TapTarget& b) {
  return a.min.x < b.max.x && b.min.x < a.max.x && a.min.y < b.max.y && b.min.y < a.max.y;
}

// The pad large enough to write in: at least 60 % of the width in portrait and, in landscape, a
// square at least 45 % of the screen's height (it once was about 210 px); its candidates and its
// three buttons whole on the screen, and none of them over the square or over another.
TEST_P(HandwritingShapes, PadIsLargeAndItsControlsAreInView) {
  ASSERT_TRUE(test::require_hanzi_data());
  const ImVec2 display = GetParam().display;
  HeadlessKiosk kiosk(display, "search", {}, fixture_content());
  testing::set_text_size(kiosk, GetParam().large_text);
  press(kiosk, "search.mode.handwriting");
  write_on_pad(kiosk, "低");
  const ui::TapTarget* pad = kiosk.kiosk().taps().find("search.hw.pad");
  ASSERT_NE(pad, nullptr);
  EXPECT_NEAR(pad->size().x, pad->size().y, 1) << "a square";
  if (display.x < display.y) {
    EXPECT_GE(pad->size().x, 0.6f * display.x) << "portrait: at least 60 % of the width";
  } else {
    EXPECT_GE(pad->size().y, 0.45f * display.y) << "landscape: at least 45 % of the height";
  }
  std::vector<std::string> controls = targets_with_prefix(kiosk, "search.hw.candidate.");
  EXPECT_EQ(controls.size(), kHandwritingCandidates);
  for (const char* id : {"search.hw.undo", "search.hw.clear", "search.hw.delete", "search.mode.letters"}) controls.push_back(id);
  std::vector<ui::TapTarget> seen;
  for (const std::string& id : controls) {
    const ui::TapTarget* target = kiosk.kiosk().taps().find(id);
    ASSERT_NE(target, nullptr) << id;
    EXPECT_FALSE(target->clipped) << id;
    EXPECT_GE(target->min.x, 0) << id;
    EXPECT_GE(target->min.y, 0) << id;
    EXPECT_LE(target->max.x, display.x) << id;
    EXPECT_LE(target->max.y, display.y) << id;
    EXPECT_FALSE(overlaps(*target, *pad)) << id << " lies over the pad";
    for (const ui::TapTarget& other : seen) EXPECT_FALSE(overlaps(*target, other)) << id << " lies over " << other.id;
    seen.push_back(*target);
  }
  // The results beside or above it are not covered either.
  for (const std::string& id : targets_with_prefix(kiosk, "search.result.")) {
    const ui::TapTarget* result = kiosk.kiosk().taps().find(id);
    ASSERT_NE(result, nullptr);
    EXPECT_FALSE(overlaps(*result, *pad)) << id;
  }
}

// A search typed as initials is not marked as written by hand.
TEST(HandwritingPad, TypedSearchIsNotMarkedWrittenByHand) {
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "search", {}, fixture_content());
  kiosk.wait(0.3);
  press(kiosk, "search.key.D");
  press(kiosk, "search.key.B");
  ASSERT_TRUE(kiosk.has_target("search.result.mz-dibao"));
  kiosk.tap("search.result.mz-dibao");
  kiosk.wait(0.3);
  const auto searches = kiosk.events().of_type(EventType::Search);
  ASSERT_EQ(searches.size(), 1u);
  EXPECT_EQ(searches[0].target, "DB");
  EXPECT_EQ(searches[0].value, 0);
}

}  // namespace
}  // namespace openday
