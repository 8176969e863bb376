#include "core/reports/export.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <functional>

#include "core/util/atomic_file.h"
#include "core/visits/events.h"
#include "core/util/utf8.h"
#include "core/visits/satisfaction.h"

namespace openday {
namespace {

std::string hour_span(int hour) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%02d:00-%02d:00", hour, (hour + 1) % 24);
  return buffer;
}

// How a session ended, in the words of the sessions sheet.
std::string session_end_label(std::string_view reason) {
  if (reason == "timeout") return "超时";
  if (reason == "done") return "主动结束";
  if (reason == "shutdown") return "关机时结束";
  if (reason == "interrupted") return "中断后补记";
  return "未结束";
}

double rounded(double value, int places) {
  const double scale = std::pow(10.0, places);
  return std::round(value * scale) / scale;
}

std::string number_text(const ExportCell& cell) {
  if (const auto* i = std::get_if<std::int64_t>(&cell.value)) return std::to_string(*i);
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.10g", std::get<double>(cell.value));
  return buffer;
}

std::string csv_field(const ExportCell& cell) {
  if (!std::holds_alternative<std::string>(cell.value)) return number_text(cell);
  const std::string text = spreadsheet_safe(std::get<std::string>(cell.value));
  const bool quote = text.find_first_of(",\"\r\n") != std::string::npos || (!text.empty() && (text.front() == ' ' || text.back() == ' '));
  if (!quote) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// Display width in spreadsheet units: a Chinese character is about two.
double text_width(std::string_view text) {
  double width = 0;
  for_each_code_point(text, [&](char32_t c) { width += c < 0x2E80 ? 1.0 : 2.0; });
  return width;
}

std::string range_label(const Report& report) {
  std::string from = report.from, to = report.to;
  if (from.empty() && !report.days.empty()) from = report.days.front().day;
  if (to.empty() && !report.days.empty()) to = report.days.back().day;
  if (from.empty()) return "no-data";
  return from == to ? from : from + "_" + to;
}

void check_destination(const ExportRequest& request) {
  std::error_code ec;
  if (!std::filesystem::is_directory(request.out_dir, ec))
    throw FileWriteError(request.out_dir.string() + ": not a folder that exists (is the USB stick plugged in?)");
  const auto out = std::filesystem::weakly_canonical(request.out_dir, ec);
  for (const auto& db : request.live_databases) {
    if (std::filesystem::weakly_canonical(db, ec).parent_path() == out)
      throw FileWriteError(request.out_dir.string() + ": this is the live database's folder; export somewhere else (a USB stick)");
  }
}

void write_xlsx(const std::vector<ExportTable>& tables, const std::filesystem::path& file) {
  AtomicFileSlot slot(file);
  lxw_workbook* workbook = workbook_new(slot.temporary().c_str());
  if (!workbook) throw FileWriteError(file.string() + ": cannot create the workbook");
  lxw_format* header = workbook_add_format(workbook);
  format_set_bold(header);
  format_set_bg_color(header, 0xFAE4DE);
  lxw_format* percent = workbook_add_format(workbook);
  format_set_num_format(percent, "0.0%");
  std::vector<lxw_worksheet*> sheets;
  for (const ExportTable& table : tables) {
    lxw_worksheet* sheet = workbook_add_worksheet(workbook, table.sheet_name.c_str());
    sheets.push_back(sheet);
    std::vector<double> widths;
    for (std::size_t c = 0; c < table.headers.size(); ++c) {
      worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), table.headers[c].c_str(), header);
      widths.push_back(text_width(table.headers[c]));
    }
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
      for (std::size_t c = 0; c < table.rows[r].size(); ++c) {
        const ExportCell& cell = table.rows[r][c];
        const auto row = static_cast<lxw_row_t>(r + 1);
        const auto col = static_cast<lxw_col_t>(c);
        if (const auto* text = std::get_if<std::string>(&cell.value)) {
          const std::string safe = spreadsheet_safe(*text);
          worksheet_write_string(sheet, row, col, safe.c_str(), nullptr);
          widths[c] = std::max(widths[c], text_width(safe));
        } else {
          const bool is_rate = table.headers[c].find("率") != std::string::npos;
          const double number = std::holds_alternative<double>(cell.value) ? std::get<double>(cell.value)
                                                                          : static_cast<double>(std::get<std::int64_t>(cell.value));
          worksheet_write_number(sheet, row, col, number, is_rate ? percent : nullptr);
          widths[c] = std::max(widths[c], static_cast<double>(number_text(cell).size()));
        }
      }
    }
    // No autofit in libxlsxwriter: widths from the text, within reason.
    for (std::size_t c = 0; c < widths.size(); ++c)
      worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), std::min(60.0, widths[c] + 2), nullptr);
    worksheet_freeze_panes(sheet, 1, 0);
  }
  // Native column charts: visitors per hour, views per department, found by their sheet and headers.
  auto add_chart = [&](std::string_view sheet_name, std::string_view category, std::string_view value, const char* title, lxw_col_t at_col) {
    const auto found = std::find_if(tables.begin(), tables.end(), [&](const ExportTable& t) { return t.sheet_name == sheet_name; });
    if (found == tables.end() || found->rows.empty()) return;
    const ExportTable& table = *found;
    const auto column = [&table](std::string_view name) {
      return static_cast<lxw_col_t>(std::find(table.headers.begin(), table.headers.end(), name) - table.headers.begin());
    };
    const lxw_col_t category_col = column(category), value_col = column(value);
    lxw_chart* chart = workbook_add_chart(workbook, LXW_CHART_COLUMN);
    lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
    const auto last = static_cast<lxw_row_t>(std::min<std::size_t>(table.rows.size(), 60));
    chart_series_set_categories(series, table.sheet_name.c_str(), 1, category_col, last, category_col);
    chart_series_set_values(series, table.sheet_name.c_str(), 1, value_col, last, value_col);
    chart_title_set_name(chart, title);
    chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
    worksheet_insert_chart(sheets[static_cast<std::size_t>(found - tables.begin())], 1, at_col, chart);
  };
  add_chart("按时段", "时段", "接待人次", "各时段接待人次", 6);
  add_chart("按部门", "部门名称", "页面浏览", "各部门页面浏览次数", 6);
  const lxw_error error = workbook_close(workbook);
  if (error != LXW_NO_ERROR) throw FileWriteError(file.string() + ": writing the workbook failed: " + lxw_strerror(error));
  slot.commit();
}

