#include "core/reports/report.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cmath>
#include <algorithm>
#include <cstdio>
#include <map>
#include <tuple>
#include <set>
#include <vector>

#include "core/content/content.h"
#include "core/quiz/quiz_bank.h"
#include "core/quiz/vouchers.h"
#include "core/visits/booth_store.h"
#include "core/visits/prize_reserve_store.h"
#include "core/visits/sqlite.h"
#include "core/visits/store.h"

namespace openday {
namespace {

std::string day_text(std::int64_t days) { return format_calendar_date(date_of_day_number(days)); }

// A query of Latin letters only was typed as initials (DBJ); the letter keyboard makes nothing else.
bool is_initials(std::string_view query) {
  return !query.empty() && std::all_of(query.begin(), query.end(), [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); });
}

std::string identity_of(const std::filesystem::path& file) {
  struct stat info {};
  if (stat(file.c_str(), &info) != 0) return file.string();
  return std::to_string(info.st_dev) + ":" + std::to_string(info.st_ino);
}

std::optional<std::int64_t> optional_int(const Statement& row, int column) {
  if (row.column_is_null(column)) return std::nullopt;
  return row.column_int(column);
}

struct SessionAccumulator {
  std::int64_t started_at_ms = 0;
  std::int64_t day = 0;
  int hour = 0;
  bool started = false;
  std::string reason;
  std::optional<std::int64_t> dwell_ms;
  std::optional<std::int64_t> touches;
  std::int64_t taps = 0;
  bool browsed = false;  // opened a department or an approval item
};

// A session's end and its last taps may come after midnight (or after the last day asked for):
// rows this long after the range are still read for the sessions that started inside it.
constexpr std::int64_t kSessionTailDays = 1;

// Adds up one pass over the events of every database. A kiosk's rows are numbered by its
// sequence, and every database of a kiosk holds one unbroken run of numbers, so a row whose
// number lies in a run already read from another file is a copy and counts once.
class Aggregator {
 public:
  Aggregator(const ReportRequest& request) : request_(request) {
    if (request.from) from_day_ = day_number(*request.from);
    if (request.to) to_day_ = day_number(*request.to);
  }

  void read(const std::filesystem::path& file, Report& report) {
    Database db = open_store_read_only(file);  // names the file if missing, unreadable or foreign
    Statement begin = db.prepare("BEGIN");     // one snapshot while its kiosk writes on
    begin.run();
    const auto runs = event_runs(db);
    scan_events(db, runs);
    complete_sessions_cut_by_the_range(db);
    merge_vouchers(db);
    merge_double_redemptions(db);
    read_stock(db, runs);
    Statement end = db.prepare("COMMIT");
    end.run();
    for (const auto& [kiosk, run] : runs) seen_runs_[kiosk].push_back(run);
    ++report.databases_read;
  }

  void finish(Report& report);

 private:
  using Run = std::pair<std::int64_t, std::int64_t>;  // first and last sequence number

  bool already_seen(const std::string& kiosk, std::int64_t seq) const {
    const auto found = seen_runs_.find(kiosk);
    if (found == seen_runs_.end()) return false;
    return std::any_of(found->second.begin(), found->second.end(), [&](const Run& r) { return seq >= r.first && seq <= r.second; });
  }

  void scan_events(const Database& db, const std::map<std::string, Run>& runs) {
    // A day is at most 14 hours either side of UTC: a coarse bound that lets the time index help.
    std::optional<std::int64_t> from_ms, before_ms;
    if (from_day_) from_ms = scan_from_ms(*from_day_);
    if (to_day_) before_ms = scan_before_ms(*to_day_);
    EventRows rows(db, from_ms, before_ms);
    bool check_copies = false;
    for (const auto& [kiosk, run] : runs) check_copies = check_copies || seen_runs_.count(kiosk) > 0;
    std::string kiosk;
    while (rows.next()) {
      const std::string_view kiosk_view = rows.kiosk_id();
      if (kiosk_view != kiosk) kiosk.assign(kiosk_view);
      if (check_copies && already_seen(kiosk, rows.seq())) continue;
      const std::int64_t at_ms = rows.at_ms();
      const std::int64_t local = at_ms / 1000 + rows.utc_offset_min() * 60;
      const std::int64_t day = local / 86400;
      if (from_day_ && day < *from_day_) continue;
      if (to_day_ && day > *to_day_) {
        add_to_session(rows, kiosk, at_ms, day, 0);  // only to sessions that started in range
        // An undo just after midnight still cancels its tap of the day before.
        if (rows.type() == EventType::DeskTallyUndo) tally_.add_undo(kiosk, rows.value());
        continue;
      }
      add(rows, kiosk, at_ms, day, static_cast<int>((local % 86400) / 3600));
    }
  }

