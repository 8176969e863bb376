#include "core/content/content_workbook.h"

#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <string_view>

#include "core/content/xlsx_reader.h"
#include "core/util/atomic_file.h"
#include "core/util/calendar_date.h"
#include "core/util/utf8.h"

namespace openday {
namespace {

using nlohmann::json;

// ---- the layout ------------------------------------------------------------------------------

enum class Kind {
  Text,    // one line of text
  Lines,   // a list: one entry per line of the cell
  Days,    // working days, a whole number; 即办 = 0
  Count,   // a whole number; empty = 0
  YesNo,   // 是 / 否
  Date,    // YYYY-MM-DD
  Amount,  // a decimal amount, e.g. 80 or 0.5
};

struct Column {
  const char* header;  // what the header cell says; matched up to the first bracket
  const char* comment;
  double width;
  Kind kind = Kind::Text;
  bool required = true;
  const std::vector<std::string>* choices = nullptr;
  // A column added after the first layout: a workbook without it still imports (as empty).
  bool may_be_absent = false;
};

const std::vector<std::string>& yes_no() {
  static const std::vector<std::string> values = {"是", "否"};
  return values;
}

// 部门信息 is a form: a label in column A, its value in column B.
const std::vector<Column>& department_rows() {
  static const std::vector<Column> rows = {
      {"部门编号", "小写字母、数字和连字符，如 minzheng；也是内容文件名，全县不能重复", 40},
      {"部门名称", "全称，如 县民政局（最多 60 字）", 40},
      {"简称", "屏幕上按钮用的短名，如 民政（最多 8 字）", 40},
      {"分类", "从下拉列表中选择", 40, Kind::Text, true, &department_categories()},
      {"地址", "办公地址", 40},
      {"办公时间", "如 周一至周五 8:30-12:00，14:30-17:30", 40},
      {"咨询电话", "如 0571-12345678", 40},
      {"服务窗口", "如 行政服务中心二楼 12 号窗口", 40},
      {"部门简介", "一段话，最多 600 字，不要换行", 40},
      {"职能公布日期", "部门职能公布的日期，如 2026-05-15", 40, Kind::Date},
      {"职能公布来源", "在哪里公布的，如 县政府门户网站", 40},
      {"无收费声明", "没有收费项目时填写，如 本部门无行政事业性收费项目。；有收费项目时留空", 40, Kind::Text, false},
  };
  return rows;
}

const std::vector<Column>& duty_columns() {
  static const std::vector<Column> columns = {
      {"职能内容", "每行一条职能；一个单元格内换行（Alt+Enter）也算多条", 100, Kind::Lines},
  };
  return columns;
}

enum ItemColumn { kItemId, kItemName, kItemKind, kItemBasis, kItemStatutory, kItemPromised, kItemConditions, kItemFee, kItemWhere,
                  kItemOnline, kItemUrl, kItemContact, kItemDate, kItemSource, kItemTopics, kItemKeywords };

const std::vector<Column>& item_columns() {
  static const std::vector<Column> columns = {
      {"事项编号", "小写字母、数字和连字符，全县唯一，如 minzheng-hunyin-dengji；申请材料表用它对应事项", 22},
      {"事项名称", "最多 60 字", 28},
      {"事项类型", "从下拉列表中选择", 14, Kind::Text, true, &approval_item_kinds()},
      {"设定依据", "法律法规名称及条款", 36},
      {"法定时限（工作日）", "整数，如 20；即办填 0", 12, Kind::Days},
      {"承诺时限（工作日）", "整数，不能大于法定时限；即办填 0", 12, Kind::Days},
      {"受理条件", "每条一行（单元格内换行用 Alt+Enter）", 40, Kind::Lines},
      {"收费", "如 不收费，或 工本费 9 元", 16},
      {"办理地点", "如 行政服务中心一楼 3 号窗口", 28},
      {"可否网上办理", "从下拉列表中选择 是 或 否", 12, Kind::YesNo, true, &yes_no()},
      {"网上办理地址", "可网上办理时填写，以 https:// 开头；否则留空", 36, Kind::Text, false},
      {"咨询电话", "如 0571-12345678", 16},
      {"公布日期", "如 2026-05-15", 14, Kind::Date},
      {"公布来源", "在哪里公布的，如 县政府门户网站", 20},
      {"所属主题", "按主题浏览时事项出现在哪些主题下，如 社会保障；每个主题一行（Alt+Enter）", 18, Kind::Lines, false, nullptr, true},
      {"关键词", "群众搜索时会说的词，如 低保、救助金；每个词一行（Alt+Enter），可留空", 22, Kind::Lines, false, nullptr, true},
  };
  return columns;
}

enum MaterialColumn { kMaterialItem, kMaterialName, kMaterialOriginal, kMaterialCopies, kMaterialNote };

const std::vector<Column>& material_columns() {
  static const std::vector<Column> columns = {
      {"事项编号", "这份材料属于哪个事项：填 审批事项 表中的事项编号", 22},
      {"材料名称", "最多 120 字", 36},
      {"是否需原件", "从下拉列表中选择 是 或 否", 12, Kind::YesNo, true, &yes_no()},
      {"复印件份数", "整数，不需要复印件填 0 或留空", 12, Kind::Count, false},
      {"备注", "可留空", 30, Kind::Text, false},
  };
  return columns;
}

enum FeeColumn { kFeeName, kFeeAmount, kFeeUnit, kFeeBasis, kFeeDocument, kFeeNotes, kFeeDate, kFeeSource };

const std::vector<Column>& fee_columns() {
  static const std::vector<Column> columns = {
      {"收费项目", "收费项目名称", 28},
      {"收费标准（元）", "只填数字，如 80 或 0.5；单位写在下一栏", 14, Kind::Amount},
      {"计费单位", "如 元/件、元/平方米", 12},
      {"收费依据", "依据的法规或文件", 36},
      {"文号", "批准收费的文件文号", 24},
      {"备注", "可留空", 24, Kind::Text, false},
      {"公布日期", "如 2026-05-15", 14, Kind::Date},
      {"公布来源", "在哪里公布的，如 县物价局网站", 20},
  };
  return columns;
}

enum FaqColumn { kFaqQuestion, kFaqAnswer, kFaqRelated };

const std::vector<Column>& faq_columns() {
  static const std::vector<Column> columns = {
      {"问题", "群众常问的问题，如 哪些人可以申请低保？（最多 60 字）", 36},
      {"回答", "一段话，不要换行", 70},
      {"相关事项编号", "问题涉及的审批事项编号（可以是别的部门的事项）；每个一行（Alt+Enter），可留空", 26, Kind::Lines, false},
  };
  return columns;
}

// "法定时限（工作日）" -> "法定时限": headers match on the name before any bracket.
std::string_view base_name(std::string_view header) {
  for (std::string_view bracket : {"（", "("})
    if (const auto at = header.find(bracket); at != std::string_view::npos) header = header.substr(0, at);
  return header;
}

// ---- writing ---------------------------------------------------------------------------------

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
  void table_header(lxw_worksheet* s, const std::vector<Column>& columns) {
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
  static const std::vector<Column>& columns_of(const std::string& sheet_name) {
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

void write_department(WorkbookWriter& w, const Department* d, const std::vector<Topic>& topics) {
  w.guide(w.sheet(kSheetGuide), guide_examples());

  lxw_worksheet* info = w.sheet(kSheetDepartment);
  w.form_header(info);
  if (d) {
    const std::vector<std::string> values = {d->id, d->name, d->short_name, d->category, d->address, d->office_hours, d->phone,
                                             d->service_window, d->introduction, d->duties_published.date, d->duties_published.source,
                                             d->no_fee_statement};
    for (std::size_t r = 0; r < values.size(); ++r) w.text(info, static_cast<lxw_row_t>(r + 1), 1, values[r]);
  }

  lxw_worksheet* duties = w.sheet(kSheetDuties);
  w.table_header(duties, duty_columns());
  if (d)
    for (std::size_t i = 0; i < d->duties.size(); ++i) w.text(duties, static_cast<lxw_row_t>(i + 1), 0, d->duties[i]);

  lxw_worksheet* items = w.sheet(kSheetItems);
  w.table_header(items, item_columns());
  lxw_worksheet* materials = w.sheet(kSheetMaterials);
  w.table_header(materials, material_columns());
  if (d) {
    lxw_row_t material_row = 1;
    for (std::size_t i = 0; i < d->approval_items.size(); ++i) {
      const ApprovalItem& item = d->approval_items[i];
      const auto row = static_cast<lxw_row_t>(i + 1);
      w.text(items, row, kItemId, item.id);
      w.text(items, row, kItemName, item.name);
      w.text(items, row, kItemKind, item.kind);
      w.text(items, row, kItemBasis, item.legal_basis);
      w.number(items, row, kItemStatutory, item.statutory_days);
      w.number(items, row, kItemPromised, item.promised_days);
      w.text(items, row, kItemConditions, joined_lines(item.conditions));
      w.text(items, row, kItemFee, item.fee);
      w.text(items, row, kItemWhere, item.where);
      w.text(items, row, kItemOnline, item.online ? "是" : "否");
      w.text(items, row, kItemUrl, item.online_url);
      w.text(items, row, kItemContact, item.contact);
      w.text(items, row, kItemDate, item.published.date);
      w.text(items, row, kItemSource, item.published.source);
      w.text(items, row, kItemTopics, topic_names(item.topics, topics));
      w.text(items, row, kItemKeywords, joined_lines(item.keywords));
      for (const Material& m : item.materials) {
        w.text(materials, material_row, kMaterialItem, item.id);
        w.text(materials, material_row, kMaterialName, m.name);
        w.text(materials, material_row, kMaterialOriginal, m.original ? "是" : "否");
        w.number(materials, material_row, kMaterialCopies, m.copies);
        w.text(materials, material_row, kMaterialNote, m.note);
        ++material_row;
      }
    }
  }

  lxw_worksheet* fees = w.sheet(kSheetFees);
  w.table_header(fees, fee_columns());
  if (d) {
    for (std::size_t i = 0; i < d->fees.size(); ++i) {
      const FeeItem& fee = d->fees[i];
      const auto row = static_cast<lxw_row_t>(i + 1);
      w.text(fees, row, kFeeName, fee.name);
      w.text(fees, row, kFeeAmount, fee.amount);  // as text: "0.50" stays "0.50"
      w.text(fees, row, kFeeUnit, fee.unit);
      w.text(fees, row, kFeeBasis, fee.legal_basis);
      w.text(fees, row, kFeeDocument, fee.document_number);
      w.text(fees, row, kFeeNotes, fee.notes);
      w.text(fees, row, kFeeDate, fee.published.date);
      w.text(fees, row, kFeeSource, fee.published.source);
    }
  }

  lxw_worksheet* faq = w.sheet(kSheetFaq);
  w.table_header(faq, faq_columns());
  if (d) {
    for (std::size_t i = 0; i < d->faq.size(); ++i) {
      const auto row = static_cast<lxw_row_t>(i + 1);
      w.text(faq, row, kFaqQuestion, d->faq[i].question);
      w.text(faq, row, kFaqAnswer, d->faq[i].answer);
      w.text(faq, row, kFaqRelated, joined_lines(d->faq[i].related_items));
    }
  }
  w.close();
}

// ---- reading: normalising a clerk's cells ----------------------------------------------------

// Drops spaces around a value: ASCII white space, the ideographic space U+3000 and NBSP.
std::string trimmed(std::string_view text) {
  auto starts_space = [](std::string_view t) -> std::size_t {
    if (!t.empty() && (t.front() == ' ' || t.front() == '\t' || t.front() == '\n' || t.front() == '\r')) return 1;
    if (t.starts_with("\u3000")) return 3;
    if (t.starts_with("\u00A0")) return 2;
    return 0;
  };
  auto ends_space = [](std::string_view t) -> std::size_t {
    if (!t.empty() && (t.back() == ' ' || t.back() == '\t' || t.back() == '\n' || t.back() == '\r')) return 1;
    if (t.ends_with("\u3000")) return 3;
    if (t.ends_with("\u00A0")) return 2;
    return 0;
  };
  while (std::size_t n = starts_space(text)) text.remove_prefix(n);
  while (std::size_t n = ends_space(text)) text.remove_suffix(n);
  return std::string(text);
}

// Full-width digits and the punctuation of numbers and dates, as half-width.
std::string half_width(std::string_view text) {
  std::string out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    char32_t c = 0;
    const std::size_t length = decode_code_point(text, pos, c);
    if (length == 0) return std::string(text);
    if (c >= U'０' && c <= U'９') out.push_back(static_cast<char>('0' + (c - U'０')));
    else if (c == U'．') out.push_back('.');
    else if (c == U'－') out.push_back('-');
    else if (c == U'／') out.push_back('/');
    else if (c == U'\u3000') out.push_back(' ');
    else out.append(text.substr(pos, length));
    pos += length;
  }
  return out;
}

std::optional<int> whole_number(std::string_view text) {
  if (text.empty() || text.size() > 6 || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) return std::nullopt;
  return std::stoi(std::string(text));
}

// "2026-5-15", "2026/5/15", "2026.5.15", "2026年5月15日" as YYYY-MM-DD when a real day.
std::optional<std::string> normalised_date(std::string_view text) {
  std::string t = half_width(text);
  for (std::string_view mark : {"年", "月"})
    for (auto at = t.find(mark); at != std::string::npos; at = t.find(mark)) t.replace(at, mark.size(), "-");
  if (t.ends_with("日")) t.resize(t.size() - std::string_view("日").size());
  std::replace(t.begin(), t.end(), '/', '-');
  std::replace(t.begin(), t.end(), '.', '-');
  int parts[3] = {0, 0, 0};
  std::size_t start = 0;
  for (int i = 0; i < 3; ++i) {
    const std::size_t end = i < 2 ? t.find('-', start) : t.size();
    if (end == std::string::npos) return std::nullopt;
    const auto n = whole_number(std::string_view(t).substr(start, end - start));
    if (!n) return std::nullopt;
    parts[i] = *n;
    start = end + 1;
  }
  char out[16];
  std::snprintf(out, sizeof out, "%04d-%02d-%02d", parts[0] % 10000, parts[1] % 100, parts[2] % 100);
  if (!parse_calendar_date(out)) return std::nullopt;
  return std::string(out);
}

struct CellAt {
  std::string sheet;
  std::string cell;  // F7, or empty for the whole sheet
};

// What one workbook becomes: the department as JSON for the validator, and for every JSON path
// the cell it came from, so that the validator's problems can name cells.
struct ParsedWorkbook {
  std::string workbook_name;
  json department = json::object();
  std::map<std::string, CellAt> cells;  // JSON path ("$.approval_items[3].promised_days") -> cell
};

class WorkbookParser {
 public:
  // topic_ids: a topic's name -> its id, from topics.json (所属主题 may give either).
  WorkbookParser(const XlsxWorkbook& book, ParsedWorkbook& out, std::vector<WorkbookProblem>& problems,
                 const std::map<std::string, std::string>& topic_ids)
      : book_(book), out_(out), problems_(problems), topic_ids_(topic_ids) {}

  void parse() {
    const bool sheets_ok = require_sheets();
    if (!sheets_ok) return;
    read_department();
    read_duties();
    read_items();
    read_materials();
    read_fees();
    read_faq();
  }

 private:
  struct Table {
    const XlsxSheet* sheet = nullptr;
    int header_row = 0;
    std::vector<int> columns;  // per Column: the sheet's column, 0 when missing
  };

  void structure_problem(const std::string& sheet, const std::string& cell, std::string message) {
    structural_ = true;
    problem(sheet, cell, std::move(message));
  }

  void problem(const std::string& sheet, const std::string& cell, std::string message) {
    problems_.push_back({out_.workbook_name, sheet, cell, std::move(message)});
    if (!cell.empty()) reported_.insert(sheet + "!" + cell);
  }

  bool require_sheets() {
    std::string found;
    for (const auto& s : book_.sheets) found += (found.empty() ? "" : "、") + s.name;
    bool ok = true;
    for (const char* name : {kSheetDepartment, kSheetDuties, kSheetItems, kSheetMaterials, kSheetFees}) {
      if (book_.sheet(name)) continue;
      structure_problem("", "", std::string("缺少工作表 ") + name + "（工作簿中的工作表：" + found + "；可能被改了名，请改回 " + name + "）");
      ok = false;
    }
    return ok;
  }

  void map(const std::string& path, const std::string& sheet, const std::string& cell) { out_.cells[path] = {sheet, cell}; }

  // A cell's value normalised for its kind; nullopt (after reporting) when it cannot be used
  // or is empty. Records the JSON path -> cell mapping in any case.
  std::optional<json> value(const XlsxSheet& sheet, int row, int column, const Column& spec, const std::string& path) {
    if (column == 0) {  // the column is missing: reported once for the sheet
      map(path, sheet.name, "");
      return spec.kind == Kind::Count ? std::optional<json>(json(0)) : std::nullopt;
    }
    const std::string cell = CellPosition{row, column}.name();
    map(path, sheet.name, cell);
    const XlsxCell* raw = column > 0 ? sheet.cell(row, column) : nullptr;
    const std::string label = std::string(base_name(spec.header));
    std::string text = raw ? trimmed(raw->text) : std::string();
    if (text.empty()) {
      if (spec.kind == Kind::Count) return json(0);
      if (spec.required) problem(sheet.name, cell, label + " 未填写（必填）");
      return std::nullopt;
    }
    if (raw->kind == XlsxCell::Kind::Error) {
      problem(sheet.name, cell, label + " 是错误值 " + text + "，请填写实际内容");
      return std::nullopt;
    }
    switch (spec.kind) {
      case Kind::Text:
        if (text.find('\n') != std::string::npos) {
          problem(sheet.name, cell, label + " 只能填一行，单元格内有换行（Alt+Enter），请删去换行");
          return std::nullopt;
        }
        if (spec.choices && std::find(spec.choices->begin(), spec.choices->end(), text) == spec.choices->end()) {
          std::string choices;
          for (const auto& c : *spec.choices) choices += (choices.empty() ? "" : "、") + c;
          problem(sheet.name, cell, label + " “" + text + "” 不在可选值中（" + choices + "），请从下拉列表中选择");
          return std::nullopt;
        }
        return json(text);
      case Kind::Lines: return json(lines_of(text));
      case Kind::Days:
      case Kind::Count: return whole_number_value(sheet.name, cell, label, spec.kind, *raw, text);
      case Kind::YesNo: {
        const std::string t = half_width(text);
        if (t == "是" || t == "TRUE" || t == "可以" || t == "需要") return json(true);
        if (t == "否" || t == "FALSE" || t == "不可以" || t == "不需要") return json(false);
        problem(sheet.name, cell, label + " 应填 是 或 否，现为 “" + text + "”");
        return std::nullopt;
      }
      case Kind::Date: {
        if (raw->kind == XlsxCell::Kind::Date && parse_calendar_date(raw->text)) return json(raw->text);
        if (auto date = normalised_date(text)) return json(*date);
        problem(sheet.name, cell, label + " 应为日期，如 2026-05-15，现为 “" + text + "”");
        return std::nullopt;
      }
      case Kind::Amount: {
        const std::string t = half_width(text);
        const auto dot = t.find('.');
        const bool digits = !t.empty() && t.front() != '.' && t.back() != '.' &&
                            std::all_of(t.begin(), t.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; }) &&
                            std::count(t.begin(), t.end(), '.') <= 1 && (dot == std::string::npos || t.size() - dot - 1 <= 2);
        if (digits) return json(t);
        problem(sheet.name, cell, label + " 只能填金额数字（如 80 或 0.5，最多两位小数，单位写在 计费单位 一栏），现为 “" + text + "”");
        return std::nullopt;
      }
    }
    return std::nullopt;
  }

  static std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
      const std::size_t end = std::min(text.find('\n', start), text.size());
      std::string line = trimmed(std::string_view(text).substr(start, end - start));
      if (!line.empty()) out.push_back(std::move(line));
      start = end + 1;
    }
    return out;
  }

