#pragma once
// The prize quiz as the booth runs it, shared by the screens and `openday simulate`: rounds
// drawn from the bank, every answer logged, and a voucher issued through the durable store when
// a visitor passes, stock remains, and the session has not won one yet.
#include <cstdint>
#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <random>
#include <string>

#include "core/visits/durable_store.h"
#include "core/quiz/quiz_round.h"
#include "core/quiz/vouchers.h"

namespace openday {

struct QuizSettings {
  int questions_per_round = 5;
  int pass_min_correct = 0;  // 0 = all
  int initial_stock = 100;
  // A kiosk of a booth hub: it gives prizes only from its share of the booth's stock (no stock
  // of its own to start with) and prints the codes it registered on the hub for that share.
  bool booth_stock = false;
};

enum class VoucherState {
  None,        // no voucher asked for
  Pending,     // its transaction is committing: show "正在发放", nothing else
  Issued,      // committed: show the code
  OutOfStock,  // passed, but no prize left
  AlreadyWon,  // passed again in a session that already has its voucher
  Failed,      // the database refused: ask staff
};

// The code a session won, kept for the whole session (a new round, Back or Home never lose it).
struct SessionVoucher {
  std::string code;
  std::int64_t issued_at_ms = 0;  // UTC ms, when the request that issued it was made
};

class QuizService {
 public:
  // now_ms: the clock for what is recorded (simulate passes its accelerated one).
  QuizService(const QuizBank& bank, QuizSettings settings, EventSink& sink, DurableStore& store, std::uint64_t seed,
              std::function<std::int64_t()> now_ms = utc_now_ms);

  // Asks the store for the stock (creating it at the initial count on first use).
  void refresh_stock();
  std::optional<std::int64_t> stock() const { return stock_; }

  // A new round for this session; logs quiz_start.
  QuizRound& start_round(std::int64_t session);
  QuizRound* round() { return round_ ? &*round_ : nullptr; }
  // Answers the current question (a shown option); logs quiz_answer. False if not possible.
  bool answer(int shown_option);
  // Past the feedback to the next question; after the last, finishes the round (quiz_finish)
  // and, when passed, asks for the voucher.
  void next();

  // Whether the current round can still reach the pass mark; false as soon as too many answers
  // were wrong (with the default rule: after the first wrong answer).
  bool round_can_still_pass() const;

  VoucherState voucher_state() const { return voucher_state_; }
  // The code this session holds, once its commit returned; empty before and after the session.
  const std::optional<SessionVoucher>& session_voucher() const { return session_voucher_; }
  const std::string& voucher_code() const { return voucher_code_; }
  const std::string& voucher_error() const { return voucher_error_; }

  // Collects finished commits; call every frame. Returns true while something is in flight.
  bool poll();
  // Whether a commit is in flight or finished but not yet collected by poll(); collects nothing.
  bool busy() const { return !pending_.empty(); }
  // Blocks until nothing is in flight (simulate, tests).
  void wait();
  // The visitor left: forget the round; the next session may win again.
  void end_session();

  const QuizBank& bank() const { return bank_; }
  int questions_per_round() const { return settings_.questions_per_round; }
  // For --screen photographs of the result screens: plays a whole round in this session,
  // every answer right (pass) or the first one wrong, exactly as taps would.
  void play_round(std::int64_t session, bool pass);
  int pass_mark() const;

 private:
  void finish_round();
  void settle_voucher(const DurableResult& result, const VoucherIssue& issue, std::int64_t session, std::int64_t asked_at_ms);
  void log(Event event);

  const QuizBank& bank_;
  QuizSettings settings_;
  EventSink& sink_;
  DurableStore& store_;
  std::mt19937_64 random_;
  std::function<std::int64_t()> now_ms_;
  std::optional<QuizRound> round_;
  std::int64_t session_ = 0;
  std::int64_t won_in_session_ = 0;  // the session that already has its voucher
  std::optional<std::int64_t> stock_;
  VoucherState voucher_state_ = VoucherState::None;
  std::string voucher_code_;
  std::string voucher_error_;
  std::optional<SessionVoucher> session_voucher_;

  struct Pending {
    std::future<DurableResult> done;
    std::shared_ptr<VoucherIssue> issue;  // filled by the job; null for a stock read
    std::shared_ptr<std::int64_t> stock;
    std::int64_t session = 0;  // whose voucher it is
    std::int64_t asked_at_ms = 0;
  };
  std::vector<Pending> pending_;
};

}  // namespace openday
