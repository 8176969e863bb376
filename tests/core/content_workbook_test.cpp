// Content from spreadsheets (issue 11): the template, the export, the import of department
// workbooks, and every clerk mistake named by workbook, sheet and cell.
#include <gtest/gtest.h>
#include <minizip/unzip.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "core/content/content.h"
#include "core/content/content_workbook.h"
#include "core/content/xlsx_reader.h"
#include "support/temp_dir.h"
#include "support/xlsx_builder.h"

namespace openday {
namespace {

using testing::HandWorkbook;
using testing::TempDir;

const std::filesystem::path kSample = std::filesystem::path(OPENDAY_ASSETS_DIR) / "content";

// ---- a department's workbook as a clerk fills it in, built by hand (inline strings) ----------

using Rows = std::vector<std::vector<std::string>>;

struct ClerkSheet {
  std::string name;
  Rows rows;            // from row 1; "" leaves a cell empty; "#n:10" is the number 10
  std::string merges;   // <mergeCells> XML, if any
};

std::string xml_escaped(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else out.push_back(c);
  }
  return out;
}

std::string sheet_xml(const ClerkSheet& sheet) {
  std::string xml = "<sheetData>";
  for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
    xml += "<row r=\"" + std::to_string(r + 1) + "\">";
    for (std::size_t c = 0; c < sheet.rows[r].size(); ++c) {
      const std::string& v = sheet.rows[r][c];
      if (v.empty()) continue;
      const std::string ref = CellPosition{static_cast<int>(r + 1), static_cast<int>(c + 1)}.name();
      if (v.starts_with("#n:")) xml += "<c r=\"" + ref + "\"><v>" + v.substr(3) + "</v></c>";
      else xml += "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t xml:space=\"preserve\">" + xml_escaped(v) + "</t></is></c>";
    }
    xml += "</row>";
  }
  xml += "</sheetData>";
  if (!sheet.merges.empty()) xml += "<mergeCells>" + sheet.merges + "</mergeCells>";
  return xml;
}

struct ClerkWorkbook {
  std::vector<ClerkSheet> sheets;
  ClerkSheet& operator[](const std::string& name) {
    for (auto& s : sheets)
      if (s.name == name) return s;
    throw std::runtime_error("no sheet " + name);
  }
  void write(const std::filesystem::path& file) const {
    HandWorkbook w;
    for (const auto& s : sheets) w.sheets.push_back({s.name, sheet_xml(s)});
    w.write(file);
  }
};

// A valid workbook of 民政局: one duty, one item with two materials, no fees.
ClerkWorkbook minzheng() {
  ClerkWorkbook w;
  w.sheets.push_back({"填写说明", {{"部门公开内容填写说明"}}, ""});
  w.sheets.push_back({"部门信息",
                      {{"项目", "内容"},
                       {"部门编号", "minzheng"},
                       {"部门名称", "县民政局"},
                       {"简称", "民政"},
                       {"分类", "民生保障"},
                       {"地址", "示例县人民路 1 号"},
                       {"办公时间", "周一至周五 8:30-17:30"},
                       {"咨询电话", "0000-1234567"},
                       {"服务窗口", "行政服务中心二楼 12 号窗口"},
                       {"部门简介", "负责全县民政工作。"},
                       {"职能公布日期", "2026-05-01"},
                       {"职能公布来源", "县政府门户网站"},
                       {"无收费声明", "本部门无行政事业性收费项目。"}},
                      ""});
  w.sheets.push_back({"部门职能", {{"职能内容"}, {"负责社会救助工作。"}}, ""});
  w.sheets.push_back({"审批事项",
                      {{"事项编号", "事项名称", "事项类型", "设定依据", "法定时限（工作日）", "承诺时限（工作日）", "受理条件", "收费", "办理地点",
                        "可否网上办理", "网上办理地址", "咨询电话", "公布日期", "公布来源"},
                       {"minzheng-dibao", "最低生活保障审批", "行政给付", "《社会救助暂行办法》", "#n:30", "#n:20", "户籍在本县", "不收费",
                        "一楼 3 号窗口", "是", "https://zwfw.example.gov.cn/dibao", "0000-1234567", "2026-05-01", "县政府门户网站"}},
                      ""});
  w.sheets.push_back({"申请材料",
                      {{"事项编号", "材料名称", "是否需原件", "复印件份数", "备注"},
                       {"minzheng-dibao", "户口簿", "是", "#n:1", ""},
                       {"minzheng-dibao", "收入证明", "否", "", "村（社区）出具"}},
                      ""});
  w.sheets.push_back({"收费项目", {{"收费项目", "收费标准（元）", "计费单位", "收费依据", "文号", "备注", "公布日期", "公布来源"}}, ""});
  return w;
}