  std::optional<json> whole_number_value(const std::string& sheet, const std::string& cell, const std::string& label, Kind kind,
                                         const XlsxCell& raw, const std::string& text) {
    if (raw.kind == XlsxCell::Kind::Number) {
      if (raw.number >= 0 && raw.number <= 100000 && raw.number == static_cast<double>(static_cast<int>(raw.number)))
        return json(static_cast<int>(raw.number));
    } else {
      std::string t = half_width(text);
      if (kind == Kind::Days) {
        if (t == "即办") return json(0);
        for (std::string_view unit : {"个工作日", "工作日"})
          if (t.ends_with(unit)) t = trimmed(std::string_view(t).substr(0, t.size() - unit.size()));
      }
      if (const auto n = whole_number(t)) return json(*n);
    }
    const std::string hint = kind == Kind::Days ? "应填工作日天数的整数，如 20（即办填 0）" : "应填整数，如 1";
    problem(sheet, cell, label + " " + hint + "，现为 “" + text + "”");
    return std::nullopt;
  }

  void put(json& object, const std::string& key, std::optional<json> v) {
    if (v) object[key] = std::move(*v);
  }

  // The header row of a table sheet: the first of the top rows that names the first column.
  // Columns are found by their names, so a clerk's reordered or inserted columns still read.
  Table table(const char* sheet_name, const std::vector<Column>& columns) {
    Table t;
    t.sheet = book_.sheet(sheet_name);
    const std::string_view key = base_name(columns.front().header);
    for (int row = 1; row <= std::min(t.sheet->last_row, 20) && t.header_row == 0; ++row)
      for (int col = 1; col <= 60; ++col)
        if (trimmed(t.sheet->text(row, col)) == key) t.header_row = row;
    if (t.header_row == 0) {
      structure_problem(sheet_name, "", std::string("找不到列名行（第一列应为 ") + std::string(key) + "），请不要修改列名");
      t.sheet = nullptr;
      return t;
    }
    t.columns.assign(columns.size(), 0);
    for (int col = 1; col <= 60; ++col) {
      const std::string header = trimmed(t.sheet->text(t.header_row, col));
      for (std::size_t c = 0; c < columns.size(); ++c)
        if (t.columns[c] == 0 && !header.empty() && base_name(header) == base_name(columns[c].header)) t.columns[c] = col;
    }
    for (std::size_t c = 0; c < columns.size(); ++c)
      if (t.columns[c] == 0 && !columns[c].may_be_absent)
        structure_problem(sheet_name, CellPosition{t.header_row, 1}.name(), std::string("缺少列 ") + columns[c].header + "，请不要删除或改名");
    return t;
  }

