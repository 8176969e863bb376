#include "core/content/ui_text.h"

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
    // {0} the booth's desk (config [booth] prize_desk).
    TextEntry{Text::QuizVoucherFailed, "quiz_voucher_failed_format", TextStyle::Heading, "奖品登记没有成功，请告诉{0}的工作人员"},
    TextEntry{Text::QuizFailedTitle, "quiz_failed_title", TextStyle::Display, "差一点就过关了"},
    TextEntry{Text::QuizMissedTitle, "quiz_missed_title", TextStyle::Heading, "这些题目答错了，看看正确答案："},
    // {0} the correct answer.
    TextEntry{Text::QuizCorrectAnswerFormat, "quiz_correct_answer_format", TextStyle::Body, "正确答案：{0}"},
    // {0} department short name.
    TextEntry{Text::QuizLookUpFormat, "quiz_look_up_format", TextStyle::Heading, "查看{0}公开信息"},
    TextEntry{Text::QuizRetry, "quiz_retry", TextStyle::Display, "再答一次"},
    TextEntry{Text::QuizBackHome, "quiz_back_home", TextStyle::Display, "返回首页"},
    TextEntry{Text::StaffTitle, "staff_title", TextStyle::Heading, "工作人员 · 今日数据"},
    TextEntry{Text::StaffPinTitle, "staff_pin_title", TextStyle::Display, "工作人员登录"},
    TextEntry{Text::StaffPinHint, "staff_pin_hint", TextStyle::Heading, "请输入管理密码"},
    TextEntry{Text::StaffPinNoPin, "staff_pin_no_pin", TextStyle::Heading, "尚未设置管理密码：请在终端运行 openday set-pin 设置后再试"},
    TextEntry{Text::StaffPinWrongFormat, "staff_pin_wrong_format", TextStyle::Heading, "密码错误，还可以再试 {0} 次"},
    TextEntry{Text::StaffPinLockedFormat, "staff_pin_locked_format", TextStyle::Heading, "错误次数过多，请 {0} 秒后再试"},
    TextEntry{Text::StaffPinLockedMinutesFormat, "staff_pin_locked_minutes_format", TextStyle::Heading, "错误次数过多，请 {0} 分钟后再试"},
    TextEntry{Text::StaffPinChecking, "staff_pin_checking", TextStyle::Heading, "正在验证……"},
    TextEntry{Text::KeyDelete, "key_delete", TextStyle::Display, "删除"},
    TextEntry{Text::KeyConfirm, "key_confirm", TextStyle::Display, "确定"},
    TextEntry{Text::Cancel, "cancel", TextStyle::Heading, "取消"},
    TextEntry{Text::StaffLeave, "staff_leave", TextStyle::Heading, "退出管理"},
    TextEntry{Text::TileSessions, "tile_sessions", TextStyle::Body, "接待人次"},
    TextEntry{Text::TileEngagedFormat, "tile_engaged_format", TextStyle::Body, "其中参与互动 {0}"},
    TextEntry{Text::TileInteractions, "tile_interactions", TextStyle::Body, "操作次数"},
    TextEntry{Text::TileQuiz, "tile_quiz", TextStyle::Body, "竞猜参与 / 过关"},
    TextEntry{Text::TilePassRateFormat, "tile_pass_rate_format", TextStyle::Body, "过关率 {0}%"},
    TextEntry{Text::TileVouchers, "tile_vouchers", TextStyle::Body, "奖品发放 / 兑换"},
    TextEntry{Text::TileStock, "tile_stock", TextStyle::Body, "奖品库存"},
    TextEntry{Text::TileStockUnknown, "tile_stock_unknown", TextStyle::Body, "尚未设置"},
    TextEntry{Text::ChartHours, "chart_hours", TextStyle::Heading, "各时段接待人次"},
    TextEntry{Text::ChartDepartments, "chart_departments", TextStyle::Heading, "查阅最多的部门"},
    TextEntry{Text::ChartQuestions, "chart_questions", TextStyle::Heading, "竞猜题目正确率（从低到高）"},
    TextEntry{Text::WarningsTitle, "warnings_title", TextStyle::Heading, "提醒"},
    TextEntry{Text::WarningDatabase, "warning_database", TextStyle::Body, "数据库无法写入，记录暂存在内存中：{0}"},
    TextEntry{Text::WarningRecovered, "warning_recovered", TextStyle::Body, "数据库曾损坏，已另存并重建：{0}"},
    TextEntry{Text::WarningDropped, "warning_dropped", TextStyle::Body, "有 {0} 条记录未能保存"},
    TextEntry{Text::WarningLowStock, "warning_low_stock", TextStyle::Body, "奖品仅剩 {0} 份，请及时补充"},
    TextEntry{Text::WarningLowDisk, "warning_low_disk", TextStyle::Body, "磁盘剩余空间不足：{0} MB"},
    TextEntry{Text::NoWarnings, "no_warnings", TextStyle::Body, "运行正常，没有需要处理的问题"},
    TextEntry{Text::Loading, "loading", TextStyle::Heading, "正在统计……"},
    TextEntry{Text::SummaryTitle, "summary_title", TextStyle::Heading, "活动总结（可复制到报告）"},
    TextEntry{Text::ActionRedeem, "action_redeem", TextStyle::Heading, "兑奖"},
    TextEntry{Text::ActionStock, "action_stock", TextStyle::Heading, "调整库存"},
    TextEntry{Text::ActionReload, "action_reload", TextStyle::Heading, "重新载入内容"},
    TextEntry{Text::ActionExport, "action_export", TextStyle::Heading, "导出数据"},
    TextEntry{Text::ActionBackToKiosk, "action_back_to_kiosk", TextStyle::Heading, "返回展示"},
    TextEntry{Text::ActionExit, "action_exit", TextStyle::Heading, "退出程序"},
    TextEntry{Text::RedeemHint, "redeem_hint", TextStyle::Heading, "请扫描或输入访客出示的兑奖码"},
    TextEntry{Text::RedeemOkFormat, "redeem_ok_format", TextStyle::Heading, "兑奖成功：{0}，请发放奖品"},
    TextEntry{Text::RedeemAlreadyFormat, "redeem_already_format", TextStyle::Heading, "{0} 已于 {1} 兑过奖，请勿重复发放"},
    TextEntry{Text::RedeemUnknownFormat, "redeem_unknown_format", TextStyle::Heading, "{0} 不是本机发放的兑奖码，请核对"},
    TextEntry{Text::RedeemInvalid, "redeem_invalid", TextStyle::Heading, "兑奖码是 8 位字母和数字"},
    TextEntry{Text::RedeemHubUnreachableFormat, "redeem_hub_unreachable_format", TextStyle::Heading, "网络断开，查不到 {0}（不是本机发放的）：请先不要发奖品，等网络恢复后再兑"},
    TextEntry{Text::RedeemAlreadyWhereFormat, "redeem_already_where_format", TextStyle::Heading, "{0} 已于 {1} 在 {2} 兑过奖，请不要再发奖品"},
    TextEntry{Text::RedeemFailedFormat, "redeem_failed_format", TextStyle::Heading, "兑奖失败：{0}"},
    TextEntry{Text::StockCurrentFormat, "stock_current_format", TextStyle::Display, "{0} 份"},
    TextEntry{Text::StockSave, "stock_save", TextStyle::Heading, "保存"},
    TextEntry{Text::StockSavedFormat, "stock_saved_format", TextStyle::Heading, "已保存：库存 {0} 份"},
    TextEntry{Text::ExportHint, "export_hint", TextStyle::Heading, "请插入U盘，然后点选保存位置"},
    TextEntry{Text::ExportRemovableFormat, "export_removable_format", TextStyle::Heading, "U盘：{0}"},
    TextEntry{Text::ExportLocalFormat, "export_local_format", TextStyle::Heading, "本机文件夹：{0}"},
    TextEntry{Text::ExportRunning, "export_running", TextStyle::Heading, "正在导出……"},
    TextEntry{Text::ExportDoneFormat, "export_done_format", TextStyle::Heading, "已导出 {0} 个文件到 {1}"},
    TextEntry{Text::ExportFailedFormat, "export_failed_format", TextStyle::Heading, "导出失败：{0}"},
    TextEntry{Text::ReloadRunning, "reload_running", TextStyle::Heading, "正在检查内容……"},
    TextEntry{Text::ReloadOk, "reload_ok", TextStyle::Heading, "内容已更新"},
    TextEntry{Text::ReloadRejected, "reload_rejected", TextStyle::Heading, "内容有错误，继续使用原来的内容："},
    TextEntry{Text::ExitConfirm, "exit_confirm", TextStyle::Heading, "确定要退出程序吗？退出后本机将不再显示查询系统。"},
    TextEntry{Text::ExitYes, "exit_yes", TextStyle::Heading, "退出"},
    // Item page in 大字, the prize code, the dashboard's day (issue 9 points 3, 4, 5)
    // The 大字 button's badge: the state the button has set, beside its unchanging label.
    TextEntry{Text::LargeTextStateOn, "large_text_state_on", TextStyle::Heading, "开"},
    TextEntry{Text::LargeTextStateOff, "large_text_state_off", TextStyle::Heading, "关"},
    // {0} local time the code was issued.
    TextEntry{Text::QuizVoucherIssuedAtFormat, "quiz_voucher_issued_at_format", TextStyle::Heading, "发放时间：{0}"},
    // {0} prize desk, {1} prize name.
    TextEntry{Text::QuizVoucherCollectAtFormat, "quiz_voucher_collect_at_format", TextStyle::Heading, "请凭兑奖码到{0}领取{1}"},
    TextEntry{Text::QuizVoucherPhotoHint, "quiz_voucher_photo_hint", TextStyle::Heading, "请拍照或记下兑奖码"},
    TextEntry{Text::QuizMyCode, "quiz_my_code", TextStyle::Display, "我的兑奖码"},
    TextEntry{Text::EndConfirmQuestion, "end_confirm_question", TextStyle::Display, "兑奖码已记下了吗？"},
    TextEntry{Text::EndConfirmYes, "end_confirm_yes", TextStyle::Heading, "已记下，结束"},
    TextEntry{Text::EndConfirmBack, "end_confirm_back", TextStyle::Heading, "返回查看"},
    TextEntry{Text::QuizCannotWin, "quiz_cannot_win", TextStyle::Heading, "这一轮已经不能获奖了"},
    TextEntry{Text::QuizCannotWinHint, "quiz_cannot_win_hint", TextStyle::Body, "可以答完本轮看看答案，也可以重新开始"},
    TextEntry{Text::QuizRestart, "quiz_restart", TextStyle::Display, "重新开始"},
    TextEntry{Text::QuizFailedTitleFar, "quiz_failed_title_far", TextStyle::Display, "这次没有过关"},
    TextEntry{Text::DashboardNoQuizToday, "dashboard_no_quiz_today", TextStyle::Body, "今天还没有人答题"},
    TextEntry{Text::DashboardNoVisitorsToday, "dashboard_no_visitors_today", TextStyle::Body, "今天还没有访客"},
    TextEntry{Text::DashboardNoViewsToday, "dashboard_no_views_today", TextStyle::Body, "今天还没有人查阅部门"},
    TextEntry{Text::DashboardNoAnswersToday, "dashboard_no_answers_today", TextStyle::Body, "今天还没有人答题"},
    // Hostile and unlucky input (core): the database file deleted under the kiosk.
    TextEntry{Text::WarningReplaced, "warning_replaced", TextStyle::Body, "数据库文件在运行中被删除或替换，已在原位置新建文件继续记录：{0}"},
    // Opening hours (issue 16, deploy): the screen outside booth.hours
    TextEntry{Text::ClosedTitle, "closed_title", TextStyle::Display, "今日活动时间"},
    TextEntry{Text::ClosedHours, "closed_hours", TextStyle::Heading, "{0} 至 {1}"},
    TextEntry{Text::ClosedInvite, "closed_invite", TextStyle::Body, "现在不在活动时间内，欢迎在活动时间内前来"},
    // Pre-flight check from the staff screen (issue 16): 本机自检
    TextEntry{Text::ActionDoctor, "action_doctor", TextStyle::Heading, "本机自检"},
    TextEntry{Text::DoctorRunning, "doctor_running", TextStyle::Heading, "正在检查本机，请稍候……"},
    TextEntry{Text::DoctorAllPassedFormat, "doctor_all_passed_format", TextStyle::Heading, "{0} 项检查全部通过"},
    TextEntry{Text::DoctorSomeFailedFormat, "doctor_some_failed_format", TextStyle::Heading, "{0} 项检查中有 {1} 项未通过"},
    TextEntry{Text::DoctorErrorFormat, "doctor_error_format", TextStyle::Heading, "自检未能完成：{0}"},
    TextEntry{Text::DoctorAgain, "doctor_again", TextStyle::Heading, "再查一次"},
    TextEntry{Text::DoctorDisplay, "doctor_display", TextStyle::Heading, "显示屏"},
    TextEntry{Text::DoctorTouch, "doctor_touch", TextStyle::Heading, "触摸屏"},
    TextEntry{Text::DoctorFont, "doctor_font", TextStyle::Heading, "中文字体"},
    TextEntry{Text::DoctorConfig, "doctor_config", TextStyle::Heading, "配置文件"},
    TextEntry{Text::DoctorContent, "doctor_content", TextStyle::Heading, "展示内容"},
    TextEntry{Text::DoctorQuizBank, "doctor_quiz_bank", TextStyle::Heading, "答题题库"},
    TextEntry{Text::DoctorDatabase, "doctor_database", TextStyle::Heading, "数据库"},
    TextEntry{Text::DoctorClock, "doctor_clock", TextStyle::Heading, "时钟与时区"},
    TextEntry{Text::DoctorPin, "doctor_pin", TextStyle::Heading, "管理密码"},
    TextEntry{Text::DoctorPrizeStock, "doctor_prize_stock", TextStyle::Heading, "奖品库存"},
    TextEntry{Text::DoctorKioskId, "doctor_kiosk_id", TextStyle::Heading, "本机编号"},
    TextEntry{Text::DoctorFixDisplay, "doctor_fix_display", TextStyle::Body, "请换用分辨率不低于 1280x720 的显示器"},
    TextEntry{Text::DoctorFixTouch, "doctor_fix_touch", TextStyle::Body, "没有找到触摸设备：请检查触摸屏的连接线，然后重启本机"},
    TextEntry{Text::DoctorFixFont, "doctor_fix_font", TextStyle::Body, "请安装中文字体（fonts-noto-cjk），或把字体文件放进 fonts 文件夹"},
    TextEntry{Text::DoctorFixConfig, "doctor_fix_config", TextStyle::Body, "请按下方说明修改配置文件"},
    TextEntry{Text::DoctorFixContent, "doctor_fix_content", TextStyle::Body, "请按下方说明修改展示内容，再点“重新载入内容”"},
    TextEntry{Text::DoctorFixQuizBank, "doctor_fix_quiz_bank", TextStyle::Body, "请按下方说明修改题库，再点“重新载入内容”"},
    TextEntry{Text::DoctorFixDatabase, "doctor_fix_database", TextStyle::Body, "数据库无法写入或磁盘空间不足：请联系技术人员处理"},
    TextEntry{Text::DoctorFixClock, "doctor_fix_clock", TextStyle::Body, "本机日期或时区不对，每天的统计会算错：请设置为北京时间和正确的日期"},
    TextEntry{Text::DoctorFixPin, "doctor_fix_pin", TextStyle::Body, "管理密码未设置或少于 6 位：请技术人员用命令 openday set-pin 设置 6 至 12 位数字密码"},
    TextEntry{Text::DoctorFixPrizeStock, "doctor_fix_prize_stock", TextStyle::Body, "奖品库存为 0：请在“库存”页设置奖品数量"},
    TextEntry{Text::DoctorFixKioskId, "doctor_fix_kiosk_id", TextStyle::Body, "多台一体机时，每台要在配置文件中设置不同的本机编号"},
    // Colour is never the only cue (issue 13).
    TextEntry{Text::QuizOptionRightMark, "quiz_option_right_mark", TextStyle::Heading, "✓ 正确答案"},
    TextEntry{Text::QuizOptionChosenMark, "quiz_option_chosen_mark", TextStyle::Heading, "× 您选的"},
    // The citizen's voice (issue 15): 常见问题, 我要问, 满意度评价
    TextEntry{Text::TabFaq, "tab_faq", TextStyle::Heading, "常见问题"},
    TextEntry{Text::FaqEmpty, "faq_empty", TextStyle::Body, "本部门暂未发布常见问题，可以点“我要问”向工作人员提问"},
    TextEntry{Text::FaqHint, "faq_hint", TextStyle::Body, "点选问题，查看解答"},
    TextEntry{Text::FaqRelatedTitle, "faq_related_title", TextStyle::Heading, "相关办事指南"},
    TextEntry{Text::FaqAskMore, "faq_ask_more", TextStyle::Heading, "还有疑问？我要问"},
    TextEntry{Text::HomeAsk, "home_ask", TextStyle::Display, "我要问"},
    TextEntry{Text::HomeAskDetail, "home_ask_detail", TextStyle::Heading, "选部门 · 选问题 · 现场解答"},
    TextEntry{Text::AskPickDepartment, "ask_pick_department", TextStyle::Heading, "您的问题和哪个部门有关？"},
    TextEntry{Text::AskUnsure, "ask_unsure", TextStyle::Heading, "不清楚"},
    TextEntry{Text::AskUnsureDetail, "ask_unsure_detail", TextStyle::Body, "不知道找哪个部门"},
    // {0} the department's short name.
    TextEntry{Text::AskPickTopicFormat, "ask_pick_topic_format", TextStyle::Heading, "{0}：请选择您想问的问题"},
    TextEntry{Text::AskPickCategory, "ask_pick_category", TextStyle::Heading, "请选择问题的类别"},
    TextEntry{Text::AskOtherTopic, "ask_other_topic", TextStyle::Heading, "其他问题"},
    TextEntry{Text::AskPrivacy, "ask_privacy", TextStyle::Body, "只记录部门、问题和时间，不记录姓名、电话等个人信息"},
    TextEntry{Text::AskAnsweredTitle, "ask_answered_title", TextStyle::Display, "这个问题已有解答"},
    TextEntry{Text::AskRegisteredTitle, "ask_registered_title", TextStyle::Display, "您的问题已记录"},
    // {0} the booth's desk (config quiz.prize_desk): the visitor is at the booth, not at the office.
    TextEntry{Text::AskRegisteredDeskFormat, "ask_registered_desk_format", TextStyle::Heading, "工作人员会在展台现场为您解答，请到{0}找工作人员"},
    // {0} the topic's label.
    TextEntry{Text::AskYourQuestionFormat, "ask_your_question_format", TextStyle::Heading, "您的问题：{0}"},
    // {0} the department's name: its 其他问题 says nothing without it.
    TextEntry{Text::AskYourOtherQuestionFormat, "ask_your_other_question_format", TextStyle::Heading, "您的问题：关于{0}的其他问题"},
    TextEntry{Text::AskDepartmentFormat, "ask_department_format", TextStyle::Body, "咨询部门：{0}"},
    TextEntry{Text::AskPhoneFormat, "ask_phone_format", TextStyle::Body, "咨询电话：{0}"},
    TextEntry{Text::AskSeeGuide, "ask_see_guide", TextStyle::Heading, "查看办事指南"},
    TextEntry{Text::RatingTitle, "rating_title", TextStyle::Heading, "满意度评价"},
    TextEntry{Text::RatingQuestion, "rating_question", TextStyle::Display, "您对本次政务公开日活动满意吗？"},
    TextEntry{Text::RatingVerySatisfied, "rating_very_satisfied", TextStyle::Display, "非常满意"},
    TextEntry{Text::RatingSatisfied, "rating_satisfied", TextStyle::Display, "满意"},
    TextEntry{Text::RatingBasicallySatisfied, "rating_basically_satisfied", TextStyle::Display, "基本满意"},
    TextEntry{Text::RatingDissatisfied, "rating_dissatisfied", TextStyle::Display, "不满意"},
    TextEntry{Text::RatingVeryDissatisfied, "rating_very_dissatisfied", TextStyle::Display, "非常不满意"},
    // {0} the number of stars.
    TextEntry{Text::RatingStarsFormat, "rating_stars_format", TextStyle::Body, "{0}星"},
    TextEntry{Text::RatingReasonQuestion, "rating_reason_question", TextStyle::Display, "请告诉我们哪里做得不好"},
    TextEntry{Text::RatingReasonNotFound, "rating_reason_not_found", TextStyle::Heading, "找不到想要的信息"},
    TextEntry{Text::RatingReasonHardToUnderstand, "rating_reason_hard_to_understand", TextStyle::Heading, "信息看不懂"},
    TextEntry{Text::RatingReasonHardToUse, "rating_reason_hard_to_use", TextStyle::Heading, "操作不方便"},
    TextEntry{Text::RatingReasonLongWait, "rating_reason_long_wait", TextStyle::Heading, "等待时间长"},
    TextEntry{Text::RatingReasonOther, "rating_reason_other", TextStyle::Heading, "其他"},
    TextEntry{Text::RatingSkip, "rating_skip", TextStyle::Heading, "跳过"},
    // {0} whole seconds left.
    TextEntry{Text::RatingCountdownFormat, "rating_countdown_format", TextStyle::Body, "{0} 秒后自动结束"},
    TextEntry{Text::RatingNotOfficial, "rating_not_official", TextStyle::Body, "本评价只用于改进本次活动，不计入政务服务“好差评”系统"},
    TextEntry{Text::TileFaqViews, "tile_faq_views", TextStyle::Heading, "常见问题查看"},
    TextEntry{Text::TileQuestions, "tile_questions", TextStyle::Heading, "群众提问"},
    // {0} registered for the desk, {1} answered on the screen.
    TextEntry{Text::TileQuestionsFormat, "tile_questions_format", TextStyle::Body, "待解答 {0} · 已解答 {1}"},
    TextEntry{Text::TileSatisfaction, "tile_satisfaction", TextStyle::Heading, "满意率"},
    // {0} ratings.
    TextEntry{Text::TileSatisfactionFormat, "tile_satisfaction_format", TextStyle::Body, "{0} 人评价"},
    TextEntry{Text::TileNoRatings, "tile_no_ratings", TextStyle::Body, "暂无评价"},
    // Staff desk tally (issue 12): 现场登记, its department picker and 活动概况
    TextEntry{Text::ActionTally, "action_tally", TextStyle::Heading, "现场登记"},
    TextEntry{Text::TallyTitle, "tally_title", TextStyle::Heading, "现场登记"},
    TextEntry{Text::TallyConsultation, "tally_consultation", TextStyle::Heading, "接待咨询群众"},
    TextEntry{Text::TallyAnswer, "tally_answer", TextStyle::Heading, "解答政策咨询"},
    TextEntry{Text::TallyProblem, "tally_problem", TextStyle::Heading, "记录群众问题"},
    TextEntry{Text::TallyHandbook, "tally_handbook", TextStyle::Heading, "发放便民手册"},
    TextEntry{Text::TallyLeaflet, "tally_leaflet", TextStyle::Heading, "发放宣传品"},
    TextEntry{Text::TallyTodayPeopleFormat, "tally_today_people_format", TextStyle::Heading, "今日 {0} 人次"},
    TextEntry{Text::TallyTodayItemsFormat, "tally_today_items_format", TextStyle::Heading, "今日 {0} 件"},
    TextEntry{Text::TallyTodayBooksFormat, "tally_today_books_format", TextStyle::Heading, "今日 {0} 册"},
    TextEntry{Text::TallyTodaySheetsFormat, "tally_today_sheets_format", TextStyle::Heading, "今日 {0} 份"},
    TextEntry{Text::TallyPlusOne, "tally_plus_one", TextStyle::Display, "+1"},
    TextEntry{Text::TallyChooseDepartment, "tally_choose_department", TextStyle::Body, "+1：点此选择部门"},
    TextEntry{Text::TallyChooseProblem, "tally_choose_problem", TextStyle::Body, "+1：点此选择部门和类别"},
    TextEntry{Text::TallyUndo, "tally_undo", TextStyle::Heading, "撤销上一次"},
    TextEntry{Text::TallyUndoDetailFormat, "tally_undo_detail_format", TextStyle::Body, "{0}（还可撤销 {1} 秒）"},
    TextEntry{Text::TallyUndoNothing, "tally_undo_nothing", TextStyle::Body, "一分钟内没有可撤销的登记"},
    TextEntry{Text::TallySavedFormat, "tally_saved_format", TextStyle::Heading, "已记录：{0}"},
    TextEntry{Text::TallyUndoneFormat, "tally_undone_format", TextStyle::Heading, "已撤销：{0}"},
    TextEntry{Text::TallySaving, "tally_saving", TextStyle::Heading, "正在保存……"},
    TextEntry{Text::TallyDoubleTap, "tally_double_tap", TextStyle::Heading, "连续点击只记一次"},
    TextEntry{Text::TallyBusy, "tally_busy", TextStyle::Heading, "上一次登记还在保存，请稍候再点"},
    TextEntry{Text::TallySaveFailedFormat, "tally_save_failed_format", TextStyle::Heading, "未能保存：{0}"},
    TextEntry{Text::TallyFacts, "tally_facts", TextStyle::Heading, "活动概况"},
    TextEntry{Text::TallyNoDepartment, "tally_no_department", TextStyle::Heading, "不指定部门"},
    TextEntry{Text::TallyRecent, "tally_recent", TextStyle::Body, "最近"},
    TextEntry{Text::TallyPickAnswerTitle, "tally_pick_answer_title", TextStyle::Heading, "解答政策咨询：选择部门"},
    TextEntry{Text::TallyPickProblemTitle, "tally_pick_problem_title", TextStyle::Heading, "记录群众问题：选择类别和部门"},
    TextEntry{Text::TallyPickCategory, "tally_pick_category", TextStyle::Heading, "问题类别"},
    TextEntry{Text::TallyPickDepartment, "tally_pick_department", TextStyle::Heading, "点部门即记一次"},
    TextEntry{Text::TallyCategoryPolicy, "tally_category_policy", TextStyle::Heading, "政策规定"},
    TextEntry{Text::TallyCategoryProcedure, "tally_category_procedure", TextStyle::Heading, "办事流程"},
    TextEntry{Text::TallyCategoryFees, "tally_category_fees", TextStyle::Heading, "收费问题"},
    TextEntry{Text::TallyCategoryComplaint, "tally_category_complaint", TextStyle::Heading, "投诉建议"},
    TextEntry{Text::TallyCategoryOther, "tally_category_other", TextStyle::Heading, "其他问题"},
    TextEntry{Text::FactsTitle, "facts_title", TextStyle::Heading, "活动概况"},
    TextEntry{Text::FactsHint, "facts_hint", TextStyle::Body, "选一项，用数字键输入，再点“保存”；填错了重新输入保存即可更正"},
    TextEntry{Text::FactDepartments, "fact_departments", TextStyle::Heading, "参加部门（单位）"},
    TextEntry{Text::FactStaff, "fact_staff", TextStyle::Heading, "参加工作人员"},
    TextEntry{Text::FactBoards, "fact_boards", TextStyle::Heading, "制作栏（板）"},
    TextEntry{Text::FactLeafletsPrinted, "fact_leaflets_printed", TextStyle::Heading, "印发宣传品"},
    TextEntry{Text::FactUnset, "fact_unset", TextStyle::Body, "未填写"},
    TextEntry{Text::FactSave, "fact_save", TextStyle::Display, "保存"},
    TextEntry{Text::FactSavedFormat, "fact_saved_format", TextStyle::Heading, "已保存：{0} {1}"},
    TextEntry{Text::TallyTapFormat, "tally_tap_format", TextStyle::Heading, "{0} +{1}"},
    TextEntry{Text::TallyTapDepartmentFormat, "tally_tap_department_format", TextStyle::Heading, "{0} +{1}（{2}）"},
    TextEntry{Text::TallyTapProblemFormat, "tally_tap_problem_format", TextStyle::Heading, "{0} +{1}（{2}，{3}）"},
    TextEntry{Text::TallyBundleTitleFormat, "tally_bundle_title_format", TextStyle::Heading, "{0}：{1}"},
    // Reading aloud (issue 13)
    TextEntry{Text::ReadAloudStart, "read_aloud_start", TextStyle::Heading, "朗读"},
    TextEntry{Text::ReadAloudStop, "read_aloud_stop", TextStyle::Heading, "停止朗读"},
    TextEntry{Text::SpeechUnavailable, "speech_unavailable", TextStyle::Heading, "语音暂不可用"},
    TextEntry{Text::VolumeLabel, "volume_label", TextStyle::Heading, "音量"},
    TextEntry{Text::VolumeQuiet, "volume_quiet", TextStyle::Heading, "小"},
    TextEntry{Text::VolumeNormal, "volume_normal", TextStyle::Heading, "中"},
    TextEntry{Text::VolumeLoud, "volume_loud", TextStyle::Heading, "大"},
    // Find what I need: topics and pinyin-initial search (issue 14)
    TextEntry{Text::BrowseByDepartment, "browse_by_department", TextStyle::Display, "按部门"},
    TextEntry{Text::BrowseByDepartmentDetail, "browse_by_department_detail", TextStyle::Body, "从办事部门找"},
    TextEntry{Text::BrowseByTopic, "browse_by_topic", TextStyle::Display, "按主题"},
    TextEntry{Text::BrowseByTopicDetail, "browse_by_topic_detail", TextStyle::Body, "从生活中的事找"},
    TextEntry{Text::BrowseSearch, "browse_search", TextStyle::Display, "搜索"},
    TextEntry{Text::BrowseSearchDetail, "browse_search_detail", TextStyle::Body, "按拼音首字母找"},
    TextEntry{Text::TopicsTitle, "topics_title", TextStyle::Heading, "按主题查找"},
    TextEntry{Text::TopicsHint, "topics_hint", TextStyle::Body, "您要办的事属于下面哪一类？轻点它，就能看到要办的事项"},
    // {0} the booth's desk.
    TextEntry{Text::TopicsEmpty, "topics_empty_format", TextStyle::Heading, "暂未设置主题分类，请按部门查找，或到{0}咨询"},
    TextEntry{Text::TopicCountFormat, "topic_count_format", TextStyle::Body, "{0} 个事项"},
    TextEntry{Text::TopicItemsFormat, "topic_items_format", TextStyle::Body, "共 {0} 个事项，按办理部门列出"},
    TextEntry{Text::SearchTitle, "search_title", TextStyle::Heading, "搜索事项"},
    TextEntry{Text::SearchHint, "search_hint", TextStyle::Body, "请按字母键，输入事项名称的拼音首字母。例如：低保 → D B"},
    TextEntry{Text::SearchTyped, "search_typed", TextStyle::Heading, "已输入："},
    TextEntry{Text::SearchKeyDelete, "search_key_delete", TextStyle::Display, "删除"},
    TextEntry{Text::SearchKeyClear, "search_key_clear", TextStyle::Display, "清空"},
    TextEntry{Text::SearchPopular, "search_popular", TextStyle::Heading, "热门搜索"},
    TextEntry{Text::SearchResultsFormat, "search_results_format", TextStyle::Heading, "找到 {0} 个事项"},
    TextEntry{Text::SearchKeywordFormat, "search_keyword_format", TextStyle::Body, "关键词：{0}"},
    TextEntry{Text::SearchDepartmentMatch, "search_department_match", TextStyle::Body, "部门名称相符"},
    TextEntry{Text::SearchNoneFormat, "search_none_format", TextStyle::Heading, "没有找到与“{0}”相符的事项"},
    TextEntry{Text::SearchNoneCheck, "search_none_check", TextStyle::Body, "请看看字母是否按对了，按“删除”可以改一下"},
    TextEntry{Text::SearchNoneTopic, "search_none_topic", TextStyle::Body, "也可以从生活中的事找："},
    // {0} the booth's desk.
    TextEntry{Text::SearchNoneDesk, "search_none_desk_format", TextStyle::Body, "还是找不到？请到{0}问工作人员，我们帮您查"},
    TextEntry{Text::ReportTopTopics, "report_top_topics", TextStyle::Heading, "热门主题"},
    TextEntry{Text::ReportTopSearches, "report_top_searches", TextStyle::Heading, "热门搜索"},
    TextEntry{Text::ReportFailedSearches, "report_failed_searches", TextStyle::Heading, "无结果搜索"},
    TextEntry{Text::ReportNoneYet, "report_none_yet", TextStyle::Body, "今天还没有"},
    TextEntry{Text::ReportTimesFormat, "report_times_format", TextStyle::Body, "{0} 次"},
    // One booth, one system (issue 32): 呼叫工作人员 on the kiosk, the booth board at the desk
    TextEntry{Text::CallStaff, "call_staff", TextStyle::Heading, "呼叫工作人员"},
    TextEntry{Text::CallStaffSent, "call_staff_sent", TextStyle::Display, "已通知服务台"},
    TextEntry{Text::CallStaffSentDetail, "call_staff_sent_detail", TextStyle::Heading, "工作人员马上过来，请在这台查询机旁稍候"},
    TextEntry{Text::CallStaffAgain, "call_staff_again", TextStyle::Display, "已经通知过了"},
    TextEntry{Text::CallStaffOffline, "call_staff_offline", TextStyle::Display, "暂时联系不上服务台"},
    // {0} where the desk is (quiz.prize_desk).
    TextEntry{Text::CallStaffOfflineDetailFormat, "call_staff_offline_detail_format", TextStyle::Heading, "请到{0}找工作人员，我们帮您"},
    TextEntry{Text::CallStaffOk, "call_staff_ok", TextStyle::Display, "好的"},
    TextEntry{Text::ActionBooth, "action_booth", TextStyle::Heading, "展台总览"},
    TextEntry{Text::BoothTitle, "booth_title", TextStyle::Heading, "展台总览"},
    TextEntry{Text::BoothDevicesHeading, "booth_devices_heading", TextStyle::Heading, "查询机和服务台"},
    TextEntry{Text::BoothNoDevices, "booth_no_devices", TextStyle::Body, "还没有设备连上展台网络（请检查 booth.hub 设置）"},
    TextEntry{Text::BoothDeviceOnline, "booth_device_online", TextStyle::Body, "在线"},
    // {0} how long, e.g. "3 分钟".
    TextEntry{Text::BoothDeviceSilentFormat, "booth_device_silent_format", TextStyle::Body, "{0}无响应"},
    // {0} sessions, {1} taps, {2} quiz rounds, {3} vouchers, today.
    TextEntry{Text::BoothDeviceCountsFormat, "booth_device_counts_format", TextStyle::Body, "今日 {0} 人次 · 操作 {1} 次 · 竞猜 {2} 轮 · 奖品 {3} 份"},
    // {0} rows not yet uploaded, {1} the age of the oldest.
    TextEntry{Text::BoothDeviceLagFormat, "booth_device_lag_format", TextStyle::Body, "待上传 {0} 条，最早的已等 {1}"},
    TextEntry{Text::BoothDeviceUpToDate, "booth_device_up_to_date", TextStyle::Body, "记录已全部上传"},
    // {0} the time of its last logged event, {1} its content version.
    TextEntry{Text::BoothDeviceLastFormat, "booth_device_last_format", TextStyle::Body, "最近一次记录 {0} · 内容版本 {1}"},
    TextEntry{Text::BoothAlertSilent, "booth_alert_silent", TextStyle::Body, "超过 2 分钟无响应"},
    TextEntry{Text::BoothAlertLowDisk, "booth_alert_low_disk", TextStyle::Body, "磁盘空间不足"},
    TextEntry{Text::BoothAlertContent, "booth_alert_content", TextStyle::Body, "内容版本与服务台不同"},
    // {0} why (the validator's or the signature check's words, as the kiosk gave them).
    TextEntry{Text::BoothAlertContentRefusedFormat, "booth_alert_content_refused_format", TextStyle::Body, "拒绝了服务台发布的内容：{0}"},
    TextEntry{Text::BoothCallsHeading, "booth_calls_heading", TextStyle::Heading, "呼叫工作人员"},
    // {0} the kiosk, {1} the time, {2} where on it.
    TextEntry{Text::BoothCallFormat, "booth_call_format", TextStyle::Heading, "{0}　{1}　{2}"},
    TextEntry{Text::BoothNoCalls, "booth_no_calls", TextStyle::Body, "没有待处理的呼叫"},
    TextEntry{Text::BoothCallHandled, "booth_call_handled", TextStyle::Heading, "已处理"},
    TextEntry{Text::BoothQuestionsHeading, "booth_questions_heading", TextStyle::Heading, "待解答的群众问题（我要问）"},
    // {0} the department, {1} the question.
    TextEntry{Text::BoothQuestionFormat, "booth_question_format", TextStyle::Heading, "{0}：{1}"},
    // {0} the kiosk, {1} the time.
    TextEntry{Text::BoothQuestionWhenFormat, "booth_question_when_format", TextStyle::Body, "{0}　{1}"},
    TextEntry{Text::BoothNoQuestions, "booth_no_questions", TextStyle::Body, "今天没有待解答的问题"},
    TextEntry{Text::BoothQuestionAnswered, "booth_question_answered", TextStyle::Heading, "已解答"},
    // {0} the kiosk.
    TextEntry{Text::BoothCallBannerFormat, "booth_call_banner_format", TextStyle::Heading, "{0} 有群众呼叫工作人员"},
    TextEntry{Text::BoothCallSpoken, "booth_call_spoken", TextStyle::Body, "有群众呼叫工作人员，请查看服务台屏幕"},
    // The booth's prize stock (issue 27). On the quiz intro of a booth device with no prize left
    // here and no hub to ask: said before anyone plays, in plain words.
    TextEntry{Text::QuizPrizesUnavailableTitle, "quiz_prizes_unavailable_title", TextStyle::Heading, "这台机器的奖品已发完，网络暂时断开"},
    TextEntry{Text::QuizPrizesUnavailableDetail, "quiz_prizes_unavailable_detail", TextStyle::Body,
              "现在可以答题学习，但答对了也领不到奖品。想领奖品，请稍后再来，或问问工作人员"},
    // A round won on such a device: no voucher, and no pretending the booth has run out.
    TextEntry{Text::QuizNoStockHere, "quiz_no_stock_here", TextStyle::Heading,
              "这台机器的奖品已发完，网络暂时断开，现在领不到奖品。请稍后再来，或问问工作人员"},
    // {0}: the booth's stock as last read from the hub.
    TextEntry{Text::QuizBoothStockLeftFormat, "quiz_booth_stock_left_format", TextStyle::Body, "全展台奖品还剩 {0} 份"},
    TextEntry{Text::TileBoothStock, "tile_booth_stock", TextStyle::Body, "全展台奖品库存"},
    TextEntry{Text::TileBoothStockUnknown, "tile_booth_stock_unknown", TextStyle::Body, "未读到"},
    TextEntry{Text::StockBoothTitle, "stock_booth_title", TextStyle::Heading, "全展台奖品库存"},
    TextEntry{Text::StockBoothHint, "stock_booth_hint", TextStyle::Body, "所有查询机共用这一份库存，在哪台机器上调整都一样"},
    // Followed by the reason in small type (the hub did not answer, ...).
    TextEntry{Text::StockReadFailed, "stock_read_failed", TextStyle::Heading, "没有读到全展台的奖品库存，请检查展台网络后重新读取"},
    TextEntry{Text::StockSaveFailed, "stock_save_failed", TextStyle::Heading, "没有保存成功，库存没有改变。请检查展台网络后再保存"},
    TextEntry{Text::StockSaving, "stock_saving", TextStyle::Heading, "正在保存……"},
    TextEntry{Text::StockRetry, "stock_retry", TextStyle::Heading, "重新读取"},
    // {0} the code: unknown to the whole booth (the hub answered).
    TextEntry{Text::RedeemUnknownBoothFormat, "redeem_unknown_booth_format", TextStyle::Heading, "{0} 不是本展台发放的兑奖码，请核对"},
    // The desk's board: codes redeemed more than once (an offline redemption and another one).
    TextEntry{Text::BoothDoublesHeading, "booth_doubles_heading", TextStyle::Heading, "重复兑奖（同一个兑奖码兑了不止一次）"},
    // {0} the code, {1} how many times.
    TextEntry{Text::BoothDoubleCodeFormat, "booth_double_code_format", TextStyle::Heading, "{0}　共兑奖 {1} 次"},
    // {0} which redemption (1, 2, ...), {1} when, {2} the device.
    TextEntry{Text::BoothDoubleRedemptionFormat, "booth_double_redemption_format", TextStyle::Body, "第 {0} 次：{1}　在 {2}"},
    // {0} codes not listed.
    TextEntry{Text::BoothDoublesMoreFormat, "booth_doubles_more_format", TextStyle::Body, "另有 {0} 个重复兑奖的兑奖码，请导出报表查看"},
    // {0} the option the visitor chose, with its letter: in the answer's panel beside the verdict.
    TextEntry{Text::QuizYourChoiceFormat, "quiz_your_choice_format", TextStyle::Heading, "您选的：{0}"},
    // Under a scrolling page whose end is out of view.
    TextEntry{Text::ScrollMoreHint, "scroll_more_hint", TextStyle::Body, "向下滑动查看更多"},
    // Once a rating is chosen, before the session ends.
    TextEntry{Text::RatingThanks, "rating_thanks", TextStyle::Display, "感谢您的评价！"},
    // A department card with no fee standards: no "收费 0".
    TextEntry{Text::CountsNoFeesFormat, "counts_no_fees_format", TextStyle::Body, "职能 {0} · 审批 {1}"},
    // 本机自检: what a passed check found, in the staff's words. {0}×{1} pixels, {2} 竖屏 or 横屏.
    TextEntry{Text::DoctorFoundDisplayFormat, "doctor_found_display_format", TextStyle::Body, "{0}×{1}，{2}"},
    TextEntry{Text::DoctorPortrait, "doctor_portrait", TextStyle::Body, "竖屏"},
    TextEntry{Text::DoctorLandscape, "doctor_landscape", TextStyle::Body, "横屏"},
    // {0} the touch device's name, {1} how many more were found.
    TextEntry{Text::DoctorFoundTouchMoreFormat, "doctor_found_touch_more_format", TextStyle::Body, "{0}（另有 {1} 个）"},
    // {0} the database file, {1} megabytes free on its disk.
    TextEntry{Text::DoctorFoundDatabaseFormat, "doctor_found_database_format", TextStyle::Body, "{0} 可写入，磁盘剩余 {1} MB"},
    // {0} today's date (Beijing time).
    TextEntry{Text::DoctorFoundClockEventDayFormat, "doctor_found_clock_event_day_format", TextStyle::Body, "{0}（北京时间），今天是活动日"},
    // {0} today's date, {1} days until the event.
    TextEntry{Text::DoctorFoundClockBeforeFormat, "doctor_found_clock_before_format", TextStyle::Body, "{0}（北京时间），距活动还有 {1} 天"},
    TextEntry{Text::DoctorFoundPinSet, "doctor_found_pin_set", TextStyle::Body, "已设置"},
    TextEntry{Text::DoctorFoundPrizesLeftFormat, "doctor_found_prizes_left_format", TextStyle::Body, "还剩 {0} 份奖品"},
    TextEntry{Text::DoctorFoundPrizesInitialFormat, "doctor_found_prizes_initial_format", TextStyle::Body, "首次启动时为 {0} 份（quiz.initial_stock）"},
    TextEntry{Text::DoctorFoundKioskIdFormat, "doctor_found_kiosk_id_format", TextStyle::Body, "“{0}”"},
    // {0} this kiosk's id, {1} how many kiosks the booth has.
    TextEntry{Text::DoctorFoundKioskIdOfFormat, "doctor_found_kiosk_id_of_format", TextStyle::Body, "“{0}”（本展台共 {1} 台）"},
    // {0} departments, {1} approval items, {2} fee standards, {3} the folder.
    TextEntry{Text::DoctorFoundContentFormat, "doctor_found_content_format", TextStyle::Body, "{0} 个部门，{1} 个审批事项，{2} 项收费标准（{3}）"},
    // {0} questions, {1} the file.
    TextEntry{Text::DoctorFoundQuizBankFormat, "doctor_found_quiz_bank_format", TextStyle::Body, "{0} 道题（{1}）"},
    // Handwriting search (手写, issue 31).
    TextEntry{Text::SearchModeHandwriting, "search_mode_handwriting", TextStyle::Heading, "手写"},
    TextEntry{Text::SearchModeLetters, "search_mode_letters", TextStyle::Heading, "字母"},
    TextEntry{Text::SearchHandwritingHint, "search_handwriting_hint", TextStyle::Body, "在格子里用手指写一个字，再点下面的字"},
    TextEntry{Text::SearchHandwritingUndo, "search_handwriting_undo", TextStyle::Heading, "撤销一笔"},
    TextEntry{Text::SearchHandwritingClear, "search_handwriting_clear", TextStyle::Heading, "清除"},
    TextEntry{Text::SearchHandwritingDelete, "search_handwriting_delete", TextStyle::Heading, "删除"},
    // Printing slips (issue 30).
    TextEntry{Text::PrintGuideTitle, "print_guide_title", TextStyle::Heading, "办事指南"},
    TextEntry{Text::PrintVoucherTitle, "print_voucher_title", TextStyle::Heading, "兑奖凭条"},
    TextEntry{Text::PrintTestTitle, "print_test_title", TextStyle::Heading, "打印测试"},
    TextEntry{Text::PrintChecklistHint, "print_checklist_hint", TextStyle::Body, "请逐项准备，备齐后在方框内打勾"},
    TextEntry{Text::PrintMaterialOriginalCopiesFormat, "print_material_original_copies_format", TextStyle::Body, "原件 1 份，复印件 {0} 份"},
    TextEntry{Text::PrintMaterialOriginalOnly, "print_material_original_only", TextStyle::Body, "原件 1 份"},
    TextEntry{Text::PrintPrizeFormat, "print_prize_format", TextStyle::Body, "奖品：{0}"},
    TextEntry{Text::PrintPrintedAtFormat, "print_printed_at_format", TextStyle::Body, "打印时间：{0}"},
    TextEntry{Text::PrintBoothFormat, "print_booth_format", TextStyle::Body, "{0}{1} · {2}"},
    TextEntry{Text::PrintTestPrinterFormat, "print_test_printer_format", TextStyle::Body, "打印机：{0}　纸张：{1}"},
    TextEntry{Text::PrintTestHint, "print_test_hint", TextStyle::Body, "能看清这张凭条上的中文和二维码，打印机就设置好了"},
    TextEntry{Text::PrintGuideButton, "print_guide_button", TextStyle::Heading, "打印办事指南"},
    TextEntry{Text::PrintVoucherButton, "print_voucher_button", TextStyle::Heading, "打印兑奖凭条"},
    TextEntry{Text::PrintStatusPrinting, "print_status_printing", TextStyle::Heading, "正在打印……"},
    TextEntry{Text::PrintStatusDone, "print_status_done", TextStyle::Heading, "请取走凭条"},
    TextEntry{Text::PrintStatusUnavailable, "print_status_unavailable", TextStyle::Heading, "打印机暂不可用，请到服务台咨询"},
    TextEntry{Text::PrintVoucherAlreadyPrinted, "print_voucher_already_printed", TextStyle::Heading, "兑奖凭条已经打印过了，如需补打请到服务台"},
    // In the empty search box while the pad is open, instead of the pinyin hint.
    TextEntry{Text::SearchHandwritingBoxHint, "search_handwriting_box_hint", TextStyle::Body, "在下方写字"},
    // Printing slips at the staff screens (issue 30): the day's summary, the desk's reprint, the doctor.
    TextEntry{Text::PrintSummaryTitle, "print_summary_title", TextStyle::Heading, "当日概况"},
    TextEntry{Text::PrintSummaryDayFormat, "print_summary_day_format", TextStyle::Body, "日期：{0}"},
    TextEntry{Text::PrintSummaryButton, "print_summary_button", TextStyle::Heading, "打印当日概况"},
    TextEntry{Text::PrintReprintButton, "print_reprint_button", TextStyle::Heading, "补打凭条"},
    TextEntry{Text::DoctorPrinter, "doctor_printer", TextStyle::Heading, "打印机"},
    TextEntry{Text::DoctorFixPrinter, "doctor_fix_printer", TextStyle::Body, "请检查打印机的电源、纸张和连线，或请技术人员查看打印服务（CUPS）"},
    // The 手写 pad's hint when its candidates are beside it (landscape).
    TextEntry{Text::SearchHandwritingHintBeside, "search_handwriting_hint_beside", TextStyle::Body, "在格子里用手指写一个字，再点右边的字"},
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

namespace {
template <typename Values>
std::string fill_tokens(Text id, const Values& values) {
  std::string text(tr(id));
  std::size_t index = 0;
  for (std::string_view value : values) {
    const std::string token = "{" + std::to_string(index++) + "}";
    for (std::size_t at = text.find(token); at != std::string::npos; at = text.find(token, at + value.size()))
      text.replace(at, token.size(), value);
  }
  return text;
}
}  // namespace

std::string fill_text(Text id, std::initializer_list<std::string_view> values) { return fill_tokens(id, values); }
std::string fill_text(Text id, std::span<const std::string> values) { return fill_tokens(id, values); }

const TextEntry& text_entry(Text id) { return kTexts[static_cast<std::size_t>(id)]; }
std::string_view tr(Text id) { return text_entry(id).zh; }
std::span<const TextEntry> all_texts() { return kTexts; }

}  // namespace openday
