#include "core/ops/cli.h"

#include <gtest/gtest.h>

#include <vector>

#include "core/util/paths.h"

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

TEST(CommandLine, Stats) {
  const auto parsed = parse({"stats", "--db", "/s.db", "--json", "--date", "2026-05-15"});
  ASSERT_TRUE(parsed.command) << parsed.error;
  EXPECT_EQ(parsed.command->kind, CommandKind::Stats);
  EXPECT_EQ(parsed.command->stats.db_path, "/s.db");
  EXPECT_TRUE(parsed.command->stats.json);
  EXPECT_EQ(parsed.command->stats.date, "2026-05-15");
  EXPECT_FALSE(parse({"stats"}).command->stats.json);
  EXPECT_NE(parse({"stats", "--date", "2026-02-30"}).error.find("stats: --date: expected a real day"), std::string::npos);
  EXPECT_NE(parse({"stats", "--bogus"}).error.find("stats: unknown option '--bogus'"), std::string::npos);
  EXPECT_NE(parse({"stats", "--db"}).error.find("--db needs a value"), std::string::npos);
}

TEST(CommandLine, Validate) {
  const auto parsed = parse({"validate", "--content", "/c", "--quiz", "/q.json", "--config", "/k.toml"});
  ASSERT_TRUE(parsed.command) << parsed.error;
  EXPECT_EQ(parsed.command->kind, CommandKind::Validate);
  EXPECT_EQ(parsed.command->validate.content_dir, "/c");
  EXPECT_EQ(parsed.command->validate.quiz_path, "/q.json");
  EXPECT_EQ(parsed.command->validate.config_path, "/k.toml");
  EXPECT_EQ(parse({"validate"}).command->validate.quiz_path.filename(), "questions.json");
}

TEST(CommandLine, VoucherRedeemJoinsACodeTypedWithSpaces) {
  const auto parsed = parse({"voucher", "redeem", "--db", "/v.db", "abcd", "EF23"});
  ASSERT_TRUE(parsed.command) << parsed.error;
  EXPECT_EQ(parsed.command->kind, CommandKind::Redeem);
  EXPECT_EQ(parsed.command->redeem.db_path, "/v.db");
  EXPECT_EQ(parsed.command->redeem.code, "abcdEF23");
  EXPECT_NE(parse({"voucher", "redeem"}).error.find("which code?"), std::string::npos);
  EXPECT_NE(parse({"voucher"}).error.find("voucher redeem [--db FILE] CODE"), std::string::npos);
  EXPECT_NE(parse({"voucher", "use", "X"}).error.find("voucher redeem [--db FILE] CODE"), std::string::npos);
  EXPECT_NE(parse({"voucher", "redeem", "--x", "C"}).error.find("voucher redeem: unknown option '--x'"), std::string::npos);
}

TEST(CommandLine, Simulate) {
  const auto parsed = parse({"simulate", "--visitors", "300", "--seed", "18446744073709551615", "--stock", "0", "--date",
                             "2026-05-15", "--db", "/s.db"});
  ASSERT_TRUE(parsed.command) << parsed.error;
  const SimulateOptions& o = parsed.command->simulate;
  EXPECT_EQ(parsed.command->kind, CommandKind::Simulate);
  EXPECT_EQ(o.visitors, 300);
  EXPECT_EQ(o.seed, 18446744073709551615ull);
  EXPECT_EQ(o.stock, 0);
  EXPECT_EQ(o.date, "2026-05-15");
  EXPECT_EQ(o.db_path, "/s.db");
  EXPECT_FALSE(parse({"simulate", "--visitors", "3", "--seed", "1"}).command->simulate.stock);
  EXPECT_NE(parse({"simulate", "--visitors", "3"}).error.find("--visitors N and --seed S are required"), std::string::npos);
  EXPECT_NE(parse({"simulate", "--visitors", "0", "--seed", "1"}).error.find("simulate: --visitors: expected 1 to 1000000"),
            std::string::npos);
  EXPECT_NE(parse({"simulate", "--visitors", "1", "--seed", "-1"}).error.find("--seed"), std::string::npos);
  EXPECT_NE(parse({"simulate", "--visitors", "1", "--seed", "1", "--stock", "100001"}).error.find("--stock: expected 0 to 100000"),
            std::string::npos);
}

