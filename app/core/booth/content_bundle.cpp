#include "core/booth/content_bundle.h"

#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <cstring>
#include <set>

#include "core/booth/hub_subjects.h"
#include "core/content/content.h"
#include "core/content/content_version.h"
#include "core/quiz/quiz_bank.h"
#include "core/util/atomic_file.h"
#include "core/util/bounded_read.h"
#include "core/util/local_clock.h"

namespace openday {
namespace fs = std::filesystem;
namespace {

constexpr std::size_t kSignatureBytes = crypto_sign_BYTES;
constexpr std::size_t kMaxVersionDigits = 64;
constexpr std::size_t kProblemsInReason = 3;

void ensure_sodium() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
}

// ---- Paths inside a bundle.

bool is_quiz_path(std::string_view path) { return path == kBundleQuizFile; }

// "" when path is one a bundle may hold: questions.json, or content/ followed by plain names
// (no "..", ".", empty part, backslash or control character), else what is wrong with it.
std::string path_problem(std::string_view path) {
  if (is_quiz_path(path)) return "";
  const std::string prefix = std::string(kBundleContentFolder) + "/";
  if (path.size() > kMaxBundlePathBytes) return "is longer than " + std::to_string(kMaxBundlePathBytes) + " bytes";
  if (!path.starts_with(prefix)) return "is neither questions.json nor inside content/";
  std::string_view rest = path.substr(prefix.size());
  while (true) {
    const auto slash = rest.find('/');
    const std::string_view part = rest.substr(0, slash);
    if (part.empty() || part == "." || part == "..") return "leaves the content folder or has an empty or '.' part (path traversal)";
    if (std::any_of(part.begin(), part.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f || c == '\\'; }))
      return "holds a control character or backslash";
    if (slash == std::string_view::npos) return "";
    rest = rest.substr(slash + 1);
  }
}

