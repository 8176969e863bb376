#include "core/report.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "core/content.h"
#include "core/quiz_bank.h"
#include "core/sqlite.h"
#include "core/store.h"

namespace openday {
namespace {

constexpr std::string_view kMergedSchema = R"sql(
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
PRAGMA temp_store = FILE;
CREATE TABLE events (
  kiosk_id TEXT NOT NULL, seq INTEGER NOT NULL, at_ms INTEGER NOT NULL, day TEXT NOT NULL, hour INTEGER NOT NULL,
  session INTEGER NOT NULL, type TEXT NOT NULL, department TEXT, item TEXT, target TEXT, value INTEGER, count INTEGER,
  PRIMARY KEY (kiosk_id, seq)) WITHOUT ROWID;
CREATE TABLE vouchers (code TEXT PRIMARY KEY, kiosk_id TEXT NOT NULL, session INTEGER NOT NULL, issued_at_ms INTEGER NOT NULL,
  redeemed_at_ms INTEGER) WITHOUT ROWID;
CREATE TABLE stock (kiosk_id TEXT PRIMARY KEY, remaining INTEGER NOT NULL) WITHOUT ROWID;
)sql";

// The local day and hour of a source row, from its UTC time and the offset it recorded.
constexpr std::string_view kLocalDay = "date(at_ms / 1000 + utc_offset_min * 60, 'unixepoch')";
constexpr std::string_view kLocalHour = "CAST(strftime('%H', at_ms / 1000 + utc_offset_min * 60, 'unixepoch') AS INTEGER)";

std::string identity_of(const std::filesystem::path& file) {
  struct stat info {};
  if (stat(file.c_str(), &info) != 0) return file.string();
  return std::to_string(info.st_dev) + ":" + std::to_string(info.st_ino);
}

std::string sql_text(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') out += '\'';
    out += c;
  }
  return out + "'";
}

// A read-only SQLite URI for a path (%, ? and # must be escaped in URIs).
std::string uri_of(const std::filesystem::path& file) {
  std::string uri = "file:";
  for (char c : std::filesystem::absolute(file).string()) {
    if (c == '%') uri += "%25";
    else if (c == '?') uri += "%3f";
    else if (c == '#') uri += "%23";
    else uri += c;
  }
  return uri + "?mode=ro";
}

