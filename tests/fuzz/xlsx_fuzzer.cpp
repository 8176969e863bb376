// libFuzzer harness: a department workbook (.xlsx). The input becomes a file in the scratch
// folder; the reader must give cells or one clear error, and a workbook that reads goes on
// through the import (into a content folder in the scratch folder) as `openday content import`
// would take it: problems naming a workbook, or a content folder that loads.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/content/content.h"
#include "core/content/content_workbook.h"
#include "core/content/xlsx_reader.h"
#include "fuzz_support.h"

namespace {

std::filesystem::path workbook_file;
std::filesystem::path event_file;
std::filesystem::path out_dir;

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  const std::filesystem::path shipped = std::filesystem::path(OPENDAY_ASSETS_DIR) / "content";
  workbook_file = openday::fuzz::scratch_dir() / "民政局.xlsx";
  event_file = openday::fuzz::scratch_dir() / "event.json";
  out_dir = openday::fuzz::scratch_dir() / "content";
  openday::fuzz::write_file(event_file, openday::fuzz::read_file(shipped / "event.json"));
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace openday;
  fuzz::write_file(workbook_file, std::string_view(reinterpret_cast<const char*>(data), size));
  fuzz::run_reader([&] {
    const XlsxRead read = read_xlsx(workbook_file);
    fuzz::require(read.workbook.has_value() == read.error.empty(), "a read gave cells and an error, or neither");
    if (!read.workbook) return;
    for (const XlsxSheet& sheet : read.workbook->sheets)
      for (const auto& [key, cell] : sheet.cells) fuzz::require(cell.kind != XlsxCell::Kind::Text || !cell.text.empty(), "an empty text cell");
    ContentImportRequest request{{workbook_file}, out_dir, event_file, true};
    const ContentImportResult result = import_content_workbooks(request);
    for (const WorkbookProblem& problem : result.problems) fuzz::require(!problem.message.empty(), "a problem says nothing");
    if (result.problems.empty()) fuzz::require(load_content(out_dir).content.has_value(), "an import without problems does not load");
  });
  return 0;
}
