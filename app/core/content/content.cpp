#include "core/content/content.h"

#include <algorithm>
#include <atomic>
#include <map>
#include <set>
#include <system_error>
#include <thread>
#include <vector>

#include "core/util/calendar_date.h"
#include "core/util/utf8.h"

namespace openday {
namespace {

using nlohmann::json;

constexpr TextRule kName{60};
constexpr TextRule kShortName{8};
constexpr TextRule kLine{120};
constexpr TextRule kParagraph{600};
constexpr std::size_t kMaxDepartments = 200;
constexpr std::size_t kMaxFaqs = 60;
constexpr TextRule kKeyword{20};
constexpr TextRule kTopicName{12};
constexpr std::size_t kMaxTopics = 60;
constexpr std::size_t kMaxTopicsPerItem = 8;
constexpr std::size_t kMaxKeywords = 20;
constexpr std::size_t kMaxPopularSearches = 12;

bool is_id(std::string_view id) {
  if (id.empty() || id.size() > 60) return false;
  return std::all_of(id.begin(), id.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
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

class DepartmentReader {
 public:
  DepartmentReader(const std::filesystem::path& file, JsonProblems& problems) : file_(file), problems_(problems) {}

  std::optional<Department> read(const json& root) {
    const std::size_t problems_before = problems_.size();
    ObjectReader r(root, "$", file_, problems_);
    if (!r.valid()) return std::nullopt;
    Department d;
    d.id = r.text("id", {60});
    if (!d.id.empty() && !is_id(d.id)) r.problem("id", "must be lowercase letters, digits and - only, found \"" + d.id + "\"");
    if (!d.id.empty() && file_.stem() != d.id)
      r.problem("id", "must equal the file name: \"" + d.id + "\" belongs in " + d.id + ".json");
    d.name = r.text("name", kName);
    d.short_name = r.text("short_name", kShortName);
    d.category = r.text("category", {20});
    const auto& categories = department_categories();
    if (!d.category.empty() && std::find(categories.begin(), categories.end(), d.category) == categories.end())
      r.problem("category", "\"" + d.category + "\" is not one of: " + joined(categories));
    d.address = r.text("address", kLine);
    d.office_hours = r.text("office_hours", kLine);
    d.phone = r.text("phone", {40});
    d.service_window = r.text("service_window", kLine);
    d.introduction = r.text("introduction", kParagraph);
    read_duties(r, d);
    read_items(r, d);
    read_fees(r, d);
    read_faq(r, d);
    r.finish();
    if (problems_.size() != problems_before) return std::nullopt;
    return d;
  }

 private:
  static std::string joined(const std::vector<std::string>& values) {
    std::string out;
    for (const auto& v : values) out += (out.empty() ? "" : ", ") + v;
    return out;
  }

  Publication read_publication(ObjectReader& parent) {
    Publication p;
    const json* value = parent.object("published");
    if (!value) return p;
    ObjectReader r(*value, parent.child_path("published"), file_, problems_);
    p.date = r.text("date", {10});
    if (!p.date.empty() && !parse_calendar_date(p.date)) r.problem("date", "must be a real day written YYYY-MM-DD, found \"" + p.date + "\"");
    p.source = r.text("source", kLine);
    r.finish();
    return p;
  }

  void read_duties(ObjectReader& parent, Department& d) {
    const json* value = parent.object("duties");
    if (!value) return;
    ObjectReader r(*value, parent.child_path("duties"), file_, problems_);
    d.duties_published = read_publication(r);
    if (const json* paragraphs = r.array("paragraphs", 1, 60)) {
      for (std::size_t i = 0; i < paragraphs->size(); ++i)
        d.duties.push_back(array_text((*paragraphs)[i], r.child_path("paragraphs") + "[" + std::to_string(i) + "]", file_, problems_, kParagraph));
    }
    r.finish();
  }

  void read_items(ObjectReader& parent, Department& d) {
    const json* items = parent.array("approval_items", 0, 300);
    if (!items) return;
    for (std::size_t i = 0; i < items->size(); ++i) {
      ObjectReader r((*items)[i], "$.approval_items[" + std::to_string(i) + "]", file_, problems_);
      if (!r.valid()) continue;
      ApprovalItem item;
      item.id = r.text("id", {60});
      if (!item.id.empty() && !is_id(item.id)) r.problem("id", "must be lowercase letters, digits and - only, found \"" + item.id + "\"");
      item.name = r.text("name", kName);
      item.kind = r.text("kind", {20});
      const auto& kinds = approval_item_kinds();
      if (!item.kind.empty() && std::find(kinds.begin(), kinds.end(), item.kind) == kinds.end())
        r.problem("kind", "\"" + item.kind + "\" is not one of: " + joined(kinds));
      item.legal_basis = r.text("legal_basis", kParagraph);
      if (const json* conditions = r.array("conditions", 1, 40))
        for (std::size_t c = 0; c < conditions->size(); ++c)
          item.conditions.push_back(array_text((*conditions)[c], r.child_path("conditions") + "[" + std::to_string(c) + "]", file_, problems_, kParagraph));
      read_materials(r, item);
      const auto statutory = r.integer("statutory_days", 0, 365);
      item.statutory_days = static_cast<int>(statutory.value_or(0));
      const auto promised = r.integer("promised_days", 0, 365);
      item.promised_days = static_cast<int>(promised.value_or(0));
      // Compared only when both were read: a bad statutory_days is one problem, not two.
      if (statutory && promised && item.promised_days > item.statutory_days)
        r.problem("promised_days", "(" + std::to_string(item.promised_days) + ") must not exceed statutory_days (" + std::to_string(item.statutory_days) + ")");
      item.fee = r.text("fee", kLine);
      item.where = r.text("where", kLine);
      read_online(r, item);
      item.contact = r.text("contact", kLine);
      item.published = read_publication(r);
      read_topics_and_keywords(r, item);
      r.finish();
      d.approval_items.push_back(std::move(item));
    }
  }

  // Both are optional here; whether an item must name topics depends on topics.json, which
  // load_content checks once every file is read.
  void read_topics_and_keywords(ObjectReader& r, ApprovalItem& item) {
    if (const json* topics = r.optional_array("topics", 1, kMaxTopicsPerItem)) {
      for (std::size_t t = 0; t < topics->size(); ++t) {
        const std::string at = r.child_path("topics") + "[" + std::to_string(t) + "]";
        std::string id = array_text((*topics)[t], at, file_, problems_, {60});
        if (id.empty()) continue;
        if (std::find(item.topics.begin(), item.topics.end(), id) != item.topics.end())
          problems_.push_back({file_, 0, 0, at, "\"" + id + "\" is listed twice"});
        else item.topics.push_back(std::move(id));
      }
    }
    const json* keywords = r.optional_array("keywords", 0, kMaxKeywords);
    if (!keywords) return;
    for (std::size_t k = 0; k < keywords->size(); ++k) {
      const std::string at = r.child_path("keywords") + "[" + std::to_string(k) + "]";
      std::string word = array_text((*keywords)[k], at, file_, problems_, kKeyword);
      if (word.empty()) continue;
      if (std::find(item.keywords.begin(), item.keywords.end(), word) != item.keywords.end())
        problems_.push_back({file_, 0, 0, at, "\"" + word + "\" is listed twice"});
      else item.keywords.push_back(std::move(word));
    }
  }

  void read_materials(ObjectReader& parent, ApprovalItem& item) {
    const json* materials = parent.array("materials", 1, 60);
    if (!materials) return;
    for (std::size_t m = 0; m < materials->size(); ++m) {
      ObjectReader r((*materials)[m], parent.child_path("materials") + "[" + std::to_string(m) + "]", file_, problems_);
      if (!r.valid()) continue;
      Material material;
      material.name = r.text("name", kLine);
      material.original = r.boolean("original").value_or(false);
      material.copies = static_cast<int>(r.integer("copies", 0, 20).value_or(0));
      material.note = r.optional_text("note", kLine).value_or("");
      r.finish();
      item.materials.push_back(std::move(material));
    }
  }

  void read_online(ObjectReader& parent, ApprovalItem& item) {
    const json* value = parent.object("online");
    if (!value) return;
    ObjectReader r(*value, parent.child_path("online"), file_, problems_);
    item.online = r.boolean("available").value_or(false);
    if (item.online) {
      item.online_url = r.text("url", {300});
      if (!item.online_url.empty() && !is_web_address(item.online_url))
        r.problem("url", "must be a web address starting with https:// or http://, found \"" + item.online_url + "\"");
    } else if (r.has("url")) {
      r.problem("url", "is given, but available is false: remove it, or set available to true");
    }
    r.finish();
  }

  void read_fees(ObjectReader& parent, Department& d) {
    const json* value = parent.object("fees");
    if (!value) return;
    ObjectReader r(*value, parent.child_path("fees"), file_, problems_);
    const json* items = r.array("items", 0, 1000);
    if (items) {
      for (std::size_t i = 0; i < items->size(); ++i) {
        ObjectReader f((*items)[i], r.child_path("items") + "[" + std::to_string(i) + "]", file_, problems_);
        if (!f.valid()) continue;
        FeeItem fee;
        fee.name = f.text("name", kLine);
        fee.amount = f.text("amount", {12});
        if (!fee.amount.empty() && !is_decimal_amount(fee.amount))
          f.problem("amount", "must be a number written as text, like \"80\" or \"0.5\", found \"" + fee.amount + "\"");
        fee.unit = f.text("unit", {20});
        fee.legal_basis = f.text("legal_basis", kParagraph);
        fee.document_number = f.text("document_number", kLine);
        fee.notes = f.optional_text("notes", kParagraph).value_or("");
        fee.published = read_publication(f);
        f.finish();
        d.fees.push_back(std::move(fee));
      }
    }
    const auto statement = r.optional_text("no_fee_statement", kLine);
    if (items && items->empty() && !statement)
      r.problem("no_fee_statement", "is missing: a department without fee items must say so (e.g. \"本部门无行政事业性收费项目。\")");
    if (items && !items->empty() && statement)
      r.problem("no_fee_statement", "must be left out when there are fee items");
    d.no_fee_statement = statement.value_or("");
    r.finish();
  }

  // 常见问题 (optional): question, answer and related_items, the ids checked once every
  // department is read (check_faq_links).
  void read_faq(ObjectReader& parent, Department& d) {
    if (!parent.has("faq")) return;
    const json* entries = parent.array("faq", 0, kMaxFaqs);
    if (!entries) return;
    for (std::size_t i = 0; i < entries->size(); ++i) {
      ObjectReader r((*entries)[i], parent.child_path("faq") + "[" + std::to_string(i) + "]", file_, problems_);
      if (!r.valid()) continue;
      Faq faq;
      faq.question = r.text("question", kName);
      faq.answer = r.text("answer", kParagraph);
      for (std::size_t earlier = 0; earlier < d.faq.size(); ++earlier)
        if (!faq.question.empty() && d.faq[earlier].question == faq.question)
          r.problem("question", "\"" + faq.question + "\" is already asked at $.faq[" + std::to_string(earlier) + "]");
      if (r.has("related_items")) {
        if (const json* related = r.array("related_items", 1, 10)) {
          for (std::size_t k = 0; k < related->size(); ++k) {
            const std::string at = r.child_path("related_items") + "[" + std::to_string(k) + "]";
            std::string id = array_text((*related)[k], at, file_, problems_, {60});
            if (id.empty()) continue;
            if (!is_id(id)) problems_.push_back({file_, 0, 0, at, "must be an approval item id (lowercase letters, digits and -), found \"" + id + "\""});
            else if (std::find(faq.related_items.begin(), faq.related_items.end(), id) != faq.related_items.end())
              problems_.push_back({file_, 0, 0, at, "\"" + id + "\" is listed twice"});
            else faq.related_items.push_back(std::move(id));
          }
        }
      }
      r.finish();
      d.faq.push_back(std::move(faq));
    }
  }

  const std::filesystem::path& file_;
  JsonProblems& problems_;
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
    if (!topic.id.empty() && !is_id(topic.id)) t.problem("id", "must be lowercase letters, digits and - only, found \"" + topic.id + "\"");
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
  constexpr TextStyle H = TextStyle::Heading, B = TextStyle::Body;
  auto field = [&](TextStyle style, const std::string& text, const std::string& source) {
    if (!text.empty()) visit(style, text, source);
  };
  auto publication = [&](const Publication& p, const std::string& at) {
    field(B, p.date, at + ".published.date");
    field(B, p.source, at + ".published.source");
  };
  field(H, event.county, "event.json $.county");
  field(H, event.title, "event.json $.title");
  field(B, event.place, "event.json $.place");
  field(B, event.hotline, "event.json $.hotline");
  for (const auto& category : department_categories()) field(H, category, "the department categories");
  for (const auto& kind : approval_item_kinds()) field(B, kind, "the approval item kinds");
  for (std::size_t t = 0; t < topics.size(); ++t) field(H, topics[t].name, "topics.json $.topics[" + std::to_string(t) + "].name");
  for (std::size_t p = 0; p < popular_searches.size(); ++p)
    field(H, popular_searches[p], "topics.json $.popular_searches[" + std::to_string(p) + "]");
  for (const auto& d : departments) {
    const std::string file = "departments/" + d.id + ".json $";
    field(H, d.name, file + ".name");
    field(H, d.short_name, file + ".short_name");
    field(B, d.address, file + ".address");
    field(B, d.office_hours, file + ".office_hours");
    field(B, d.phone, file + ".phone");
    field(B, d.service_window, file + ".service_window");
    field(B, d.introduction, file + ".introduction");
    publication(d.duties_published, file + ".duties");
    for (std::size_t i = 0; i < d.duties.size(); ++i) field(B, d.duties[i], file + ".duties.paragraphs[" + std::to_string(i) + "]");
    for (std::size_t i = 0; i < d.approval_items.size(); ++i) {
      const ApprovalItem& item = d.approval_items[i];
      const std::string at = file + ".approval_items[" + std::to_string(i) + "]";
      field(H, item.name, at + ".name");
      field(B, item.kind, at + ".kind");
      field(B, item.legal_basis, at + ".legal_basis");
      for (std::size_t c = 0; c < item.conditions.size(); ++c) field(B, item.conditions[c], at + ".conditions[" + std::to_string(c) + "]");
      for (std::size_t m = 0; m < item.materials.size(); ++m) {
        field(B, item.materials[m].name, at + ".materials[" + std::to_string(m) + "].name");
        field(B, item.materials[m].note, at + ".materials[" + std::to_string(m) + "].note");
      }
      field(B, item.fee, at + ".fee");
      field(B, item.where, at + ".where");
      field(B, item.online_url, at + ".online.url");
      field(B, item.contact, at + ".contact");
      publication(item.published, at);
      for (std::size_t k = 0; k < item.keywords.size(); ++k) field(B, item.keywords[k], at + ".keywords[" + std::to_string(k) + "]");
    }
    for (std::size_t i = 0; i < d.fees.size(); ++i) {
      const FeeItem& fee = d.fees[i];
      const std::string at = file + ".fees.items[" + std::to_string(i) + "]";
      field(H, fee.name, at + ".name");  // fee cards title each fee
      field(B, fee.amount, at + ".amount");
      field(B, fee.unit, at + ".unit");
      field(B, fee.legal_basis, at + ".legal_basis");
      field(B, fee.document_number, at + ".document_number");
      field(B, fee.notes, at + ".notes");
      publication(fee.published, at);
    }
    // The 收费标准 tab of a department without fees says so in its heading face.
    field(H, d.no_fee_statement, file + ".fees.no_fee_statement");
    // 常见问题: questions title cards and answers; answers are read in body text.
    for (std::size_t i = 0; i < d.faq.size(); ++i) {
      field(H, d.faq[i].question, file + ".faq[" + std::to_string(i) + "].question");
      field(B, d.faq[i].answer, file + ".faq[" + std::to_string(i) + "].answer");
    }
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
