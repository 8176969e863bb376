#pragma once
// Which characters the font atlas holds: the glyph plan. The glyph sets follow the code that
// draws, in two steps. First, every text is declared with the largest style a screen draws it
// in: the UI table's entries (ui_text.cpp), the content's and the quiz bank's fields
// (Content/QuizBank::for_each_text), the booth config, and the summary paragraph, whose fixed
// words live in summary_text() (so sample reports are run through it). Only names and headings
// go into the heading bakes and only the few largest words into display and hero, which keeps
// the atlas small as content grows. Second, the text helpers check each text against the face
// they actually draw it with (TextAudit); a character that slipped through is learned here, the
// atlas is rebuilt before the next frame, and it is logged once per text with its source. The
// UI tests walk every screen and require the first step alone to be enough.
//
// The atlas holds what the screen can show, not the whole content: the shared texts, the texts
// the route's registry row declares (RouteTexts: its department's, or every item's name), and
// what was learned.
#include <array>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/booth/config.h"
#include "core/content/content.h"
#include "core/quiz/quiz_bank.h"
#include "ui/fonts.h"
#include "ui/route_registry.h"
#include "ui/text_layout.h"

namespace openday::ui {

// The texts a screen draws beyond the shared ones, from its route's registry row.
struct GlyphFocus {
  RouteTexts texts = RouteTexts::Shared;
  std::string department;  // the department's id, for RouteTexts::Department
  bool operator==(const GlyphFocus&) const = default;
};
// The focus of a concrete route on this content; shared only for a route no row opens.
GlyphFocus glyph_focus_of(std::string_view route, const Content& content);

// Where the plan's texts come from; all outlive the plan's use of them.
struct GlyphSources {
  const Content& content;
  const QuizBank& quiz;
  const Config& config;
  const EventInfo& event;
};

class GlyphPlan {
 public:
  // Declares every text of the sources again (new content), keeping the focus and what was learned.
  void collect(const GlyphSources& sources);
  // Bakes the texts of another screen; true when what the next bake holds changed.
  bool follow(const std::string& upcoming_route, const Content& content);
  // Whether the route's screen needs texts the plan does not hold now.
  bool needs_refocus(const std::string& upcoming_route, const Content& content) const;
  // Learns the characters drawn in a face that lacked them and logs each text once with its
  // source; true when the next bake holds more.
  bool learn(std::vector<GlyphMiss> misses, const FontSet& fonts, const GlyphSources& sources);

  const GlyphTexts& texts() const { return texts_; }  // what the next bake holds
  // What a bake for another focus would hold (the atlas warmer bakes it ahead of the visit).
  GlyphTexts texts_for(const GlyphFocus& focus, const Content& content) const;
  // Every focus a screen of this content can have: shared, search, and each department.
  static std::vector<GlyphFocus> every_focus(const Content& content);
  // Every text drawn so far with a character its face lacked, with the line logged about it.
  const std::map<std::string, std::string>& fallbacks_logged() const { return fallbacks_logged_; }

 private:
  void compose(const Content& content);
  const GlyphFocus& focus_of(const std::string& route, const Content& content) const;

  GlyphTexts texts_;
  GlyphTexts shared_;  // what any screen may draw
  std::map<std::string, GlyphTexts, std::less<>> by_department_;  // by department id
  GlyphFocus focus_;                                                // what is baked now
  std::array<std::string, 4> learned_;  // per FontRole: characters drawn but not declared
  std::map<std::string, std::string> fallbacks_logged_;  // text -> what was logged about its missing glyphs
  // The last route asked about and its focus: the runner asks before every frame.
  mutable std::string focus_route_;
  mutable GlyphFocus focus_of_route_;
  mutable const Content* focus_content_ = nullptr;
};

}  // namespace openday::ui
