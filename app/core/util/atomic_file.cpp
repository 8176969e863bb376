#include "core/util/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <random>

#include "core/util/bounded_read.h"

namespace openday {
namespace {

[[noreturn]] void fail(const std::filesystem::path& file, std::string_view doing, int error) {
  std::string why = std::strerror(error);
  if (error == ENOSPC || error == EFBIG || error == EDQUOT) why += " (the disk or USB stick is full)";
  if (error == EIO || error == ENODEV || error == ENXIO || error == ENOENT) why += " (was the USB stick removed?)";
  throw FileWriteError(file.string() + ": " + std::string(doing) + ": " + why);
}

constexpr mode_t kOwnerOnly = 0600;

std::filesystem::path temporary_name(const std::filesystem::path& file) {
  static thread_local std::mt19937_64 random(std::random_device{}());
  return file.parent_path() / ("." + file.filename().string() + ".tmp-" + std::to_string(random() % 1000000000));
}

void fsync_path(const std::filesystem::path& path, int flags, const std::filesystem::path& named) {
  const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) fail(named, "reopening to flush it", errno);
  const int rc = ::fsync(fd);
  const int error = errno;
  ::close(fd);
  if (rc != 0) fail(named, "flushing it to the device", error);
}

void rename_and_flush(const std::filesystem::path& from, const std::filesystem::path& to) {
  if (::rename(from.c_str(), to.c_str()) != 0) fail(to, "giving it its final name", errno);
  fsync_path(to.parent_path().empty() ? std::filesystem::path(".") : to.parent_path(), O_RDONLY | O_DIRECTORY, to);
}

}  // namespace

void require_regular_or_absent(const std::filesystem::path& file) {
  struct stat info {};
  if (::lstat(file.c_str(), &info) != 0) {
    if (errno == ENOENT) return;
    fail(file, "examining what is there", errno);
  }
  if (S_ISREG(info.st_mode)) return;
  throw FileWriteError(file.string() + ": is " + file_kind_name(file_type_of_mode(info.st_mode)) +
                       "; only a regular file is replaced (remove it first, or give another name)");
}

int write_all(int fd, std::string_view bytes) {
  std::size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return n < 0 ? errno : EIO;
    written += static_cast<std::size_t>(n);
  }
  return 0;
}

void write_file_atomically(const std::filesystem::path& file, std::string_view content) {
  require_regular_or_absent(file);
  const auto temporary = temporary_name(file);
  // Owner only: exports hold unredeemed voucher codes. (On a FAT stick there are no
  // permissions; whoever holds the stick can read it.)
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, kOwnerOnly);
  if (fd < 0) fail(file, "creating it", errno);
  if (const int error = write_all(fd, content); error != 0) {
    ::close(fd);
    ::unlink(temporary.c_str());
    fail(file, "writing it", error);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    const int error = errno;
    ::unlink(temporary.c_str());
    fail(file, "flushing it to the device", error);
  }
  try {
    require_regular_or_absent(file);  // again: something may have appeared there meanwhile
    rename_and_flush(temporary, file);
  } catch (...) {
    ::unlink(temporary.c_str());
    throw;
  }
}

AtomicFileSlot::AtomicFileSlot(std::filesystem::path final_path) : final_(std::move(final_path)), temporary_(temporary_name(final_)) {
  require_regular_or_absent(final_);
}

AtomicFileSlot::~AtomicFileSlot() {
  if (!committed_) ::unlink(temporary_.c_str());
}

void AtomicFileSlot::commit() {
  // The library that wrote the file created it with the default mode; narrow it like the rest.
  // A file system without permissions refuses, which is fine.
  ::chmod(temporary_.c_str(), kOwnerOnly);
  fsync_path(temporary_, O_RDONLY, final_);
  require_regular_or_absent(final_);
  rename_and_flush(temporary_, final_);
  committed_ = true;
}

}  // namespace openday
