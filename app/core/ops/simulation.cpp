#include "core/ops/simulation.h"

#include <chrono>
#include <cmath>
#include <random>

#include "core/content/ask_topics.h"
#include "core/content/content.h"
#include "core/visits/satisfaction.h"
#include "core/visits/event_log.h"
#include "core/quiz/quiz_bank.h"
#include "core/quiz/quiz_service.h"
#include "core/visits/visitor_session.h"
#include "core/quiz/vouchers.h"
#include "core/util/local_clock.h"

namespace openday {
namespace {

// Stamps every event with the simulated clock before it reaches the real log.
class SimulatedClockSink final : public EventSink {
 public:
  explicit SimulatedClockSink(EventSink& target) : target_(target) {}
  void log(Event event) override {
    event.at_ms = now_ms;
    target_.log(std::move(event));
  }
  std::int64_t now_ms = 0;

 private:
  EventSink& target_;
};

class Visitor {
 public:
  Visitor(std::mt19937_64& random, SimulatedClockSink& sink, VisitorSessions& sessions, QuizService& quiz, const Content& content,
          double& clock)
      : random_(random), sink_(sink), sessions_(sessions), quiz_(quiz), content_(content), clock_(clock) {}

  // One visit: returns whether a voucher was issued.
  void visit(SimulationReport& report, const std::function<void(const std::string&)>& on_voucher) {
    sessions_.wake(clock_);
    ++report.sessions;
    if (chance(0.12)) {  // woke the screen and walked away
      idle_out();
      return;
    }
    ++report.engaged_sessions;
    const int browsing = uniform(1, 6);  // an engaged visitor touches something
    for (int i = 0; i < browsing; ++i) browse(report);
    if (chance(0.12)) ask(report);
    if (chance(0.45)) take_quiz(report, on_voucher);
    if (chance(0.5)) {
      tap("topbar.end_session", "home");
      // Most visitors who end on purpose answer the rating; the others skip it.
      view("rating");
      if (chance(0.7)) rate(report);
      else tap("rating.skip", "rating");
      sessions_.end_done(clock_);
      sink_.now_ms = to_ms(clock_);
    } else {
      idle_out();
    }
    quiz_.end_session();
  }

  std::int64_t to_ms(double seconds) const { return base_ms + static_cast<std::int64_t>(seconds * 1000.0); }
  std::int64_t base_ms = 0;

 private:
  bool chance(double p) { return std::bernoulli_distribution(p)(random_); }
  int uniform(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(random_); }
  void pass_time(double lo, double hi) {
    clock_ += std::uniform_real_distribution<double>(lo, hi)(random_);
    sink_.now_ms = to_ms(clock_);
  }

  // An event of the current session; the sink stamps the simulated time.
  Event session_event(EventType type, const std::string& target) const {
    Event e;
    e.type = type;
    e.session = sessions_.current_session();
    e.target = target;
    return e;
  }

  void tap(const std::string& target, const std::string& screen) {
    pass_time(2, 15);
    sessions_.touch(clock_);
    Event e = session_event(EventType::Tap, target);
    e.screen = screen;
    sink_.log(std::move(e));
  }

  void view(const std::string& screen, const std::string& department = "", const std::string& item = "", const std::string& tab = "") {
    Event e = session_event(EventType::ScreenView, tab);
    e.screen = screen;
    e.department = department;
    e.item = item;
    sink_.log(std::move(e));
  }

  void log_event(EventType type, const std::string& department, const std::string& target, std::optional<std::int64_t> value,
                 const std::string& item = "") {
    Event e = session_event(type, target);
    e.department = department;
    e.item = item;
    e.value = value;
    sink_.log(std::move(e));
  }

  // 常见问题: one answer read from the department's tab.
  void read_faq(SimulationReport& report, const Department& d) {
    if (d.faq.empty()) return;
    const int number = uniform(1, static_cast<int>(d.faq.size()));
    tap("department.tab.faq", "department");
    view("department", d.id, "", "faq");
    tap("department.faq." + std::to_string(number), "department");
    view("faq/" + d.id + "/" + std::to_string(number), d.id, "", "faq");
    log_event(EventType::FaqOpened, d.id, "", std::nullopt, std::to_string(number));
    ++report.faq_views;
  }

