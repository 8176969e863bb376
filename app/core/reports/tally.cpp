#include "core/reports/tally.h"

#include <algorithm>

#include "core/booth/config.h"
#include "core/content/content.h"
#include "core/visits/sqlite.h"
#include "core/visits/store.h"

namespace openday {
namespace {

constexpr std::array<std::string_view, kTallyKinds> kKindNames = {"consultation", "answer", "problem", "handbook", "leaflet"};
constexpr std::array<std::string_view, kEventFactKinds> kFactNames = {"departments", "staff", "boards", "leaflets_printed"};

constexpr std::array<ProblemCategory, 5> kCategories = {{
    {"policy", "政策规定"},
    {"procedure", "办事流程"},
    {"fees", "收费问题"},
    {"complaint", "投诉建议"},
    {"other", "其他问题"},
}};

bool is_id_text(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
  });
}

}  // namespace

std::string_view tally_kind_name(TallyKind kind) { return kKindNames[static_cast<std::size_t>(kind)]; }

std::optional<TallyKind> tally_kind_from_name(std::string_view name) {
  for (std::size_t i = 0; i < kKindNames.size(); ++i)
    if (kKindNames[i] == name) return static_cast<TallyKind>(i);
  return std::nullopt;
}

bool tally_kind_takes_department(TallyKind kind) { return kind == TallyKind::Answer || kind == TallyKind::Problem; }
bool tally_kind_counts_in_bundles(TallyKind kind) { return kind == TallyKind::Handbook || kind == TallyKind::Leaflet; }

std::vector<ProblemCategory> problem_categories() { return {kCategories.begin(), kCategories.end()}; }

std::optional<ProblemCategory> problem_category(std::string_view id) {
  for (const auto& category : kCategories)
    if (category.id == id) return category;
  return std::nullopt;
}

std::string tally_tap_problem(const TallyTap& tap, const Content* content) {
  if (tap.count < 1 || tap.count > kMaxTallyCount)
    return "count must be a whole number from 1 to " + std::to_string(kMaxTallyCount) + ", got " + std::to_string(tap.count);
  if (!tap.department.empty()) {
    if (!is_id_text(tap.department)) return "department '" + tap.department + "' is not a department id";
    if (content && !content->department(tap.department))
      return "unknown department '" + tap.department + "' (not in the content folder; see its departments/ files)";
  }
  if (!tap.category.empty()) {
    if (tap.kind != TallyKind::Problem) return "a category goes only with --kind problem";
    if (!problem_category(tap.category)) {
      std::string known;
      for (const auto& c : kCategories) known += (known.empty() ? "" : ", ") + std::string(c.id);
      return "unknown problem category '" + tap.category + "' (one of " + known + ")";
    }
  }
  return "";
}

Event tally_event(const TallyTap& tap, std::int64_t at_ms) {
  Event event;
  event.type = EventType::DeskTally;
  event.target = tally_kind_name(tap.kind);
  event.department = tap.department;
  event.item = tap.category;
  event.count = tap.count;
  event.value = at_ms;
  event.at_ms = at_ms;
  return event;
}

Event tally_undo_event(const TallyTap& tap, std::int64_t tap_id, std::int64_t at_ms) {
  Event event;
  event.type = EventType::DeskTallyUndo;
  event.target = tally_kind_name(tap.kind);
  event.department = tap.department;
  event.count = tap.count;
  event.value = tap_id;
  event.at_ms = at_ms;
  return event;
}

std::string_view event_fact_name(EventFactKind fact) { return kFactNames[static_cast<std::size_t>(fact)]; }

std::optional<EventFactKind> event_fact_from_name(std::string_view name) {
  for (std::size_t i = 0; i < kFactNames.size(); ++i)
    if (kFactNames[i] == name) return static_cast<EventFactKind>(i);
  return std::nullopt;
}

Event event_fact_event(EventFactKind fact, std::int64_t value, std::int64_t at_ms) {
  Event event;
  event.type = EventType::EventFact;
  event.target = event_fact_name(fact);
  event.value = value;
  event.at_ms = at_ms;
  return event;
}

bool TallyTotals::any_tally() const {
  return std::any_of(by_kind.begin(), by_kind.end(), [](std::int64_t n) { return n != 0; });
}

bool TallyTotals::any_fact() const {
  return std::any_of(facts.begin(), facts.end(), [](const auto& f) { return f.has_value(); });
}

void apply_fact_defaults(TallyTotals& totals, const Config& config) {
  for (std::size_t i = 0; i < kEventFactKinds; ++i)
    if (!totals.facts[i] && config.fact_defaults[i]) totals.facts[i] = *config.fact_defaults[i];
}

void TallyAccumulator::add_tap(std::string_view kiosk, std::string_view kind_name, std::optional<std::string_view> department,
                               std::optional<std::string_view> category, std::optional<std::int64_t> tap_id,
                               std::optional<std::int64_t> count) {
  const auto kind = tally_kind_from_name(kind_name);
  if (!kind) return;  // a kind from a newer build: not counted
  const std::int64_t n = std::clamp<std::int64_t>(count.value_or(1), 0, kMaxTallyCount);
  Tap tap{*kind, std::string(department.value_or("")), std::string(category.value_or("")), n};
  if (!tap_id) {
    taps_without_id_.push_back(std::move(tap));
    return;
  }
  taps_[{std::string(kiosk), *tap_id}] = std::move(tap);
}

