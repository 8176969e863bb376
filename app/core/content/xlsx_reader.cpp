#include "core/content/xlsx_reader.h"

#include <expat.h>
#include <minizip/unzip.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <limits>
#include <map>
#include <memory>
#include <set>
#include <type_traits>

#include "core/util/calendar_date.h"
#include "core/util/utf8.h"

namespace openday {
namespace {

constexpr int kMaxRow = 1'048'576;
constexpr int kMaxColumn = 16'384;

std::uint64_t cell_key(int row, int column) { return (static_cast<std::uint64_t>(row) << 14) + static_cast<std::uint64_t>(column); }

// Thrown inside this file only: read_xlsx turns it into XlsxRead::error (and its sheet and cell).
struct ReadFailure {
  std::string message;
  std::string sheet, cell;
};

[[noreturn]] void fail(std::string message) { throw ReadFailure{std::move(message), "", ""}; }

std::string megabytes(std::uintmax_t bytes) { return std::to_string((bytes + (1u << 20) - 1) >> 20) + " MB"; }

std::string size_in_words(std::uintmax_t bytes) {
  return bytes >= (1u << 20) ? megabytes(bytes) : std::to_string((bytes + 1023) / 1024) + " KB";
}

// A cell's text over Excel's own limit: pasted by mistake (a whole document, a log), and more
// than any field of the content can hold.
[[noreturn]] void fail_long_cell(const std::string& sheet, const std::string& cell, std::size_t bytes, std::size_t max_chars) {
  throw ReadFailure{"单元格文字有 " + size_in_words(bytes) + "，超过一个单元格的上限 " + std::to_string(max_chars) +
                        " 个字（Excel 的上限）；请检查是否误粘贴了整份文件",
                    sheet, cell};
}

// Text of one cell kept while it is read: beyond this it is over max_cell_chars whatever its
// characters (at most 4 bytes each, or 7 for an _xHHHH_ escape), and only its size is counted.
std::size_t kept_bytes_for(std::size_t max_chars) { return max_chars * 7 + 7; }

// ---- the container -------------------------------------------------------------------------

// A zip entry name that could leave the folder it is unpacked into: absolute, a drive, a
// backslash, or a ".." component. No part is ever written to disk here, but such a name is a
// sign of a crafted file, and the clerk should hear so.
bool is_unsafe_entry_name(std::string_view name) {
  if (name.empty() || name.front() == '/' || name.find('\\') != std::string_view::npos) return true;
  if (name.size() >= 2 && name[1] == ':') return true;
  std::size_t start = 0;
  while (start <= name.size()) {
    const std::size_t end = std::min(name.find('/', start), name.size());
    if (name.substr(start, end - start) == "..") return true;
    start = end + 1;
  }
  return false;
}

class ZipArchive {
 public:
  ZipArchive(const std::filesystem::path& file, const XlsxLimits& limits) : limits_(limits) {
    zip_ = unzOpen64(file.c_str());
    if (!zip_) fail("不是有效的 .xlsx 文件（压缩包已损坏或不完整），请在 Excel 或 WPS 中重新另存为 .xlsx");
    try {
      list_entries();
    } catch (...) {
      // A constructor that throws runs no destructor: close the archive (memory, descriptor) here.
      unzClose(zip_);
      zip_ = nullptr;
      throw;
    }
  }
  ~ZipArchive() {
    if (zip_) unzClose(zip_);
  }
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  bool has(const std::string& name) const { return names_.count(name) > 0; }

