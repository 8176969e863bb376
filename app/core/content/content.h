#pragma once
// The published disclosures the kiosk shows: one JSON file per department in
// <content>/departments/, plus <content>/event.json for the event and booth.
#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/content/json_reader.h"
#include "core/content/ui_text.h"

namespace openday {

struct Publication {
  std::string date;    // YYYY-MM-DD
  std::string source;  // where it was published
  // Compared whole by the spreadsheet round trip (issue 11): a new field is compared too.
  friend bool operator==(const Publication&, const Publication&) = default;
};

struct Material {
  std::string name;
  bool original = false;  // the original must be shown
  int copies = 0;         // photocopies to hand in
  std::string note;
  friend bool operator==(const Material&, const Material&) = default;
};

struct ApprovalItem {
  std::string id;
  std::string name;
  std::string kind;  // 行政许可, 行政确认, ...
  std::string legal_basis;
  std::vector<std::string> conditions;
  std::vector<Material> materials;
  int statutory_days = 0;  // working days; 0 = 即办
  int promised_days = 0;
  std::string fee;
  std::string where;
  bool online = false;
  std::string online_url;  // set when online
  std::string contact;
  Publication published;
  friend bool operator==(const ApprovalItem&, const ApprovalItem&) = default;
  // Issue 14: the life events (topic ids of topics.json) the item belongs to, and the words
  // citizens say for it (低保, 救助金), which the search matches too.
  std::vector<std::string> topics;
  std::vector<std::string> keywords;
};

struct FeeItem {
  std::string name;
  std::string amount;  // a decimal number, e.g. "80", "0.5"
  std::string unit;    // e.g. 元/件
  std::string legal_basis;
  std::string document_number;  // 文号
  std::string notes;
  Publication published;
  friend bool operator==(const FeeItem&, const FeeItem&) = default;
};

// 常见问题: a question citizens often ask a department, with its answer (issue 15).
struct Faq {
  std::string question;
  std::string answer;
  std::vector<std::string> related_items;  // approval item ids (of any department), in order
  friend bool operator==(const Faq&, const Faq&) = default;
};

struct Department {
  std::string id;
  std::string name;
  std::string short_name;
  std::string category;
  std::string address;
  std::string office_hours;
  std::string phone;
  std::string service_window;
  std::string introduction;
  Publication duties_published;
  std::vector<std::string> duties;
  std::vector<ApprovalItem> approval_items;
  std::vector<FeeItem> fees;
  std::string no_fee_statement;  // set exactly when fees is empty
  std::vector<Faq> faq;          // 常见问题, in order; may be empty
  friend bool operator==(const Department&, const Department&) = default;
};

struct EventInfo {
  std::string county;
  std::string title;
  std::string date;  // YYYY-MM-DD
  std::string place;
  std::string hotline;
  bool sample_data = false;  // the shipped sample: screens say 示例数据
};

// A life event (主题) citizens start from instead of a department: <content>/topics.json.
struct Topic {
  std::string id;
  std::string name;    // 生育收养
  std::string colour;  // #RRGGBB, the tile's colour on the 按主题 grid
};

struct Content {
  EventInfo event;
  std::vector<Topic> topics;  // in the order of topics.json; empty when the folder has none
  // The 热门搜索 chips of the search screen (topics.json's optional popular_searches).
  std::vector<std::string> popular_searches;
  std::vector<Department> departments;  // ordered by category, then by file name

  const Department* department(std::string_view id) const;
  // The item and the department that publishes it.
  std::pair<const Department*, const ApprovalItem*> approval_item(std::string_view id) const;
  std::size_t approval_item_count() const;
  std::size_t fee_item_count() const;
  std::size_t distinct_characters() const;
  const Topic* topic(std::string_view id) const;
  // The number of approval items in a topic.
  std::size_t topic_item_count(std::string_view topic_id) const;
  // Every text a screen may draw, with the largest style a screen draws it in and where it
  // comes from ("departments/minzheng.json $.fees.no_fee_statement"). The font glyph builder
  // bakes each text at its style; a character drawn without a bake is logged with its source.
  // When a screen draws a field in a larger style, change it here (the UI tests walk every
  // screen and fail on any character drawn from a face that lacks it).
  using TextVisitor = std::function<void(TextStyle style, std::string_view text, const std::string& source)>;
  void for_each_text(const TextVisitor& visit) const;
  // The same walk in two parts: the event's, the topics' and the fixed lists' texts, and one
  // department's (the font atlas bakes a department's texts only while its screens show).
  void for_each_text_outside_departments(const TextVisitor& visit) const;
  static void for_each_department_text(const Department& department, const TextVisitor& visit);
  // The same texts joined: those drawn as headings, and all of them.
  std::string heading_texts() const;
  std::string body_texts() const;
};

// The categories a department may be in, in the order the filter chips show them.
const std::vector<std::string>& department_categories();
const std::vector<std::string>& approval_item_kinds();

struct ContentLoad {
  std::optional<Content> content;  // set only when there are no problems
  JsonProblems problems;
  // Worth telling whoever maintains the content, but no reason to refuse it (a topic with no
  // items). `openday validate` prints them.
  std::vector<std::string> notes;
};

// Reads and validates the whole folder; every problem is reported, not only the first.
ContentLoad load_content(const std::filesystem::path& dir);


// "26 departments, 76 approval items, 20 fee items, 1093 distinct characters"
std::string content_summary(const Content& content);

}  // namespace openday
