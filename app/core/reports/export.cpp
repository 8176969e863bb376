#include "core/reports/export.h"

#include <xlsxwriter.h>

#include <cmath>
#include <cstdio>
#include <ctime>

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
  // Native column charts: visitors per hour, views per department.
  auto add_chart = [&](std::size_t table_index, lxw_col_t category_col, lxw_col_t value_col, const char* title, lxw_col_t at_col) {
    const ExportTable& table = tables[table_index];
    if (table.rows.empty()) return;
    lxw_chart* chart = workbook_add_chart(workbook, LXW_CHART_COLUMN);
    lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
    const auto last = static_cast<lxw_row_t>(std::min<std::size_t>(table.rows.size(), 60));
    chart_series_set_categories(series, table.sheet_name.c_str(), 1, category_col, last, category_col);
    chart_series_set_values(series, table.sheet_name.c_str(), 1, value_col, last, value_col);
    chart_title_set_name(chart, title);
    chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
    worksheet_insert_chart(sheets[table_index], 1, at_col, chart);
  };
  add_chart(1, 1, 2, "各时段接待人次", 6);
  add_chart(2, 1, 2, "各部门页面浏览次数", 6);
  const lxw_error error = workbook_close(workbook);
  if (error != LXW_NO_ERROR) throw FileWriteError(file.string() + ": writing the workbook failed: " + lxw_strerror(error));
  slot.commit();
}

// 满意度 and 群众问题 (issue 15), after the other sheets.
void add_voice_tables(const Report& report, std::vector<ExportTable>& tables) {
  const VoiceCounts& voice = report.voice;
  ExportTable satisfaction{"satisfaction", "满意度", {"评价", "人次", "比率"}, {}};
  const std::int64_t ratings = voice.rating_count();
  const auto share = [&](std::int64_t n) { return ratings ? rounded(static_cast<double>(n) / static_cast<double>(ratings), 4) : 0.0; };
  for (const SatisfactionLevel& level : kSatisfactionLevels)
    satisfaction.rows.push_back({std::string(tr(level.words)), voice.ratings_of(level.value), share(voice.ratings_of(level.value))});
  satisfaction.rows.push_back({"合计", ratings, ratings ? 1.0 : 0.0});
  satisfaction.rows.push_back({"满意率（非常满意、满意、基本满意）", ratings - voice.ratings_of(1) - voice.ratings_of(2), rounded(voice.satisfaction_rate().value_or(0.0), 4)});
  for (const SatisfactionReason& reason : kSatisfactionReasons) {
    const auto found = voice.reasons.find(std::string(reason.key));
    satisfaction.rows.push_back({"不满意原因：" + std::string(tr(reason.words)), found == voice.reasons.end() ? 0 : found->second, ""});
  }
  tables.push_back(std::move(satisfaction));

  ExportTable questions{"citizen-questions", "群众问题", {"部门编号", "部门", "问题", "待现场解答", "已有解答"}, {}};
  for (const AskedQuestionRow& q : report.asked_questions)
    questions.rows.push_back({q.department_id, q.department, q.topic_label, q.registered, q.answered});
  tables.push_back(std::move(questions));
}

// 基本情况: every figure of the summary paragraph, exact, with where it comes from. A fact never
// entered (nor given in the config) is an empty cell, not a zero.
ExportTable basic_facts_table(const Report& report) {
  ExportTable table{"basic-facts", "基本情况", {"项目", "数量", "单位", "来源"}, {}};
  const TallyTotals& tally = report.tally;
  auto fact_row = [&](const char* label, EventFactKind fact, const char* unit) {
    const auto value = tally.fact(fact);
    table.rows.push_back({label, value ? ExportCell(*value) : ExportCell(""), unit, "活动概况（工作人员填写）"});
  };
  auto tally_row = [&](const char* label, std::int64_t count, const char* unit) { table.rows.push_back({label, count, unit, "现场登记"}); };
  fact_row("参加部门（单位）", EventFactKind::Departments, "个");
  fact_row("参加机关干部和工作人员", EventFactKind::Staff, "名");
  fact_row("印发政务公开宣传品", EventFactKind::LeafletsPrinted, "份");
  tally_row("发放宣传品", tally[TallyKind::Leaflet], "份");
  tally_row("发放便民手册", tally[TallyKind::Handbook], "册");
  fact_row("制作各种栏（板）", EventFactKind::Boards, "块");
  tally_row("受理解答政策咨询", tally[TallyKind::Answer], "件");
  const DailyRow& t = report.total;
  table.rows.push_back({"接待现场咨询群众（合计）", tally[TallyKind::Consultation] + t.sessions, "人次", "现场登记＋自助查询机"});
  tally_row("其中：咨询台接待", tally[TallyKind::Consultation], "人次");
  table.rows.push_back({"其中：自助查询机服务", t.sessions, "人次", "自助查询机"});
  tally_row("整理问题", tally[TallyKind::Problem], "件");
  for (const ProblemCategory& category : problem_categories()) {
    const auto found = tally.problems_by_category.find(std::string(category.id));
    const std::int64_t count = found == tally.problems_by_category.end() ? 0 : found->second;
    tally_row(("其中：" + std::string(category.label)).c_str(), count, "件");
  }
  table.rows.push_back({"有奖竞猜参与", t.quiz_attempts, "人次", "自助查询机"});
  table.rows.push_back({"有奖竞猜过关", t.quiz_passed, "人次", "自助查询机"});
  table.rows.push_back({"发放奖品", t.vouchers_issued, "份", "自助查询机"});
  table.rows.push_back({"已兑奖", t.vouchers_redeemed, "份", "自助查询机"});
  const VoiceCounts& voice = report.voice;
  table.rows.push_back({"查询机“我要问”收集群众问题", voice.questions_asked, "件", "自助查询机"});
  table.rows.push_back({"其中：已有解答", voice.questions_answered, "件", "自助查询机"});
  table.rows.push_back({"满意度评价", voice.rating_count(), "人次", "自助查询机"});
  const auto rate = voice.satisfaction_rate();
  table.rows.push_back({"满意率", rate ? ExportCell(rounded(*rate, 4)) : ExportCell(""), "", "自助查询机"});
  table.rows.push_back({"撤销的登记", tally.undone, "次", "现场登记（已从上列数字中扣除）"});
  return table;
}

