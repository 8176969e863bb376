#pragma once
// What the kiosk logs. Every row of the events table is one Event; each type uses a few of the
// generic columns, as listed in kEventKinds (and in the README, tested against it).
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace openday {

enum class EventType {
  SessionStart,
  SessionEnd,
  IdleWarning,
  SessionContinued,
  ScreenView,
  Tap,
  TextSize,
  QuizStart,
  QuizAnswer,
  QuizFinish,
  VoucherIssued,
  VoucherRedeemed,
  StockAdjusted,
  StaffSignIn,
  StaffSignInFailed,
  Export,
  ContentReload,
  DatabaseRecovered,
  EventsDropped,
  Error,
  // The citizen's voice (issue 15): 常见问题, 我要问, 满意度评价
  FaqOpened,
  QuestionAsked,
  SatisfactionRated,
  SatisfactionReason,
  // The staff desk tally (issue 12).
  DeskTally,
  DeskTallyUndo,
  EventFact,
  // Reading aloud (issue 13)
  ReadAloud,
  // Finding what I need (issue 14)
  Search,
  TopicView,
  // One booth, one system (issue 32)
  StaffCalled,
  StaffCallHandled,
  QuestionAnswered,
  // Printing slips (issue 30)
  PrintGuide,
  PrintVoucher,
  PrintFailed,
  PrintSummary,
  Count
};

struct Event {
  EventType type = EventType::Error;
  std::int64_t session = 0;  // visitor session number on this kiosk; 0 when outside a session
  std::string screen;        // route of a screen
  std::string department;    // department id
  std::string item;          // approval item id, quiz question id, voucher code
  std::string target;        // tapped element id, chosen option, reason
  std::optional<std::int64_t> value;  // a number: dwell ms, correct (1/0), stock
  std::optional<std::int64_t> count;  // a second number: touches in a session, questions in a round
  std::string detail;        // free text: an error message, a path
  std::int64_t at_ms = 0;    // UTC milliseconds since 1970; filled in when logged if 0
};

inline constexpr std::size_t kEventTypeCount = static_cast<std::size_t>(EventType::Count);

// The 功能使用 export's columns for a kind the report counts per local day: how many rows, and
// the sum of their values (milliseconds) in seconds. Empty headers: not counted per day.
struct DayColumns {
  std::string_view rows;
  std::string_view value_seconds;
};

// One event kind, written once: its name in the events table, the README's row for it (tested
// against README.md), and where the exports count it. `exported` names the export columns as
// "sheet: column, column; sheet: column" (a test checks that they exist), or says
// "not exported: " and why; a kind with `per_day` columns is exported there.
struct EventKind {
  EventType type;
  std::string_view name;
  std::string_view when;
  std::string_view columns;  // the generic columns it uses, and how
  std::string_view exported;
  DayColumns per_day{};
};

// The screen of a screen_view logged when the visitor picks another tab of the department page
// already shown: still the same visit of that department, so reports do not count it again.
inline constexpr std::string_view kDepartmentTabScreen = "department";

// In the order of EventType (checked when compiled). A new kind: a value above, a row here, and
// the code that logs it; the README's table must list it too (EventKinds.ReadmeTableMatchesTheCode).
inline constexpr std::array kEventKinds = {
    EventKind{EventType::SessionStart, "session_start", "a visitor woke the attract screen",
              "session",
              "每日汇总: 接待人次; 按时段: 接待人次; 访客会话: 开始时间; 基本情况: 数量"},
    EventKind{EventType::SessionEnd, "session_end", "a session ended",
              "target = `timeout`, `done`, `shutdown` (a clean stop) or `interrupted` (closed at the next start after a kill, at its last event); value = dwell ms; count = touches after the wake (taps for `shutdown` and `interrupted`)",
              "每日汇总: 参与互动人次, 唤醒即离开, 平均停留(秒); 访客会话: 结束方式, 停留(秒), 触摸次数"},
    EventKind{EventType::IdleWarning, "idle_warning", "\"还在使用吗？\" appeared",
              "session",
              "not exported: the session_end that follows tells how the session ended"},
    EventKind{EventType::SessionContinued, "session_continued", "the visitor answered it",
              "session",
              "not exported: the session goes on and is counted once"},
    EventKind{EventType::ScreenView, "screen_view", "a screen was shown",
              "screen = route (`department` for another tab of the department shown: not counted as another view of it); department, item, target = tab",
              "每日汇总: 页面浏览; 按部门: 页面浏览, 审批事项浏览; 按审批事项: 浏览次数"},
    EventKind{EventType::Tap, "tap", "an interactive element was tapped",
              "screen; target = element id",
              "每日汇总: 操作次数; 按时段: 操作次数; 访客会话: 点击次数"},
    EventKind{EventType::TextSize, "text_size", "large-text mode changed",
              "value = 1 large, 0 normal",
              "not exported: a display setting, not a use of the kiosk"},
    EventKind{EventType::QuizStart, "quiz_start", "a quiz round began",
              "value = questions in the round",
              "每日汇总: 竞猜参与; 按时段: 竞猜参与; 基本情况: 数量"},
    EventKind{EventType::QuizAnswer, "quiz_answer", "a question was answered",
              "item = question id; target = chosen option; value = 1 correct, 0 wrong",
              "按竞猜题目: 作答次数, 答对次数, 正确率; 按部门: 相关答题"},
    EventKind{EventType::QuizFinish, "quiz_finish", "a round ended",
              "value = correct answers; count = questions; target = `passed` or `failed`",
              "每日汇总: 竞猜过关; 基本情况: 数量"},
    EventKind{EventType::VoucherIssued, "voucher_issued", "a voucher was committed",
              "item = code; value = stock left",
              "每日汇总: 奖品发放; 奖品兑奖码: 兑奖码, 发放时间; 基本情况: 数量"},
    EventKind{EventType::VoucherRedeemed, "voucher_redeemed", "a voucher was redeemed",
              "item = code; target = where",
              "每日汇总: 奖品兑换; 基本情况: 数量"},
    EventKind{EventType::StockAdjusted, "stock_adjusted", "staff changed the stock",
              "value = stock after; detail = \"before -> after\"",
              "not exported: the stock left is read from the prize table, not from this log"},
    EventKind{EventType::StaffSignIn, "staff_sign_in", "staff entered the right PIN",
              "—",
              "not exported: staff activity, for the log only"},
    EventKind{EventType::StaffSignInFailed, "staff_sign_in_failed", "a wrong staff PIN was entered",
              "value = failures in a row",
              "not exported: staff activity, for the log only"},
    EventKind{EventType::Export, "export", "counts were exported",
              "detail = folder; target = format",
              "not exported: staff activity, for the log only"},
    EventKind{EventType::ContentReload, "content_reload", "content was reloaded",
              "target = `ok` or `rejected`; detail = problems",
              "not exported: staff activity, for the log only"},
    EventKind{EventType::DatabaseRecovered, "database_recovered", "a corrupt file was moved aside at start",
              "detail = where it went",
              "not exported: a fault, shown on the staff dashboard"},
    EventKind{EventType::EventsDropped, "events_dropped", "events could not be stored",
              "value = how many",
              "not exported: a fault, shown on the staff dashboard"},
    EventKind{EventType::Error, "error", "an error the staff should see",
              "detail = message",
              "not exported: a fault, shown on the staff dashboard"},
    EventKind{EventType::FaqOpened, "faq_opened", "a 常见问题's answer was opened",
              "department; item = its number in the department's `faq` (1-based)",
              "not exported: counted for `openday stats` (faq_views) and the dashboard"},
    EventKind{EventType::QuestionAsked, "question_asked", "a question was asked through 我要问",
              "department (none: 不清楚); target = topic (`faq-N`, `item-ID`, `other`, `category-N`); value = 1 an answer was shown, 0 registered for the desk. Nothing else: no name, no phone, no text",
              "群众问题: 待现场解答, 已有解答; 基本情况: 数量"},
    EventKind{EventType::SatisfactionRated, "satisfaction_rated", "a visitor rated the event",
              "value = 5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意; target = where it was asked (`end` or `quiz`)",
              "满意度: 人次, 比率; 基本情况: 数量"},
    EventKind{EventType::SatisfactionReason, "satisfaction_reason", "the reason for a 不满意 or 非常不满意",
              "value = the level; target = `not_found`, `hard_to_understand`, `hard_to_use`, `long_wait` or `other`",
              "满意度: 人次"},
    EventKind{EventType::DeskTally, "desk_tally", "staff counted work at the desk",
              "target = kind; department; item = problem category; count = how many; value = tap id (its time, unique per kiosk id)",
              "基本情况: 数量; 现场登记按部门: 解答政策咨询, 记录群众问题"},
    EventKind{EventType::DeskTallyUndo, "desk_tally_undo", "撤销上一次",
              "value = tap id of the `desk_tally` row of the same kiosk id it cancels; target = its kind; count = its count",
              "基本情况: 数量"},
    EventKind{EventType::EventFact, "event_fact", "a fact of the day was entered or corrected (the latest counts)",
              "target = `departments`, `staff`, `boards` or `leaflets_printed`; value = the number",
              "基本情况: 数量"},
    EventKind{EventType::ReadAloud, "read_aloud", "a 朗读 read-out ended (finished, stopped, or the screen changed)",
              "screen; target = the block read (`duties`, `item`, `fees`, `faq`, `question`); value = duration ms",
              "", {"朗读次数", "朗读时长(秒)"}},
    EventKind{EventType::Search, "search", "a search ended (a result opened, the letters cleared, or the screen left)",
              "screen = `search`; target = what was typed (`DBJ`, or a 热门搜索 word); count = results (0: found nothing); item = the item opened, if any; value = 1 written on the 手写 pad, 0 typed or chosen",
              "热门搜索: 搜索次数, 打开结果次数, 找到事项数, 首字母搜索次数, 手写搜索次数; 无结果搜索: 搜索次数"},
    EventKind{EventType::TopicView, "topic_view", "a 按主题 topic was opened",
              "screen = `topic`; target = topic id; count = items it lists",
              "热门主题: 浏览次数"},
    EventKind{EventType::StaffCalled, "staff_called", "a visitor tapped 呼叫工作人员",
              "screen = the route it was tapped on; department, item of that screen; value = 1 the booth hub was reachable, 0 it was not",
              "", {"呼叫工作人员", ""}},
    EventKind{EventType::StaffCallHandled, "staff_call_handled", "staff at the desk tapped 已处理 on a call",
              "item = the call's row, `kiosk_id:seq`; target = the kiosk id that called",
              "not exported: the desk's answer to a staff_called row, which is counted"},
    EventKind{EventType::QuestionAnswered, "question_answered", "staff at the desk marked a 我要问 question answered",
              "item = the question's row, `kiosk_id:seq`; department; target = its topic",
              "群众问题: 服务台已解答; 基本情况: 数量"},
    // Printing slips (issue 30).
    EventKind{EventType::PrintGuide, "print_guide", "a visitor tapped 打印办事指南",
              "screen; department; item = the approval item",
              "按审批事项: 打印办事指南; 基本情况: 数量", {"打印办事指南", ""}},
    EventKind{EventType::PrintVoucher, "print_voucher", "a visitor tapped 打印兑奖凭条 (or staff 补打凭条)",
              "screen; item = the voucher code; target = `staff` for the desk's reprint",
              "奖品兑奖码: 打印兑奖凭条; 基本情况: 数量", {"打印兑奖凭条", ""}},
    EventKind{EventType::PrintFailed, "print_failed", "a slip did not print (打印机暂不可用)",
              "screen; department, item as in print_guide or print_voucher; target = `guide`, `voucher` or `summary`",
              "not exported: a failure for the staff, seen in the events"},
    EventKind{EventType::PrintSummary, "print_summary", "staff tapped 打印当日概况 on 数据导出",
              "screen; item = the day",
              "not exported: a slip for the staff, not a visitor's use"},
};

const EventKind& event_kind(EventType type);
std::string_view event_type_name(EventType type);
std::optional<EventType> event_type_from_name(std::string_view name);
// The README's event table (header and rows), one line per kind, as README.md must show it.
std::string event_table_markdown();

// Where events go: the EventLog in the kiosk, a plain vector in tests.
class EventSink {
 public:
  virtual ~EventSink() = default;
  virtual void log(Event event) = 0;
};

std::int64_t utc_now_ms();
// The local UTC offset in minutes at a UTC instant (the booth's time zone).
int local_utc_offset_minutes(std::int64_t at_ms);
// A UTC instant in local time, "2026-05-15 09:30:00" by default (strftime format).
std::string format_local_time(std::int64_t at_ms, const char* format = "%Y-%m-%d %H:%M:%S");

// Issue 31: a `search` row's value when its query was written on the 手写 pad (0: typed as
// initials, or a 热门搜索 word).
inline constexpr std::int64_t kSearchWrittenByHand = 1;

}  // namespace openday
