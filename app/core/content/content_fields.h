#pragma once
// One table per content record (issue 26): every field of a department, approval item,
// material, fee item and 常见问题 is named once, with its JSON key, how it is checked, its
// workbook column (header, comment, width), the face it is drawn in, whether the search
// matches it and whether the voice reads it. The JSON reader, the workbook writer and parser,
// the glyph collection (Content::for_each_text) and the search index all walk these tables,
// so a new field is a member in content.h and one row here (plus its label and its screen).
//
// Rows are in the order of the JSON reader, which is the order problems are reported in. A
// key with a dot is a field of a nested object ("published.date"): the reader opens the object
// once for the run of rows that share the prefix, as the format nests them.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "core/content/content.h"

namespace openday {

// How a workbook cell is read and written.
enum class CellKind {
  Text,    // one line of text
  Lines,   // a list: one entry per line of the cell
  Days,    // working days, a whole number; 即办 = 0
  Count,   // a whole number; empty = 0
  YesNo,   // 是 / 否
  Date,    // YYYY-MM-DD
  Amount,  // a decimal amount, e.g. 80 or 0.5
};

struct WorkbookColumn {
  const char* header = nullptr;  // what the header cell says; matched up to the first bracket
  const char* comment = nullptr;
  double width = 0;
  CellKind kind = CellKind::Text;
  bool required = true;
  const std::vector<std::string>* choices = nullptr;
  // A column added after the first layout: a workbook without it still imports (as empty).
  bool may_be_absent = false;
};

// How a field's JSON value is kept.
enum class FieldType {
  Text,     // a string
  Lines,    // an array of strings
  Integer,       // a whole number in [min, max]
  Boolean,
  Records,  // an array of nested records (items, materials, fees, 常见问题): read by the record's reader
  Custom,   // read by the record's reader by hand (its rules span other fields)
};

// A text's own check beyond its length, with the message the validator gives.
enum class TextCheck { None, Id, Date, Amount, WebAddress };

// Where the search looks (search.h ranks the matches in this order).
enum class SearchRole { None, ItemName, Keyword, DepartmentName };

// Where a field sits in the department workbook.
enum class Place {
  None,      // not in the workbook (the material's owner, nested records)
  Column,    // a column of the record's table sheet, at `position`
  FormRow,   // a row of the 部门信息 form
  OwnSheet,  // the only column of a sheet of its own (部门职能)
};

template <class R>
struct FieldSlot {
  // Both made from one generic lambda ([](auto& r) -> auto& { return r.name; }): the reader
  // fills a record, everything else reads a const one.
  std::string& (*text)(R&) = nullptr;
  const std::string& (*text_of)(const R&) = nullptr;
  std::vector<std::string>& (*lines)(R&) = nullptr;
  const std::vector<std::string>& (*lines_of)(const R&) = nullptr;
  int& (*integer)(R&) = nullptr;
  const int& (*integer_of)(const R&) = nullptr;
  bool& (*boolean)(R&) = nullptr;
  const bool& (*boolean_of)(const R&) = nullptr;
};

template <class R, class Access>
FieldSlot<R> slot(Access) {
  // Each pointer is a captureless lambda that calls a default-made Access (C++20 makes
  // captureless lambdas default-constructible): clang will not convert the generic lambda
  // itself to a pointer taking const R&.
  using T = std::remove_cvref_t<decltype(std::declval<Access&>()(std::declval<R&>()))>;
  FieldSlot<R> s;
  if constexpr (std::is_same_v<T, std::string>) {
    s.text = [](R& r) -> std::string& { return Access{}(r); };
    s.text_of = [](const R& r) -> const std::string& { return Access{}(r); };
  } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
    s.lines = [](R& r) -> std::vector<std::string>& { return Access{}(r); };
    s.lines_of = [](const R& r) -> const std::vector<std::string>& { return Access{}(r); };
  } else if constexpr (std::is_same_v<T, int>) {
    s.integer = [](R& r) -> int& { return Access{}(r); };
    s.integer_of = [](const R& r) -> const int& { return Access{}(r); };
  } else if constexpr (std::is_same_v<T, bool>) {
    s.boolean = [](R& r) -> bool& { return Access{}(r); };
    s.boolean_of = [](const R& r) -> const bool& { return Access{}(r); };
  }
  return s;
}

