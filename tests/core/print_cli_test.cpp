// Issue 30: `openday print --item|--voucher ... --pdf FILE` through the real binary: the slip is
// written, the paper follows --paper, and every mistake names what was wrong with its exit code.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <string>

#include "support/shell.h"
#include "support/temp_dir.h"

namespace openday {
namespace {

using testing::run_shell;
using testing::TempDir;

const std::string kOpenday = OPENDAY_BINARY;
const std::string kConfig = std::string(OPENDAY_ASSETS_DIR) + "/openday.toml";
const std::string kSampleItem = "anjian-weihua-jingying";

std::string openday_print(const std::string& arguments) { return kOpenday + " print --config '" + kConfig + "' " + arguments; }

std::string pdf_text(const std::filesystem::path& pdf) { return run_shell("pdftotext -enc UTF-8 '" + pdf.string() + "' -").output; }

std::string page_size(const std::filesystem::path& pdf) {
  const auto info = run_shell("pdfinfo '" + pdf.string() + "'").output;
  const auto at = info.find("Page size:");
  return at == std::string::npos ? "" : info.substr(at, info.find('\n', at) - at);
}

TEST(PrintCli, AnItemsGuideIsWrittenAsAnEightyMillimetrePdf) {
  const TempDir dir;
  const auto pdf = dir / "guide.pdf";
  const auto shell = run_shell(openday_print("--item " + kSampleItem + " --pdf '" + pdf.string() + "'"));
  ASSERT_EQ(shell.status, 0) << shell.output;
  EXPECT_NE(shell.output.find("wrote " + pdf.string()), std::string::npos) << shell.output;
  EXPECT_NE(page_size(pdf).find("226.772 x"), std::string::npos) << page_size(pdf);
  EXPECT_NE(pdf_text(pdf).find("危险化学品经营许可证申请书"), std::string::npos);
}

TEST(PrintCli, PaperA4IsAnA4Page) {
  const TempDir dir;
  const auto pdf = dir / "guide.pdf";
  const auto shell = run_shell(openday_print("--item " + kSampleItem + " --paper A4 --pdf '" + pdf.string() + "'"));
  ASSERT_EQ(shell.status, 0) << shell.output;
  EXPECT_NE(page_size(pdf).find("595.276 x 841.89"), std::string::npos) << page_size(pdf);
}

TEST(PrintCli, AnUnknownItemIsAContentErrorNamingIt) {
  const TempDir dir;
  const auto shell = run_shell(openday_print("--item no-such-item --pdf '" + (dir / "x.pdf").string() + "'"));
  EXPECT_EQ(shell.status, 7) << shell.output;
  EXPECT_NE(shell.output.find("--item no-such-item"), std::string::npos) << shell.output;
  EXPECT_FALSE(std::filesystem::exists(dir / "x.pdf"));
}

TEST(PrintCli, MistakesOnTheCommandLineAreUsageErrors) {
  const auto bad_paper = run_shell(openday_print("--item " + kSampleItem + " --paper A5 --pdf /tmp/x.pdf"));
  EXPECT_EQ(bad_paper.status, 2) << bad_paper.output;
  EXPECT_NE(bad_paper.output.find("expected 80mm or A4, got 'A5'"), std::string::npos) << bad_paper.output;
  const auto no_pdf = run_shell(openday_print("--item " + kSampleItem));
  EXPECT_EQ(no_pdf.status, 2) << no_pdf.output;
  EXPECT_NE(no_pdf.output.find("--pdf FILE is required"), std::string::npos) << no_pdf.output;
  const auto both = run_shell(openday_print("--item " + kSampleItem + " --voucher ABCD-EFGH --pdf /tmp/x.pdf"));
  EXPECT_EQ(both.status, 2) << both.output;
}

TEST(PrintCli, AVoucherOfTheDatabaseIsWrittenWithItsCodeAndAnUnknownOneIsExitTen) {
  const TempDir dir;
  const auto db = dir / "openday.db";
  const auto simulated = run_shell(kOpenday + " simulate --visitors 40 --seed 7 --stock 5 --db '" + db.string() + "' --config '" + kConfig + "'");
  ASSERT_EQ(simulated.status, 0) << simulated.output;
  std::string code;
  std::istringstream lines(simulated.output);
  for (std::string line; std::getline(lines, line) && code.empty();)
    if (line.rfind("VOUCHER ", 0) == 0) code = line.substr(8);
  ASSERT_FALSE(code.empty()) << simulated.output;

  const auto pdf = dir / "voucher.pdf";
  const auto shell = run_shell(openday_print("--voucher " + code + " --db '" + db.string() + "' --pdf '" + pdf.string() + "'"));
  ASSERT_EQ(shell.status, 0) << shell.output;
  const std::string text = pdf_text(pdf);
  EXPECT_NE(text.find(code), std::string::npos) << text;
  EXPECT_NE(text.find("展台服务台"), std::string::npos) << text;

  const auto unknown = run_shell(openday_print("--voucher ZZZZ-ZZZZ --db '" + db.string() + "' --pdf '" + pdf.string() + "'"));
  EXPECT_EQ(unknown.status, 10) << unknown.output;
  EXPECT_NE(unknown.output.find("--voucher ZZZZ-ZZZZ"), std::string::npos) << unknown.output;
}

}  // namespace
}  // namespace openday
