#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <string_view>

#include "core/content/content_fields.h"
#include "core/content/content_folder_guard.h"
#include "core/content/content_workbook.h"
#include "core/content/content_workbook_parser.h"
#include "core/content/xlsx_reader.h"
#include "core/util/atomic_file.h"

namespace openday {
namespace {

using nlohmann::json;

// The cell a validator path came from: the path itself, else its nearest parent mapped.
const CellAt* cell_of(const ParsedWorkbook& parsed, std::string path) {
  while (!path.empty()) {
    if (const auto found = parsed.cells.find(path); found != parsed.cells.end()) return &found->second;
    const auto cut = path.find_last_of(".[");
    if (cut == std::string::npos) break;
    path.resize(cut);
  }
  return nullptr;
}

std::filesystem::path staging_folder(const std::filesystem::path& out_dir) {
  std::string pattern = (out_dir.parent_path() / ("." + out_dir.filename().string() + ".import-XXXXXX")).string();
  if (!mkdtemp(pattern.data())) throw FileWriteError(out_dir.parent_path().string() + ": cannot create a temporary folder: " + std::strerror(errno));
  return pattern;
}

// A file of the content folder: readable by the kiosk's service user (unlike the owner-only
// exports), flushed to the device before the folder is renamed into place.
void write_content_file(const std::filesystem::path& file, std::string_view bytes) {
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) throw FileWriteError(file.string() + ": cannot create it: " + std::strerror(errno));
  if (const int error = write_all(fd, bytes); error != 0) {
    ::close(fd);
    throw FileWriteError(file.string() + ": cannot write it: " + std::strerror(error));
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) throw FileWriteError(file.string() + ": cannot flush it: " + std::strerror(errno));
}

void flush_folder(const std::filesystem::path& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

// event.json and topics.json are small; the validator bounds them again once they are staged.
constexpr std::uintmax_t kMaxSideFileBytes = 4u << 20;

std::string read_bytes(const std::filesystem::path& file) {
  std::error_code ec;
  const std::uintmax_t size = std::filesystem::file_size(file, ec);
  if (ec) throw FileWriteError(file.string() + ": cannot be read: " + ec.message());
  if (size > kMaxSideFileBytes) throw FileWriteError(file.string() + ": is larger than 4 MB");
  std::ifstream in(file, std::ios::binary);
  if (!in) throw FileWriteError(file.string() + ": cannot be read");
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// Moves the staged folder into place; an old folder is renamed aside first and removed after.
void put_in_place(const std::filesystem::path& staged, const std::filesystem::path& out_dir) {
  std::error_code ec;
  std::filesystem::path aside;
  if (std::filesystem::exists(out_dir, ec)) {
    aside = staged;
    aside += ".old";
    std::filesystem::rename(out_dir, aside, ec);
    if (ec) throw FileWriteError(out_dir.string() + ": cannot move the old content aside: " + ec.message());
  }
  std::filesystem::rename(staged, out_dir, ec);
  if (ec) {
    std::error_code ignored;
    if (!aside.empty()) std::filesystem::rename(aside, out_dir, ignored);
    throw FileWriteError(out_dir.string() + ": cannot move the new content into place: " + ec.message());
  }
  flush_folder(out_dir.parent_path().empty() ? std::filesystem::path(".") : out_dir.parent_path());
  if (!aside.empty()) std::filesystem::remove_all(aside, ec);
}

// topics.json's topic names -> ids, for 所属主题 cells that give a name. A malformed file maps
// nothing here; the validator names its problems once it is staged beside the departments.
std::map<std::string, std::string> topic_ids_by_name(const std::string& topics_json) {
  std::map<std::string, std::string> ids;
  JsonProblems ignored;  // named by the validator later
  const std::optional<json> parsed = parse_json_text(topics_json, "topics.json", ignored);
  if (!parsed || !parsed->is_object() || !parsed->contains("topics") || !(*parsed)["topics"].is_array()) return ids;
  for (const json& topic : (*parsed)["topics"])
    if (topic.is_object() && topic.contains("id") && topic["id"].is_string() && topic.contains("name") && topic["name"].is_string())
      ids.emplace(topic["name"].get<std::string>(), topic["id"].get<std::string>());
  return ids;
}

}  // namespace

std::string WorkbookProblem::to_string() const {
  std::string out = workbook;
  if (!sheet.empty()) out += " " + sheet + (cell.empty() ? "" : "!" + cell);
  return out + ": " + message;
}

ContentImportResult import_content_workbooks(const ContentImportRequest& request) {
  ContentImportResult result;
  auto& problems = result.problems;
  auto whole = [&](const std::string& where, std::string message) { problems.push_back({where, "", "", std::move(message)}); };
  if (request.workbooks.empty()) whole("import", "没有给出任何工作簿");
  std::error_code ec;
  if (!request.replace && std::filesystem::exists(request.out_dir, ec))
    whole(request.out_dir.string(), "已存在；要替换整个内容文件夹，请加 --replace");
  if (const auto why = request.replace ? content_folder_replace_problem(request.out_dir) : ""; !why.empty()) whole(request.out_dir.string(), why);
  std::string event_json;
  try {
    event_json = read_bytes(request.event_file);
  } catch (const FileWriteError&) {
    whole(request.event_file.string(), "无法读取活动信息文件 event.json");
  }
  // topics.json travels with event.json: without it, items could not name their topics.
  std::filesystem::path topics_file = request.topics_file;
  if (topics_file.empty() && std::filesystem::exists(request.event_file.parent_path() / "topics.json", ec))
    topics_file = request.event_file.parent_path() / "topics.json";
  std::string topics_json;
  if (!topics_file.empty()) {
    try {
      topics_json = read_bytes(topics_file);
    } catch (const FileWriteError& error) {
      whole(topics_file.string(), std::string("无法读取主题文件 topics.json：") + error.what());
    }
  }
  const auto topic_ids = topic_ids_by_name(topics_json);

  bool structural = false;  // a sheet, column or row of the layout is missing
  std::vector<ParsedWorkbook> parsed;
  std::vector<std::set<std::string>> reported;
  std::map<std::string, std::string> department_ids;  // id -> workbook
  for (const auto& file : request.workbooks) {
    ParsedWorkbook book;
    book.workbook_name = file.filename().string();
    const XlsxRead read = read_xlsx(file);
    if (!read.workbook) {
      problems.push_back({book.workbook_name, read.sheet, read.cell, read.error});
      continue;
    }
    const WorkbookParse parse = parse_workbook(*read.workbook, book, problems, topic_ids);
    if (parse.id_cell && book.department.contains("id")) {
      const std::string id = book.department["id"];
      if (const auto [seen, fresh] = department_ids.emplace(id, book.workbook_name); !fresh)
        problems.push_back({book.workbook_name, parse.id_cell->sheet, parse.id_cell->cell, "部门编号 " + id + " 与 " + seen->second + " 重复"});
    }
    reported.push_back(parse.reported);
    if (parse.id_cell) reported.back().insert(parse.id_cell->sheet + "!" + parse.id_cell->cell);
    structural = structural || parse.structural;
    parsed.push_back(std::move(book));
  }
  // With a workbook unread or its layout broken, the validator has nothing sound to check; with
  // problems in cells only, it still runs below and adds what it finds elsewhere.
  const bool unread = parsed.size() != request.workbooks.size();
  if (parsed.empty() || unread || structural || std::any_of(problems.begin(), problems.end(), [](const WorkbookProblem& p) { return p.sheet.empty(); }))
    return result;

  try {
    if (!request.out_dir.parent_path().empty()) std::filesystem::create_directories(request.out_dir.parent_path());
    const std::filesystem::path staged = staging_folder(std::filesystem::absolute(request.out_dir));
    struct Cleanup {
      std::filesystem::path dir;
      bool keep = false;
      ~Cleanup() {
        std::error_code ignored;
        if (!keep) std::filesystem::remove_all(dir, ignored);
      }
    } cleanup{staged};
    std::filesystem::permissions(staged, std::filesystem::perms::owner_all | std::filesystem::perms::group_read |
                                             std::filesystem::perms::group_exec | std::filesystem::perms::others_read |
                                             std::filesystem::perms::others_exec);
    write_content_file(staged / "event.json", event_json);
    if (!topics_file.empty()) write_content_file(staged / "topics.json", topics_json);
    std::filesystem::create_directories(staged / "departments");
    std::map<std::filesystem::path, std::size_t> file_of_book;
    for (std::size_t i = 0; i < parsed.size(); ++i) {
      const json& d = parsed[i].department;
      std::string id = d.contains("id") && d["id"].is_string() ? d["id"].get<std::string>() : std::string();
      // A missing or unusable id is reported already; the file still goes to the validator.
      if (!is_content_id(id) || file_of_book.count(staged / "departments" / (id + ".json"))) id = "workbook-" + std::to_string(i + 1);
      const auto file = staged / "departments" / (id + ".json");
      file_of_book[file] = i;
      write_content_file(file, d.dump(2, ' ', false, json::error_handler_t::replace) + "\n");
    }
    flush_folder(staged / "departments");
    flush_folder(staged);
    const ContentLoad load = load_content(staged);
    for (const JsonProblem& p : load.problems) {
      const auto book = file_of_book.find(p.file);
      if (book == file_of_book.end()) {
        const auto name = p.file.filename();
        const std::string source = name == "event.json" ? request.event_file.string() : name == "topics.json" ? topics_file.string() : p.file.string();
        problems.push_back({source, "", "", p.to_string()});
        continue;
      }
      const ParsedWorkbook& source = parsed[book->second];
      const CellAt* at = cell_of(source, p.path);
      if (at && !at->cell.empty() && reported[book->second].count(at->sheet + "!" + at->cell)) continue;  // said already, in words
      problems.push_back({source.workbook_name, at ? at->sheet : "", at ? at->cell : "", p.message + (p.path.empty() ? "" : " (" + p.path + ")")});
    }
    if (!problems.empty() || !load.content) return result;
    put_in_place(staged, request.out_dir);
    cleanup.keep = true;
    result.departments = load.content->departments.size();
    result.approval_items = load.content->approval_item_count();
    result.fee_items = load.content->fee_item_count();
  } catch (const std::exception& error) {
    whole(request.out_dir.string(), std::string("写入失败：") + error.what());
  }
  return result;
}

}  // namespace openday
