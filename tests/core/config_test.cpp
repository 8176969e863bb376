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

TEST(Config, SyntaxErrorsNameFileLineAndKey) {
  // TOML stops at its first syntax error; the problem still names the line and, when the line
  // is key = value, the key.
  const auto unclosed = parse_config_text("[event]\ncounty = \"abc\n", "s.toml");
  ASSERT_EQ(unclosed.problems.size(), 1u) << all_problems(unclosed);
  EXPECT_TRUE(mentions(unclosed, "event.county", "", 2)) << all_problems(unclosed);
  EXPECT_NE(unclosed.problems[0].to_string().find("s.toml:2: event.county: "), std::string::npos) << all_problems(unclosed);
  EXPECT_TRUE(mentions(parse_config_text("[event]\ncounty\n", "s.toml"), "", "", 2));
  EXPECT_TRUE(mentions(parse_config_text("[event]\ncounty = \"a\"\ncounty = \"b\"\n", "s.toml"), "event.county", "", 3));
  const auto bad_utf8 = parse_config_text("[event]\ncounty = \"a\xff\"\n", "s.toml");
  EXPECT_TRUE(mentions(bad_utf8, "event.county", "utf-8", 2)) << all_problems(bad_utf8);
}

// Valid TOML that the old hand-written subset refused: escapes, literal and multi-line strings,
// inline tables and dotted keys for a section, dates without quotes, numbers with _ and hex.
TEST(Config, ReadsWhatTomlAllows) {
  const auto result = parse_config_text(R"(
event = { county = "\u672C\u6EAA\u53BF", title = '第八届"政务公开日"' }
booth.kiosk_id = 'booth-A'
[session]
idle_timeout_seconds = 1_200
idle_warning_seconds = 0x0f
[quiz]
prize_name = """
青花瓷笔\
礼盒"""
prize_desk = '服务台\2号'
prize_description = "印有\"网上审批\"字样\\笔"
)", "t.toml");
  ASSERT_TRUE(result.ok()) << all_problems(result);
  EXPECT_EQ(result.config.county, "本溪县");
  EXPECT_EQ(result.config.event_title, "第八届\"政务公开日\"");
  EXPECT_EQ(result.config.kiosk_id, "booth-A");
  EXPECT_EQ(result.config.idle_timeout_seconds, 1200);
  EXPECT_EQ(result.config.idle_warning_seconds, 15);
  EXPECT_EQ(result.config.prize_name, "青花瓷笔礼盒");
  EXPECT_EQ(result.config.prize_desk, "服务台\\2号") << "a literal string keeps its backslash";
  EXPECT_EQ(result.config.prize_description, "印有\"网上审批\"字样\\笔");
}

TEST(Config, AnUnquotedTomlDateIsAnEventDate) {
  const auto result = parse_config_text("[event]\ndate = 2027-05-15\n", "t.toml");
  ASSERT_TRUE(result.ok()) << all_problems(result);
  EXPECT_EQ(result.config.event_date, (CalendarDate{2027, 5, 15}));
}

// What the old subset let through and TOML forbids.
TEST(Config, RefusesWhatTomlForbids) {
  const std::pair<const char*, int> cases[] = {
      {"[event]\ncounty = \"a\"\n[booth]\nkiosk_id = \"k\"\n[event]\ntitle = \"b\"\n", 5},  // a table defined twice
      {"[session]\nidle_timeout_seconds = 060\n", 2},                                   // leading zero
      {"[quiz]\nprize_name = \"奖品\" \"礼盒\"\n", 2},                                      // text after the value
      {"[event]\n county = \"a\" = \"b\"\n", 2},
      {"[booth]\nkiosk id = \"k\"\n", 2},  // a bare key with a space
      {"[quiz]\nprize_desk = \"a\\qb\"\n", 2},  // an escape TOML does not have
  };
  for (const auto& [text, line] : cases) {
    SCOPED_TRACE(text);
    const auto result = parse_config_text(text, "f.toml");
    ASSERT_EQ(result.problems.size(), 1u) << all_problems(result);
    EXPECT_EQ(result.problems[0].line, line) << all_problems(result);
    EXPECT_FALSE(result.problems[0].message.empty());
  }
}

