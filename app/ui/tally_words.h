#pragma once
// The words the desk tally's screens share (issue 12): each kind's name, a total with its unit,
// a tap as the undo button and the status line describe it, and each problem category's name.
#include <cstdint>
#include <string>
#include <string_view>

#include "core/content/content.h"
#include "core/content/ui_text.h"
#include "core/reports/tally.h"

namespace openday::ui {

std::string_view tally_kind_words(TallyKind kind);                  // 解答政策咨询
std::string tally_total_words(TallyKind kind, std::int64_t total);  // 今日 12 件
std::string_view problem_category_words(std::string_view category_id);
// "解答政策咨询 +1 · 民政局", "记录群众问题 +1 · 民政局 · 收费问题", "发放宣传品 +100".
std::string tap_words(const Content& content, const TallyTap& tap);
std::string_view event_fact_words(EventFactKind fact);  // 参加部门（单位）

}  // namespace openday::ui
