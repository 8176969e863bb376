#pragma once
// A read-only memory map of a whole file. Font files are mapped rather than read so that only
// the pages the glyph builder touches count against the kiosk's memory.
#include <cstddef>
#include <filesystem>
#include <string>

namespace openday {

class MappedFile {
 public:
  MappedFile() = default;
  ~MappedFile();
  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&& other) noexcept;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  // A regular file of at most max_bytes (the largest CJK font collections are about 30 MB). On
  // failure (missing, a folder, a device or FIFO, empty, too large) returns an empty map and
  // sets error to "<file>: <reason>".
  static constexpr std::size_t kDefaultMaxBytes = std::size_t{256} << 20;
  static MappedFile open(const std::filesystem::path& file, std::string& error, std::size_t max_bytes = kDefaultMaxBytes);

  const unsigned char* data() const { return data_; }
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

 private:
  void release();
  const unsigned char* data_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace openday
