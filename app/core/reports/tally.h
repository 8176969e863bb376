#pragma once
// The staff desk tally (issue 12): the booth's work that happens away from the screen —
// people received at the desk, policy questions answered, problems written down, handbooks and
// leaflets handed out — logged as desk_tally events in the same event log, so that reports
// merge a desk's database with the kiosks' without double counting. A tap is cancelled by a
// desk_tally_undo event naming it (never deleted), so a merged report stays exact. The facts of
// the day that are not taps (departments taking part, staff on duty, boards, leaflets printed)
// are event_fact events: the latest entry counts, so a wrong figure is corrected by entering it
// again.
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "core/visits/events.h"

namespace openday {

struct Content;
struct Config;

enum class TallyKind { Consultation, Answer, Problem, Handbook, Leaflet, Count };
inline constexpr std::size_t kTallyKinds = static_cast<std::size_t>(TallyKind::Count);

// "consultation", "answer", "problem", "handbook", "leaflet": the names the CLI and the log use.
std::string_view tally_kind_name(TallyKind kind);
std::optional<TallyKind> tally_kind_from_name(std::string_view name);
// Kinds whose tap asks for the department (answers and problems).
bool tally_kind_takes_department(TallyKind kind);
// Kinds counted in bundles (+1, +10, +100): handbooks and leaflets.
bool tally_kind_counts_in_bundles(TallyKind kind);

// The short list of problem categories (id, Chinese label), in the order the desk shows them.
struct ProblemCategory {
  std::string_view id;
  std::string_view label;
};
std::vector<ProblemCategory> problem_categories();
std::optional<ProblemCategory> problem_category(std::string_view id);

// One tap can count at most this many (a box of 100 leaflets is the largest bundle; a typo of
// 10000 is refused rather than counted).
inline constexpr std::int64_t kMaxTallyCount = 1000;
// 撤销上一次 works this long after the tap.
inline constexpr std::int64_t kTallyUndoWindowMs = 60'000;
// A second tap of the same button this soon after the first is taken as a double tap.
inline constexpr std::int64_t kTallyDoubleTapMs = 700;

struct TallyTap {
  TallyKind kind = TallyKind::Consultation;
  std::string department;  // department id, or empty
  std::string category;    // problem category id, or empty
  std::int64_t count = 1;
};

// What is wrong with a tap, in words for the CLI and the log ("" when it is fine): a count out
// of 1..kMaxTallyCount, a department the content does not know (content may be null: then
// any well-formed id passes), an unknown category, a category on a kind other than problem.
std::string tally_tap_problem(const TallyTap& tap, const Content* content);

// The events the desk logs. tap_id is the tap's at_ms, unique per kiosk id (the desk makes
// each one later than the last).
Event tally_event(const TallyTap& tap, std::int64_t at_ms);
Event tally_undo_event(const TallyTap& tap, std::int64_t tap_id, std::int64_t at_ms);

enum class EventFactKind { Departments, Staff, Boards, LeafletsPrinted, Count };
inline constexpr std::size_t kEventFactKinds = static_cast<std::size_t>(EventFactKind::Count);
std::string_view event_fact_name(EventFactKind fact);  // departments | staff | boards | leaflets_printed
std::optional<EventFactKind> event_fact_from_name(std::string_view name);
inline constexpr std::int64_t kMaxEventFact = 10'000'000;
Event event_fact_event(EventFactKind fact, std::int64_t value, std::int64_t at_ms);

// The tally of a report: taps minus undone ones, per kind, per department and per problem
// category, and the latest value of each fact (absent: never entered; the config may give it).
struct TallyTotals {
  std::array<std::int64_t, kTallyKinds> by_kind{};
  std::map<std::string, std::array<std::int64_t, kTallyKinds>> by_department;  // taps that named one
  std::map<std::string, std::int64_t> problems_by_category;
  std::array<std::optional<std::int64_t>, kEventFactKinds> facts{};
  std::int64_t undone = 0;  // taps cancelled by 撤销上一次

  std::int64_t operator[](TallyKind kind) const { return by_kind[static_cast<std::size_t>(kind)]; }
  std::optional<std::int64_t> fact(EventFactKind f) const { return facts[static_cast<std::size_t>(f)]; }
  bool any_tally() const;
  bool any_fact() const;
};

// Facts never entered on the day take the config's value, when it gives one.
void apply_fact_defaults(TallyTotals& totals, const Config& config);

// Adds up tally rows while a report scans its databases; rows are already free of copies.
class TallyAccumulator {
 public:
  void add_tap(std::string_view kiosk, std::string_view kind, std::optional<std::string_view> department,
               std::optional<std::string_view> category, std::optional<std::int64_t> tap_id, std::optional<std::int64_t> count);
  void add_undo(std::string_view kiosk, std::optional<std::int64_t> tap_id);
  void add_fact(std::string_view fact, std::optional<std::int64_t> value, std::int64_t at_ms, std::string_view kiosk, std::int64_t seq);
  TallyTotals finish() const;

 private:
  struct Tap {
    TallyKind kind;
    std::string department, category;
    std::int64_t count;
  };
  std::map<std::pair<std::string, std::int64_t>, Tap> taps_;  // by kiosk and tap id
  std::vector<Tap> taps_without_id_;                           // cannot be undone
  std::map<std::pair<std::string, std::int64_t>, int> undos_;
  // The latest entry of each fact: by time, then kiosk and sequence so that merges agree.
  std::array<std::optional<std::tuple<std::int64_t, std::string, std::int64_t, std::int64_t>>, kEventFactKinds> facts_{};
};

// For `openday tally add` (its own immediate transaction, on a database a kiosk or desk may be
// writing at the same time): logs the tap under the kiosk id "tally@<owner>" (the kiosk whose
// rows fill the file; "desk" for a new file), so that its rows never mix into another's
// numbering. Never checkpoints. Returns the event as stored.
class Database;
Event add_tally_from_tool(Database& db, const TallyTap& tap, std::int64_t now_ms);

// For `openday tally list`: the tally rows of one local day, oldest first, with whether each tap
// was undone; undo rows themselves are folded into the taps they cancel.
struct TallyLine {
  std::int64_t at_ms = 0;
  std::string kiosk_id;
  std::string kind, department, category;
  std::int64_t count = 0;
  bool undone = false;
};
std::vector<TallyLine> tally_lines(const Database& db, std::int64_t from_ms, std::int64_t before_ms);

}  // namespace openday
