#include "core/content/content.h"

#include <algorithm>
#include <atomic>
#include <map>
#include <set>
#include <system_error>
#include <thread>
#include <vector>

#include "core/content/content_fields.h"
#include "core/util/calendar_date.h"
#include "core/util/utf8.h"

namespace openday {
namespace {

using nlohmann::json;

constexpr TextRule kLine{120};
constexpr std::size_t kMaxDepartments = 200;
constexpr TextRule kKeyword{20};
constexpr TextRule kTopicName{12};
constexpr std::size_t kMaxTopics = 60;
constexpr std::size_t kMaxPopularSearches = 12;

std::string joined(const std::vector<std::string>& values) {
  std::string out;
  for (const auto& v : values) out += (out.empty() ? "" : ", ") + v;
  return out;
}

std::string indexed(const std::string& path, std::size_t i) { return path + "[" + std::to_string(i) + "]"; }

// The dot-separated part `depth` of a key ("published" of "published.date" at 0), and whether
// more follow (the row is a field of a nested object).
std::pair<std::string_view, bool> key_part(std::string_view key, std::size_t depth) {
  for (std::size_t d = 0; d < depth; ++d) key = key.substr(key.find('.') + 1);
  const auto dot = key.find('.');
  return {key.substr(0, dot), dot != std::string_view::npos};
}

// Reads a department file by the field tables (content_fields.h). What a table row cannot say,
// the rules that span fields, is here: each record's hook runs after its row is read (or reads
// it, for FieldType::Records and FieldType::Custom).
class DepartmentReader {
 public:
  DepartmentReader(const std::filesystem::path& file, JsonProblems& problems) : file_(file), problems_(problems) {}

  std::optional<Department> read(const json& root) {
    const std::size_t problems_before = problems_.size();
    ObjectReader r(root, "$", file_, problems_);
    if (!r.valid()) return std::nullopt;
    Department d;
    read_fields(r, d, department_fields(), 0, department_fields().size(), 0,
                [&](const Field<Department>& field, ObjectReader& at, std::string_view leaf, bool) { department_hook(field, at, leaf, d); });
    r.finish();
    if (problems_.size() != problems_before) return std::nullopt;
    return d;
  }

 private:
  // Rows [begin, end) of the table, `depth` parts of their keys deep in nested objects.
  template <class R, class Hook>
  void read_fields(ObjectReader& r, R& record, const std::vector<Field<R>>& fields, std::size_t begin, std::size_t end, std::size_t depth,
                   const Hook& hook) {
    for (std::size_t i = begin; i < end;) {
      const auto [part, nested] = key_part(fields[i].key, depth);
      if (!nested) {
        read_leaf(r, record, fields[i], part, hook);
        ++i;
        continue;
      }
      std::size_t run = i + 1;
      while (run < end && key_part(fields[run].key, depth) == std::pair{part, true}) ++run;
      if (const json* value = r.object(part)) {
        ObjectReader inner(*value, r.child_path(part), file_, problems_);
        read_fields(inner, record, fields, i, run, depth + 1, hook);
        inner.finish();
      }
      i = run;
    }
  }

  template <class R, class Hook>
  void read_leaf(ObjectReader& r, R& record, const Field<R>& field, std::string_view key, const Hook& hook) {
    bool read = true;
    switch (field.type) {
      case FieldType::Text: {
        std::string& text = field.slot.text(record);
        text = field.optional ? r.optional_text(key, field.rule).value_or("") : r.text(key, field.rule);
        if (text.empty()) break;
        if (const std::string problem = text_check_problem(field.check, text); !problem.empty()) r.problem(key, problem);
        if (field.choices) {
          const auto& choices = field.choices();
          if (std::find(choices.begin(), choices.end(), text) == choices.end()) r.problem(key, "\"" + text + "\" is not one of: " + joined(choices));
        }
        break;
      }
      case FieldType::Lines: read_lines(r, field.slot.lines(record), field, key); break;
      case FieldType::Integer: {
        const auto value = r.integer(key, field.min, field.max);
        field.slot.integer(record) = static_cast<int>(value.value_or(0));
        read = value.has_value();
        break;
      }
      case FieldType::Boolean: field.slot.boolean(record) = r.boolean(key).value_or(false); break;
      case FieldType::Records:
      case FieldType::Custom: break;
    }
    hook(field, r, key, read);
  }