  // The cells of one table row: field(column, ".name") reads the layout's column through value(),
  // mapping the JSON path at + ".name" to the cell.
  auto row_reader(const Table& t, int row, const std::vector<Column>& columns, const std::string& at) {
    return [this, &t, row, &columns, at](int column, const std::string& suffix) {
      const auto c = static_cast<std::size_t>(column);
      return value(*t.sheet, row, t.columns[c], columns[c], at + suffix);
    };
  }

  // Data rows below the header with anything in the layout's columns (empty rows are skipped).
  static std::vector<int> data_rows(const Table& t) {
    std::vector<int> rows;
    if (!t.sheet) return rows;
    for (int row = t.header_row + 1; row <= t.sheet->last_row; ++row) {
      const bool any = std::any_of(t.columns.begin(), t.columns.end(), [&](int col) { return col > 0 && !trimmed(t.sheet->text(row, col)).empty(); });
      if (any) rows.push_back(row);
    }
    return rows;
  }

  void read_department() {
    const XlsxSheet& sheet = *book_.sheet(kSheetDepartment);
    json& d = out_.department;
    map("$", sheet.name, "A1");
    static const char* const keys[] = {"id", "name", "short_name", "category", "address", "office_hours", "phone", "service_window",
                                       "introduction", "duties.published.date", "duties.published.source", "fees.no_fee_statement"};
    const auto& rows = department_rows();
    json published = json::object();
    for (std::size_t r = 0; r < rows.size(); ++r) {
      const std::string key = keys[r];
      int found = 0;
      for (int row = 1; row <= std::min(sheet.last_row, 200) && !found; ++row)
        if (trimmed(sheet.text(row, 1)) == base_name(rows[r].header)) found = row;
      if (!found) {
        structure_problem(sheet.name, "", std::string("缺少 ") + rows[r].header + " 一行（A 列写项目名，B 列写内容），请不要删除或改名");
        map("$." + key, sheet.name, "");
        continue;
      }
      auto v = value(sheet, found, 2, rows[r], "$." + key);
      if (key == "duties.published.date") put(published, "date", std::move(v));
      else if (key == "duties.published.source") put(published, "source", std::move(v));
      else if (key == "fees.no_fee_statement") no_fee_statement_ = std::move(v);
      else put(d, key, std::move(v));
      if (key == "id") id_cell_ = CellAt{sheet.name, CellPosition{found, 2}.name()};
    }
    map("$.duties.published", sheet.name, "");
    d["duties"]["published"] = published;
  }