  // What a row tells about its visitor session: its start (which decides the day it counts
  // on), its end and dwell, its taps, and whether it opened a department or an item.
  void add_to_session(const EventRows& row, const std::string& kiosk, std::int64_t at_ms, std::int64_t day, int hour) {
    const std::int64_t session = row.session();
    if (session == 0) return;
    const std::optional<EventType> type = row.type();
    if (!type) return;
    const bool browsed = type == EventType::ScreenView && (row.department() || row.item());
    if (type != EventType::SessionStart && type != EventType::SessionEnd && type != EventType::Tap && !browsed) return;
    const auto key = std::pair<std::string, std::int64_t>{kiosk, session};
    auto found = sessions_.find(key);
    if (found == sessions_.end()) {
      if (type != EventType::SessionStart && to_day_ && day > *to_day_) return;  // no session of the range
      found = sessions_.emplace(key, SessionAccumulator{}).first;
    }
    SessionAccumulator& s = found->second;
    if (type == EventType::SessionStart) {
      if (to_day_ && day > *to_day_) return;
      s.started = true;
      s.started_at_ms = at_ms;
      s.day = day;
      s.hour = hour;
      return;
    }
    add_to_started_session(s, *type, row.target(), row.value(), row.count());
  }

  static void add_to_started_session(SessionAccumulator& s, EventType type, std::string_view target, std::optional<std::int64_t> value,
                                     std::optional<std::int64_t> count) {
    switch (type) {
      case EventType::SessionEnd:
        s.reason = target;
        if (value) s.dwell_ms = value;
        if (count) s.touches = count;
        break;
      case EventType::Tap:
        ++s.taps;
        break;
      default:
        s.browsed = true;
        break;
    }
  }

  // Whether scan_events gave a row to add_to_session.
  bool scanned(std::int64_t at_ms, std::int64_t day) const {
    if (from_day_ && (at_ms < scan_from_ms(*from_day_) || day < *from_day_)) return false;
    return !to_day_ || at_ms < scan_before_ms(*to_day_);
  }
  static std::int64_t scan_from_ms(std::int64_t from_day) { return (from_day * 86400 - 14 * 3600) * 1000; }
  static std::int64_t scan_before_ms(std::int64_t to_day) { return ((to_day + 1 + kSessionTailDays) * 86400 + 14 * 3600) * 1000; }

  // A session of the range whose end was not among the rows of its days: its wall clock was set
  // back (or ahead) during it, so its later rows are stamped outside the range. They are found by
  // the session instead (the kiosk measured the dwell on its monotonic clock).
  void complete_sessions_cut_by_the_range(const Database& db) {
    if (!from_day_ && !to_day_) return;
    Statement rows = db.prepare(
        "SELECT seq, at_ms, utc_offset_min, type, target, value, count, department IS NOT NULL OR item IS NOT NULL "
        "FROM events WHERE kiosk_id = ?1 AND session = ?2 ORDER BY seq");
    enum : int { kSeq, kAtMs, kUtcOffsetMin, kType, kTarget, kValue, kCount, kNamesAPage };
    for (auto& [key, s] : sessions_) {
      if (!s.started || !s.reason.empty() || s.dwell_ms) continue;
      rows.reset();
      rows.bind(1, key.first).bind(2, key.second);
      while (rows.step()) {
        const std::int64_t at_ms = rows.column_int(kAtMs);
        if (scanned(at_ms, (at_ms / 1000 + rows.column_int(kUtcOffsetMin) * 60) / 86400)) continue;
        if (already_seen(key.first, rows.column_int(kSeq))) continue;
        const std::optional<EventType> type = event_type_from_name(rows.column_view(kType));
        if (!type || type == EventType::SessionStart) continue;
        if (type == EventType::ScreenView && rows.column_int(kNamesAPage) == 0) continue;
        if (type != EventType::SessionEnd && type != EventType::Tap && type != EventType::ScreenView) continue;
        add_to_started_session(s, *type, rows.column_view(kTarget), optional_int(rows, kValue), optional_int(rows, kCount));
      }
    }
  }