  // The part, inflated chunk by chunk into `take`; counts every byte against the caps (the sizes
  // the zip declares may lie).
  template <typename Take>
  void read(const std::string& name, Take&& take) {
    if (!has(name)) fail("缺少部件 " + name + "，文件不完整，请重新另存为 .xlsx");
    if (unzLocateFile(zip_, name.c_str(), 1) != UNZ_OK) fail("无法定位部件 " + name + "，压缩包已损坏");
    unz_file_info64 info{};
    if (unzGetCurrentFileInfo64(zip_, &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK) fail("部件 " + name + " 已损坏");
    if (info.flag & 1u) fail("文件已加密（设置了打开密码），请取消密码后另存为 .xlsx");
    if (info.compression_method != 0 && info.compression_method != Z_DEFLATED)
      fail("部件 " + name + " 使用了不支持的压缩方式，请在 Excel 或 WPS 中重新另存为 .xlsx");
    if (info.uncompressed_size > limits_.max_part_bytes) too_large(name);
    if (unzOpenCurrentFile(zip_) != UNZ_OK) fail("无法打开部件 " + name + "，压缩包已损坏");
    std::size_t part_bytes = 0;
    std::array<char, 64 * 1024> buffer{};
    int got = 0;
    while ((got = unzReadCurrentFile(zip_, buffer.data(), static_cast<unsigned>(buffer.size()))) > 0) {
      part_bytes += static_cast<std::size_t>(got);
      total_ += static_cast<std::size_t>(got);
      if (part_bytes > limits_.max_part_bytes) {
        unzCloseCurrentFile(zip_);
        too_large(name);
      }
      if (total_ > limits_.max_total_bytes) {
        unzCloseCurrentFile(zip_);
        fail("解压后总大小超过 " + megabytes(limits_.max_total_bytes) + "（疑似压缩炸弹），已拒绝");
      }
      try {
        take(std::string_view(buffer.data(), static_cast<std::size_t>(got)));
      } catch (...) {
        unzCloseCurrentFile(zip_);
        throw;
      }
    }
    const int closed = unzCloseCurrentFile(zip_);  // checks the CRC
    if (got < 0 || closed != UNZ_OK) fail("部件 " + name + " 解压失败（文件已损坏）");
  }

 private:
  [[noreturn]] void too_large(const std::string& name) {
    fail("部件 " + name + " 解压后超过 " + megabytes(limits_.max_part_bytes) + "（疑似压缩炸弹），已拒绝");
  }

  void list_entries() {
    unz_global_info64 global{};
    if (unzGetGlobalInfo64(zip_, &global) != UNZ_OK) fail("不是有效的 .xlsx 文件（压缩包目录已损坏）");
    if (global.number_entry > limits_.max_entries)
      fail("压缩包内有 " + std::to_string(global.number_entry) + " 个部件，超过上限 " + std::to_string(limits_.max_entries));
    int status = unzGoToFirstFile(zip_);
    while (status == UNZ_OK) {
      std::array<char, 1024> name{};
      unz_file_info64 info{};
      if (unzGetCurrentFileInfo64(zip_, &info, name.data(), static_cast<uLong>(name.size() - 1), nullptr, 0, nullptr, 0) != UNZ_OK)
        fail("不是有效的 .xlsx 文件（压缩包目录已损坏）");
      const std::string entry(name.data(), strnlen(name.data(), name.size()));
      if (info.size_filename >= name.size() - 1) fail("压缩包内有过长的部件名，已拒绝");
      if (is_unsafe_entry_name(entry)) fail("压缩包内的部件名 \"" + entry + "\" 指向文件夹之外（路径穿越），已拒绝");
      // Two parts of one name: a reader would silently take the first, another program the last.
      if (!names_.insert(entry).second) fail("压缩包内有两个同名部件 \"" + entry + "\"，无法确定该用哪一个，已拒绝；请在 Excel 或 WPS 中重新另存为 .xlsx");
      if (names_.size() > limits_.max_entries) fail("压缩包内的部件超过上限 " + std::to_string(limits_.max_entries));
      status = unzGoToNextFile(zip_);
    }
    if (status != UNZ_END_OF_LIST_OF_FILE) fail("不是有效的 .xlsx 文件（压缩包目录已损坏）");
  }

  const XlsxLimits& limits_;
  unzFile zip_ = nullptr;
  std::set<std::string> names_;
  std::size_t total_ = 0;
};

// ---- XML -------------------------------------------------------------------------------------

// The local part of an expat namespaced name ("uri|c" -> "c"), so that prefixed elements
// (x:c) and Strict OOXML's other namespace read the same.
std::string_view local_name(const XML_Char* name) {
  std::string_view n(name);
  const auto bar = n.rfind('|');
  return bar == std::string_view::npos ? n : n.substr(bar + 1);
}

const char* attribute(const XML_Char** attributes, std::string_view wanted) {
  for (int i = 0; attributes[i]; i += 2)
    if (local_name(attributes[i]) == wanted) return attributes[i + 1];
  return nullptr;
}

// A streaming parse of one part. Subclasses see elements by local name and the text between.
class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  virtual void start(std::string_view name, const XML_Char** attributes) = 0;
  virtual void end(std::string_view name) = 0;
  virtual void text(std::string_view) {}
};

// One part parsed as it is inflated: feed() each chunk, then finish().
class XmlStream {
 public:
  XmlStream(std::string part_name, XmlHandler& handler)
      : part_name_(std::move(part_name)), parser_(XML_ParserCreateNS(nullptr, '|'), &XML_ParserFree), state_{parser_.get(), &handler, false, std::nullopt} {
    if (!parser_) fail("内存不足，无法读取 " + part_name_);
    XML_SetUserData(parser_.get(), &state_);
    // An .xlsx part never has a DTD; one is how entity bombs start, so the parse stops at it
    // before any entity is declared, let alone expanded.
    XML_SetStartDoctypeDeclHandler(parser_.get(), [](void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
      auto* s = static_cast<State*>(data);
      s->has_dtd = true;
      XML_StopParser(s->parser, XML_FALSE);
    });
    XML_SetElementHandler(
        parser_.get(),
        [](void* data, const XML_Char* name, const XML_Char** attributes) {
          auto* s = static_cast<State*>(data);
          s->guarded([&] { s->handler->start(local_name(name), attributes); });
        },
        [](void* data, const XML_Char* name) {
          auto* s = static_cast<State*>(data);
          s->guarded([&] { s->handler->end(local_name(name)); });
        });
    XML_SetCharacterDataHandler(parser_.get(), [](void* data, const XML_Char* text, int length) {
      auto* s = static_cast<State*>(data);
      s->guarded([&] { s->handler->text(std::string_view(text, static_cast<std::size_t>(length))); });
    });
  }

