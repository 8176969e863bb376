#include "core/ui_text.h"

#include <array>
#include <cstddef>
#include <string>

namespace openday {
namespace {

constexpr std::array kTexts = {
    TextEntry{Text::AppName, "app_name", TextStyle::Heading, "政务公开自助查询机"},
    TextEntry{Text::TouchToStart, "touch_to_start", TextStyle::Display, "轻触屏幕开始"},
    TextEntry{Text::AttractInvite, "attract_invite", TextStyle::Heading,
              "查部门职能 · 看审批事项 · 问收费标准 · 答题赢好礼"},
    // {0} year, {1} month, {2} day: filled by the attract screen from the configured date.
    TextEntry{Text::AttractDateFormat, "attract_date_format", TextStyle::Heading, "{0}年{1}月{2}日"},
    TextEntry{Text::HomeGreeting, "home_greeting", TextStyle::Display, "您好，请选择您要办的事"},
    TextEntry{Text::HomeHint, "home_hint", TextStyle::Body, "用手指轻点下面的大按钮"},
    TextEntry{Text::HomeDisclosure, "home_disclosure", TextStyle::Display, "政务公开查询"},
    TextEntry{Text::HomeDisclosureDetail, "home_disclosure_detail", TextStyle::Heading,
              "部门职能 · 审批事项 · 收费标准"},
    TextEntry{Text::HomeQuiz, "home_quiz", TextStyle::Display, "网上审批有奖竞猜"},
    TextEntry{Text::HomeQuizDetail, "home_quiz_detail", TextStyle::Heading, "答对题目 · 领取精美礼品"},
    TextEntry{Text::Back, "back", TextStyle::Heading, "返回"},
    TextEntry{Text::Home, "home", TextStyle::Heading, "首页"},
    TextEntry{Text::LargeTextOn, "large_text_on", TextStyle::Heading, "大字"},
    TextEntry{Text::LargeTextOff, "large_text_off", TextStyle::Heading, "标准字"},
    TextEntry{Text::SampleDataNotice, "sample_data_notice", TextStyle::Body, "示例数据"},
    TextEntry{Text::EndSession, "end_session", TextStyle::Heading, "结束使用"},
    TextEntry{Text::IdleQuestion, "idle_question", TextStyle::Display, "还在使用吗？"},
    // {0}: whole seconds left.
    TextEntry{Text::IdleCountdownFormat, "idle_countdown_format", TextStyle::Heading, "{0} 秒后自动结束本次使用"},
    TextEntry{Text::IdleContinue, "idle_continue", TextStyle::Display, "继续使用"},
    TextEntry{Text::DepartmentsTitle, "departments_title", TextStyle::Heading, "政务公开查询"},
    TextEntry{Text::DepartmentsHint, "departments_hint", TextStyle::Body, "请点选部门，查看部门职能、审批事项和收费标准"},
    TextEntry{Text::CategoryAll, "category_all", TextStyle::Heading, "全部"},
    // {0} duties, {1} approval items, {2} fee items.
    TextEntry{Text::CountsFormat, "counts_format", TextStyle::Body, "职能 {0} · 审批 {1} · 收费 {2}"},
    TextEntry{Text::SampleDataBanner, "sample_data_banner", TextStyle::Body, "示例数据，仅供演示，请以本县正式公布的信息为准"},
    TextEntry{Text::TabDuties, "tab_duties", TextStyle::Heading, "部门职能"},
    TextEntry{Text::TabItems, "tab_items", TextStyle::Heading, "审批事项"},
    TextEntry{Text::TabFees, "tab_fees", TextStyle::Heading, "收费标准"},
    TextEntry{Text::LabelAddress, "label_address", TextStyle::Body, "地址："},
    TextEntry{Text::LabelHours, "label_hours", TextStyle::Body, "办公时间："},
    TextEntry{Text::LabelPhone, "label_phone", TextStyle::Body, "电话："},
    TextEntry{Text::LabelWindow, "label_window", TextStyle::Body, "办事窗口："},
    // {0} date, {1} source.
    TextEntry{Text::PublishedFormat, "published_format", TextStyle::Body, "发布日期：{0}　来源：{1}"},
    TextEntry{Text::ItemsEmpty, "items_empty", TextStyle::Body, "本部门暂无公开的审批事项。"},
    TextEntry{Text::ItemOnlineBadge, "item_online_badge", TextStyle::Body, "可网上办理"},
    TextEntry{Text::ItemCounterOnlyBadge, "item_counter_only_badge", TextStyle::Body, "需到窗口办理"},
    // {0} working days.
    TextEntry{Text::ItemPromisedFormat, "item_promised_format", TextStyle::Body, "承诺 {0} 个工作日办结"},
    TextEntry{Text::ItemImmediate, "item_immediate", TextStyle::Body, "即时办结"},
    TextEntry{Text::FeeColumnName, "fee_column_name", TextStyle::Heading, "收费项目"},
    TextEntry{Text::FeeColumnStandard, "fee_column_standard", TextStyle::Heading, "收费标准"},
    TextEntry{Text::FeeColumnBasis, "fee_column_basis", TextStyle::Heading, "收费依据"},
    TextEntry{Text::FeeColumnNotes, "fee_column_notes", TextStyle::Heading, "备注"},
    // {0} document number.
    TextEntry{Text::FeeDocumentFormat, "fee_document_format", TextStyle::Body, "文号：{0}"},
    TextEntry{Text::ItemKind, "item_kind", TextStyle::Heading, "事项类型"},
    TextEntry{Text::ItemLegalBasis, "item_legal_basis", TextStyle::Heading, "设定依据"},
    TextEntry{Text::ItemConditions, "item_conditions", TextStyle::Heading, "办理条件"},
    TextEntry{Text::ItemMaterials, "item_materials", TextStyle::Heading, "申请材料"},
    TextEntry{Text::MaterialOriginal, "material_original", TextStyle::Body, "需原件"},
    // {0} number of copies.
    TextEntry{Text::MaterialCopiesFormat, "material_copies_format", TextStyle::Body, "复印件 {0} 份"},
    TextEntry{Text::ItemTimeLimit, "item_time_limit", TextStyle::Heading, "办理时限"},
    // {0} statutory working days, {1} promised working days.
    TextEntry{Text::ItemTimeLimitFormat, "item_time_limit_format", TextStyle::Body, "法定 {0} 个工作日，承诺 {1} 个工作日"},
    TextEntry{Text::ItemFee, "item_fee", TextStyle::Heading, "收费"},
    TextEntry{Text::ItemWhere, "item_where", TextStyle::Heading, "办理地点"},
    TextEntry{Text::ItemContact, "item_contact", TextStyle::Heading, "咨询电话"},
    TextEntry{Text::ItemOnlineTitle, "item_online_title", TextStyle::Heading, "手机扫码，网上办理"},
    TextEntry{Text::ItemOnlineHint, "item_online_hint", TextStyle::Body, "用手机扫描二维码，在手机上继续办理"},
    TextEntry{Text::ItemOfflineTitle, "item_offline_title", TextStyle::Heading, "请到窗口办理"},
    TextEntry{Text::ItemOfflineHint, "item_offline_hint", TextStyle::Body, "本事项暂不能网上办理，请携带材料到以下地点："},
    // {0} department name, {1} kind.
    TextEntry{Text::ItemDepartmentFormat, "item_department_format", TextStyle::Body, "{0} · {1}"},
    TextEntry{Text::QuizTitle, "quiz_title", TextStyle::Display, "网上审批有奖竞猜"},
    // {0} questions per round, {1} correct answers needed.
    TextEntry{Text::QuizRulesFormat, "quiz_rules_format", TextStyle::Heading, "共 {0} 道题，答对 {1} 道即可获得奖品"},
    TextEntry{Text::QuizRuleFeedback, "quiz_rule_feedback", TextStyle::Body, "每答一题，马上告诉您对不对，并讲解正确答案"},
    TextEntry{Text::QuizRuleOnePrize, "quiz_rule_one_prize", TextStyle::Body, "每位参与者每次限领一份奖品，奖品有限，发完为止"},
    TextEntry{Text::QuizPrizeLabel, "quiz_prize_label", TextStyle::Body, "本次奖品"},
    // {0} prizes left.
    TextEntry{Text::QuizStockFormat, "quiz_stock_format", TextStyle::Heading, "奖品剩余 {0} 份"},
    TextEntry{Text::QuizStockUnknown, "quiz_stock_unknown", TextStyle::Heading, "奖品数量请咨询工作人员"},
    TextEntry{Text::QuizStockEmpty, "quiz_stock_empty", TextStyle::Heading, "奖品已全部发完，欢迎继续答题学习"},
    TextEntry{Text::QuizStart, "quiz_start", TextStyle::Display, "开始答题"},
    // {0} current question, {1} questions in the round.
    TextEntry{Text::QuizProgressFormat, "quiz_progress_format", TextStyle::Heading, "第 {0} 题 / 共 {1} 题"},
    TextEntry{Text::QuizKindSingle, "quiz_kind_single", TextStyle::Body, "单选题：请点选一个答案"},
    TextEntry{Text::QuizKindTrueFalse, "quiz_kind_true_false", TextStyle::Body, "判断题：这句话对不对？"},
    TextEntry{Text::QuizCorrect, "quiz_correct", TextStyle::Display, "回答正确！"},
    // {0} the correct option's letter or text.
    TextEntry{Text::QuizWrongFormat, "quiz_wrong_format", TextStyle::Heading, "回答错误，正确答案是：{0}"},
    // {0} source.
    TextEntry{Text::QuizSourceFormat, "quiz_source_format", TextStyle::Body, "出处：{0}"},
    TextEntry{Text::QuizNext, "quiz_next", TextStyle::Display, "下一题"},
    TextEntry{Text::QuizSeeResult, "quiz_see_result", TextStyle::Display, "查看结果"},
    TextEntry{Text::QuizPassedTitle, "quiz_passed_title", TextStyle::Display, "恭喜您，答题过关！"},
    // {0} correct answers, {1} questions.
    TextEntry{Text::QuizScoreFormat, "quiz_score_format", TextStyle::Heading, "共 {1} 题，答对 {0} 题"},
    TextEntry{Text::QuizVoucherLabel, "quiz_voucher_label", TextStyle::Heading, "您的兑奖码"},
    // {0} prize name.
    TextEntry{Text::QuizVoucherCollectFormat, "quiz_voucher_collect_format", TextStyle::Heading, "请到服务台凭兑奖码领取{0}"},
    TextEntry{Text::QuizVoucherPending, "quiz_voucher_pending", TextStyle::Heading, "正在为您登记奖品，请稍候……"},
    TextEntry{Text::QuizNoStock, "quiz_no_stock", TextStyle::Heading, "本次奖品已全部发完，感谢您的参与！"},
    TextEntry{Text::QuizAlreadyWon, "quiz_already_won", TextStyle::Heading, "您本次已经领过奖品了，这是您的兑奖码"},
    TextEntry{Text::QuizVoucherFailed, "quiz_voucher_failed", TextStyle::Heading, "奖品登记没有成功，请告诉服务台工作人员"},
    TextEntry{Text::QuizFailedTitle, "quiz_failed_title", TextStyle::Display, "差一点就过关了"},
    TextEntry{Text::QuizMissedTitle, "quiz_missed_title", TextStyle::Heading, "这些题目答错了，看看正确答案："},
    // {0} the correct answer.
    TextEntry{Text::QuizCorrectAnswerFormat, "quiz_correct_answer_format", TextStyle::Body, "正确答案：{0}"},
    // {0} department short name.
    TextEntry{Text::QuizLookUpFormat, "quiz_look_up_format", TextStyle::Heading, "查看{0}公开信息"},
    TextEntry{Text::QuizRetry, "quiz_retry", TextStyle::Display, "再答一次"},
    TextEntry{Text::QuizBackHome, "quiz_back_home", TextStyle::Display, "返回首页"},
};

constexpr bool table_is_complete_and_ordered() {
  if (kTexts.size() != static_cast<std::size_t>(Text::Count)) return false;
  for (std::size_t i = 0; i < kTexts.size(); ++i) {
    if (static_cast<std::size_t>(kTexts[i].id) != i) return false;
    if (kTexts[i].zh.empty() || kTexts[i].key.empty()) return false;
  }
  return true;
}
static_assert(table_is_complete_and_ordered(), "ui_text table must list every Text id once, in order, non-empty");

}  // namespace

std::string fill_text(Text id, std::initializer_list<std::string_view> values) {
  std::string text(tr(id));
  std::size_t index = 0;
  for (std::string_view value : values) {
    const std::string token = "{" + std::to_string(index++) + "}";
    for (std::size_t at = text.find(token); at != std::string::npos; at = text.find(token, at + value.size()))
      text.replace(at, token.size(), value);
  }
  return text;
}

const TextEntry& text_entry(Text id) { return kTexts[static_cast<std::size_t>(id)]; }
std::string_view tr(Text id) { return text_entry(id).zh; }
std::span<const TextEntry> all_texts() { return kTexts; }

}  // namespace openday