  void read_duties() {
    const Table t = table(kSheetDuties, duty_columns());
    map("$.duties", kSheetDuties, "");
    json paragraphs = json::array();
    for (int row : data_rows(t)) {
      const std::string cell = CellPosition{row, t.columns[0]}.name();
      auto lines = value(*t.sheet, row, t.columns[0], duty_columns()[0], "$.duties.paragraphs");
      if (!lines) continue;
      for (auto& line : *lines) {
        map("$.duties.paragraphs[" + std::to_string(paragraphs.size()) + "]", kSheetDuties, cell);
        paragraphs.push_back(std::move(line));
      }
    }
    map("$.duties.paragraphs", kSheetDuties, t.sheet ? CellPosition{t.header_row, t.columns.empty() ? 1 : t.columns[0]}.name() : "");
    if (t.sheet && paragraphs.empty()) problem(kSheetDuties, "", "没有填写任何职能（至少一条）");
    out_.department["duties"]["paragraphs"] = std::move(paragraphs);
  }

  void read_items() {
    const Table t = table(kSheetItems, item_columns());
    map("$.approval_items", kSheetItems, "");
    json items = json::array();
    const auto& columns = item_columns();
    for (int row : data_rows(t)) {
      const std::string at = "$.approval_items[" + std::to_string(items.size()) + "]";
      const std::string id_cell = CellPosition{row, t.columns[kItemId]}.name();
      map(at, kSheetItems, id_cell);
      map(at + ".materials", kSheetItems, id_cell);
      json item = json::object();
      const auto field = row_reader(t, row, columns, at);
      put(item, "id", field(kItemId, ".id"));
      put(item, "name", field(kItemName, ".name"));
      put(item, "kind", field(kItemKind, ".kind"));
      put(item, "legal_basis", field(kItemBasis, ".legal_basis"));
      auto conditions = field(kItemConditions, ".conditions");
      put(item, "conditions", conditions);
      auto statutory = field(kItemStatutory, ".statutory_days");
      auto promised = field(kItemPromised, ".promised_days");
      if (statutory && promised && promised->get<int>() > statutory->get<int>())
        problem(kSheetItems, CellPosition{row, t.columns[kItemPromised]}.name(),
                "承诺时限 " + std::to_string(promised->get<int>()) + " 大于法定时限 " + std::to_string(statutory->get<int>()));
      put(item, "statutory_days", statutory);
      put(item, "promised_days", promised);
      put(item, "fee", field(kItemFee, ".fee"));
      put(item, "where", field(kItemWhere, ".where"));
      json online = json::object();
      const auto available = field(kItemOnline, ".online.available");
      map(at + ".online", kSheetItems, CellPosition{row, t.columns[kItemOnline]}.name());
      auto url = field(kItemUrl, ".online.url");
      if (available) online["available"] = *available;
      if (url && available) online["url"] = *url;  // with 可否网上办理 unread, the address is not judged
      if (available && *available == true && !url && t.columns[kItemUrl] > 0)
        problem(kSheetItems, CellPosition{row, t.columns[kItemUrl]}.name(), "可网上办理，但没有填写 网上办理地址");
      if (available && *available == false && url)
        problem(kSheetItems, CellPosition{row, t.columns[kItemUrl]}.name(), "不可网上办理时 网上办理地址 应留空（或把 可否网上办理 改为 是）");
      item["online"] = online;
      put(item, "contact", field(kItemContact, ".contact"));
      json published = json::object();
      put(published, "date", field(kItemDate, ".published.date"));
      put(published, "source", field(kItemSource, ".published.source"));
      map(at + ".published", kSheetItems, id_cell);
      item["published"] = published;
      put(item, "topics", topic_ids(field(kItemTopics, ".topics")));
      put(item, "keywords", field(kItemKeywords, ".keywords"));
      item["materials"] = json::array();
      if (item.contains("id")) {
        const std::string id = item["id"];
        if (const auto [seen, fresh] = item_rows_.emplace(id, std::make_pair(items.size(), id_cell)); !fresh)
          problem(kSheetItems, id_cell, "事项编号 " + id + " 与 " + seen->second.second + " 重复");
      }
      items.push_back(std::move(item));
    }
    out_.department["approval_items"] = std::move(items);
  }