class ContentWorkbookTest : public ::testing::Test {
 protected:
  std::filesystem::path write(const ClerkWorkbook& w, const std::string& name = "民政局.xlsx") {
    const auto file = dir_ / name;
    w.write(file);
    return file;
  }

  // The hand-built workbooks name no topics, so by default the event travels without the
  // sample's topics.json (with it, every item must name a topic); topics_file brings one.
  ContentImportResult import(const std::vector<std::filesystem::path>& files, bool replace = false,
                             const std::filesystem::path& topics_file = {}) {
    ContentImportRequest request;
    request.workbooks = files;
    request.out_dir = out();
    request.event_file = event_without_topics();
    request.topics_file = topics_file;
    request.replace = replace;
    return import_content_workbooks(request);
  }

  std::filesystem::path event_without_topics() {
    const auto folder = dir_ / "event-only";
    std::filesystem::create_directories(folder);
    std::filesystem::copy_file(kSample / "event.json", folder / "event.json", std::filesystem::copy_options::overwrite_existing);
    return folder / "event.json";
  }

  std::filesystem::path out() const { return dir_ / "content"; }

  static std::vector<std::string> lines(const ContentImportResult& result) {
    std::vector<std::string> out;
    for (const auto& p : result.problems) out.push_back(p.to_string());
    return out;
  }

  static std::string joined(const ContentImportResult& result) {
    std::string out;
    for (const auto& line : lines(result)) out += line + "\n";
    return out;
  }

  static bool has(const ContentImportResult& result, const std::string& line) {
    const auto all = lines(result);
    return std::find(all.begin(), all.end(), line) != all.end();
  }

  static bool has_prefix(const ContentImportResult& result, const std::string& prefix) {
    const auto all = lines(result);
    return std::any_of(all.begin(), all.end(), [&](const std::string& l) { return l.starts_with(prefix); });
  }

  const Department& imported_department() {
    loaded_ = load_content(out());
    EXPECT_TRUE(loaded_.problems.empty());
    if (!loaded_.content || loaded_.content->departments.empty()) throw std::runtime_error("nothing imported");
    return loaded_.content->departments.front();
  }

  TempDir dir_;
  ContentLoad loaded_;
};

TEST_F(ContentWorkbookTest, ExportThenImportGivesTheSameContent) {
  const ContentLoad original = load_content(kSample);
  ASSERT_TRUE(original.content);
  // The round trip carries every field: the sample has topics, keywords and 常见问题 to carry.
  const auto& departments = original.content->departments;
  ASSERT_TRUE(std::any_of(departments.begin(), departments.end(), [](const Department& d) { return !d.faq.empty(); }));
  ASSERT_TRUE(std::any_of(departments.begin(), departments.end(), [](const Department& d) {
    return std::any_of(d.approval_items.begin(), d.approval_items.end(), [](const ApprovalItem& i) { return !i.keywords.empty() && !i.topics.empty(); });
  }));
  const auto files = export_content_workbooks(*original.content, dir_ / "workbooks");
  ASSERT_EQ(files.size(), original.content->departments.size());
  EXPECT_TRUE(std::filesystem::exists(dir_ / "workbooks" / (original.content->departments.front().name + ".xlsx")));
  ContentImportRequest request;
  request.workbooks = files;
  request.out_dir = out();
  request.event_file = kSample / "event.json";  // topics.json beside it comes along
  const ContentImportResult result = import_content_workbooks(request);
  ASSERT_TRUE(result.problems.empty()) << joined(result);
  EXPECT_EQ(result.departments, original.content->departments.size());
  const ContentLoad again = load_content(out());
  ASSERT_TRUE(again.content);
  ASSERT_EQ(again.content->departments.size(), original.content->departments.size());
  for (const Department& before : original.content->departments) {
    const Department* after = again.content->department(before.id);
    ASSERT_NE(after, nullptr) << before.id;
    EXPECT_TRUE(*after == before) << before.id << " differs after the round trip";
  }
  EXPECT_TRUE(again.content->event.county == original.content->event.county);
  ASSERT_EQ(again.content->topics.size(), original.content->topics.size());
}

