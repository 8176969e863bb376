#include "core/util/utf8.h"

#include <gtest/gtest.h>

namespace openday {
namespace {

TEST(Utf8, AcceptsChineseAndAscii) {
  EXPECT_TRUE(is_valid_utf8("政务公开 abc 123"));
  EXPECT_EQ(count_code_points("政务公开"), 4u);
  EXPECT_TRUE(is_valid_utf8("𠀀"));  // outside the BMP but well-formed
}

TEST(Utf8, FindsTheFirstBadByte) {
  EXPECT_EQ(first_invalid_utf8("ab\xff"), 2u);
  EXPECT_EQ(first_invalid_utf8("政\xe6\x94"), 3u);           // truncated sequence
  EXPECT_EQ(first_invalid_utf8("\xc0\xaf"), 0u);             // overlong '/'
  EXPECT_EQ(first_invalid_utf8("\xed\xa0\x80"), 0u);         // a UTF-16 surrogate
  EXPECT_EQ(first_invalid_utf8("\xf4\x90\x80\x80"), 0u);     // above U+10FFFF
}

TEST(Utf8, VisitsCodePointsInOrder) {
  std::u32string seen;
  for_each_code_point("a政€", [&](char32_t c) { seen.push_back(c); });
  EXPECT_EQ(seen, U"a政€");
}

TEST(Utf8, AppendsEachLengthOfSequence) {
  std::string out;
  append_utf8(out, U'a');       // 1 byte
  append_utf8(out, U'é');       // 2 bytes
  append_utf8(out, U'政');      // 3 bytes
  append_utf8(out, U'\U00020000');  // 4 bytes, outside the BMP
  EXPECT_EQ(out, "a\xc3\xa9\xe6\x94\xbf\xf0\xa0\x80\x80");
}

TEST(Utf8, AppendedTextDecodesBackToTheSameCodePoints) {
  const std::u32string samples = {U'\0', U'\x7f', U'\x80', U'\x7ff', U'\x800', U'\xffff', U'\U00010000', U'\U0010FFFF', U'（', U'０'};
  std::string out;
  for (const char32_t c : samples) append_utf8(out, c);
  ASSERT_TRUE(is_valid_utf8(out));
  std::u32string seen;
  for_each_code_point(out, [&](char32_t c) { seen.push_back(c); });
  EXPECT_EQ(seen, samples);
}

}  // namespace
}  // namespace openday
