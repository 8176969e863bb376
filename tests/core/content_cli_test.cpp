// `openday content template|export|import` (issue 11): the command line parsed, and the real
// binary run on the shipped sample: export, import, exit codes, and nothing written on error.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "core/ops/cli.h"
#include "support/temp_dir.h"

namespace openday {
namespace {

using testing::TempDir;

CommandLineParse parse(std::vector<std::string_view> args) { return parse_command_line(args); }

TEST(ContentCommandLine, ParsesTheThreeCommands) {
  auto parsed = parse({"content", "template", "--out", "t.xlsx"});
  ASSERT_TRUE(parsed.command) << parsed.error;
  EXPECT_EQ(parsed.command->kind, CommandKind::ContentTemplate);
  EXPECT_EQ(parsed.command->content.out, "t.xlsx");

  parsed = parse({"content", "export", "--content", "/c", "--out", "/w"});
  ASSERT_TRUE(parsed.command) << parsed.error;
  EXPECT_EQ(parsed.command->kind, CommandKind::ContentExport);
  EXPECT_EQ(parsed.command->content.content_dir, "/c");

  parsed = parse({"content", "import", "a.xlsx", "b.xlsx", "--out", "/o", "--replace", "c.xlsx", "--event", "e.json"});
  ASSERT_TRUE(parsed.command) << parsed.error;
  EXPECT_EQ(parsed.command->kind, CommandKind::ContentImport);
  EXPECT_EQ(parsed.command->content.workbooks, (std::vector<std::filesystem::path>{"a.xlsx", "b.xlsx", "c.xlsx"}));
  EXPECT_TRUE(parsed.command->content.replace);
  EXPECT_EQ(parsed.command->content.event_file, std::filesystem::path("e.json"));
}

TEST(ContentCommandLine, SaysWhatIsMissing) {
  EXPECT_EQ(parse({"content"}).error, "content: expected 'content template', 'content export' or 'content import' (see openday content --help)");
  EXPECT_EQ(parse({"content", "template"}).error, "content template: --out FILE.xlsx is required");
  EXPECT_EQ(parse({"content", "template", "--out", "t.xls"}).error, "content template: --out must end in .xlsx, got 't.xls'");
  EXPECT_EQ(parse({"content", "import", "--out", "/o"}).error, "content import: which workbooks? (openday content import FILE.xlsx... --out DIR)");
  EXPECT_EQ(parse({"content", "import", "a.xlsx"}).error, "content import: --out DIR is required (the content folder to write)");
  EXPECT_EQ(parse({"content", "export", "--out", "/w", "--bogus"}).error,
            "content export: unknown option '--bogus' (see openday content export --help)");
}

struct Finished {
  int exit_code = -1;
  std::string output;
};

Finished run(const std::string& command) {
  Finished result;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (!pipe) return result;
  char buffer[4096];
  while (std::fgets(buffer, sizeof buffer, pipe)) result.output += buffer;
  const int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

TEST(ContentCommand, ExportImportValidateAndExitSevenOnInvalidInput) {
  TempDir dir;
  const std::string openday = OPENDAY_BINARY;
  const std::string sample = std::string(OPENDAY_ASSETS_DIR) + "/content";
  const std::string books = (dir / "books").string(), out = (dir / "content").string();
  Finished done = run(openday + " content template --out '" + (dir / "t.xlsx").string() + "'");
  EXPECT_EQ(done.exit_code, 0) << done.output;
  EXPECT_TRUE(std::filesystem::exists(dir / "t.xlsx"));

  done = run(openday + " content export --content '" + sample + "' --out '" + books + "'");
  ASSERT_EQ(done.exit_code, 0) << done.output;
  EXPECT_NE(done.output.find("民政局.xlsx"), std::string::npos) << done.output;

  // Without an event.json in --out and no --event: a usage error, nothing written.
  done = run(openday + " content import '" + books + "'/*.xlsx --out '" + out + "'");
  EXPECT_EQ(done.exit_code, 2) << done.output;
  EXPECT_FALSE(std::filesystem::exists(dir / "content"));

  done = run(openday + " content import '" + books + "'/*.xlsx --out '" + out + "' --event '" + sample + "/event.json'");
  ASSERT_EQ(done.exit_code, 0) << done.output;
  EXPECT_NE(done.output.find("OK: 26 departments"), std::string::npos) << done.output;
  done = run(openday + " validate --content '" + out + "'");
  EXPECT_EQ(done.exit_code, 0) << done.output;

  // A workbook that is no workbook among them: exit 7, the file named, the old folder kept.
  std::ofstream(dir / "books" / "乱码.xlsx") << "not a workbook";
  const auto before = std::filesystem::last_write_time(dir / "content" / "event.json");
  done = run(openday + " content import '" + books + "'/*.xlsx --out '" + out + "' --replace");
  EXPECT_EQ(done.exit_code, 7) << done.output;
  EXPECT_NE(done.output.find("乱码.xlsx: 不是 .xlsx 文件"), std::string::npos) << done.output;
  EXPECT_NE(done.output.find("nothing was written"), std::string::npos) << done.output;
  EXPECT_EQ(std::filesystem::last_write_time(dir / "content" / "event.json"), before);

  // --replace with valid workbooks keeps the event.json already in --out.
  std::filesystem::remove(dir / "books" / "乱码.xlsx");
  done = run(openday + " content import '" + books + "'/*.xlsx --out '" + out + "' --replace");
  EXPECT_EQ(done.exit_code, 0) << done.output;
}

}  // namespace
}  // namespace openday
