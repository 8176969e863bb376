#include "core/staff/tally_service.h"

#include <algorithm>
#include <set>

#include "core/reports/report.h"
#include "core/reports/stats.h"
#include "core/visits/sqlite.h"
#include "core/visits/store.h"

namespace openday {
namespace {

DeskToday read_today(const std::filesystem::path& database, const Config& config) {
  DeskToday today;
  // The desk's writer creates the file on its own thread: until then the day is empty.
  if (!std::filesystem::exists(database)) {
    apply_fact_defaults(today.totals, config);
    return today;
  }
  const CalendarDate day = local_today();
  ReportRequest request;
  request.databases = {database};
  request.from = request.to = day;
  request.config = &config;
  today.totals = build_report(request).tally;
  // The departments today's taps named, the latest first (a day is at most 14 h from UTC).
  const std::int64_t day_start_ms = day_number(day) * 86400 * 1000;
  Database db = open_store_read_only(database);
  const auto lines = tally_lines(db, day_start_ms - 14 * 3600 * 1000, day_start_ms + 38 * 3600 * 1000);
  std::set<std::string> seen;
  for (auto line = lines.rbegin(); line != lines.rend(); ++line) {
    if (line->department.empty() || line->undone) continue;
    if (seen.insert(line->department).second) today.recent_departments.push_back(line->department);
  }
  return today;
}

}  // namespace

TallyService::TallyService(std::filesystem::path database, DurableStore& store, const Config& config)
    : database_(std::move(database)), store_(store), config_(config) {}

void TallyService::refresh() {
  if (today_.running()) {
    refresh_again_ = true;  // a commit came after this read began: read once more
    return;
  }
  today_.start_async([database = database_, config = config_] { return read_today(database, config); });
}

TallyTapOutcome TallyService::tap(const TallyTap& tap, std::string_view button, std::int64_t wall_ms, std::int64_t steady_ms) {
  const auto last = last_press_steady_ms_.find(button);
  const bool double_tap = last != last_press_steady_ms_.end() && steady_ms - last->second < kTallyDoubleTapMs;
  last_press_steady_ms_[std::string(button)] = steady_ms;
  if (double_tap) return TallyTapOutcome::DoubleTap;
  if (write_.running()) return TallyTapOutcome::Busy;
  // Tap ids are the taps' times, unique per kiosk: a tap in the same millisecond moves on by one.
  const std::int64_t at_ms = std::max(wall_ms, last_tap_id_ + 1);
  last_tap_id_ = at_ms;
  start_write({Write::Kind::Tap, tap, at_ms, at_ms}, tally_event(tap, at_ms));
  return TallyTapOutcome::Saving;
}

std::optional<TallyService::Undoable> TallyService::undoable(std::int64_t wall_ms) const {
  if (!last_tap_ || wall_ms - last_tap_->at_ms >= kTallyUndoWindowMs || wall_ms < last_tap_->at_ms - kTallyUndoWindowMs) return std::nullopt;
  return last_tap_;
}

bool TallyService::undo(std::int64_t wall_ms) {
  const auto target = undoable(wall_ms);
  if (!target || write_.running()) return false;
  start_write({Write::Kind::Undo, target->tap, target->tap_id, wall_ms}, tally_undo_event(target->tap, target->tap_id, wall_ms));
  return true;
}

bool TallyService::set_fact(EventFactKind fact, std::int64_t value, std::int64_t wall_ms) {
  if (write_.running() || value < 0 || value > kMaxEventFact) return false;
  start_write({Write::Kind::Fact, {}, 0, wall_ms}, event_fact_event(fact, value, wall_ms));
  return true;
}

void TallyService::start_write(Write write, Event event) {
  write_.start_durable(store_, write, [event = std::move(event)](DurableTransaction& tx, Write&) { tx.add_event(event); });
}

bool TallyService::poll() {
  bool finished = false;
  if (write_.collect()) {
    finished = true;
    if (auto done = write_.take_result()) {
      if (done->kind == Write::Kind::Tap) {
        last_tap_ = Undoable{done->tap, done->tap_id, done->at_ms};
        last_saved_ = done->tap;
        last_undone_.reset();
      } else if (done->kind == Write::Kind::Undo) {
        last_tap_.reset();
        last_undone_ = done->tap;
        last_saved_.reset();
      }
    }
    refresh();
  }
  if (today_.collect()) finished = true;
  if (refresh_again_ && !today_.running()) {
    refresh_again_ = false;
    refresh();
  }
  return finished;
}

}  // namespace openday