// A column of an export table: its header and how a row gives its cell, side by side so that
// the two cannot slip apart.
template <typename Row>
struct Column {
  std::string header;
  std::function<ExportCell(const Row&)> value;
};

template <typename Row>
ExportTable table_of(std::string file_stem, std::string sheet_name, const std::vector<Column<Row>>& columns, const std::vector<Row>& rows) {
  ExportTable table{std::move(file_stem), std::move(sheet_name), {}, {}};
  for (const Column<Row>& column : columns) table.headers.push_back(column.header);
  for (const Row& row : rows) {
    std::vector<ExportCell>& cells = table.rows.emplace_back();
    for (const Column<Row>& column : columns) cells.push_back(column.value(row));
  }
  return table;
}

// The rows of a table whose cells are worked out one by one (満意度, 基本情况).
struct ShareRow {
  std::string label;
  ExportCell count, share;
};

struct FactRow {
  std::string label;
  ExportCell count;
  std::string unit, source;
};

// The days, and their 合计 when there are several.
std::vector<DailyRow> days_and_total(const Report& report) {
  std::vector<DailyRow> rows = report.days;
  if (report.days.size() > 1) {
    rows.push_back(report.total);
    rows.back().day = "合计";
  }
  return rows;
}

ExportTable daily_table(const Report& report) {
  return table_of<DailyRow>("daily", "每日汇总",
                            {{"日期", [](const DailyRow& d) { return d.day; }},
                             {"接待人次", [](const DailyRow& d) { return d.sessions; }},
                             {"参与互动人次", [](const DailyRow& d) { return d.engaged_sessions; }},
                             {"唤醒即离开", [](const DailyRow& d) { return d.woke_and_left_sessions; }},
                             {"平均停留(秒)", [](const DailyRow& d) { return rounded(d.average_dwell_seconds, 1); }},
                             {"操作次数", [](const DailyRow& d) { return d.interactions; }},
                             {"页面浏览", [](const DailyRow& d) { return d.screen_views; }},
                             {"竞猜参与", [](const DailyRow& d) { return d.quiz_attempts; }},
                             {"竞猜过关", [](const DailyRow& d) { return d.quiz_passed; }},
                             {"奖品发放", [](const DailyRow& d) { return d.vouchers_issued; }},
                             {"奖品兑换", [](const DailyRow& d) { return d.vouchers_redeemed; }}},
                            days_and_total(report));
}

