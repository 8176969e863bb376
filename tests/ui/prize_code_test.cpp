// The prize code as a winner keeps it: when and where to collect it, 我的兑奖码 after Back or a
// new round, one question before 结束使用 throws it away, hidden behind "还在使用吗？"; a round that
// can no longer win says so; 差一点 only when it was one answer short; and the desk's scanner.
#include <gtest/gtest.h>

#include <cctype>
#include <memory>
#include <string>

#include "core/content/ui_text.h"
#include "core/quiz/vouchers.h"
#include "support/headless_kiosk.h"
#include "ui/drawn_text.h"
#include "ui/route_registry.h"

namespace openday {
namespace {

using testing::HeadlessKiosk;
using testing::open_quiz;

// Answers the current question on screen, rightly or not, and waits for the feedback.
void answer(HeadlessKiosk& kiosk, bool right) {
  const QuizAnswer& current = kiosk.kiosk().quiz().round()->current();
  const int correct = current.shown_correct();
  kiosk.tap("quiz.option." + std::to_string(right ? correct : (correct + 1) % static_cast<int>(current.order.size())));
  kiosk.wait(0.5);
}

// Plays the round to its result; wrong[i] says whether question i is answered wrongly.
void play(HeadlessKiosk& kiosk, const std::vector<bool>& wrong) {
  for (std::size_t i = 0; kiosk.route() == "quiz/question"; ++i) {
    answer(kiosk, !(i < wrong.size() && wrong[i]));
    kiosk.tap("quiz.next");
    kiosk.wait(0.5);
  }
  kiosk.kiosk().quiz().wait();
  kiosk.frame();
  kiosk.wait(0.5);
}

bool shows(std::string_view text) { return testing::drawn_text().find(testing::without_spaces(text)) != std::string::npos; }

std::string code_of(HeadlessKiosk& kiosk) {
  const auto& voucher = kiosk.kiosk().quiz().session_voucher();
  return voucher ? voucher->code : std::string();
}

TEST(PrizeCode, TheResultSaysWhenItWasIssuedWhereTheDeskIsAndToPhotographIt) {
  Config config;
  config.prize_desk = "二号服务台";
  HeadlessKiosk kiosk(ImVec2(1080, 1920), "home", config);
  open_quiz(kiosk);
  play(kiosk, {});
  ASSERT_EQ(kiosk.kiosk().quiz().voucher_state(), VoucherState::Issued);
  EXPECT_TRUE(shows(code_of(kiosk)));
  EXPECT_TRUE(shows(tr(Text::QuizVoucherPhotoHint)));
  EXPECT_TRUE(shows(fill_text(Text::QuizVoucherCollectAtFormat, {"二号服务台", config.prize_name})));
  const std::string issued = fill_text(Text::QuizVoucherIssuedAtFormat, {format_local_time(kiosk.kiosk().quiz().session_voucher()->issued_at_ms, "%m-%d %H:%M")});
  EXPECT_TRUE(shows(issued)) << issued;
}

TEST(PrizeCode, BackFromTheResultAndANewRoundDoNotLoseIt) {
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "home");
  open_quiz(kiosk);
  EXPECT_FALSE(kiosk.has_target("quiz.my_code")) << "no code yet, no button";
  play(kiosk, {});
  const std::string code = code_of(kiosk);
  ASSERT_FALSE(code.empty());
  kiosk.tap("topbar.back");
  kiosk.wait(0.5);
  ASSERT_EQ(kiosk.route(), "quiz");
  kiosk.tap("quiz.start");  // a new round, abandoned half way
  kiosk.wait(0.5);
  answer(kiosk, true);
  kiosk.tap("topbar.back");
  kiosk.wait(0.5);
  ASSERT_EQ(kiosk.route(), "quiz");
  kiosk.tap("quiz.my_code");
  kiosk.wait(0.5);
  EXPECT_EQ(kiosk.route(), "quiz/code");
  EXPECT_TRUE(shows(code)) << "我的兑奖码 shows the session's code again";
  EXPECT_TRUE(shows(tr(Text::QuizVoucherLabel)));
  EXPECT_FALSE(shows(tr(Text::QuizMyCode))) << "one name for the code on its page, not a heading of another name above its label";
}

TEST(PrizeCode, EndingTheSessionWithACodeAsksOnce) {
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "home");
  open_quiz(kiosk);
  play(kiosk, {});
  ASSERT_FALSE(code_of(kiosk).empty());
  kiosk.tap("topbar.end_session");
  kiosk.wait(0.5);
  EXPECT_EQ(kiosk.route(), "quiz/result") << "the first 结束使用 only asks";
  EXPECT_TRUE(shows(tr(Text::EndConfirmQuestion)));
  kiosk.tap("end.confirm.back");
  kiosk.wait(0.5);
  EXPECT_FALSE(kiosk.has_target("end.confirm.yes"));
  EXPECT_TRUE(shows(code_of(kiosk)));
  kiosk.tap("topbar.end_session");
  kiosk.wait(0.5);
  EXPECT_EQ(kiosk.route(), "rating") << "asked once: the second 结束使用 goes on to the rating";
  kiosk.tap("rating.skip");
  kiosk.wait(0.5);
  EXPECT_EQ(kiosk.route(), "attract");
}

