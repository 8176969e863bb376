#include "core/content/content_workbook_parser.h"

#include <algorithm>
#include <cstdio>
#include <string_view>

#include "core/content/content_workbook_layout.h"
#include "core/util/calendar_date.h"
#include "core/util/utf8.h"

namespace openday {
namespace {

using namespace workbook;
using nlohmann::json;

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
  std::optional<json> value(const XlsxSheet& sheet, int row, int column, const WorkbookColumn& spec, const std::string& path) {
    if (column == 0) {  // the column is missing: reported once for the sheet
      map(path, sheet.name, "");
      return spec.kind == CellKind::Count ? std::optional<json>(json(0)) : std::nullopt;
    }
    const std::string cell = CellPosition{row, column}.name();
    map(path, sheet.name, cell);
    const XlsxCell* raw = column > 0 ? sheet.cell(row, column) : nullptr;
    const std::string label = std::string(base_name(spec.header));
    std::string text = raw ? trimmed(raw->text) : std::string();
    if (text.empty()) {
      if (spec.kind == CellKind::Count) return json(0);
      if (spec.required) problem(sheet.name, cell, label + " 未填写（必填）");
      return std::nullopt;
    }
    if (raw->kind == XlsxCell::Kind::Error) {
      problem(sheet.name, cell, label + " 是错误值 " + text + "，请填写实际内容");
      return std::nullopt;
    }
    switch (spec.kind) {
      case CellKind::Text:
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
      case CellKind::Lines: return json(lines_of(text));
      case CellKind::Days:
      case CellKind::Count: return whole_number_value(sheet.name, cell, label, spec.kind, *raw, text);
      case CellKind::YesNo: {
        const std::string t = half_width(text);
        if (t == "是" || t == "TRUE" || t == "可以" || t == "需要") return json(true);
        if (t == "否" || t == "FALSE" || t == "不可以" || t == "不需要") return json(false);
        problem(sheet.name, cell, label + " 应填 是 或 否，现为 “" + text + "”");
        return std::nullopt;
      }
      case CellKind::Date: {
        if (raw->kind == XlsxCell::Kind::Date && parse_calendar_date(raw->text)) return json(raw->text);
        if (auto date = normalised_date(text)) return json(*date);
        problem(sheet.name, cell, label + " 应为日期，如 2026-05-15，现为 “" + text + "”");
        return std::nullopt;
      }
      case CellKind::Amount: {
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

  std::optional<json> whole_number_value(const std::string& sheet, const std::string& cell, const std::string& label, CellKind kind,
                                         const XlsxCell& raw, const std::string& text) {
    if (raw.kind == XlsxCell::Kind::Number) {
      if (raw.number >= 0 && raw.number <= 100000 && raw.number == static_cast<double>(static_cast<int>(raw.number)))
        return json(static_cast<int>(raw.number));
    } else {
      std::string t = half_width(text);
      if (kind == CellKind::Days) {
        if (t == "即办") return json(0);
        for (std::string_view unit : {"个工作日", "工作日"})
          if (t.ends_with(unit)) t = trimmed(std::string_view(t).substr(0, t.size() - unit.size()));
      }
      if (const auto n = whole_number(t)) return json(*n);
    }
    const std::string hint = kind == CellKind::Days ? "应填工作日天数的整数，如 20（即办填 0）" : "应填整数，如 1";
    problem(sheet, cell, label + " " + hint + "，现为 “" + text + "”");
    return std::nullopt;
  }

  static void put(json& object, const std::string& key, std::optional<json> v) {
    if (v) object[key] = std::move(*v);
  }

  // The header row of a table sheet: the first of the top rows that names the first column.
  // Columns are found by their names, so a clerk's reordered or inserted columns still read.
  Table table(const char* sheet_name, const std::vector<WorkbookColumn>& columns) {
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

  // The object a dotted key's last part goes into ("online" of "online.url"), made on the way.
  static json& parent_of(json& object, std::string_view key, std::string& leaf) {
    json* at = &object;
    for (auto dot = key.find('.'); dot != std::string_view::npos; dot = key.find('.')) {
      json& inner = (*at)[std::string(key.substr(0, dot))];
      if (!inner.is_object()) inner = json::object();
      at = &inner;
      key.remove_prefix(dot + 1);
    }
    leaf = std::string(key);
    return *at;
  }

  // One record of a table row, field by field in table order; after(field, value) may check a
  // value against earlier ones, or change or drop it, before it is put.
  template <class R, class After>
  json read_record(const Table& t, int row, const std::vector<Field<R>>& fields, const std::vector<WorkbookColumn>& columns,
                   const std::string& at, After&& after) {
    json record = json::object();
    for (const Field<R>* field : fields_in_columns(fields, false)) {
      const auto position = static_cast<std::size_t>(field->position);
      std::optional<json> v = value(*t.sheet, row, t.columns[position], columns[position], at + "." + std::string(field->key));
      if (field->names_topics) v = topic_ids(std::move(v));
      after(*field, v);
      std::string leaf;
      json& parent = parent_of(record, field->key, leaf);
      put(parent, leaf, std::move(v));
    }
    return record;
  }

  void read_department() {
    const XlsxSheet& sheet = *book_.sheet(kSheetDepartment);
    json& d = out_.department;
    map("$", sheet.name, "A1");
    const auto& rows = department_rows();
    const auto& fields = department_row_fields();
    for (std::size_t r = 0; r < rows.size(); ++r) {
      const std::string key(fields[r]->key);
      std::string leaf;
      json& parent = parent_of(d, key, leaf);
      int found = 0;
      for (int row = 1; row <= std::min(sheet.last_row, 200) && !found; ++row)
        if (trimmed(sheet.text(row, 1)) == base_name(rows[r].header)) found = row;
      if (!found) {
        structure_problem(sheet.name, "", std::string("缺少 ") + rows[r].header + " 一行（A 列写项目名，B 列写内容），请不要删除或改名");
        map("$." + key, sheet.name, "");
        continue;
      }
      auto v = value(sheet, found, 2, rows[r], "$." + key);
      // Judged against the 收费项目 sheet once it is read.
      if (key == "fees.no_fee_statement") no_fee_statement_ = std::move(v);
      else put(parent, leaf, std::move(v));
      if (key == "id") id_cell_ = CellAt{sheet.name, CellPosition{found, 2}.name()};
    }
    map("$.duties.published", sheet.name, "");
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
    const auto cell = [&](int row, std::string_view key) {
      return CellPosition{row, t.columns[static_cast<std::size_t>(find_field(approval_item_fields(), key)->position)]}.name();
    };
    for (int row : data_rows(t)) {
      const std::string at = "$.approval_items[" + std::to_string(items.size()) + "]";
      const std::string id_cell = cell(row, "id");
      map(at, kSheetItems, id_cell);
      map(at + ".materials", kSheetItems, id_cell);
      std::optional<json> statutory, available;
      json item = read_record(t, row, approval_item_fields(), columns, at, [&](const Field<ApprovalItem>& field, std::optional<json>& v) {
        if (field.key == "statutory_days") statutory = v;
        if (field.key == "promised_days" && statutory && v && v->get<int>() > statutory->get<int>())
          problem(kSheetItems, cell(row, field.key), "承诺时限 " + std::to_string(v->get<int>()) + " 大于法定时限 " + std::to_string(statutory->get<int>()));
        if (field.key == "online.available") {
          available = v;
          map(at + ".online", kSheetItems, cell(row, field.key));
        }
        if (field.key == "online.url") check_online_url(t, cell(row, field.key), available, v);
        if (field.key == "published.source") map(at + ".published", kSheetItems, id_cell);
      });
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

  // 网上办理地址 goes with 可否网上办理: with that unread, the address is not judged (nor kept).
  void check_online_url(const Table& t, const std::string& url_cell, const std::optional<json>& available, std::optional<json>& url) {
    const bool url_column = t.columns[static_cast<std::size_t>(find_field(approval_item_fields(), "online.url")->position)] > 0;
    if (available && *available == true && !url && url_column) problem(kSheetItems, url_cell, "可网上办理，但没有填写 网上办理地址");
    if (available && *available == false && url)
      problem(kSheetItems, url_cell, "不可网上办理时 网上办理地址 应留空（或把 可否网上办理 改为 是）");
    if (!available) url.reset();
  }

  void read_materials() {
    const Table t = table(kSheetMaterials, material_columns());
    const auto& columns = material_columns();
    json& items = out_.department["approval_items"];
    for (int row : data_rows(t)) {
      const std::string key_cell = CellPosition{row, t.columns[kMaterialItemColumn]}.name();
      const std::string item_id = trimmed(t.sheet->text(row, t.columns[kMaterialItemColumn]));
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
      materials.push_back(read_record(t, row, material_fields(), columns, at, [](const auto&, auto&) {}));
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
      map(at, kSheetFees, CellPosition{row, t.columns[0]}.name());
      fees.push_back(read_record(t, row, fee_fields(), columns, at, [](const auto&, auto&) {}));
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
      map(at, kSheetFaq, CellPosition{row, t.columns[0]}.name());
      entries.push_back(read_record(t, row, faq_fields(), columns, at, [](const auto&, auto&) {}));
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

}  // namespace

WorkbookParse parse_workbook(const XlsxWorkbook& book, ParsedWorkbook& out, std::vector<WorkbookProblem>& problems,
                             const std::map<std::string, std::string>& topic_ids) {
  WorkbookParser parser(book, out, problems, topic_ids);
  parser.parse();
  return {parser.reported_, parser.structural_, parser.id_cell_};
}

}  // namespace openday