  void read_materials() {
    const Table t = table(kSheetMaterials, material_columns());
    const auto& columns = material_columns();
    json& items = out_.department["approval_items"];
    for (int row : data_rows(t)) {
      const std::string key_cell = CellPosition{row, t.columns[kMaterialItem]}.name();
      const std::string item_id = trimmed(t.sheet->text(row, t.columns[kMaterialItem]));
      const auto owner = item_rows_.find(item_id);
      if (item_id.empty()) {
        problem(kSheetMaterials, key_cell, "事项编号 未填写：这份材料属于哪个事项？");
        continue;
      }
      if (owner == item_rows_.end()) {
        problem(kSheetMaterials, key_cell, "事项编号 " + item_id + " 在 审批事项 表中没有");
        continue;
      }
      json& materials = items[owner->second.first]["materials"];
      const std::string at = "$.approval_items[" + std::to_string(owner->second.first) + "].materials[" + std::to_string(materials.size()) + "]";
      map(at, kSheetMaterials, key_cell);
      json material = json::object();
      const auto field = row_reader(t, row, columns, at);
      put(material, "name", field(kMaterialName, ".name"));
      put(material, "original", field(kMaterialOriginal, ".original"));
      put(material, "copies", field(kMaterialCopies, ".copies"));
      put(material, "note", field(kMaterialNote, ".note"));
      materials.push_back(std::move(material));
    }
    if (!t.sheet) return;
    for (const auto& [id, where] : item_rows_)
      if (items[where.first]["materials"].empty()) problem(kSheetItems, where.second, "事项 " + id + " 在 申请材料 表中没有任何材料（至少一份）");
  }

