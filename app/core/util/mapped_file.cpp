#include "core/util/mapped_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <utility>

#include "core/util/bounded_read.h"

namespace openday {
namespace {

std::string mapping_problem(const struct stat& info, std::size_t max_bytes) {
  if (!S_ISREG(info.st_mode)) return "is " + file_kind_name(file_type_of_mode(info.st_mode)) + ", not a regular file";
  if (info.st_size <= 0) return "is empty";
  return "is " + std::to_string(info.st_size) + " bytes, more than the " + std::to_string(max_bytes) + " bytes a mapped file may have";
}

}  // namespace

MappedFile::~MappedFile() { release(); }

MappedFile::MappedFile(MappedFile&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}

MappedFile& MappedFile::operator=(MappedFile&& other) noexcept {
  if (this != &other) {
    release();
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
  }
  return *this;
}

void MappedFile::release() {
  if (data_) munmap(const_cast<unsigned char*>(data_), size_);
  data_ = nullptr;
  size_ = 0;
}

MappedFile MappedFile::open(const std::filesystem::path& file, std::string& error, std::size_t max_bytes) {
  MappedFile mapped;
  // Non-blocking: opening a FIFO would otherwise wait for a writer forever.
  const int fd = ::open(file.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    error = file.string() + ": cannot open: " + std::strerror(errno);
    return mapped;
  }
  struct stat info {};
  if (fstat(fd, &info) != 0 || !S_ISREG(info.st_mode) || info.st_size <= 0 || static_cast<std::uintmax_t>(info.st_size) > max_bytes) {
    error = file.string() + ": " + mapping_problem(info, max_bytes);
    ::close(fd);
    return mapped;
  }
  void* address = mmap(nullptr, static_cast<std::size_t>(info.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
  const int map_errno = errno;
  ::close(fd);
  if (address == MAP_FAILED) {
    error = file.string() + ": cannot map into memory: " + std::strerror(map_errno);
    return mapped;
  }
  mapped.data_ = static_cast<const unsigned char*>(address);
  mapped.size_ = static_cast<std::size_t>(info.st_size);
  return mapped;
}

}  // namespace openday
