#include "ui/glyph_plan.h"

#include <algorithm>

#include "core/content/ui_text.h"
#include "core/reports/report.h"
#include "core/util/log.h"
#include "core/util/utf8.h"

namespace openday::ui {
namespace {

// The texts every screen may draw: all but the departments' own, and each department's name
// and short name (the department cards, the quiz's look-up buttons and the staff charts show
// them), walked as the content walks a department so a new name field is planned here too.
void for_each_shared_text(const Content& content, const Content::TextVisitor& visit) {
  content.for_each_text_outside_departments(visit);
  for (const Department& department : content.departments) {
    Department names;
    names.id = department.id;
    names.name = department.name;
    names.short_name = department.short_name;
    Content::for_each_department_text(names, visit);
  }
}

// The staff dashboard and the export screen draw the summary paragraph in body text. Its words
// depend on the counts: a busy sample and an empty day say every fixed word.
void add_summary_words(GlyphTexts& texts, const std::string& county) {
  Report sample;
  sample.days = {DailyRow{"2026-05-15"}, DailyRow{"2026-05-16"}};
  sample.total.sessions = sample.total.quiz_attempts = 1;
  sample.departments.push_back(DepartmentRow{});
  QuestionRow question;
  question.answers = 1;
  sample.questions.push_back(question);
  sample.voice.questions_asked = sample.voice.ratings[4] = 1;  // the sentence on the citizen's voice (issue 15)
  // The desk's 基本情况 (issue 12): every fact and tally clause, a rounded figure among them.
  sample.tally.by_kind.fill(1234);
  sample.tally.facts.fill(1);
  texts.add(TextStyle::Body, summary_text(sample, county));
  Report empty_day;
  empty_day.from = empty_day.to = "2026-05-15";
  empty_day.total.vouchers_redeemed = 1;
  texts.add(TextStyle::Body, summary_text(empty_day, county));
}

// Whether a UI string (with its {0} placeholders) could have produced drawn: every literal
// piece of it appears there.
bool ui_string_matches(std::string_view entry, std::string_view drawn) {
  bool any_piece = false;
  while (!entry.empty()) {
    const std::size_t open = entry.find('{');
    const std::string_view piece = entry.substr(0, open);
    if (!piece.empty()) {
      if (drawn.find(piece) == std::string_view::npos) return false;
      any_piece = true;
    }
    if (open == std::string_view::npos) break;
    const std::size_t close = entry.find('}', open);
    if (close == std::string_view::npos) break;
    entry.remove_prefix(close + 1);
  }
  return any_piece;
}

bool contains_any(std::string_view text, std::string_view characters_utf8) {
  for (std::size_t pos = 0; pos < characters_utf8.size();) {
    char32_t c = 0;
    const std::size_t length = std::max<std::size_t>(1, decode_code_point(characters_utf8, pos, c));
    if (text.find(characters_utf8.substr(pos, length)) != std::string_view::npos) return true;
    pos += length;
  }
  return false;
}

// Where a drawn text came from, for the log: the UI string's key, the content file and JSON
// path, the config key; the text itself when nothing matches (a message made at run time).
std::string text_source(const GlyphSources& sources, std::string_view drawn, std::string_view missing) {
  std::string found;
  const auto consider = [&](TextStyle, std::string_view text, const std::string& source) {
    if (!found.empty() || text.empty() || !contains_any(text, missing)) return;
    if (drawn.find(text) != std::string_view::npos || text.find(drawn) != std::string_view::npos) found = source;
  };
  sources.content.for_each_text(consider);
  sources.quiz.for_each_text(consider);
  consider(TextStyle::Heading, sources.config.prize_name, "config [quiz] prize_name");
  consider(TextStyle::Body, sources.config.prize_description, "config [quiz] prize_description");
  consider(TextStyle::Heading, sources.event.title, "the event title (event.json or config)");
  consider(TextStyle::Heading, sources.event.county, "the county (event.json or config)");
  if (!found.empty()) return found;
  for (const TextEntry& entry : all_texts())
    if (contains_any(entry.zh, missing) && ui_string_matches(entry.zh, drawn)) return "UI string " + std::string(entry.key);
  std::size_t quoted = std::min<std::size_t>(drawn.size(), 90);
  while (quoted < drawn.size() && (static_cast<unsigned char>(drawn[quoted]) & 0xC0) == 0x80) --quoted;  // whole characters only
  return "text \"" + std::string(drawn.substr(0, quoted)) + (quoted < drawn.size() ? "…" : "") + "\"";
}

}  // namespace

GlyphFocus glyph_focus_of(std::string_view route, const Content& content) {
  const auto match = match_route(route, content);
  if (!match) return {};
  GlyphFocus focus{match->spec->texts, {}};
  if (focus.texts == RouteTexts::Department && match->params.department) focus.department = match->params.department->id;
  return focus;
}

void GlyphPlan::collect(const GlyphSources& sources) {
  shared_ = glyph_texts_for_ui_table();
  by_department_.clear();
  focus_content_ = nullptr;
  shared_.add(TextStyle::Heading, sources.event.county);
  shared_.add_hero(sources.event.title);
  for_each_shared_text(sources.content, [this](TextStyle style, std::string_view text, const std::string&) { shared_.add(style, text); });
  for (const Department& department : sources.content.departments) {
    GlyphTexts& texts = by_department_[department.id];
    Content::for_each_department_text(department, [&texts](TextStyle style, std::string_view text, const std::string&) { texts.add(style, text); });
  }
  sources.quiz.for_each_text([this](TextStyle style, std::string_view text, const std::string&) { shared_.add(style, text); });
  shared_.add(TextStyle::Heading, sources.config.prize_name);
  shared_.add(TextStyle::Body, sources.config.prize_description);
  shared_.add(TextStyle::Heading, sources.config.prize_desk);
  add_summary_words(shared_, sources.event.county);
  compose(sources.content);
}

const GlyphFocus& GlyphPlan::focus_of(const std::string& route, const Content& content) const {
  if (focus_content_ != &content || route != focus_route_) {
    focus_of_route_ = glyph_focus_of(route, content);
    focus_route_ = route;
    focus_content_ = &content;
  }
  return focus_of_route_;
}

bool GlyphPlan::needs_refocus(const std::string& upcoming_route, const Content& content) const {
  return focus_of(upcoming_route, content) != focus_;
}

bool GlyphPlan::follow(const std::string& upcoming_route, const Content& content) {
  if (!needs_refocus(upcoming_route, content)) return false;
  focus_ = focus_of(upcoming_route, content);
  compose(content);
  return true;
}

void GlyphPlan::compose(const Content& content) { texts_ = texts_for(focus_, content); }

GlyphTexts GlyphPlan::texts_for(const GlyphFocus& focus, const Content& content) const {
  GlyphTexts texts = shared_;
  if (const auto found = by_department_.find(focus.department); found != by_department_.end()) texts.add_all(found->second);
  // The search results and a topic's list name items of every department (issue 14), with their
  // department and keywords, in the body face.
  if (focus.texts == RouteTexts::EveryItemName) {
    std::string names;
    for (const Department& department : content.departments) {
      names += department.short_name + "\n";
      for (const ApprovalItem& item : department.approval_items) {
        names += item.name + "\n";
        for (const std::string& keyword : item.keywords) names += keyword + "\n";
      }
    }
    texts.add_for_role(FontRole::Body, names);
    // The 手写 pad's candidates are drawn in the heading face (issue 31).
    texts.add_for_role(FontRole::Heading, names);
  }
  for (FontRole role : {FontRole::Body, FontRole::Heading, FontRole::Display, FontRole::Hero})
    texts.add_for_role(role, learned_[static_cast<std::size_t>(role)]);
  return texts;
}

std::vector<GlyphFocus> GlyphPlan::every_focus(const Content& content) {
  std::vector<GlyphFocus> foci = {GlyphFocus{}, GlyphFocus{RouteTexts::EveryItemName, {}}};
  for (const Department& department : content.departments) foci.push_back({RouteTexts::Department, department.id});
  return foci;
}

bool GlyphPlan::learn(std::vector<GlyphMiss> misses, const FontSet& fonts, const GlyphSources& sources) {
  bool more = false;
  for (const GlyphMiss& miss : misses) {
    const std::optional<FontRole> role = fonts.role_of(miss.font);
    if (!role) continue;
    std::string& learned = learned_[static_cast<std::size_t>(*role)];
    std::string added;
    for (std::size_t pos = 0; pos < miss.missing.size();) {
      char32_t c = 0;
      const std::size_t length = std::max<std::size_t>(1, decode_code_point(miss.missing, pos, c));
      const std::string one = miss.missing.substr(pos, length);
      if (learned.find(one) == std::string::npos) added += one;
      pos += length;
    }
    if (!added.empty()) {
      learned += added;
      texts_.add_for_role(*role, added);
      more = true;
    }
    if (fallbacks_logged_.count(miss.text)) continue;
    static constexpr const char* kRoleNames[] = {"body", "heading", "display", "hero"};
    std::string line = "fallback glyph: " + text_source(sources, miss.text, miss.missing) + " drew \"" + miss.missing + "\" in the " +
                       kRoleNames[static_cast<std::size_t>(*role)] + " face, which lacked them; baking them now";
    log_line(line);
    fallbacks_logged_.emplace(miss.text, std::move(line));
  }
  return more;
}

}  // namespace openday::ui
