#pragma once
// The counts staff take home: one or several kiosk databases merged without double counting
// (rows are keyed by kiosk id and sequence number, vouchers by code; the same file given twice
// counts once), over a range of local days. Used by `openday export` and the staff dashboard.
#include <array>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/booth/config.h"
#include "core/print/slip.h"
#include "core/reports/voice.h"
#include "core/reports/tally.h"
#include "core/visits/double_redemption.h"

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
  // Reading aloud (issue 13): read-outs (朗读) and how long they ran in all (from kind_rows).
  std::int64_t read_alouds = 0;
  double read_aloud_seconds = 0;
  // By EventType, for the kinds with per_day columns in kEventKinds: their rows that day and the
  // sum of their values (ms). Every other kind is 0 here.
  std::array<std::int64_t, kEventTypeCount> kind_rows{}, kind_value_ms{};
  // Searches typed as initials and written on the 手写 pad (issue 31), as in SearchRow.
  std::int64_t searches_by_initials = 0, searches_by_handwriting = 0;
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
  std::int64_t guides_printed = 0;  // issue 30: 打印办事指南 taps (print_guide rows) of this item
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
  std::int64_t slips_printed = 0;  // issue 30: its 兑奖凭条 printed (print_voucher rows: kiosk and desk)
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
  // Issue 31: of `searches`, how many were typed as initials (letters only) and how many were
  // written on the 手写 pad; a 热门搜索 word chosen is neither.
  std::int64_t by_initials = 0, by_handwriting = 0;
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
  VoiceCounts voice;                        // 常见问题, 我要问 and 满意度评价 over all days (issue 15)
  std::vector<AskedQuestionRow> asked_questions;  // 群众问题: unanswered first
  TallyTotals tally;  // the staff desk's tally and the day's facts (issue 12)
  std::map<std::string, std::string> tally_department_names;  // id -> name, for the departments the tally names
  // Codes redeemed more than once (issue 27), over all days: a double redemption is flagged
  // whenever it happened, never hidden. By code; each redemption once however many files hold it.
  std::vector<DoubleRedemption> double_redemptions;
  int databases_read = 0;
  int duplicates_skipped = 0;  // files given twice
};

struct ReportRequest {
  std::vector<std::filesystem::path> databases;
  std::optional<CalendarDate> from, to;  // inclusive; absent: unbounded
  const Content* content = nullptr;      // names for ids, when given
  const QuizBank* quiz = nullptr;
  const Config* config = nullptr;  // its [facts] count for facts never entered on the desk
};

// Throws SqliteError (naming the file) when a database cannot be read.
Report build_report(const ReportRequest& request);

// The paragraph for the official summary: the whole 基本情况 of the source's report, filled from
// the day's data — departments taking part and staff (facts), leaflets printed and handed out,
// handbooks, boards, policy questions answered, people received (desk and kiosk, each stated),
// problems collected — then the kiosk's own line: "5月15日，示例县政务公开日共有31个部门（单位）……
// 自助查询机服务群众N人次……". The tables hold the exact numbers; the paragraph rounds the large
// desk counts down to "余" the way such reports are written (see rounded_down_words) and ends by
// saying so whenever it did.
std::string summary_text(const Report& report, const std::string& county);

// The sentence on the citizen's voice (issue 15): the 满意率 and the questions collected;
// empty when there were neither ratings nor questions.
std::string voice_summary_sentence(const Report& report);
// A count as the summary writes it: below 100 exact ("77"); from 100 on, its first two digits
// with zeros after them and "余" when anything was cut ("350" stays "350", 356 -> "350余",
// 1034 -> "1000余", 26123 -> "26000余").
std::string rounded_down_words(std::int64_t count);

// For lists and charts: the most viewed departments that visitors opened at all (views of the
// department or its items), and the questions answered at least once; never a zero count.
std::vector<DepartmentRow> most_viewed_departments(const Report& report, std::size_t limit);
std::vector<QuestionRow> answered_questions(const Report& report, std::size_t limit);

// Issue 30: the figures of the staff dashboard for the 当日概况 slip (visitors, department and
// item views, searches, the quiz, prizes, slips printed), each with its unit.
print::DaySummaryFacts day_summary_facts(const Report& report);

}  // namespace openday
