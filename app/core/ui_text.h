#pragma once
// The one table of user-visible UI strings (Simplified Chinese). Screens look strings up by id;
// the font glyph builder reads the whole table so that every string here can be drawn.
#include <cstdint>
#include <initializer_list>
#include <string>
#include <span>
#include <string_view>

namespace openday {

// The largest type style a string is drawn in; the glyph builder bakes display-size glyphs
// only for strings that need them, because each size is a separate bake.
enum class TextStyle : std::uint8_t { Body, Heading, Display };

enum class Text : std::uint16_t {
  AppName,
  TouchToStart,
  AttractInvite,
  AttractDateFormat,
  HomeGreeting,
  HomeHint,
  HomeDisclosure,
  HomeDisclosureDetail,
  HomeQuiz,
  HomeQuizDetail,
  Back,
  Home,
  LargeTextOn,
  LargeTextOff,
  SampleDataNotice,
  EndSession,
  IdleQuestion,
  IdleCountdownFormat,
  IdleContinue,
  DepartmentsTitle,
  DepartmentsHint,
  CategoryAll,
  CountsFormat,
  SampleDataBanner,
  TabDuties,
  TabItems,
  TabFees,
  LabelAddress,
  LabelHours,
  LabelPhone,
  LabelWindow,
  PublishedFormat,
  ItemsEmpty,
  ItemOnlineBadge,
  ItemCounterOnlyBadge,
  ItemPromisedFormat,
  ItemImmediate,
  FeeColumnName,
  FeeColumnStandard,
  FeeColumnBasis,
  FeeColumnNotes,
  FeeDocumentFormat,
  ItemKind,
  ItemLegalBasis,
  ItemConditions,
  ItemMaterials,
  MaterialOriginal,
  MaterialCopiesFormat,
  ItemTimeLimit,
  ItemTimeLimitFormat,
  ItemFee,
  ItemWhere,
  ItemContact,
  ItemOnlineTitle,
  ItemOnlineHint,
  ItemOfflineTitle,
  ItemOfflineHint,
  ItemDepartmentFormat,
  QuizTitle,
  QuizRulesFormat,
  QuizRuleFeedback,
  QuizRuleOnePrize,
  QuizPrizeLabel,
  QuizStockFormat,
  QuizStockUnknown,
  QuizStockEmpty,
  QuizStart,
  QuizProgressFormat,
  QuizKindSingle,
  QuizKindTrueFalse,
  QuizCorrect,
  QuizWrongFormat,
  QuizSourceFormat,
  QuizNext,
  QuizSeeResult,
  QuizPassedTitle,
  QuizScoreFormat,
  QuizVoucherLabel,
  QuizVoucherCollectFormat,
  QuizVoucherPending,
  QuizNoStock,
  QuizAlreadyWon,
  QuizVoucherFailed,
  QuizFailedTitle,
  QuizMissedTitle,
  QuizCorrectAnswerFormat,
  QuizLookUpFormat,
  QuizRetry,
  QuizBackHome,
  Count
};

struct TextEntry {
  Text id;
  std::string_view key;  // stable name, used in logs and tests
  TextStyle style;
  std::string_view zh;
};

// The string for an id. Every id has a non-empty entry (checked at compile time).
std::string_view tr(Text id);
// The string with {0}, {1}, ... replaced by values, in order.
std::string fill_text(Text id, std::initializer_list<std::string_view> values);
const TextEntry& text_entry(Text id);
std::span<const TextEntry> all_texts();

}  // namespace openday