void TallyAccumulator::add_undo(std::string_view kiosk, std::optional<std::int64_t> tap_id) {
  if (tap_id) ++undos_[{std::string(kiosk), *tap_id}];
}

void TallyAccumulator::add_fact(std::string_view fact, std::optional<std::int64_t> value, std::int64_t at_ms, std::string_view kiosk,
                                std::int64_t seq) {
  const auto kind = event_fact_from_name(fact);
  if (!kind || !value || *value < 0 || *value > kMaxEventFact) return;
  auto& latest = facts_[static_cast<std::size_t>(*kind)];
  auto entry = std::tuple<std::int64_t, std::string, std::int64_t, std::int64_t>{at_ms, std::string(kiosk), seq, *value};
  if (!latest || std::tie(std::get<0>(entry), std::get<1>(entry), std::get<2>(entry)) >
                     std::tie(std::get<0>(*latest), std::get<1>(*latest), std::get<2>(*latest)))
    latest = std::move(entry);
}

TallyTotals TallyAccumulator::finish() const {
  TallyTotals totals;
  auto count = [&totals](const Tap& tap) {
    const auto k = static_cast<std::size_t>(tap.kind);
    totals.by_kind[k] += tap.count;
    if (!tap.department.empty()) {
      auto& row = totals.by_department[tap.department];
      row[k] += tap.count;
    }
    if (tap.kind == TallyKind::Problem) totals.problems_by_category[tap.category.empty() ? "other" : tap.category] += tap.count;
  };
  for (const auto& [key, tap] : taps_) {
    if (undos_.count(key)) {
      ++totals.undone;
      continue;
    }
    count(tap);
  }
  for (const Tap& tap : taps_without_id_) count(tap);
  for (std::size_t i = 0; i < kEventFactKinds; ++i)
    if (facts_[i]) totals.facts[i] = std::get<3>(*facts_[i]);
  return totals;
}

namespace {

// The kiosk whose rows fill the file (the longest run that is not a tool's), as vouchers do.
std::string owner_of(const Database& db) {
  std::string owner;
  std::int64_t most = -1;
  for (const auto& [kiosk, run] : event_runs(db)) {
    if (kiosk.find('@') != std::string::npos) continue;
    if (run.second - run.first > most) {
      most = run.second - run.first;
      owner = kiosk;
    }
  }
  return owner.empty() ? "desk" : owner;
}

}  // namespace

Event add_tally_from_tool(Database& db, const TallyTap& tap, std::int64_t now_ms) {
  // This connection never checkpoints: the running kiosk's own writer does that.
  db.exec("PRAGMA wal_autocheckpoint=0", "turning off checkpoints for the tally connection");
  db.skip_checkpoint_on_close();
  db.exec("BEGIN IMMEDIATE", "starting the tally entry");
  try {
    const std::string kiosk = "tally@" + owner_of(db);
    // Tap ids are unique per kiosk id: a second entry in the same millisecond moves on by one.
    Statement last = db.prepare("SELECT max(value) FROM events WHERE kiosk_id = ?1 AND type = ?2");
    last.bind(1, kiosk).bind(2, event_type_name(EventType::DeskTally));
    last.step();
    const std::int64_t at_ms = last.column_is_null(0) ? now_ms : std::max(now_ms, last.column_int(0) + 1);
    const Event event = tally_event(tap, at_ms);
    Statement insert = prepare_event_insert(db);
    insert_event(insert, kiosk, next_event_seq(db, kiosk), event);
    db.exec("COMMIT", "committing the tally entry");
    return event;
  } catch (...) {
    db.rollback_quietly();
    throw;
  }
}

std::vector<TallyLine> tally_lines(const Database& db, std::int64_t from_ms, std::int64_t before_ms) {
  Statement rows = db.prepare(
      "SELECT t.at_ms, t.kiosk_id, t.target, coalesce(t.department, ''), coalesce(t.item, ''), coalesce(t.count, 1), "
      "  EXISTS (SELECT 1 FROM events u WHERE u.type = ?4 AND u.kiosk_id = t.kiosk_id AND u.value = t.value) "
      "FROM events t WHERE t.type = ?3 AND t.at_ms >= ?1 AND t.at_ms < ?2 ORDER BY t.at_ms, t.kiosk_id, t.seq");
  rows.bind(1, from_ms).bind(2, before_ms).bind(3, event_type_name(EventType::DeskTally)).bind(4, event_type_name(EventType::DeskTallyUndo));
  enum : int { kAt, kKiosk, kKind, kDepartment, kCategory, kCount, kUndone };
  std::vector<TallyLine> lines;
  while (rows.step())
    lines.push_back({rows.column_int(kAt), rows.column_text(kKiosk), rows.column_text(kKind), rows.column_text(kDepartment),
                     rows.column_text(kCategory), rows.column_int(kCount), rows.column_int(kUndone) != 0});
  return lines;
}

}  // namespace openday