  void feed(std::string_view chunk) { parse(chunk.data(), chunk.size(), false); }
  void finish() { parse(nullptr, 0, true); }

 private:
  struct State {
    XML_Parser parser;
    XmlHandler* handler;
    bool has_dtd = false;
    std::optional<ReadFailure> failure;
    template <typename Call>
    void guarded(Call&& call) {
      if (failure) return;
      try {
        call();
      } catch (ReadFailure& f) {
        failure = std::move(f);
        XML_StopParser(parser, XML_FALSE);
      }
    }
  };

  void parse(const char* data, std::size_t size, bool last) {
    const auto status = XML_Parse(parser_.get(), data, static_cast<int>(size), last ? XML_TRUE : XML_FALSE);
    if (state_.failure) throw *state_.failure;
    if (state_.has_dtd) fail(part_name_ + " 含有 DTD（<!DOCTYPE>），正常的表格文件没有，已拒绝（防止实体炸弹）");
    if (status != XML_STATUS_OK)
      fail(part_name_ + " 第 " + std::to_string(XML_GetCurrentLineNumber(parser_.get())) + " 行 XML 有误：" +
           XML_ErrorString(XML_GetErrorCode(parser_.get())));
  }

  std::string part_name_;
  std::unique_ptr<std::remove_pointer_t<XML_Parser>, decltype(&XML_ParserFree)> parser_;
  State state_;
};

void parse_part(ZipArchive& zip, const std::string& part_name, XmlHandler& handler) {
  XmlStream stream(part_name, handler);
  zip.read(part_name, [&](std::string_view chunk) { stream.feed(chunk); });
  stream.finish();
}

// Strings in OOXML escape characters XML cannot hold as _xHHHH_ (Excel writes a carriage
// return as _x000D_); decode them. Carriage returns are dropped: a line break is "\n".
std::string decode_xstring(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '_' && i + 6 < text.size() && text[i + 1] == 'x' && text[i + 6] == '_' &&
        std::all_of(text.begin() + static_cast<std::ptrdiff_t>(i) + 2, text.begin() + static_cast<std::ptrdiff_t>(i) + 6,
                    [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; })) {
      const unsigned code = static_cast<unsigned>(std::stoul(std::string(text.substr(i + 2, 4)), nullptr, 16));
      if (code != '\r') append_utf8(out, static_cast<char32_t>(code));
      i += 6;
      continue;
    }
    if (text[i] != '\r') out.push_back(text[i]);
  }
  return out;
}