// 功能使用: per day, the kinds that kEventKinds counts per day (朗读 so far), in its columns.
ExportTable feature_use_table(const Report& report) {
  std::vector<Column<DailyRow>> columns{{"日期", [](const DailyRow& d) { return d.day; }}};
  for (const EventKind& kind : kEventKinds) {
    const auto index = static_cast<std::size_t>(kind.type);
    if (!kind.per_day.rows.empty())
      columns.push_back({std::string(kind.per_day.rows), [index](const DailyRow& d) { return d.kind_rows[index]; }});
    if (!kind.per_day.value_seconds.empty())
      columns.push_back({std::string(kind.per_day.value_seconds),
                         [index](const DailyRow& d) { return rounded(static_cast<double>(d.kind_value_ms[index]) / 1000.0, 1); }});
  }
  return table_of<DailyRow>("feature-use", "功能使用", columns, days_and_total(report));
}

// 满意度 and 群众问题 (issue 15), after the other sheets.
void add_voice_tables(const Report& report, std::vector<ExportTable>& tables) {
  const VoiceCounts& voice = report.voice;
  const std::int64_t ratings = voice.rating_count();
  const auto share = [&](std::int64_t n) { return ratings ? rounded(static_cast<double>(n) / static_cast<double>(ratings), 4) : 0.0; };
  std::vector<ShareRow> rows;
  for (const SatisfactionLevel& level : kSatisfactionLevels)
    rows.push_back({std::string(tr(level.words)), voice.ratings_of(level.value), share(voice.ratings_of(level.value))});
  rows.push_back({"合计", ratings, ratings ? 1.0 : 0.0});
  rows.push_back({"满意率（非常满意、满意、基本满意）", ratings - voice.ratings_of(1) - voice.ratings_of(2), rounded(voice.satisfaction_rate().value_or(0.0), 4)});
  for (const SatisfactionReason& reason : kSatisfactionReasons) {
    const auto found = voice.reasons.find(std::string(reason.key));
    rows.push_back({"不满意原因：" + std::string(tr(reason.words)), found == voice.reasons.end() ? 0 : found->second, ""});
  }
  tables.push_back(table_of<ShareRow>("satisfaction", "满意度",
                                      {{"评价", [](const ShareRow& r) { return r.label; }},
                                       {"人次", [](const ShareRow& r) { return r.count; }},
                                       {"比率", [](const ShareRow& r) { return r.share; }}},
                                      rows));

  tables.push_back(table_of<AskedQuestionRow>("citizen-questions", "群众问题",
                                              {{"部门编号", [](const AskedQuestionRow& q) { return q.department_id; }},
                                               {"部门", [](const AskedQuestionRow& q) { return q.department; }},
                                               {"问题", [](const AskedQuestionRow& q) { return q.topic_label; }},
                                               {"待现场解答", [](const AskedQuestionRow& q) { return q.registered; }},
                                               {"已有解答", [](const AskedQuestionRow& q) { return q.answered; }},
                                               {"服务台已解答", [](const AskedQuestionRow& q) { return q.desk_answered; }}},
                                              report.asked_questions));
}

