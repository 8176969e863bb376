#include "core/content/content_fields.h"

#include <algorithm>

#include "core/util/calendar_date.h"

namespace openday {
namespace {

constexpr TextRule kId{60};
constexpr TextRule kName{60};
constexpr TextRule kShortName{8};
constexpr TextRule kLine{120};
constexpr TextRule kParagraph{600};
constexpr TextRule kKeyword{20};
constexpr TextRule kDate{10};
constexpr std::size_t kMaxFaqs = 60;
constexpr std::size_t kMaxTopicsPerItem = 8;
constexpr std::size_t kMaxKeywords = 20;

constexpr TextStyle H = TextStyle::Heading;
constexpr TextStyle B = TextStyle::Body;

const std::vector<std::string>& yes_no() {
  static const std::vector<std::string> values = {"是", "否"};
  return values;
}

bool is_decimal_amount(std::string_view text) {
  const auto dot = text.find('.');
  const std::string_view whole = text.substr(0, dot);
  const std::string_view fraction = dot == std::string_view::npos ? std::string_view() : text.substr(dot + 1);
  const auto digits = [](std::string_view s) { return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }); };
  if (whole.empty() || whole.size() > 9 || !digits(whole)) return false;
  if (dot != std::string_view::npos && (fraction.empty() || fraction.size() > 2 || !digits(fraction))) return false;
  return true;
}

// http(s)://host[:port][/path], with a host of letters, digits, dots and hyphens.
bool is_web_address(std::string_view url) {
  std::string_view rest;
  if (url.starts_with("https://")) rest = url.substr(8);
  else if (url.starts_with("http://")) rest = url.substr(7);
  else return false;
  const std::string_view host = rest.substr(0, rest.find_first_of(":/?#"));
  if (host.empty() || host.front() == '.' || host.back() == '.' || host.find('.') == std::string_view::npos) return false;
  const bool host_ok = std::all_of(host.begin(), host.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
  });
  const bool rest_ok = std::all_of(rest.begin(), rest.end(), [](char c) { return c > 0x20 && c < 0x7F; });
  return host_ok && rest_ok && url.size() <= 300;
}

// The workbook's column comments and widths are the layout a clerk already knows: changing one
// changes every workbook written (content_workbook_test checks them).
WorkbookColumn column(const char* header, const char* comment, double width, CellKind kind = CellKind::Text, bool required = true,
                      const std::vector<std::string>* choices = nullptr, bool may_be_absent = false) {
  return {header, comment, width, kind, required, choices, may_be_absent};
}

template <class R, class Collect>
void collect_paths(const std::vector<Field<R>>& fields, const std::string& prefix, std::vector<std::string>& out, Collect&& nested) {
  for (const auto& field : fields) {
    const std::string key(field.key);
    for (auto dot = key.find('.'); dot != std::string::npos; dot = key.find('.', dot + 1)) out.push_back(prefix + key.substr(0, dot));
    out.push_back(prefix + key);
    if (field.type == FieldType::Records) nested(field.key, prefix + key + "[].");
  }
}

}  // namespace