template <class R>
struct Field {
  std::string_view key;  // in the record's JSON object; "published.date" is nested
  FieldType type = FieldType::Text;
  TextRule rule{};  // the text, or each entry of a list
  long long min = 0, max = 0;  // an integer's range, or a list's number of entries
  bool optional = false;       // may be left out of the JSON
  bool unique = false;         // a list entry given twice is a problem (empty ones are dropped)
  bool names_topics = false;   // a list of topic ids the workbook shows as topic names
  TextCheck check = TextCheck::None;
  const std::vector<std::string>& (*choices)() = nullptr;  // the values a text may take
  Place place = Place::None;
  int position = 0;  // the column of Place::Column, counted from 0
  WorkbookColumn column{};
  std::optional<TextStyle> face{};  // drawn (and baked) in this style; nullopt: never drawn
  SearchRole search = SearchRole::None;
  bool spoken = false;  // the item page's voice reads it
  FieldSlot<R> slot{};
};

const std::vector<Field<Department>>& department_fields();
const std::vector<Field<ApprovalItem>>& approval_item_fields();
const std::vector<Field<Material>>& material_fields();
const std::vector<Field<FeeItem>>& fee_fields();
const std::vector<Field<Faq>>& faq_fields();

// The field of a table with this key, or nullptr.
template <class R>
const Field<R>* find_field(const std::vector<Field<R>>& fields, std::string_view key) {
  for (const auto& field : fields)
    if (field.key == key) return &field;
  return nullptr;
}

// Lowercase letters, digits and -, at most 60: department, item and topic ids.
bool is_content_id(std::string_view id);

// "": fine; else the validator's message for `text` (`must be ..., found "..."`).
std::string text_check_problem(TextCheck check, const std::string& text);

// Every JSON path the content format knows below a department file's root, array indices as
// "[]" ("approval_items[].materials[].name", "duties.published"): for tests and the fuzz
// dictionary.
std::vector<std::string> department_json_paths();

// Calls visit(style, text, key) for each non-empty text of one drawn field of `record`, with the
// key below the record ("published.date", "conditions[2]").
template <class R, class Visit>
void visit_field_text(const Field<R>& field, const R& record, Visit&& visit) {
  if (!field.face) return;
  if (field.slot.text_of) {
    const std::string& text = field.slot.text_of(record);
    if (!text.empty()) visit(*field.face, text, std::string(field.key));
  } else if (field.slot.lines_of) {
    const auto& lines = field.slot.lines_of(record);
    for (std::size_t i = 0; i < lines.size(); ++i)
      if (!lines[i].empty()) visit(*field.face, lines[i], std::string(field.key) + "[" + std::to_string(i) + "]");
  }
}

// The same for every field of the table, in table order.
template <class R, class Visit>
void for_each_field_text(const std::vector<Field<R>>& fields, const R& record, Visit&& visit) {
  for (const auto& field : fields) visit_field_text(field, record, visit);
}

// The texts of `record` the search matches in `role`, in table order (a list gives each entry).
template <class R>
std::vector<std::string_view> search_texts(const std::vector<Field<R>>& fields, const R& record, SearchRole role) {
  std::vector<std::string_view> texts;
  for (const auto& field : fields) {
    if (field.search != role) continue;
    if (field.slot.text_of) texts.push_back(field.slot.text_of(record));
    if (field.slot.lines_of)
      for (const auto& line : field.slot.lines_of(record)) texts.push_back(line);
  }
  return texts;
}

}  // namespace openday
