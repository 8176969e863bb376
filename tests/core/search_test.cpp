#include "core/content/search.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include <sys/wait.h>

#include <cstdio>

#include "core/content/pinyin.h"
#include "core/ops/cli.h"
#include "core/util/paths.h"
#include "support/search_fixture.h"
#include "support/temp_dir.h"

namespace openday {
namespace {

using testing::TempDir;

std::vector<std::string> ids(const std::vector<SearchHit>& hits) {
  std::vector<std::string> out;
  for (const auto& hit : hits) out.push_back(hit.item->id);
  return out;
}

std::string highlighted(const SearchHit& hit) {
  std::string out;
  for (const auto& range : hit.highlight) out += hit.item->name.substr(range.offset, range.length);
  return out;
}

class SearchFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::write_search_content(dir_.path());
    load_ = load_content(dir_.path());
    ASSERT_TRUE(load_.content) << testing::all(load_.problems);
    index_ = std::make_unique<SearchIndex>(*load_.content);
  }
  TempDir dir_;
  ContentLoad load_;
  std::unique_ptr<SearchIndex> index_;
};

TEST(PinyinInitials, FirstListedReadingWithoutToneAndLettersAsTyped) {
  EXPECT_EQ(pinyin_initials("低保金").letters, "dbj");
  EXPECT_EQ(pinyin_initials("重庆").letters, "zq") << "Unihan lists zhòng first for 重";
  EXPECT_EQ(pinyin_initials("爱心").letters, "ax") << "a tone-marked vowel initial (ài) gives its bare letter";
  EXPECT_EQ(pinyin_initials("氹犇垚").letters, "dby") << "rare characters have readings too";
  EXPECT_EQ(pinyin_initials("12345热线").letters, "12345rx");
  EXPECT_EQ(pinyin_initials("ICP备案").letters, "icpba");
  EXPECT_GT(pinyin_table_size(), 20000u);
}

TEST(PinyinInitials, CharactersWithoutAReadingAndPunctuationAreSkipped) {
  const Initials initials = pinyin_initials("㐂（字）事");
  EXPECT_EQ(initials.letters, "zs");
  ASSERT_EQ(initials.spans.size(), 2u);
  EXPECT_EQ(initials.spans[0].offset, 6u) << "㐂 and （ are 3 bytes each and give no letter";
  EXPECT_EQ(pinyin_initials("\xff\xfe低保").letters, "") << "ill-formed text stops, never throws";
  EXPECT_EQ(pinyin_initial(U'\U00020000'), 0) << "beyond U+FFFF the table has nothing";
  EXPECT_EQ(pinyin_initial(U'\uFFFF'), 0);
}

TEST(SearchQueryNormalising, LettersAreInitialsAnythingElseIsText) {
  EXPECT_EQ(normalise_search_query(" D b ").text, "db");
  EXPECT_TRUE(normalise_search_query("DB").initials);
  EXPECT_FALSE(normalise_search_query("低保").initials);
  EXPECT_FALSE(normalise_search_query("12345").initials);
  EXPECT_TRUE(normalise_search_query("\xff").text.empty());
}

TEST_F(SearchFixture, InitialsRankWholeNameThenStartThenKeywordThenInsideThenDepartment) {
  const auto hits = index_->search("DB");
  EXPECT_EQ(ids(hits), (std::vector<std::string>{"mz-dibao", "mz-dibaojin", "mz-zuidi", "mz-chengxiang", "db-dangan"}));
  ASSERT_EQ(hits.size(), 5u);
  EXPECT_EQ(hits[0].match, SearchMatch::WholeName);
  EXPECT_EQ(hits[1].match, SearchMatch::NameStart);
  EXPECT_EQ(hits[2].match, SearchMatch::Keyword);
  EXPECT_EQ(hits[2].keyword, "低保户");
  EXPECT_EQ(hits[3].match, SearchMatch::InName);
  EXPECT_EQ(hits[4].match, SearchMatch::Department);
  EXPECT_EQ(highlighted(hits[0]), "低保");
  EXPECT_EQ(highlighted(hits[1]), "低保");
  EXPECT_TRUE(hits[2].highlight.empty()) << "a keyword match highlights nothing in the name";
  EXPECT_EQ(highlighted(hits[3]), "低保");
}

TEST_F(SearchFixture, MoreLettersNarrowTheResults) {
  EXPECT_EQ(ids(index_->search("dbj")), (std::vector<std::string>{"mz-dibaojin"}));
  const auto hits = index_->search("dbjsq");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].match, SearchMatch::WholeName);
  EXPECT_EQ(highlighted(hits[0]), "低保金申请");
  EXPECT_TRUE(index_->search("dbjsqx").empty());
}

