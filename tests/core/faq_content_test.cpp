// 常见问题 in the content (issue 15): read, validated with the rest, shipped 3-6 per department,
// and the 我要问 topics built from them.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/content/ask_topics.h"
#include "core/content/content.h"
#include "core/util/paths.h"
#include "support/content_fixture.h"
#include "support/temp_dir.h"

namespace openday {
namespace {

using testing::TempDir;
using testing::all;
using testing::valid_department;
using testing::write_json;
using testing::write_valid_content;

bool reported(const ContentLoad& load, std::string_view file_name, std::string_view path, std::string_view words) {
  return std::any_of(load.problems.begin(), load.problems.end(), [&](const JsonProblem& p) {
    return p.file.filename() == file_name && p.path == path && p.message.find(words) != std::string::npos;
  });
}

nlohmann::json faq(const std::string& question, const std::string& answer, nlohmann::json related = nullptr) {
  nlohmann::json entry = {{"question", question}, {"answer", answer}};
  if (!related.is_null()) entry["related_items"] = related;
  return entry;
}

TEST(FaqContent, IsReadInOrderWithItsLinksAndIsOptional) {
  TempDir dir;
  write_valid_content(dir.path());
  auto beta = valid_department("beta");
  beta["faq"] = {faq("多久能办好？", "五个工作日。", {"beta-item", "alpha-item"}), faq("要收费吗？", "不收费。")};
  write_json(dir / "departments/beta.json", beta);
  const ContentLoad load = load_content(dir.path());
  ASSERT_TRUE(load.content) << all(load.problems);
  const Department* d = load.content->department("beta");
  ASSERT_NE(d, nullptr);
  ASSERT_EQ(d->faq.size(), 2u);
  EXPECT_EQ(d->faq[0].question, "多久能办好？");
  EXPECT_EQ(d->faq[0].related_items, (std::vector<std::string>{"beta-item", "alpha-item"})) << "an item of another department may be linked";
  EXPECT_TRUE(d->faq[1].related_items.empty());
  EXPECT_TRUE(load.content->department("alpha")->faq.empty()) << "a department without faq is fine";
}

TEST(FaqContent, EveryProblemIsNamedWithItsPath) {
  TempDir dir;
  write_valid_content(dir.path());
  auto beta = valid_department("beta");
  beta["faq"] = {faq("多久能办好？", "五个工作日。", {"no-such-item"}),
                 faq("多久能办好？", " 有空格 "),
                 {{"question", "要收费吗？"}},
                 faq("能网上办吗？", "能。", {"beta-item", "beta-item"}),
                 faq("可以吗？", "可以。", nlohmann::json::array()),
                 {{"question", "问？"}, {"answer", "答。"}, {"links", {"beta-item"}}}};
  write_json(dir / "departments/beta.json", beta);
  const ContentLoad load = load_content(dir.path());
  ASSERT_FALSE(load.content);
  EXPECT_TRUE(reported(load, "beta.json", "$.faq[1].question", "already asked at $.faq[0]")) << all(load.problems);
  EXPECT_TRUE(reported(load, "beta.json", "$.faq[1].answer", "")) << all(load.problems);
  EXPECT_TRUE(reported(load, "beta.json", "$.faq[2].answer", "is missing")) << all(load.problems);
  EXPECT_TRUE(reported(load, "beta.json", "$.faq[3].related_items[1]", "listed twice")) << all(load.problems);
  EXPECT_TRUE(reported(load, "beta.json", "$.faq[4].related_items", "")) << all(load.problems);
  EXPECT_TRUE(reported(load, "beta.json", "$.faq[5].links", "")) << all(load.problems);

  // Once the file reads well, a link to an item nobody publishes is still reported.
  beta["faq"] = {faq("多久能办好？", "五个工作日。", {"no-such-item"})};
  write_json(dir / "departments/beta.json", beta);
  const ContentLoad linked = load_content(dir.path());
  ASSERT_FALSE(linked.content);
  EXPECT_TRUE(reported(linked, "beta.json", "$.faq[0].related_items[0]", "\"no-such-item\" is not the id of any approval item"))
      << all(linked.problems);
}

TEST(FaqContent, TheShippedDepartmentsHaveThreeToSixLinkedToRealItems) {
  const ContentLoad load = load_content(default_content_dir());
  ASSERT_TRUE(load.content) << all(load.problems);
  for (const Department& d : load.content->departments) {
    SCOPED_TRACE(d.id);
    EXPECT_GE(d.faq.size(), 3u);
    EXPECT_LE(d.faq.size(), 6u);
    for (const Faq& f : d.faq)
      for (const std::string& id : f.related_items) EXPECT_NE(load.content->approval_item(id).second, nullptr) << id;
  }
  const Department* minzheng = load.content->department("minzheng");
  ASSERT_NE(minzheng, nullptr);
  EXPECT_TRUE(std::any_of(minzheng->faq.begin(), minzheng->faq.end(), [](const Faq& f) { return f.question.find("低保") != std::string::npos; }));
}

TEST(AskTopics, FaqsThenItemsThenOtherAndAnItemIsAnsweredByTheFaqThatLinksIt) {
  TempDir dir;
  write_valid_content(dir.path());
  auto beta = valid_department("beta");
  beta["approval_items"].push_back(beta["approval_items"][0]);
  beta["approval_items"][1]["id"] = "beta-second";
  beta["approval_items"][1]["name"] = "第二个事项";
  beta["faq"] = {faq("要收费吗？", "不收费。"), faq("多久能办好？", "五个工作日。", {"beta-second"})};
  write_json(dir / "departments/beta.json", beta);
  const ContentLoad load = load_content(dir.path());
  ASSERT_TRUE(load.content) << all(load.problems);
  const Department* d = load.content->department("beta");
  const auto topics = ask_topics(*load.content, d);
  std::vector<std::string> tokens;
  for (const AskTopic& t : topics) tokens.push_back(t.token);
  EXPECT_EQ(tokens, (std::vector<std::string>{"faq-1", "faq-2", "item-beta-item", "item-beta-second", "other"}));
  EXPECT_EQ(topics[1].answer, &d->faq[1]);
  EXPECT_EQ(topics[2].answer, nullptr) << "no 常见问题 links beta-item: registered for the desk";
  EXPECT_EQ(topics[3].answer, &d->faq[1]);
  EXPECT_EQ(topics[3].answer_number, 2);
  EXPECT_EQ(topics[4].answer, nullptr);
  EXPECT_EQ(topics[4].label, "其他问题");

  const auto unsure = ask_topics(*load.content, nullptr);
  EXPECT_EQ(unsure.size(), department_categories().size() + 1);
  EXPECT_TRUE(std::none_of(unsure.begin(), unsure.end(), [](const AskTopic& t) { return t.answer != nullptr; }));
  EXPECT_TRUE(find_ask_topic(*load.content, d, "faq-2").has_value());
  EXPECT_FALSE(find_ask_topic(*load.content, d, "faq-3").has_value());
  EXPECT_FALSE(find_ask_topic(*load.content, d, "category-1").has_value());
  EXPECT_EQ(faq_by_number(*d, "02"), nullptr);
  EXPECT_EQ(faq_by_number(*d, "0"), nullptr);
  EXPECT_EQ(faq_by_number(*d, "2"), &d->faq[1]);
}

}  // namespace
}  // namespace openday
