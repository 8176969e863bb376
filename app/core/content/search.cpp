#include "core/content/search.h"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "core/content/content_fields.h"
#include "core/util/utf8.h"

namespace openday {
namespace {

SearchHit::Range byte_range(const Initials& initials, std::size_t first_letter, std::size_t letters) {
  const auto& first = initials.spans[first_letter];
  const auto& last = initials.spans[first_letter + letters - 1];
  return {first.offset, last.offset + last.length - first.offset};
}

bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

}  // namespace

std::string_view search_match_name(SearchMatch match) {
  switch (match) {
    case SearchMatch::WholeName: return "whole_name";
    case SearchMatch::NameStart: return "name_start";
    case SearchMatch::Keyword: return "keyword";
    case SearchMatch::InName: return "in_name";
    case SearchMatch::Department: return "department";
  }
  return "unknown";
}

SearchQuery normalise_search_query(std::string_view raw) {
  SearchQuery query;
  bool letters_only = true;
  for (const char c : raw) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    letters_only = letters_only && letter;
    query.text.push_back(letter && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  if (!is_valid_utf8(query.text)) query.text.clear();  // from a command line: never trust it
  query.initials = letters_only && !query.text.empty();
  return query;
}

SearchIndex::SearchIndex(const Content& content) {
  for (const auto& department : content.departments) {
    const std::size_t department_index = department_initials_.size();
    std::string initials;
    department_texts_.push_back(search_texts(department_fields(), department, SearchRole::DepartmentName));
    for (std::size_t t = 0; t < department_texts_.back().size(); ++t)
      initials += (t == 0 ? "" : "|") + pinyin_initials(department_texts_.back()[t]).letters;
    department_initials_.push_back(std::move(initials));
    for (const auto& item : department.approval_items) {
      const auto names = search_texts(approval_item_fields(), item, SearchRole::ItemName);
      const std::string_view name = names.empty() ? std::string_view() : names.front();
      Entry entry{&department, &item, name, pinyin_initials(name), search_texts(approval_item_fields(), item, SearchRole::Keyword), {},
                  department_index, count_code_points(name), entries_.size()};
      for (const auto keyword : entry.keywords) entry.keyword_initials.push_back(pinyin_initials(keyword).letters);
      entries_.push_back(std::move(entry));
    }
  }
}

bool SearchIndex::match_initials(const Entry& entry, std::string_view query, SearchHit& hit, std::size_t& position) const {
  const std::string& name = entry.name.letters;
  const auto in_name = name.find(query);
  if (in_name == 0) {
    hit.match = name.size() == query.size() ? SearchMatch::WholeName : SearchMatch::NameStart;
    hit.highlight.push_back(byte_range(entry.name, 0, query.size()));
    position = 0;
    return true;
  }
  for (std::size_t k = 0; k < entry.keyword_initials.size(); ++k) {
    if (const auto at = entry.keyword_initials[k].find(query); at != std::string::npos) {
      hit.match = SearchMatch::Keyword;
      hit.keyword = std::string(entry.keywords[k]);
      position = at;
      return true;
    }
  }
  if (in_name != std::string::npos) {
    hit.match = SearchMatch::InName;
    hit.highlight.push_back(byte_range(entry.name, in_name, query.size()));
    position = in_name;
    return true;
  }
  if (const auto at = department_initials_[entry.department_index].find(query); at != std::string::npos) {
    hit.match = SearchMatch::Department;
    position = at;
    return true;
  }
  return false;
}

bool SearchIndex::match_text(const Entry& entry, std::string_view query, SearchHit& hit, std::size_t& position) const {
  const std::string_view name = entry.name_text;
  const auto in_name = name.find(query);
  if (in_name == 0) {
    hit.match = name.size() == query.size() ? SearchMatch::WholeName : SearchMatch::NameStart;
    hit.highlight.push_back({0, query.size()});
    position = 0;
    return true;
  }
  for (const std::string_view keyword : entry.keywords) {
    if (const auto at = keyword.find(query); at != std::string_view::npos) {
      hit.match = SearchMatch::Keyword;
      hit.keyword = std::string(keyword);
      position = at;
      return true;
    }
  }
  if (in_name != std::string::npos) {
    hit.match = SearchMatch::InName;
    hit.highlight.push_back({in_name, query.size()});
    position = in_name;
    return true;
  }
  const auto& department = department_texts_[entry.department_index];
  if (std::any_of(department.begin(), department.end(), [&](std::string_view text) { return contains(text, query); })) {
    hit.match = SearchMatch::Department;
    position = 0;
    return true;
  }
  return false;
}

std::vector<SearchHit> SearchIndex::search(std::string_view raw) const {
  const SearchQuery query = normalise_search_query(raw);
  if (query.text.empty()) return {};
  struct Ranked {
    SearchHit hit;
    std::size_t position;
    const Entry* entry;
  };
  std::vector<Ranked> found;
  for (const auto& entry : entries_) {
    SearchHit hit;
    std::size_t position = 0;
    const bool matched = query.initials ? match_initials(entry, query.text, hit, position) : match_text(entry, query.text, hit, position);
    if (!matched) continue;
    hit.department = entry.department;
    hit.item = entry.item;
    found.push_back({std::move(hit), position, &entry});
  }
  std::stable_sort(found.begin(), found.end(), [](const Ranked& a, const Ranked& b) {
    if (a.hit.match != b.hit.match) return a.hit.match < b.hit.match;
    if (a.position != b.position) return a.position < b.position;
    if (a.entry->name_chars != b.entry->name_chars) return a.entry->name_chars < b.entry->name_chars;
    return a.entry->order < b.entry->order;
  });
  std::vector<SearchHit> hits;
  hits.reserve(found.size());
  for (auto& ranked : found) hits.push_back(std::move(ranked.hit));
  return hits;
}

std::string search_results_text(std::string_view query, const std::vector<SearchHit>& hits) {
  if (hits.empty()) return "no results for \"" + std::string(query) + "\"\n";
  std::string out;
  for (std::size_t i = 0; i < hits.size(); ++i) {
    const SearchHit& hit = hits[i];
    out += std::to_string(i + 1) + ". " + hit.item->name + "  " + hit.department->name + "  " + std::string(search_match_name(hit.match));
    if (!hit.keyword.empty()) out += " (" + hit.keyword + ")";
    if (hit.item->online) out += "  可网上办理";
    out += "  [" + hit.item->id + "]\n";
  }
  return out;
}

std::string search_results_json(std::string_view query, const std::vector<SearchHit>& hits) {
  nlohmann::json results = nlohmann::json::array();
  for (const SearchHit& hit : hits) {
    nlohmann::json highlight = nlohmann::json::array();
    for (const auto& range : hit.highlight) highlight.push_back(hit.item->name.substr(range.offset, range.length));
    results.push_back({{"item", hit.item->id},
                       {"name", hit.item->name},
                       {"department", hit.department->id},
                       {"department_name", hit.department->name},
                       {"match", search_match_name(hit.match)},
                       {"keyword", hit.keyword},
                       {"online", hit.item->online},
                       {"highlight", std::move(highlight)}});
  }
  const SearchQuery normalised = normalise_search_query(query);
  nlohmann::json out = {{"query", normalised.text}, {"initials", normalised.initials}, {"results", std::move(results)}};
  // Invalid UTF-8 never reaches here (the query is normalised); replace rather than throw anyway.
  return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace openday