// The desk's answers and problems per department, for the departments the desk named.
ExportTable tally_departments_table(const Report& report) {
  ExportTable table{"desk-departments", "现场登记按部门", {"部门编号", "部门名称", "解答政策咨询", "记录群众问题"}, {}};
  for (const auto& [id, counts] : report.tally.by_department) {
    const auto name = report.tally_department_names.find(id);
    table.rows.push_back({id, name == report.tally_department_names.end() ? id : name->second,
                          counts[static_cast<std::size_t>(TallyKind::Answer)], counts[static_cast<std::size_t>(TallyKind::Problem)]});
  }
  return table;
}

}  // namespace

std::string spreadsheet_safe(std::string_view text) {
  if (!text.empty() && std::string_view("=+-@\t\r\n").find(text.front()) != std::string_view::npos) return "'" + std::string(text);
  return std::string(text);
}

std::vector<ExportTable> report_tables(const Report& report) {
  std::vector<ExportTable> tables;
  ExportTable daily{"daily", "每日汇总",
                    {"日期", "接待人次", "参与互动人次", "唤醒即离开", "平均停留(秒)", "操作次数", "页面浏览", "竞猜参与", "竞猜过关",
                     "奖品发放", "奖品兑换"},
                    {}};
  auto daily_row = [](const DailyRow& d, const std::string& label) {
    return std::vector<ExportCell>{label, d.sessions, d.engaged_sessions, d.woke_and_left_sessions, rounded(d.average_dwell_seconds, 1),
                                   d.interactions, d.screen_views, d.quiz_attempts, d.quiz_passed, d.vouchers_issued, d.vouchers_redeemed};
  };
  for (const DailyRow& d : report.days) daily.rows.push_back(daily_row(d, d.day));
  if (report.days.size() > 1) daily.rows.push_back(daily_row(report.total, "合计"));
  tables.push_back(std::move(daily));

  ExportTable hours{"hourly", "按时段", {"日期", "时段", "接待人次", "操作次数", "竞猜参与"}, {}};
  for (const HourRow& h : report.hours) hours.rows.push_back({h.day, hour_span(h.hour), h.sessions, h.interactions, h.quiz_attempts});
  tables.push_back(std::move(hours));

  ExportTable departments{"departments", "按部门", {"部门编号", "部门名称", "页面浏览", "审批事项浏览", "相关答题"}, {}};
  for (const DepartmentRow& d : report.departments) departments.rows.push_back({d.id, d.name, d.views, d.item_views, d.quiz_answers});
  // The chart needs the name in column B: keep it there.
  tables.push_back(std::move(departments));

  ExportTable items{"approval-items", "按审批事项", {"事项编号", "事项名称", "所属部门", "浏览次数"}, {}};
  for (const ItemRow& i : report.items) items.rows.push_back({i.id, i.name, i.department, i.views});
  tables.push_back(std::move(items));

  ExportTable questions{"quiz-questions", "按竞猜题目", {"题目编号", "题目", "作答次数", "答对次数", "正确率"}, {}};
  for (const QuestionRow& q : report.questions) questions.rows.push_back({q.id, q.text, q.answers, q.correct, rounded(q.accuracy(), 4)});
  tables.push_back(std::move(questions));

  ExportTable vouchers{"vouchers", "奖品兑奖码", {"兑奖码", "机器编号", "发放时间", "兑换时间"}, {}};
  for (const VoucherRow& v : report.vouchers)
    vouchers.rows.push_back({v.code, v.kiosk_id, format_local_time(v.issued_at_ms), v.redeemed_at_ms ? format_local_time(*v.redeemed_at_ms) : ""});
  tables.push_back(std::move(vouchers));

  ExportTable sessions{"sessions", "访客会话", {"机器编号", "会话编号", "开始时间", "结束方式", "停留(秒)", "触摸次数", "点击次数"}, {}};
  for (const SessionRow& s : report.sessions) {
    const std::string reason = session_end_label(s.end_reason);
    sessions.rows.push_back({s.kiosk_id, s.session, format_local_time(s.started_at_ms), reason, rounded(s.dwell_seconds, 1), s.touches, s.taps});
  }
  tables.push_back(std::move(sessions));
  add_voice_tables(report, tables);
  tables.push_back(basic_facts_table(report));
  tables.push_back(tally_departments_table(report));

  // What visitors looked for (issue 14), after the tables above so that their files keep their numbers.
  ExportTable topics{"topics", "热门主题", {"主题编号", "主题", "浏览次数"}, {}};
  for (const TopicRow& t : report.topics) topics.rows.push_back({t.id, t.name, t.views});
  tables.push_back(std::move(topics));
  ExportTable searches{"searches", "热门搜索", {"搜索内容", "搜索次数", "打开结果次数", "找到事项数"}, {}};
  for (const SearchRow& r : report.searches) searches.rows.push_back({r.query, r.searches, r.opened, r.results});
  tables.push_back(std::move(searches));
  ExportTable failed{"failed-searches", "无结果搜索", {"搜索内容", "搜索次数"}, {}};
  for (const SearchRow& r : report.failed_searches) failed.rows.push_back({r.query, r.searches});
  tables.push_back(std::move(failed));
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
