#pragma once
// The icons drawn beside words (never instead of them), from Debian's Material Icons font
// (fonts-material-design-icons-iconfont). Icons are not words: they live here, by code point,
// while every label stays in ui_text. The font is merged into each bake of the atlas, for
// these code points only; without the font no icon is drawn and the words stand alone.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace openday::ui {

enum class Icon : std::uint8_t {
  None,
  Back,
  Home,
  LargeText,
  EndSession,
  ByDepartment,
  ByTopic,
  Search,
  Quiz,
  Ask,
  // The 按主题 tiles: one per kind of life event, and the generic one for any other topic.
  TopicGeneric,
  TopicBirth,
  TopicHousehold,
  TopicJobs,
  TopicMarriage,
  TopicHousing,
  TopicSocialSecurity,
  TopicHealth,
  TopicEducation,
  TopicDisability,
  TopicElderly,
  TopicBusiness,
  TopicTransport,
  TopicConstruction,
  TopicLaw,
  TopicComplaint,
  Count,
};

struct IconEntry {
  Icon icon;
  char32_t code_point;  // in the Material Icons font
  std::string_view name;  // the icon's name in that font, for whoever reads this table
};

// Material Icons 6.7 (the Debian package's css names each code point).
inline constexpr std::array<IconEntry, static_cast<std::size_t>(Icon::Count) - 1> kIcons = {{
    {Icon::Back, 0xE5C4, "arrow_back"},
    {Icon::Home, 0xE88A, "home"},
    {Icon::LargeText, 0xEAE2, "text_increase"},
    {Icon::EndSession, 0xE9BA, "logout"},
    {Icon::ByDepartment, 0xE84F, "account_balance"},
    {Icon::ByTopic, 0xE574, "category"},
    {Icon::Search, 0xE8B6, "search"},
    {Icon::Quiz, 0xF04C, "quiz"},
    {Icon::Ask, 0xE8AF, "question_answer"},
    {Icon::TopicGeneric, 0xE892, "label"},
    {Icon::TopicBirth, 0xEB41, "child_care"},
    {Icon::TopicHousehold, 0xEA67, "badge"},
    {Icon::TopicJobs, 0xE8F9, "work"},
    {Icon::TopicMarriage, 0xF1A2, "family_restroom"},
    {Icon::TopicHousing, 0xEA44, "house"},
    {Icon::TopicSocialSecurity, 0xE1D5, "health_and_safety"},
    {Icon::TopicHealth, 0xE548, "local_hospital"},
    {Icon::TopicEducation, 0xE80C, "school"},
    {Icon::TopicDisability, 0xE914, "accessible"},
    {Icon::TopicElderly, 0xF21A, "elderly"},
    {Icon::TopicBusiness, 0xE0AF, "business"},
    {Icon::TopicTransport, 0xE531, "directions_car"},
    {Icon::TopicConstruction, 0xEA40, "apartment"},
    {Icon::TopicLaw, 0xE90E, "gavel"},
    {Icon::TopicComplaint, 0xEF49, "campaign"},
}};

// 0 for Icon::None.
constexpr char32_t icon_code_point(Icon icon) {
  for (const IconEntry& entry : kIcons)
    if (entry.icon == icon) return entry.code_point;
  return 0;
}

// The icon's code point as UTF-8 (three bytes: every icon is in the Private Use Area).
inline std::string icon_utf8(Icon icon) {
  const char32_t c = icon_code_point(icon);
  if (c == 0) return {};
  return {static_cast<char>(0xE0 | (c >> 12)), static_cast<char>(0x80 | ((c >> 6) & 0x3F)), static_cast<char>(0x80 | (c & 0x3F))};
}

}  // namespace openday::ui