bool is_content_id(std::string_view id) {
  if (id.empty() || id.size() > 60) return false;
  return std::all_of(id.begin(), id.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

std::string text_check_problem(TextCheck check, const std::string& text) {
  const std::string found = ", found \"" + text + "\"";
  switch (check) {
    case TextCheck::None: return "";
    case TextCheck::Id: return is_content_id(text) ? "" : "must be lowercase letters, digits and - only" + found;
    case TextCheck::Date: return parse_calendar_date(text) ? "" : "must be a real day written YYYY-MM-DD" + found;
    case TextCheck::Amount: return is_decimal_amount(text) ? "" : "must be a number written as text, like \"80\" or \"0.5\"" + found;
    case TextCheck::WebAddress: return is_web_address(text) ? "" : "must be a web address starting with https:// or http://" + found;
  }
  return "";
}

const std::vector<Field<Department>>& department_fields() {
  using D = Department;
  static const std::vector<Field<D>> fields = {
      {.key = "id", .rule = kId, .check = TextCheck::Id, .place = Place::FormRow,
       .column = column("部门编号", "小写字母、数字和连字符，如 minzheng；也是内容文件名，全县不能重复", 40),
       .slot = slot<D>([](auto& d) -> auto& { return d.id; })},
      {.key = "name", .rule = kName, .place = Place::FormRow, .column = column("部门名称", "全称，如 县民政局（最多 60 字）", 40),
       .face = H, .search = SearchRole::DepartmentName, .spoken = true, .slot = slot<D>([](auto& d) -> auto& { return d.name; })},
      {.key = "short_name", .rule = kShortName, .place = Place::FormRow, .column = column("简称", "屏幕上按钮用的短名，如 民政（最多 8 字）", 40),
       .face = H, .search = SearchRole::DepartmentName, .slot = slot<D>([](auto& d) -> auto& { return d.short_name; })},
      // Drawn from department_categories(), whose names the glyph collection visits once.
      {.key = "category", .rule = {20}, .choices = department_categories, .place = Place::FormRow,
       .column = column("分类", "从下拉列表中选择", 40, CellKind::Text, true, &department_categories()),
       .slot = slot<D>([](auto& d) -> auto& { return d.category; })},
      {.key = "address", .rule = kLine, .place = Place::FormRow, .column = column("地址", "办公地址", 40), .face = B,
       .slot = slot<D>([](auto& d) -> auto& { return d.address; })},
      {.key = "office_hours", .rule = kLine, .place = Place::FormRow, .column = column("办公时间", "如 周一至周五 8:30-12:00，14:30-17:30", 40),
       .face = B, .spoken = true, .slot = slot<D>([](auto& d) -> auto& { return d.office_hours; })},
      {.key = "phone", .rule = {40}, .place = Place::FormRow, .column = column("咨询电话", "如 0571-12345678", 40), .face = B,
       .slot = slot<D>([](auto& d) -> auto& { return d.phone; })},
      {.key = "service_window", .rule = kLine, .place = Place::FormRow, .column = column("服务窗口", "如 行政服务中心二楼 12 号窗口", 40),
       .face = B, .slot = slot<D>([](auto& d) -> auto& { return d.service_window; })},
      {.key = "introduction", .rule = kParagraph, .place = Place::FormRow, .column = column("部门简介", "一段话，最多 600 字，不要换行", 40),
       .face = B, .slot = slot<D>([](auto& d) -> auto& { return d.introduction; })},
      {.key = "duties.published.date", .rule = kDate, .check = TextCheck::Date, .place = Place::FormRow,
       .column = column("职能公布日期", "部门职能公布的日期，如 2026-05-15", 40, CellKind::Date), .face = B,
       .slot = slot<D>([](auto& d) -> auto& { return d.duties_published.date; })},
      {.key = "duties.published.source", .rule = kLine, .place = Place::FormRow,
       .column = column("职能公布来源", "在哪里公布的，如 县政府门户网站", 40), .face = B,
       .slot = slot<D>([](auto& d) -> auto& { return d.duties_published.source; })},
      {.key = "duties.paragraphs", .type = FieldType::Lines, .rule = kParagraph, .min = 1, .max = 60, .place = Place::OwnSheet,
       .column = column("职能内容", "每行一条职能；一个单元格内换行（Alt+Enter）也算多条", 100, CellKind::Lines), .face = B,
       .slot = slot<D>([](auto& d) -> auto& { return d.duties; })},
      {.key = "approval_items", .type = FieldType::Records, .min = 0, .max = 300},
      {.key = "fees.items", .type = FieldType::Records, .min = 0, .max = 1000},
      // Set exactly when there are no fee items; the 收费标准 tab then says it in its heading face.
      {.key = "fees.no_fee_statement", .type = FieldType::Custom, .rule = kLine, .optional = true, .place = Place::FormRow,
       .column = column("无收费声明", "没有收费项目时填写，如 本部门无行政事业性收费项目。；有收费项目时留空", 40, CellKind::Text, false),
       .face = H, .slot = slot<D>([](auto& d) -> auto& { return d.no_fee_statement; })},
      {.key = "faq", .type = FieldType::Records, .min = 0, .max = kMaxFaqs, .optional = true},
  };
  return fields;
}

const std::vector<Field<ApprovalItem>>& approval_item_fields() {
  using I = ApprovalItem;
  static const std::vector<Field<I>> fields = {
      {.key = "id", .rule = kId, .check = TextCheck::Id, .place = Place::Column, .position = 0,
       .column = column("事项编号", "小写字母、数字和连字符，全县唯一，如 minzheng-hunyin-dengji；申请材料表用它对应事项", 22),
       .slot = slot<I>([](auto& i) -> auto& { return i.id; })},
      {.key = "name", .rule = kName, .place = Place::Column, .position = 1, .column = column("事项名称", "最多 60 字", 28), .face = H,
       .search = SearchRole::ItemName, .spoken = true, .slot = slot<I>([](auto& i) -> auto& { return i.name; })},
      {.key = "kind", .rule = {20}, .choices = approval_item_kinds, .place = Place::Column, .position = 2,
       .column = column("事项类型", "从下拉列表中选择", 14, CellKind::Text, true, &approval_item_kinds()), .face = B, .spoken = true,
       .slot = slot<I>([](auto& i) -> auto& { return i.kind; })},
      {.key = "legal_basis", .rule = kParagraph, .place = Place::Column, .position = 3, .column = column("设定依据", "法律法规名称及条款", 36),
       .face = B, .spoken = true, .slot = slot<I>([](auto& i) -> auto& { return i.legal_basis; })},
      {.key = "conditions", .type = FieldType::Lines, .rule = kParagraph, .min = 1, .max = 40, .place = Place::Column, .position = 6,
       .column = column("受理条件", "每条一行（单元格内换行用 Alt+Enter）", 40, CellKind::Lines), .face = B, .spoken = true,
       .slot = slot<I>([](auto& i) -> auto& { return i.conditions; })},
      {.key = "materials", .type = FieldType::Records, .min = 1, .max = 60},
      {.key = "statutory_days", .type = FieldType::Integer, .min = 0, .max = 365, .place = Place::Column, .position = 4,
       .column = column("法定时限（工作日）", "整数，如 20；即办填 0", 12, CellKind::Days), .spoken = true,
       .slot = slot<I>([](auto& i) -> auto& { return i.statutory_days; })},
      {.key = "promised_days", .type = FieldType::Integer, .min = 0, .max = 365, .place = Place::Column, .position = 5,
       .column = column("承诺时限（工作日）", "整数，不能大于法定时限；即办填 0", 12, CellKind::Days), .spoken = true,
       .slot = slot<I>([](auto& i) -> auto& { return i.promised_days; })},
      {.key = "fee", .rule = kLine, .place = Place::Column, .position = 7, .column = column("收费", "如 不收费，或 工本费 9 元", 16), .face = B,
       .spoken = true, .slot = slot<I>([](auto& i) -> auto& { return i.fee; })},
      {.key = "where", .rule = kLine, .place = Place::Column, .position = 8, .column = column("办理地点", "如 行政服务中心一楼 3 号窗口", 28),
       .face = B, .spoken = true, .slot = slot<I>([](auto& i) -> auto& { return i.where; })},
      {.key = "online.available", .type = FieldType::Boolean, .place = Place::Column, .position = 9,
       .column = column("可否网上办理", "从下拉列表中选择 是 或 否", 12, CellKind::YesNo, true, &yes_no()),
       .slot = slot<I>([](auto& i) -> auto& { return i.online; })},
      // Given exactly when available is true (the reader's own rule).
      {.key = "online.url", .type = FieldType::Custom, .rule = {300}, .check = TextCheck::WebAddress, .place = Place::Column, .position = 10,
       .column = column("网上办理地址", "可网上办理时填写，以 https:// 开头；否则留空", 36, CellKind::Text, false), .face = B,
       .slot = slot<I>([](auto& i) -> auto& { return i.online_url; })},
      {.key = "contact", .rule = kLine, .place = Place::Column, .position = 11, .column = column("咨询电话", "如 0571-12345678", 16), .face = B,
       .spoken = true, .slot = slot<I>([](auto& i) -> auto& { return i.contact; })},
      {.key = "published.date", .rule = kDate, .check = TextCheck::Date, .place = Place::Column, .position = 12,
       .column = column("公布日期", "如 2026-05-15", 14, CellKind::Date), .face = B,
       .slot = slot<I>([](auto& i) -> auto& { return i.published.date; })},
      {.key = "published.source", .rule = kLine, .place = Place::Column, .position = 13,
       .column = column("公布来源", "在哪里公布的，如 县政府门户网站", 20), .face = B,
       .slot = slot<I>([](auto& i) -> auto& { return i.published.source; })},
      // Whether an item must name topics depends on topics.json, which load_content checks.
      {.key = "topics", .type = FieldType::Lines, .rule = kId, .min = 1, .max = kMaxTopicsPerItem, .optional = true, .unique = true,
       .names_topics = true, .place = Place::Column, .position = 14,
       .column = column("所属主题", "按主题浏览时事项出现在哪些主题下，如 社会保障；每个主题一行（Alt+Enter）", 18, CellKind::Lines, false, nullptr, true),
       .slot = slot<I>([](auto& i) -> auto& { return i.topics; })},
      {.key = "keywords", .type = FieldType::Lines, .rule = kKeyword, .min = 0, .max = kMaxKeywords, .optional = true, .unique = true,
       .place = Place::Column, .position = 15,
       .column = column("关键词", "群众搜索时会说的词，如 低保、救助金；每个词一行（Alt+Enter），可留空", 22, CellKind::Lines, false, nullptr, true),
       .face = B, .search = SearchRole::Keyword, .slot = slot<I>([](auto& i) -> auto& { return i.keywords; })},
  };
  return fields;
}

// Column 0 of 申请材料 is the owning item's 事项编号 (content_workbook_layout.cpp).
const std::vector<Field<Material>>& material_fields() {
  using M = Material;
  static const std::vector<Field<M>> fields = {
      {.key = "name", .rule = kLine, .place = Place::Column, .position = 1, .column = column("材料名称", "最多 120 字", 36), .face = B,
       .spoken = true, .slot = slot<M>([](auto& m) -> auto& { return m.name; })},
      {.key = "original", .type = FieldType::Boolean, .place = Place::Column, .position = 2,
       .column = column("是否需原件", "从下拉列表中选择 是 或 否", 12, CellKind::YesNo, true, &yes_no()),
       .slot = slot<M>([](auto& m) -> auto& { return m.original; })},
      {.key = "copies", .type = FieldType::Integer, .min = 0, .max = 20, .place = Place::Column, .position = 3,
       .column = column("复印件份数", "整数，不需要复印件填 0 或留空", 12, CellKind::Count, false),
       .slot = slot<M>([](auto& m) -> auto& { return m.copies; })},
      {.key = "note", .rule = kLine, .optional = true, .place = Place::Column, .position = 4,
       .column = column("备注", "可留空", 30, CellKind::Text, false), .face = B, .slot = slot<M>([](auto& m) -> auto& { return m.note; })},
  };
  return fields;
}

const std::vector<Field<FeeItem>>& fee_fields() {
  using F = FeeItem;
  static const std::vector<Field<F>> fields = {
      // Fee cards title each fee.
      {.key = "name", .rule = kLine, .place = Place::Column, .position = 0, .column = column("收费项目", "收费项目名称", 28), .face = H,
       .slot = slot<F>([](auto& f) -> auto& { return f.name; })},
      // Written to the workbook as text: "0.50" stays "0.50".
      {.key = "amount", .rule = {12}, .check = TextCheck::Amount, .place = Place::Column, .position = 1,
       .column = column("收费标准（元）", "只填数字，如 80 或 0.5；单位写在下一栏", 14, CellKind::Amount), .face = B,
       .slot = slot<F>([](auto& f) -> auto& { return f.amount; })},
      {.key = "unit", .rule = {20}, .place = Place::Column, .position = 2, .column = column("计费单位", "如 元/件、元/平方米", 12), .face = B,
       .slot = slot<F>([](auto& f) -> auto& { return f.unit; })},
      {.key = "legal_basis", .rule = kParagraph, .place = Place::Column, .position = 3, .column = column("收费依据", "依据的法规或文件", 36),
       .face = B, .slot = slot<F>([](auto& f) -> auto& { return f.legal_basis; })},
      {.key = "document_number", .rule = kLine, .place = Place::Column, .position = 4, .column = column("文号", "批准收费的文件文号", 24),
       .face = B, .slot = slot<F>([](auto& f) -> auto& { return f.document_number; })},
      {.key = "notes", .rule = kParagraph, .optional = true, .place = Place::Column, .position = 5,
       .column = column("备注", "可留空", 24, CellKind::Text, false), .face = B, .slot = slot<F>([](auto& f) -> auto& { return f.notes; })},
      {.key = "published.date", .rule = kDate, .check = TextCheck::Date, .place = Place::Column, .position = 6,
       .column = column("公布日期", "如 2026-05-15", 14, CellKind::Date), .face = B,
       .slot = slot<F>([](auto& f) -> auto& { return f.published.date; })},
      {.key = "published.source", .rule = kLine, .place = Place::Column, .position = 7,
       .column = column("公布来源", "在哪里公布的，如 县物价局网站", 20), .face = B,
       .slot = slot<F>([](auto& f) -> auto& { return f.published.source; })},
  };
  return fields;
}

const std::vector<Field<Faq>>& faq_fields() {
  using Q = Faq;
  static const std::vector<Field<Q>> fields = {
      // Questions title cards; answers are read in body text.
      {.key = "question", .rule = kName, .place = Place::Column, .position = 0,
       .column = column("问题", "群众常问的问题，如 哪些人可以申请低保？（最多 60 字）", 36), .face = H,
       .slot = slot<Q>([](auto& q) -> auto& { return q.question; })},
      {.key = "answer", .rule = kParagraph, .place = Place::Column, .position = 1, .column = column("回答", "一段话，不要换行", 70), .face = B,
       .slot = slot<Q>([](auto& q) -> auto& { return q.answer; })},
      // Approval item ids of any department: checked once every department is read.
      {.key = "related_items", .type = FieldType::Custom, .rule = kId, .min = 1, .max = 10, .optional = true, .place = Place::Column,
       .position = 2,
       .column = column("相关事项编号", "问题涉及的审批事项编号（可以是别的部门的事项）；每个一行（Alt+Enter），可留空", 26, CellKind::Lines, false),
       .slot = slot<Q>([](auto& q) -> auto& { return q.related_items; })},
  };
  return fields;
}

std::vector<std::string> department_json_paths() {
  std::vector<std::string> paths;
  collect_paths(department_fields(), "", paths, [&](std::string_view key, const std::string& prefix) {
    const auto none = [](std::string_view, const std::string&) {};
    if (key == "approval_items") {
      collect_paths(approval_item_fields(), prefix, paths, [&](std::string_view, const std::string& inner) {
        collect_paths(material_fields(), inner, paths, none);
      });
    } else if (key == "fees.items") {
      collect_paths(fee_fields(), prefix, paths, none);
    } else if (key == "faq") {
      collect_paths(faq_fields(), prefix, paths, none);
    }
  });
  std::sort(paths.begin(), paths.end());
  paths.erase(std::unique(paths.begin(), paths.end()), paths.end());
  return paths;
}

}  // namespace openday
