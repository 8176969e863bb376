#pragma once
// Content from spreadsheets (issue 11): each department fills in one workbook (sheets 填写说明,
// 部门信息, 部门职能, 审批事项, 申请材料, 收费项目, 常见问题), the office imports them all into a
// content folder.
// The same layout serves the empty template, the export of the current content and the import.
//
// Cells are normalised before they are checked (the README documents it): spaces around a value
// (also full-width ones) are dropped; in number, day and date fields full-width digits and
// punctuation become half-width (１０ -> 10, ２０２６／５／１５ -> 2026-05-15); a day count may end in
// 个工作日 or 工作日, and 即办 means 0; anything else with words in it (５天, 80元) is refused with the
// cell named. In a list field (受理条件, 职能内容, 所属主题, 关键词, 相关事项编号) each line of a cell
// (Alt+Enter) is one entry. 所属主题 takes a topic's name (社会保障) or its id (shehui-baozhang) from
// the topics.json beside event.json; the export writes names. Workbooks from before issue 14/15
// (no 所属主题 or 关键词 column, no 常见问题 sheet) still import.
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "core/content/content.h"

namespace openday {

// Sheet names, in the order a clerk fills them in.
inline constexpr const char* kSheetGuide = "填写说明";
inline constexpr const char* kSheetDepartment = "部门信息";
inline constexpr const char* kSheetDuties = "部门职能";
inline constexpr const char* kSheetItems = "审批事项";
inline constexpr const char* kSheetMaterials = "申请材料";
inline constexpr const char* kSheetFees = "收费项目";
inline constexpr const char* kSheetFaq = "常见问题";  // optional

// The empty workbook a department fills in. Throws FileWriteError.
void write_content_template(const std::filesystem::path& file);

// One filled workbook per department in out_dir, named after the department (民政局.xlsx).
// Returns the files written. Throws FileWriteError.
std::vector<std::filesystem::path> export_content_workbooks(const Content& content, const std::filesystem::path& out_dir);

struct WorkbookProblem {
  std::string workbook;  // file name, e.g. 民政局.xlsx
  std::string sheet;     // empty for a problem of the whole file
  std::string cell;      // F7; empty for a problem of the whole sheet
  std::string message;
  std::string to_string() const;  // "民政局.xlsx 审批事项!F7: 承诺时限 12 大于法定时限 10"
};

struct ContentImportRequest {
  std::vector<std::filesystem::path> workbooks;
  std::filesystem::path out_dir;
  std::filesystem::path event_file;  // the event.json to put beside the departments
  bool replace = false;              // out_dir may exist and is replaced as a whole
  // The topics.json to put beside the departments; empty: the one beside event_file, if any.
  std::filesystem::path topics_file;
};

struct ContentImportResult {
  std::vector<WorkbookProblem> problems;  // all of them; empty when the import was written
  std::size_t departments = 0;
  std::size_t approval_items = 0;
  std::size_t fee_items = 0;
};

// Reads every workbook, writes the content folder into a temporary folder beside out_dir, runs
// the content validator on it (load_content, as `openday validate` does) and only when nothing
// is wrong renames it to out_dir. Problems name the workbook, sheet and cell. Never throws.
ContentImportResult import_content_workbooks(const ContentImportRequest& request);

}  // namespace openday
