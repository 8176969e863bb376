// The generated county (issue 18): valid content of the shipped schema, of a real county's
// shape, the same files for the same seed.
#include "support/county_generator.h"

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "core/content/content.h"
#include "core/util/utf8.h"
#include "support/temp_dir.h"

namespace openday {
namespace {

using testing::CountyOptions;
using testing::TempDir;

std::string problems_of(const ContentLoad& load) {
  std::string out;
  for (std::size_t i = 0; i < load.problems.size() && i < 10; ++i) out += load.problems[i].to_string() + "\n";
  return out;
}

// Every file of a folder, by its path inside it, with its bytes.
std::map<std::string, std::string> files_of(const std::filesystem::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    files[std::filesystem::relative(entry.path(), dir).string()] = bytes.str();
  }
  return files;
}

struct Finished {
  int exit_code = -1;
  std::string output;
};

Finished run(const std::string& command) {
  Finished result;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (!pipe) return result;
  char buffer[4096];
  while (std::fgets(buffer, sizeof buffer, pipe)) result.output += buffer;
  const int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

TEST(CountyGenerator, ASmallCountyLoadsWithoutProblemsAndHasTheHeavyScreens) {
  TempDir dir;
  const CountyOptions options{.departments = 6, .items = 150, .seed = 7, .with_sample = std::nullopt};
  testing::generate_county(options, dir / "county");
  const ContentLoad load = load_content(dir / "county");
  ASSERT_TRUE(load.content) << problems_of(load);
  const Content& content = *load.content;
  EXPECT_EQ(content.departments.size(), 6u);
  EXPECT_EQ(content.approval_item_count(), 150u);

  std::size_t most_items = 0, most_fees = 0, most_materials = 0, longest_name = 0, longest_paragraph = 0;
  for (const auto& d : content.departments) {
    most_items = std::max(most_items, d.approval_items.size());
    most_fees = std::max(most_fees, d.fees.size());
    EXPECT_EQ(d.fees.empty(), !d.no_fee_statement.empty()) << d.id;
    for (const auto& item : d.approval_items) {
      most_materials = std::max(most_materials, item.materials.size());
      longest_name = std::max(longest_name, count_code_points(item.name));
      EXPECT_GE(item.materials.size(), 5u) << item.id;
      EXPECT_LE(item.materials.size(), 15u) << item.id;
    }
    longest_paragraph = std::max(longest_paragraph, count_code_points(d.introduction));
  }
  EXPECT_EQ(most_items, static_cast<std::size_t>(testing::largest_department_items(options)));
  EXPECT_EQ(most_fees, 100u);
  EXPECT_EQ(most_materials, 15u);
  EXPECT_LE(longest_name, 40u);
  EXPECT_EQ(longest_paragraph, 600u);  // one department's introduction is at the validator's limit

  // The count `validate` prints, against a plain count of every text's characters.
  std::set<char32_t> characters;
  for_each_code_point(content.body_texts(), [&](char32_t c) {
    if (c != '\n') characters.insert(c);
  });
  EXPECT_EQ(content.distinct_characters(), characters.size());
  EXPECT_GT(characters.size(), 1000u);  // place names and surnames bring in the uncommon ones
}

TEST(CountyGenerator, TheSameSeedWritesTheSameFilesAndAnotherSeedOtherOnes) {
  TempDir dir;
  const CountyOptions first{.departments = 4, .items = 40, .seed = 11, .with_sample = std::nullopt};
  CountyOptions other = first;
  other.seed = 12;
  testing::generate_county(first, dir / "a");
  testing::generate_county(first, dir / "b");
  testing::generate_county(other, dir / "c");
  const auto a = files_of(dir / "a");
  EXPECT_EQ(a.size(), 6u);  // event.json, topics.json and four departments
  EXPECT_EQ(a, files_of(dir / "b"));
  const auto c = files_of(dir / "c");
  ASSERT_EQ(c.size(), a.size());
  EXPECT_NE(a.at("departments/gen-d01.json"), c.at("departments/gen-d01.json"));
}

TEST(CountyGenerator, RefusesAFolderThatIsNotEmptyAndImpossibleSizes) {
  TempDir dir;
  std::ofstream(dir / "keep.txt") << "a visitor's file";
  EXPECT_THROW(testing::generate_county({}, dir.path()), testing::CountyError);
  EXPECT_TRUE(std::filesystem::exists(dir / "keep.txt"));
  EXPECT_THROW(testing::generate_county({.departments = 2, .items = 601, .seed = 1, .with_sample = std::nullopt}, dir / "x"),
               testing::CountyError);
  EXPECT_THROW(testing::generate_county({.departments = 0, .items = 0, .seed = 1, .with_sample = std::nullopt}, dir / "y"),
               testing::CountyError);
}

// The documented command line, with the shipped sample beside it, passes `openday validate`.
TEST(CountyGenerator, TheCommandLineWritesACountyThatOpendayValidates) {
  TempDir dir;
  const std::string out = (dir / "county").string();
  const Finished generate = run(std::string(GENERATE_COUNTY_BINARY) + " --departments 8 --items 200 --seed 3 --out '" + out +
                           "' --with-sample '" + OPENDAY_ASSETS_DIR + "/content'");
  ASSERT_EQ(generate.exit_code, 0) << generate.output;
  const Finished validate = run(std::string(OPENDAY_BINARY) + " validate --content '" + out + "'");
  EXPECT_EQ(validate.exit_code, 0) << validate.output;
  // 26 sample departments and 76 sample items beside the 8 and 200 generated ones.
  EXPECT_NE(validate.output.find("OK: 34 departments, 276 approval items"), std::string::npos) << validate.output;

  const Finished again = run(std::string(GENERATE_COUNTY_BINARY) + " --departments 8 --items 200 --seed 3 --out '" + out + "'");
  EXPECT_EQ(again.exit_code, 1) << again.output;  // the folder is no longer empty
  EXPECT_EQ(run(std::string(GENERATE_COUNTY_BINARY) + " --items many --out x").exit_code, 2);
}

}  // namespace
}  // namespace openday