  // A required list keeps every entry as read; an optional one drops empty entries and
  // reports one listed twice.
  template <class R>
  void read_lines(ObjectReader& r, std::vector<std::string>& lines, const Field<R>& field, std::string_view key) {
    const auto min = static_cast<std::size_t>(field.min), max = static_cast<std::size_t>(field.max);
    const json* array = field.optional ? r.optional_array(key, min, max) : r.array(key, min, max);
    if (!array) return;
    for (std::size_t i = 0; i < array->size(); ++i) {
      const std::string at = indexed(r.child_path(key), i);
      std::string line = array_text((*array)[i], at, file_, problems_, field.rule);
      if (!field.unique) {
        lines.push_back(std::move(line));
        continue;
      }
      if (line.empty()) continue;
      if (std::find(lines.begin(), lines.end(), line) != lines.end()) problems_.push_back({file_, 0, 0, at, "\"" + line + "\" is listed twice"});
      else lines.push_back(std::move(line));
    }
  }

  // Each element of the array at `key` read as a record of `fields` into `out`.
  template <class R, class Hook>
  void read_records(ObjectReader& parent, std::string_view key, const Field<Department>& field, const std::vector<Field<R>>& fields,
                    std::vector<R>& out, const Hook& hook) {
    const auto min = static_cast<std::size_t>(field.min), max = static_cast<std::size_t>(field.max);
    const json* array = parent.array(key, min, max);
    records_ = array;
    if (!array) return;
    read_elements(parent, key, *array, fields, out, hook);
  }

  template <class R, class Hook>
  void read_elements(ObjectReader& parent, std::string_view key, const json& array, const std::vector<Field<R>>& fields, std::vector<R>& out,
                     const Hook& hook) {
    for (std::size_t i = 0; i < array.size(); ++i) {
      ObjectReader r(array[i], indexed(parent.child_path(key), i), file_, problems_);
      if (!r.valid()) continue;
      R record;
      read_fields(r, record, fields, 0, fields.size(), 0, [&](const Field<R>& f, ObjectReader& at, std::string_view leaf, bool read) {
        hook(f, at, leaf, read, record, out);
      });
      r.finish();
      out.push_back(std::move(record));
    }
  }

  void department_hook(const Field<Department>& field, ObjectReader& r, std::string_view key, Department& d) {
    if (field.key == "id" && !d.id.empty() && file_.stem() != d.id)
      r.problem("id", "must equal the file name: \"" + d.id + "\" belongs in " + d.id + ".json");
    if (field.key == "approval_items") {
      read_records(r, key, field, approval_item_fields(), d.approval_items,
                   [&](const Field<ApprovalItem>& f, ObjectReader& at, std::string_view leaf, bool read, ApprovalItem& item, auto&) {
                     item_hook(f, at, leaf, read, item);
                   });
    }
    if (field.key == "fees.items") {
      read_records(r, key, field, fee_fields(), d.fees, [](const auto&, ObjectReader&, std::string_view, bool, auto&, auto&) {});
      fee_items_ = records_;
    }
    if (field.key == "fees.no_fee_statement") read_no_fee_statement(r, key, field, d);
    if (field.key == "faq" && r.has(key)) {
      const json* entries = r.array(key, static_cast<std::size_t>(field.min), static_cast<std::size_t>(field.max));
      if (entries) read_elements(r, key, *entries, faq_fields(), d.faq, [&](const Field<Faq>& f, ObjectReader& at, std::string_view leaf, bool, Faq& faq, std::vector<Faq>& earlier) {
        faq_hook(f, at, leaf, faq, earlier);
      });
    }
  }

  void read_no_fee_statement(ObjectReader& r, std::string_view key, const Field<Department>& field, Department& d) {
    const auto statement = r.optional_text(key, field.rule);
    if (fee_items_ && fee_items_->empty() && !statement)
      r.problem(key, "is missing: a department without fee items must say so (e.g. \"本部门无行政事业性收费项目。\")");
    if (fee_items_ && !fee_items_->empty() && statement) r.problem(key, "must be left out when there are fee items");
    d.no_fee_statement = statement.value_or("");
  }

  void item_hook(const Field<ApprovalItem>& field, ObjectReader& r, std::string_view key, bool read, ApprovalItem& item) {
    if (field.key == "materials") {
      const json* materials = r.array(key, static_cast<std::size_t>(field.min), static_cast<std::size_t>(field.max));
      if (materials) read_elements(r, key, *materials, material_fields(), item.materials, [](const auto&, ObjectReader&, std::string_view, bool, auto&, auto&) {});
    }
    if (field.key == "statutory_days") statutory_read_ = read;
    // Compared only when both were read: a bad statutory_days is one problem, not two.
    if (field.key == "promised_days" && statutory_read_ && read && item.promised_days > item.statutory_days)
      r.problem(key, "(" + std::to_string(item.promised_days) + ") must not exceed statutory_days (" + std::to_string(item.statutory_days) + ")");
    if (field.key == "online.url") read_online_url(r, key, field, item);
  }