bool is_version(std::string_view text) {
  return !text.empty() && text.size() <= kMaxVersionDigits &&
         std::all_of(text.begin(), text.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

// ---- Packing.

struct Collected {
  std::vector<BundleFile> files;
  std::size_t bytes = 0;
  std::string error;
};

bool add_file(Collected& collected, const fs::path& file, std::string path) {
  if (const std::string problem = path_problem(path); !problem.empty()) {
    collected.error = file.string() + ": cannot go into a bundle: its name " + problem;
    return false;
  }
  if (collected.files.size() >= kMaxBundleFiles) {
    collected.error = "more than " + std::to_string(kMaxBundleFiles) + " files: a bundle holds at most that many";
    return false;
  }
  std::error_code ec;
  if (const auto size = fs::file_size(file, ec); !ec && size > kMaxBundleContentBytes - collected.bytes) {
    collected.error = "the content and the quiz bank hold more than a content bundle's " + std::to_string(kMaxBundleContentBytes / (1024 * 1024)) +
                      " MiB (it travels as one message), reached at " + file.string();
    return false;
  }
  try {
    std::string bytes = read_regular_file(file, kMaxBundleContentBytes - collected.bytes, "the rest of a content bundle");
    collected.bytes += bytes.size();
    collected.files.push_back(BundleFile{std::move(path), std::move(bytes)});
    return true;
  } catch (const std::exception& error) {
    collected.error = std::string(error.what()) + " (a content bundle holds at most " + std::to_string(kMaxBundleContentBytes / (1024 * 1024)) +
                      " MiB of files in all)";
    return false;
  }
}

Collected collect_files(const fs::path& content_dir, const fs::path& quiz_file) {
  Collected collected;
  std::error_code ec;
  if (!fs::is_directory(content_dir, ec)) {
    collected.error = content_dir.string() + ": is not a content folder";
    return collected;
  }
  std::vector<fs::path> found;
  for (auto it = fs::recursive_directory_iterator(content_dir, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const fs::file_status status = it->symlink_status(ec);
    if (ec) break;
    if (fs::is_directory(status)) continue;
    if (!fs::is_regular_file(status)) {
      collected.error = it->path().string() + ": is " + file_kind_name(status.type()) + "; a content bundle carries only regular files";
      return collected;
    }
    found.push_back(it->path());
  }
  if (ec) {
    collected.error = content_dir.string() + ": cannot list it: " + ec.message();
    return collected;
  }
  std::sort(found.begin(), found.end());
  for (const fs::path& file : found)
    if (!add_file(collected, file, std::string(kBundleContentFolder) + "/" + fs::relative(file, content_dir).generic_string())) return collected;
  add_file(collected, quiz_file, std::string(kBundleQuizFile));
  return collected;
}

std::int64_t now_ms() { return wall_clock_ms(); }

// ---- Reading the framing.

class Reader {
 public:
  explicit Reader(std::string_view bytes) : rest_(bytes) {}

  // The next line without its '\n'; nullopt when the bytes end first.
  std::optional<std::string_view> line(std::size_t max_length) {
    const auto end = rest_.substr(0, max_length + 1).find('\n');
    if (end == std::string_view::npos) {
      too_long_ = rest_.size() > max_length;
      return std::nullopt;
    }
    const std::string_view text = rest_.substr(0, end);
    rest_.remove_prefix(end + 1);
    return text;
  }
  std::optional<std::string_view> take(std::size_t size) {
    if (rest_.size() < size) return std::nullopt;
    const std::string_view bytes = rest_.substr(0, size);
    rest_.remove_prefix(size);
    return bytes;
  }
  bool too_long() const { return too_long_; }
  std::string_view rest() const { return rest_; }

 private:
  std::string_view rest_;
  bool too_long_ = false;
};

constexpr const char* kTruncated = "is truncated (it ends in the middle; the transfer was cut short)";

BundlePack pack_error(std::string error) {
  BundlePack pack;
  pack.error = std::move(error);
  return pack;
}

BundleOpen refuse(std::string reason) { return BundleOpen{std::nullopt, "the content bundle " + reason}; }

std::optional<std::uint64_t> number(std::string_view text) {
  std::uint64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

// One "KEY VALUE" header line; the refusal in reason when it is not there.
std::optional<std::string_view> header_field(Reader& reader, std::string_view key, std::string& reason) {
  const auto line = reader.line(kMaxBundlePathBytes + 32);
  if (!line) {
    reason = reader.too_long() ? "has a damaged header (a line without its end)" : kTruncated;
    return std::nullopt;
  }
  const std::string prefix = std::string(key) + " ";
  if (!line->starts_with(prefix)) {
    reason = "has a damaged header: expected the line '" + std::string(key) + " ...'";
    return std::nullopt;
  }
  return line->substr(prefix.size());
}

struct Framed {
  ContentBundle bundle;
  std::size_t signed_bytes = 0;
  std::string_view signature;
  std::string reason;  // set when the framing is wrong
};

bool read_header(Reader& reader, Framed& framed, std::uint64_t& file_count) {
  BundleHeader& header = framed.bundle.header;
  const auto booth = header_field(reader, "booth", framed.reason);
  if (!booth) return false;
  header.booth = std::string(*booth);
  const auto created = header_field(reader, "created", framed.reason);
  if (!created) return false;
  const auto created_ms = number(*created);
  const auto version = created_ms ? header_field(reader, "version", framed.reason) : std::nullopt;
  if (!created_ms || !version || !is_version(*version)) {
    if (framed.reason.empty()) framed.reason = "has a damaged header (its creation time or content version is not readable)";
    return false;
  }
  header.created_ms = static_cast<std::int64_t>(*created_ms & 0x7fffffffffffffffULL);
  header.version = std::string(*version);
  const auto files = header_field(reader, "files", framed.reason);
  if (!files) return false;
  const auto count = number(*files);
  if (!count) {
    framed.reason = "has a damaged header (its file count is not a number)";
    return false;
  }
  if (*count > kMaxBundleFiles) {
    framed.reason = "is too large: it holds " + std::string(*files) + " files, more than the " + std::to_string(kMaxBundleFiles) + " a bundle may";
    return false;
  }
  file_count = *count;
  return true;
}

bool read_files(Reader& reader, Framed& framed, std::uint64_t file_count) {
  std::uint64_t total = 0;
  for (std::uint64_t i = 0; i < file_count; ++i) {
    const auto line = reader.line(kMaxBundlePathBytes + 32);
    if (!line) {
      framed.reason = reader.too_long() ? "has a damaged file entry (a line without its end)" : kTruncated;
      return false;
    }
    if (!line->starts_with("file ")) {
      framed.reason = "has a damaged file entry: expected 'file SIZE PATH'";
      return false;
    }
    const std::string_view rest = line->substr(5);
    const auto space = rest.find(' ');
    const auto size = space == std::string_view::npos ? std::nullopt : number(rest.substr(0, space));
    if (!size) {
      framed.reason = "has a damaged file entry: expected 'file SIZE PATH'";
      return false;
    }
    total += std::min<std::uint64_t>(*size, kMaxBundleContentBytes + 1);
    if (total > kMaxBundleContentBytes) {
      framed.reason = "is too large: its files hold more than " + std::to_string(kMaxBundleContentBytes) + " bytes";
      return false;
    }
    const auto bytes = reader.take(static_cast<std::size_t>(*size));
    if (!bytes) {
      framed.reason = kTruncated;
      return false;
    }
    framed.bundle.files.push_back(BundleFile{std::string(rest.substr(space + 1)), std::string(*bytes)});
  }
  return true;
}

Framed read_framing(std::string_view bytes) {
  Framed framed;
  Reader reader(bytes);
  const std::string magic = std::string(kBundleMagic) + "\n";
  if (!bytes.starts_with(magic)) {
    framed.reason = magic.starts_with(bytes) ? kTruncated : "is not an OpenDay content bundle (it does not start with \"OPENDAY-BUNDLE 1\")";
    return framed;
  }
  reader.take(magic.size());
  std::uint64_t file_count = 0;
  if (!read_header(reader, framed, file_count) || !read_files(reader, framed, file_count)) return framed;
  const auto end = reader.line(3);
  if (!end || *end != "end") {
    framed.reason = end || reader.too_long() ? "has a damaged end (more files than its header counts?)" : kTruncated;
    return framed;
  }
  framed.signed_bytes = bytes.size() - reader.rest().size();
  const std::string_view signature = reader.rest();
  if (signature.empty()) framed.reason = "is not signed (it has no signature after its files)";
  else if (signature.size() < kSignatureBytes) framed.reason = "is truncated (its signature is cut short)";
  else if (signature.size() > kSignatureBytes) framed.reason = "has " + std::to_string(signature.size() - kSignatureBytes) + " bytes after its signature";
  framed.signature = signature;
  return framed;
}

std::string check_paths(const std::vector<BundleFile>& files) {
  std::set<std::string_view> seen;
  bool quiz = false;
  for (const BundleFile& file : files) {
    if (const std::string problem = path_problem(file.path); !problem.empty()) return "holds the file \"" + file.path + "\", which " + problem;
    if (!seen.insert(file.path).second) return "holds the file \"" + file.path + "\" twice";
    quiz = quiz || is_quiz_path(file.path);
  }
  if (!quiz) return "holds no quiz bank (questions.json)";
  return "";
}

// ---- Unpacking.

// "" when target may be replaced: absent, an empty folder, or an earlier unpacked bundle.
std::string target_problem(const fs::path& target) {
  std::error_code ec;
  const fs::file_status status = fs::symlink_status(target, ec);
  if (!fs::exists(status)) return "";
  if (fs::is_symlink(status)) return target.string() + ": is a symbolic link; a bundle is unpacked only into a real folder";
  if (!fs::is_directory(status)) return target.string() + ": is " + file_kind_name(status.type()) + ", not a folder to unpack a bundle into";
  for (const auto& entry : fs::directory_iterator(target, ec)) {
    const std::string name = entry.path().filename().string();
    const fs::file_status kind = entry.symlink_status(ec);
    const bool ours = (name == kBundleContentFolder && fs::is_directory(kind)) || (name == kBundleQuizFile && fs::is_regular_file(kind));
    if (!ours)
      return target.string() + ": holds \"" + name + "\", so it is not an unpacked content bundle (content/ and questions.json only); " +
             "give a new or empty folder";
  }
  if (ec) return target.string() + ": cannot list it: " + ec.message();
  return "";
}

// A fresh folder beside target, removed again unless release()d.
class IncomingFolder {
 public:
  explicit IncomingFolder(const fs::path& target) {
    std::string pattern = target.string() + ".incoming-XXXXXX";
    if (::mkdtemp(pattern.data())) dir_ = pattern;
    else error_ = "cannot create a folder beside " + target.string() + ": " + std::strerror(errno);
  }
  ~IncomingFolder() {
    std::error_code ignored;
    if (!dir_.empty()) fs::remove_all(dir_, ignored);
  }
  IncomingFolder(const IncomingFolder&) = delete;
  IncomingFolder& operator=(const IncomingFolder&) = delete;
  const fs::path& dir() const { return dir_; }
  const std::string& error() const { return error_; }
  void release() { dir_.clear(); }

 private:
  fs::path dir_;
  std::string error_;
};

std::string write_new_file(const fs::path& file, std::string_view bytes) {
  std::error_code ec;
  fs::create_directories(file.parent_path(), ec);
  if (ec) return file.parent_path().string() + ": cannot create the folder: " + ec.message();
  // O_EXCL | O_NOFOLLOW: the folder is new and ours, so anything already there is a bundle that
  // names a file twice or a file inside a file.
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
  if (fd < 0) return file.string() + ": cannot create it: " + std::strerror(errno);
  const int error = write_all(fd, bytes);
  const int synced = error == 0 ? ::fsync(fd) : 0;
  ::close(fd);
  if (error != 0 || synced != 0) return file.string() + ": cannot write it: " + std::strerror(error != 0 ? error : errno);
  return "";
}

// Puts incoming in target's place: swapped atomically when target exists, so that a kiosk that
// stops halfway finds either the old bundle or the new one. The old one ends up in incoming.
std::string move_into_place(const fs::path& incoming, const fs::path& target) {
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(target, ec))) {
    if (::rename(incoming.c_str(), target.c_str()) != 0) return "cannot move the unpacked bundle to " + target.string() + ": " + std::strerror(errno);
    return "";
  }
  if (::renameat2(AT_FDCWD, incoming.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) != 0)
    return "cannot swap the unpacked bundle into " + target.string() + ": " + std::strerror(errno);
  return "";
}

}  // namespace

std::string sign_content_bundle(const ContentBundle& bundle, const ContentKey& signing_seed) {
  ensure_sodium();
  std::string bytes = std::string(kBundleMagic) + "\n";
  bytes += "booth " + bundle.header.booth + "\n";
  bytes += "created " + std::to_string(bundle.header.created_ms) + "\n";
  bytes += "version " + bundle.header.version + "\n";
  bytes += "files " + std::to_string(bundle.files.size()) + "\n";
  for (const BundleFile& file : bundle.files) {
    bytes += "file " + std::to_string(file.bytes.size()) + " " + file.path + "\n";
    bytes += file.bytes;
  }
  bytes += "end\n";
  std::array<unsigned char, crypto_sign_PUBLICKEYBYTES> public_key{};
  std::array<unsigned char, crypto_sign_SECRETKEYBYTES> secret{};
  crypto_sign_seed_keypair(public_key.data(), secret.data(), signing_seed.data());
  std::array<unsigned char, kSignatureBytes> signature{};
  crypto_sign_detached(signature.data(), nullptr, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), secret.data());
  sodium_memzero(secret.data(), secret.size());
  bytes.append(reinterpret_cast<const char*>(signature.data()), signature.size());
  return bytes;
}