  void add(const EventRows& row, const std::string& kiosk, std::int64_t at_ms, std::int64_t day, int hour) {
    add_to_session(row, kiosk, at_ms, day, hour);
    const std::optional<EventType> type = row.type();
    if (!type) return;  // a type from a newer build: not counted
    // Only what visitors did makes a day or an hour: a stock change or an export at the desk
    // on another day does not add an empty row to the report.
    if (!event_kind(*type).per_day.rows.empty()) count_per_day(days_[day], *type, row.value());
    switch (*type) {
      case EventType::Tap:
        ++days_[day].interactions;
        ++hours_[{day, hour}].interactions;
        break;
      case EventType::ScreenView:
        ++days_[day].screen_views;
        add_view(row);
        break;
      case EventType::QuizStart:
        ++days_[day].quiz_attempts;
        ++hours_[{day, hour}].quiz_attempts;
        break;
      case EventType::QuizFinish:
        if (row.target() == "passed") ++days_[day].quiz_passed;
        break;
      case EventType::QuizAnswer: {
        QuestionRow& q = questions_[std::string(row.item().value_or(""))];
        ++q.answers;
        q.correct += row.value().value_or(0);
        if (const auto department = row.department()) ++departments_[std::string(*department)].quiz_answers;
        break;
      }
      case EventType::VoucherIssued:
        ++days_[day].vouchers_issued;
        issued_codes_.insert(std::string(row.item().value_or("")));
        break;
      case EventType::VoucherRedeemed:
        ++days_[day].vouchers_redeemed;
        break;
      case EventType::FaqOpened:
      case EventType::QuestionAsked:
      case EventType::QuestionAnswered:
      case EventType::SatisfactionRated:
      case EventType::SatisfactionReason:
        voice_.add(*type, row);
        break;
      case EventType::DeskTally:
        tally_.add_tap(row.kiosk_id(), row.target(), row.department(), row.item(), row.value(), row.count());
        break;
      case EventType::DeskTallyUndo:
        tally_.add_undo(row.kiosk_id(), row.value());
        break;
      case EventType::EventFact:
        tally_.add_fact(row.target(), row.value(), at_ms, row.kiosk_id(), row.seq());
        break;
      case EventType::PrintGuide:
        add_guide_printed(row);
        break;
      case EventType::PrintVoucher:
        ++voucher_slips_[std::string(row.item().value_or(""))];
        break;
      case EventType::TopicView:
        ++topics_[std::string(row.target())].views;
        break;
      case EventType::Search:
        add_search(row, days_[day]);
        break;
      default:
        break;
    }
  }

  static void count_per_day(DailyRow& day, EventType type, std::optional<std::int64_t> value) {
    const auto kind = static_cast<std::size_t>(type);
    ++day.kind_rows[kind];
    day.kind_value_ms[kind] += value.value_or(0);
  }

  void add_view(const EventRows& row) {
    const auto department = row.department();
    if (const auto item_id = row.item()) {
      ItemRow& item = items_[std::string(*item_id)];
      ++item.views;
      if (department) {
        item.department = std::string(*department);
        ++departments_[item.department].item_views;
      }
    } else if (department && row.screen() != kDepartmentTabScreen) {
      ++departments_[std::string(*department)].views;
    }
  }

  // Issue 30: per item, as the views are (the department kept by id until the content names it).
  void add_guide_printed(const EventRows& row) {
    const auto item_id = row.item();
    if (!item_id) return;
    ItemRow& item = items_[std::string(*item_id)];
    ++item.guides_printed;
    if (const auto department = row.department(); department && item.department.empty()) item.department = std::string(*department);
  }

