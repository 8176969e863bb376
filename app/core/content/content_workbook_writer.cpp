#include <xlsxwriter.h>

#include <algorithm>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/content/content_workbook.h"
#include "core/content/content_workbook_layout.h"
#include "core/util/atomic_file.h"

namespace openday {
namespace {

using namespace workbook;

class WorkbookWriter {
 public:
  explicit WorkbookWriter(const std::filesystem::path& file) : slot_(file), file_(file) {
    workbook_ = workbook_new(slot_.temporary().c_str());
    if (!workbook_) throw FileWriteError(file.string() + ": cannot create the workbook");
    header_ = workbook_add_format(workbook_);
    format_set_bold(header_);
    format_set_bg_color(header_, 0xDDEBF7);
    format_set_border(header_, LXW_BORDER_THIN);
    format_set_text_wrap(header_);
    format_set_align(header_, LXW_ALIGN_VERTICAL_CENTER);
    wrap_ = workbook_add_format(workbook_);
    format_set_text_wrap(wrap_);
    format_set_align(wrap_, LXW_ALIGN_VERTICAL_TOP);
    text_ = workbook_add_format(workbook_);
    format_set_num_format(text_, "@");  // typed ids and dates stay text
    format_set_align(text_, LXW_ALIGN_VERTICAL_TOP);
    title_ = workbook_add_format(workbook_);
    format_set_bold(title_);
    format_set_font_size(title_, 14);
  }
  ~WorkbookWriter() {
    if (workbook_) workbook_close(workbook_);  // only after a failure: the slot removes the file
  }
  WorkbookWriter(const WorkbookWriter&) = delete;
  WorkbookWriter& operator=(const WorkbookWriter&) = delete;

  void close() {
    const lxw_error error = workbook_close(workbook_);
    workbook_ = nullptr;
    if (error != LXW_NO_ERROR) throw FileWriteError(file_.string() + ": writing the workbook failed: " + lxw_strerror(error));
    slot_.commit();
  }

  lxw_worksheet* sheet(const char* name) { return workbook_add_worksheet(workbook_, name); }

  void guide(lxw_worksheet* s, const std::vector<std::pair<std::string, std::vector<std::string>>>& examples) {
    worksheet_set_column(s, 0, 0, 22, nullptr);
    worksheet_set_column(s, 1, 14, 18, nullptr);
    lxw_row_t row = 0;
    worksheet_write_string(s, row++, 0, "部门公开内容填写说明", title_);
    const char* lines[] = {
        "1. 每个部门填写一个工作簿，按 部门信息 → 部门职能 → 审批事项 → 申请材料 → 收费项目 → 常见问题 的顺序填写。",
        "2. 不要改工作表的名称和第一行的列名；把鼠标停在列名上可看到填写要求（批注）。",
        "3. 每行填一条；单元格内需要分条时（受理条件、职能内容、所属主题、关键词、相关事项编号），用 Alt+Enter 换行，每行算一条。",
        "4. 带下拉箭头的列（分类、事项类型、是否需原件、可否网上办理）请从列表中选择。",
        "5. 时限填工作日天数的整数（如 20，也可写 20个工作日），即办填 0；日期写成 2026-05-15。",
        "6. 全角数字（如 １０）会自动转为半角；“５天”“80元”这类带文字的数字会被退回，请只填数字。",
        "7. 每份申请材料填一行，用 事项编号 对应到审批事项；同一事项有几份材料就填几行。",
        "8. 没有收费项目的部门，收费项目表留空，并在 部门信息 的 无收费声明 一栏说明。",
        "9. 所属主题 填主题名称（如 社会保障、生育收养），由公开日办公室统一公布；常见问题 表可留空。",
        "10. 填好后交给公开日办公室，由其导入（openday content import），有问题会逐条指出工作表和单元格。",
    };
    for (const char* line : lines) worksheet_write_string(s, row++, 0, line, nullptr);
    for (const auto& [sheet_name, example] : examples) {
      ++row;
      worksheet_write_string(s, row++, 0, ("示例：" + sheet_name).c_str(), title_);
      const auto& columns = columns_of(sheet_name);
      for (std::size_t c = 0; c < columns.size(); ++c) worksheet_write_string(s, row, static_cast<lxw_col_t>(c), columns[c].header, header_);
      ++row;
      for (std::size_t c = 0; c < example.size(); ++c) worksheet_write_string(s, row, static_cast<lxw_col_t>(c), example[c].c_str(), wrap_);
      ++row;
    }
    worksheet_activate(s);
  }

