#pragma once
// Files that appear whole or not at all: written to a temporary name in the same folder,
// flushed to the device, renamed over the final name, and the folder flushed too. A full disk
// or a pulled USB stick leaves no half file under the final name, and the error says which
// file and why.
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

namespace openday {

class FileWriteError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Refuses (FileWriteError naming the path and what it is) unless file is absent or a regular
// file: a symbolic link, a folder, a FIFO or a device at the path is never replaced by the
// rename below, nor followed.
void require_regular_or_absent(const std::filesystem::path& file);

// Replaces file (absent or a regular file, see above) with content.
void write_file_atomically(const std::filesystem::path& file, std::string_view content);

// Writes all of bytes to an open file, through short writes and interrupted calls: 0 when all
// were written, else the errno that stopped it (EIO for a write that wrote nothing).
int write_all(int fd, std::string_view bytes);

// For writers that make their own file (libxlsxwriter): a temporary name in the same folder,
// then commit() flushes and renames it. Unless committed, the temporary file is removed. Both
// the constructor and commit() refuse a final path that is not absent or a regular file.
class AtomicFileSlot {
 public:
  explicit AtomicFileSlot(std::filesystem::path final_path);
  ~AtomicFileSlot();
  AtomicFileSlot(const AtomicFileSlot&) = delete;
  AtomicFileSlot& operator=(const AtomicFileSlot&) = delete;
  const std::filesystem::path& temporary() const { return temporary_; }
  void commit();

 private:
  std::filesystem::path final_;
  std::filesystem::path temporary_;
  bool committed_ = false;
};

}  // namespace openday