// The shared string table. A string over the cell bound is not kept, only its size: the error
// names the cell that uses it.
struct SharedStrings {
  std::vector<std::string> strings;
  std::map<std::size_t, std::size_t> oversized;  // index -> bytes as stored in the part
};

// xl/sharedStrings.xml: <si> holds one <t>, or runs <r><t>; <rPh> (phonetic hints) is not text.
class SharedStringsHandler : public XmlHandler {
 public:
  SharedStringsHandler(SharedStrings& shared, const XlsxLimits& limits) : shared_(shared), limits_(limits) {}
  void start(std::string_view name, const XML_Char**) override {
    if (name == "si") {
      if (shared_.strings.size() >= limits_.max_cells) fail("共享字符串超过上限 " + std::to_string(limits_.max_cells));
      shared_.strings.emplace_back();
      in_si_ = true;
      si_bytes_ = 0;
    } else if (name == "rPh") {
      ++in_phonetic_;
    } else if (name == "t" && in_si_ && in_phonetic_ == 0) {
      in_t_ = true;
    }
  }
  void end(std::string_view name) override {
    if (name == "si") {
      in_si_ = false;
      if (si_bytes_ > kept_bytes_for(limits_.max_cell_chars) || count_code_points(shared_.strings.back()) > limits_.max_cell_chars) {
        shared_.oversized[shared_.strings.size() - 1] = si_bytes_;
        shared_.strings.back() = std::string();
      }
    } else if (name == "rPh") {
      --in_phonetic_;
    } else if (name == "t" && in_t_) {
      if (si_bytes_ <= kept_bytes_for(limits_.max_cell_chars)) shared_.strings.back() += decode_xstring(raw_);
      raw_.clear();
      in_t_ = false;
    }
  }
  void text(std::string_view text) override {
    if (!in_t_) return;
    si_bytes_ += text.size();
    if (si_bytes_ <= kept_bytes_for(limits_.max_cell_chars)) raw_.append(text);
  }

 private:
  SharedStrings& shared_;
  const XlsxLimits& limits_;
  bool in_si_ = false, in_t_ = false;
  int in_phonetic_ = 0;
  std::size_t si_bytes_ = 0;
  std::string raw_;
};

// The built-in number formats that show a date (14-22; 27-36 and 50-58 in Chinese locales).
bool is_builtin_date_format(int id) { return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58); }

// A custom format shows a date when it has a y or d outside quoted text and [colours].
bool is_date_format_code(std::string_view code) {
  bool quoted = false, bracket = false;
  for (char c : code) {
    if (c == '"') quoted = !quoted;
    else if (!quoted && c == '[') bracket = true;
    else if (!quoted && c == ']') bracket = false;
    else if (!quoted && !bracket && (c == 'y' || c == 'Y' || c == 'd' || c == 'D')) return true;
  }
  return false;
}