TEST(PrizeCode, ConfirmingTheQuestionEndsTheSessionAndASessionWithoutACodeIsNotAsked) {
  HeadlessKiosk kiosk(ImVec2(1080, 1920), "home");
  open_quiz(kiosk);
  play(kiosk, {});
  kiosk.tap("topbar.end_session");
  kiosk.wait(0.5);
  kiosk.tap("end.confirm.yes");
  kiosk.wait(0.5);
  ASSERT_EQ(kiosk.route(), "rating");
  kiosk.tap("rating.skip");
  kiosk.wait(0.5);
  EXPECT_EQ(kiosk.route(), "attract");
  EXPECT_EQ(kiosk.events().of_type(EventType::SessionEnd).size(), 1u);

  HeadlessKiosk other(ImVec2(1920, 1080), "home");
  other.wait(0.5);
  other.tap("topbar.end_session");
  EXPECT_EQ(other.route(), "rating") << "no code: no question, straight to the rating";
}

TEST(PrizeCode, AnAbandonedCodeIsHiddenBehindTheIdleQuestion) {
  Config config;
  config.idle_timeout_seconds = 30;
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "home", config);
  open_quiz(kiosk);
  play(kiosk, {});
  const std::string code = code_of(kiosk);
  ASSERT_FALSE(code.empty());
  kiosk.wait(31);
  ASSERT_EQ(kiosk.kiosk().sessions().phase(), SessionPhase::Warning);
  const ImDrawData* data = ImGui::GetDrawData();
  int overlay = -1;
  for (int l = 0; l < data->CmdListsCount; ++l)
    if (std::string(data->CmdLists[l]->_OwnerName ? data->CmdLists[l]->_OwnerName : "").find("##idle_question") != std::string::npos) overlay = l;
  ASSERT_GE(overlay, 0);
  // Its first shape covers the whole display, fully opaque.
  const ImVector<ImDrawVert>& v = data->CmdLists[overlay]->VtxBuffer;
  ASSERT_GE(v.Size, 4);
  EXPECT_EQ(v[0].pos.x, 0);
  EXPECT_EQ(v[0].pos.y, 0);
  EXPECT_EQ(v[2].pos.x, 1920);
  EXPECT_EQ(v[2].pos.y, 1080);
  EXPECT_EQ(v[0].col >> IM_COL32_A_SHIFT, 255u) << "the code beneath must not show through";
  for (const auto& glyph : testing::drawn_glyphs())
    EXPECT_LE(glyph.list, overlay) << "nothing is drawn over the question";
  EXPECT_TRUE(shows(tr(Text::IdleQuestion)));
}