  // 我要问 from the home screen: a department (or 不清楚, now and then), then a topic.
  void ask(SimulationReport& report) {
    tap("home.ask", "home");
    view("ask");
    const auto& departments = content_.departments;
    const Department* d = chance(0.15) ? nullptr : &departments[static_cast<std::size_t>(uniform(0, static_cast<int>(departments.size()) - 1))];
    const std::string where = d ? d->id : std::string(kAskUnsure);
    tap("ask.department." + where, "ask");
    view("ask/" + where, d ? d->id : "");
    const auto topics = ask_topics(content_, d);
    const AskTopic& topic = topics[static_cast<std::size_t>(uniform(0, static_cast<int>(topics.size()) - 1))];
    tap("ask.topic." + topic.token, "ask/" + where);
    log_event(EventType::QuestionAsked, d ? d->id : "", topic.token, topic.answer ? 1 : 0);
    view("ask/" + where + "/" + topic.token, d ? d->id : "", "", topic.token);
    ++report.questions_asked;
    if (!topic.answer) ++report.questions_registered;
    tap("ask.home", "ask/" + where + "/" + topic.token);
    view("home");
  }

  // 满意度评价: mostly satisfied, as such surveys are; a reason for most low ratings.
  void rate(SimulationReport& report) {
    static constexpr double kWeights[] = {0.04, 0.05, 0.16, 0.35, 0.40};  // value 1 .. 5
    const int value = 1 + static_cast<int>(std::discrete_distribution<int>(std::begin(kWeights), std::end(kWeights))(random_));
    const SatisfactionLevel& level = kSatisfactionLevels[static_cast<std::size_t>(5 - value)];
    tap("rating.level." + std::string(level.key), "rating");
    log_event(EventType::SatisfactionRated, "", "end", value);
    ++report.ratings;
    if (!rating_asks_reason(value)) return;
    if (chance(0.2)) {
      tap("rating.skip", "rating");
      return;
    }
    const auto& reason = kSatisfactionReasons[static_cast<std::size_t>(uniform(0, static_cast<int>(kSatisfactionReasons.size()) - 1))];
    tap("rating.reason." + std::string(reason.key), "rating");
    log_event(EventType::SatisfactionReason, "", std::string(reason.key), value);
  }

  void browse(SimulationReport& report) {
    // Departments with more approval items, and those of 民生保障, draw more visitors, as at a
    // real booth: a weighted choice rather than a uniform one.
    const auto& departments = content_.departments;
    std::vector<double> weights;
    for (const Department& candidate : departments)
      weights.push_back(1.0 + 1.5 * static_cast<double>(candidate.approval_items.size()) + (candidate.category == "民生保障" ? 4.0 : 0.0));
    const Department& d = departments[std::discrete_distribution<std::size_t>(weights.begin(), weights.end())(random_)];
    tap("home.disclosure", "home");
    view("departments");
    tap("departments.card." + d.id, "departments");
    view("department/" + d.id + "/duties", d.id, "", "duties");
    if (chance(0.6) && !d.approval_items.empty()) {
      tap("department.tab.items", "department");
      view("department", d.id, "", "items");
      const ApprovalItem& item = d.approval_items[static_cast<std::size_t>(uniform(0, static_cast<int>(d.approval_items.size()) - 1))];
      tap("department.item." + item.id, "department");
      view("item/" + item.id, d.id, item.id);
    }
    if (chance(0.3)) {
      tap("department.tab.fees", "department");
      view("department", d.id, "", "fees");
    }
    if (chance(0.25)) read_faq(report, d);
    tap("topbar.home", "department");
    view("home");
  }

