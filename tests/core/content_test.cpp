#include "core/content/content.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "core/booth/config.h"
#include "core/util/paths.h"
#include "core/util/utf8.h"
#include "support/content_fixture.h"
#include "support/temp_dir.h"

namespace openday {
namespace {

using testing::TempDir;
using testing::all;
using testing::valid_department;
using testing::write_json;
using testing::write_text;
using testing::write_valid_content;

// A problem in file (by file name) at path whose message contains words.
bool reported(const ContentLoad& load, std::string_view file_name, std::string_view path, std::string_view words) {
  return std::any_of(load.problems.begin(), load.problems.end(), [&](const JsonProblem& p) {
    return p.file.filename() == file_name && p.path == path && p.message.find(words) != std::string::npos;
  });
}

TEST(ShippedContent, ValidatesAndIsRichEnough) {
  const ContentLoad load = load_content(default_content_dir());
  ASSERT_TRUE(load.content) << all(load.problems);
  const Content& content = *load.content;
  EXPECT_GE(content.departments.size(), 20u);
  EXPECT_TRUE(content.event.sample_data) << "the shipped content must say it is sample data";
  for (const Department& d : content.departments) {
    SCOPED_TRACE(d.id);
    EXPECT_GE(d.duties.size(), 4u);
    EXPECT_GE(d.approval_items.size(), 2u);
    EXPECT_EQ(d.fees.empty(), !d.no_fee_statement.empty());
    for (const ApprovalItem& item : d.approval_items) {
      if (item.online) {
        EXPECT_TRUE(item.online_url.starts_with("https://zwfw.example.com/")) << item.online_url;
      }
    }
  }
  // Every department the source document names has its page.
  for (const char* named : {"行政服务中心", "住房和城乡建设局", "民政局", "国土资源局", "人力资源和社会保障局", "食品药品监督管理局",
                            "人民防空办公室", "安全生产监督管理局", "卫生局", "人口和计划生育局", "工商行政管理局"}) {
    EXPECT_TRUE(std::any_of(content.departments.begin(), content.departments.end(),
                            [&](const Department& d) { return d.name.find(named) != std::string::npos; }))
        << named;
  }
  EXPECT_GT(content.fee_item_count(), 0u);
  EXPECT_NE(content_summary(content).find("departments"), std::string::npos);
}

TEST(ContentValidation, AValidFolderLoadsInCategoryOrder) {
  TempDir dir;
  write_valid_content(dir.path(), {"beta", "alpha"});
  auto second = valid_department("gamma");
  second["category"] = "民生保障";
  write_json(dir / "departments/gamma.json", second);
  const ContentLoad load = load_content(dir.path());
  ASSERT_TRUE(load.content) << all(load.problems);
  ASSERT_EQ(load.content->departments.size(), 3u);
  EXPECT_EQ(load.content->departments.back().id, "gamma");
  EXPECT_EQ(load.content->approval_item("alpha-item").first->id, "alpha");
}

// The department files are read on several threads; what a load reports must not depend on
// which thread finished first: problems in file order, every file's department kept.
TEST(ContentValidation, ManyFilesLoadInFileOrderWhateverTheThreads) {
  TempDir dir;
  std::vector<std::string> ids;
  for (int i = 0; i < 24; ++i) ids.push_back("dept-" + std::string(1, static_cast<char>('a' + i)));
  write_valid_content(dir.path(), {});
  for (const std::string& id : ids) write_json(dir / ("departments/" + id + ".json"), valid_department(id));
  const ContentLoad good = load_content(dir.path());
  ASSERT_TRUE(good.content) << all(good.problems);
  std::vector<std::string> loaded;
  for (const Department& d : good.content->departments) loaded.push_back(d.id);
  EXPECT_EQ(loaded, ids);

  // Every other file broken in its own way, and the last one claims the first one's item id.
  for (std::size_t i = 1; i < ids.size(); i += 2) {
    auto d = valid_department(ids[i]);
    d.erase("phone");
    write_json(dir / ("departments/" + ids[i] + ".json"), d);
  }
  auto last = valid_department(ids.back());
  last["approval_items"][0]["id"] = ids.front() + "-item";
  write_json(dir / ("departments/" + ids.back() + ".json"), last);
  for (int round = 0; round < 5; ++round) {
    const ContentLoad bad = load_content(dir.path());
    ASSERT_FALSE(bad.content);
    std::vector<std::string> order;
    for (const JsonProblem& problem : bad.problems) order.push_back(problem.file.stem().string() + " " + problem.path);
    std::vector<std::string> expected;
    for (std::size_t i = 1; i + 1 < ids.size(); i += 2) expected.push_back(ids[i] + " $.phone");
    expected.push_back(ids.back() + " $.approval_items[0].id");
    EXPECT_EQ(order, expected) << all(bad.problems);
  }
}

TEST(ContentValidation, MalformedJsonNamesLineAndColumn) {
  TempDir dir;
  write_valid_content(dir.path());
  write_text(dir / "departments/beta.json", "{\n  \"id\": \"beta\",\n  \"name\": \"x\"\n  \"short_name\": \"y\"\n}\n");
  const ContentLoad load = load_content(dir.path());
  ASSERT_FALSE(load.content);
  ASSERT_EQ(load.problems.size(), 1u) << all(load.problems);
  EXPECT_EQ(load.problems[0].file.filename(), "beta.json");
  // The position is where the parser stopped: the end of the unexpected "short_name" token.
  EXPECT_EQ(load.problems[0].line, 4);
  EXPECT_EQ(load.problems[0].column, 14);
  EXPECT_NE(load.problems[0].message.find("malformed JSON"), std::string::npos);
  EXPECT_NE(load.problems[0].message.find("unexpected string literal"), std::string::npos) << load.problems[0].message;
  EXPECT_NE(load.problems[0].to_string().find("beta.json:4:14"), std::string::npos);
}

TEST(ContentValidation, MissingField) {
  TempDir dir;
  write_valid_content(dir.path());
  auto d = valid_department("beta");
  d.erase("phone");
  write_json(dir / "departments/beta.json", d);
  EXPECT_TRUE(reported(load_content(dir.path()), "beta.json", "$.phone", "is missing"));
}

TEST(ContentValidation, MistypedField) {
  TempDir dir;
  write_valid_content(dir.path());
  auto d = valid_department("beta");
  d["approval_items"][0]["statutory_days"] = "twenty";
  d["approval_items"][0]["online"]["available"] = "yes";
  write_json(dir / "departments/beta.json", d);
  const ContentLoad load = load_content(dir.path());
  EXPECT_TRUE(reported(load, "beta.json", "$.approval_items[0].statutory_days", "whole number")) << all(load.problems);
  EXPECT_TRUE(reported(load, "beta.json", "$.approval_items[0].online.available", "true or false"));
}

TEST(ContentValidation, DuplicateDepartmentIdAcrossFiles) {
  TempDir dir;
  write_valid_content(dir.path());
  auto copy = valid_department("alpha");
  copy["approval_items"][0]["id"] = "other-item";
  write_json(dir / "departments/zeta.json", copy);  // the id is wrong for its file, and taken
  const ContentLoad load = load_content(dir.path());
  EXPECT_TRUE(reported(load, "zeta.json", "$.id", "must equal the file name")) << all(load.problems);
}

TEST(ContentValidation, DuplicateApprovalItemIdAcrossFiles) {
  TempDir dir;
  write_valid_content(dir.path());
  auto d = valid_department("beta");
  d["approval_items"][0]["id"] = "alpha-item";
  write_json(dir / "departments/beta.json", d);
  const ContentLoad load = load_content(dir.path());
  EXPECT_TRUE(reported(load, "beta.json", "$.approval_items[0].id", "already the id of an approval item in")) << all(load.problems);
}

TEST(ContentValidation, EmptyRequiredTextAndSurroundingSpaces) {
  TempDir dir;
  write_valid_content(dir.path());
  auto d = valid_department("beta");
  d["name"] = "";
  d["duties"]["paragraphs"][1] = " 职责二。";
  write_json(dir / "departments/beta.json", d);
  const ContentLoad load = load_content(dir.path());
  EXPECT_TRUE(reported(load, "beta.json", "$.name", "must not be empty")) << all(load.problems);
  EXPECT_TRUE(reported(load, "beta.json", "$.duties.paragraphs[1]", "spaces"));
}

TEST(ContentValidation, InvalidUrlAndUrlWithoutOnline) {
  TempDir dir;
  write_valid_content(dir.path());
  auto d = valid_department("beta");
  d["approval_items"][0]["online"]["url"] = "zwfw.example.com/item";
  write_json(dir / "departments/beta.json", d);
  auto a = valid_department("alpha");
  a["approval_items"][0]["online"]["available"] = false;
  write_json(dir / "departments/alpha.json", a);
  const ContentLoad load = load_content(dir.path());
  EXPECT_TRUE(reported(load, "beta.json", "$.approval_items[0].online.url", "must be a web address")) << all(load.problems);
  EXPECT_TRUE(reported(load, "alpha.json", "$.approval_items[0].online.url", "available is false"));
}

TEST(ContentValidation, InvalidUtf8NamesLineAndColumn) {
  TempDir dir;
  write_valid_content(dir.path());
  write_text(dir / "departments/beta.json", "{\n  \"id\": \"b\xe9ta\"\n}\n");  // Latin-1, not UTF-8
  const ContentLoad load = load_content(dir.path());
  ASSERT_EQ(load.problems.size(), 1u) << all(load.problems);
  EXPECT_EQ(load.problems[0].line, 2);
  EXPECT_EQ(load.problems[0].column, 11);
  EXPECT_NE(load.problems[0].message.find("UTF-8"), std::string::npos);
}

TEST(ContentValidation, AbsurdSizes) {
  TempDir dir;
  write_valid_content(dir.path());
  write_text(dir / "departments/huge.json", std::string(2 << 20, ' '));
  auto d = valid_department("beta");
  std::string long_name;
  for (int i = 0; i < 100; ++i) long_name += "长";
  d["name"] = long_name;
  write_json(dir / "departments/beta.json", d);
  const ContentLoad load = load_content(dir.path());
  EXPECT_TRUE(reported(load, "huge.json", "", "bytes, more than")) << all(load.problems);
  EXPECT_TRUE(reported(load, "beta.json", "$.name", "100 characters long"));
}

TEST(ContentValidation, NestingTooDeep) {
  TempDir dir;
  write_valid_content(dir.path());
  std::string deep = "{\"id\": ";
  for (int i = 0; i < 40; ++i) deep += "[";
  for (int i = 0; i < 40; ++i) deep += "]";
  write_text(dir / "departments/beta.json", deep + "}");
  EXPECT_TRUE(reported(load_content(dir.path()), "beta.json", "", "nesting deeper"));
}

TEST(ContentValidation, UnknownKeyIsATypoNotIgnored) {
  TempDir dir;
  write_valid_content(dir.path());
  auto d = valid_department("beta");
  d["adress"] = "测试路";
  write_json(dir / "departments/beta.json", d);
  const ContentLoad load = load_content(dir.path());
  EXPECT_TRUE(reported(load, "beta.json", "$.adress", "not a known field")) << all(load.problems);
}

TEST(ContentValidation, DuplicateKeyInOneObject) {
  TempDir dir;
  write_valid_content(dir.path());
  write_text(dir / "departments/beta.json", "{\"id\": \"beta\", \"id\": \"beta\"}");
  EXPECT_TRUE(reported(load_content(dir.path()), "beta.json", "", "appears twice"));
}

TEST(ContentValidation, InconsistentValues) {
  TempDir dir;
  write_valid_content(dir.path());
  auto d = valid_department("beta");
  d["approval_items"][0]["promised_days"] = 30;
  d["category"] = "其他";
  d["fees"] = {{"items", nlohmann::json::array()}};
  d["duties"]["published"]["date"] = "2026-02-30";
  write_json(dir / "departments/beta.json", d);
  const ContentLoad load = load_content(dir.path());
  EXPECT_TRUE(reported(load, "beta.json", "$.approval_items[0].promised_days", "must not exceed")) << all(load.problems);
  EXPECT_TRUE(reported(load, "beta.json", "$.category", "is not one of"));
  EXPECT_TRUE(reported(load, "beta.json", "$.fees.no_fee_statement", "must say so"));
  EXPECT_TRUE(reported(load, "beta.json", "$.duties.published.date", "real day"));
}

TEST(ContentValidation, CharactersTheKioskCannotDraw) {
  TempDir dir;
  write_valid_content(dir.path());
  auto d = valid_department("beta");
  d["introduction"] = "生僻字𠀀在此";
  write_json(dir / "departments/beta.json", d);
  EXPECT_TRUE(reported(load_content(dir.path()), "beta.json", "$.introduction", "U+20000"));
}

// Pasted from a web page or a word processor, these are invisible in an editor: noncharacters,
// zero-width marks and direction overrides (U+202E reverses what follows). Each is refused with
// its code point, file and path, never drawn as '?' (issue 33).
TEST(ContentValidation, NoncharactersAndInvisibleControlsAreRefused) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"\uFFFF", "U+FFFF"}, {"\uFFFE", "U+FFFE"}, {"\uFDD0", "U+FDD0"}, {"\u202E", "U+202E"},
      {"\u200B", "U+200B"}, {"\u200F", "U+200F"}, {"\u2066", "U+2066"}, {"\uFEFF", "U+FEFF"},
  };
  for (const auto& [character, code] : cases) {
    TempDir dir;
    write_valid_content(dir.path());
    auto d = valid_department("beta");
    d["introduction"] = nlohmann::json::parse("\"示例" + character + "简介\"");
    write_json(dir / "departments/beta.json", d);
    EXPECT_TRUE(reported(load_content(dir.path()), "beta.json", "$.introduction", code)) << code;
  }
}