  void read_fees() {
    const Table t = table(kSheetFees, fee_columns());
    const auto& columns = fee_columns();
    map("$.fees", kSheetFees, "");
    map("$.fees.items", kSheetFees, "");
    json fees = json::array();
    for (int row : data_rows(t)) {
      const std::string at = "$.fees.items[" + std::to_string(fees.size()) + "]";
      map(at, kSheetFees, CellPosition{row, t.columns[kFeeName]}.name());
      json fee = json::object();
      const auto field = row_reader(t, row, columns, at);
      put(fee, "name", field(kFeeName, ".name"));
      put(fee, "amount", field(kFeeAmount, ".amount"));
      put(fee, "unit", field(kFeeUnit, ".unit"));
      put(fee, "legal_basis", field(kFeeBasis, ".legal_basis"));
      put(fee, "document_number", field(kFeeDocument, ".document_number"));
      put(fee, "notes", field(kFeeNotes, ".notes"));
      json published = json::object();
      put(published, "date", field(kFeeDate, ".published.date"));
      put(published, "source", field(kFeeSource, ".published.source"));
      fee["published"] = published;
      fees.push_back(std::move(fee));
    }
    json& out = out_.department["fees"];
    out = json::object();
    if (t.sheet && !fees.empty() && no_fee_statement_)
      problem(kSheetDepartment, out_.cells["$.fees.no_fee_statement"].cell, "有收费项目时 无收费声明 应留空");
    else if (t.sheet && fees.empty() && !no_fee_statement_)
      problem(kSheetDepartment, out_.cells["$.fees.no_fee_statement"].cell, "收费项目 表为空：没有收费项目时请填写 无收费声明（如 本部门无行政事业性收费项目。）");
    if (no_fee_statement_ && fees.empty()) out["no_fee_statement"] = *no_fee_statement_;
    out["items"] = std::move(fees);
  }

  // 所属主题 lines, each a topic's name or id, as ids; an unknown one stays for the validator.
  std::optional<json> topic_ids(std::optional<json> lines) const {
    if (!lines) return lines;
    for (json& line : *lines)
      if (const auto id = topic_ids_.find(line.get<std::string>()); id != topic_ids_.end()) line = id->second;
    return lines;
  }