  void read_online_url(ObjectReader& r, std::string_view key, const Field<ApprovalItem>& field, ApprovalItem& item) {
    if (item.online) {
      item.online_url = r.text(key, field.rule);
      if (const std::string problem = item.online_url.empty() ? "" : text_check_problem(field.check, item.online_url); !problem.empty())
        r.problem(key, problem);
    } else if (r.has(key)) {
      r.problem(key, "is given, but available is false: remove it, or set available to true");
    }
  }

  void faq_hook(const Field<Faq>& field, ObjectReader& r, std::string_view key, Faq& faq, const std::vector<Faq>& earlier) {
    if (field.key == "answer") {  // after both texts, as the format lists them
      for (std::size_t e = 0; e < earlier.size(); ++e)
        if (!faq.question.empty() && earlier[e].question == faq.question)
          r.problem("question", "\"" + faq.question + "\" is already asked at " + indexed("$.faq", e));
    }
    if (field.key == "related_items" && r.has(key)) read_related_items(r, key, field, faq);
  }

  void read_related_items(ObjectReader& r, std::string_view key, const Field<Faq>& field, Faq& faq) {
    const json* related = r.array(key, static_cast<std::size_t>(field.min), static_cast<std::size_t>(field.max));
    if (!related) return;
    for (std::size_t k = 0; k < related->size(); ++k) {
      const std::string at = indexed(r.child_path(key), k);
      std::string id = array_text((*related)[k], at, file_, problems_, field.rule);
      if (id.empty()) continue;
      if (!is_content_id(id)) problems_.push_back({file_, 0, 0, at, "must be an approval item id (lowercase letters, digits and -), found \"" + id + "\""});
      else if (std::find(faq.related_items.begin(), faq.related_items.end(), id) != faq.related_items.end())
        problems_.push_back({file_, 0, 0, at, "\"" + id + "\" is listed twice"});
      else faq.related_items.push_back(std::move(id));
    }
  }