class ScratchDir {
 public:
  explicit ScratchDir(std::filesystem::path parent) {
    if (parent.empty()) parent = std::filesystem::temp_directory_path();
    std::string pattern = (parent / "openday-report.XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw SqliteError(parent.string() + ": cannot create a scratch folder for the report", SQLITE_CANTOPEN);
    path_ = pattern;
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

void copy_in(Database& merged, const std::filesystem::path& source, const ReportRequest& request) {
  // Opened read-only and read in one transaction: one consistent snapshot while the kiosk writes.
  open_store_read_only(source);  // names the file if it is missing, unreadable or not a kiosk database
  merged.exec("ATTACH DATABASE " + sql_text(uri_of(source)) + " AS src", "attaching " + source.string());
  try {
    std::string where = "1";
    if (request.from) where += " AND " + std::string(kLocalDay) + " >= " + sql_text(format_calendar_date(*request.from));
    if (request.to) where += " AND " + std::string(kLocalDay) + " <= " + sql_text(format_calendar_date(*request.to));
    merged.exec("BEGIN", "reading " + source.string());
    merged.exec("INSERT OR IGNORE INTO events SELECT kiosk_id, seq, at_ms, " + std::string(kLocalDay) + ", " + std::string(kLocalHour) +
                    ", session, type, department, item, target, value, count FROM src.events WHERE " + where,
                "copying the events of " + source.string());
    merged.exec("INSERT OR IGNORE INTO vouchers SELECT code, kiosk_id, session, issued_at_ms, redeemed_at_ms FROM src.vouchers",
                "copying the vouchers of " + source.string());
    // The stock belongs to the kiosk whose events fill this file.
    merged.exec("INSERT OR REPLACE INTO stock SELECT (SELECT kiosk_id FROM src.events WHERE kiosk_id NOT LIKE 'desk@%' "
                "GROUP BY kiosk_id ORDER BY count(*) DESC LIMIT 1), remaining FROM src.prize_stock "
                "WHERE EXISTS (SELECT 1 FROM src.events WHERE kiosk_id NOT LIKE 'desk@%')",
                "reading the prize stock of " + source.string());
    merged.exec("COMMIT", "finishing " + source.string());
  } catch (...) {
    sqlite3_exec(merged.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_exec(merged.handle(), "DETACH DATABASE src", nullptr, nullptr, nullptr);
    throw;
  }
  merged.exec("DETACH DATABASE src", "detaching " + source.string());
}

// One row per visitor session: its day, how it ended, whether anyone touched it.
constexpr std::string_view kSessionsTable = R"sql(
CREATE TEMP TABLE sessions AS
SELECT kiosk_id, session,
  min(CASE WHEN type = 'session_start' THEN at_ms END) AS started_at_ms,
  min(CASE WHEN type = 'session_start' THEN day END) AS day,
  min(CASE WHEN type = 'session_start' THEN hour END) AS hour,
  max(CASE WHEN type = 'session_end' THEN target END) AS reason,
  max(CASE WHEN type = 'session_end' THEN value END) AS dwell_ms,
  max(CASE WHEN type = 'session_end' THEN count END) AS touches,
  sum(type = 'tap') AS taps
FROM events WHERE session <> 0 GROUP BY kiosk_id, session
HAVING started_at_ms IS NOT NULL;
)sql";

DailyRow read_daily(Statement& row) {
  DailyRow d;
  d.day = row.column_text(0);
  d.sessions = row.column_int(1);
  d.engaged_sessions = row.column_int(2);
  d.woke_and_left_sessions = row.column_int(3);
  d.average_dwell_seconds = row.column_double(4) / 1000.0;
  return d;
}

constexpr std::string_view kEventCounts =
    "coalesce(sum(type = 'tap'), 0), coalesce(sum(type = 'screen_view'), 0), coalesce(sum(type = 'quiz_start'), 0), "
    "coalesce(sum(type = 'quiz_finish' AND target = 'passed'), 0), coalesce(sum(type = 'voucher_issued'), 0), "
    "coalesce(sum(type = 'voucher_redeemed'), 0)";

constexpr std::string_view kSessionTotals =
    "count(*), coalesce(sum(taps > 0 OR coalesce(touches, 0) > 0), 0), coalesce(sum(touches = 0 AND taps = 0), 0), "
    "coalesce(avg(dwell_ms), 0)";

// One pass for the session figures per day and one for the event counts per day.
void read_days(const Database& db, Report& report) {
  std::map<std::string, DailyRow> days;
  Statement sessions = db.prepare("SELECT day, " + std::string(kSessionTotals) + " FROM sessions GROUP BY day");
  while (sessions.step()) {
    DailyRow d = read_daily(sessions);
    days[d.day] = d;
  }
  Statement counts = db.prepare("SELECT day, " + std::string(kEventCounts) + " FROM events GROUP BY day");
  while (counts.step()) {
    DailyRow& d = days[counts.column_text(0)];
    d.day = counts.column_text(0);
    d.interactions = counts.column_int(1);
    d.screen_views = counts.column_int(2);
    d.quiz_attempts = counts.column_int(3);
    d.quiz_passed = counts.column_int(4);
    d.vouchers_issued = counts.column_int(5);
    d.vouchers_redeemed = counts.column_int(6);
  }
  for (const auto& entry : days) report.days.push_back(entry.second);
  Statement total = db.prepare("SELECT '', " + std::string(kSessionTotals) + " FROM sessions");
  total.step();
  report.total = read_daily(total);
  for (const DailyRow& d : report.days) {
    report.total.interactions += d.interactions;
    report.total.screen_views += d.screen_views;
    report.total.quiz_attempts += d.quiz_attempts;
    report.total.quiz_passed += d.quiz_passed;
    report.total.vouchers_issued += d.vouchers_issued;
    report.total.vouchers_redeemed += d.vouchers_redeemed;
  }
  report.total.day = report.days.empty() ? "" : report.days.front().day + " — " + report.days.back().day;
}

void read_hours(const Database& db, Report& report) {
  Statement hours = db.prepare(
      "SELECT day, hour, sum(sessions), sum(taps), sum(quizzes) FROM ("
      "  SELECT day, hour, 1 AS sessions, 0 AS taps, 0 AS quizzes FROM sessions"
      "  UNION ALL SELECT day, hour, 0, type = 'tap', type = 'quiz_start' FROM events WHERE type IN ('tap', 'quiz_start'))"
      " GROUP BY day, hour ORDER BY day, hour");
  while (hours.step())
    report.hours.push_back({hours.column_text(0), static_cast<int>(hours.column_int(1)), hours.column_int(2), hours.column_int(3),
                            hours.column_int(4)});
}

void read_departments(const Database& db, Report& report, const Content* content) {
  Statement rows = db.prepare(
      "SELECT department, sum(type = 'screen_view' AND item IS NULL), sum(type = 'screen_view' AND item IS NOT NULL), "
      "sum(type = 'quiz_answer') FROM events WHERE department IS NOT NULL GROUP BY department ORDER BY 2 DESC, 3 DESC, 1");
  while (rows.step()) {
    DepartmentRow d{rows.column_text(0), "", rows.column_int(1), rows.column_int(2), rows.column_int(3)};
    const Department* known = content ? content->department(d.id) : nullptr;
    d.name = known ? known->name : d.id;
    report.departments.push_back(std::move(d));
  }
  Statement items = db.prepare(
      "SELECT item, department, count(*) FROM events WHERE type = 'screen_view' AND item IS NOT NULL "
      "GROUP BY item ORDER BY 3 DESC, 1");
  while (items.step()) {
    ItemRow item{items.column_text(0), "", items.column_text(1), items.column_int(2)};
    const auto found = content ? content->approval_item(item.id) : std::pair<const Department*, const ApprovalItem*>{};
    item.name = found.second ? found.second->name : item.id;
    if (found.first) item.department = found.first->name;
    report.items.push_back(std::move(item));
  }
}

void read_questions(const Database& db, Report& report, const QuizBank* quiz) {
  Statement rows = db.prepare(
      "SELECT item, count(*), coalesce(sum(value), 0) FROM events WHERE type = 'quiz_answer' GROUP BY item "
      "ORDER BY CAST(sum(value) AS REAL) / count(*), count(*) DESC, 1");
  while (rows.step()) {
    QuestionRow q{rows.column_text(0), "", rows.column_int(1), rows.column_int(2)};
    const QuizQuestion* known = quiz ? quiz->question(q.id) : nullptr;
    q.text = known ? known->text : q.id;
    report.questions.push_back(std::move(q));
  }
}

void read_vouchers_and_sessions(const Database& db, Report& report) {
  // Vouchers issued within the range (by the issuing event), with their redemption if any.
  Statement vouchers = db.prepare(
      "SELECT v.code, v.kiosk_id, v.issued_at_ms, v.redeemed_at_ms FROM vouchers v "
      "WHERE v.code IN (SELECT item FROM events WHERE type = 'voucher_issued') ORDER BY v.issued_at_ms, v.code");
  while (vouchers.step()) {
    VoucherRow v{vouchers.column_text(0), vouchers.column_text(1), vouchers.column_int(2), std::nullopt};
    if (!vouchers.column_is_null(3)) v.redeemed_at_ms = vouchers.column_int(3);
    report.vouchers.push_back(std::move(v));
  }
  Statement sessions = db.prepare(
      "SELECT kiosk_id, session, started_at_ms, coalesce(reason, ''), coalesce(dwell_ms, 0), coalesce(touches, 0), taps "
      "FROM sessions ORDER BY started_at_ms, kiosk_id");
  while (sessions.step())
    report.sessions.push_back({sessions.column_text(0), sessions.column_int(1), sessions.column_int(2), sessions.column_text(3),
                               static_cast<double>(sessions.column_int(4)) / 1000.0, sessions.column_int(5), sessions.column_int(6)});
  Statement kiosks = db.prepare("SELECT DISTINCT kiosk_id FROM events WHERE kiosk_id NOT LIKE 'desk@%' ORDER BY 1");
  while (kiosks.step()) report.kiosks.push_back(kiosks.column_text(0));
  report.prize_stock = db.query_int("SELECT sum(remaining) FROM stock");
}

}  // namespace

Report build_report(const ReportRequest& request) {
  Report report;
  report.from = request.from ? format_calendar_date(*request.from) : "";
  report.to = request.to ? format_calendar_date(*request.to) : "";
  ScratchDir scratch(request.scratch_dir);
  Database merged(scratch.path() / "merged.db", Database::Mode::ReadWriteCreate);
  merged.exec(kMergedSchema, "preparing the merged report");
  std::set<std::string> seen;
  for (const auto& file : request.databases) {
    if (!seen.insert(identity_of(file)).second) {
      ++report.duplicates_skipped;
      continue;
    }
    copy_in(merged, file, request);
    ++report.databases_read;
  }
  merged.exec(kSessionsTable, "grouping sessions");
  read_days(merged, report);
  read_hours(merged, report);
  read_departments(merged, report, request.content);
  read_questions(merged, report, request.quiz);
  read_vouchers_and_sessions(merged, report);
  return report;
}

std::string summary_text(const Report& report, const std::string& county) {
  const DailyRow& t = report.total;
  auto day_words = [](const std::string& iso) {
    const auto date = parse_calendar_date(iso);
    return date ? std::to_string(date->month) + "月" + std::to_string(date->day) + "日" : iso;
  };
  std::string when;
  if (!report.days.empty()) {
    when = day_words(report.days.front().day);
    if (report.days.size() > 1) when += "至" + day_words(report.days.back().day);
  }
  std::string text = when + "，" + county + "政务公开日展台共接待群众" + std::to_string(t.sessions) + "人次，其中" +
                     std::to_string(t.engaged_sessions) + "人次在自助查询机上查阅了政务公开信息，累计操作" +
                     std::to_string(t.interactions) + "次。";
  if (!report.departments.empty()) {
    text += "群众查阅最多的部门是";
    const std::size_t top = std::min<std::size_t>(3, report.departments.size());
    for (std::size_t i = 0; i < top; ++i) text += (i ? "、" : "") + report.departments[i].name;
    text += "。";
  }
  char rate[16];
  std::snprintf(rate, sizeof rate, "%.0f%%", t.quiz_attempts ? 100.0 * static_cast<double>(t.quiz_passed) / static_cast<double>(t.quiz_attempts) : 0.0);
  text += "网上审批有奖竞猜共" + std::to_string(t.quiz_attempts) + "人次参与，" + std::to_string(t.quiz_passed) + "人次全部答对（过关率" +
          rate + "），发放奖品" + std::to_string(t.vouchers_issued) + "份，已兑奖" + std::to_string(t.vouchers_redeemed) + "份。";
  if (!report.questions.empty() && report.questions.front().answers > 0) {
    char accuracy[16];
    std::snprintf(accuracy, sizeof accuracy, "%.0f%%", 100.0 * report.questions.front().accuracy());
    text += "答错较多的题目是“" + report.questions.front().text + "”（正确率" + accuracy + "），今后宣传中需重点解读。";
  }
  return text;
}

}  // namespace openday