// 所属主题 and 关键词 columns and the 常见问题 sheet, added to a hand-built workbook.
ClerkWorkbook minzheng_with_topics(const std::string& topics_cell, const Rows& faq_rows) {
  ClerkWorkbook w = minzheng();
  auto& items = w["审批事项"].rows;
  items[0].insert(items[0].end(), {"所属主题", "关键词"});
  items[1].insert(items[1].end(), {topics_cell, "低保\n救助金"});
  if (!faq_rows.empty()) w.sheets.push_back({"常见问题", faq_rows, ""});
  return w;
}

TEST_F(ContentWorkbookTest, TopicsByNameOrIdKeywordsAndQuestionsImport) {
  const Rows faq = {{"问题", "回答", "相关事项编号"},
                    {"哪些人可以申请低保？", "本县户籍、收入低于低保标准的居民。", "minzheng-dibao"},
                    {"低保多久发一次？", "按月发放。", ""}};
  const ContentImportResult result = import({write(minzheng_with_topics("社会保障\nyanglao", faq))}, false, kSample / "topics.json");
  ASSERT_TRUE(result.problems.empty()) << joined(result);
  const Department& d = imported_department();
  const ApprovalItem& item = d.approval_items.front();
  EXPECT_EQ(item.topics, (std::vector<std::string>{"shehui-baozhang", "yanglao"}));
  EXPECT_EQ(item.keywords, (std::vector<std::string>{"低保", "救助金"}));
  ASSERT_EQ(d.faq.size(), 2u);
  EXPECT_EQ(d.faq[0].question, "哪些人可以申请低保？");
  EXPECT_EQ(d.faq[0].related_items, (std::vector<std::string>{"minzheng-dibao"}));
  EXPECT_TRUE(d.faq[1].related_items.empty());
  EXPECT_TRUE(std::filesystem::exists(out() / "topics.json"));
}

TEST_F(ContentWorkbookTest, AnUnknownTopicNamesItsCell) {
  const ContentImportResult result = import({write(minzheng_with_topics("不存在的主题", {}))}, false, kSample / "topics.json");
  EXPECT_TRUE(has_prefix(result, "民政局.xlsx 审批事项!O2: \"不存在的主题\" is not a topic of topics.json")) << joined(result);
  EXPECT_FALSE(std::filesystem::exists(out()));
}

TEST_F(ContentWorkbookTest, AnUnknownRelatedItemNamesItsCell) {
  const Rows faq = {{"问题", "回答", "相关事项编号"}, {"哪些人可以申请低保？", "本县户籍的居民。", "minzheng-meiyou"}};
  const ContentImportResult result = import({write(minzheng_with_topics("社会保障", faq))}, false, kSample / "topics.json");
  EXPECT_TRUE(has_prefix(result, "民政局.xlsx 常见问题!C2: \"minzheng-meiyou\" is not the id of any approval item")) << joined(result);
  EXPECT_FALSE(std::filesystem::exists(out()));
}

TEST_F(ContentWorkbookTest, WithTopicsJsonAnItemWithoutTopicsIsNamed) {
  // The pre-issue-14 layout has no 所属主题 column: fine without topics.json (the tests above),
  // a problem of the item's row once the county's content has topics.
  const ContentImportResult result = import({write(minzheng())}, false, kSample / "topics.json");
  EXPECT_TRUE(has_prefix(result, "民政局.xlsx 审批事项")) << joined(result);
  EXPECT_FALSE(std::filesystem::exists(out()));
}

TEST_F(ContentWorkbookTest, TheRoundTripComparisonSeesAChangedField) {
  // The model comparison of the round trip is not blind: one changed material note differs.
  const ContentLoad original = load_content(kSample);
  ASSERT_TRUE(original.content);
  Department changed = original.content->departments.front();
  ASSERT_FALSE(changed.approval_items.empty());
  changed.approval_items.front().materials.front().note += "（改）";
  EXPECT_FALSE(changed == original.content->departments.front());
}