// 基本情况: every figure of the summary paragraph, exact, with where it comes from. A fact never
// entered (nor given in the config) is an empty cell, not a zero.
ExportTable basic_facts_table(const Report& report) {
  std::vector<FactRow> rows;
  const TallyTotals& tally = report.tally;
  auto fact_row = [&](const char* label, EventFactKind fact, const char* unit) {
    const auto value = tally.fact(fact);
    rows.push_back({label, value ? ExportCell(*value) : ExportCell(""), unit, "活动概况（工作人员填写）"});
  };
  auto tally_row = [&](const std::string& label, std::int64_t count, const char* unit) { rows.push_back({label, count, unit, "现场登记"}); };
  fact_row("参加部门（单位）", EventFactKind::Departments, "个");
  fact_row("参加机关干部和工作人员", EventFactKind::Staff, "名");
  fact_row("印发政务公开宣传品", EventFactKind::LeafletsPrinted, "份");
  tally_row("发放宣传品", tally[TallyKind::Leaflet], "份");
  tally_row("发放便民手册", tally[TallyKind::Handbook], "册");
  fact_row("制作各种栏（板）", EventFactKind::Boards, "块");
  tally_row("受理解答政策咨询", tally[TallyKind::Answer], "件");
  const DailyRow& t = report.total;
  rows.push_back({"接待现场咨询群众（合计）", tally[TallyKind::Consultation] + t.sessions, "人次", "现场登记＋自助查询机"});
  tally_row("其中：咨询台接待", tally[TallyKind::Consultation], "人次");
  rows.push_back({"其中：自助查询机服务", t.sessions, "人次", "自助查询机"});
  tally_row("整理问题", tally[TallyKind::Problem], "件");
  for (const ProblemCategory& category : problem_categories()) {
    const auto found = tally.problems_by_category.find(std::string(category.id));
    const std::int64_t count = found == tally.problems_by_category.end() ? 0 : found->second;
    tally_row("其中：" + std::string(category.label), count, "件");
  }
  rows.push_back({"有奖竞猜参与", t.quiz_attempts, "人次", "自助查询机"});
  rows.push_back({"有奖竞猜过关", t.quiz_passed, "人次", "自助查询机"});
  rows.push_back({"发放奖品", t.vouchers_issued, "份", "自助查询机"});
  rows.push_back({"已兑奖", t.vouchers_redeemed, "份", "自助查询机"});
  const VoiceCounts& voice = report.voice;
  rows.push_back({"查询机“我要问”收集群众问题", voice.questions_asked, "件", "自助查询机"});
  rows.push_back({"其中：已有解答", voice.questions_answered, "件", "自助查询机"});
  rows.push_back({"其中：已登记转服务台", voice.questions_registered, "件", "自助查询机"});
  rows.push_back({"其中：服务台已现场解答", voice.questions_desk_answered, "件", "服务台（展台联网）"});
  rows.push_back({"满意度评价", voice.rating_count(), "人次", "自助查询机"});
  const auto rate = voice.satisfaction_rate();
  rows.push_back({"满意率", rate ? ExportCell(rounded(*rate, 4)) : ExportCell(""), "", "自助查询机"});
  rows.push_back({"撤销的登记", tally.undone, "次", "现场登记（已从上列数字中扣除）"});
  // Issue 30: slips printed (taps that queued one; a print_failed row is a note, not a print).
  rows.push_back({"打印办事指南", t.kind_rows[static_cast<std::size_t>(EventType::PrintGuide)], "份", "自助查询机"});
  rows.push_back({"打印兑奖凭条", t.kind_rows[static_cast<std::size_t>(EventType::PrintVoucher)], "张", "自助查询机"});
  return table_of<FactRow>("basic-facts", "基本情况",
                           {{"项目", [](const FactRow& r) { return r.label; }},
                            {"数量", [](const FactRow& r) { return r.count; }},
                            {"单位", [](const FactRow& r) { return r.unit; }},
                            {"来源", [](const FactRow& r) { return r.source; }}},
                           rows);
}

// The desk's answers and problems per department, for the departments the desk named.
ExportTable tally_departments_table(const Report& report) {
  using Entry = std::pair<std::string, std::array<std::int64_t, kTallyKinds>>;
  std::vector<Entry> rows(report.tally.by_department.begin(), report.tally.by_department.end());
  const auto name_of = [&report](const std::string& id) {
    const auto name = report.tally_department_names.find(id);
    return name == report.tally_department_names.end() ? id : name->second;
  };
  return table_of<Entry>("desk-departments", "现场登记按部门",
                         {{"部门编号", [](const Entry& e) { return e.first; }},
                          {"部门名称", [&name_of](const Entry& e) { return name_of(e.first); }},
                          {"解答政策咨询", [](const Entry& e) { return e.second[static_cast<std::size_t>(TallyKind::Answer)]; }},
                          {"记录群众问题", [](const Entry& e) { return e.second[static_cast<std::size_t>(TallyKind::Problem)]; }}},
                         rows);
}

