// Issue 26: every event kind is written once, in kEventKinds. These tests fail when the README's
// event table drifts from it, when a kind has no documentation, or when a kind neither names the
// export columns that count it nor says why it is not exported.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "core/reports/export.h"
#include "core/reports/report.h"
#include "core/visits/events.h"
#include "support/fixture_db.h"
#include "support/temp_dir.h"

namespace openday {
namespace {

constexpr std::string_view kNotExported = "not exported: ";

std::string readme_text() {
  std::ifstream in(OPENDAY_README);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The table of "## Visitor sessions and what is logged": its lines from the header row to the
// first line that is not a table row.
std::vector<std::string> readme_event_table() {
  const std::string readme = readme_text();
  const auto section = readme.find("\n## Visitor sessions and what is logged\n");
  if (section == std::string::npos) return {};
  const auto start = readme.find("\n| type |", section);
  if (start == std::string::npos) return {};
  std::vector<std::string> lines;
  std::istringstream in(readme.substr(start + 1));
  for (std::string line; std::getline(in, line) && line.starts_with("|");) lines.push_back(line);
  return lines;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// "| `name` | ..." -> name; empty for the header and the rule.
std::string kind_of_row(const std::string& line) {
  if (!line.starts_with("| `")) return "";
  const auto end = line.find('`', 3);
  return end == std::string::npos ? "" : line.substr(3, end - 3);
}

std::map<std::string, std::string> rows_by_kind(const std::vector<std::string>& lines) {
  std::map<std::string, std::string> rows;
  for (const std::string& line : lines)
    if (const std::string kind = kind_of_row(line); !kind.empty()) rows[kind] = line;
  return rows;
}

TEST(EventKinds, ReadmeTableMatchesTheCode) {
  const std::vector<std::string> readme = readme_event_table();
  ASSERT_FALSE(readme.empty()) << OPENDAY_README << " has no event table under \"## Visitor sessions and what is logged\"";
  const std::string expected = event_table_markdown();
  const auto in_readme = rows_by_kind(readme);
  const auto in_code = rows_by_kind(lines_of(expected));
  for (const auto& [kind, row] : in_code) {
    const auto found = in_readme.find(kind);
    if (found == in_readme.end())
      ADD_FAILURE() << "README.md's event table lacks `" << kind << "`:\n" << row;
    else
      EXPECT_EQ(found->second, row) << "README.md describes `" << kind << "` differently from kEventKinds";
  }
  for (const auto& [kind, row] : in_readme)
    EXPECT_TRUE(in_code.count(kind)) << "README.md lists `" << kind << "`, which kEventKinds does not know:\n" << row;
  EXPECT_EQ(readme, lines_of(expected)) << "README.md's event table should read:\n" << expected;
}

TEST(EventKinds, EveryKindHasOneUniqueNameAndADocumentationRow) {
  ASSERT_EQ(kEventKinds.size(), kEventTypeCount);
  std::set<std::string_view> names;
  for (const EventKind& kind : kEventKinds) {
    EXPECT_FALSE(kind.name.empty()) << static_cast<int>(kind.type);
    EXPECT_TRUE(names.insert(kind.name).second) << kind.name << " twice";
    EXPECT_FALSE(kind.when.empty()) << kind.name << ": no \"when\"";
    EXPECT_FALSE(kind.columns.empty()) << kind.name << ": no \"columns used\"";
    EXPECT_EQ(kind.columns.find('|'), std::string_view::npos) << kind.name << ": a | breaks the README's table";
    EXPECT_EQ(kind.when.find('|'), std::string_view::npos) << kind.name << ": a | breaks the README's table";
    EXPECT_EQ(event_type_from_name(kind.name), kind.type) << kind.name;
    EXPECT_EQ(event_type_name(kind.type), kind.name);
  }
}

std::string trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(' ');
  const auto last = text.find_last_not_of(' ');
  return first == std::string_view::npos ? "" : std::string(text.substr(first, last - first + 1));
}

std::vector<std::string> split(std::string_view text, char separator) {
  std::vector<std::string> parts;
  std::size_t at = 0;
  for (auto next = text.find(separator); ; next = text.find(separator, at)) {
    parts.push_back(trimmed(text.substr(at, next == std::string_view::npos ? std::string_view::npos : next - at)));
    if (next == std::string_view::npos) return parts;
    at = next + 1;
  }
}

// Sheet name -> its headers, as the exports write them (an empty report has every table).
std::map<std::string, std::set<std::string>> export_headers() {
  std::map<std::string, std::set<std::string>> sheets;
  for (const ExportTable& table : report_tables(Report{})) sheets[table.sheet_name].insert(table.headers.begin(), table.headers.end());
  return sheets;
}

TEST(EventKinds, EveryKindNamesTheExportColumnsThatCountItOrSaysWhyNot) {
  const auto sheets = export_headers();
  for (const EventKind& kind : kEventKinds) {
    SCOPED_TRACE(std::string(kind.name));
    if (kind.exported.starts_with(kNotExported)) {
      EXPECT_GT(kind.exported.size(), kNotExported.size() + 3) << "say why it is not exported";
      EXPECT_TRUE(kind.per_day.rows.empty()) << "counted per day, so exported in 功能使用";
      continue;
    }
    if (kind.exported.empty()) {
      EXPECT_FALSE(kind.per_day.rows.empty()) << "neither export columns, nor per_day columns, nor \"not exported: why\"";
      continue;
    }
    for (const std::string& part : split(kind.exported, ';')) {
      const auto colon = part.find(':');
      ASSERT_NE(colon, std::string::npos) << "\"" << part << "\" is not \"sheet: column, column\"";
      const std::string sheet = trimmed(std::string_view(part).substr(0, colon));
      const auto found = sheets.find(sheet);
      ASSERT_NE(found, sheets.end()) << "no export sheet " << sheet;
      for (const std::string& column : split(std::string_view(part).substr(colon + 1), ','))
        EXPECT_TRUE(found->second.count(column)) << "the sheet " << sheet << " has no column " << column;
    }
  }
}

TEST(EventKinds, KindsCountedPerDayHaveTheirColumnsInFeatureUse) {
  const auto sheets = export_headers();
  ASSERT_TRUE(sheets.count("功能使用"));
  const auto& columns = sheets.at("功能使用");
  std::size_t counted = 0, timed = 0;
  for (const EventKind& kind : kEventKinds) {
    if (kind.per_day.rows.empty()) continue;
    ++counted;
    if (!kind.per_day.value_seconds.empty()) ++timed;
    EXPECT_TRUE(columns.count(std::string(kind.per_day.rows))) << kind.name;
    if (!kind.per_day.value_seconds.empty()) {
      EXPECT_TRUE(columns.count(std::string(kind.per_day.value_seconds))) << kind.name;
    }
  }
  EXPECT_EQ(columns.size(), 1 + counted + timed) << "日期, then a count for each kind, and a duration for each kind that has one";
  EXPECT_EQ(event_kind(EventType::ReadAloud).per_day.rows, "朗读次数");
}

// The drift of issue 26: read-outs were counted but never exported.
TEST(EventKinds, ReadOutsAreExportedPerDayWithTheirSeconds) {
  testing::TempDir dir;
  {
    testing::FixtureDb db(dir / "k1.db", "kiosk-1");
    db.add("2026-05-15 09:00", 1, "session_start");
    db.add("2026-05-15 09:01", 1, "read_aloud", "duties", "", "", 4321);
    db.add("2026-05-15 09:02", 1, "read_aloud", "item", "", "", 1200);
    db.add("2026-05-16 10:00", 2, "session_start");
    db.add("2026-05-16 10:01", 2, "read_aloud", "faq", "", "", 999);
    db.add("2026-05-16 10:02", 2, "stock_adjusted", "", "", "", 5);
  }
  ReportRequest request;
  request.databases = {dir / "k1.db"};
  const Report report = build_report(request);
  EXPECT_EQ(report.total.read_alouds, 3);
  EXPECT_NEAR(report.total.read_aloud_seconds, 6.52, 1e-9);
  const auto tables = report_tables(report);
  const ExportTable& feature_use = tables.back();
  EXPECT_EQ(feature_use.file_stem, "feature-use");
  EXPECT_EQ(to_csv(feature_use),
            "\xEF\xBB\xBF日期,朗读次数,朗读时长(秒),呼叫工作人员,打印办事指南,打印兑奖凭条\r\n"
            "2026-05-15,2,5.5,0,0,0\r\n"
            "2026-05-16,1,1,0,0,0\r\n"
            "合计,3,6.5,0,0,0\r\n");
}

}  // namespace
}  // namespace openday