  void add_search(const EventRows& row, DailyRow& day) {
    const std::string query(row.target());
    if (query.empty()) return;
    const std::int64_t results = row.count().value_or(0);
    SearchRow& search = searches_[query];
    ++search.searches;
    if (row.value() == kSearchWrittenByHand) {
      ++search.by_handwriting;
      ++day.searches_by_handwriting;
    } else if (is_initials(query)) {
      ++search.by_initials;
      ++day.searches_by_initials;
    }
    search.results = results;
    if (row.item()) ++search.opened;
    if (results == 0) ++failed_searches_[query].searches;
  }

  void merge_vouchers(const Database& db) {
    for (StoredVoucher& stored : read_vouchers(db)) {
      VoucherRow v{std::move(stored.code), std::move(stored.kiosk_id), stored.issued_at_ms, stored.redeemed_at_ms, 0};
      auto [at, fresh] = vouchers_.emplace(v.code, v);
      if (!fresh && v.redeemed_at_ms && !at->second.redeemed_at_ms) at->second.redeemed_at_ms = v.redeemed_at_ms;
    }
  }

  // A redemption the desk's file and the redeeming kiosk's file both hold counts once.
  void merge_double_redemptions(const Database& db) {
    for (const DoubleRedemption& code : double_redemptions(db))
      for (const DoubleRedemption::Where& where : code.redemptions) redemptions_[code.code].insert({where.at_ms, where.kiosk_id});
  }

  // The stock belongs to the kiosk whose rows fill this file (not the desk's redemptions). A
  // desk's file also holds each kiosk's stock as the booth hub last told it.
  void read_stock(const Database& db, const std::map<std::string, Run>& runs) {
    const auto from_hub = booth_stocks(db);
    for (const auto& [kiosk, remaining] : from_hub) stock_[kiosk] = remaining;
    const auto remaining = read_prize_stock(db);
    if (!remaining) return;
    std::string owner;
    std::int64_t most = -1;
    for (const auto& [kiosk, run] : runs) {
      if (kiosk.rfind("desk@", 0) == 0 || from_hub.count(kiosk) > 0) continue;
      if (run.second - run.first > most) {
        most = run.second - run.first;
        owner = kiosk;
      }
    }
    stock_[owner.empty() ? "(unknown)" : owner] = *remaining;
  }