BundlePack pack_content_bundle(const fs::path& content_dir, const fs::path& quiz_file, std::string_view booth, const ContentKey& signing_seed) {
  if (!hub::is_valid_device_id(booth)) return pack_error("the booth id \"" + std::string(booth) + "\" is not a valid id");
  Collected collected = collect_files(content_dir, quiz_file);
  if (!collected.error.empty()) return pack_error(collected.error);
  ContentBundle bundle;
  bundle.header.booth = std::string(booth);
  bundle.header.created_ms = now_ms();
  bundle.header.version = content_version(content_dir, quiz_file);
  if (!is_version(bundle.header.version))
    return pack_error("cannot compute the content version of " + content_dir.string() + " and " + quiz_file.string());
  bundle.files = std::move(collected.files);
  return BundlePack{sign_content_bundle(bundle, signing_seed), "", bundle.header.version, bundle.files.size()};
}

BundleOpen open_content_bundle(std::string_view bytes, const ContentKey& trusted_key, std::string_view booth) {
  if (bytes.size() > kMaxBundleBytes)
    return refuse("is too large: " + std::to_string(bytes.size()) + " bytes, more than the " + std::to_string(kMaxBundleBytes) + " a bundle may have");
  Framed framed = read_framing(bytes);
  if (!framed.reason.empty()) return refuse(framed.reason);
  ensure_sodium();
  if (crypto_sign_verify_detached(reinterpret_cast<const unsigned char*>(framed.signature.data()),
                                  reinterpret_cast<const unsigned char*>(bytes.data()), framed.signed_bytes, trusted_key.data()) != 0)
    return refuse("is signed by another key than this booth's content key (signed by another booth's desk, or altered after signing)");
  if (framed.bundle.header.booth != booth)
    return refuse("is for booth \"" + framed.bundle.header.booth + "\", and this device belongs to booth \"" + std::string(booth) + "\"");
  if (const std::string problem = check_paths(framed.bundle.files); !problem.empty()) return refuse(problem);
  return BundleOpen{std::move(framed.bundle), ""};
}