// xl/styles.xml: which cell formats (the s attribute of a cell) show dates.
class StylesHandler : public XmlHandler {
 public:
  void start(std::string_view name, const XML_Char** attributes) override {
    if (name == "numFmt") {
      const char* id = attribute(attributes, "numFmtId");
      const char* code = attribute(attributes, "formatCode");
      if (id && code && is_date_format_code(code)) custom_dates_.insert(std::atoi(id));
    } else if (name == "cellXfs") {
      in_cell_xfs_ = true;
    } else if (name == "xf" && in_cell_xfs_) {
      const char* id = attribute(attributes, "numFmtId");
      const int format = id ? std::atoi(id) : 0;
      if (date_styles.size() < 65'536) date_styles.push_back(is_builtin_date_format(format) || custom_dates_.count(format) > 0);
    }
  }
  void end(std::string_view name) override {
    if (name == "cellXfs") in_cell_xfs_ = false;
  }
  std::vector<bool> date_styles;

 private:
  std::set<int> custom_dates_;
  bool in_cell_xfs_ = false;
};

// Excel's day serial (1900 date system: day 1 = 1900-01-01, with its phantom 1900-02-29) as
// YYYY-MM-DD. The 1904 system counts from 1904-01-01.
std::string date_of_serial(double serial, bool date1904) {
  const auto days = static_cast<std::int64_t>(std::floor(serial));
  // 1899-12-30 is day -25569 from 1970-01-01; 1904-01-01 is -24107.
  const std::int64_t since_epoch = days + (date1904 ? -24107 : -25569);
  const CalendarDate date = date_of_day_number(since_epoch);
  char out[16];
  std::snprintf(out, sizeof out, "%04d-%02d-%02d", date.year, date.month, date.day);
  return out;
}

std::string shortest_number(double value) {
  char out[32];
  std::snprintf(out, sizeof out, "%.15g", value);
  return out;
}

struct SheetContext {
  const SharedStrings& shared;
  const std::vector<bool>& date_styles;
  bool date1904 = false;
  const XlsxLimits& limits;
  std::size_t& cells_left;
  std::size_t& text_bytes_left;
};

// One worksheet part: <sheetData><row r><c r t s><v/><is><t/></is></c></row>, and <mergeCell ref>.
class SheetHandler : public XmlHandler {
 public:
  SheetHandler(XlsxSheet& sheet, const SheetContext& context) : sheet_(sheet), context_(context) {}

  void start(std::string_view name, const XML_Char** attributes) override {
    if (name == "row") {
      const char* r = attribute(attributes, "r");
      row_ = r ? std::atoi(r) : row_ + 1;
      if (row_ < 1 || row_ > kMaxRow) fail("工作表 " + sheet_.name + " 有无效的行号");
      column_ = 0;
    } else if (name == "c") {
      start_cell(attributes);
    } else if (name == "v" && in_cell_) {
      in_value_ = true;
    } else if (name == "is" && in_cell_) {
      in_inline_ = true;
    } else if (name == "rPh") {
      ++in_phonetic_;
    } else if (name == "t" && in_inline_ && in_phonetic_ == 0) {
      in_value_ = true;
    } else if (name == "mergeCell") {
      if (const char* ref = attribute(attributes, "ref")) merges_.emplace_back(ref);
    }
  }

  void end(std::string_view name) override {
    if (name == "c") finish_cell();
    else if (name == "v" || name == "t") in_value_ = false;
    else if (name == "is") in_inline_ = false;
    else if (name == "rPh") --in_phonetic_;
    else if (name == "worksheet") fill_merges();
  }

  void text(std::string_view text) override {
    if (!in_value_ || in_phonetic_ != 0) return;
    value_bytes_ += text.size();
    if (value_bytes_ <= kept_bytes_for(context_.limits.max_cell_chars)) value_.append(text);
  }

 private:
  void start_cell(const XML_Char** attributes) {
    in_cell_ = true;
    value_.clear();
    value_bytes_ = 0;
    const char* r = attribute(attributes, "r");
    if (r) {
      const auto position = parse_cell_reference(r);
      if (!position) fail("工作表 " + sheet_.name + " 有无效的单元格位置 \"" + std::string(r) + "\"");
      row_ = position->row;
      column_ = position->column;
    } else {
      ++column_;  // a cell without r follows the one before it
      if (row_ < 1) row_ = 1;
      if (column_ > kMaxColumn) fail("工作表 " + sheet_.name + " 的列超出范围");
    }
    const char* t = attribute(attributes, "t");
    type_ = t ? t : "n";
    const char* s = attribute(attributes, "s");
    const long style = s ? std::atol(s) : 0;
    is_date_style_ = style >= 0 && static_cast<std::size_t>(style) < context_.date_styles.size() && context_.date_styles[static_cast<std::size_t>(style)];
  }

