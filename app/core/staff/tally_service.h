#pragma once
// The staff desk's tally as the screens use it (issue 12), all of it off the UI thread: a tap is
// committed through the event log's durable path before the screen counts it, today's totals
// are read back from the database as the reports read them, the last tap can be undone within
// a minute (an undo event that names it), and a double tap is counted once. The day's facts
// (departments, staff, boards, leaflets printed) are entered and corrected here too.
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/booth/config.h"
#include "core/reports/tally.h"
#include "core/staff/pending.h"
#include "core/visits/durable_store.h"

namespace openday {

// Today's desk figures as the tally screen shows them.
struct DeskToday {
  TallyTotals totals;                           // undone taps left out; facts with the config's defaults
  std::vector<std::string> recent_departments;  // named by today's taps, most recent first
};

enum class TallyTapOutcome {
  Saving,     // accepted: being committed, counted once the commit returned
  DoubleTap,  // the same button again within kTallyDoubleTapMs: taken as one tap
  Busy,       // the previous tap is still being saved
};

class TallyService {
 public:
  TallyService(std::filesystem::path database, DurableStore& store, const Config& config);

  // Reads today's totals afresh (after every commit it does so by itself).
  void refresh();
  const std::optional<DeskToday>& today() const { return today_.result(); }
  std::optional<std::string> today_error() const { return today_.error(); }

  // button: the id of what was tapped (a double tap is the same button twice); steady_ms: a
  // monotonic clock for the double-tap window; wall_ms: when it happened.
  TallyTapOutcome tap(const TallyTap& tap, std::string_view button, std::int64_t wall_ms, std::int64_t steady_ms);
  // The last committed tap while 撤销上一次 may still undo it.
  struct Undoable {
    TallyTap tap;
    std::int64_t tap_id = 0;
    std::int64_t at_ms = 0;
  };
  std::optional<Undoable> undoable(std::int64_t wall_ms) const;
  // Undoes the last tap when still within the minute; false when there is nothing to undo.
  bool undo(std::int64_t wall_ms);
  // The last tap and undo that were saved, for the screen's confirmation line.
  const std::optional<TallyTap>& last_saved() const { return last_saved_; }
  const std::optional<TallyTap>& last_undone() const { return last_undone_; }
  std::optional<std::string> save_error() const { return write_.error(); }

  // Enters (or corrects) a fact of the day; false while another write is being saved.
  bool set_fact(EventFactKind fact, std::int64_t value, std::int64_t wall_ms);

  bool saving() const { return write_.running(); }
  // Collects finished work; true when anything finished now.
  bool poll();
  bool busy() const { return write_.running() || today_.running() || refresh_again_; }

 private:
  struct Write {
    enum class Kind { Tap, Undo, Fact } kind = Kind::Tap;
    TallyTap tap;
    std::int64_t tap_id = 0;
    std::int64_t at_ms = 0;
  };
  void start_write(Write write, Event event);

  std::filesystem::path database_;
  DurableStore& store_;
  Config config_;
  Pending<Write> write_;
  Pending<DeskToday> today_;
  bool refresh_again_ = false;
  std::optional<Undoable> last_tap_;
  std::optional<TallyTap> last_saved_;
  std::optional<TallyTap> last_undone_;
  std::int64_t last_tap_id_ = 0;
  std::map<std::string, std::int64_t, std::less<>> last_press_steady_ms_;  // by button
};

}  // namespace openday
