#include "core/booth/config.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <unistd.h>

#include "core/util/paths.h"

namespace openday {
namespace {

bool mentions(const ConfigLoadResult& result, std::string_view key, std::string_view words, int line = -1) {
  return std::any_of(result.problems.begin(), result.problems.end(), [&](const ConfigProblem& p) {
    return p.key == key && p.message.find(words) != std::string::npos && (line < 0 || p.line == line);
  });
}

std::string all_problems(const ConfigLoadResult& result) {
  std::string out;
  for (const auto& p : result.problems) out += p.to_string() + "\n";
  return out;
}

TEST(Config, ShippedConfigLoadsAndDocumentsEveryKey) {
  const auto result = load_config_file(default_config_file());
  ASSERT_TRUE(result.ok()) << all_problems(result);
  EXPECT_FALSE(result.config.event_title) << "the shipped config leaves the event to content/event.json";
  std::ifstream in(default_config_file());
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  for (const auto& doc : config_key_docs()) {
    const std::string name = doc.key.substr(doc.key.find('.') + 1);
    EXPECT_NE(text.find(name + " ="), std::string::npos) << doc.key << " is missing from the shipped config";
  }
}

TEST(Config, ReadsEveryField) {
  const auto result = parse_config_text(R"(
[event]
county = "本溪县"   # trailing comment
title = "第八届政务公开日"
date = "2027-05-15"
[booth]
kiosk_id = "booth-A_2"
[session]
idle_timeout_seconds = 90
idle_warning_seconds = 15
)", "t.toml");
  ASSERT_TRUE(result.ok()) << all_problems(result);
  EXPECT_EQ(result.config.county, "本溪县");
  EXPECT_EQ(result.config.event_title, "第八届政务公开日");
  EXPECT_EQ(result.config.event_date, (CalendarDate{2027, 5, 15}));
  EXPECT_EQ(result.config.kiosk_id, "booth-A_2");
  EXPECT_EQ(result.config.idle_timeout_seconds, 90);
  EXPECT_EQ(result.config.idle_warning_seconds, 15);
}

TEST(Config, UnknownKeyNamesFileLineKeyAndTheKnownKeys) {
  const auto result = parse_config_text("[booth]\nkioskid = \"a\"\n", "booth.toml");
  ASSERT_FALSE(result.ok());
  EXPECT_TRUE(mentions(result, "booth.kioskid", "unknown key", 2)) << all_problems(result);
  EXPECT_NE(result.problems[0].to_string().find("booth.toml:2"), std::string::npos);
  EXPECT_NE(result.problems[0].message.find("kiosk_id"), std::string::npos);
}

TEST(Config, UnknownSectionIsAnError) {
  const auto result = parse_config_text("[evnt]\n", "x.toml");
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.problems[0].message.find("unknown section [evnt]"), std::string::npos);
}

TEST(Config, BadValuesSayWhatIsWrong) {
  const auto result = parse_config_text(R"([event]
date = "2026-02-30"
title = ""
[booth]
kiosk_id = "kiosk 1"
[session]
idle_timeout_seconds = "sixty"
idle_warning_seconds = 500
)", "bad.toml");
  EXPECT_TRUE(mentions(result, "event.date", "real day", 2)) << all_problems(result);
  EXPECT_TRUE(mentions(result, "event.title", "must not be empty", 3));
  EXPECT_TRUE(mentions(result, "booth.kiosk_id", "1-32 characters", 5));
  EXPECT_TRUE(mentions(result, "session.idle_timeout_seconds", "whole number", 7));
  EXPECT_TRUE(mentions(result, "session.idle_warning_seconds", "between 3 and 120", 8));
  EXPECT_EQ(result.problems.size(), 5u) << "every problem is reported, not only the first";
}

TEST(Config, SyntaxErrors) {
  EXPECT_TRUE(mentions(parse_config_text("[event]\ncounty = \"abc\n", "s.toml"), "event.county", "closing quote"));
  EXPECT_TRUE(mentions(parse_config_text("[event]\ncounty\n", "s.toml"), "", "expected key = value"));
  EXPECT_TRUE(mentions(parse_config_text("[event]\ncounty = \"a\"\ncounty = \"b\"\n", "s.toml"), "event.county", "set twice", 3));
  EXPECT_TRUE(mentions(parse_config_text("[event]\ncounty = \"a\xff\"\n", "s.toml"), "event.county", "UTF-8"));
}

TEST(Config, WarningMustBeShorterThanTimeout) {
  Config config;
  config.idle_timeout_seconds = 10;
  config.idle_warning_seconds = 10;
  const auto problems = check_config(config, "command line");
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].key, "session.idle_warning_seconds");
}

