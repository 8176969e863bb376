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

}  // namespace
}  // namespace openday