  const ReportRequest& request_;
  std::optional<std::int64_t> from_day_, to_day_;
  std::map<std::string, std::vector<Run>> seen_runs_;
  std::map<std::int64_t, DailyRow> days_;
  std::map<std::pair<std::int64_t, int>, HourRow> hours_;
  std::map<std::pair<std::string, std::int64_t>, SessionAccumulator> sessions_;
  std::map<std::string, DepartmentRow> departments_;
  std::map<std::string, ItemRow> items_;
  std::map<std::string, std::int64_t> voucher_slips_;  // code -> print_voucher rows
  std::map<std::string, QuestionRow> questions_;
  std::map<std::string, VoucherRow> vouchers_;
  std::set<std::string> issued_codes_;
  std::map<std::string, std::int64_t> stock_;
  std::map<std::string, std::set<std::pair<std::int64_t, std::string>>> redemptions_;  // code -> (at_ms, device), doubles only
  VoiceAggregator voice_;
  TallyAccumulator tally_;
  std::map<std::string, TopicRow> topics_;
  std::map<std::string, SearchRow> searches_;
  std::map<std::string, SearchRow> failed_searches_;
};

// Most first; ties in the order of the key (the query or topic id), so that reports compare.
template <typename Row, typename Count>
std::vector<Row> ranked(std::map<std::string, Row>& rows, Count count) {
  std::vector<Row> out;
  for (auto& [key, row] : rows) out.push_back(row);
  std::stable_sort(out.begin(), out.end(), [&](const Row& a, const Row& b) { return count(a) > count(b); });
  return out;
}

void fill_read_alouds(DailyRow& row) {
  const auto kind = static_cast<std::size_t>(EventType::ReadAloud);
  row.read_alouds = row.kind_rows[kind];
  row.read_aloud_seconds = static_cast<double>(row.kind_value_ms[kind]) / 1000.0;
}

void Aggregator::finish(Report& report) {
  std::map<std::int64_t, std::pair<double, std::int64_t>> dwell;  // per day: sum, ended sessions
  double dwell_sum = 0;
  std::int64_t ended = 0;
  for (const auto& [key, s] : sessions_) {
    if (!s.started) continue;  // began before the range
    DailyRow& d = days_[s.day];
    ++d.sessions;
    ++hours_[{s.day, s.hour}].sessions;
    const bool touched = s.taps > 0 || s.touches.value_or(0) > 0;
    if (touched) ++d.engaged_sessions;
    if (s.browsed) ++d.browsing_sessions;
    if (s.touches && *s.touches == 0 && s.taps == 0) ++d.woke_and_left_sessions;
    if (s.dwell_ms) {
      dwell[s.day].first += static_cast<double>(*s.dwell_ms);
      ++dwell[s.day].second;
      dwell_sum += static_cast<double>(*s.dwell_ms);
      ++ended;
    }
    report.sessions.push_back({key.first, key.second, s.started_at_ms, s.reason, static_cast<double>(s.dwell_ms.value_or(0)) / 1000.0,
                               s.touches.value_or(0), s.taps});
  }
  std::sort(report.sessions.begin(), report.sessions.end(),
            [](const SessionRow& a, const SessionRow& b) { return std::tie(a.started_at_ms, a.kiosk_id) < std::tie(b.started_at_ms, b.kiosk_id); });
  DailyRow& t = report.total;
  for (auto& [day, d] : days_) {
    d.day = day_text(day);
    const auto [sum, n] = dwell[day];
    d.average_dwell_seconds = n ? sum / static_cast<double>(n) / 1000.0 : 0;
    for (auto [total, part] : {std::pair{&t.sessions, d.sessions}, {&t.engaged_sessions, d.engaged_sessions},
                               {&t.woke_and_left_sessions, d.woke_and_left_sessions}, {&t.browsing_sessions, d.browsing_sessions},
                               {&t.interactions, d.interactions},
                               {&t.screen_views, d.screen_views}, {&t.quiz_attempts, d.quiz_attempts}, {&t.quiz_passed, d.quiz_passed},
                               {&t.vouchers_issued, d.vouchers_issued}, {&t.vouchers_redeemed, d.vouchers_redeemed},
                               {&t.searches_by_initials, d.searches_by_initials}, {&t.searches_by_handwriting, d.searches_by_handwriting}})
      *total += part;
    for (std::size_t kind = 0; kind < kEventTypeCount; ++kind) {
      t.kind_rows[kind] += d.kind_rows[kind];
      t.kind_value_ms[kind] += d.kind_value_ms[kind];
    }
    fill_read_alouds(d);
    report.days.push_back(d);
  }
  fill_read_alouds(t);
  t.average_dwell_seconds = ended ? dwell_sum / static_cast<double>(ended) / 1000.0 : 0;
  t.day = report.days.empty() ? "" : report.days.front().day + " — " + report.days.back().day;
  for (auto& [key, h] : hours_) {
    h.day = day_text(key.first);
    h.hour = key.second;
    report.hours.push_back(h);
  }
  for (auto& [id, d] : departments_) {
    d.id = id;
    const Department* known = request_.content ? request_.content->department(id) : nullptr;
    d.name = known ? known->name : id;
    d.short_name = known ? known->short_name : id;
    report.departments.push_back(d);
  }
  std::stable_sort(report.departments.begin(), report.departments.end(), [](const DepartmentRow& a, const DepartmentRow& b) {
    return std::tie(b.views, b.item_views) < std::tie(a.views, a.item_views);
  });
  for (auto& [id, item] : items_) {
    item.id = id;
    const auto found = request_.content ? request_.content->approval_item(id) : std::pair<const Department*, const ApprovalItem*>{};
    item.name = found.second ? found.second->name : id;
    if (found.first) item.department = found.first->name;
    report.items.push_back(item);
  }
  std::stable_sort(report.items.begin(), report.items.end(), [](const ItemRow& a, const ItemRow& b) { return a.views > b.views; });
  for (auto& [id, q] : questions_) {
    q.id = id;
    const QuizQuestion* known = request_.quiz ? request_.quiz->question(id) : nullptr;
    q.text = known ? known->text : id;
    report.questions.push_back(q);
  }
  // Least understood first: that is what the next openness day should explain.
  std::stable_sort(report.questions.begin(), report.questions.end(), [](const QuestionRow& a, const QuestionRow& b) {
    return a.accuracy() != b.accuracy() ? a.accuracy() < b.accuracy() : a.answers > b.answers;
  });
  // Vouchers issued within the range, with their redemption if any.
  for (const auto& [code, v] : vouchers_) {
    if (!issued_codes_.count(code)) continue;
    report.vouchers.push_back(v);
    if (const auto printed = voucher_slips_.find(code); printed != voucher_slips_.end()) report.vouchers.back().slips_printed = printed->second;
  }
  std::sort(report.vouchers.begin(), report.vouchers.end(),
            [](const VoucherRow& a, const VoucherRow& b) { return std::tie(a.issued_at_ms, a.code) < std::tie(b.issued_at_ms, b.code); });
  for (auto& [id, topic] : topics_) {
    topic.id = id;
    const Topic* known = request_.content ? request_.content->topic(id) : nullptr;
    topic.name = known ? known->name : id;
  }
  report.topics = ranked(topics_, [](const TopicRow& row) { return row.views; });
  for (auto& [query, search] : searches_) search.query = query;
  for (auto& [query, search] : failed_searches_) search.query = query;
  report.searches = ranked(searches_, [](const SearchRow& r) { return r.searches; });
  report.failed_searches = ranked(failed_searches_, [](const SearchRow& r) { return r.searches; });
  std::set<std::string> kiosks;
  for (const auto& [key, s] : sessions_) kiosks.insert(key.first);
  for (const auto& [kiosk, remaining] : stock_) kiosks.insert(kiosk);
  kiosks.erase("(unknown)");
  kiosks.erase(kBoothPoolEntry);
  report.kiosks.assign(kiosks.begin(), kiosks.end());
  report.voice = voice_.counts();
  report.asked_questions = voice_.asked_questions(request_.content);
  report.tally = tally_.finish();
  if (request_.config) apply_fact_defaults(report.tally, *request_.config);
  for (const auto& [id, counts] : report.tally.by_department) {
    const Department* known = request_.content ? request_.content->department(id) : nullptr;
    report.tally_department_names[id] = known ? known->name : id;
  }
  for (const auto& [code, redemptions] : redemptions_) {
    if (redemptions.size() < 2) continue;  // one redemption, held twice
    DoubleRedemption& out = report.double_redemptions.emplace_back(DoubleRedemption{code, {}});
    for (const auto& [at_ms, kiosk] : redemptions) out.redemptions.push_back({kiosk, at_ms});
  }
  if (!stock_.empty()) {
    report.prize_stock = 0;
    for (const auto& [kiosk, remaining] : stock_) *report.prize_stock += remaining;
  }
}

}  // namespace

