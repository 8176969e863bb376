// Issue 14 on screen: the three ways in, the 按主题 grid and a topic's list, and the search
// keyboard, walked tap by tap in both orientations, with what each logs.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "core/content/search.h"
#include "support/county_generator.h"
#include "support/headless_kiosk.h"
#include "support/search_fixture.h"
#include "support/temp_dir.h"
#include "ui/drawn_text.h"

namespace openday {
namespace {

using testing::HeadlessKiosk;

std::shared_ptr<const Content> fixture_content() { return testing::search_fixture_content(); }

std::shared_ptr<const Content> county() {
  static const std::shared_ptr<const Content> content = [] {
    testing::TempDir dir;
    testing::generate_county({.departments = 20, .items = 1000, .seed = 7, .with_sample = std::nullopt}, dir / "county");
    ContentLoad load = load_content(dir / "county");
    if (!load.content) throw std::runtime_error(load.problems.front().to_string());
    return std::make_shared<const Content>(std::move(*load.content));
  }();
  return content;
}

// Taps and waits out the guard time of the screen it may open.
void press(HeadlessKiosk& kiosk, std::string_view target) {
  kiosk.tap(target);
  kiosk.wait(0.5);
}

std::vector<std::string> targets_with_prefix(HeadlessKiosk& kiosk, std::string_view prefix) {
  std::vector<std::string> ids;
  for (const ui::TapTarget& target : kiosk.kiosk().taps().all())
    if (target.id.starts_with(prefix)) ids.push_back(target.id);
  return ids;
}

// Every target with the prefix the region ever shows, dragging it up until nothing new appears.
std::set<std::string> collect_by_scrolling(HeadlessKiosk& kiosk, std::string_view prefix) {
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  std::set<std::string> seen;
  for (int still = 0, i = 0; still < 3 && i < 200; ++i) {
    const std::size_t before = seen.size();
    for (auto& id : targets_with_prefix(kiosk, prefix)) seen.insert(std::move(id));
    still = seen.size() == before ? still + 1 : 0;
    kiosk.drag(ImVec2(display.x * 0.3f, display.y * 0.8f), ImVec2(display.x * 0.3f, display.y * 0.45f), 12, 12);
    kiosk.wait(0.5);
  }
  return seen;
}

class Walk : public ::testing::TestWithParam<ImVec2> {};

// home → 搜索 → D → B → result → item → Back, in both orientations, on the shipped content.
TEST_P(Walk, HomeSearchDBResultItemBack) {
  HeadlessKiosk kiosk(GetParam(), "home");
  EXPECT_TRUE(kiosk.has_target("home.disclosure"));
  EXPECT_TRUE(kiosk.has_target("home.topics"));
  press(kiosk, "home.search");
  ASSERT_EQ(kiosk.route(), "search");
  EXPECT_TRUE(kiosk.has_target("search.popular.0")) << "the 热门搜索 chips show before the first letter";
  press(kiosk, "search.key.D");
  press(kiosk, "search.key.B");
  const SearchIndex index(*HeadlessKiosk::sample_content());
  const auto hits = index.search("DB");
  ASSERT_FALSE(hits.empty());
  const std::string first = "search.result." + hits.front().item->id;
  ASSERT_TRUE(kiosk.has_target(first)) << "the best match is on screen";
  EXPECT_NE(testing::drawn_text().find(testing::without_spaces("找到 " + std::to_string(hits.size()) + " 个事项")), std::string::npos);
  press(kiosk, first);
  EXPECT_EQ(kiosk.route(), "item/" + hits.front().item->id);
  press(kiosk, "topbar.back");
  EXPECT_EQ(kiosk.route(), "search");
  EXPECT_TRUE(kiosk.has_target(first)) << "Back returns to the same results";
  press(kiosk, "topbar.home");
  EXPECT_EQ(kiosk.route(), "home");

  // One search: the letters, what they found and the item opened; leaving after it adds none.
  const auto searches = kiosk.events().of_type(EventType::Search);
  ASSERT_EQ(searches.size(), 1u);
  EXPECT_EQ(searches[0].target, "DB");
  EXPECT_EQ(searches[0].item, hits.front().item->id);
  EXPECT_EQ(searches[0].count, static_cast<std::int64_t>(hits.size()));
  EXPECT_GT(searches[0].session, 0);
}

INSTANTIATE_TEST_SUITE_P(Orientations, Walk, ::testing::Values(ImVec2(1920, 1080), ImVec2(1080, 1920)),
                         [](const auto& setting) { return std::string(setting.param.x > setting.param.y ? "landscape" : "portrait"); });

TEST(SearchScreen, DeleteAndClearEditTheLettersAndAClearedSearchIsLogged) {
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "search", {}, fixture_content());
  press(kiosk, "search.key.D");
  press(kiosk, "search.key.B");
  EXPECT_EQ(targets_with_prefix(kiosk, "search.result.").size(), 5u);
  press(kiosk, "search.key.J");
  EXPECT_EQ(targets_with_prefix(kiosk, "search.result."), (std::vector<std::string>{"search.result.mz-dibaojin"}));
  press(kiosk, "search.key.delete");
  EXPECT_EQ(targets_with_prefix(kiosk, "search.result.").size(), 5u);
  EXPECT_TRUE(kiosk.events().of_type(EventType::Search).empty()) << "typing is not yet a search";
  press(kiosk, "search.key.clear");
  EXPECT_TRUE(targets_with_prefix(kiosk, "search.result.").empty());
  const auto searches = kiosk.events().of_type(EventType::Search);
  ASSERT_EQ(searches.size(), 1u);
  EXPECT_EQ(searches[0].target, "DB");
  EXPECT_EQ(searches[0].count, 5);
  EXPECT_TRUE(searches[0].item.empty());
}

TEST(SearchScreen, NothingFoundIsAPageOfHelpAndIsLoggedWhenTheVisitorLeaves) {
  Config config;
  config.prize_desk = "二号展位咨询台";  // the booth's desk, as the config names it
  HeadlessKiosk kiosk(ImVec2(1080, 1920), "home", config, fixture_content());
  press(kiosk, "home.search");
  for (const char* key : {"search.key.X", "search.key.Q", "search.key.Z"}) press(kiosk, key);
  EXPECT_TRUE(targets_with_prefix(kiosk, "search.result.").empty());
  const std::string drawn = testing::drawn_text();
  EXPECT_NE(drawn.find("没有找到与“XQZ”相符的事项"), std::string::npos) << drawn;
  EXPECT_NE(drawn.find("请到二号展位咨询台问工作人员"), std::string::npos) << "the visitor is sent to the booth's own desk\n" << drawn;
  ASSERT_TRUE(kiosk.has_target("search.none.topics"));
  ASSERT_TRUE(kiosk.has_target("search.none.ask")) << "what was not found can be asked";
  EXPECT_FALSE(kiosk.kiosk().taps().find("search.none.ask")->clipped);
  press(kiosk, "search.none.ask");
  EXPECT_EQ(kiosk.route(), "ask");
  press(kiosk, "topbar.back");
  ASSERT_EQ(kiosk.route(), "search");
  press(kiosk, "topbar.back");
  const auto searches = kiosk.events().of_type(EventType::Search);
  ASSERT_EQ(searches.size(), 1u);
  EXPECT_EQ(searches[0].target, "XQZ");
  EXPECT_EQ(searches[0].count, 0);
}

// 删除 and 清空 keep room between their words and their edges in both orientations and text
// sizes (in 大字 two characters no longer fit a letter's key).
TEST(SearchScreen, TheEditingKeysWordsKeepClearOfTheirEdges) {
  for (const ImVec2 display : {ImVec2(1920, 1080), ImVec2(1080, 1920)})
    for (const bool large : {false, true}) {
      HeadlessKiosk kiosk(display, "home");
      kiosk.wait(0.5);
      if (large) press(kiosk, "topbar.large_text");
      press(kiosk, "home.search");
      const float margin = kiosk.kiosk().metrics().gap * 0.4f;
      for (const char* id : {"search.key.delete", "search.key.clear"}) {
        SCOPED_TRACE(std::string(id) + (large ? " 大字 " : " ") + std::to_string(static_cast<int>(display.x)));
        const ui::TapTarget* key = kiosk.kiosk().taps().find(id);
        ASSERT_NE(key, nullptr);
        EXPECT_FALSE(key->clipped);
        int glyphs = 0;
        for (const testing::DrawnGlyph& g : testing::drawn_glyphs()) {
          const float cx = (g.min.x + g.max.x) * 0.5f, cy = (g.min.y + g.max.y) * 0.5f;
          if (cx < key->min.x || cx > key->max.x || cy < key->min.y || cy > key->max.y) continue;
          ++glyphs;
          EXPECT_GE(g.min.x, key->min.x + margin);
          EXPECT_LE(g.max.x, key->max.x - margin);
        }
        EXPECT_EQ(glyphs, 2) << "both characters drawn";
      }
    }
}

TEST(SearchScreen, APopularChipSearchesItsWord) {
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "search");
  const Content& content = *HeadlessKiosk::sample_content();
  ASSERT_FALSE(content.popular_searches.empty());
  press(kiosk, "search.popular.0");
  const auto hits = SearchIndex(content).search(content.popular_searches[0]);
  ASSERT_FALSE(hits.empty());
  EXPECT_TRUE(kiosk.has_target("search.result." + hits.front().item->id));
}