TEST(CommandLine, ExportTakesSeveralDatabases) {
  const auto parsed = parse({"export", "--db", "/a.db", "--db", "/b.db", "--out", "/usb", "--from", "2026-05-14", "--to",
                             "2026-05-15", "--format", "csv"});
  ASSERT_TRUE(parsed.command) << parsed.error;
  const ExportOptions& o = parsed.command->export_;
  EXPECT_EQ(parsed.command->kind, CommandKind::Export);
  EXPECT_EQ(o.db_paths, (std::vector<std::filesystem::path>{"/a.db", "/b.db"}));
  EXPECT_EQ(o.out_dir, "/usb");
  EXPECT_EQ(o.from, "2026-05-14");
  EXPECT_EQ(o.to, "2026-05-15");
  EXPECT_EQ(o.format, "csv");
  const auto defaults = parse({"export", "--out", "/usb"});
  ASSERT_TRUE(defaults.command) << defaults.error;
  EXPECT_EQ(defaults.command->export_.db_paths.size(), 1u);
  EXPECT_EQ(defaults.command->export_.format, "all");
  EXPECT_NE(parse({"export"}).error.find("--out DIR is required"), std::string::npos);
  EXPECT_NE(parse({"export", "--out", "/u", "--from", "2026-05-16", "--to", "2026-05-15"}).error.find("--from is after --to"),
            std::string::npos);
  EXPECT_NE(parse({"export", "--out", "/u", "--format", "pdf"}).error.find("export: --format: expected csv, xlsx or all, got 'pdf'"),
            std::string::npos);
  EXPECT_FALSE(parse({"export", "--db", "/a.db", "/b.db", "--out", "/u"}).command) << "one file per --db";
}

// Only export merges several databases: everywhere else a path given twice is refused, never
// silently replaced by the last one (issue 33).
TEST(CommandLine, APathGivenTwiceIsRefusedOutsideExport) {
  const std::vector<std::vector<std::string_view>> twice = {
      {"stats", "--db", "/a.db", "--db", "/b.db"},
      {"voucher", "redeem", "--db", "/a.db", "--db", "/b.db", "ABCD-EF23"},
      {"simulate", "--visitors", "5", "--seed", "1", "--db", "/a.db", "--db", "/b.db"},
      {"set-pin", "--db", "/a.db", "--db", "/b.db"},
      {"tally", "list", "--db", "/a.db", "--db", "/b.db"},
      {"--db", "/a.db", "--db", "/b.db"},
      {"validate", "--content", "/c", "--content", "/d"},
  };
  for (const auto& args : twice) {
    const auto parsed = parse(args);
    EXPECT_FALSE(parsed.command) << args[0] << " " << args[1];
    EXPECT_NE(parsed.error.find("--"), std::string::npos) << parsed.error;
  }
  ASSERT_TRUE(parse({"stats", "--db", "/a.db"}).command);
}

TEST(CommandLine, SetPin) {
  const auto parsed = parse({"set-pin", "--db", "/p.db"});
  ASSERT_TRUE(parsed.command) << parsed.error;
  EXPECT_EQ(parsed.command->kind, CommandKind::SetPin);
  EXPECT_EQ(parsed.command->set_pin.db_path, "/p.db");
  EXPECT_NE(parse({"set-pin", "1234"}).error.find("the PIN is read from the keyboard"), std::string::npos);
}

TEST(CommandLine, ASubcommandsHelpListsItsOwnOptions) {
  const auto parsed = parse({"stats", "--help"});
  ASSERT_TRUE(parsed.command) << parsed.error;
  EXPECT_EQ(parsed.command->kind, CommandKind::Help);
  const std::string& help = parsed.command->subcommand_help;
  EXPECT_NE(help.find("--json"), std::string::npos) << help;
  EXPECT_NE(help.find("--date YYYY-MM-DD"), std::string::npos) << help;
  EXPECT_EQ(help.find("--windowed"), std::string::npos) << "the kiosk's options are not the subcommand's";
  EXPECT_NE(parse({"voucher", "redeem", "-h"}).command->subcommand_help.find("CODE"), std::string::npos);
  EXPECT_TRUE(parse({"--help"}).command->subcommand_help.empty()) << "the full help is help_text's";
}

