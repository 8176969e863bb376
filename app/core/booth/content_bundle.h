#pragma once
// Content from the desk (issue 32): a content folder and its quiz bank as one signed byte string
// that travels as a single hub message. The desk packs and signs it with the booth's
// content-signing seed; a kiosk opens it only when the booth's content key verifies it, unpacks
// it beside its content and takes it only when the same validator as `openday validate` passes.
//
// The bytes: "OPENDAY-BUNDLE 1\n", then the lines "booth ID", "created MS", "version HEX",
// "files N", then per file "file SIZE PATH\n" and its SIZE bytes, then "end\n", then the 64-byte
// Ed25519 detached signature over everything before it. PATH is "questions.json" (the quiz bank)
// or "content/..." (a file of the content folder).
#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace openday {

inline constexpr std::string_view kBundleMagic = "OPENDAY-BUNDLE 1";
// The files' bytes together: below the hub's max_payload of 8 MiB with room for the framing.
inline constexpr std::size_t kMaxBundleContentBytes = 7 * 1024 * 1024;
inline constexpr std::size_t kMaxBundleBytes = 8 * 1024 * 1024;
inline constexpr std::size_t kMaxBundleFiles = 4096;
inline constexpr std::size_t kMaxBundlePathBytes = 512;
inline constexpr std::string_view kBundleContentFolder = "content";
inline constexpr std::string_view kBundleQuizFile = "questions.json";

using ContentKey = std::array<unsigned char, 32>;  // an Ed25519 public key or seed

struct BundleFile {
  std::string path;   // "questions.json" or "content/<relative path>", '/' separated
  std::string bytes;
};

struct BundleHeader {
  std::string booth;
  std::int64_t created_ms = 0;  // Unix time in milliseconds, when the desk packed it
  std::string version;          // content_version() of the files: hex digits
};

struct ContentBundle {
  BundleHeader header;
  std::vector<BundleFile> files;  // the header's file count is files.size()
};

struct BundlePack {
  std::string bytes;  // the signed bundle; empty on error
  std::string error;  // names the file or the bound that refused it
  std::string version;
  std::size_t file_count = 0;
};

// Packs every regular file of content_dir (a symbolic link or other special file is refused) and
// the quiz bank, stamps the booth, the time and content_version(content_dir, quiz_file), signs.
BundlePack pack_content_bundle(const std::filesystem::path& content_dir, const std::filesystem::path& quiz_file, std::string_view booth,
                               const ContentKey& signing_seed);

// Frames and signs the files exactly as given, without checking them: pack_content_bundle's last
// step, and how tests forge bundles that the desk would never pack.
std::string sign_content_bundle(const ContentBundle& bundle, const ContentKey& signing_seed);

struct BundleOpen {
  std::optional<ContentBundle> bundle;
  std::string refusal;  // why it was refused, for the board and the operator: "is signed by another key ..."
};

// Checks the framing and bounds, the signature against trusted_key, the booth, and every path.
BundleOpen open_content_bundle(std::string_view bytes, const ContentKey& trusted_key, std::string_view booth);

// The validator of `openday validate` (load_content, then load_quiz_bank): "" when both load,
// else the first problems, joined, with how many more there are; their files relative to
// shown_from when given (a staging folder's name means nothing to whoever reads the reason).
std::string content_problems(const std::filesystem::path& content_dir, const std::filesystem::path& quiz_file, int questions_per_round,
                             const std::filesystem::path& shown_from = {});

struct BundleUnpack {
  std::filesystem::path content_dir;  // <target_dir>/content
  std::filesystem::path quiz_file;    // <target_dir>/questions.json
  std::string error;                  // the refusal; the old target_dir then stays as it was
  bool ok() const { return error.empty(); }
};

// Writes the bundle into a fresh <target_dir>.incoming-XXXXXX beside target_dir, validates it
// with content_problems and checks its content version against the header; only then swaps it
// into target_dir. target_dir is absent, empty or an earlier unpacked bundle (holding only
// content/ and questions.json); a symbolic link or any other folder is refused untouched.
BundleUnpack unpack_content_bundle(const ContentBundle& opened, const std::filesystem::path& target_dir, int questions_per_round);

}  // namespace openday