TEST(Config, MissingFileIsAClearError) {
  const auto result = load_config_file("/nonexistent/openday.toml");
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.problems[0].to_string().find("/nonexistent/openday.toml"), std::string::npos);
  EXPECT_NE(result.problems[0].message.find("cannot open"), std::string::npos);
}

TEST(Config, ADirectoryIsRefused) {
  const auto dir = std::filesystem::temp_directory_path();
  const auto result = load_config_file(dir);
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.problems[0].message.find("not a regular file"), std::string::npos) << all_problems(result);
}

TEST(Config, AnAbsurdlyLargeFileIsRefusedWithoutReadingIt) {
  const auto file = std::filesystem::temp_directory_path() / ("openday-big-" + std::to_string(::getpid()) + ".toml");
  {
    std::ofstream out(file, std::ios::binary);
    const std::string line = "# " + std::string(1000, 'x') + "\n";
    for (int i = 0; i < 1100; ++i) out << line;
  }
  const auto result = load_config_file(file);
  std::filesystem::remove(file);
  ASSERT_FALSE(result.ok());
  ASSERT_EQ(result.problems.size(), 1u) << all_problems(result);
  EXPECT_NE(result.problems[0].message.find("1 MB"), std::string::npos) << all_problems(result);
}

TEST(Config, ProblemsStopAfterAReasonableNumber) {
  std::string text;
  for (int i = 0; i < 5000; ++i) text += "garbage line " + std::to_string(i) + "\n";
  const auto result = parse_config_text(text, "many.toml");
  ASSERT_FALSE(result.ok());
  EXPECT_LE(result.problems.size(), 21u);
  EXPECT_NE(result.problems.back().message.find("and 4980 more"), std::string::npos) << all_problems(result);
}

TEST(Config, TextsAreCheckedLikeContentTexts) {
  const std::pair<const char*, const char*> cases[] = {
      {"[quiz]\nprize_name = \"奖品🎁\"", "U+1F381"},
      {"[quiz]\nprize_description = \"   \"", "spaces"},
      {"[event]\ncounty = \"示例\\n县\"", "control character"},
      {"[event]\ntitle = \"政务\t公开日\"", "control character"},
  };
  for (const auto& [text, words] : cases) {
    SCOPED_TRACE(text);
    const auto result = parse_config_text(text, "t.toml");
    EXPECT_FALSE(result.ok());
    ASSERT_EQ(result.problems.size(), 1u) << all_problems(result);
    EXPECT_NE(result.problems[0].message.find(words), std::string::npos) << all_problems(result);
  }
  EXPECT_TRUE(parse_config_text("[quiz]\nprize_name = \"青花瓷笔\"", "t.toml").ok());
}

TEST(CalendarDate, ParsesOnlyRealDays) {
  EXPECT_TRUE(parse_calendar_date("2028-02-29"));
  EXPECT_FALSE(parse_calendar_date("2027-02-29"));
  EXPECT_FALSE(parse_calendar_date("2026-13-01"));
  EXPECT_FALSE(parse_calendar_date("2026-5-15"));
  EXPECT_FALSE(parse_calendar_date("2026-05-15x"));
  EXPECT_EQ(format_calendar_date(*parse_calendar_date("2026-05-15")), "2026-05-15");
}

}  // namespace
}  // namespace openday