TEST_F(ContentWorkbookTest, AHandBuiltWorkbookImports) {
  const ContentImportResult result = import({write(minzheng())});
  ASSERT_TRUE(result.problems.empty()) << joined(result);
  const Department& d = imported_department();
  EXPECT_EQ(d.id, "minzheng");
  ASSERT_EQ(d.approval_items.size(), 1u);
  const ApprovalItem& item = d.approval_items.front();
  EXPECT_EQ(item.statutory_days, 30);
  EXPECT_EQ(item.promised_days, 20);
  EXPECT_TRUE(item.online);
  ASSERT_EQ(item.materials.size(), 2u);
  EXPECT_TRUE(item.materials[0].original);
  EXPECT_EQ(item.materials[0].copies, 1);
  EXPECT_EQ(item.materials[1].copies, 0) << "an empty 复印件份数 is 0";
  EXPECT_EQ(item.materials[1].note, "村（社区）出具");
  EXPECT_EQ(d.no_fee_statement, "本部门无行政事业性收费项目。");
  // The kiosk's service user reads the folder an administrator imported.
  using std::filesystem::perms;
  EXPECT_NE(std::filesystem::status(out() / "departments" / "minzheng.json").permissions() & perms::others_read, perms::none);
  EXPECT_NE(std::filesystem::status(out()).permissions() & perms::others_exec, perms::none);
}

TEST_F(ContentWorkbookTest, CellsAsClerksReallyTypeThem) {
  ClerkWorkbook w = minzheng();
  auto& items = w["审批事项"].rows;
  items[1][4] = "３０";           // full-width digits, as text
  items[1][5] = "20个工作日 ";     // a unit and a trailing space
  items[1][6] = "户籍在本县\n家庭人均收入低于低保标准\n";  // Alt+Enter: two conditions, an empty last line
  items[1][12] = "２０２６年５月１日";
  items[1][1] = "  最低生活保障审批\u3000";  // spaces around, one ideographic
  auto& fees = w["收费项目"].rows;
  fees.push_back({"证书工本费", "０．５", "元/本", "《收费通知》", "价费字〔2020〕12号", "", "2026/5/1", "县物价局网站"});
  w["部门信息"].rows[12][1] = "";  // fees now: no statement
  // A title merged across the top, above the header; an empty trailing row.
  auto& materials = w["申请材料"];
  materials.rows.insert(materials.rows.begin(), {"申请材料清单"});
  materials.merges = R"(<mergeCell ref="A1:E1"/>)";
  materials.rows.push_back({"", "", "", "", " "});
  const ContentImportResult result = import({write(w)});
  ASSERT_TRUE(result.problems.empty()) << joined(result);
  const Department& d = imported_department();
  const ApprovalItem& item = d.approval_items.front();
  EXPECT_EQ(item.statutory_days, 30);
  EXPECT_EQ(item.promised_days, 20);
  EXPECT_EQ(item.name, "最低生活保障审批");
  ASSERT_EQ(item.conditions.size(), 2u);
  EXPECT_EQ(item.conditions[1], "家庭人均收入低于低保标准");
  EXPECT_EQ(item.published.date, "2026-05-01");
  EXPECT_EQ(item.materials.size(), 2u);
  ASSERT_EQ(d.fees.size(), 1u);
  EXPECT_EQ(d.fees[0].amount, "0.5");
  EXPECT_EQ(d.fees[0].published.date, "2026-05-01");
}

TEST_F(ContentWorkbookTest, PromisedDaysOverStatutoryNamesTheCell) {
  ClerkWorkbook w = minzheng();
  w["审批事项"].rows[1][4] = "#n:10";
  w["审批事项"].rows[1][5] = "#n:12";
  const ContentImportResult result = import({write(w)});
  EXPECT_TRUE(has(result, "民政局.xlsx 审批事项!F2: 承诺时限 12 大于法定时限 10")) << joined(result);
  EXPECT_EQ(result.problems.size(), 1u) << "the validator's own complaint about F2 is not repeated:\n" << joined(result);
  EXPECT_FALSE(std::filesystem::exists(out()));
}

