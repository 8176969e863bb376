#include "core/content/ui_text.h"

#include <gtest/gtest.h>

#include <set>

#include "core/util/utf8.h"

namespace openday {
namespace {

TEST(UiText, EveryEntryIsValidUniqueAndLookedUpById) {
  std::set<std::string_view> keys;
  for (const TextEntry& entry : all_texts()) {
    EXPECT_TRUE(is_valid_utf8(entry.zh)) << entry.key;
    EXPECT_TRUE(keys.insert(entry.key).second) << "duplicate key " << entry.key;
    EXPECT_EQ(tr(entry.id), entry.zh);
  }
  EXPECT_EQ(all_texts().size(), static_cast<std::size_t>(Text::Count));
}

TEST(UiText, TheKioskSpeaksChinese) {
  EXPECT_EQ(tr(Text::TouchToStart), "轻触屏幕开始");
  EXPECT_EQ(tr(Text::HomeDisclosure), "政务公开查询");
  EXPECT_EQ(tr(Text::HomeQuiz), "网上审批有奖竞猜");
}

}  // namespace
}  // namespace openday
