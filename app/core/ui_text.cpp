#include "core/ui_text.h"

#include <array>
#include <cstddef>
#include <string>

namespace openday {
namespace {

constexpr std::array kTexts = {
    TextEntry{Text::AppName, "app_name", TextStyle::Heading, "政务公开自助查询机"},
    TextEntry{Text::TouchToStart, "touch_to_start", TextStyle::Display, "轻触屏幕开始"},
    TextEntry{Text::AttractInvite, "attract_invite", TextStyle::Heading,
              "查部门职能 · 看审批事项 · 问收费标准 · 答题赢好礼"},
    // {0} year, {1} month, {2} day: filled by the attract screen from the configured date.
    TextEntry{Text::AttractDateFormat, "attract_date_format", TextStyle::Heading, "{0}年{1}月{2}日"},
    TextEntry{Text::HomeGreeting, "home_greeting", TextStyle::Display, "您好，请选择您要办的事"},
    TextEntry{Text::HomeHint, "home_hint", TextStyle::Body, "用手指轻点下面的大按钮"},
    TextEntry{Text::HomeDisclosure, "home_disclosure", TextStyle::Display, "政务公开查询"},
    TextEntry{Text::HomeDisclosureDetail, "home_disclosure_detail", TextStyle::Heading,
              "部门职能 · 审批事项 · 收费标准"},
    TextEntry{Text::HomeQuiz, "home_quiz", TextStyle::Display, "网上审批有奖竞猜"},
    TextEntry{Text::HomeQuizDetail, "home_quiz_detail", TextStyle::Heading, "答对题目 · 领取精美礼品"},
    TextEntry{Text::Back, "back", TextStyle::Heading, "返回"},
    TextEntry{Text::Home, "home", TextStyle::Heading, "首页"},
    TextEntry{Text::LargeTextOn, "large_text_on", TextStyle::Heading, "大字"},
    TextEntry{Text::LargeTextOff, "large_text_off", TextStyle::Heading, "标准字"},
    TextEntry{Text::PlaceholderTitle, "placeholder_title", TextStyle::Display, "本栏目即将开放"},
    TextEntry{Text::PlaceholderDetail, "placeholder_detail", TextStyle::Body,
              "工作人员正在准备内容，请先浏览其他栏目。"},
    TextEntry{Text::PlaceholderGoHome, "placeholder_go_home", TextStyle::Heading, "回到首页"},
    TextEntry{Text::SampleDataNotice, "sample_data_notice", TextStyle::Body, "示例数据"},
    TextEntry{Text::EndSession, "end_session", TextStyle::Heading, "结束使用"},
    TextEntry{Text::IdleQuestion, "idle_question", TextStyle::Display, "还在使用吗？"},
    // {0}: whole seconds left.
    TextEntry{Text::IdleCountdownFormat, "idle_countdown_format", TextStyle::Heading, "{0} 秒后自动结束本次使用"},
    TextEntry{Text::IdleContinue, "idle_continue", TextStyle::Display, "继续使用"},
};

constexpr bool table_is_complete_and_ordered() {
  if (kTexts.size() != static_cast<std::size_t>(Text::Count)) return false;
  for (std::size_t i = 0; i < kTexts.size(); ++i) {
    if (static_cast<std::size_t>(kTexts[i].id) != i) return false;
    if (kTexts[i].zh.empty() || kTexts[i].key.empty()) return false;
  }
  return true;
}
static_assert(table_is_complete_and_ordered(), "ui_text table must list every Text id once, in order, non-empty");

}  // namespace

std::string fill_text(Text id, std::initializer_list<std::string_view> values) {
  std::string text(tr(id));
  std::size_t index = 0;
  for (std::string_view value : values) {
    const std::string token = "{" + std::to_string(index++) + "}";
    for (std::size_t at = text.find(token); at != std::string::npos; at = text.find(token, at + value.size()))
      text.replace(at, token.size(), value);
  }
  return text;
}

const TextEntry& text_entry(Text id) { return kTexts[static_cast<std::size_t>(id)]; }
std::string_view tr(Text id) { return text_entry(id).zh; }
std::span<const TextEntry> all_texts() { return kTexts; }

}  // namespace openday
