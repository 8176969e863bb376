// Issue 30: the 办事指南 and 兑奖凭条 slips as PDFs, checked with poppler's own readers the way a
// person would check a print: every material and the item's name are there (pdftotext), the
// page is 80 mm wide and no word runs past the margin (pdfinfo, pdftotext -bbox), and the QR
// code scans (pdftoppm at 300 dpi, then zbarimg) to the item's online address or the code.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <regex>
#include <string>
#include <vector>

#include "core/booth/config.h"
#include "core/content/content.h"
#include "core/print/slip.h"
#include "core/print/slip_pdf.h"
#include "support/county_generator.h"
#include "support/county_hanzi.h"
#include "support/shell.h"
#include "support/temp_dir.h"

namespace openday {
namespace {

using print::Paper;
using testing::run_shell;
using testing::TempDir;

const print::SlipOrigin kOrigin{.event = {.county = "示例县", .title = "政务公开日", .date = "2026-05-15",
                                          .place = "示例县人民广场", .hotline = "0000-12345", .sample_data = true},
                                .printed_at = "2026-05-15 09:30"};

std::string quoted(const std::filesystem::path& path) { return "'" + path.string() + "'"; }

std::string without_spaces(std::string text) {
  std::erase_if(text, [](unsigned char c) { return std::isspace(c) != 0; });
  return text;
}

std::string pdf_text(const std::filesystem::path& pdf) {
  const auto shell = run_shell("pdftotext -enc UTF-8 " + quoted(pdf) + " -");
  EXPECT_EQ(shell.status, 0) << shell.output;
  return without_spaces(shell.output);
}

struct PageBox {
  double width = 0, height = 0;
  double widest_word_right = 0;  // the largest xMax of any word
  int words = 0;
};

PageBox page_box(const std::filesystem::path& pdf) {
  const auto shell = run_shell("pdftotext -bbox -enc UTF-8 " + quoted(pdf) + " -");
  EXPECT_EQ(shell.status, 0) << shell.output;
  PageBox box;
  static const std::regex page(R"re(<page width="([0-9.]+)" height="([0-9.]+)")re");
  static const std::regex word(R"re(<word xMin="[0-9.]+" yMin="[0-9.]+" xMax="([0-9.]+)")re");
  if (std::smatch m; std::regex_search(shell.output, m, page)) {
    box.width = std::stod(m[1]);
    box.height = std::stod(m[2]);
  }
  for (auto it = std::sregex_iterator(shell.output.begin(), shell.output.end(), word); it != std::sregex_iterator(); ++it) {
    box.widest_word_right = std::max(box.widest_word_right, std::stod((*it)[1]));
    ++box.words;
  }
  return box;
}

std::string scanned_qr(const std::filesystem::path& pdf, const TempDir& dir) {
  const auto raster = dir / "scan";
  const auto render = run_shell("pdftoppm -r 300 -gray " + quoted(pdf) + " " + quoted(raster));
  EXPECT_EQ(render.status, 0) << render.output;
  std::string codes;
  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
    if (entry.path().extension() != ".pgm") continue;
    const auto scan = run_shell("(zbarimg --raw -q " + quoted(entry.path()) + " 2>/dev/null)");
    codes += scan.output;
    std::filesystem::remove(entry.path());
  }
  while (!codes.empty() && (codes.back() == '\n' || codes.back() == '\r')) codes.pop_back();
  return codes;
}

// Renders the item's 办事指南 on the 80 mm roll and checks it as the file header says.
void expect_guide_prints_whole(const Department& department, const ApprovalItem& item) {
  SCOPED_TRACE("item " + item.id);
  const TempDir dir;
  const auto pdf = dir / "guide.pdf";
  const auto result = print::render_slip_pdf(print::guide_slip(kOrigin, department, item), Paper::Roll80mm, pdf);
  ASSERT_TRUE(result.ok()) << result.error;
  EXPECT_EQ(result.pages, 1);

  const std::string text = pdf_text(pdf);
  EXPECT_NE(text.find(without_spaces(item.name)), std::string::npos) << item.name;
  for (const Material& material : item.materials)
    EXPECT_NE(text.find(without_spaces(material.name)), std::string::npos) << "material " << material.name;

  const auto geometry = print::paper_geometry(Paper::Roll80mm);
  const PageBox box = page_box(pdf);
  EXPECT_NEAR(box.width, 80 * 72 / 25.4, 0.01);
  EXPECT_GT(box.words, 10);
  EXPECT_LE(box.widest_word_right, geometry.width - geometry.margin + 0.5);

  if (item.online) {
    EXPECT_EQ(scanned_qr(pdf, dir), item.online_url);
  }
}

Content loaded(const std::filesystem::path& dir) {
  ContentLoad load = load_content(dir);
  EXPECT_TRUE(load.content) << (load.problems.empty() ? "" : load.problems.front().to_string());
  return load.content ? std::move(*load.content) : Content{};
}

class SampleGuides : public ::testing::TestWithParam<int> {};

// One test per department of the sample, so that ctest spreads them over the cores.
TEST_P(SampleGuides, EveryApprovalItemPrintsWholeOnTheRoll) {
  const Content content = loaded(std::filesystem::path(OPENDAY_ASSETS_DIR) / "content");
  const auto index = static_cast<std::size_t>(GetParam());
  if (index >= content.departments.size()) GTEST_SKIP() << "the sample has fewer departments";
  const Department& department = content.departments[index];
  for (const ApprovalItem& item : department.approval_items) expect_guide_prints_whole(department, item);
}
INSTANTIATE_TEST_SUITE_P(PrintSlip, SampleGuides, ::testing::Range(0, 26));

TEST(PrintSlip, TheSampleHasAsManyDepartmentsAsTheGuideTestsWalk) {
  EXPECT_LE(loaded(std::filesystem::path(OPENDAY_ASSETS_DIR) / "content").departments.size(), 26u);
}

TEST(PrintSlip, EveryItemOfAGeneratedCountyPrintsWhole) {
  const TempDir dir;
  testing::generate_county({.departments = 3, .items = 24, .seed = 30, .with_sample = std::nullopt}, dir / "county");
  const Content county = loaded(dir / "county");
  ASSERT_FALSE(county.departments.empty());
  std::size_t items = 0;
  for (const Department& department : county.departments) {
    for (const ApprovalItem& item : department.approval_items) {
      expect_guide_prints_whole(department, item);
      ++items;
    }
  }
  EXPECT_EQ(items, 24u);
}

// The hardest item a county publishes: twenty materials, a long legal basis, rare characters
// in names, long unbreakable words and a long web address.
ApprovalItem heavy_item(const Department& department) {
  ApprovalItem item = department.approval_items.front();
  item.id = "heavy";
  item.name = "危险化学品经营许可（带储存设施）变更登记暨" + std::string(testing::kRareHanzi.substr(0, 30));
  item.legal_basis.clear();
  for (int i = 0; i < 40; ++i) item.legal_basis += "《中华人民共和国行政许可法》第二十九条、第三十条；";
  item.materials.clear();
  for (int i = 0; i < 20; ++i) {
    const std::string rare(testing::kRareHanzi.substr(static_cast<std::size_t>(i) * 3 * 4, 3 * 4));
    item.materials.push_back({.name = "第" + std::to_string(i + 1) + "项材料" + rare + "证明文件",
                              .original = i % 2 == 0,
                              .copies = i % 4,
                              .note = i % 5 == 0 ? "需加盖单位公章并由法定代表人签字ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789" : ""});
  }
  item.conditions.assign(6, std::string(300, 'x'));
  item.online = true;
  item.online_url = "https://zwfw.example.com/item/" + std::string(120, 'a') + "?from=kiosk";
  return item;
}

TEST(PrintSlip, TwentyMaterialsRareCharactersAndLongWordsStayOnTheRoll) {
  const Content content = loaded(std::filesystem::path(OPENDAY_ASSETS_DIR) / "content");
  ASSERT_FALSE(content.departments.empty());
  const Department& department = content.departments.front();
  expect_guide_prints_whole(department, heavy_item(department));
}

TEST(PrintSlip, TheSlipIsAChecklistWithTheItemsFacts) {
  const Content content = loaded(std::filesystem::path(OPENDAY_ASSETS_DIR) / "content");
  const Department& department = content.departments.front();
  const ApprovalItem& item = department.approval_items.front();
  const print::Slip slip = print::guide_slip(kOrigin, department, item);
  const auto checks = std::count_if(slip.blocks.begin(), slip.blocks.end(),
                                    [](const print::SlipBlock& b) { return b.kind == print::SlipBlock::Kind::Check; });
  EXPECT_EQ(static_cast<std::size_t>(checks), item.materials.size());
  const std::string text = slip.plain_text();
  for (const std::string& fact : {department.name, item.fee, item.where, department.address, department.office_hours,
                                  item.published.date, item.published.source, kOrigin.event.place, kOrigin.printed_at})
    EXPECT_NE(text.find(fact), std::string::npos) << fact;
}

TEST(PrintSlip, TheVoucherSlipShowsTheCodeLargeAndItsQrScansToTheCode) {
  const TempDir dir;
  const auto pdf = dir / "voucher.pdf";
  const print::VoucherFacts voucher{.code = "ABCD-EFGH", .prize = "青花瓷笔精美礼盒", .collect_at = "展台服务台", .issued_at = "2026-05-15 09:12"};
  const print::Slip slip = print::voucher_slip(kOrigin, voucher);
  ASSERT_TRUE(std::any_of(slip.blocks.begin(), slip.blocks.end(), [](const print::SlipBlock& b) {
    return b.kind == print::SlipBlock::Kind::Large && b.text == "ABCD-EFGH";
  }));
  const auto result = print::render_slip_pdf(slip, Paper::Roll80mm, pdf);
  ASSERT_TRUE(result.ok()) << result.error;
  const std::string text = pdf_text(pdf);
  for (const char* fact : {"ABCD-EFGH", "青花瓷笔精美礼盒", "展台服务台", "2026-05-15 09:12"}) EXPECT_NE(text.find(without_spaces(fact)), std::string::npos) << fact;
  EXPECT_EQ(scanned_qr(pdf, dir), "ABCD-EFGH");
}

TEST(PrintSlip, AFourPagesAreA4AndALongSlipGoesOnToAnotherPage) {
  const Content content = loaded(std::filesystem::path(OPENDAY_ASSETS_DIR) / "content");
  const Department& department = content.departments.front();
  ApprovalItem item = heavy_item(department);
  for (int i = 0; i < 3; ++i) item.materials.insert(item.materials.end(), item.materials.begin(), item.materials.begin() + 20);
  const TempDir dir;
  const auto pdf = dir / "a4.pdf";
  const auto result = print::render_slip_pdf(print::guide_slip(kOrigin, department, item), Paper::A4, pdf);
  ASSERT_TRUE(result.ok()) << result.error;
  EXPECT_GE(result.pages, 2);
  const PageBox box = page_box(pdf);
  EXPECT_NEAR(box.width, 595.28, 0.01);
  EXPECT_NEAR(box.height, 841.89, 0.01);
  const auto geometry = print::paper_geometry(Paper::A4);
  EXPECT_LE(box.widest_word_right, geometry.width - geometry.margin + 0.5);
  const std::string text = pdf_text(pdf);
  EXPECT_NE(text.find(without_spaces(item.materials.back().name)), std::string::npos);
}

TEST(PrintSlip, AnUnwritableFileIsAnErrorNamingIt) {
  const auto result = print::render_slip_pdf(print::test_slip(kOrigin, "kiosk-receipt", Paper::Roll80mm), Paper::Roll80mm,
                                             "/nonexistent-folder/slip.pdf");
  EXPECT_FALSE(result.ok());
  EXPECT_NE(result.error.find("/nonexistent-folder/slip.pdf"), std::string::npos) << result.error;
}

TEST(PrintSlip, PaperNamesAreTheConfigsSpelling) {
  EXPECT_EQ(print::paper_from_name("80mm"), Paper::Roll80mm);
  EXPECT_EQ(print::paper_from_name("A4"), Paper::A4);
  EXPECT_EQ(print::paper_from_name("a4"), std::nullopt);
  EXPECT_EQ(print::paper_name(Paper::A4), "A4");
}

}  // namespace
}  // namespace openday
