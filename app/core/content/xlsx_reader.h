#pragma once
// Reading the cells of an .xlsx workbook (a zip of XML parts), as Excel, WPS and LibreOffice
// write them: shared and inline strings, numbers, booleans and dates; formatting is ignored.
// The file comes from outside (a USB stick, a clerk's mail), so everything is capped: the file's
// size, the number of zip entries, the uncompressed size of each part and of all parts together,
// the number of cells. A DTD stops the XML parser (no entity is ever expanded), a zip entry named
// like a path out of the folder is refused, and an old .xls says so. Never throws.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace openday {

// Parts are inflated and parsed in chunks, never whole, so the memory a workbook takes is its
// cells: at most max_cells of them and max_text_bytes of text (about 60 MB at the bounds).
struct XlsxLimits {
  std::uintmax_t max_file_bytes = 50u << 20;   // a department's workbook is tens of kB
  std::size_t max_entries = 10'000;            // parts in the zip
  std::size_t max_part_bytes = 64u << 20;      // one part, uncompressed
  std::size_t max_total_bytes = 256u << 20;    // every part read, uncompressed
  std::size_t max_cells = 200'000;             // in all sheets together (a department fills in a few thousand)
  std::size_t max_cell_chars = 32'767;         // one cell's text: Excel's own limit
  std::size_t max_text_bytes = 32u << 20;      // the text of every cell together
  std::size_t max_merged_fill = 100'000;       // cells a merged range may cover to be filled in
};

struct XlsxCell {
  enum class Kind { Text, Number, Boolean, Date, Error };
  Kind kind = Kind::Text;
  // Text: the string, as stored (line breaks kept). Number: the shortest form ("10", "0.5").
  // Boolean: "TRUE" or "FALSE". Date: YYYY-MM-DD. Error: the error code ("#N/A").
  std::string text;
  double number = 0;  // Number and Date (the serial day number)
};

// A cell's place: row and column from 1 ("F7" = row 7, column 6).
struct CellPosition {
  int row = 0;
  int column = 0;
  std::string name() const;  // "F7"
};
std::optional<CellPosition> parse_cell_reference(std::string_view reference);
std::string column_name(int column);  // 1 -> "A", 27 -> "AA"

struct XlsxSheet {
  std::string name;
  // Row-major: the key is row * 2^14 + column, so iteration goes row by row, left to right.
  std::map<std::uint64_t, XlsxCell> cells;
  int last_row = 0;

  const XlsxCell* cell(int row, int column) const;
  // The text of a cell, "" when empty. A merged range's cells all read its top-left value.
  std::string_view text(int row, int column) const;
};

struct XlsxWorkbook {
  std::vector<XlsxSheet> sheets;  // in the workbook's tab order
  const XlsxSheet* sheet(std::string_view name) const;
};

struct XlsxRead {
  std::optional<XlsxWorkbook> workbook;  // set only when error is empty
  std::string error;                     // in Chinese, for the clerk: what is wrong and what to do
  // Where, when the error is about one cell (a text over max_cell_chars); error does not repeat it.
  std::string sheet;
  std::string cell;  // "F7"
};

XlsxRead read_xlsx(const std::filesystem::path& file, const XlsxLimits& limits = {});

}  // namespace openday
