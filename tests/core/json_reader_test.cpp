// Hostile numbers in hand-edited JSON: every one becomes a problem with the file and the JSON
// path, never an exception that ends the program, and huge integers are reported as written.
#include "core/content/json_reader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <regex>

#include "core/content/content.h"
#include "core/quiz/quiz_bank.h"
#include "support/content_fixture.h"
#include "support/temp_dir.h"

namespace openday {
namespace {

using testing::TempDir;
using testing::all;
using testing::valid_department;
using testing::write_text;
using testing::write_valid_content;

TEST(JsonReader, NumberBeyondDoubleIsAProblemWithItsPath) {
  JsonProblems problems;
  const auto parsed = parse_json_text(R"({"a": {"b": [1, 2, 1e999]}})", "x.json", problems);
  EXPECT_FALSE(parsed);
  ASSERT_EQ(problems.size(), 1u) << all(problems);
  EXPECT_EQ(problems[0].path, "$.a.b[2]");
  EXPECT_NE(problems[0].message.find("1e999"), std::string::npos) << problems[0].message;
}

TEST(JsonReader, NumberOverflowAsAnObjectFieldAfterNestedValues) {
  JsonProblems problems;
  const auto parsed = parse_json_text(R"([{"x": [1, {"y": 2}]}, {"z": -1e400}])", "x.json", problems);
  EXPECT_FALSE(parsed);
  ASSERT_EQ(problems.size(), 1u) << all(problems);
  EXPECT_EQ(problems[0].path, "$[1].z");
}

TEST(JsonReader, HugeIntegersAreReportedAsWritten) {
  for (const std::string written : {"18446744073709551615", "9223372036854775808"}) {
    SCOPED_TRACE(written);
    JsonProblems problems;
    const auto parsed = parse_json_text("{\"days\": " + written + "}", "x.json", problems);
    ASSERT_TRUE(parsed) << all(problems);
    ObjectReader reader(*parsed, "$", "x.json", problems);
    EXPECT_FALSE(reader.integer("days", 0, 365));
    ASSERT_EQ(problems.size(), 1u) << all(problems);
    EXPECT_EQ(problems[0].path, "$.days");
    EXPECT_NE(problems[0].message.find("found " + written), std::string::npos) << problems[0].message;
  }
}

TEST(JsonReader, OutOfRangeStatutoryDaysInADepartmentIsOneProblem) {
  TempDir dir;
  write_valid_content(dir.path());
  std::string text = valid_department("alpha").dump(2);
  text = std::regex_replace(text, std::regex("\"statutory_days\": 20"), "\"statutory_days\": 1e999");
  write_text(dir / "departments/alpha.json", text);
  ContentLoad load;
  ASSERT_NO_THROW(load = load_content(dir.path()));
  EXPECT_FALSE(load.content);
  ASSERT_EQ(load.problems.size(), 1u) << all(load.problems);
  EXPECT_EQ(load.problems[0].file.filename(), "alpha.json");
  EXPECT_EQ(load.problems[0].path, "$.approval_items[0].statutory_days");
}

TEST(JsonReader, HugeStatutoryDaysHasNoFollowOnProblem) {
  TempDir dir;
  write_valid_content(dir.path());
  auto department = valid_department("alpha");
  department["approval_items"][0]["statutory_days"] = 18446744073709551615ull;
  testing::write_json(dir / "departments/alpha.json", department);
  const ContentLoad load = load_content(dir.path());
  EXPECT_FALSE(load.content);
  ASSERT_EQ(load.problems.size(), 1u) << all(load.problems);
  EXPECT_EQ(load.problems[0].path, "$.approval_items[0].statutory_days");
  EXPECT_NE(load.problems[0].message.find("found 18446744073709551615"), std::string::npos) << load.problems[0].message;
}

TEST(JsonReader, OutOfRangeNumberInEventJsonAndQuizBank) {
  TempDir dir;
  write_valid_content(dir.path());
  write_text(dir / "event.json", R"({"county": "测试县", "title": "政务公开日", "date": "2026-05-15", "place": "广场", "hotline": 1e999})");
  ContentLoad load;
  ASSERT_NO_THROW(load = load_content(dir.path()));
  EXPECT_FALSE(load.content);
  EXPECT_NE(all(load.problems).find("event.json: $.hotline"), std::string::npos) << all(load.problems);

  write_text(dir / "quiz.json", R"({"questions": [{"id": 1e999}]})");
  QuizBankLoad quiz;
  ASSERT_NO_THROW(quiz = load_quiz_bank(dir / "quiz.json", 1, nullptr));
  EXPECT_FALSE(quiz.bank);
  EXPECT_NE(all(quiz.problems).find("quiz.json: $.questions[0].id"), std::string::npos) << all(quiz.problems);
}

}  // namespace
}  // namespace openday