Report build_report(const ReportRequest& request) {
  Report report;
  report.from = request.from ? format_calendar_date(*request.from) : "";
  report.to = request.to ? format_calendar_date(*request.to) : "";
  Aggregator aggregator(request);
  std::set<std::string> seen;
  for (const auto& file : request.databases) {
    if (!seen.insert(identity_of(file)).second) {
      ++report.duplicates_skipped;
      continue;
    }
    aggregator.read(file, report);
  }
  aggregator.finish(report);
  return report;
}

std::vector<DepartmentRow> most_viewed_departments(const Report& report, std::size_t limit) {
  std::vector<DepartmentRow> out;
  for (const DepartmentRow& d : report.departments) {
    if (out.size() >= limit) break;
    if (d.views + d.item_views > 0) out.push_back(d);
  }
  return out;
}

std::vector<QuestionRow> answered_questions(const Report& report, std::size_t limit) {
  std::vector<QuestionRow> out;
  for (const QuestionRow& q : report.questions) {
    if (out.size() >= limit) break;
    if (q.answers > 0) out.push_back(q);
  }
  return out;
}

namespace {

std::string day_words(const std::string& iso) {
  const auto date = parse_calendar_date(iso);
  return date ? std::to_string(date->month) + "月" + std::to_string(date->day) + "日" : iso;
}

// The days the report covers, as the summary names them: the range asked for, else the days
// that have data ("5月15日", "5月15日至5月16日"); empty only when neither is known.
std::string period_words(const Report& report) {
  std::string from = report.from, to = report.to;
  if (from.empty() && !report.days.empty()) from = report.days.front().day;
  if (to.empty() && !report.days.empty()) to = report.days.back().day;
  if (from.empty()) from = to;
  if (to.empty()) to = from;
  if (from.empty()) return "";
  return from == to ? day_words(from) : day_words(from) + "至" + day_words(to);
}

std::string percent(double ratio) {
  char text[16];
  std::snprintf(text, sizeof text, "%.0f%%", 100.0 * ratio);
  return text;
}

}  // namespace

