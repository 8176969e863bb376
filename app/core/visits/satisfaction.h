#pragma once
// 满意度评价 (issue 15): the five levels of the national 好差评 scale (国办发〔2019〕51号) and
// the reasons asked for the two lowest. An activity survey of the openness day: it does not
// feed the official 好差评 system.
#include <array>
#include <string_view>

#include "core/content/ui_text.h"

namespace openday {

struct SatisfactionLevel {
  int value;             // 5 非常满意 .. 1 非常不满意: the value of a satisfaction_rated event
  std::string_view key;  // for JSON and logs
  Text words;
};

inline constexpr std::array<SatisfactionLevel, 5> kSatisfactionLevels = {{
    {5, "very_satisfied", Text::RatingVerySatisfied},
    {4, "satisfied", Text::RatingSatisfied},
    {3, "basically_satisfied", Text::RatingBasicallySatisfied},
    {2, "dissatisfied", Text::RatingDissatisfied},
    {1, "very_dissatisfied", Text::RatingVeryDissatisfied},
}};

// 不满意 and 非常不满意 are 差评: a reason is asked for (and may still be skipped).
constexpr bool rating_asks_reason(int value) { return value <= 2; }
// 非常满意, 满意 and 基本满意 count as satisfied in the 满意率.
constexpr bool rating_is_satisfied(int value) { return value >= 3; }

struct SatisfactionReason {
  std::string_view key;  // the target of a satisfaction_reason event
  Text words;
};

inline constexpr std::array<SatisfactionReason, 5> kSatisfactionReasons = {{
    {"not_found", Text::RatingReasonNotFound},
    {"hard_to_understand", Text::RatingReasonHardToUnderstand},
    {"hard_to_use", Text::RatingReasonHardToUse},
    {"long_wait", Text::RatingReasonLongWait},
    {"other", Text::RatingReasonOther},
}};

}  // namespace openday