  void finish_cell() {
    in_cell_ = false;
    if (value_.empty() && type_ != "inlineStr" && type_ != "str") return;  // a formatted empty cell
    XlsxCell cell;
    const std::string reference = CellPosition{row_, column_}.name();
    const std::string where = sheet_.name + "!" + reference;
    const std::size_t max_chars = context_.limits.max_cell_chars;
    if (value_bytes_ > kept_bytes_for(max_chars)) fail_long_cell(sheet_.name, reference, value_bytes_, max_chars);
    if (type_ == "s") {
      char* end = nullptr;
      const unsigned long index = std::strtoul(value_.c_str(), &end, 10);
      if (end == value_.c_str() || *end || index >= context_.shared.strings.size()) fail(where + " 引用了不存在的共享字符串");
      if (const auto over = context_.shared.oversized.find(index); over != context_.shared.oversized.end())
        fail_long_cell(sheet_.name, reference, over->second, max_chars);
      cell.text = context_.shared.strings[index];
    } else if (type_ == "inlineStr" || type_ == "str") {
      cell.text = decode_xstring(value_);
      if (count_code_points(cell.text) > max_chars) fail_long_cell(sheet_.name, reference, value_bytes_, max_chars);
    } else if (type_ == "b") {
      cell.kind = XlsxCell::Kind::Boolean;
      cell.text = value_ == "1" ? "TRUE" : "FALSE";
    } else if (type_ == "e") {
      cell.kind = XlsxCell::Kind::Error;
      cell.text = value_;
    } else if (type_ == "d") {
      cell.kind = XlsxCell::Kind::Date;
      cell.text = value_.substr(0, 10);
    } else {
      char* end = nullptr;
      const double number = std::strtod(value_.c_str(), &end);
      if (end == value_.c_str() || *end || !std::isfinite(number)) fail(where + " 的数字无效：\"" + value_ + "\"");
      cell.number = number;
      if (is_date_style_ && number >= 1 && number < 2958466) {
        cell.kind = XlsxCell::Kind::Date;
        cell.text = date_of_serial(number, context_.date1904);
      } else {
        cell.kind = XlsxCell::Kind::Number;
        cell.text = shortest_number(number);
      }
    }
    if (cell.kind == XlsxCell::Kind::Text && cell.text.empty()) return;
    put(row_, column_, std::move(cell));
  }

  void put(int row, int column, XlsxCell cell) {
    if (context_.cells_left == 0)
      fail("单元格数量超过上限 " + std::to_string(context_.limits.max_cells) + " 个，文件过大；一个部门的工作簿通常只有几千个单元格");
    --context_.cells_left;
    // One string used by many cells is copied into each: the copies are what is bounded.
    if (cell.text.size() > context_.text_bytes_left)
      fail("单元格文字总量超过上限 " + megabytes(context_.limits.max_text_bytes) + "，文件过大；一个部门的工作簿通常不到 1 MB");
    context_.text_bytes_left -= cell.text.size();
    sheet_.cells[cell_key(row, column)] = std::move(cell);
    sheet_.last_row = std::max(sheet_.last_row, row);
  }

