// Issue 14: topics.json and each approval item's topics and keywords.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "core/content/content.h"
#include "core/util/paths.h"
#include "support/search_fixture.h"
#include "support/temp_dir.h"

namespace openday {
namespace {

using testing::TempDir;
using testing::all;
using testing::write_json;

bool reported(const ContentLoad& load, std::string_view file_name, std::string_view path, std::string_view words) {
  return std::any_of(load.problems.begin(), load.problems.end(), [&](const JsonProblem& p) {
    return p.file.filename() == file_name && p.path == path && p.message.find(words) != std::string::npos;
  });
}

nlohmann::json read_json(const std::filesystem::path& file) { return nlohmann::json::parse(std::ifstream(file)); }

TEST(Topics, LoadInFileOrderWithTheirItemsAndKeywords) {
  TempDir dir;
  testing::write_search_content(dir.path());
  const ContentLoad load = load_content(dir.path());
  ASSERT_TRUE(load.content) << all(load.problems);
  const Content& content = *load.content;
  ASSERT_EQ(content.topics.size(), 3u);
  EXPECT_EQ(content.topics[0].name, "社会保障");
  EXPECT_EQ(content.topics[1].colour, "#3F51B5");
  EXPECT_EQ(content.topic_item_count("shehui-baozhang"), 4u);
  EXPECT_EQ(content.topic_item_count("huji-banli"), 2u);
  EXPECT_EQ(content.topic_item_count("qita"), 3u);
  EXPECT_EQ(content.topic("nope"), nullptr);
  const auto [department, item] = content.approval_item("mz-zuidi");
  ASSERT_NE(item, nullptr);
  EXPECT_EQ(item->keywords, (std::vector<std::string>{"低保户", "救助金"}));
  EXPECT_TRUE(load.notes.empty());
  // Topic names and keywords are drawn: the glyph builder must see them.
  EXPECT_NE(content.heading_texts().find("户籍办理"), std::string::npos);
  EXPECT_NE(content.body_texts().find("救助金"), std::string::npos);
}

TEST(Topics, EveryItemNeedsAKnownTopic) {
  TempDir dir;
  testing::write_search_content(dir.path());
  auto minzheng = read_json(dir / "departments/minzheng.json");
  minzheng["approval_items"][0].erase("topics");
  minzheng["approval_items"][1]["topics"] = {"shehui-baozhang", "no-such-topic"};
  minzheng["approval_items"][2]["topics"] = nlohmann::json::array();
  minzheng["approval_items"][3]["topics"] = {"qita", "qita"};
  write_json(dir / "departments/minzheng.json", minzheng);
  const ContentLoad load = load_content(dir.path());
  EXPECT_FALSE(load.content);
  EXPECT_TRUE(reported(load, "minzheng.json", "$.approval_items[2].topics", "at least 1 entry")) << all(load.problems);
  EXPECT_TRUE(reported(load, "minzheng.json", "$.approval_items[3].topics[1]", "listed twice")) << all(load.problems);
}

TEST(Topics, MissingAndUnknownTopicsAreNamedWithTheKnownOnes) {
  TempDir dir;
  testing::write_search_content(dir.path());
  auto minzheng = read_json(dir / "departments/minzheng.json");
  minzheng["approval_items"][0].erase("topics");
  minzheng["approval_items"][1]["topics"] = {"shehui-baozhang", "no-such-topic"};
  write_json(dir / "departments/minzheng.json", minzheng);
  const ContentLoad load = load_content(dir.path());
  EXPECT_FALSE(load.content);
  EXPECT_TRUE(reported(load, "minzheng.json", "$.approval_items[0].topics", "is missing: every approval item belongs to at least one topic"))
      << all(load.problems);
  EXPECT_TRUE(reported(load, "minzheng.json", "$.approval_items[1].topics[1]", "\"no-such-topic\" is not a topic of topics.json (shehui-baozhang, huji-banli, qita)"))
      << all(load.problems);
}

TEST(Topics, ATopicWithoutItemsIsANoteNotAProblem) {
  TempDir dir;
  testing::write_search_content(dir.path());
  auto topics = testing::search_topics();
  topics["topics"].push_back({{"id", "sizang"}, {"name", "死亡殡葬"}, {"colour", "#000000"}});
  write_json(dir / "topics.json", topics);
  const ContentLoad load = load_content(dir.path());
  ASSERT_TRUE(load.content) << all(load.problems);
  ASSERT_EQ(load.notes.size(), 1u);
  EXPECT_EQ(load.notes[0], "topics.json: topic \"sizang\" (死亡殡葬) has no approval items");
}

TEST(Topics, TopicsFileProblemsAreReportedWithTheirPath) {
  TempDir dir;
  testing::write_search_content(dir.path());
  auto topics = testing::search_topics();
  topics["topics"][0]["colour"] = "green";
  topics["topics"][1]["id"] = "shehui-baozhang";
  topics["topics"][2]["name"] = "一个名字太长太长太长的生活主题名称";
  topics["topics"][2]["icon"] = "x";
  write_json(dir / "topics.json", topics);
  const ContentLoad load = load_content(dir.path());
  EXPECT_FALSE(load.content);
  EXPECT_TRUE(reported(load, "topics.json", "$.topics[0].colour", "#RRGGBB")) << all(load.problems);
  EXPECT_TRUE(reported(load, "topics.json", "$.topics[1].id", "earlier topic")) << all(load.problems);
  EXPECT_TRUE(reported(load, "topics.json", "$.topics[2].name", "")) << all(load.problems);
  EXPECT_TRUE(reported(load, "topics.json", "$.topics[2].icon", "not a known field")) << all(load.problems);
}

TEST(Topics, WithoutTopicsFileItemsMayNotNameTopics) {
  TempDir dir;
  testing::write_search_content(dir.path());
  std::filesystem::remove(dir / "topics.json");
  const ContentLoad load = load_content(dir.path());
  EXPECT_FALSE(load.content);
  EXPECT_TRUE(reported(load, "minzheng.json", "$.approval_items[0].topics", "no topics.json")) << all(load.problems);
  // A folder from before topics (no topics.json, no item topics) still loads.
  TempDir old;
  testing::write_valid_content(old.path());
  const ContentLoad old_load = load_content(old.path());
  ASSERT_TRUE(old_load.content) << all(old_load.problems);
  EXPECT_TRUE(old_load.content->topics.empty());
}

TEST(Topics, KeywordsAreCheckedTexts) {
  TempDir dir;
  testing::write_search_content(dir.path());
  auto minzheng = read_json(dir / "departments/minzheng.json");
  minzheng["approval_items"][1]["keywords"] = {"低保户", "低保户", "", "一个远远超过二十个字符长度限制的关键词写得太长了真的太长"};
  write_json(dir / "departments/minzheng.json", minzheng);
  const ContentLoad load = load_content(dir.path());
  EXPECT_FALSE(load.content);
  EXPECT_TRUE(reported(load, "minzheng.json", "$.approval_items[1].keywords[1]", "listed twice")) << all(load.problems);
  EXPECT_TRUE(reported(load, "minzheng.json", "$.approval_items[1].keywords[2]", "")) << all(load.problems);
  EXPECT_TRUE(reported(load, "minzheng.json", "$.approval_items[1].keywords[3]", "")) << all(load.problems);
}

TEST(Topics, ShippedContentHasEveryItemInATopicAndEveryTopicUsed) {
  const ContentLoad load = load_content(default_content_dir());
  ASSERT_TRUE(load.content) << all(load.problems);
  EXPECT_GE(load.content->topics.size(), 12u);
  EXPECT_TRUE(load.notes.empty()) << load.notes.front();
  for (const auto& topic : load.content->topics) EXPECT_GT(load.content->topic_item_count(topic.id), 0u) << topic.id;
}

}  // namespace
}  // namespace openday