TEST_F(SearchFixture, KeywordsCoverPolyphonicSurprises) {
  // People say chongqing: CQ finds the item only through its keyword.
  const auto hits = index_->search("cq");
  ASSERT_EQ(ids(hits), (std::vector<std::string>{"ga-chongqing"}));
  EXPECT_EQ(hits[0].match, SearchMatch::Keyword);
  // The table's reading still works on the name.
  EXPECT_EQ(ids(index_->search("ZQJ")), (std::vector<std::string>{"ga-chongqing"}));
  EXPECT_EQ(ids(index_->search("lh")), (std::vector<std::string>{"ga-chongqing"}));
}

TEST_F(SearchFixture, RareCharactersAndOnesWithoutReadingNeverBreakTheSearch) {
  const auto hits = index_->search("dzbn");
  ASSERT_EQ(ids(hits), (std::vector<std::string>{"ga-dang"}));
  EXPECT_EQ(highlighted(hits[0]), "氹仔犇牛");
  const auto skipped = index_->search("zsx");
  ASSERT_EQ(ids(skipped), (std::vector<std::string>{"ga-noreading"}));
  EXPECT_EQ(highlighted(skipped[0]), "字事项") << "㐂 has no reading: skipped";
  EXPECT_EQ(ids(index_->search("㐂")), (std::vector<std::string>{"ga-noreading"})) << "as text it is found";
}

TEST_F(SearchFixture, ChineseWordsMatchNamesKeywordsAndDepartments) {
  const auto hits = index_->search("低保");
  EXPECT_EQ(ids(hits), (std::vector<std::string>{"mz-dibao", "mz-dibaojin", "mz-zuidi", "mz-chengxiang"}));
  ASSERT_EQ(hits.size(), 4u);
  EXPECT_EQ(highlighted(hits[3]), "低保");
  EXPECT_EQ(ids(index_->search("救助金")), (std::vector<std::string>{"mz-zuidi"}));
  EXPECT_EQ(ids(index_->search("东北")), (std::vector<std::string>{"db-dangan"}));
  EXPECT_TRUE(index_->search("没有这个").empty());
  EXPECT_TRUE(index_->search("  ").empty());
}

TEST_F(SearchFixture, ResultsAsTextAndJson) {
  const auto hits = index_->search("DBJ");
  EXPECT_EQ(search_results_text("DBJ", hits), "1. 低保金申请  测试县民政局  name_start  可网上办理  [mz-dibaojin]\n");
  const auto json = nlohmann::json::parse(search_results_json("DBJ", hits));
  EXPECT_EQ(json["query"], "dbj");
  EXPECT_EQ(json["initials"], true);
  ASSERT_EQ(json["results"].size(), 1u);
  EXPECT_EQ(json["results"][0]["item"], "mz-dibaojin");
  EXPECT_EQ(json["results"][0]["department"], "minzheng");
  EXPECT_EQ(json["results"][0]["online"], true);
  EXPECT_EQ(json["results"][0]["highlight"][0], "低保金");
  EXPECT_EQ(search_results_text("XYZ", {}), "no results for \"XYZ\"\n");
}

TEST(ShippedSearch, SampleContentFindsDibaoByInitials) {
  const ContentLoad load = load_content(default_content_dir());
  ASSERT_TRUE(load.content) << testing::all(load.problems);
  const SearchIndex index(*load.content);
  const auto hits = index.search("DB");
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits.front().item->id, "minzheng-dibao") << "低保 is a keyword of 城乡居民最低生活保障审批";
}

TEST(SearchCommand, ParsesContentJsonAndTheQuery) {
  const std::vector<std::string_view> args = {"search", "--content", "/tmp/c", "--json", "DBJ"};
  const CommandLineParse parsed = parse_command_line(args);
  ASSERT_TRUE(parsed.command) << parsed.error;
  EXPECT_EQ(parsed.command->kind, CommandKind::Search);
  EXPECT_EQ(parsed.command->search.content_dir, "/tmp/c");
  EXPECT_TRUE(parsed.command->search.json);
  EXPECT_EQ(parsed.command->search.query, "DBJ");
  const std::vector<std::string_view> empty = {"search"};
  EXPECT_NE(parse_command_line(empty).error.find("search: what to look for?"), std::string::npos);
}

// The command prints what the screen would show: run on the fixture, as staff would.
TEST_F(SearchFixture, TheCommandPrintsTheRankedResults) {
  const std::string command = std::string(OPENDAY_BINARY) + " search --content '" + dir_.path().string() + "' --json db 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::string output;
  char buffer[4096];
  while (std::fgets(buffer, sizeof buffer, pipe)) output += buffer;
  const int status = pclose(pipe);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << output;
  const auto json = nlohmann::json::parse(output);
  std::vector<std::string> items;
  for (const auto& result : json["results"]) items.push_back(result["item"]);
  EXPECT_EQ(items, ids(index_->search("DB")));
  EXPECT_EQ(json["results"][0]["match"], "whole_name");
}

}  // namespace
}  // namespace openday
