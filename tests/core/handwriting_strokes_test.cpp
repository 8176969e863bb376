// Issue 31: the strokes JSON `openday handwriting` reads from standard input, and the small
// parts of the recognizer that need no model.
#include <gtest/gtest.h>

#include <string>

#include "core/handwriting/recognizer.h"
#include "core/handwriting/strokes.h"

namespace openday {
namespace {

TEST(HandwritingStrokes, ReadsStrokesInWritingOrder) {
  const StrokesRead read = read_strokes_json("[[[0, 10], [1024, 20]], [[5, 6]]]");
  ASSERT_TRUE(read.strokes) << read.error;
  ASSERT_EQ(read.strokes->size(), 2u);
  EXPECT_EQ((*read.strokes)[0].size(), 2u);
  EXPECT_EQ((*read.strokes)[0][1].x, 1024);
  EXPECT_EQ((*read.strokes)[0][1].y, 20);
  EXPECT_EQ((*read.strokes)[1][0].x, 5);
}

TEST(HandwritingStrokes, WholeNumberFloatsAreCoordinates) {
  const StrokesRead read = read_strokes_json("[[[12.0, 3e2]]]");
  ASSERT_TRUE(read.strokes) << read.error;
  EXPECT_EQ((*read.strokes)[0][0].y, 300);
}

void expect_refused(const std::string& text, const std::string& reason) {
  const StrokesRead read = read_strokes_json(text);
  EXPECT_FALSE(read.strokes) << text;
  EXPECT_NE(read.error.find(reason), std::string::npos) << text << " -> " << read.error;
}

TEST(HandwritingStrokes, RefusesWhatIsNotStrokesNamingWhere) {
  expect_refused("", "strokes");
  expect_refused("[[[1, 2]]", "strokes:");
  expect_refused("[]", "non-empty array of strokes");
  expect_refused("{\"a\": 1}", "non-empty array of strokes");
  expect_refused("[[]]", "$[0]: a stroke is a non-empty array");
  expect_refused("[[[1, 2]], [[3]]]", "$[1][0]: is not a point");
  expect_refused("[[[1, 2, 3]]]", "$[0][0]: is not a point");
  expect_refused("[[[1, 1025]]]", "$[0][0]: needs whole-number coordinates from 0 to 1024");
  expect_refused("[[[-1, 5]]]", "$[0][0]: needs whole-number");
  expect_refused("[[[1.5, 5]]]", "$[0][0]: needs whole-number");
  expect_refused("[[[\"1\", 5]]]", "$[0][0]: needs whole-number");
  expect_refused("[[[[1, 2]]]]", "$[0][0]");
}

TEST(HandwritingStrokes, BoundsSizeStrokesAndPoints) {
  expect_refused(std::string(kMaxStrokesJsonBytes + 1, ' '), "larger than 256 kB");
  std::string many = "[";
  for (std::size_t s = 0; s <= kMaxStrokes; ++s) many += (s ? "," : "") + std::string("[[1,1]]");
  expect_refused(many + "]", "more than 64 strokes");
  std::string long_stroke = "[[";
  for (std::size_t p = 0; p <= kMaxStrokePoints; ++p) long_stroke += (p ? "," : "") + std::string("[1,1]");
  expect_refused(long_stroke + "]]", "$[0]: more than 2048 points");
  std::string deep(100000, '[');
  expect_refused(deep, "strokes");
}

TEST(HandwritingStrokes, TrimDropsFlicksAtTheEndsOfAStroke) {
  // A landing flick (0,0)->(20,20), the stroke down to (30,800), a lifting flick to (10,790).
  const Stroke trimmed = trim_stroke_ends({{0, 0}, {20, 20}, {30, 400}, {30, 800}, {10, 790}});
  ASSERT_EQ(trimmed.size(), 3u);
  EXPECT_EQ(trimmed.front().y, 20);
  EXPECT_EQ(trimmed.back().y, 800);
  // A dot keeps two points.
  EXPECT_EQ(trim_stroke_ends({{0, 0}, {5, 5}, {10, 10}, {12, 12}}).size(), 2u);
}

// A character of the 辶 kind on the 1024 box: a body up on the right, then the radical, written
// last: a dot and a zigzag on the left, and a sweep along the bottom to the right.
Strokes walk_written_last(Stroke sweep) {
  return {{{450, 150}, {850, 150}},  // the body
          {{650, 150}, {650, 650}},
          {{200, 200}, {260, 260}},  // 点
          {{120, 400}, {300, 400}, {200, 700}, {280, 760}},  // 横折折撇
          std::move(sweep)};  // 平捺
}

TEST(HandwritingStrokes, TheLastStrokesWrapTheRestFromTheBottomLeft) {
  const Strokes walk = walk_written_last({{180, 760}, {500, 900}, {900, 920}});
  EXPECT_TRUE(last_strokes_wrap_bottom_left(walk, 3));
  EXPECT_TRUE(last_strokes_wrap_bottom_left(walk, 2)) << "廴: the zigzag on the left, the sweep below";
  EXPECT_FALSE(last_strokes_wrap_bottom_left(walk, 4)) << "the body's stroke is not on the left";
  EXPECT_FALSE(last_strokes_wrap_bottom_left(walk, 5)) << "nothing left to wrap";
  EXPECT_FALSE(last_strokes_wrap_bottom_left(walk, 0));
  // The last stroke short of the width, up in the middle, or ending on the left: no sweep.
  EXPECT_FALSE(last_strokes_wrap_bottom_left(walk_written_last({{180, 760}, {450, 900}}), 3));
  EXPECT_FALSE(last_strokes_wrap_bottom_left(walk_written_last({{120, 500}, {900, 520}}), 3));
  EXPECT_FALSE(last_strokes_wrap_bottom_left(walk_written_last({{900, 760}, {120, 900}}), 3));
  // A character whose last stroke is a 捺 from the middle (人 under something): no radical on the left.
  EXPECT_FALSE(last_strokes_wrap_bottom_left({{{100, 200}, {900, 200}}, {{500, 250}, {150, 900}}, {{500, 400}, {900, 900}}}, 2));
}

TEST(HandwritingRecognizer, AMissingModelIsAnErrorNamingThePackage) {
  HandwritingRecognizer recognizer("/nonexistent/handwriting.model");
  EXPECT_FALSE(recognizer.load());
  EXPECT_NE(recognizer.error().find("tegaki-zinnia-simplified-chinese"), std::string::npos) << recognizer.error();
  EXPECT_TRUE(recognizer.classify({{{1, 1}, {500, 500}}}, 5).empty());
  EXPECT_FALSE(recognizer.loaded());
}

TEST(HandwritingRecognizer, LoadsLazily) {
  HandwritingRecognizer recognizer;
  EXPECT_FALSE(recognizer.loaded());
  const auto candidates = recognizer.classify({{{150, 500}, {880, 480}}}, 5);  // 一
  EXPECT_TRUE(recognizer.loaded()) << recognizer.error();
  ASSERT_FALSE(candidates.empty());
  EXPECT_EQ(candidates.front().character, "一");
}

}  // namespace
}  // namespace openday