std::string rounded_down_words(std::int64_t count) {
  if (count < 100) return std::to_string(count);
  std::int64_t scale = 1;
  while (count / scale >= 100) scale *= 10;
  const std::int64_t kept = count / scale * scale;
  return std::to_string(kept) + (kept == count ? "" : "余");
}

namespace {

std::string joined(const std::vector<std::string>& parts, const char* separator) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? separator : "") + parts[i];
  return out;
}

// The desk's part of 基本情况, as the source's report words it: who took part, then what the
// booth handed out and answered. Large counts are rounded down ("余"); rounded is set when any was.
std::string desk_sentences(const Report& report, bool& rounded) {
  const TallyTotals& tally = report.tally;
  auto about = [&rounded](std::int64_t count) {
    std::string words = rounded_down_words(count);
    if (words.ends_with("余")) rounded = true;
    return words;
  };
  std::string text;
  std::vector<std::string> who;
  if (const auto departments = tally.fact(EventFactKind::Departments)) who.push_back(std::to_string(*departments) + "个部门（单位）");
  if (const auto staff = tally.fact(EventFactKind::Staff)) who.push_back(std::to_string(*staff) + "名机关干部和工作人员");
  if (!who.empty()) text += "共有" + joined(who, "、") + "参加。";

  std::vector<std::string> did;
  if (const auto printed = tally.fact(EventFactKind::LeafletsPrinted); printed && *printed > 0)
    did.push_back("印发政务公开宣传品" + about(*printed) + "份");
  if (tally[TallyKind::Leaflet] > 0) did.push_back("发放宣传品" + about(tally[TallyKind::Leaflet]) + "份");
  if (tally[TallyKind::Handbook] > 0) did.push_back("发放便民手册" + about(tally[TallyKind::Handbook]) + "册");
  if (const auto boards = tally.fact(EventFactKind::Boards); boards && *boards > 0) did.push_back("制作各种栏（板）" + std::to_string(*boards) + "块");
  if (tally[TallyKind::Answer] > 0) did.push_back("受理解答政策咨询" + about(tally[TallyKind::Answer]) + "件");
  // People received: the desk's and the kiosk's together, and each of them exactly.
  if (const std::int64_t desk = tally[TallyKind::Consultation]; desk > 0) {
    const std::int64_t kiosk = report.total.sessions;
    did.push_back("接待现场咨询群众" + about(desk + kiosk) + "人次（其中咨询台接待" + std::to_string(desk) + "人次，自助查询机服务" +
                  std::to_string(kiosk) + "人次）");
  }
  if (tally[TallyKind::Problem] > 0) did.push_back("整理问题" + std::to_string(tally[TallyKind::Problem]) + "件");
  if (!did.empty()) text += "共" + joined(did, "，") + "。";
  return text;
}

