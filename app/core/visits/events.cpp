#include "core/visits/events.h"

#include <array>
#include <chrono>
#include <ctime>
#include <iomanip>
#include <sstream>

namespace openday {
namespace {

constexpr std::array kDocs = {
    EventTypeDoc{EventType::SessionStart, "session_start", "a visitor woke the attract screen", "session"},
    EventTypeDoc{EventType::SessionEnd, "session_end", "a visitor session ended",
                 "session; target = reason (timeout | done | shutdown | interrupted: closed at the next start after a kill); value = dwell ms without the idle tail; "
                 "count = touches after the wake (0: woke and left)"},
    EventTypeDoc{EventType::IdleWarning, "idle_warning", "\"还在使用吗？\" appeared", "session"},
    EventTypeDoc{EventType::SessionContinued, "session_continued", "the visitor answered the idle question", "session"},
    EventTypeDoc{EventType::ScreenView, "screen_view", "a screen was shown",
                 "session; screen = route; department, item = what it shows; target = tab"},
    EventTypeDoc{EventType::Tap, "tap", "an interactive element was tapped", "session; screen; target = element id"},
    EventTypeDoc{EventType::TextSize, "text_size", "large-text mode changed", "session; value = 1 large, 0 normal"},
    EventTypeDoc{EventType::QuizStart, "quiz_start", "a quiz round began", "session; value = questions in the round"},
    EventTypeDoc{EventType::QuizAnswer, "quiz_answer", "a quiz question was answered",
                 "session; item = question id; target = chosen option text; value = 1 correct, 0 wrong"},
    EventTypeDoc{EventType::QuizFinish, "quiz_finish", "a quiz round ended",
                 "session; value = correct answers; count = questions; target = passed | failed"},
    EventTypeDoc{EventType::VoucherIssued, "voucher_issued", "a prize voucher was issued (committed)",
                 "session; item = voucher code; value = stock left"},
    EventTypeDoc{EventType::VoucherRedeemed, "voucher_redeemed", "a voucher was redeemed at the desk",
                 "item = voucher code; target = where (cli | staff)"},
    EventTypeDoc{EventType::StockAdjusted, "stock_adjusted", "staff changed the prize stock",
                 "value = stock after; detail = \"before -> after\""},
    EventTypeDoc{EventType::StaffSignIn, "staff_sign_in", "staff entered the right PIN", ""},
    EventTypeDoc{EventType::StaffSignInFailed, "staff_sign_in_failed", "a wrong PIN", "value = failures in a row"},
    EventTypeDoc{EventType::Export, "export", "counts were exported", "detail = folder; target = format"},
    EventTypeDoc{EventType::ContentReload, "content_reload", "content was reloaded",
                 "target = ok | rejected; detail = problems"},
    EventTypeDoc{EventType::DatabaseRecovered, "database_recovered",
                 "the database was corrupt at start and was moved aside", "detail = where the old files went"},
    EventTypeDoc{EventType::EventsDropped, "events_dropped",
                 "events could not be stored (disk full or read-only) and were dropped", "value = how many"},
    EventTypeDoc{EventType::Error, "error", "an error the staff should see", "detail = message"},
    // The citizen's voice (issue 15): 常见问题, 我要问, 满意度评价
    EventTypeDoc{EventType::FaqOpened, "faq_opened", "a common question's answer (常见问题) was opened",
                 "session; department; item = the question's number in the department's faq (1-based)"},
    EventTypeDoc{EventType::QuestionAsked, "question_asked", "a visitor asked a question through 我要问 (nothing personal is stored)",
                 "session; department (empty: 不清楚); target = topic (faq-N | item-ID | other | category-N); "
                 "value = 1 an answer was shown, 0 registered for the desk"},
    EventTypeDoc{EventType::SatisfactionRated, "satisfaction_rated", "a visitor rated the event (满意度评价)",
                 "session; value = level 5 非常满意 .. 1 非常不满意; target = where it was asked (end | quiz)"},
    EventTypeDoc{EventType::SatisfactionReason, "satisfaction_reason", "the reason given for a 不满意 or 非常不满意 rating",
                 "session; value = the level rated; target = reason (not_found | hard_to_understand | hard_to_use | long_wait | other)"},
    EventTypeDoc{EventType::DeskTally, "desk_tally", "staff counted work at the desk (a tally tap or `openday tally add`)",
                 "target = kind (consultation | answer | problem | handbook | leaflet); department = department id; "
                 "item = problem category; count = how many; value = tap id (its at_ms, unique per kiosk id)"},
    EventTypeDoc{EventType::DeskTallyUndo, "desk_tally_undo", "staff undid a tally tap (撤销上一次, within a minute)",
                 "value = tap id of the desk_tally row it cancels (same kiosk id); target = its kind; count = its count"},
    EventTypeDoc{EventType::EventFact, "event_fact", "staff entered or corrected a fact of the day (the latest counts)",
                 "target = fact (departments | staff | boards | leaflets_printed); value = the number"},
    // Reading aloud (issue 13)
    EventTypeDoc{EventType::ReadAloud, "read_aloud", "a 朗读 read-out ended (finished, stopped, or the screen changed)",
                 "session; screen; target = the block read (duties, item, fee.N, question); value = duration ms"},
    EventTypeDoc{EventType::Search, "search",
                 "a search ended: the visitor opened a result, cleared the letters or left the search screen",
                 "session; screen = search; target = what was typed (uppercase initials such as DBJ, or a 热门搜索 word); "
                 "count = results it found (0: nothing); item = the approval item opened from the results, if any"},
    EventTypeDoc{EventType::TopicView, "topic_view", "a visitor opened a life-event topic (按主题)",
                 "session; screen = topic; target = topic id; count = approval items it lists"},
};

constexpr bool docs_complete() {
  if (kDocs.size() != static_cast<std::size_t>(EventType::Count)) return false;
  for (std::size_t i = 0; i < kDocs.size(); ++i)
    if (static_cast<std::size_t>(kDocs[i].type) != i) return false;
  return true;
}
static_assert(docs_complete(), "every EventType needs one entry, in order");

}  // namespace

std::string_view event_type_name(EventType type) { return kDocs[static_cast<std::size_t>(type)].name; }

std::optional<EventType> event_type_from_name(std::string_view name) {
  for (const auto& doc : kDocs)
    if (doc.name == name) return doc.type;
  return std::nullopt;
}

std::span<const EventTypeDoc> event_reference() { return kDocs; }

std::int64_t utc_now_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

int local_utc_offset_minutes(std::int64_t at_ms) {
  const std::time_t seconds = static_cast<std::time_t>(at_ms / 1000);
  std::tm local{};
  localtime_r(&seconds, &local);
  return static_cast<int>(local.tm_gmtoff / 60);
}

std::string format_local_time(std::int64_t at_ms, const char* format) {
  const std::time_t seconds = static_cast<std::time_t>(at_ms / 1000);
  std::tm local{};
  localtime_r(&seconds, &local);
  std::ostringstream out;
  out << std::put_time(&local, format);
  return out.str();
}

}  // namespace openday
