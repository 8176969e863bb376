#include "core/quiz/quiz_service.h"

#include <chrono>

namespace openday {

QuizService::QuizService(const QuizBank& bank, QuizSettings settings, EventSink& sink, DurableStore& store, std::uint64_t seed,
                         std::function<std::int64_t()> now_ms)
    : bank_(bank), settings_(settings), sink_(sink), store_(store), random_(seed), now_ms_(std::move(now_ms)) {}

int QuizService::pass_mark() const {
  return settings_.pass_min_correct <= 0 ? settings_.questions_per_round
                                         : std::min(settings_.pass_min_correct, settings_.questions_per_round);
}

void QuizService::log(Event event) {
  event.session = session_;
  sink_.log(std::move(event));
}

void QuizService::refresh_stock() {
  auto stock = std::make_shared<std::int64_t>(0);
  const int initial = settings_.booth_stock ? 0 : settings_.initial_stock;
  pending_.push_back({store_.run_durable([stock, initial](DurableTransaction& tx) { *stock = ensure_prize_stock(tx, initial); }),
                      nullptr, stock, 0, 0});
}

QuizRound& QuizService::start_round(std::int64_t session) {
  session_ = session;
  round_.emplace(bank_, settings_.questions_per_round, settings_.pass_min_correct, random_);
  if (voucher_state_ != VoucherState::Pending) voucher_state_ = VoucherState::None;
  Event start;
  start.type = EventType::QuizStart;
  start.value = static_cast<std::int64_t>(round_->answers().size());
  log(std::move(start));
  return *round_;
}

bool QuizService::answer(int shown_option) {
  if (!round_ || !round_->answer(shown_option)) return false;
  const QuizAnswer& answer = round_->current();
  Event answered;
  answered.type = EventType::QuizAnswer;
  answered.item = answer.question->id;
  answered.department = answer.question->department;
  answered.target = answer.question->options[static_cast<std::size_t>(answer.order[static_cast<std::size_t>(shown_option)])];
  answered.value = answer.correct() ? 1 : 0;
  log(std::move(answered));
  return true;
}

void QuizService::next() {
  if (!round_ || round_->finished()) return;
  round_->next();
  if (round_->finished()) finish_round();
}

void QuizService::finish_round() {
  const bool passed = round_->passed();
  Event finish;
  finish.type = EventType::QuizFinish;
  finish.value = round_->correct_count();
  finish.count = static_cast<std::int64_t>(round_->answers().size());
  finish.target = passed ? "passed" : "failed";
  log(std::move(finish));
  if (!passed) return;
  if (won_in_session_ == session_ && session_ != 0) {
    voucher_state_ = VoucherState::AlreadyWon;
    return;
  }
  if (voucher_state_ == VoucherState::Pending) return;  // never two requests at once
  voucher_state_ = VoucherState::Pending;
  auto issue = std::make_shared<VoucherIssue>();
  const std::int64_t session = session_;
  const int initial = settings_.booth_stock ? 0 : settings_.initial_stock;
  const bool registered_codes = settings_.booth_stock;
  const std::int64_t at_ms = now_ms_();
  pending_.push_back({store_.run_durable([issue, session, initial, at_ms, registered_codes](DurableTransaction& tx) {
                        *issue = issue_voucher(tx, session, initial, at_ms, registered_codes);
                      }),
                      issue, nullptr, session, at_ms});
}

bool QuizService::poll() {
  for (auto it = pending_.begin(); it != pending_.end();) {
    if (it->done.wait_for(std::chrono::seconds(0)) != std::future_status::ready) {
      ++it;
      continue;
    }
    const DurableResult result = it->done.get();
    if (it->stock) {
      if (result.committed) stock_ = *it->stock;
    } else {
      settle_voucher(result, *it->issue, it->session, it->asked_at_ms);
    }
    it = pending_.erase(it);
  }
  return !pending_.empty();
}

void QuizService::settle_voucher(const DurableResult& result, const VoucherIssue& issue, std::int64_t session,
                                 std::int64_t asked_at_ms) {
  if (result.committed && (issue.outcome == VoucherIssue::Outcome::Issued || issue.outcome == VoucherIssue::Outcome::AlreadyIssued))
    won_in_session_ = session;
  if (result.committed && issue.outcome != VoucherIssue::Outcome::Failed)
    stock_ = issue.outcome == VoucherIssue::Outcome::OutOfStock ? 0 : issue.stock_left;
  // A visitor who already left does not get the next visitor's screen filled with their code.
  if (session != session_) return;
  if (!result.committed) {
    voucher_state_ = VoucherState::Failed;
    voucher_error_ = result.error;
    return;
  }
  switch (issue.outcome) {
    case VoucherIssue::Outcome::Issued:
      voucher_state_ = VoucherState::Issued;  // shown only now, after its commit returned OK
      voucher_code_ = issue.code;
      session_voucher_ = SessionVoucher{issue.code, asked_at_ms};
      break;
    case VoucherIssue::Outcome::AlreadyIssued:
      voucher_state_ = VoucherState::AlreadyWon;
      voucher_code_ = issue.code;
      // The first issue's time is the one to show; a code this service never saw gets this one.
      if (!session_voucher_ || session_voucher_->code != issue.code) session_voucher_ = SessionVoucher{issue.code, asked_at_ms};
      break;
    case VoucherIssue::Outcome::OutOfStock: voucher_state_ = VoucherState::OutOfStock; break;
    case VoucherIssue::Outcome::Failed:
      voucher_state_ = VoucherState::Failed;
      voucher_error_ = issue.error;
      break;
  }
}

void QuizService::play_round(std::int64_t session, bool pass) {
  QuizRound& round = start_round(session);
  while (!round.finished()) {
    const QuizAnswer& current = round.current();
    const int right = current.shown_correct();
    const bool first = round.current_index() == 0;
    answer(pass || !first ? right : (right + 1) % static_cast<int>(current.order.size()));
    next();
  }
}

void QuizService::wait() {
  for (auto& pending : pending_) pending.done.wait();
  poll();
}

bool QuizService::round_can_still_pass() const {
  if (!round_) return false;
  int wrong = 0;
  for (const QuizAnswer& answer : round_->answers())
    if (answer.answered() && !answer.correct()) ++wrong;
  return static_cast<int>(round_->answers().size()) - wrong >= round_->pass_mark();
}

void QuizService::end_session() {
  session_voucher_.reset();
  round_.reset();
  session_ = 0;
  voucher_state_ = VoucherState::None;
  voucher_code_.clear();
  voucher_error_.clear();
}

}  // namespace openday
