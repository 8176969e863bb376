#include "core/util/bounded_read.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace openday {
namespace {

[[noreturn]] void fail(const std::filesystem::path& file, const std::string& why) { throw FileReadError(file.string() + ": " + why); }

class Descriptor {
 public:
  explicit Descriptor(int fd) : fd_(fd) {}
  ~Descriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

std::string too_large(std::uintmax_t size, std::uintmax_t max_bytes, const std::string& what) {
  return "is " + std::to_string(size) + " bytes, more than the " + std::to_string(max_bytes) + " bytes " + what + " may have";
}

}  // namespace

std::filesystem::file_type file_type_of_mode(unsigned mode) {
  using Type = std::filesystem::file_type;
  if (S_ISREG(mode)) return Type::regular;
  if (S_ISDIR(mode)) return Type::directory;
  if (S_ISFIFO(mode)) return Type::fifo;
  if (S_ISCHR(mode)) return Type::character;
  if (S_ISBLK(mode)) return Type::block;
  if (S_ISSOCK(mode)) return Type::socket;
  if (S_ISLNK(mode)) return Type::symlink;
  return Type::unknown;
}

std::string file_kind_name(std::filesystem::file_type type) {
  using Type = std::filesystem::file_type;
  switch (type) {
    case Type::regular: return "a regular file";
    case Type::directory: return "a folder";
    case Type::fifo: return "a FIFO (named pipe)";
    case Type::character: return "a character device";
    case Type::block: return "a block device";
    case Type::socket: return "a socket";
    case Type::symlink: return "a symbolic link";
    case Type::not_found: return "missing";
    default: return "not a regular file";
  }
}

std::string read_regular_file(const std::filesystem::path& file, std::uintmax_t max_bytes, const std::string& what) {
  // Non-blocking: opening a FIFO for reading would otherwise wait for a writer forever.
  const Descriptor fd(::open(file.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
  if (fd.get() < 0) fail(file, std::string("cannot be opened: ") + std::strerror(errno));
  struct stat info {};
  if (::fstat(fd.get(), &info) != 0) fail(file, std::string("cannot be examined: ") + std::strerror(errno));
  if (!S_ISREG(info.st_mode)) fail(file, "is " + file_kind_name(file_type_of_mode(info.st_mode)) + ", not a regular file");
  const auto size = static_cast<std::uintmax_t>(info.st_size);
  if (size > max_bytes) fail(file, too_large(size, max_bytes, what));
  std::string content;
  content.resize(static_cast<std::size_t>(size));
  std::size_t got = 0;
  // One byte more than the size, to notice a file that grows while it is read.
  char probe = 0;
  while (true) {
    char* into = got < content.size() ? content.data() + got : &probe;
    const std::size_t room = got < content.size() ? content.size() - got : 1;
    const ssize_t n = ::read(fd.get(), into, room);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) fail(file, std::string("cannot be read: ") + std::strerror(errno));
    if (n == 0) break;
    if (got >= content.size()) fail(file, "grew while it was read (is something still writing it?)");
    got += static_cast<std::size_t>(n);
  }
  content.resize(got);
  return content;
}

}  // namespace openday