  // Every cell of a merged range reads the range's value (a clerk merges 事项编号 over the
  // rows of one item's materials); huge ranges are left alone.
  void fill_merges() {
    for (const auto& ref : merges_) {
      const auto colon = ref.find(':');
      if (colon == std::string::npos) continue;
      const auto first = parse_cell_reference(std::string_view(ref).substr(0, colon));
      const auto last = parse_cell_reference(std::string_view(ref).substr(colon + 1));
      if (!first || !last || last->row < first->row || last->column < first->column) continue;
      const auto area = static_cast<std::uint64_t>(last->row - first->row + 1) * static_cast<std::uint64_t>(last->column - first->column + 1);
      if (area > 100'000) continue;
      const XlsxCell* top_left = sheet_.cell(first->row, first->column);
      if (!top_left) continue;
      const XlsxCell value = *top_left;
      for (int r = first->row; r <= last->row; ++r)
        for (int c = first->column; c <= last->column; ++c)
          if (!sheet_.cell(r, c)) put(r, c, value);
    }
  }

  XlsxSheet& sheet_;
  const SheetContext& context_;
  int row_ = 0, column_ = 0;
  bool in_cell_ = false, in_value_ = false, in_inline_ = false, is_date_style_ = false;
  int in_phonetic_ = 0;
  std::string type_, value_;
  std::size_t value_bytes_ = 0;  // of the value as stored, also beyond what value_ keeps
  std::vector<std::string> merges_;
};

// xl/workbook.xml: the sheets in tab order, their relationship ids, the date system.
class WorkbookHandler : public XmlHandler {
 public:
  struct SheetEntry {
    std::string name, relationship;
  };
  void start(std::string_view name, const XML_Char** attributes) override {
    if (name == "sheet") {
      const char* sheet_name = attribute(attributes, "name");
      const char* id = attribute(attributes, "id");  // r:id
      if (sheet_name && id) sheets.push_back({sheet_name, id});
    } else if (name == "workbookPr") {
      const char* d = attribute(attributes, "date1904");
      date1904 = d && (std::string_view(d) == "1" || std::string_view(d) == "true");
    }
  }
  void end(std::string_view) override {}
  std::vector<SheetEntry> sheets;
  bool date1904 = false;
};

// A .rels part: relationship id -> (type, target).
class RelationshipsHandler : public XmlHandler {
 public:
  struct Relationship {
    std::string id, type, target;
  };
  void start(std::string_view name, const XML_Char** attributes) override {
    if (name != "Relationship") return;
    const char* id = attribute(attributes, "Id");
    const char* type = attribute(attributes, "Type");
    const char* target = attribute(attributes, "Target");
    if (id && target) relationships.push_back({id, type ? type : "", target});
  }
  void end(std::string_view) override {}
  std::vector<Relationship> relationships;
};

// A relationship's target, relative to the folder of the part that names it, as a zip entry.
std::string resolve_target(const std::string& folder, const std::string& target) {
  std::string path = target.starts_with("/") ? target.substr(1) : folder + target;
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= path.size()) {
    const std::size_t end = std::min(path.find('/', start), path.size());
    const std::string part = path.substr(start, end - start);
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    start = end + 1;
  }
  std::string out;
  for (const auto& part : parts) out += (out.empty() ? "" : "/") + part;
  return out;
}

std::string folder_of(const std::string& part) {
  const auto slash = part.rfind('/');
  return slash == std::string::npos ? std::string() : part.substr(0, slash + 1);
}

std::string rels_of(const std::string& part) {
  const auto slash = part.rfind('/');
  const std::string folder = slash == std::string::npos ? std::string() : part.substr(0, slash + 1);
  const std::string name = slash == std::string::npos ? part : part.substr(slash + 1);
  return folder + "_rels/" + name + ".rels";
}

bool type_is(const std::string& type, std::string_view suffix) { return type.size() >= suffix.size() && type.ends_with(suffix); }

// The first bytes tell an .xlsx (a zip) from an old .xls (an OLE compound file) and the rest.
void check_signature(const std::filesystem::path& file, const XlsxLimits& limits) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(file, ec);
  if (ec) fail("无法读取文件：" + ec.message());
  if (size > limits.max_file_bytes)
    fail("文件有 " + megabytes(size) + "，超过上限 " + megabytes(limits.max_file_bytes) + "；一个部门的工作簿通常不到 1 MB，请检查是否选错了文件");
  std::ifstream in(file, std::ios::binary);
  std::array<unsigned char, 8> head{};
  in.read(reinterpret_cast<char*>(head.data()), head.size());
  const auto got = static_cast<std::size_t>(in.gcount());
  constexpr std::array<unsigned char, 8> ole = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
  if (got == 8 && head == ole) fail("这是旧版 Excel 97-2003 (.xls) 文件，请另存为 .xlsx");
  if (got < 4 || head[0] != 'P' || head[1] != 'K') {
    if (got == 0) fail("文件是空的");
    fail("不是 .xlsx 文件（不是 zip 压缩包）；请在 Excel 或 WPS 中另存为 .xlsx");
  }
}

