// The .xlsx reader: cells as other programs write them, and hostile files refused with a clear
// message instead of a crash, a hang or memory without end.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <stdexcept>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/content/xlsx_reader.h"
#include "support/temp_dir.h"
#include "support/xlsx_builder.h"

namespace openday {
namespace {

using testing::HandWorkbook;
using testing::TempDir;
using testing::write_zip;

void write_bytes(const std::filesystem::path& file, const std::string& bytes) {
  std::ofstream out(file, std::ios::binary);
  out << bytes;
}

// A sheet as LibreOffice writes it: shared strings (one with rich-text runs and a phonetic hint),
// an inline string, numbers, a boolean, a date by style and one as t="d", a cell without r,
// a merged header, a line break kept, _x000D_ escapes and trailing spaces kept for the caller.
HandWorkbook libreoffice_like() {
  HandWorkbook w;
  w.shared_strings = {"<t>审批事项表</t>", "<r><t>事项</t></r><r><rPr><b/></rPr><t>名称</t></r><rPh sb=\"0\" eb=\"1\"><t>ピン</t></rPh>",
                      "<t xml:space=\"preserve\">第一行_x000D_\n第二行 </t>"};
  w.styles_num_fmts = R"(<numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>)";
  w.styles_cell_xfs = R"(<xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="2"/>)";
  w.sheets.push_back({"审批事项", R"(<sheetData>
    <row r="1"><c r="A1" t="s"><v>0</v></c></row>
    <row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" t="inlineStr"><is><t>法定时限</t></is></c></row>
    <row r="3"><c r="A3" t="s"><v>2</v></c><c r="B3"><v>10</v></c><c r="C3" s="3"><v>0.5</v></c><c r="D3" t="b"><v>1</v></c></row>
    <row r="4"><c r="A4" s="1"><v>45366</v></c><c r="B4" s="2"><v>45367.75</v></c><c r="C4" t="d"><v>2024-03-18T00:00:00</v></c>
      <c r="D4" t="e"><v>#N/A</v></c><c r="E4" t="str"><f>A1</f><v>公式结果</v></c></row>
    <row r="5"><c t="inlineStr"><is><t>无位置一</t></is></c><c t="inlineStr"><is><t>无位置二</t></is></c></row>
    <row r="6"><c r="A6" s="1"/></row>
  </sheetData><mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells>)"});
  w.sheets.push_back({"Sheet2", "<sheetData/>"});
  return w;
}

TEST(XlsxReader, ReadsAWorkbookWrittenByAnotherProgram) {
  TempDir dir;
  libreoffice_like().write(dir / "hand.xlsx");
  const XlsxRead read = read_xlsx(dir / "hand.xlsx");
  ASSERT_TRUE(read.workbook) << read.error;
  ASSERT_EQ(read.workbook->sheets.size(), 2u);
  EXPECT_EQ(read.workbook->sheets[1].name, "Sheet2");
  const XlsxSheet* sheet = read.workbook->sheet("审批事项");
  ASSERT_NE(sheet, nullptr);
  EXPECT_EQ(sheet->text(1, 1), "审批事项表");
  EXPECT_EQ(sheet->text(1, 3), "审批事项表") << "a merged range reads its top-left value";
  EXPECT_EQ(sheet->text(2, 1), "事项名称") << "rich-text runs join, the phonetic hint is not text";
  EXPECT_EQ(sheet->text(2, 2), "法定时限");
  EXPECT_EQ(sheet->text(3, 1), "第一行\n第二行 ");
  EXPECT_EQ(sheet->text(3, 2), "10");
  EXPECT_EQ(sheet->cell(3, 2)->kind, XlsxCell::Kind::Number);
  EXPECT_EQ(sheet->text(3, 3), "0.5");
  EXPECT_EQ(sheet->cell(3, 4)->kind, XlsxCell::Kind::Boolean);
  EXPECT_EQ(sheet->text(3, 4), "TRUE");
  EXPECT_EQ(sheet->text(4, 1), "2024-03-15");
  EXPECT_EQ(sheet->cell(4, 1)->kind, XlsxCell::Kind::Date);
  EXPECT_EQ(sheet->text(4, 2), "2024-03-16") << "a custom 年月日 format is a date; the time of day is dropped";
  EXPECT_EQ(sheet->text(4, 3), "2024-03-18");
  EXPECT_EQ(sheet->cell(4, 4)->kind, XlsxCell::Kind::Error);
  EXPECT_EQ(sheet->text(4, 5), "公式结果");
  EXPECT_EQ(sheet->text(5, 1), "无位置一");
  EXPECT_EQ(sheet->text(5, 2), "无位置二");
  EXPECT_EQ(sheet->cell(6, 1), nullptr) << "a formatted empty cell is empty";
  EXPECT_EQ(sheet->text(9, 9), "");
}

TEST(XlsxReader, CellReferences) {
  EXPECT_EQ(parse_cell_reference("F7")->column, 6);
  EXPECT_EQ(parse_cell_reference("F7")->row, 7);
  EXPECT_EQ(parse_cell_reference("AA10")->column, 27);
  EXPECT_EQ(parse_cell_reference("XFD1048576")->column, 16384);
  EXPECT_FALSE(parse_cell_reference("XFE1"));
  EXPECT_FALSE(parse_cell_reference("A0"));
  EXPECT_FALSE(parse_cell_reference("A1048577"));
  EXPECT_FALSE(parse_cell_reference("7F"));
  EXPECT_FALSE(parse_cell_reference(""));
  EXPECT_EQ((CellPosition{7, 6}.name()), "F7");
  EXPECT_EQ(column_name(28), "AB");
}

TEST(XlsxReader, NotAZip) {
  TempDir dir;
  write_bytes(dir / "notes.xlsx", "部门职能：负责全县民政工作。\n");
  const XlsxRead read = read_xlsx(dir / "notes.xlsx");
  EXPECT_FALSE(read.workbook);
  EXPECT_NE(read.error.find("不是 .xlsx 文件"), std::string::npos) << read.error;
}

TEST(XlsxReader, AnOldXlsSaysSaveAsXlsx) {
  TempDir dir;
  std::string ole = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
  ole.resize(4096, '\0');
  write_bytes(dir / "民政局.xlsx", ole);
  const XlsxRead read = read_xlsx(dir / "民政局.xlsx");
  EXPECT_FALSE(read.workbook);
  EXPECT_NE(read.error.find("请另存为 .xlsx"), std::string::npos) << read.error;
}

TEST(XlsxReader, ATruncatedZipIsRefused) {
  TempDir dir;
  libreoffice_like().write(dir / "whole.xlsx");
  std::ifstream in(dir / "whole.xlsx", std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  write_bytes(dir / "cut.xlsx", bytes.substr(0, bytes.size() / 2));
  const XlsxRead read = read_xlsx(dir / "cut.xlsx");
  EXPECT_FALSE(read.workbook);
  EXPECT_NE(read.error.find("损坏"), std::string::npos) << read.error;
}

TEST(XlsxReader, AZipBombStopsAtThePartCap) {
  TempDir dir;
  HandWorkbook w = libreoffice_like();
  auto parts = w.parts();
  // 70 MB of one repeated row inside <sheetData>: a few hundred kB compressed.
  std::string huge = "<?xml version=\"1.0\"?><worksheet><sheetData>";
  const std::string row = "<row><c t=\"inlineStr\"><is><t>AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA</t></is></c></row>";
  huge.reserve(70u << 20);
  while (huge.size() < (70u << 20)) huge += row;
  huge += "</sheetData></worksheet>";
  for (auto& [name, content] : parts)
    if (name == "xl/worksheets/sheet1.xml") content = std::move(huge);
  write_zip(dir / "bomb.xlsx", parts);
  ASSERT_LT(std::filesystem::file_size(dir / "bomb.xlsx"), 2u << 20);
  const XlsxRead read = read_xlsx(dir / "bomb.xlsx");
  EXPECT_FALSE(read.workbook);
  EXPECT_NE(read.error.find("压缩炸弹"), std::string::npos) << read.error;
}

TEST(XlsxReader, TheTotalCapCountsEveryPart) {
  TempDir dir;
  HandWorkbook w = libreoffice_like();
  XlsxLimits limits;
  limits.max_total_bytes = 2500;  // each part is under it, all of them together are not
  w.write(dir / "w.xlsx");
  const XlsxRead read = read_xlsx(dir / "w.xlsx", limits);
  EXPECT_FALSE(read.workbook);
  EXPECT_NE(read.error.find("总大小"), std::string::npos) << read.error;
}

TEST(XlsxReader, AnXmlEntityBombIsNeverExpanded) {
  TempDir dir;
  HandWorkbook w = libreoffice_like();
  auto parts = w.parts();
  std::string bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">";
  std::string previous = "lol";
  for (int i = 1; i <= 12; ++i) {
    const std::string name = "lol" + std::to_string(i);
    bomb += "<!ENTITY " + name + " \"" + std::string() ;
    for (int k = 0; k < 10; ++k) bomb += "&" + previous + ";";
    bomb += "\">";
    previous = name;
  }
  bomb += "]>\n<sst><si><t>&" + previous + ";</t></si></sst>";
  for (auto& [name, content] : parts)
    if (name == "xl/sharedStrings.xml") content = bomb;
  write_zip(dir / "lol.xlsx", parts);
  const XlsxRead read = read_xlsx(dir / "lol.xlsx");
  EXPECT_FALSE(read.workbook);
  EXPECT_NE(read.error.find("DTD"), std::string::npos) << read.error;
  EXPECT_NE(read.error.find("xl/sharedStrings.xml"), std::string::npos) << read.error;
}

TEST(XlsxReader, APathTraversalNameIsRefused) {
  TempDir dir;
  for (const std::string evil : {"../../etc/cron.d/evil", "/etc/passwd", "xl\\..\\..\\evil", "xl/../../evil.xml"}) {
    auto parts = libreoffice_like().parts();
    parts.push_back({evil, "x"});
    write_zip(dir / "evil.xlsx", parts);
    const XlsxRead read = read_xlsx(dir / "evil.xlsx");
    EXPECT_FALSE(read.workbook) << evil;
    EXPECT_NE(read.error.find("路径穿越"), std::string::npos) << evil << ": " << read.error;
    std::filesystem::remove(dir / "evil.xlsx");
  }
}

// A second part of the same name was silently ignored (the first copy was read): which copy
// counts is ambiguous, so the workbook is refused, naming the part.
TEST(XlsxReader, ADuplicatePartNameIsRefused) {
  TempDir dir;
  auto parts = libreoffice_like().parts();
  const auto sheet = std::find_if(parts.begin(), parts.end(), [](const auto& part) { return part.first == "xl/worksheets/sheet1.xml"; });
  ASSERT_NE(sheet, parts.end());
  parts.push_back({sheet->first, "<worksheet/>"});
  write_zip(dir / "twice.xlsx", parts);
  const XlsxRead read = read_xlsx(dir / "twice.xlsx");
  EXPECT_FALSE(read.workbook);
  EXPECT_NE(read.error.find("两个同名部件 \"xl/worksheets/sheet1.xml\""), std::string::npos) << read.error;
}

std::size_t open_descriptors() {
  std::size_t n = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator("/proc/self/fd")) ++n;
  return n;
}

// A refusal found while listing the archive (in the reader's constructor) still closes it: an
// import of many hostile workbooks must not run out of file descriptors or memory.
TEST(XlsxReader, ARefusedArchiveIsClosed) {
  TempDir dir;
  auto parts = libreoffice_like().parts();
  parts.push_back({"../../etc/cron.d/evil", "x"});
  write_zip(dir / "evil.xlsx", parts);
  const std::size_t before = open_descriptors();
  for (int i = 0; i < 50; ++i) EXPECT_FALSE(read_xlsx(dir / "evil.xlsx").workbook);
  EXPECT_EQ(open_descriptors(), before);
}

TEST(XlsxReader, A200MbWorkbookIsRefusedUnread) {
  TempDir dir;
  const auto file = dir / "big.xlsx";
  write_bytes(file, "PK\x03\x04");
  std::filesystem::resize_file(file, 200u << 20);  // sparse: no 200 MB of disk
  const XlsxRead read = read_xlsx(file);
  EXPECT_FALSE(read.workbook);
  EXPECT_NE(read.error.find("200 MB"), std::string::npos) << read.error;
}

TEST(XlsxReader, TooManyEntriesAreRefused) {
  TempDir dir;
  auto parts = libreoffice_like().parts();
  for (int i = 0; i < 30; ++i) parts.push_back({"xl/media/image" + std::to_string(i) + ".png", "x"});
  write_zip(dir / "many.xlsx", parts);
  XlsxLimits limits;
  limits.max_entries = 20;
  const XlsxRead read = read_xlsx(dir / "many.xlsx", limits);
  EXPECT_FALSE(read.workbook);
  EXPECT_NE(read.error.find("上限 20"), std::string::npos) << read.error;
}

TEST(XlsxReader, BrokenPartsSayWhere) {
  TempDir dir;
  HandWorkbook w = libreoffice_like();
  w.sheets[0].second = "<sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>99</v></c></row></sheetData>";
  w.write(dir / "index.xlsx");
  XlsxRead read = read_xlsx(dir / "index.xlsx");
  EXPECT_FALSE(read.workbook);
  EXPECT_NE(read.error.find("审批事项!A1"), std::string::npos) << read.error;

  w.sheets[0].second = "<sheetData><row r=\"1\"><c r=\"A1\"><v>10</v></row></sheetData>";
  w.write(dir / "xml.xlsx");
  read = read_xlsx(dir / "xml.xlsx");
  EXPECT_FALSE(read.workbook);
  EXPECT_NE(read.error.find("xl/worksheets/sheet1.xml"), std::string::npos) << read.error;

  auto parts = libreoffice_like().parts();
  std::erase_if(parts, [](const auto& p) { return p.first == "xl/workbook.xml"; });
  write_zip(dir / "noworkbook.xlsx", parts);
  read = read_xlsx(dir / "noworkbook.xlsx");
  EXPECT_FALSE(read.workbook);
  EXPECT_NE(read.error.find("xl/workbook.xml"), std::string::npos) << read.error;
}

TEST(XlsxReader, AMissingFileIsAnError) {
  const XlsxRead read = read_xlsx("/nonexistent/民政局.xlsx");
  EXPECT_FALSE(read.workbook);
  EXPECT_FALSE(read.error.empty());
}

// ---- issue 33: memory bounded by what a department's workbook can hold ---------------------

// The growth of the peak resident memory while `read` runs, in a child process (so that the
// test's own allocations do not count), with the reader's error.
struct PeakRead {
  std::size_t peak_growth_bytes = 0;
  std::string error;
  bool read = false;
};

std::size_t status_kib(const char* field) {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.starts_with(field)) return static_cast<std::size_t>(std::stoull(line.substr(std::strlen(field))));
  return 0;
}

PeakRead read_in_child(const std::filesystem::path& file) {
  int fds[2];
  if (::pipe(fds) != 0) throw std::runtime_error("pipe");
  const pid_t child = ::fork();
  if (child == 0) {
    ::close(fds[0]);
    const std::size_t before = status_kib("VmRSS:");
    const XlsxRead read = read_xlsx(file);
    const std::size_t peak = status_kib("VmHWM:");
    const std::string out = std::to_string((peak > before ? peak - before : 0) * 1024) + "\n" + (read.workbook ? "1" : "0") + "\n" + read.error;
    [[maybe_unused]] const auto written = ::write(fds[1], out.data(), out.size());
    ::_exit(0);
  }
  ::close(fds[1]);
  std::string got;
  char buffer[4096];
  ssize_t n = 0;
  while ((n = ::read(fds[0], buffer, sizeof buffer)) > 0) got.append(buffer, static_cast<std::size_t>(n));
  ::close(fds[0]);
  int status = 0;
  ::waitpid(child, &status, 0);
  PeakRead result;
  const auto first = got.find('\n');
  const auto second = got.find('\n', first + 1);
  if (first == std::string::npos || second == std::string::npos) throw std::runtime_error("the child said nothing");
  result.peak_growth_bytes = std::stoull(got.substr(0, first));
  result.read = got.substr(first + 1, second - first - 1) == "1";
  result.error = got.substr(second + 1);
  return result;
}

TEST(XlsxReader, ATwoMillionCellWorkbookIsRefusedAtTheCellBoundInBoundedMemory) {
  TempDir dir;
  {
    HandWorkbook w;
    std::string xml = "<sheetData>";
    xml.reserve(64u << 20);
    for (int row = 1; row <= 200'000; ++row) {
      xml += "<row r=\"" + std::to_string(row) + "\">";
      for (int column = 1; column <= 10; ++column) xml += "<c><v>" + std::to_string(column) + "</v></c>";
      xml += "</row>";
    }
    xml += "</sheetData>";
    w.sheets.push_back({"审批事项", std::move(xml)});
    w.write(dir / "huge.xlsx");
  }
  const PeakRead read = read_in_child(dir / "huge.xlsx");
  EXPECT_FALSE(read.read);
  EXPECT_NE(read.error.find("200000"), std::string::npos) << "the error names the bound: " << read.error;
  std::printf("2,000,000 cells: refused with %.1f MB of peak memory growth\n", static_cast<double>(read.peak_growth_bytes) / (1 << 20));
  EXPECT_LT(read.peak_growth_bytes, 64u << 20) << "was 312 MB before issue 33";
}

TEST(XlsxReader, ACellOverExcelsLengthIsNamedWithItsSheetAndCell) {
  TempDir dir;
  HandWorkbook w;
  w.shared_strings = {"<t>事项名称</t>", "<t>" + std::string(40'000, 'x') + "</t>"};
  w.sheets.push_back({"审批事项", R"(<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row>
    <row r="3"><c r="B3" t="s"><v>1</v></c></row></sheetData>)"});
  w.write(dir / "long.xlsx");
  const XlsxRead read = read_xlsx(dir / "long.xlsx");
  EXPECT_FALSE(read.workbook);
  EXPECT_EQ(read.sheet, "审批事项");
  EXPECT_EQ(read.cell, "B3");
  EXPECT_NE(read.error.find("32767"), std::string::npos) << read.error;
}

TEST(XlsxReader, ALongStringInEveryCellStopsAtTheBoundOnAllText) {
  TempDir dir;
  HandWorkbook w;
  w.shared_strings = {"<t>" + std::string(30'000, 'x') + "</t>"};
  std::string xml = "<sheetData>";
  for (int row = 1; row <= 5'000; ++row) xml += "<row r=\"" + std::to_string(row) + "\"><c t=\"s\"><v>0</v></c></row>";
  w.sheets.push_back({"审批事项", xml + "</sheetData>"});
  w.write(dir / "repeated.xlsx");
  const PeakRead read = read_in_child(dir / "repeated.xlsx");
  EXPECT_FALSE(read.read) << "150 MB of copies of one string";
  EXPECT_NE(read.error.find("32 MB"), std::string::npos) << read.error;
  EXPECT_LT(read.peak_growth_bytes, 64u << 20);
}

}  // namespace
}  // namespace openday
