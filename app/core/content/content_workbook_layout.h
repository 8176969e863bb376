#pragma once
// The department workbook's layout (issue 11), derived from the field tables (content_fields.h):
// which sheet holds which columns, in which order. The writer and the parser both read it, so
// the template, the export and the import cannot disagree. Internal to the workbook files.
#include <algorithm>
#include <cstddef>
#include <string_view>
#include <vector>

#include "core/content/content_fields.h"

namespace openday::workbook {

// "法定时限（工作日）" -> "法定时限": headers match on the name before any bracket.
std::string_view base_name(std::string_view header);

// 部门信息 is a form: a label in column A, its value in column B, one row per field.
const std::vector<WorkbookColumn>& department_rows();
const std::vector<const Field<Department>*>& department_row_fields();  // the same rows' fields
const Field<Department>& duties_field();                                // 部门职能's only column
const std::vector<WorkbookColumn>& duty_columns();
const std::vector<WorkbookColumn>& item_columns();
const std::vector<WorkbookColumn>& material_columns();  // column 0: the owning item's 事项编号
const std::vector<WorkbookColumn>& fee_columns();
const std::vector<WorkbookColumn>& faq_columns();
inline constexpr int kMaterialItemColumn = 0;

// The fields of a table sheet in column order (for writing) and in table order (for reading,
// which reports problems in the order the JSON reader would).
template <class R>
std::vector<const Field<R>*> fields_in_columns(const std::vector<Field<R>>& fields, bool column_order) {
  std::vector<const Field<R>*> out;
  for (const auto& field : fields)
    if (field.place == Place::Column) out.push_back(&field);
  if (column_order) std::stable_sort(out.begin(), out.end(), [](const auto* a, const auto* b) { return a->position < b->position; });
  return out;
}

// The columns of a table sheet at their positions.
template <class R>
std::vector<WorkbookColumn> columns_of(const std::vector<Field<R>>& fields, std::vector<WorkbookColumn> leading = {}) {
  std::vector<WorkbookColumn> columns = std::move(leading);
  for (const auto* field : fields_in_columns(fields, true)) {
    if (columns.size() <= static_cast<std::size_t>(field->position)) columns.resize(static_cast<std::size_t>(field->position) + 1);
    columns[static_cast<std::size_t>(field->position)] = field->column;
  }
  return columns;
}

}  // namespace openday::workbook