  const std::filesystem::path& file_;
  JsonProblems& problems_;
  const json* records_ = nullptr;    // the array read_records read last
  const json* fee_items_ = nullptr;  // $.fees.items, when it is an array
  bool statutory_read_ = false;      // of the item being read
};

// Every related item of a 常见问题 must be an approval item some department publishes.
void check_faq_links(const Content& content, const std::map<std::string, std::filesystem::path>& files, JsonProblems& problems) {
  for (const Department& d : content.departments) {
    const auto file = files.find(d.id);
    for (std::size_t i = 0; i < d.faq.size(); ++i)
      for (std::size_t k = 0; k < d.faq[i].related_items.size(); ++k) {
        const std::string& id = d.faq[i].related_items[k];
        if (content.approval_item(id).second) continue;
        problems.push_back({file == files.end() ? std::filesystem::path() : file->second, 0, 0,
                            "$.faq[" + std::to_string(i) + "].related_items[" + std::to_string(k) + "]",
                            "\"" + id + "\" is not the id of any approval item in the content"});
      }
  }
}

std::optional<EventInfo> read_event(const std::filesystem::path& file, JsonProblems& problems) {
  auto root = parse_json_file(file, problems);
  if (!root) return std::nullopt;
  const std::size_t before = problems.size();
  ObjectReader r(*root, "$", file, problems);
  EventInfo event;
  event.county = r.text("county", {20});
  event.title = r.text("title", {24});
  event.date = r.text("date", {10});
  if (!event.date.empty() && !parse_calendar_date(event.date))
    r.problem("date", "must be a real day written YYYY-MM-DD, found \"" + event.date + "\"");
  event.place = r.text("place", kLine);
  event.hotline = r.text("hotline", {40});
  event.sample_data = r.optional_boolean("sample_data").value_or(false);
  r.finish();
  if (problems.size() != before) return std::nullopt;
  return event;
}

bool is_colour(std::string_view text) {
  return text.size() == 7 && text[0] == '#' && std::all_of(text.begin() + 1, text.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
         });
}

// <content>/topics.json: {"topics": [{"id": "shehui-baozhang", "name": "社会保障", "colour": "#2E7D32"}, ...],
// "popular_searches": ["低保", ...]} (the second optional).
void read_topics(const std::filesystem::path& file, Content& content, JsonProblems& problems) {
  std::vector<Topic>& topics = content.topics;
  auto root = parse_json_file(file, problems);
  if (!root) return;
  ObjectReader r(*root, "$", file, problems);
  const json* list = r.array("topics", 1, kMaxTopics);
  if (const json* popular = r.optional_array("popular_searches", 0, kMaxPopularSearches))
    for (std::size_t i = 0; i < popular->size(); ++i)
      content.popular_searches.push_back(array_text((*popular)[i], "$.popular_searches[" + std::to_string(i) + "]", file, problems, kKeyword));
  r.finish();
  if (!list) return;
  for (std::size_t i = 0; i < list->size(); ++i) {
    ObjectReader t((*list)[i], "$.topics[" + std::to_string(i) + "]", file, problems);
    if (!t.valid()) continue;
    Topic topic;
    topic.id = t.text("id", {60});
    if (!topic.id.empty() && !is_content_id(topic.id)) t.problem("id", "must be lowercase letters, digits and - only, found \"" + topic.id + "\"");
    const bool twice = std::any_of(topics.begin(), topics.end(), [&](const Topic& other) { return other.id == topic.id; });
    if (!topic.id.empty() && twice) t.problem("id", "\"" + topic.id + "\" is the id of an earlier topic too");
    topic.name = t.text("name", kTopicName);
    topic.colour = t.text("colour", {7});
    if (!topic.colour.empty() && !is_colour(topic.colour)) t.problem("colour", "must be a colour written #RRGGBB, found \"" + topic.colour + "\"");
    t.finish();
    topics.push_back(std::move(topic));
  }
}

// Every item names at least one topic and only topics that exist; a topic nobody uses is a note.
// Without topics.json the content has no topics, and an item that names one is a problem.
void check_item_topics(const Content& content, const std::filesystem::path& departments_dir, bool have_topics_file,
                       JsonProblems& problems, std::vector<std::string>& notes) {
  std::string known;
  for (const auto& topic : content.topics) known += (known.empty() ? "" : ", ") + topic.id;
  std::set<std::string, std::less<>> used;
  for (const auto& d : content.departments) {
    const auto file = departments_dir / (d.id + ".json");
    for (std::size_t i = 0; i < d.approval_items.size(); ++i) {
      const ApprovalItem& item = d.approval_items[i];
      const std::string at = "$.approval_items[" + std::to_string(i) + "].topics";
      if (!have_topics_file) {
        if (!item.topics.empty())
          problems.push_back({file, 0, 0, at, "names topics, but the content folder has no topics.json that defines them"});
        continue;
      }
      if (item.topics.empty())
        problems.push_back({file, 0, 0, at, "is missing: every approval item belongs to at least one topic of topics.json (" + known + ")"});
      for (std::size_t t = 0; t < item.topics.size(); ++t) {
        if (content.topic(item.topics[t])) used.insert(item.topics[t]);
        else problems.push_back({file, 0, 0, at + "[" + std::to_string(t) + "]", "\"" + item.topics[t] + "\" is not a topic of topics.json (" + known + ")"});
      }
    }
  }
  for (const auto& topic : content.topics)
    if (!used.contains(topic.id)) notes.push_back("topics.json: topic \"" + topic.id + "\" (" + topic.name + ") has no approval items");
}

void append(std::string& out, std::string_view text) {
  out.append(text);
  out.push_back('\n');
}

}  // namespace

const std::vector<std::string>& department_categories() {
  static const std::vector<std::string> categories = {"综合服务", "民生保障", "城乡建设", "市场监管",
                                                      "安全与卫生", "农业与环境", "教育与文化"};
  return categories;
}

const std::vector<std::string>& approval_item_kinds() {
  static const std::vector<std::string> kinds = {"行政许可", "行政确认", "行政给付", "公共服务", "其他行政权力"};
  return kinds;
}

const Department* Content::department(std::string_view id) const {
  for (const auto& d : departments)
    if (d.id == id) return &d;
  return nullptr;
}

std::pair<const Department*, const ApprovalItem*> Content::approval_item(std::string_view id) const {
  for (const auto& d : departments)
    for (const auto& item : d.approval_items)
      if (item.id == id) return {&d, &item};
  return {nullptr, nullptr};
}

std::size_t Content::approval_item_count() const {
  std::size_t n = 0;
  for (const auto& d : departments) n += d.approval_items.size();
  return n;
}

