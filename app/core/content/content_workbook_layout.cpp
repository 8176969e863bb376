#include "core/content/content_workbook_layout.h"

#include <stdexcept>

namespace openday::workbook {

std::string_view base_name(std::string_view header) {
  for (std::string_view bracket : {"（", "("})
    if (const auto at = header.find(bracket); at != std::string_view::npos) header = header.substr(0, at);
  return header;
}

const std::vector<const Field<Department>*>& department_row_fields() {
  static const std::vector<const Field<Department>*> fields = [] {
    std::vector<const Field<Department>*> out;
    for (const auto& field : department_fields())
      if (field.place == Place::FormRow) out.push_back(&field);
    return out;
  }();
  return fields;
}

const std::vector<WorkbookColumn>& department_rows() {
  static const std::vector<WorkbookColumn> rows = [] {
    std::vector<WorkbookColumn> out;
    for (const auto* field : department_row_fields()) out.push_back(field->column);
    return out;
  }();
  return rows;
}

const Field<Department>& duties_field() {
  static const Field<Department>& field = [] () -> const Field<Department>& {
    for (const auto& f : department_fields())
      if (f.place == Place::OwnSheet) return f;
    throw std::logic_error("the department table has no field on a sheet of its own");
  }();
  return field;
}

const std::vector<WorkbookColumn>& duty_columns() {
  static const std::vector<WorkbookColumn> columns = {duties_field().column};
  return columns;
}

const std::vector<WorkbookColumn>& item_columns() {
  static const std::vector<WorkbookColumn> columns = columns_of(approval_item_fields());
  return columns;
}

const std::vector<WorkbookColumn>& material_columns() {
  static const std::vector<WorkbookColumn> columns =
      columns_of(material_fields(), {{"事项编号", "这份材料属于哪个事项：填 审批事项 表中的事项编号", 22}});
  return columns;
}

const std::vector<WorkbookColumn>& fee_columns() {
  static const std::vector<WorkbookColumn> columns = columns_of(fee_fields());
  return columns;
}

const std::vector<WorkbookColumn>& faq_columns() {
  static const std::vector<WorkbookColumn> columns = columns_of(faq_fields());
  return columns;
}

}  // namespace openday::workbook