TEST(Config, ASectionMustBeATableAndKeysMustBeInOne) {
  const auto not_table = parse_config_text("event = \"本溪县\"\n", "t.toml");
  EXPECT_TRUE(mentions(not_table, "event", "section [event]", 1)) << all_problems(not_table);
  const auto outside = parse_config_text("kiosk_id = \"k\"\n", "t.toml");
  EXPECT_TRUE(mentions(outside, "kiosk_id", "outside any known section", 1)) << all_problems(outside);
  const auto nested = parse_config_text("[event.extra]\ncounty = \"a\"\n", "t.toml");
  EXPECT_TRUE(mentions(nested, "event.extra", "unknown key", 1)) << all_problems(nested);
  const auto wrong_type = parse_config_text("[session]\nidle_timeout_seconds = 60.5\n[quiz]\nprize_name = true\n", "t.toml");
  EXPECT_TRUE(mentions(wrong_type, "session.idle_timeout_seconds", "got a decimal number", 2)) << all_problems(wrong_type);
  EXPECT_TRUE(mentions(wrong_type, "quiz.prize_name", "got true or false", 4)) << all_problems(wrong_type);
}

TEST(Config, ProblemsAreListedInTheFilesOrder) {
  const auto result = parse_config_text("[quiz]\nzzz = 1\naaa = 2\nmmm = 3\n", "t.toml");
  ASSERT_EQ(result.problems.size(), 3u) << all_problems(result);
  EXPECT_EQ(result.problems[0].key, "quiz.zzz");
  EXPECT_EQ(result.problems[1].key, "quiz.aaa");
  EXPECT_EQ(result.problems[2].key, "quiz.mmm");
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
  // TOML stops at the first syntax error, so a file of garbage is one problem; a file of 5000
  // well-formed unknown keys is 5000.
  std::string text = "[event]\n";
  for (int i = 0; i < 5000; ++i) text += "key" + std::to_string(i) + " = " + std::to_string(i) + "\n";
  const auto result = parse_config_text(text, "many.toml");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.problems.size(), 21u);
  EXPECT_EQ(result.problems.front().line, 2) << "the first problems of the file are listed";
  EXPECT_NE(result.problems.back().message.find("and 4980 more"), std::string::npos) << all_problems(result);
  const auto garbage = parse_config_text("garbage line 1\ngarbage line 2\n", "many.toml");
  ASSERT_EQ(garbage.problems.size(), 1u) << all_problems(garbage);
  EXPECT_EQ(garbage.problems[0].line, 1);
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

// Issue 31: [search] handwriting_model, relative to the config's folder like the hub credentials.
TEST(Config, ReadsTheHandwritingModel) {
  EXPECT_EQ(Config{}.handwriting_model, kDefaultHandwritingModel);
  const auto absolute = parse_config_text("[search]\nhandwriting_model = \"/opt/zinnia/zh.model\"\n", "/etc/openday/booth.toml");
  ASSERT_TRUE(absolute.ok()) << all_problems(absolute);
  EXPECT_EQ(absolute.config.handwriting_model, "/opt/zinnia/zh.model");
  const auto relative = parse_config_text("[search]\nhandwriting_model = \"models/zh.model\"\n", "/etc/openday/booth.toml");
  ASSERT_TRUE(relative.ok()) << all_problems(relative);
  EXPECT_EQ(relative.config.handwriting_model, "/etc/openday/models/zh.model");
  const auto wrong = parse_config_text("[search]\nhandwriting_model = 3\n", "booth.toml");
  EXPECT_TRUE(mentions(wrong, "search.handwriting_model", "must be a quoted text", 2)) << all_problems(wrong);
  const auto typo = parse_config_text("[search]\nhandwritting_model = \"a\"\n", "booth.toml");
  EXPECT_TRUE(mentions(typo, "search.handwritting_model", "handwriting_model", 2)) << all_problems(typo);
}

}  // namespace
}  // namespace openday