  // A table sheet: the header row (with comments, frozen), widths, and drop-down lists.
  void table_header(lxw_worksheet* s, const std::vector<WorkbookColumn>& columns) {
    worksheet_set_row(s, 0, 32, nullptr);
    for (std::size_t c = 0; c < columns.size(); ++c) {
      const auto col = static_cast<lxw_col_t>(c);
      worksheet_write_string(s, 0, col, columns[c].header, header_);
      worksheet_write_comment(s, 0, col, columns[c].comment);
      worksheet_set_column(s, col, col, columns[c].width, nullptr);
      if (columns[c].choices) drop_down(s, 1, col, kDataRows, col, *columns[c].choices);
    }
    worksheet_freeze_panes(s, 1, 0);
  }

  void form_header(lxw_worksheet* s) {
    worksheet_write_string(s, 0, 0, "项目", header_);
    worksheet_write_string(s, 0, 1, "内容", header_);
    worksheet_set_column(s, 0, 0, 16, nullptr);
    worksheet_set_column(s, 1, 1, 70, nullptr);
    worksheet_freeze_panes(s, 1, 0);
    const auto& rows = department_rows();
    for (std::size_t r = 0; r < rows.size(); ++r) {
      const auto row = static_cast<lxw_row_t>(r + 1);
      worksheet_write_string(s, row, 0, rows[r].header, header_);
      worksheet_write_comment(s, row, 0, rows[r].comment);
      if (rows[r].choices) drop_down(s, row, 1, row, 1, *rows[r].choices);
    }
  }

  void text(lxw_worksheet* s, lxw_row_t row, lxw_col_t col, const std::string& value) {
    if (value.empty()) return;
    worksheet_write_string(s, row, col, value.c_str(), value.find('\n') == std::string::npos ? text_ : wrap_);
  }
  void number(lxw_worksheet* s, lxw_row_t row, lxw_col_t col, double value) { worksheet_write_number(s, row, col, value, nullptr); }

  static constexpr lxw_row_t kDataRows = 1000;

 private:
  static const std::vector<WorkbookColumn>& columns_of(const std::string& sheet_name) {
    if (sheet_name == kSheetItems) return item_columns();
    if (sheet_name == kSheetMaterials) return material_columns();
    if (sheet_name == kSheetFees) return fee_columns();
    if (sheet_name == kSheetFaq) return faq_columns();
    return duty_columns();
  }

  void drop_down(lxw_worksheet* s, lxw_row_t first_row, lxw_col_t first_col, lxw_row_t last_row, lxw_col_t last_col,
                 const std::vector<std::string>& values) {
    std::vector<std::string> copies(values.begin(), values.end());
    std::vector<char*> list;
    for (auto& v : copies) list.push_back(v.data());
    list.push_back(nullptr);
    lxw_data_validation validation{};
    validation.validate = LXW_VALIDATION_TYPE_LIST;
    validation.value_list = list.data();
    std::string title = "请从列表中选择", message = "只能填写列表中的值";
    validation.error_title = title.data();
    validation.error_message = message.data();
    worksheet_data_validation_range(s, first_row, first_col, last_row, last_col, &validation);
  }

  AtomicFileSlot slot_;
  std::filesystem::path file_;
  lxw_workbook* workbook_ = nullptr;
  lxw_format* header_ = nullptr;
  lxw_format* wrap_ = nullptr;
  lxw_format* text_ = nullptr;
  lxw_format* title_ = nullptr;
};

std::string joined_lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& line : lines) out += (out.empty() ? "" : "\n") + line;
  return out;
}

using Examples = std::vector<std::pair<std::string, std::vector<std::string>>>;

Examples guide_examples() {
  return {
      {kSheetDuties, {"负责全县社会救助工作，拟订城乡居民最低生活保障政策并组织实施。"}},
      {kSheetItems,
       {"minzheng-dibao", "最低生活保障审批", "行政给付", "《社会救助暂行办法》第九条", "30", "20",
        "户籍在本县\n家庭人均收入低于当地最低生活保障标准", "不收费", "行政服务中心一楼 3 号窗口", "是",
        "https://zwfw.example.gov.cn/dibao", "0571-12345678", "2026-05-15", "县政府门户网站", "社会保障", "低保\n救助金"}},
      {kSheetMaterials, {"minzheng-dibao", "户口簿", "是", "1", "家庭成员均需提供"}},
      {kSheetFees, {"婚姻登记证工本费", "9", "元/本", "《关于婚姻登记收费的通知》", "价费字〔2020〕12号", "", "2026-05-15", "县物价局网站"}},
      {kSheetFaq, {"哪些人可以申请低保？", "本县户籍、家庭人均收入低于本县低保标准的城乡居民都可以申请。", "minzheng-dibao"}},
  };
}

