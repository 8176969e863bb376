#pragma once
// The kiosk's search (issue 14): a query of pinyin initials typed on the on-screen letters
// (DB, DBJ) or Chinese words (低保, from `openday search`), ranked by how well it matches an
// approval item: its whole name, the start of its name, one of its keywords (the words people
// say: 低保 is DB whatever the name), inside its name, then its department's name. The index keeps each text's initials ready, so that a keystroke
// costs one pass over short strings (well under a millisecond for a county's 3,000 items).
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/content/content.h"
#include "core/content/pinyin.h"

namespace openday {

// Best first: the order results are ranked in.
enum class SearchMatch { WholeName, NameStart, Keyword, InName, Department };
std::string_view search_match_name(SearchMatch match);  // "whole_name", "name_start", ...

struct SearchHit {
  const Department* department = nullptr;
  const ApprovalItem* item = nullptr;
  SearchMatch match = SearchMatch::WholeName;
  // Byte ranges of item->name to highlight (the characters that matched); empty when the
  // match is not in the name.
  struct Range {
    std::size_t offset = 0;
    std::size_t length = 0;
  };
  std::vector<Range> highlight;
  std::string keyword;  // the keyword that matched, for SearchMatch::Keyword
};

// A query as the search understands it: letters are lowercased initials; anything else is
// matched as text. Spaces around and inside are dropped. Empty when nothing is left.
struct SearchQuery {
  std::string text;
  bool initials = false;  // only ASCII letters: match pinyin initials
};
SearchQuery normalise_search_query(std::string_view raw);

class SearchIndex {
 public:
  // `content` must outlive the index.
  explicit SearchIndex(const Content& content);
  // All matching items, best first (ties: earlier match, shorter name, content order).
  std::vector<SearchHit> search(std::string_view query) const;
  std::size_t item_count() const { return entries_.size(); }

 private:
  // What the field tables mark searchable (content_fields.h): the item's name, its keywords,
  // and its department's names.
  struct Entry {
    const Department* department;
    const ApprovalItem* item;
    std::string_view name_text;
    Initials name;
    std::vector<std::string_view> keywords;
    std::vector<std::string> keyword_initials;
    std::size_t department_index;  // into department_initials_
    std::size_t name_chars;
    std::size_t order;
  };
  bool match_initials(const Entry& entry, std::string_view query, SearchHit& hit, std::size_t& position) const;
  bool match_text(const Entry& entry, std::string_view query, SearchHit& hit, std::size_t& position) const;

  std::vector<Entry> entries_;
  std::vector<std::string> department_initials_;  // name and short name initials, joined by '|'
  std::vector<std::vector<std::string_view>> department_texts_;  // the same texts as they are
};

// What `openday search` prints: one line per result ("1. 低保金申请  民政局  whole_name  可网上办理"),
// or a JSON object {"query", "initials", "results": [{"item", "name", "department",
// "department_name", "match", "keyword", "online", "highlight": [text, ...]}]}.
std::string search_results_text(std::string_view query, const std::vector<SearchHit>& hits);
std::string search_results_json(std::string_view query, const std::vector<SearchHit>& hits);

}  // namespace openday