  // 常见问题 is optional: a workbook without the sheet has no questions.
  void read_faq() {
    if (!book_.sheet(kSheetFaq)) return;
    const Table t = table(kSheetFaq, faq_columns());
    const auto& columns = faq_columns();
    map("$.faq", kSheetFaq, "");
    json entries = json::array();
    for (int row : data_rows(t)) {
      const std::string at = "$.faq[" + std::to_string(entries.size()) + "]";
      map(at, kSheetFaq, CellPosition{row, t.columns[kFaqQuestion]}.name());
      json entry = json::object();
      const auto field = row_reader(t, row, columns, at);
      put(entry, "question", field(kFaqQuestion, ".question"));
      put(entry, "answer", field(kFaqAnswer, ".answer"));
      put(entry, "related_items", field(kFaqRelated, ".related_items"));
      entries.push_back(std::move(entry));
    }
    if (!entries.empty()) out_.department["faq"] = std::move(entries);
  }

 public:
  std::set<std::string> reported_;  // "审批事项!F7": cells with a problem already
  bool structural_ = false;
  std::optional<CellAt> id_cell_;

 private:
  const XlsxWorkbook& book_;
  ParsedWorkbook& out_;
  std::vector<WorkbookProblem>& problems_;
  std::map<std::string, std::pair<std::size_t, std::string>> item_rows_;  // id -> index, cell
  std::optional<json> no_fee_statement_;
  const std::map<std::string, std::string>& topic_ids_;
};

bool is_id(std::string_view id) {
  return !id.empty() && id.size() <= 60 &&
         std::all_of(id.begin(), id.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

// The cell a validator path came from: the path itself, else its nearest parent mapped.
const CellAt* cell_of(const ParsedWorkbook& parsed, std::string path) {
  while (!path.empty()) {
    if (const auto found = parsed.cells.find(path); found != parsed.cells.end()) return &found->second;
    const auto cut = path.find_last_of(".[");
    if (cut == std::string::npos) break;
    path.resize(cut);
  }
  return nullptr;
}

std::filesystem::path staging_folder(const std::filesystem::path& out_dir) {
  std::string pattern = (out_dir.parent_path() / ("." + out_dir.filename().string() + ".import-XXXXXX")).string();
  if (!mkdtemp(pattern.data())) throw FileWriteError(out_dir.parent_path().string() + ": cannot create a temporary folder: " + std::strerror(errno));
  return pattern;
}

// A file of the content folder: readable by the kiosk's service user (unlike the owner-only
// exports), flushed to the device before the folder is renamed into place.
void write_content_file(const std::filesystem::path& file, std::string_view bytes) {
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) throw FileWriteError(file.string() + ": cannot create it: " + std::strerror(errno));
  std::size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int error = n < 0 ? errno : EIO;
      ::close(fd);
      throw FileWriteError(file.string() + ": cannot write it: " + std::strerror(error));
    }
    written += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) throw FileWriteError(file.string() + ": cannot flush it: " + std::strerror(errno));
}