// Issue 33: a 60 MB cell was reported against the JSON file the import writes in between.
TEST_F(ContentWorkbookTest, A60MbCellIsNamedByItsWorkbookSheetCellAndTheBound) {
  ClerkWorkbook w = minzheng();
  w["部门信息"].rows[9][1] = std::string(60u << 20, 'a');
  const ContentImportResult result = import({write(w)});
  ASSERT_EQ(result.problems.size(), 1u) << joined(result);
  const WorkbookProblem& problem = result.problems[0];
  EXPECT_EQ(problem.workbook, "民政局.xlsx");
  EXPECT_EQ(problem.sheet, "部门信息");
  EXPECT_EQ(problem.cell, "B10");
  EXPECT_NE(problem.message.find("32767"), std::string::npos) << problem.message;
  EXPECT_EQ(problem.message.find(".json"), std::string::npos) << problem.message;
  EXPECT_FALSE(std::filesystem::exists(out()));
}

TEST_F(ContentWorkbookTest, WordsInANumberAreRefusedWithTheCell) {
  ClerkWorkbook w = minzheng();
  w["审批事项"].rows[1][4] = "５天";
  w["申请材料"].rows[1][3] = "1份";
  const ContentImportResult result = import({write(w)});
  EXPECT_TRUE(has_prefix(result, "民政局.xlsx 审批事项!E2: 法定时限 应填工作日天数的整数")) << joined(result);
  EXPECT_NE(joined(result).find("现为 “５天”"), std::string::npos);
  EXPECT_TRUE(has_prefix(result, "民政局.xlsx 申请材料!D2: 复印件份数 应填整数")) << joined(result);
}

TEST_F(ContentWorkbookTest, ARenamedSheetIsNamed) {
  ClerkWorkbook w = minzheng();
  w["收费项目"].name = "Sheet6";
  const ContentImportResult result = import({write(w)});
  ASSERT_EQ(result.problems.size(), 1u) << joined(result);
  const std::string line = result.problems.front().to_string();
  EXPECT_TRUE(line.starts_with("民政局.xlsx: 缺少工作表 收费项目")) << line;
  EXPECT_NE(line.find("Sheet6"), std::string::npos) << line;
}

TEST_F(ContentWorkbookTest, EveryProblemOfEveryWorkbookIsListedAtOnceAndNothingIsWritten) {
  ClerkWorkbook a = minzheng();
  a["部门信息"].rows[4][1] = "民生";                  // not a category
  a["审批事项"].rows[1][9] = "可以网上办";             // not 是/否
  a["审批事项"].rows[1][12] = "五月一日";              // not a date
  ClerkWorkbook b = minzheng();
  b["部门信息"].rows[1][1] = "minzheng-b";
  b["审批事项"].rows[1][0] = "minzheng-b-1";
  b["申请材料"].rows[1][0] = "minzheng-b-1";
  b["申请材料"].rows[2][0] = "minzheng-b-9";          // no such item
  b["审批事项"].rows[1][1] = std::string(61, 'x');  // 61 characters: over the validator's limit of 60
  const ContentImportResult result = import({write(a), write(b, "社保局.xlsx")});
  EXPECT_TRUE(has_prefix(result, "民政局.xlsx 部门信息!B5: 分类 “民生” 不在可选值中")) << joined(result);
  EXPECT_TRUE(has_prefix(result, "民政局.xlsx 审批事项!J2: 可否网上办理 应填 是 或 否")) << joined(result);
  EXPECT_TRUE(has_prefix(result, "民政局.xlsx 审批事项!M2: 公布日期 应为日期")) << joined(result);
  EXPECT_TRUE(has(result, "社保局.xlsx 申请材料!A3: 事项编号 minzheng-b-9 在 审批事项 表中没有")) << joined(result);
  EXPECT_TRUE(has_prefix(result, "社保局.xlsx 审批事项!B2: ")) << "the validator's length check, mapped to the cell:\n" << joined(result);
  EXPECT_FALSE(std::filesystem::exists(out()));
  for (const auto& entry : std::filesystem::directory_iterator(dir_.path()))
    EXPECT_FALSE(entry.path().filename().string().starts_with(".content.import")) << "a staging folder was left: " << entry.path();
}