XlsxWorkbook read_workbook(const std::filesystem::path& file, const XlsxLimits& limits) {
  check_signature(file, limits);
  ZipArchive zip(file, limits);

  std::string workbook_part = "xl/workbook.xml";
  if (zip.has("_rels/.rels")) {
    RelationshipsHandler root;
    parse_part(zip, "_rels/.rels", root);
    for (const auto& r : root.relationships)
      if (type_is(r.type, "/officeDocument")) workbook_part = resolve_target("", r.target);
  }
  if (!zip.has(workbook_part)) fail("不是 Excel 工作簿（缺少 " + workbook_part + "），请另存为 .xlsx");
  WorkbookHandler workbook;
  parse_part(zip, workbook_part, workbook);

  const std::string folder = folder_of(workbook_part);
  RelationshipsHandler relationships;
  if (const std::string rels = rels_of(workbook_part); zip.has(rels)) parse_part(zip, rels, relationships);
  auto target_of_type = [&](std::string_view suffix, const std::string& fallback) {
    for (const auto& r : relationships.relationships)
      if (type_is(r.type, suffix)) return resolve_target(folder, r.target);
    return folder + fallback;
  };

  SharedStrings shared_strings;
  if (const std::string part = target_of_type("/sharedStrings", "sharedStrings.xml"); zip.has(part)) {
    SharedStringsHandler handler(shared_strings, limits);
    parse_part(zip, part, handler);
  }
  StylesHandler styles;
  if (const std::string part = target_of_type("/styles", "styles.xml"); zip.has(part)) parse_part(zip, part, styles);

  XlsxWorkbook out;
  std::size_t cells_left = limits.max_cells;
  std::size_t text_bytes_left = limits.max_text_bytes;
  const SheetContext context{shared_strings, styles.date_styles, workbook.date1904, limits, cells_left, text_bytes_left};
  for (const auto& entry : workbook.sheets) {
    const auto relationship = std::find_if(relationships.relationships.begin(), relationships.relationships.end(),
                                           [&](const auto& r) { return r.id == entry.relationship; });
    if (relationship == relationships.relationships.end()) fail("工作表 " + entry.name + " 缺少对应的部件，文件不完整");
    if (!type_is(relationship->type, "/worksheet")) continue;  // chart sheets and the like hold no cells
    const std::string part = resolve_target(folder, relationship->target);
    XlsxSheet sheet;
    sheet.name = entry.name;
    SheetHandler handler(sheet, context);
    parse_part(zip, part, handler);
    out.sheets.push_back(std::move(sheet));
  }
  if (out.sheets.empty()) fail("工作簿中没有工作表");
  return out;
}

}  // namespace

std::string column_name(int column) {
  std::string out;
  while (column > 0) {
    const int digit = (column - 1) % 26;
    out.insert(out.begin(), static_cast<char>('A' + digit));
    column = (column - 1) / 26;
  }
  return out;
}

std::string CellPosition::name() const { return column_name(column) + std::to_string(row); }

std::optional<CellPosition> parse_cell_reference(std::string_view reference) {
  std::size_t i = 0;
  int column = 0;
  while (i < reference.size() && i < 3 && std::isalpha(static_cast<unsigned char>(reference[i]))) {
    column = column * 26 + (std::toupper(static_cast<unsigned char>(reference[i])) - 'A' + 1);
    ++i;
  }
  if (i == 0 || i == reference.size() || column > kMaxColumn) return std::nullopt;
  int row = 0;
  for (; i < reference.size(); ++i) {
    if (reference[i] < '0' || reference[i] > '9' || row > kMaxRow) return std::nullopt;
    row = row * 10 + (reference[i] - '0');
  }
  if (row < 1 || row > kMaxRow) return std::nullopt;
  return CellPosition{row, column};
}

const XlsxCell* XlsxSheet::cell(int row, int column) const {
  const auto found = cells.find(cell_key(row, column));
  return found == cells.end() ? nullptr : &found->second;
}

std::string_view XlsxSheet::text(int row, int column) const {
  const XlsxCell* c = cell(row, column);
  return c ? std::string_view(c->text) : std::string_view();
}

const XlsxSheet* XlsxWorkbook::sheet(std::string_view name) const {
  for (const auto& s : sheets)
    if (s.name == name) return &s;
  return nullptr;
}

XlsxRead read_xlsx(const std::filesystem::path& file, const XlsxLimits& limits) {
  try {
    return {read_workbook(file, limits), "", "", ""};
  } catch (const ReadFailure& failure) {
    return {std::nullopt, failure.message, failure.sheet, failure.cell};
  } catch (const std::bad_alloc&) {
    return {std::nullopt, "内存不足，文件过大", "", ""};
  } catch (const std::exception& error) {
    return {std::nullopt, std::string("无法读取：") + error.what(), "", ""};
  }
}

}  // namespace openday