// 重复兑奖: a row for every redemption after a code's first, beside that first one.
ExportTable double_redemptions_table(const Report& report) {
  struct Again {
    std::string code;
    DoubleRedemption::Where first, again;
  };
  std::vector<Again> rows;
  for (const DoubleRedemption& code : report.double_redemptions)
    for (std::size_t i = 1; i < code.redemptions.size(); ++i) rows.push_back({code.code, code.redemptions.front(), code.redemptions[i]});
  return table_of<Again>("double-redemptions", "重复兑奖",
                         {{"兑奖码", [](const Again& a) { return a.code; }},
                          {"第一次兑奖时间", [](const Again& a) { return format_local_time(a.first.at_ms); }},
                          {"第一次兑奖设备", [](const Again& a) { return a.first.kiosk_id; }},
                          {"再次兑奖时间", [](const Again& a) { return format_local_time(a.again.at_ms); }},
                          {"再次兑奖设备", [](const Again& a) { return a.again.kiosk_id; }}},
                         rows);
}

}  // namespace

std::string spreadsheet_safe(std::string_view text) {
  if (!text.empty() && std::string_view("=+-@\t\r\n").find(text.front()) != std::string_view::npos) return "'" + std::string(text);
  return std::string(text);
}

std::vector<ExportTable> report_tables(const Report& report) {
  std::vector<ExportTable> tables;
  tables.push_back(daily_table(report));
  tables.push_back(table_of<HourRow>("hourly", "按时段",
                                     {{"日期", [](const HourRow& h) { return h.day; }},
                                      {"时段", [](const HourRow& h) { return hour_span(h.hour); }},
                                      {"接待人次", [](const HourRow& h) { return h.sessions; }},
                                      {"操作次数", [](const HourRow& h) { return h.interactions; }},
                                      {"竞猜参与", [](const HourRow& h) { return h.quiz_attempts; }}},
                                     report.hours));
  // The chart needs the name in column B: keep it there.
  tables.push_back(table_of<DepartmentRow>("departments", "按部门",
                                           {{"部门编号", [](const DepartmentRow& d) { return d.id; }},
                                            {"部门名称", [](const DepartmentRow& d) { return d.name; }},
                                            {"页面浏览", [](const DepartmentRow& d) { return d.views; }},
                                            {"审批事项浏览", [](const DepartmentRow& d) { return d.item_views; }},
                                            {"相关答题", [](const DepartmentRow& d) { return d.quiz_answers; }}},
                                           report.departments));
  tables.push_back(table_of<ItemRow>("approval-items", "按审批事项",
                                     {{"事项编号", [](const ItemRow& i) { return i.id; }},
                                      {"事项名称", [](const ItemRow& i) { return i.name; }},
                                      {"所属部门", [](const ItemRow& i) { return i.department; }},
                                      {"浏览次数", [](const ItemRow& i) { return i.views; }},
                                      {"打印办事指南", [](const ItemRow& i) { return i.guides_printed; }}},
                                     report.items));
  tables.push_back(table_of<QuestionRow>("quiz-questions", "按竞猜题目",
                                         {{"题目编号", [](const QuestionRow& q) { return q.id; }},
                                          {"题目", [](const QuestionRow& q) { return q.text; }},
                                          {"作答次数", [](const QuestionRow& q) { return q.answers; }},
                                          {"答对次数", [](const QuestionRow& q) { return q.correct; }},
                                          {"正确率", [](const QuestionRow& q) { return rounded(q.accuracy(), 4); }}},
                                         report.questions));
  tables.push_back(table_of<VoucherRow>(
      "vouchers", "奖品兑奖码",
      {{"兑奖码", [](const VoucherRow& v) { return v.code; }},
       {"机器编号", [](const VoucherRow& v) { return v.kiosk_id; }},
       {"发放时间", [](const VoucherRow& v) { return format_local_time(v.issued_at_ms); }},
       {"兑换时间", [](const VoucherRow& v) { return v.redeemed_at_ms ? format_local_time(*v.redeemed_at_ms) : ""; }},
       {"打印兑奖凭条", [](const VoucherRow& v) { return v.slips_printed; }}},
      report.vouchers));
  tables.push_back(table_of<SessionRow>("sessions", "访客会话",
                                        {{"机器编号", [](const SessionRow& s) { return s.kiosk_id; }},
                                         {"会话编号", [](const SessionRow& s) { return s.session; }},
                                         {"开始时间", [](const SessionRow& s) { return format_local_time(s.started_at_ms); }},
                                         {"结束方式", [](const SessionRow& s) { return session_end_label(s.end_reason); }},
                                         {"停留(秒)", [](const SessionRow& s) { return rounded(s.dwell_seconds, 1); }},
                                         {"触摸次数", [](const SessionRow& s) { return s.touches; }},
                                         {"点击次数", [](const SessionRow& s) { return s.taps; }}},
                                        report.sessions));
  add_voice_tables(report, tables);
  tables.push_back(basic_facts_table(report));
  tables.push_back(tally_departments_table(report));

  // What visitors looked for (issue 14), after the tables above so that their files keep their numbers.
  tables.push_back(table_of<TopicRow>("topics", "热门主题",
                                      {{"主题编号", [](const TopicRow& t) { return t.id; }},
                                       {"主题", [](const TopicRow& t) { return t.name; }},
                                       {"浏览次数", [](const TopicRow& t) { return t.views; }}},
                                      report.topics));
  tables.push_back(table_of<SearchRow>("searches", "热门搜索",
                                       {{"搜索内容", [](const SearchRow& r) { return r.query; }},
                                        {"搜索次数", [](const SearchRow& r) { return r.searches; }},
                                        {"打开结果次数", [](const SearchRow& r) { return r.opened; }},
                                        {"找到事项数", [](const SearchRow& r) { return r.results; }},
                                        {"首字母搜索次数", [](const SearchRow& r) { return r.by_initials; }},
                                        {"手写搜索次数", [](const SearchRow& r) { return r.by_handwriting; }}},
                                       report.searches));
  tables.push_back(table_of<SearchRow>("failed-searches", "无结果搜索",
                                       {{"搜索内容", [](const SearchRow& r) { return r.query; }},
                                        {"搜索次数", [](const SearchRow& r) { return r.searches; }}},
                                       report.failed_searches));
  // Read-outs (issue 26), last for the same reason.
  tables.push_back(feature_use_table(report));
  // Double redemptions (issue 27), only when there are any: an export without them is as it was.
  if (!report.double_redemptions.empty()) tables.push_back(double_redemptions_table(report));
  return tables;
}