TEST(ContentValidation, EveryProblemIsReportedNotOnlyTheFirst) {
  TempDir dir;
  write_valid_content(dir.path());
  auto d = valid_department("beta");
  d.erase("phone");
  d["name"] = "";
  write_json(dir / "departments/beta.json", d);
  write_text(dir / "departments/gamma.json", "{");
  write_text(dir / "event.json", "{\"county\": \"x\"}");
  const ContentLoad load = load_content(dir.path());
  std::set<std::string> files;
  for (const auto& p : load.problems) files.insert(p.file.filename().string());
  EXPECT_EQ(files, (std::set<std::string>{"beta.json", "gamma.json", "event.json"})) << all(load.problems);
  EXPECT_GE(load.problems.size(), 6u);
}

TEST(ContentValidation, MissingFolderOrNoDepartments) {
  TempDir dir;
  EXPECT_FALSE(load_content(dir / "nope").problems.empty());
  testing::write_json(dir / "event.json", testing::valid_event());
  std::filesystem::create_directories(dir / "departments");
  EXPECT_TRUE(reported(load_content(dir.path()), "departments", "", "holds no department files"));
}

TEST(ContentTexts, GlyphTextsCoverEverythingDrawn) {
  TempDir dir;
  write_valid_content(dir.path());
  const Content content = *load_content(dir.path()).content;
  EXPECT_NE(content.heading_texts().find("测试事项"), std::string::npos);
  EXPECT_NE(content.body_texts().find("《测试条例》第一条"), std::string::npos);
  EXPECT_NE(content.body_texts().find("身份证"), std::string::npos);
  EXPECT_GT(content.distinct_characters(), 20u);
}

TEST(EffectiveEvent, ConfigOverridesOnlyWhatItSets) {
  EventInfo from_content{"示例县", "政务公开日", "2026-05-15", "广场", "0000", true};
  Config config;
  config.event_title = "第九届政务公开日";
  const EventInfo event = effective_event(from_content, config);
  EXPECT_EQ(event.title, "第九届政务公开日");
  EXPECT_EQ(event.county, "示例县");
  EXPECT_EQ(event.date, "2026-05-15");
}

}  // namespace
}  // namespace openday
