#include <gtest/gtest.h>

#include <set>
#include <thread>

#include "core/quiz/quiz_service.h"
#include "core/visits/event_log.h"
#include "core/visits/store.h"
#include "core/quiz/vouchers.h"
#include "support/quiz_fixture.h"
#include "support/content_fixture.h"
#include "support/temp_dir.h"

namespace openday {
namespace {

using testing::TempDir;

TEST(VoucherCodes, FromTheAlphabetWithoutLookAlikes) {
  std::set<std::string> seen;
  for (int i = 0; i < 20000; ++i) {
    const std::string code = new_voucher_code();
    ASSERT_EQ(code.size(), 9u);
    ASSERT_EQ(code[4], '-');
    for (char c : code.substr(0, 4) + code.substr(5)) {
      ASSERT_NE(kVoucherAlphabet.find(c), std::string_view::npos) << code;
      ASSERT_EQ(std::string_view("0O1IL").find(c), std::string_view::npos) << code;
    }
    seen.insert(code);
  }
  EXPECT_EQ(seen.size(), 20000u);
}

TEST(VoucherCodes, TypedAnyWayTheyNormalize) {
  EXPECT_EQ(normalize_voucher_code("abcd-ef23"), "ABCD-EF23");
  EXPECT_EQ(normalize_voucher_code(" AbCd eF23 "), "ABCD-EF23");
  EXPECT_EQ(normalize_voucher_code("ABCDEF23"), "ABCD-EF23");
  EXPECT_FALSE(normalize_voucher_code("ABCD-EF20"));  // 0 is never used
  EXPECT_FALSE(normalize_voucher_code("ABC"));
  EXPECT_FALSE(normalize_voucher_code("ABCD-EF23-X"));
}

class VoucherStore : public ::testing::Test {
 protected:
  VoucherIssue issue(std::int64_t session, int initial = 3) {
    VoucherIssue result;
    const DurableResult done = log.run_durable([&](DurableTransaction& tx) { result = issue_voucher(tx, session, initial, utc_now_ms()); }).get();
    EXPECT_TRUE(done.committed) << done.error;
    return result;
  }
  std::int64_t stock() {
    log.flush();
    Database db = open_store_read_only(dir / "v.db");
    return db.query_int("SELECT remaining FROM prize_stock").value_or(-1);
  }
  TempDir dir;
  EventLog log{{dir / "v.db", "kiosk-v"}};
};

TEST_F(VoucherStore, StockNeverGoesBelowZero) {
  int issued = 0, out = 0;
  for (int session = 1; session <= 10; ++session) {
    const VoucherIssue result = issue(session);
    issued += result.outcome == VoucherIssue::Outcome::Issued;
    out += result.outcome == VoucherIssue::Outcome::OutOfStock;
  }
  EXPECT_EQ(issued, 3);
  EXPECT_EQ(out, 7);
  EXPECT_EQ(stock(), 0);
}

TEST_F(VoucherStore, OneVoucherPerSessionHoweverOftenAsked) {
  const VoucherIssue first = issue(7, 10);
  ASSERT_EQ(first.outcome, VoucherIssue::Outcome::Issued);
  for (int i = 0; i < 5; ++i) {
    const VoucherIssue again = issue(7, 10);
    EXPECT_EQ(again.outcome, VoucherIssue::Outcome::AlreadyIssued);
    EXPECT_EQ(again.code, first.code);
  }
  EXPECT_EQ(stock(), 9);
}

TEST_F(VoucherStore, ConcurrentRequestsIssueExactlyTheStock) {
  std::vector<std::thread> threads;
  std::atomic<int> issued{0}, out{0};
  std::mutex codes_mutex;
  std::set<std::string> codes;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i) {
        const std::int64_t session = t * 1000 + i;
        VoucherIssue result;
        const DurableResult done =
            log.run_durable([&](DurableTransaction& tx) { result = issue_voucher(tx, session, 50, utc_now_ms()); }).get();
        if (!done.committed) continue;
        if (result.outcome == VoucherIssue::Outcome::Issued) {
          ++issued;
          std::lock_guard lock(codes_mutex);
          codes.insert(result.code);
        }
        if (result.outcome == VoucherIssue::Outcome::OutOfStock) ++out;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(issued.load(), 50);
  EXPECT_EQ(out.load(), 150);
  EXPECT_EQ(codes.size(), 50u);
  EXPECT_EQ(stock(), 0);
}

TEST_F(VoucherStore, RedeemOnceThenItSaysWhen) {
  const VoucherIssue voucher = issue(1);
  log.flush();
  Database db(dir / "v.db", Database::Mode::ReadWriteCreate);
  sqlite3_busy_timeout(db.handle(), 5000);
  std::string lower = voucher.code;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const Redemption first = redeem_voucher_from_desk(db, lower);
  EXPECT_EQ(first.outcome, Redemption::Outcome::Redeemed);
  const Redemption second = redeem_voucher_from_desk(db, voucher.code);
  EXPECT_EQ(second.outcome, Redemption::Outcome::AlreadyRedeemed);
  EXPECT_EQ(second.redeemed_at_ms, first.redeemed_at_ms);
  EXPECT_EQ(redeem_voucher_from_desk(db, "ABCD-EFGH").outcome, Redemption::Outcome::Unknown);
  EXPECT_EQ(redeem_voucher_from_desk(db, "hello").outcome, Redemption::Outcome::Invalid);
  EXPECT_EQ(db.query_int("SELECT count(*) FROM events WHERE type = 'voucher_redeemed' AND kiosk_id = 'desk@kiosk-v'"), 1);
}

class QuizServiceTest : public ::testing::Test {
 protected:
  QuizServiceTest() {
    testing::write_json(dir / "q.json", testing::bank_of(8));
    bank = *load_quiz_bank(dir / "q.json", 5, nullptr).bank;
  }
  TempDir dir;
  QuizBank bank;
  EventLog log{{dir / "s.db", "kiosk-s"}};
};

TEST_F(QuizServiceTest, TheVoucherAppearsOnlyAfterItsCommitAndOnlyOncePerSession) {
  QuizService quiz(bank, {5, 0, 2}, log, log, 7);
  quiz.play_round(1001, true);
  EXPECT_EQ(quiz.voucher_state(), VoucherState::Pending);
  EXPECT_TRUE(quiz.voucher_code().empty()) << "no code may show before the commit";
  quiz.wait();
  ASSERT_EQ(quiz.voucher_state(), VoucherState::Issued);
  const std::string code = quiz.voucher_code();
  EXPECT_EQ(quiz.stock(), 1);
  // A retry in the same session passes again but wins nothing new.
  quiz.play_round(1001, true);
  quiz.wait();
  EXPECT_EQ(quiz.voucher_state(), VoucherState::AlreadyWon);
  EXPECT_EQ(quiz.stock(), 1);
  // The next visitor can win; then the stock is gone.
  quiz.end_session();
  quiz.play_round(1002, true);
  quiz.wait();
  EXPECT_EQ(quiz.voucher_state(), VoucherState::Issued);
  EXPECT_NE(quiz.voucher_code(), code);
  quiz.end_session();
  quiz.play_round(1003, true);
  quiz.wait();
  EXPECT_EQ(quiz.voucher_state(), VoucherState::OutOfStock);
  EXPECT_EQ(quiz.stock(), 0);
}

TEST_F(QuizServiceTest, AFailedRoundIssuesNothingAndEverythingIsLogged) {
  QuizService quiz(bank, {5, 0, 2}, log, log, 7);
  quiz.play_round(2001, false);
  quiz.wait();
  EXPECT_EQ(quiz.voucher_state(), VoucherState::None);
  log.flush();
  Database db = open_store_read_only(dir / "s.db");
  EXPECT_EQ(db.query_int("SELECT count(*) FROM events WHERE type = 'quiz_start'"), 1);
  EXPECT_EQ(db.query_int("SELECT count(*) FROM events WHERE type = 'quiz_answer'"), 5);
  EXPECT_EQ(db.query_int("SELECT sum(value) FROM events WHERE type = 'quiz_answer'"), 4);
  EXPECT_EQ(db.query_text("SELECT target FROM events WHERE type = 'quiz_finish'"), "failed");
  EXPECT_EQ(db.query_int("SELECT count(*) FROM vouchers"), 0);
}

TEST_F(QuizServiceTest, AVisitorWhoLeftDoesNotSeeTheirCodeOnTheNextVisitorsScreen) {
  QuizService quiz(bank, {5, 0, 5}, log, log, 7);
  quiz.play_round(3001, true);
  quiz.end_session();  // left while the voucher was committing
  quiz.start_round(3002);
  quiz.wait();
  EXPECT_TRUE(quiz.voucher_code().empty());
  EXPECT_EQ(quiz.voucher_state(), VoucherState::None);
}

}  // namespace
}  // namespace openday