std::string content_problems(const fs::path& content_dir, const fs::path& quiz_file, int questions_per_round, const fs::path& shown_from) {
  const ContentLoad content = load_content(content_dir);
  const QuizBankLoad quiz = load_quiz_bank(quiz_file, questions_per_round, content.content ? &*content.content : nullptr);
  JsonProblems problems = content.problems;
  problems.insert(problems.end(), quiz.problems.begin(), quiz.problems.end());
  if (problems.empty()) return "";
  std::string text;
  for (std::size_t i = 0; i < problems.size() && i < kProblemsInReason; ++i) {
    JsonProblem problem = problems[i];
    if (!shown_from.empty()) problem.file = problem.file.lexically_relative(shown_from);
    text += (i == 0 ? "" : "; ") + problem.to_string();
  }
  if (problems.size() > kProblemsInReason) text += " (and " + std::to_string(problems.size() - kProblemsInReason) + " more problems)";
  return text;
}

BundleUnpack unpack_content_bundle(const ContentBundle& opened, const fs::path& target_dir, int questions_per_round) {
  std::error_code ec;
  const fs::path target = fs::absolute(target_dir, ec).lexically_normal();
  if (ec || !target.has_filename()) return BundleUnpack{{}, {}, target_dir.string() + ": is not a folder a bundle can be unpacked into"};
  if (std::string problem = target_problem(target); !problem.empty()) return BundleUnpack{{}, {}, problem};
  fs::create_directories(target.parent_path(), ec);
  if (ec) return BundleUnpack{{}, {}, target.parent_path().string() + ": cannot create the folder: " + ec.message()};
  IncomingFolder incoming(target);
  if (incoming.dir().empty()) return BundleUnpack{{}, {}, incoming.error()};
  // Validated paths only, whatever the caller passes: a file outside the incoming folder is never written.
  if (std::string problem = check_paths(opened.files); !problem.empty()) return BundleUnpack{{}, {}, "the content bundle " + problem};
  fs::create_directories(incoming.dir() / kBundleContentFolder, ec);
  for (const BundleFile& file : opened.files)
    if (std::string error = write_new_file(incoming.dir() / file.path, file.bytes); !error.empty()) return BundleUnpack{{}, {}, error};
  const fs::path content_dir = incoming.dir() / kBundleContentFolder;
  const fs::path quiz_file = incoming.dir() / kBundleQuizFile;
  if (std::string problems = content_problems(content_dir, quiz_file, questions_per_round, incoming.dir()); !problems.empty())
    return BundleUnpack{{}, {}, "the content bundle does not pass validation: " + problems};
  if (content_version(content_dir, quiz_file) != opened.header.version)
    return BundleUnpack{{}, {}, "the content bundle's files do not match its content version " + opened.header.version};
  if (std::string error = move_into_place(incoming.dir(), target); !error.empty()) return BundleUnpack{{}, {}, error};
  if (!fs::exists(fs::symlink_status(incoming.dir(), ec))) incoming.release();  // a first unpack: nothing old to remove
  return BundleUnpack{target / kBundleContentFolder, target / kBundleQuizFile, ""};
}

}  // namespace openday