TEST(PrizeCode, AfterTheFirstWrongAnswerTheRoundSaysItCannotWinAndOffersAFreshOne) {
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "home");
  open_quiz(kiosk);
  answer(kiosk, true);
  EXPECT_FALSE(kiosk.has_target("quiz.restart"));
  EXPECT_FALSE(shows(tr(Text::QuizCannotWin)));
  kiosk.tap("quiz.next");
  kiosk.wait(0.5);
  answer(kiosk, false);
  EXPECT_TRUE(shows(tr(Text::QuizCannotWin)));
  ASSERT_TRUE(kiosk.has_target("quiz.restart"));
  EXPECT_TRUE(kiosk.has_target("quiz.next")) << "finishing the round stays possible";
  kiosk.tap("quiz.restart");
  kiosk.wait(0.5);
  EXPECT_EQ(kiosk.route(), "quiz/question");
  EXPECT_EQ(kiosk.kiosk().quiz().round()->current_index(), 0u);
  EXPECT_FALSE(kiosk.kiosk().quiz().round()->current().answered());
  EXPECT_EQ(kiosk.events().of_type(EventType::QuizStart).size(), 2u);
}

TEST(PrizeCode, NearlyOnlyWhenOneShort) {
  HeadlessKiosk kiosk(ImVec2(1080, 9000), "home");  // tall enough for every missed question
  open_quiz(kiosk);
  play(kiosk, {true, true, true, true, true});
  ASSERT_EQ(kiosk.route(), "quiz/result");
  EXPECT_FALSE(shows(tr(Text::QuizFailedTitle))) << "0 of 5 is not 差一点";
  EXPECT_TRUE(shows(tr(Text::QuizFailedTitleFar)));
  kiosk.tap("quiz.retry");
  kiosk.wait(0.5);
  play(kiosk, {true});
  EXPECT_TRUE(shows(tr(Text::QuizFailedTitle))) << "4 of 5 is";
}

// The keyboard as the platform passes it on: characters, then Enter.
void type(HeadlessKiosk& kiosk, std::string_view text) {
  ImGuiIO& io = ImGui::GetIO();
  for (char c : text) {
    io.AddInputCharacter(static_cast<unsigned>(c));
    kiosk.frame();
  }
  io.KeyMap[ImGuiKey_Enter] = 257;
  io.KeysDown[257] = true;
  kiosk.frame();
  io.KeysDown[257] = false;
  kiosk.frame();
}

TEST(PrizeCode, TheRedeemScreenTakesAScannersTyping) {
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "staff/redeem");
  auto issue = std::make_shared<VoucherIssue>();
  ASSERT_TRUE(kiosk.log().run_durable([issue](DurableTransaction& tx) { *issue = issue_voucher(tx, 42, 100, utc_now_ms()); }).get().committed);
  ASSERT_EQ(issue->outcome, VoucherIssue::Outcome::Issued);
  EXPECT_TRUE(kiosk.kiosk().wants_text_input());
  kiosk.wait(0.5);
  // A scanner types the code as printed, with its dash, in whatever case.
  std::string typed = issue->code;
  ASSERT_EQ(typed.size(), kVoucherLength + 1) << "codes are shown as ABCD-EF23";
  for (char& c : typed) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  type(kiosk, typed);
  kiosk.kiosk().service().wait();
  kiosk.frame();
  const auto redemption = kiosk.kiosk().service().redemption();
  ASSERT_TRUE(redemption);
  EXPECT_EQ(redemption->outcome, Redemption::Outcome::Redeemed);
  EXPECT_EQ(redemption->code, issue->code);
}

TEST(PrizeCode, OnlyTheRedeemScreenAsksForTyping) {
  for (const std::string& route : ui::every_route(*HeadlessKiosk::sample_content(), {.first_only = true})) {
    HeadlessKiosk kiosk(ImVec2(1920, 1080), route);
    EXPECT_EQ(kiosk.kiosk().wants_text_input(), route == "staff/redeem") << route;
  }
}

}  // namespace
}  // namespace openday