// Moved from doctor_test.cpp when doctor's options moved into the one parser: the same checks.
TEST(CommandLine, DoctorOptionsDefaultToTheInstalledLocationsAndRejectUnknownFlags) {
  const auto parsed = parse({"doctor", "--db", "/tmp/x.db", "--kiosks", "3"});
  ASSERT_TRUE(parsed.command) << parsed.error;
  EXPECT_EQ(parsed.command->kind, CommandKind::Doctor);
  EXPECT_EQ(parsed.command->doctor.db_path, "/tmp/x.db");
  EXPECT_EQ(parsed.command->doctor.kiosks, 3);
  EXPECT_EQ(parsed.command->doctor.content_dir, default_content_dir());
  EXPECT_FALSE(parse({"doctor", "--kiosks", "0"}).command);
  EXPECT_FALSE(parse({"doctor", "--kiosks", "1000"}).command) << "at most three digits, as before";
  EXPECT_NE(parse({"doctor", "--kiosks", "x"}).error.find("the number of kiosks at the booth"), std::string::npos);
  EXPECT_NE(parse({"doctor", "--bogus", "1"}).error.find("--bogus"), std::string::npos);
  EXPECT_NE(parse({"doctor", "--db"}).error.find("needs a value"), std::string::npos);
  const auto help = parse({"doctor", "--help"});
  ASSERT_TRUE(help.command);
  EXPECT_EQ(help.command->kind, CommandKind::Help);
  for (const char* option : {"--db FILE", "--content DIR", "--quiz FILE", "--config FILE", "--kiosks N", "Exit 0 when all pass"})
    EXPECT_NE(help.command->subcommand_help.find(option), std::string::npos) << option << "\n" << help.command->subcommand_help;
}

TEST(CommandLine, StatusReadsTheFileBesideTheDatabaseOrTheFileGiven) {
  const auto plain = parse({"status"});
  ASSERT_TRUE(plain.command) << plain.error;
  EXPECT_EQ(plain.command->kind, CommandKind::Status);
  EXPECT_EQ(plain.command->status.file, default_database_file().parent_path() / "status.json");
  EXPECT_EQ(parse({"status", "--db", "/var/k/a.db"}).command->status.file, "/var/k/status.json");
  EXPECT_EQ(parse({"status", "--file", "/tmp/s.json"}).command->status.file, "/tmp/s.json");
  EXPECT_EQ(parse({"status", "--db", "/var/k/a.db", "--file", "/tmp/s.json"}).command->status.file, "/tmp/s.json");
  EXPECT_EQ(parse({"status", "--file", "/tmp/s.json", "--db", "/var/k/a.db"}).command->status.file, "/var/k/status.json")
      << "the later of the two wins";
  EXPECT_NE(parse({"status", "--bogus"}).error.find("--bogus"), std::string::npos);
  EXPECT_NE(parse({"status", "--db"}).error.find("needs a value"), std::string::npos);
  EXPECT_EQ(parse({"status", "-h"}).command->kind, CommandKind::Help);
}

TEST(CommandLine, LogFramesIsOffUnlessAsked) {
  EXPECT_FALSE(parse({}).command->kiosk.log_frames);
  const auto parsed = parse({"--log-frames"});
  ASSERT_TRUE(parsed.command) << parsed.error;
  EXPECT_TRUE(parsed.command->kiosk.log_frames);
}

TEST(CommandLine, HelpListsEveryKioskOptionWithItsValue) {
  const std::string help = help_text(std::vector<std::string>{});
  for (const char* option : {"--windowed WxH", "--content DIR", "--db FILE", "--config FILE", "--quiz FILE", "--idle-timeout SECONDS",
                             "--idle-warning SECONDS", "--screen ROUTE", "--screenshot FILE.png", "--frames N", "--log-targets", "--log-frames",
                             "--version", "openday voucher redeem", "openday COMMAND --help"})
    EXPECT_NE(help.find(option), std::string::npos) << option << "\n" << help;
}

}  // namespace
}  // namespace openday
