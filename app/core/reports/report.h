#pragma once
// The counts staff take home: one or several kiosk databases merged without double counting
// (rows are keyed by kiosk id and sequence number, vouchers by code; the same file given twice
// counts once), over a range of local days. Used by `openday export` and the staff dashboard.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/booth/config.h"

namespace openday {

struct Content;
struct QuizBank;

struct DailyRow {
  std::string day;  // YYYY-MM-DD, the booth's local day
  std::int64_t sessions = 0, engaged_sessions = 0, woke_and_left_sessions = 0;
  std::int64_t browsing_sessions = 0;  // opened a department or an approval item (quiz-only ones do not)
  std::int64_t interactions = 0, screen_views = 0;
  std::int64_t quiz_attempts = 0, quiz_passed = 0;
  std::int64_t vouchers_issued = 0, vouchers_redeemed = 0;
  double average_dwell_seconds = 0;
};

struct HourRow {
  std::string day;
  int hour = 0;
  std::int64_t sessions = 0, interactions = 0, quiz_attempts = 0;
};

struct DepartmentRow {
  std::string id, name;
  std::string short_name;  // for charts
  std::int64_t views = 0;       // screen views of the department's pages
  std::int64_t item_views = 0;  // of its approval items
  std::int64_t quiz_answers = 0;  // answers to questions about it
};

struct ItemRow {
  std::string id, name, department;
  std::int64_t views = 0;
};

struct QuestionRow {
  std::string id, text;
  std::int64_t answers = 0, correct = 0;
  double accuracy() const { return answers ? static_cast<double>(correct) / static_cast<double>(answers) : 0.0; }
};

struct VoucherRow {
  std::string code, kiosk_id;
  std::int64_t issued_at_ms = 0;
  std::optional<std::int64_t> redeemed_at_ms;
};

struct SessionRow {
  std::string kiosk_id;
  std::int64_t session = 0;
  std::int64_t started_at_ms = 0;
  std::string end_reason;  // timeout | done | "" when it never ended (power cut)
  double dwell_seconds = 0;
  std::int64_t touches = 0, taps = 0;
};

// Issue 14: what visitors looked for. A topic's views; a search's query as typed (DBJ, or a
// 热门搜索 word), how often it was searched, how often a result was opened from it, and how
// many results it found (the last time: content may change between days).
struct TopicRow {
  std::string id, name;
  std::int64_t views = 0;
};

struct SearchRow {
  std::string query;
  std::int64_t searches = 0;
  std::int64_t opened = 0;
  std::int64_t results = 0;
};

struct Report {
  std::string from, to;  // the local days covered
  std::vector<std::string> kiosks;
  std::vector<DailyRow> days;
  std::vector<HourRow> hours;
  std::vector<DepartmentRow> departments;  // most viewed first
  std::vector<ItemRow> items;              // most viewed first
  std::vector<QuestionRow> questions;      // least accurate first: what people misunderstand
  std::vector<VoucherRow> vouchers;
  std::vector<SessionRow> sessions;
  std::vector<TopicRow> topics;             // 热门主题: most viewed first
  std::vector<SearchRow> searches;          // 热门搜索: most searched first
  std::vector<SearchRow> failed_searches;   // 无结果搜索: searches that found nothing, most frequent first
  std::optional<std::int64_t> prize_stock;  // summed over the kiosks that have one
  DailyRow total;                           // over all days
  int databases_read = 0;
  int duplicates_skipped = 0;  // files given twice
};

struct ReportRequest {
  std::vector<std::filesystem::path> databases;
  std::optional<CalendarDate> from, to;  // inclusive; absent: unbounded
  const Content* content = nullptr;      // names for ids, when given
  const QuizBank* quiz = nullptr;
};

// Throws SqliteError (naming the file) when a database cannot be read.
Report build_report(const ReportRequest& request);

// The paragraph for the official summary, in the style of the source's 基本情况, saying only
// what the kiosk measured: "5月15日，示例县政务公开日自助查询机服务群众N人次……".
std::string summary_text(const Report& report, const std::string& county);

// For lists and charts: the most viewed departments that visitors opened at all (views of the
// department or its items), and the questions answered at least once; never a zero count.
std::vector<DepartmentRow> most_viewed_departments(const Report& report, std::size_t limit);
std::vector<QuestionRow> answered_questions(const Report& report, std::size_t limit);

}  // namespace openday
