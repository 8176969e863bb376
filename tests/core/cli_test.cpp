#include "core/ops/cli.h"

#include <gtest/gtest.h>

#include <vector>

namespace openday {
namespace {

CommandLineParse parse(std::vector<std::string_view> args) { return parse_command_line(args); }

TEST(CommandLine, DefaultsToTheKioskInFullscreen) {
  const auto parsed = parse({});
  ASSERT_TRUE(parsed.command);
  EXPECT_EQ(parsed.command->kind, CommandKind::RunKiosk);
  EXPECT_FALSE(parsed.command->kiosk.windowed);
  EXPECT_TRUE(parsed.command->kiosk.screen_route.empty());
  EXPECT_EQ(parsed.command->kiosk.db_path.filename(), "openday.db");
}

TEST(CommandLine, ReadsEveryOption) {
  const auto parsed = parse({"--windowed", "1080x1920", "--content", "/c", "--db", "/d.db", "--config", "/k.toml",
                             "--idle-timeout", "30", "--idle-warning", "5", "--screen", "home", "--screenshot",
                             "/tmp/x.png", "--frames", "9"});
  ASSERT_TRUE(parsed.command) << parsed.error;
  const KioskOptions& o = parsed.command->kiosk;
  ASSERT_TRUE(o.windowed);
  EXPECT_EQ(o.windowed->width, 1080);
  EXPECT_EQ(o.windowed->height, 1920);
  EXPECT_EQ(o.content_dir, "/c");
  EXPECT_EQ(o.db_path, "/d.db");
  EXPECT_EQ(o.config_path, "/k.toml");
  EXPECT_EQ(o.idle_timeout_seconds, 30);
  EXPECT_EQ(o.idle_warning_seconds, 5);
  EXPECT_EQ(o.screen_route, "home");
  EXPECT_EQ(o.screenshot, "/tmp/x.png");
  EXPECT_EQ(o.screenshot_frames, 9);
}

TEST(CommandLine, ErrorsNameTheFlagAndTheValue) {
  EXPECT_NE(parse({"--windowed", "big"}).error.find("--windowed"), std::string::npos);
  EXPECT_NE(parse({"--windowed", "100x100"}).error.find("100x100"), std::string::npos);
  EXPECT_NE(parse({"--idle-timeout", "-3"}).error.find("--idle-timeout"), std::string::npos);
  EXPECT_NE(parse({"--screenshot", "x.jpg"}).error.find(".png"), std::string::npos);
  EXPECT_NE(parse({"--frames", "0"}).error.find("--frames"), std::string::npos);
  EXPECT_NE(parse({"--bogus", "1"}).error.find("--bogus"), std::string::npos);
  EXPECT_NE(parse({"--db"}).error.find("needs a value"), std::string::npos);
  EXPECT_FALSE(parse({"stray"}).command);
}

TEST(CommandLine, HelpListsRoutesAndConfigKeys) {
  const auto parsed = parse({"--help"});
  ASSERT_TRUE(parsed.command);
  EXPECT_EQ(parsed.command->kind, CommandKind::Help);
  const std::vector<std::string> routes = {"home  the home screen"};
  const std::string help = help_text(routes);
  EXPECT_NE(help.find("home  the home screen"), std::string::npos);
  EXPECT_NE(help.find("session.idle_timeout_seconds"), std::string::npos);
  EXPECT_NE(help.find("Ctrl+Q"), std::string::npos);
  EXPECT_NE(help.find("'openday: targets ROUTE N'"), std::string::npos) << "the header line before a screen's targets";
  EXPECT_NE(help.find("'openday: target ID X Y'"), std::string::npos);
  EXPECT_EQ(parse({"--version"}).command->kind, CommandKind::Version);
}

}  // namespace
}  // namespace openday