struct Setting {
  ImVec2 display;
  bool large;
};

class SearchList : public ::testing::TestWithParam<Setting> {};

// A county's results scroll by dragging like every other list, in 大字 too, and the row the
// finger lifts on opens its own item.
TEST_P(SearchList, ManyResultsScrollByDragAndOpenTheirItem) {
  HeadlessKiosk kiosk(GetParam().display, "search", {}, county());
  if (GetParam().large) press(kiosk, "topbar.large_text");
  press(kiosk, "search.key.S");
  const auto hits = SearchIndex(*county()).search("S");
  ASSERT_GT(hits.size(), 100u);
  EXPECT_TRUE(kiosk.has_target("search.result." + hits[0].item->id));
  const ImRect list = kiosk.rect_of("search.results");
  ASSERT_GT(list.GetHeight(), 0.0f);
  for (int i = 0; i < 3; ++i) {
    kiosk.drag(ImVec2(list.GetCenter().x, list.Max.y - 40), ImVec2(list.GetCenter().x, list.Min.y + 40), 12, 12);
    kiosk.wait(0.5);
  }
  EXPECT_GT(kiosk.scroll_y_of("search.results"), 0.0f);
  EXPECT_FALSE(kiosk.has_target("search.result." + hits[0].item->id)) << "the first row scrolled away";
  const auto rows = targets_with_prefix(kiosk, "search.result.");
  ASSERT_FALSE(rows.empty());
  const std::string middle = rows[rows.size() / 2];
  press(kiosk, middle);
  EXPECT_EQ(kiosk.route(), "item/" + middle.substr(std::string("search.result.").size()));
}