const Topic* Content::topic(std::string_view id) const {
  for (const auto& topic : topics)
    if (topic.id == id) return &topic;
  return nullptr;
}

std::size_t Content::topic_item_count(std::string_view topic_id) const {
  std::size_t n = 0;
  for (const auto& d : departments)
    for (const auto& item : d.approval_items)
      n += std::find(item.topics.begin(), item.topics.end(), topic_id) != item.topics.end() ? 1 : 0;
  return n;
}

std::size_t Content::fee_item_count() const {
  std::size_t n = 0;
  for (const auto& d : departments) n += d.fees.size();
  return n;
}

void Content::for_each_text(const TextVisitor& visit) const {
  for_each_text_outside_departments(visit);
  for (const auto& d : departments) for_each_department_text(d, visit);
}

void Content::for_each_text_outside_departments(const TextVisitor& visit) const {
  auto field = [&](TextStyle style, const std::string& text, const std::string& source) {
    if (!text.empty()) visit(style, text, source);
  };
  field(TextStyle::Heading, event.county, "event.json $.county");
  field(TextStyle::Heading, event.title, "event.json $.title");
  field(TextStyle::Body, event.place, "event.json $.place");
  field(TextStyle::Body, event.hotline, "event.json $.hotline");
  for (const auto& category : department_categories()) field(TextStyle::Heading, category, "the department categories");
  for (const auto& kind : approval_item_kinds()) field(TextStyle::Body, kind, "the approval item kinds");
  for (std::size_t t = 0; t < topics.size(); ++t) field(TextStyle::Heading, topics[t].name, "topics.json $.topics[" + std::to_string(t) + "].name");
  for (std::size_t p = 0; p < popular_searches.size(); ++p)
    field(TextStyle::Heading, popular_searches[p], "topics.json $.popular_searches[" + std::to_string(p) + "]");
}

void Content::for_each_department_text(const Department& d, const TextVisitor& visit) {
  // Each record's drawn fields, in table order, named by their JSON path below `at`.
  const auto records = [&](const auto& fields, const auto& list, const std::string& at, const auto& inner) {
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string path = at + "[" + std::to_string(i) + "]";
      for (const auto& f : fields) {
        visit_field_text(f, list[i], [&](TextStyle style, const std::string& text, const std::string& key) { visit(style, text, path + "." + key); });
        inner(f.key, list[i], path);
      }
    }
  };
  const auto no_records = [](std::string_view, const auto&, const std::string&) {};
  const std::string file = "departments/" + d.id + ".json $";
  for (const auto& f : department_fields()) {
    visit_field_text(f, d, [&](TextStyle style, const std::string& text, const std::string& key) { visit(style, text, file + "." + key); });
    if (f.key == "approval_items")
      records(approval_item_fields(), d.approval_items, file + ".approval_items", [&](std::string_view key, const ApprovalItem& item, const std::string& at) {
        if (key == "materials") records(material_fields(), item.materials, at + ".materials", no_records);
      });
    if (f.key == "fees.items") records(fee_fields(), d.fees, file + ".fees.items", no_records);
    if (f.key == "faq") records(faq_fields(), d.faq, file + ".faq", no_records);
  }
}

std::string Content::heading_texts() const {
  std::string out;
  for_each_text([&](TextStyle style, std::string_view text, const std::string&) {
    if (style != TextStyle::Body) append(out, text);
  });
  return out;
}

std::string Content::body_texts() const {
  std::string out;
  for_each_text([&](TextStyle, std::string_view text, const std::string&) { append(out, text); });
  return out;
}

std::size_t Content::distinct_characters() const {
  // One flag per code point up to U+FFFF (the validator allows no others, but count them
  // anyway): a county's million characters then take milliseconds, where a std::set of the
  // joined texts took a fifth of `openday validate` (issue 18).
  std::vector<bool> seen(0x10000, false);
  std::set<char32_t> beyond;
  std::size_t count = 0;
  for_each_text([&](TextStyle, std::string_view text, const std::string&) {
    for_each_code_point(text, [&](char32_t c) {
      if (c == '\n') return;
      if (c >= 0x10000) {
        count += beyond.insert(c).second ? 1 : 0;
      } else if (!seen[c]) {
        seen[c] = true;
        ++count;
      }
    });
  });
  return count;
}