  void take_quiz(SimulationReport& report, const std::function<void(const std::string&)>& on_voucher) {
    tap("home.quiz", "home");
    view("quiz");
    tap("quiz.start", "quiz");
    QuizRound& round = quiz_.start_round(sessions_.current_session());
    ++report.quiz_rounds;
    while (!round.finished()) {
      pass_time(5, 20);
      sessions_.touch(clock_);
      const QuizAnswer& current = round.current();
      // Most visitors know most answers; some questions trip many of them.
      const bool knows = chance(0.86);
      const int options = static_cast<int>(current.order.size());
      const int pick = knows ? current.shown_correct() : uniform(0, options - 1);
      quiz_.answer(pick);
      pass_time(3, 10);
      sessions_.touch(clock_);
      quiz_.next();
    }
    if (round.passed()) ++report.quiz_passed;
    quiz_.wait();  // the voucher is committed (or refused) before anything is shown
    if (quiz_.voucher_state() == VoucherState::Issued) {
      ++report.vouchers;
      on_voucher(quiz_.voucher_code());
    }
  }

  void idle_out() {
    // The visitor leaves; the idle timeout and its countdown run out.
    const double left_at = clock_;
    while (sessions_.update(clock_) == false) {
      clock_ = std::max(clock_ + 1.0, sessions_.next_deadline());
      sink_.now_ms = to_ms(clock_);
      if (clock_ - left_at > 3600) break;
    }
  }

  std::mt19937_64& random_;
  SimulatedClockSink& sink_;
  VisitorSessions& sessions_;
  QuizService& quiz_;
  const Content& content_;
  double& clock_;
};

// Seconds since 9:00 of the first day: a visitor who would arrive after closing time comes at
// 9:00 the next day instead (the booth is open 9:00-17:00; nobody visits at night).
double within_opening_hours(double clock, double open_seconds) {
  constexpr double kDay = 24.0 * 3600;
  const double day = std::floor(clock / kDay);
  if (clock - day * kDay < open_seconds) return clock;
  return (day + 1) * kDay;
}

}  // namespace

SimulationReport simulate_visitors(const SimulationOptions& options, const Config& config, const Content& content,
                                   const QuizBank& bank, const std::function<void(const std::string&)>& on_voucher) {
  const auto started = std::chrono::steady_clock::now();
  SimulationReport report;
  EventLog log({options.db_path, config.kiosk_id});
  SimulatedClockSink sink(log);
  std::mt19937_64 random(options.seed);
  QuizService quiz(bank, {config.questions_per_round, config.pass_min_correct, config.initial_stock, options.booth_stock}, sink, log, options.seed,
                   [&sink] { return sink.now_ms; });
  if (options.stock) {
    const int stock = *options.stock;
    const int initial = config.initial_stock;
    const DurableResult set = log.run_durable([stock, initial](DurableTransaction& tx) { set_prize_stock(tx, stock, initial); }).get();
    if (!set.committed) throw std::runtime_error("could not set the prize stock: " + set.error);
  }
  double clock = 0;  // simulated seconds since 9:00
  VisitorSessions sessions(sink, config.idle_timeout_seconds, config.idle_warning_seconds);
  Visitor visitor(random, sink, sessions, quiz, content, clock);
  visitor.base_ms = local_midnight_ms(options.day) + 9LL * 3600 * 1000;
  const double day_seconds = 8.0 * 3600;
  if (options.between_visitors) {
    log.flush();  // the database exists before the share is first settled
    options.between_visitors();
  }
  for (int i = 0; i < options.visitors; ++i) {
    // Arrivals spread over the day, busier late morning and mid-afternoon.
    const double planned = day_seconds * (static_cast<double>(i) + std::uniform_real_distribution<double>(0, 1)(random)) /
                           static_cast<double>(options.visitors);
    clock = within_opening_hours(std::max(clock, planned), day_seconds);
    sink.now_ms = visitor.to_ms(clock);
    visitor.visit(report, on_voucher);
    if (options.between_visitors) options.between_visitors();
  }
  log.flush();
  // A run that stored nothing (a full disk, a newer schema, another program's file) must not
  // look like a success to the script that runs it.
  if (const StoreHealth health = log.health(); health.pending > 0 || health.dropped > 0)
    throw std::runtime_error(std::to_string(health.pending + health.dropped) + " events could not be stored in " + options.db_path.string() +
                             (health.last_error.empty() ? "" : ": " + health.last_error));
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report;
}

}  // namespace openday