std::string to_csv(const ExportTable& table) {
  std::string out = "\xEF\xBB\xBF";  // the BOM that tells Excel and WPS this is UTF-8
  for (std::size_t c = 0; c < table.headers.size(); ++c) out += (c ? "," : "") + csv_field(table.headers[c]);
  out += "\r\n";
  for (const auto& row : table.rows) {
    for (std::size_t c = 0; c < row.size(); ++c) out += (c ? "," : "") + csv_field(row[c]);
    out += "\r\n";
  }
  return out;
}

ExportResult export_report(const Report& report, const ExportRequest& request) {
  check_destination(request);
  ExportResult result;
  const std::string prefix = "openday-" + range_label(report) + "-";
  const auto tables = report_tables(report);
  if (request.format != ExportFormat::Xlsx) {
    for (std::size_t i = 0; i < tables.size(); ++i) {
      const auto file = request.out_dir / (prefix + std::to_string(i + 1) + "-" + tables[i].file_stem + ".csv");
      write_file_atomically(file, to_csv(tables[i]));
      result.files.push_back(file);
    }
  }
  if (request.format != ExportFormat::Csv) {
    const auto file = request.out_dir / (prefix + "counts.xlsx");
    write_xlsx(tables, file);
    result.files.push_back(file);
  }
  result.summary = summary_text(report, request.county);
  const auto summary_file = request.out_dir / (prefix + "summary.txt");
  write_file_atomically(summary_file, "\xEF\xBB\xBF" + result.summary + "\r\n");
  result.files.push_back(summary_file);
  return result;
}

}  // namespace openday
