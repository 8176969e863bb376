#pragma once
// `content import --replace` removes the folder it replaces: only what is recognisably an
// OpenDay content folder may go, never a folder of someone's files given as --out by mistake,
// and a file is never turned into a folder.
#include <filesystem>
#include <string>

namespace openday {

// The rule, as the clerk reads it in the error.
inline constexpr const char* kReplaceableContentRule =
    "--replace 只替换不存在的路径、空文件夹，或 OpenDay 内容文件夹（只含 event.json、departments/（其中只有 .json 文件）和可选的 topics.json）";

// "" when --replace may replace out_dir (see the rule above), else why not, naming the first
// entry that does not belong (in Chinese, like the other import problems).
std::string content_folder_replace_problem(const std::filesystem::path& out_dir);

}  // namespace openday
