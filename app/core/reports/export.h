#pragma once
// Exports of a Report for the official summary: CSV files that Excel and WPS open with the
// Chinese intact (UTF-8 with BOM, RFC 4180, CRLF), an XLSX workbook with the same tables, native
// column charts, Chinese headers and set widths, and the summary paragraph. Text cells can
// never start a formula; numbers are numbers. Every file is written atomically.
#include <cstdint>
#include <filesystem>
#include <string>
#include <variant>
#include <vector>

#include "core/reports/report.h"

namespace openday {

struct ExportCell {
  std::variant<std::string, std::int64_t, double> value;
  ExportCell(std::string text) : value(std::move(text)) {}
  ExportCell(const char* text) : value(std::string(text)) {}
  ExportCell(std::int64_t number) : value(number) {}
  ExportCell(int number) : value(static_cast<std::int64_t>(number)) {}
  ExportCell(double number) : value(number) {}
};

struct ExportTable {
  std::string file_stem;   // ASCII, for the CSV's name
  std::string sheet_name;  // Chinese, for the workbook
  std::vector<std::string> headers;
  std::vector<std::vector<ExportCell>> rows;
};

// Daily summary, per hour, per department, per approval item, per quiz question, vouchers,
// sessions, 满意度, 群众问题, 基本情况, 现场登记按部门, 热门主题, 热门搜索, 无结果搜索 and 功能使用
// (read-outs per day) — in that order: a new table goes last, so the files keep their numbers —
// and 重复兑奖 (codes redeemed more than once), only when there are any.
std::vector<ExportTable> report_tables(const Report& report);

// A text cell as it may be written: a leading = + - @ tab, CR or LF gets a ' in front, so that
// no spreadsheet runs it as a formula (OWASP CSV injection).
std::string spreadsheet_safe(std::string_view text);
std::string to_csv(const ExportTable& table);

enum class ExportFormat { Csv, Xlsx, All };

struct ExportRequest {
  std::filesystem::path out_dir;
  ExportFormat format = ExportFormat::All;
  std::string county;                        // for the summary paragraph
  std::vector<std::filesystem::path> live_databases;  // exports never go into their folders
};

struct ExportResult {
  std::vector<std::filesystem::path> files;
  std::string summary;
};

// Throws FileWriteError with the file and the reason (full, removed, not a folder ...).
ExportResult export_report(const Report& report, const ExportRequest& request);

}  // namespace openday