INSTANTIATE_TEST_SUITE_P(Settings, SearchList,
                         ::testing::Values(Setting{ImVec2(1920, 1080), false}, Setting{ImVec2(1920, 1080), true},
                                           Setting{ImVec2(1080, 1920), false}, Setting{ImVec2(1080, 1920), true}),
                         [](const auto& setting) {
                           return std::string(setting.param.display.x > setting.param.display.y ? "landscape" : "portrait") +
                                  (setting.param.large ? "_large" : "_normal");
                         });

class Topics : public ::testing::TestWithParam<ImVec2> {};

// Each tile's count is the content's, and a topic lists exactly its items, each once.
TEST_P(Topics, CountsEqualTheContentAndATopicListsExactlyItsItems) {
  HeadlessKiosk kiosk(GetParam(), "home");
  press(kiosk, "home.topics");
  ASSERT_EQ(kiosk.route(), "topics");
  const Content& content = *HeadlessKiosk::sample_content();
  const std::string drawn = testing::drawn_text();
  std::size_t shown = 0;
  for (const Topic& topic : content.topics) {
    if (!kiosk.has_target("topics.topic." + topic.id)) continue;
    ++shown;
    const std::string tile = topic.name + std::to_string(content.topic_item_count(topic.id)) + "个事项";
    EXPECT_NE(drawn.find(tile), std::string::npos) << tile;
  }
  EXPECT_GE(shown, 8u) << "most topics fit on the first screen";

  const Topic& topic = *content.topic("shehui-baozhang");
  press(kiosk, "topics.topic." + topic.id);
  ASSERT_EQ(kiosk.route(), "topic/" + topic.id);
  const std::size_t count = content.topic_item_count(topic.id);
  EXPECT_NE(testing::drawn_text().find("共" + std::to_string(count) + "个事项"), std::string::npos);
  const auto items = collect_by_scrolling(kiosk, "topic.item.");
  std::set<std::string> expected;
  for (const Department& d : content.departments)
    for (const ApprovalItem& item : d.approval_items)
      if (std::find(item.topics.begin(), item.topics.end(), topic.id) != item.topics.end()) expected.insert("topic.item." + item.id);
  EXPECT_EQ(items, expected);
  const auto views = kiosk.events().of_type(EventType::TopicView);
  ASSERT_EQ(views.size(), 1u);
  EXPECT_EQ(views[0].target, topic.id);
  EXPECT_EQ(views[0].count, static_cast<std::int64_t>(count));
}

INSTANTIATE_TEST_SUITE_P(Orientations, Topics, ::testing::Values(ImVec2(1920, 1080), ImVec2(1080, 1920)),
                         [](const auto& setting) { return std::string(setting.param.x > setting.param.y ? "landscape" : "portrait"); });

}  // namespace
}  // namespace openday