std::string kiosk_sentences(const Report& report) {
  const DailyRow& t = report.total;
  std::string text;
  if (t.sessions == 0) {
    // An empty day (just after midnight, or a day without visitors) claims no rates.
    text += "自助查询机暂无群众使用记录。";
  } else {
    text += "自助查询机服务群众" + std::to_string(t.sessions) + "人次，其中" + std::to_string(t.browsing_sessions) + "人次查阅了政务公开信息，累计操作" +
            std::to_string(t.interactions) + "次。";
  }
  if (const auto top = most_viewed_departments(report, 3); !top.empty()) {
    text += "群众查阅最多的部门是";
    for (std::size_t i = 0; i < top.size(); ++i) text += (i ? "、" : "") + top[i].name;
    text += "。";
  }
  if (t.quiz_attempts > 0) {
    const double passed = static_cast<double>(t.quiz_passed) / static_cast<double>(t.quiz_attempts);
    text += "网上审批有奖竞猜共" + std::to_string(t.quiz_attempts) + "人次参与，" + std::to_string(t.quiz_passed) + "人次答题过关（过关率" +
            percent(passed) + "），发放奖品" + std::to_string(t.vouchers_issued) + "份，已兑奖" + std::to_string(t.vouchers_redeemed) + "份。";
  } else if (t.sessions > 0) {
    text += "网上审批有奖竞猜暂无人参与。";
  }
  // Prizes won earlier can be collected on a day without quiz rounds.
  if (t.quiz_attempts == 0 && t.vouchers_redeemed > 0) text += "另兑奖" + std::to_string(t.vouchers_redeemed) + "份。";
  if (!report.questions.empty() && report.questions.front().answers > 0) {
    text += "答错较多的题目是“" + report.questions.front().text + "”（正确率" + percent(report.questions.front().accuracy()) +
            "），今后宣传中需重点解读。";
  }
  text += voice_summary_sentence(report);
  return text;
}

}  // namespace

std::string voice_summary_sentence(const Report& report) {
  const VoiceCounts& voice = report.voice;
  std::string text;
  if (voice.questions_asked > 0) {
    text += "通过查询机“我要问”收集群众问题" + std::to_string(voice.questions_asked) + "件，其中" + std::to_string(voice.questions_answered) +
            "件已有解答，" + std::to_string(voice.questions_registered) + "件已登记转服务台" +
            (voice.questions_desk_answered > 0 ? "，服务台已现场解答" + std::to_string(voice.questions_desk_answered) + "件" : "") + "。";
  }
  if (const auto rate = voice.satisfaction_rate()) {
    text += "共有" + std::to_string(voice.rating_count()) + "人次参与活动满意度评价，满意率" + percent(*rate) + "。";
  }
  return text;
}

std::string summary_text(const Report& report, const std::string& county) {
  const std::string when = period_words(report);
  std::string text = (when.empty() ? county : when + "，" + county) + "政务公开日";
  bool rounded = false;
  text += desk_sentences(report, rounded);
  text += kiosk_sentences(report);
  if (rounded) text += "（文中带“余”的数字为向下取整的约数，确切数字见基本情况表。）";
  return text;
}

namespace {

// The days a report covers as a slip names them: its range, or the days it found when open-ended.
std::string covered_days(const Report& report) {
  std::string from = report.from, to = report.to;
  if (from.empty() && !report.days.empty()) from = report.days.front().day;
  if (to.empty() && !report.days.empty()) to = report.days.back().day;
  return from == to ? from : from + "—" + to;
}

}  // namespace

print::DaySummaryFacts day_summary_facts(const Report& report) {
  const DailyRow& t = report.total;
  std::int64_t department_views = 0, item_views = 0, searches = 0;
  for (const DepartmentRow& d : report.departments) department_views += d.views;
  for (const ItemRow& i : report.items) item_views += i.views;
  for (const SearchRow& s : report.searches) searches += s.searches;
  const auto count = [](std::int64_t n, const char* unit) { return std::to_string(n) + unit; };
  const auto kind = [&t](EventType type) { return t.kind_rows[static_cast<std::size_t>(type)]; };
  print::DaySummaryFacts facts;
  facts.day = covered_days(report);
  facts.figures = {
      {"接待人次", count(t.sessions, "人次")},
      {"参与互动人次", count(t.engaged_sessions, "人次")},
      {"操作次数", count(t.interactions, "次")},
      {"部门页面浏览", count(department_views, "次")},
      {"审批事项浏览", count(item_views, "次")},
      {"搜索次数", count(searches, "次")},
      {"有奖竞猜参与", count(std::max(t.quiz_attempts, t.quiz_passed), "人次")},
      {"有奖竞猜过关", count(t.quiz_passed, "人次")},
      {"发放奖品", count(t.vouchers_issued, "份")},
      {"已兑奖", count(t.vouchers_redeemed, "份")},
      {"打印办事指南", count(kind(EventType::PrintGuide), "份")},
      {"打印兑奖凭条", count(kind(EventType::PrintVoucher), "张")},
  };
  return facts;
}

}  // namespace openday
