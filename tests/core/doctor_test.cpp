// `openday doctor`: every check passes on a good setup and fails, with what to do, when its one
// thing is wrong. The command's own run (real display, real files) is in e2e/doctor_check.sh.
#include "core/staff/doctor.h"

#include <gtest/gtest.h>

#include <array>
#include <fstream>
#include <span>
#include <string>

#include "core/util/paths.h"
#include "core/staff/staff.h"
#include "core/visits/store.h"
#include "support/temp_dir.h"

namespace openday {
namespace {

using testing::TempDir;

// A real touchscreen's entry (eGalax) and a keyboard, as /proc/bus/input/devices lists them.
constexpr const char* kTouchscreen =
    "I: Bus=0003 Vendor=0eef Product=0001 Version=0100\n"
    "N: Name=\"eGalax Inc. USB TouchController\"\n"
    "H: Handlers=mouse0 event5\n"
    "B: EV=1b\n"
    "B: ABS=260800000000003\n\n";
constexpr const char* kKeyboard =
    "I: Bus=0011 Vendor=0001 Product=0001 Version=ab41\n"
    "N: Name=\"AT Translated Set 2 keyboard\"\n"
    "B: EV=120013\n\n"
    "N: Name=\"PS/2 Mouse\"\n"
    "B: ABS=3\n\n";

void expect_fails_with_fix(const DoctorCheck& check) {
  EXPECT_FALSE(check.ok) << doctor_line(check);
  EXPECT_FALSE(check.fix.empty()) << check.name << ": a failed check says what to do";
  EXPECT_EQ(doctor_line(check).rfind("✗ " + check.name + ": ", 0), 0u) << doctor_line(check);
}

// The staff screen (本机自检) shows what a passed check found in Chinese, never the CLI's English.
std::string found_words(const DoctorCheck& check) {
  EXPECT_NE(check.found, Text::Count) << doctor_line(check) << ": no words for the staff screen";
  return check.found == Text::Count ? "" : fill_text(check.found, std::span<const std::string>(check.found_values));
}

TEST(Doctor, DisplayNeedsAScreenOfUsableSize) {
  const auto ok = check_display({1920, 1080, ""});
  EXPECT_TRUE(ok.ok);
  EXPECT_EQ(doctor_line(ok), "✓ display: 1920x1080 (landscape)");
  EXPECT_TRUE(check_display({1080, 1920, ""}).ok);
  expect_fails_with_fix(check_display({std::nullopt, std::nullopt, "DISPLAY is not set"}));
  expect_fails_with_fix(check_display({640, 480, ""}));
}

TEST(Doctor, TouchNeedsAMultiTouchDevice) {
  const auto ok = check_touch(std::string(kKeyboard) + kTouchscreen);
  EXPECT_TRUE(ok.ok) << doctor_line(ok);
  EXPECT_EQ(ok.detail, "eGalax Inc. USB TouchController");
  expect_fails_with_fix(check_touch(kKeyboard));
  expect_fails_with_fix(check_touch(""));
}

TEST(Doctor, FontCheckReportsTheLookupError) {
  EXPECT_TRUE(check_font("Noto Sans CJK SC", "").ok);
  expect_fails_with_fix(check_font("", "no font with family Noto Sans CJK SC"));
}

TEST(Doctor, ContentAndQuizBankAreValidatedWithCounts) {
  const ContentLoad content = load_content(default_content_dir());
  const auto ok = check_content(content, default_content_dir());
  EXPECT_TRUE(ok.ok) << doctor_line(ok);
  EXPECT_NE(ok.detail.find("departments"), std::string::npos);
  const auto quiz_ok = check_quiz_bank(load_quiz_bank(default_quiz_file(), 5, &*content.content), default_quiz_file());
  EXPECT_TRUE(quiz_ok.ok) << doctor_line(quiz_ok);
  const Content& sample = *content.content;
  EXPECT_EQ(found_words(ok), std::to_string(sample.departments.size()) + " 个部门，" + std::to_string(sample.approval_item_count()) + " 个审批事项，" +
                                 std::to_string(sample.fee_item_count()) + " 项收费标准（" + default_content_dir().string() + "）");
  EXPECT_TRUE(found_words(quiz_ok).ends_with(" 道题（" + default_quiz_file().string() + "）")) << found_words(quiz_ok);

  TempDir dir;
  const auto missing = check_content(load_content(dir / "nothing"), dir / "nothing");
  expect_fails_with_fix(missing);
  std::ofstream(dir / "questions.json") << "{ not json";
  expect_fails_with_fix(check_quiz_bank(load_quiz_bank(dir / "questions.json", 5, &*content.content), dir / "questions.json"));
}

TEST(Doctor, DatabaseMustBeWritableWithFreeSpace) {
  TempDir dir;
  const auto ok = check_database(dir / "booth.db");
  EXPECT_TRUE(ok.ok) << doctor_line(ok);
  // A folder that cannot exist (its parent is a file), even for root.
  std::ofstream(dir / "a-file") << "x";
  expect_fails_with_fix(check_database(dir / "a-file" / "booth.db"));
  // More free space asked for than any disk has.
  expect_fails_with_fix(check_database(dir / "booth.db", std::uintmax_t{1} << 62));
}

// From the staff screen the database is judged by the running kiosk's writer, never reopened.
TEST(Doctor, RunningDatabaseIsJudgedByItsWriterAndTheFreeSpace) {
  TempDir dir;
  StoreHealth health;
  health.open = true;
  const auto ok = check_running_database(health, dir / "booth.db");
  EXPECT_TRUE(ok.ok) << doctor_line(ok);
  EXPECT_FALSE(std::filesystem::exists(dir / "booth.db")) << "the check must not open or create the file";
  expect_fails_with_fix(check_running_database(health, dir / "booth.db", std::uintmax_t{1} << 62));
  health.open = false;
  health.last_error = "disk I/O error (booth.db)";
  const auto closed = check_running_database(health, dir / "booth.db");
  expect_fails_with_fix(closed);
  EXPECT_NE(closed.detail.find("disk I/O error (booth.db)"), std::string::npos) << closed.detail;
}

// Each check says which it is, so the staff screen can name it in Chinese; the command line's
// English names stay as they were.
TEST(Doctor, EachCheckCarriesItsIdAndTheNameOfThatId) {
  TempDir dir;
  const std::array<std::pair<DoctorCheck, DoctorCheckId>, 4> checks{{
      {check_display({1920, 1080, ""}), DoctorCheckId::Display},
      {check_font("", "no font"), DoctorCheckId::Font},
      {check_pin(dir / "booth.db"), DoctorCheckId::Pin},
      {check_kiosk_id(Config{}, 2), DoctorCheckId::KioskId},
  }};
  for (const auto& [check, id] : checks) {
    EXPECT_EQ(check.id, id) << check.name;
    EXPECT_EQ(check.name, doctor_check_name(id));
  }
  EXPECT_EQ(doctor_check_name(DoctorCheckId::QuizBank), "quiz bank");
  EXPECT_EQ(doctor_check_name(DoctorCheckId::Pin), "staff PIN");
  ConfigLoadResult bad;
  bad.problems.push_back({dir / "openday.toml", 3, "booth.kiosk_id", "is empty"});
  const DoctorCheck config = check_config(bad, dir / "openday.toml");
  expect_fails_with_fix(config);
  EXPECT_EQ(config.id, DoctorCheckId::Config);
  EXPECT_TRUE(check_config(ConfigLoadResult{}, dir / "openday.toml").ok);
}

TEST(Doctor, ClockMustBeChinaTimeAndNearTheEventDay) {
  const CalendarDate day_before{2026, 5, 14};
  const auto ok = check_clock(day_before, 480, "2026-05-15");
  EXPECT_TRUE(ok.ok) << doctor_line(ok);
  EXPECT_TRUE(check_clock({2026, 5, 15}, 480, "2026-05-15").ok);
  expect_fails_with_fix(check_clock(day_before, 0, "2026-05-15"));     // UTC: wrong time zone
  expect_fails_with_fix(check_clock({2026, 5, 16}, 480, "2026-05-15"));  // after the event
  expect_fails_with_fix(check_clock({2000, 1, 1}, 480, "2026-05-15"));   // a reset clock
  expect_fails_with_fix(check_clock(day_before, 480, "someday"));
}

TEST(Doctor, PinAndPrizeStockComeFromTheDatabase) {
  TempDir dir;
  const auto db = dir / "booth.db";
  ASSERT_TRUE(check_database(db).ok);
  Config config;
  expect_fails_with_fix(check_pin(db));
  EXPECT_TRUE(check_prize_stock(db, config).ok) << "the kiosk will start at quiz.initial_stock";
  config.initial_stock = 0;
  expect_fails_with_fix(check_prize_stock(db, config));
  {
    OpenedStore store = open_store_for_writing(db);
    set_pin(store.db, "258025");
    store.db.exec("INSERT INTO prize_stock (id, remaining, updated_at_ms) VALUES (1, 0, 0)", "test: no prizes left");
  }
  EXPECT_TRUE(check_pin(db).ok);
  config.initial_stock = 100;
  expect_fails_with_fix(check_prize_stock(db, config));
  {
    OpenedStore store = open_store_for_writing(db);
    store.db.exec("UPDATE prize_stock SET remaining = 40 WHERE id = 1", "test: stock set");
  }
  const auto stock = check_prize_stock(db, config);
  EXPECT_TRUE(stock.ok);
  EXPECT_EQ(stock.detail, "40 prizes left");
  expect_fails_with_fix(check_pin(dir / "missing.db"));
}

TEST(Doctor, DefaultKioskIdOnlyFailsWithSeveralKiosks) {
  Config config;
  EXPECT_TRUE(check_kiosk_id(config, 1).ok);
  expect_fails_with_fix(check_kiosk_id(config, 3));
  config.kiosk_id = "kiosk-2";
  EXPECT_TRUE(check_kiosk_id(config, 3).ok);
}

TEST(Doctor, PassedChecksSayWhatTheyFoundInChineseForTheStaffScreen) {
  EXPECT_EQ(found_words(check_display({1920, 1080, ""})), "1920×1080，横屏");
  EXPECT_EQ(found_words(check_display({1080, 1920, ""})), "1080×1920，竖屏");
  EXPECT_EQ(found_words(check_touch(std::string(kTouchscreen) + kTouchscreen)), "eGalax Inc. USB TouchController（另有 1 个）");
  EXPECT_EQ(found_words(check_clock({2026, 5, 14}, 480, "2026-05-15")), "2026-05-14（北京时间），距活动还有 1 天");
  EXPECT_EQ(found_words(check_clock({2026, 5, 15}, 480, "2026-05-15")), "2026-05-15（北京时间），今天是活动日");
  Config config;
  config.kiosk_id = "kiosk-2";
  EXPECT_EQ(found_words(check_kiosk_id(config, 3)), "“kiosk-2”（本展台共 3 台）");
  EXPECT_EQ(found_words(check_kiosk_id(config, 1)), "“kiosk-2”");
  TempDir dir;
  const auto db = dir / "booth.db";
  const DoctorCheck database = check_database(db);
  ASSERT_TRUE(database.ok) << doctor_line(database);
  EXPECT_TRUE(found_words(database).starts_with(db.string() + " 可写入，磁盘剩余 ")) << found_words(database);
  config.initial_stock = 100;
  EXPECT_EQ(found_words(check_prize_stock(db, config)), "首次启动时为 100 份（quiz.initial_stock）");
  {
    OpenedStore store = open_store_for_writing(db);
    set_pin(store.db, "258025");
    store.db.exec("INSERT INTO prize_stock (id, remaining, updated_at_ms) VALUES (1, 99, 0)", "test: stock set");
  }
  EXPECT_EQ(found_words(check_pin(db)), "已设置");
  EXPECT_EQ(found_words(check_prize_stock(db, config)), "还剩 99 份奖品");
}

TEST(Doctor, ExitCodeIsOneWhenAnyCheckFails) {
  std::array<DoctorCheck, 3> checks{DoctorCheck{"a", true, "", ""}, DoctorCheck{"b", true, "", ""}, DoctorCheck{"c", true, "", ""}};
  EXPECT_EQ(doctor_exit_code(checks), 0);
  for (auto& check : checks) {
    check.ok = false;
    EXPECT_EQ(doctor_exit_code(checks), 1) << check.name;
    check.ok = true;
  }
}

// Issue 31: the 手写 model. Missing is a warning that names the package and keeps the exit code
// 0; a file Zinnia cannot open fails; the installed model (.ci/setup installs it) passes.
TEST(Doctor, HandwritingModelMissingWarnsAndNamesThePackage) {
  const DoctorCheck missing = check_handwriting_model("/nonexistent/handwriting-zh_CN.model");
  EXPECT_EQ(missing.id, DoctorCheckId::HandwritingModel);
  EXPECT_TRUE(missing.warning);
  EXPECT_NE(missing.fix.find("tegaki-zinnia-simplified-chinese"), std::string::npos) << missing.fix;
  EXPECT_TRUE(doctor_line(missing).starts_with("! handwriting model: /nonexistent/handwriting-zh_CN.model")) << doctor_line(missing);
  EXPECT_EQ(doctor_exit_code(std::span<const DoctorCheck>(&missing, 1)), 0);
}

TEST(Doctor, HandwritingModelThatCannotBeLoadedFails) {
  TempDir dir;
  const auto model = dir / "broken.model";
  std::ofstream(model) << "not a zinnia model";
  const DoctorCheck broken = check_handwriting_model(model);
  EXPECT_FALSE(broken.ok);
  EXPECT_FALSE(broken.warning);
  expect_fails_with_fix(broken);
  EXPECT_NE(broken.detail.find(model.string()), std::string::npos) << broken.detail;
}

TEST(Doctor, InstalledHandwritingModelPasses) {
  const DoctorCheck installed = check_handwriting_model(kDefaultHandwritingModel);
  EXPECT_TRUE(installed.ok) << doctor_line(installed);
  EXPECT_FALSE(installed.warning);
  EXPECT_EQ(doctor_line(installed), "✓ handwriting model: " + kDefaultHandwritingModel.string());
}

}  // namespace
}  // namespace openday