// 所属主题 as a clerk reads it: the topic's name where topics.json has it, else the id.
std::string topic_names(const std::vector<std::string>& ids, const std::vector<Topic>& topics) {
  std::vector<std::string> names;
  for (const auto& id : ids) {
    const auto topic = std::find_if(topics.begin(), topics.end(), [&](const Topic& t) { return t.id == id; });
    names.push_back(topic == topics.end() ? id : topic->name);
  }
  return joined_lines(names);
}

// One record's cells in a table row, in column order, each as its kind is written.
template <class R>
void write_row(WorkbookWriter& w, lxw_worksheet* s, lxw_row_t row, const std::vector<Field<R>>& fields, const R& record,
               const std::vector<Topic>& topics) {
  for (const Field<R>* field : fields_in_columns(fields, true)) {
    const auto col = static_cast<lxw_col_t>(field->position);
    switch (field->column.kind) {
      case CellKind::Days:
      case CellKind::Count: w.number(s, row, col, field->slot.integer_of(record)); break;
      case CellKind::YesNo: w.text(s, row, col, field->slot.boolean_of(record) ? "是" : "否"); break;
      case CellKind::Lines: {
        const auto& lines = field->slot.lines_of(record);
        w.text(s, row, col, field->names_topics ? topic_names(lines, topics) : joined_lines(lines));
        break;
      }
      case CellKind::Text:
      case CellKind::Date:
      case CellKind::Amount: w.text(s, row, col, field->slot.text_of(record)); break;
    }
  }
}

void write_department(WorkbookWriter& w, const Department* d, const std::vector<Topic>& topics) {
  w.guide(w.sheet(kSheetGuide), guide_examples());

  lxw_worksheet* info = w.sheet(kSheetDepartment);
  w.form_header(info);
  if (d) {
    const auto& rows = department_row_fields();
    for (std::size_t r = 0; r < rows.size(); ++r) w.text(info, static_cast<lxw_row_t>(r + 1), 1, rows[r]->slot.text_of(*d));
  }

  lxw_worksheet* duties = w.sheet(kSheetDuties);
  w.table_header(duties, duty_columns());
  if (d) {
    const auto& paragraphs = duties_field().slot.lines_of(*d);
    for (std::size_t i = 0; i < paragraphs.size(); ++i) w.text(duties, static_cast<lxw_row_t>(i + 1), 0, paragraphs[i]);
  }

  lxw_worksheet* items = w.sheet(kSheetItems);
  w.table_header(items, item_columns());
  lxw_worksheet* materials = w.sheet(kSheetMaterials);
  w.table_header(materials, material_columns());
  if (d) {
    lxw_row_t material_row = 1;
    for (std::size_t i = 0; i < d->approval_items.size(); ++i) {
      const ApprovalItem& item = d->approval_items[i];
      write_row(w, items, static_cast<lxw_row_t>(i + 1), approval_item_fields(), item, topics);
      for (const Material& m : item.materials) {
        w.text(materials, material_row, kMaterialItemColumn, item.id);
        write_row(w, materials, material_row, material_fields(), m, topics);
        ++material_row;
      }
    }
  }

  lxw_worksheet* fees = w.sheet(kSheetFees);
  w.table_header(fees, fee_columns());
  if (d)
    for (std::size_t i = 0; i < d->fees.size(); ++i) write_row(w, fees, static_cast<lxw_row_t>(i + 1), fee_fields(), d->fees[i], topics);

  lxw_worksheet* faq = w.sheet(kSheetFaq);
  w.table_header(faq, faq_columns());
  if (d)
    for (std::size_t i = 0; i < d->faq.size(); ++i) write_row(w, faq, static_cast<lxw_row_t>(i + 1), faq_fields(), d->faq[i], topics);
  w.close();
}

}  // namespace

void write_content_template(const std::filesystem::path& file) {
  WorkbookWriter writer(file);
  write_department(writer, nullptr, {});
}

std::vector<std::filesystem::path> export_content_workbooks(const Content& content, const std::filesystem::path& out_dir) {
  std::error_code ec;
  std::filesystem::create_directories(out_dir, ec);
  if (ec) throw FileWriteError(out_dir.string() + ": cannot create the folder: " + ec.message());
  std::vector<std::filesystem::path> files;
  std::set<std::string> names;
  for (const Department& d : content.departments) {
    std::string name = d.name;
    std::replace(name.begin(), name.end(), '/', '-');
    if (!names.insert(name).second) name += "-" + d.id;
    names.insert(name);
    const auto file = out_dir / (name + ".xlsx");
    WorkbookWriter writer(file);
    write_department(writer, &d, content.topics);
    files.push_back(file);
  }
  return files;
}

}  // namespace openday
