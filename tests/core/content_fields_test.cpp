// The field tables (issue 26): every key the content uses is named by a table, and every row
// of a table is carried by the workbook, matched by the search and baked for the screens. Each
// test fails when a table entry is missing.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/content/content.h"
#include "core/content/content_fields.h"
#include "core/content/content_workbook.h"
#include "core/content/search.h"
#include "support/content_fixture.h"
#include "support/content_fixture_odd.h"
#include "support/temp_dir.h"

namespace openday {
namespace {

const std::filesystem::path kSample = std::filesystem::path(OPENDAY_ASSETS_DIR) / "content";

// "approval_items[].materials[].name" for each key below the root, as department_json_paths().
void key_paths(const nlohmann::json& value, const std::string& prefix, std::set<std::string>& out) {
  if (value.is_array()) {
    for (const auto& element : value) key_paths(element, prefix + "[]", out);
    return;
  }
  if (!value.is_object()) return;
  for (const auto& [key, inner] : value.items()) {
    const std::string path = prefix.empty() ? key : prefix + "." + key;
    out.insert(path);
    key_paths(inner, path, out);
  }
}

nlohmann::json read_json(const std::filesystem::path& file) {
  std::ifstream in(file);
  return nlohmann::json::parse(in);
}

// Every JSON path of the shipped sample's and the fixtures' department files.
std::set<std::string> used_paths() {
  std::set<std::string> paths;
  for (const auto& entry : std::filesystem::directory_iterator(kSample / "departments")) key_paths(read_json(entry.path()), "", paths);
  key_paths(testing::valid_department("alpha"), "", paths);
  testing::TempDir dir;
  testing::write_odd_content(dir.path());
  for (const auto& entry : std::filesystem::directory_iterator(dir.path() / "departments")) key_paths(read_json(entry.path()), "", paths);
  return paths;
}

Content sample() {
  ContentLoad load = load_content(kSample);
  EXPECT_TRUE(load.content) << testing::all(load.problems);
  return load.content ? std::move(*load.content) : Content{};
}

TEST(ContentFields, EveryKeyOfTheSampleAndTheFixturesIsNamedByATable) {
  const std::vector<std::string> known = department_json_paths();
  const std::set<std::string> used = used_paths();
  ASSERT_GT(used.size(), 40u);
  for (const std::string& path : used)
    EXPECT_TRUE(std::binary_search(known.begin(), known.end(), path)) << path << " is in the content but in no field table";
  // And the other way: a table row nothing uses is a row the tests do not exercise.
  for (const std::string& path : known) EXPECT_TRUE(used.contains(path)) << path << " is in a field table but in no sample or fixture";
}

TEST(ContentFields, TheFuzzDictionaryNamesEveryKey) {
  std::ifstream in(std::filesystem::path(OPENDAY_ASSETS_DIR) / ".." / "tests" / "fuzz" / "content.dict");
  ASSERT_TRUE(in);
  std::stringstream dict;
  dict << in.rdbuf();
  for (const std::string& path : department_json_paths()) {
    const std::string key = path.substr(path.find_last_of('.') == std::string::npos ? 0 : path.find_last_of('.') + 1);
    const std::string bare = key.ends_with("[]") ? key.substr(0, key.size() - 2) : key;
    EXPECT_NE(dict.str().find("=\"\\\"" + bare + "\\\""), std::string::npos) << "tests/fuzz/content.dict lacks the key " << bare;
  }
}

// Each field of a table compared on its own, so a failure names the field that was lost.
template <class R>
void expect_same_fields(const std::vector<Field<R>>& fields, const R& before, const R& after, const std::string& at) {
  for (const auto& field : fields) {
    if (field.slot.text_of) {
      EXPECT_EQ(field.slot.text_of(before), field.slot.text_of(after)) << at << "." << field.key;
    }
    if (field.slot.lines_of) {
      EXPECT_EQ(field.slot.lines_of(before), field.slot.lines_of(after)) << at << "." << field.key;
    }
    if (field.slot.integer_of) {
      EXPECT_EQ(field.slot.integer_of(before), field.slot.integer_of(after)) << at << "." << field.key;
    }
    if (field.slot.boolean_of) {
      EXPECT_EQ(field.slot.boolean_of(before), field.slot.boolean_of(after)) << at << "." << field.key;
    }
  }
}

// Whether some record gives the field a value other than its empty default.
template <class R>
bool has_value(const Field<R>& field, const R& record) {
  if (field.slot.text_of) return !field.slot.text_of(record).empty();
  if (field.slot.lines_of) return !field.slot.lines_of(record).empty();
  if (field.slot.integer_of) return field.slot.integer_of(record) != 0;
  if (field.slot.boolean_of) return field.slot.boolean_of(record);
  return true;
}

template <class R>
void expect_each_field_filled(const std::vector<Field<R>>& fields, const std::vector<const R*>& records, const char* table) {
  for (const auto& field : fields) {
    if (field.place == Place::None) continue;
    const bool filled = std::any_of(records.begin(), records.end(), [&](const R* r) { return has_value(field, *r); });
    EXPECT_TRUE(filled) << table << "." << field.key << " has no value in the sample: the round trip does not test it";
  }
}

TEST(ContentFields, EveryWorkbookFieldRoundTripsJsonWorkbookJson) {
  const Content before = sample();
  std::vector<const Department*> departments;
  std::vector<const ApprovalItem*> items;
  std::vector<const Material*> materials;
  std::vector<const FeeItem*> fees;
  std::vector<const Faq*> faqs;
  for (const auto& d : before.departments) {
    departments.push_back(&d);
    for (const auto& item : d.approval_items) {
      items.push_back(&item);
      for (const auto& m : item.materials) materials.push_back(&m);
    }
    for (const auto& fee : d.fees) fees.push_back(&fee);
    for (const auto& faq : d.faq) faqs.push_back(&faq);
  }
  expect_each_field_filled(department_fields(), departments, "department");
  expect_each_field_filled(approval_item_fields(), items, "approval_item");
  expect_each_field_filled(material_fields(), materials, "material");
  expect_each_field_filled(fee_fields(), fees, "fee");
  expect_each_field_filled(faq_fields(), faqs, "faq");

  testing::TempDir dir;
  ContentImportRequest request;
  request.workbooks = export_content_workbooks(before, dir.path() / "workbooks");
  request.out_dir = dir.path() / "imported";
  request.event_file = kSample / "event.json";
  const ContentImportResult result = import_content_workbooks(request);
  ASSERT_TRUE(result.problems.empty()) << result.problems.front().to_string();
  const ContentLoad again = load_content(request.out_dir);
  ASSERT_TRUE(again.content);
  for (const auto& d : before.departments) {
    const Department* after = again.content->department(d.id);
    ASSERT_NE(after, nullptr) << d.id;
    expect_same_fields(department_fields(), d, *after, d.id);
    ASSERT_EQ(d.approval_items.size(), after->approval_items.size());
    for (std::size_t i = 0; i < d.approval_items.size(); ++i) {
      const auto& item = d.approval_items[i];
      expect_same_fields(approval_item_fields(), item, after->approval_items[i], item.id);
      ASSERT_EQ(item.materials.size(), after->approval_items[i].materials.size());
      for (std::size_t m = 0; m < item.materials.size(); ++m)
        expect_same_fields(material_fields(), item.materials[m], after->approval_items[i].materials[m], item.id + ".materials");
    }
    ASSERT_EQ(d.fees.size(), after->fees.size());
    for (std::size_t f = 0; f < d.fees.size(); ++f) expect_same_fields(fee_fields(), d.fees[f], after->fees[f], d.id + ".fees");
    ASSERT_EQ(d.faq.size(), after->faq.size());
    for (std::size_t q = 0; q < d.faq.size(); ++q) expect_same_fields(faq_fields(), d.faq[q], after->faq[q], d.id + ".faq");
  }
}

TEST(ContentFields, EverySearchableFieldIsFoundByTheSearch) {
  const Content content = sample();
  const SearchIndex index(content);
  std::set<SearchRole> roles;
  for (const auto& d : content.departments) {
    for (const auto& item : d.approval_items) {
      for (const SearchRole role : {SearchRole::ItemName, SearchRole::Keyword}) {
        for (const std::string_view text : search_texts(approval_item_fields(), item, role)) {
          roles.insert(role);
          const auto hits = index.search(text);
          EXPECT_TRUE(std::any_of(hits.begin(), hits.end(), [&](const SearchHit& h) { return h.item == &item; }))
              << "searching \"" << text << "\" does not find " << item.id;
        }
      }
    }
    if (d.approval_items.empty()) continue;
    for (const std::string_view text : search_texts(department_fields(), d, SearchRole::DepartmentName)) {
      roles.insert(SearchRole::DepartmentName);
      const auto hits = index.search(text);
      EXPECT_TRUE(std::any_of(hits.begin(), hits.end(), [&](const SearchHit& h) { return h.department == &d; }))
          << "searching \"" << text << "\" does not find the items of " << d.id;
    }
  }
  EXPECT_EQ(roles.size(), 3u) << "a search role is marked on no field";
}

TEST(ContentFields, EveryDrawnFieldReachesTheGlyphCollection) {
  const Content content = sample();
  const std::string headings = content.heading_texts();
  const std::string all = content.body_texts();
  std::size_t checked = 0;
  const auto expect_baked = [&](TextStyle style, const std::string& text, const std::string& key) {
    ++checked;
    EXPECT_NE(all.find(text), std::string::npos) << key << " \"" << text << "\" is not collected";
    if (style == TextStyle::Heading) {
      EXPECT_NE(headings.find(text), std::string::npos) << key << " is not collected as a heading";
    }
  };
  for (const auto& d : content.departments) {
    for_each_field_text(department_fields(), d, expect_baked);
    for (const auto& item : d.approval_items) {
      for_each_field_text(approval_item_fields(), item, expect_baked);
      for (const auto& m : item.materials) for_each_field_text(material_fields(), m, expect_baked);
    }
    for (const auto& fee : d.fees) for_each_field_text(fee_fields(), fee, expect_baked);
    for (const auto& faq : d.faq) for_each_field_text(faq_fields(), faq, expect_baked);
  }
  EXPECT_GT(checked, 500u);
}

TEST(ContentFields, EveryFieldHasAKeyAndEveryWorkbookFieldAHeaderAndComment) {
  const auto check = [](const auto& fields, const char* table) {
    std::set<std::string_view> keys;
    for (const auto& field : fields) {
      EXPECT_TRUE(keys.insert(field.key).second) << table << "." << field.key << " is named twice";
      if (field.place == Place::None) continue;
      EXPECT_NE(field.column.header, nullptr) << table << "." << field.key;
      EXPECT_NE(field.column.comment, nullptr) << table << "." << field.key;
      EXPECT_GT(field.column.width, 0) << table << "." << field.key;
    }
  };
  check(department_fields(), "department");
  check(approval_item_fields(), "approval_item");
  check(material_fields(), "material");
  check(fee_fields(), "fee");
  check(faq_fields(), "faq");
}

}  // namespace
}  // namespace openday