namespace {

struct DepartmentFileRead {
  std::optional<Department> department;
  JsonProblems problems;
};

DepartmentFileRead read_department_file(const std::filesystem::path& file) {
  DepartmentFileRead read;
  try {
    auto root = parse_json_file(file, read.problems);
    if (root) read.department = DepartmentReader(file, read.problems).read(*root);
  } catch (const std::exception& error) {
    // Out of memory or a thread that cannot start: this file is not read, and the load says why.
    read.department.reset();
    read.problems.push_back({file, 0, 0, "", std::string("could not be read: ") + error.what()});
  }
  return read;
}

// The department files are independent, and parsing them is most of a start on a county's
// 60 files (8 MB of JSON): they are read on up to four threads. Results keep the files' order,
// so problems and duplicate-id messages come out the same as from one thread.
std::vector<DepartmentFileRead> read_department_files(const std::vector<std::filesystem::path>& files) {
  std::vector<DepartmentFileRead> reads(files.size());
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  const std::size_t workers = std::min<std::size_t>({files.size(), cores, 4});
  std::atomic<std::size_t> next{0};
  const auto work = [&] {
    for (std::size_t f = next++; f < files.size(); f = next++) reads[f] = read_department_file(files[f]);
  };
  std::vector<std::thread> helpers;
  for (std::size_t w = 1; w < workers; ++w) {
    try {
      helpers.emplace_back(work);
    } catch (const std::system_error&) {
      break;  // no more threads: the calling thread reads what is left
    }
  }
  work();
  for (std::thread& helper : helpers) helper.join();
  return reads;
}

}  // namespace

ContentLoad load_content(const std::filesystem::path& dir) {
  ContentLoad result;
  JsonProblems& problems = result.problems;
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    problems.push_back({dir, 0, 0, "", "the content folder does not exist or is not a folder"});
    return result;
  }
  Content content;
  if (auto event = read_event(dir / "event.json", problems)) content.event = *event;

  const auto departments_dir = dir / "departments";
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(departments_dir, ec))
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  if (ec) problems.push_back({departments_dir, 0, 0, "", "cannot list the department files: " + ec.message()});
  std::sort(files.begin(), files.end());
  if (files.empty() && !ec) problems.push_back({departments_dir, 0, 0, "", "holds no department files (*.json)"});
  if (files.size() > kMaxDepartments)
    problems.push_back({departments_dir, 0, 0, "", "holds " + std::to_string(files.size()) + " department files, more than " + std::to_string(kMaxDepartments)});

  std::vector<DepartmentFileRead> reads = read_department_files(files);
  std::map<std::string, std::filesystem::path> department_ids;
  std::map<std::string, std::filesystem::path> item_ids;
  for (std::size_t f = 0; f < files.size(); ++f) {
    const auto& file = files[f];
    problems.insert(problems.end(), std::make_move_iterator(reads[f].problems.begin()), std::make_move_iterator(reads[f].problems.end()));
    std::optional<Department>& department = reads[f].department;
    if (!department) continue;
    if (auto [at, fresh] = department_ids.emplace(department->id, file); !fresh)
      problems.push_back({file, 0, 0, "$.id", "\"" + department->id + "\" is already the id of " + at->second.string()});
    for (std::size_t i = 0; i < department->approval_items.size(); ++i) {
      const auto& id = department->approval_items[i].id;
      if (auto [at, fresh] = item_ids.emplace(id, file); !fresh)
        problems.push_back({file, 0, 0, "$.approval_items[" + std::to_string(i) + "].id",
                            "\"" + id + "\" is already the id of an approval item in " + at->second.string()});
    }
    content.departments.push_back(std::move(*department));
  }
  if (problems.empty()) check_faq_links(content, department_ids, problems);
  const auto topics_file = dir / "topics.json";
  const bool have_topics_file = std::filesystem::exists(topics_file, ec);
  if (have_topics_file) read_topics(topics_file, content, problems);
  if (problems.empty()) check_item_topics(content, departments_dir, have_topics_file, problems, result.notes);
  if (!problems.empty()) return result;
  const auto& categories = department_categories();
  std::stable_sort(content.departments.begin(), content.departments.end(), [&](const Department& a, const Department& b) {
    return std::find(categories.begin(), categories.end(), a.category) < std::find(categories.begin(), categories.end(), b.category);
  });
  result.content = std::move(content);
  return result;
}

std::string content_summary(const Content& content) {
  return std::to_string(content.departments.size()) + " departments, " + std::to_string(content.approval_item_count()) +
         " approval items, " + std::to_string(content.fee_item_count()) + " fee items, " +
         std::to_string(content.distinct_characters()) + " distinct characters";
}

}  // namespace openday
