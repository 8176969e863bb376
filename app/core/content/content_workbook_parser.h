#pragma once
// Reading one department workbook into the department's JSON (issue 11), cell by cell as the
// layout (content_workbook_layout.h) says, remembering for every JSON path the cell it came
// from. Internal to the workbook import (content_workbook_import.cpp).
#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/content/content_workbook.h"
#include "core/content/xlsx_reader.h"

namespace openday {

struct CellAt {
  std::string sheet;
  std::string cell;  // F7, or empty for the whole sheet
};

// What one workbook becomes: the department as JSON for the validator, and for every JSON path
// the cell it came from, so that the validator's problems can name cells.
struct ParsedWorkbook {
  std::string workbook_name;
  nlohmann::json department = nlohmann::json::object();
  std::map<std::string, CellAt> cells;  // JSON path ("$.approval_items[3].promised_days") -> cell
};

struct WorkbookParse {
  std::set<std::string> reported;  // "审批事项!F7": cells with a problem already
  bool structural = false;         // a sheet, column or row of the layout is missing
  std::optional<CellAt> id_cell;   // where 部门编号 was read
};

// Reads `book` into `out`, adding a problem (in words, naming the cell) for each cell that
// cannot be used. topic_ids: a topic's name -> its id, from topics.json (所属主题 may give either).
WorkbookParse parse_workbook(const XlsxWorkbook& book, ParsedWorkbook& out, std::vector<WorkbookProblem>& problems,
                             const std::map<std::string, std::string>& topic_ids);

}  // namespace openday