TEST_F(ContentWorkbookTest, AMissingColumnAndMaterialsAndDuplicatesAreNamed) {
  ClerkWorkbook w = minzheng();
  w["申请材料"].rows.resize(1);  // no materials at all
  auto& duties = w["部门职能"].rows;
  duties[0][0] = "职能";           // header renamed
  ClerkWorkbook twin = minzheng();
  ContentImportResult result = import({write(w)});
  EXPECT_TRUE(has_prefix(result, "民政局.xlsx 部门职能: 找不到列名行")) << joined(result);
  EXPECT_TRUE(has(result, "民政局.xlsx 审批事项!A2: 事项 minzheng-dibao 在 申请材料 表中没有任何材料（至少一份）")) << joined(result);
  result = import({write(minzheng()), write(twin, "民政局副本.xlsx")});
  EXPECT_TRUE(has(result, "民政局副本.xlsx 部门信息!B2: 部门编号 minzheng 与 民政局.xlsx 重复")) << joined(result);
}

TEST_F(ContentWorkbookTest, AHostileFileAmongTheWorkbooksIsNamed) {
  std::string ole = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
  ole.resize(2048, '\0');
  std::ofstream(dir_ / "卫生局.xlsx", std::ios::binary) << ole;
  const ContentImportResult result = import({write(minzheng()), dir_ / "卫生局.xlsx"});
  ASSERT_EQ(result.problems.size(), 1u) << joined(result);
  EXPECT_TRUE(result.problems.front().to_string().starts_with("卫生局.xlsx: ")) << joined(result);
  EXPECT_NE(joined(result).find("请另存为 .xlsx"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(out()));
}

TEST_F(ContentWorkbookTest, AnExistingFolderIsReplacedOnlyWhenAsked) {
  const auto file = write(minzheng());
  ASSERT_TRUE(import({file}).problems.empty());
  ClerkWorkbook renamed = minzheng();
  renamed["部门信息"].rows[2][1] = "示例县民政局";
  const auto second = write(renamed, "民政局2.xlsx");
  ContentImportResult result = import({second});
  EXPECT_TRUE(has_prefix(result, out().string() + ": 已存在")) << joined(result);
  EXPECT_EQ(imported_department().name, "县民政局");
  result = import({second}, true);
  ASSERT_TRUE(result.problems.empty()) << joined(result);
  EXPECT_EQ(imported_department().name, "示例县民政局");
  // An invalid import with --replace leaves the old folder as it was.
  ClerkWorkbook broken = minzheng();
  broken["审批事项"].rows[1][5] = "#n:99";
  result = import({write(broken, "坏.xlsx")}, true);
  EXPECT_FALSE(result.problems.empty());
  EXPECT_EQ(imported_department().name, "示例县民政局");
}

// --replace deleted whatever --out named: a folder of someone's files was gone, a regular file
// became a folder (issue 33). Only an absent path, an empty folder or a content folder (event.json,
// departments/ of .json files, topics.json, nothing else) is replaced.
TEST_F(ContentWorkbookTest, ReplaceRefusesAnythingButAContentFolder) {
  const auto file = write(minzheng());
  const std::string rule = "--replace 只替换不存在的路径、空文件夹，或 OpenDay 内容文件夹";
  auto refused = [&](const std::string& why) {
    const ContentImportResult result = import({file}, true);
    EXPECT_TRUE(has_prefix(result, out().string() + ": " + why)) << joined(result);
    EXPECT_NE(joined(result).find(rule), std::string::npos) << joined(result);
  };
  std::filesystem::create_directories(out() / "photos");
  std::ofstream(out() / "notes.txt") << "mine";
  refused("缺少 event.json 或 departments/");
  EXPECT_TRUE(std::filesystem::exists(out() / "notes.txt"));
  EXPECT_TRUE(std::filesystem::exists(out() / "photos"));
  std::filesystem::remove_all(out());

  std::ofstream(out()) << "a file";
  refused("不是文件夹");
  EXPECT_TRUE(std::filesystem::is_regular_file(out()));
  std::filesystem::remove(out());

  // A content folder with something foreign in it, or with something foreign among departments.
  ASSERT_TRUE(import({file}).problems.empty());
  std::ofstream(out() / "notes.txt") << "mine";
  refused("其中有不属于内容文件夹的 " + (out() / "notes.txt").string());
  std::filesystem::remove(out() / "notes.txt");
  std::ofstream(out() / "departments" / "notes.txt") << "mine";
  refused("其中有不属于内容文件夹的 " + (out() / "departments" / "notes.txt").string());
  EXPECT_TRUE(std::filesystem::exists(out() / "departments" / "notes.txt"));
  std::filesystem::remove(out() / "departments" / "notes.txt");

  // A symlink to a content folder is not replaced either (the folder it names would stay, the link would go).
  const auto real = dir_ / "real-content";
  std::filesystem::rename(out(), real);
  std::filesystem::create_directory_symlink(real, out());
  refused("是符号链接");
  std::filesystem::remove(out());
  std::filesystem::rename(real, out());

  // What may be replaced: the content folder itself, and an empty folder.
  EXPECT_TRUE(import({file}, true).problems.empty());
  std::filesystem::remove_all(out());
  std::filesystem::create_directory(out());
  const ContentImportResult result = import({file}, true);
  EXPECT_TRUE(result.problems.empty()) << joined(result);
  EXPECT_EQ(imported_department().name, "县民政局");
}

// The raw XML of one part of a workbook written by libxlsxwriter.
std::string part_of(const std::filesystem::path& file, const std::string& part) {
  unzFile zip = unzOpen64(file.c_str());
  if (!zip) return "";
  std::string out;
  if (unzLocateFile(zip, part.c_str(), 1) == UNZ_OK && unzOpenCurrentFile(zip) == UNZ_OK) {
    char buffer[4096];
    int got = 0;
    while ((got = unzReadCurrentFile(zip, buffer, sizeof buffer)) > 0) out.append(buffer, static_cast<std::size_t>(got));
    unzCloseCurrentFile(zip);
  }
  unzClose(zip);
  return out;
}

TEST_F(ContentWorkbookTest, TheTemplateHasTheSheetsHeadersCommentsAndDropDowns) {
  const auto file = dir_ / "template.xlsx";
  write_content_template(file);
  const XlsxRead read = read_xlsx(file);
  ASSERT_TRUE(read.workbook) << read.error;
  std::vector<std::string> names;
  for (const auto& s : read.workbook->sheets) names.push_back(s.name);
  EXPECT_EQ(names, (std::vector<std::string>{"填写说明", "部门信息", "部门职能", "审批事项", "申请材料", "收费项目", "常见问题"}));
  const XlsxSheet* items = read.workbook->sheet("审批事项");
  EXPECT_EQ(items->text(1, 1), "事项编号");
  EXPECT_EQ(items->text(1, 6), "承诺时限（工作日）");
  EXPECT_EQ(items->text(1, 15), "所属主题");
  EXPECT_EQ(items->text(1, 16), "关键词");
  const XlsxSheet* faq = read.workbook->sheet("常见问题");
  EXPECT_EQ(faq->text(1, 1), "问题");
  EXPECT_EQ(faq->text(1, 3), "相关事项编号");
  EXPECT_EQ(read.workbook->sheet("部门信息")->text(5, 1), "分类");
  const std::string items_xml = part_of(file, "xl/worksheets/sheet4.xml");
  EXPECT_NE(items_xml.find("<pane ySplit=\"1\""), std::string::npos) << "the header row is frozen";
  EXPECT_NE(items_xml.find("<dataValidation type=\"list\""), std::string::npos);
  EXPECT_NE(items_xml.find("行政许可"), std::string::npos) << "the 事项类型 drop-down lists the kinds";
  EXPECT_NE(items_xml.find("<col "), std::string::npos) << "column widths are set";
  EXPECT_NE(part_of(file, "xl/comments3.xml").find("不能大于法定时限"), std::string::npos) << "header comments";
  EXPECT_NE(part_of(file, "xl/worksheets/sheet5.xml").find("\"是,否\""), std::string::npos) << "是否需原件 drop-down";
  // The empty template imports as problems, never as a crash or an empty department.
  const ContentImportResult result = import({file});
  EXPECT_FALSE(result.problems.empty());
  EXPECT_TRUE(has_prefix(result, "template.xlsx 部门信息!B2: 部门编号 未填写")) << joined(result);
}

}  // namespace
}  // namespace openday