void flush_folder(const std::filesystem::path& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

// event.json and topics.json are small; the validator bounds them again once they are staged.
constexpr std::uintmax_t kMaxSideFileBytes = 4u << 20;

std::string read_bytes(const std::filesystem::path& file) {
  std::error_code ec;
  const std::uintmax_t size = std::filesystem::file_size(file, ec);
  if (ec) throw FileWriteError(file.string() + ": cannot be read: " + ec.message());
  if (size > kMaxSideFileBytes) throw FileWriteError(file.string() + ": is larger than 4 MB");
  std::ifstream in(file, std::ios::binary);
  if (!in) throw FileWriteError(file.string() + ": cannot be read");
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// Moves the staged folder into place; an old folder is renamed aside first and removed after.
void put_in_place(const std::filesystem::path& staged, const std::filesystem::path& out_dir) {
  std::error_code ec;
  std::filesystem::path aside;
  if (std::filesystem::exists(out_dir, ec)) {
    aside = staged;
    aside += ".old";
    std::filesystem::rename(out_dir, aside, ec);
    if (ec) throw FileWriteError(out_dir.string() + ": cannot move the old content aside: " + ec.message());
  }
  std::filesystem::rename(staged, out_dir, ec);
  if (ec) {
    std::error_code ignored;
    if (!aside.empty()) std::filesystem::rename(aside, out_dir, ignored);
    throw FileWriteError(out_dir.string() + ": cannot move the new content into place: " + ec.message());
  }
  flush_folder(out_dir.parent_path().empty() ? std::filesystem::path(".") : out_dir.parent_path());
  if (!aside.empty()) std::filesystem::remove_all(aside, ec);
}

// topics.json's topic names -> ids, for 所属主题 cells that give a name. A malformed file maps
// nothing here; the validator names its problems once it is staged beside the departments.
std::map<std::string, std::string> topic_ids_by_name(const std::string& topics_json) {
  std::map<std::string, std::string> ids;
  JsonProblems ignored;  // named by the validator later
  const std::optional<json> parsed = parse_json_text(topics_json, "topics.json", ignored);
  if (!parsed || !parsed->is_object() || !parsed->contains("topics") || !(*parsed)["topics"].is_array()) return ids;
  for (const json& topic : (*parsed)["topics"])
    if (topic.is_object() && topic.contains("id") && topic["id"].is_string() && topic.contains("name") && topic["name"].is_string())
      ids.emplace(topic["name"].get<std::string>(), topic["id"].get<std::string>());
  return ids;
}

}  // namespace

std::string WorkbookProblem::to_string() const {
  std::string out = workbook;
  if (!sheet.empty()) out += " " + sheet + (cell.empty() ? "" : "!" + cell);
  return out + ": " + message;
}

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

ContentImportResult import_content_workbooks(const ContentImportRequest& request) {
  ContentImportResult result;
  auto& problems = result.problems;
  auto whole = [&](const std::string& where, std::string message) { problems.push_back({where, "", "", std::move(message)}); };
  if (request.workbooks.empty()) whole("import", "没有给出任何工作簿");
  std::error_code ec;
  if (!request.replace && std::filesystem::exists(request.out_dir, ec))
    whole(request.out_dir.string(), "已存在；要替换整个内容文件夹，请加 --replace");
  std::string event_json;
  try {
    event_json = read_bytes(request.event_file);
  } catch (const FileWriteError&) {
    whole(request.event_file.string(), "无法读取活动信息文件 event.json");
  }
  // topics.json travels with event.json: without it, items could not name their topics.
  std::filesystem::path topics_file = request.topics_file;
  if (topics_file.empty() && std::filesystem::exists(request.event_file.parent_path() / "topics.json", ec))
    topics_file = request.event_file.parent_path() / "topics.json";
  std::string topics_json;
  if (!topics_file.empty()) {
    try {
      topics_json = read_bytes(topics_file);
    } catch (const FileWriteError& error) {
      whole(topics_file.string(), std::string("无法读取主题文件 topics.json：") + error.what());
    }
  }
  const auto topic_ids = topic_ids_by_name(topics_json);

  bool structural = false;  // a sheet, column or row of the layout is missing
  std::vector<ParsedWorkbook> parsed;
  std::vector<std::set<std::string>> reported;
  std::map<std::string, std::string> department_ids;  // id -> workbook
  for (const auto& file : request.workbooks) {
    ParsedWorkbook book;
    book.workbook_name = file.filename().string();
    const XlsxRead read = read_xlsx(file);
    if (!read.workbook) {
      whole(book.workbook_name, read.error);
      continue;
    }
    WorkbookParser parser(*read.workbook, book, problems, topic_ids);
    parser.parse();
    if (parser.id_cell_ && book.department.contains("id")) {
      const std::string id = book.department["id"];
      if (const auto [seen, fresh] = department_ids.emplace(id, book.workbook_name); !fresh)
        problems.push_back({book.workbook_name, parser.id_cell_->sheet, parser.id_cell_->cell, "部门编号 " + id + " 与 " + seen->second + " 重复"});
    }
    reported.push_back(parser.reported_);
    if (parser.id_cell_) reported.back().insert(parser.id_cell_->sheet + "!" + parser.id_cell_->cell);
    structural = structural || parser.structural_;
    parsed.push_back(std::move(book));
  }
  // With a workbook unread or its layout broken, the validator has nothing sound to check; with
  // problems in cells only, it still runs below and adds what it finds elsewhere.
  const bool unread = parsed.size() != request.workbooks.size();
  if (parsed.empty() || unread || structural || std::any_of(problems.begin(), problems.end(), [](const WorkbookProblem& p) { return p.sheet.empty(); }))
    return result;

  try {
    if (!request.out_dir.parent_path().empty()) std::filesystem::create_directories(request.out_dir.parent_path());
    const std::filesystem::path staged = staging_folder(std::filesystem::absolute(request.out_dir));
    struct Cleanup {
      std::filesystem::path dir;
      bool keep = false;
      ~Cleanup() {
        std::error_code ignored;
        if (!keep) std::filesystem::remove_all(dir, ignored);
      }
    } cleanup{staged};
    std::filesystem::permissions(staged, std::filesystem::perms::owner_all | std::filesystem::perms::group_read |
                                             std::filesystem::perms::group_exec | std::filesystem::perms::others_read |
                                             std::filesystem::perms::others_exec);
    write_content_file(staged / "event.json", event_json);
    if (!topics_file.empty()) write_content_file(staged / "topics.json", topics_json);
    std::filesystem::create_directories(staged / "departments");
    std::map<std::filesystem::path, std::size_t> file_of_book;
    for (std::size_t i = 0; i < parsed.size(); ++i) {
      const json& d = parsed[i].department;
      std::string id = d.contains("id") && d["id"].is_string() ? d["id"].get<std::string>() : std::string();
      // A missing or unusable id is reported already; the file still goes to the validator.
      if (!is_id(id) || file_of_book.count(staged / "departments" / (id + ".json"))) id = "workbook-" + std::to_string(i + 1);
      const auto file = staged / "departments" / (id + ".json");
      file_of_book[file] = i;
      write_content_file(file, d.dump(2, ' ', false, json::error_handler_t::replace) + "\n");
    }
    flush_folder(staged / "departments");
    flush_folder(staged);
    const ContentLoad load = load_content(staged);
    for (const JsonProblem& p : load.problems) {
      const auto book = file_of_book.find(p.file);
      if (book == file_of_book.end()) {
        const auto name = p.file.filename();
        const std::string source = name == "event.json" ? request.event_file.string() : name == "topics.json" ? topics_file.string() : p.file.string();
        problems.push_back({source, "", "", p.to_string()});
        continue;
      }
      const ParsedWorkbook& source = parsed[book->second];
      const CellAt* at = cell_of(source, p.path);
      if (at && !at->cell.empty() && reported[book->second].count(at->sheet + "!" + at->cell)) continue;  // said already, in words
      problems.push_back({source.workbook_name, at ? at->sheet : "", at ? at->cell : "", p.message + (p.path.empty() ? "" : " (" + p.path + ")")});
    }
    if (!problems.empty() || !load.content) return result;
    put_in_place(staged, request.out_dir);
    cleanup.keep = true;
    result.departments = load.content->departments.size();
    result.approval_items = load.content->approval_item_count();
    result.fee_items = load.content->fee_item_count();
  } catch (const std::exception& error) {
    whole(request.out_dir.string(), std::string("写入失败：") + error.what());
  }
  return result;
}

}  // namespace openday
