#pragma once
// Reading a small file that comes from outside the program (a path typed by staff, a file on a
// USB stick): only a regular file, and only up to a size bound, so that a folder, a FIFO or a
// device such as /dev/zero given by mistake is refused at once instead of hanging or filling
// the memory. Errors name the file and say what it is.
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>

namespace openday {

class FileReadError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// "a folder", "a FIFO (named pipe)", "a character device", ... for an error message.
std::string file_kind_name(std::filesystem::file_type type);
// The type in a stat() st_mode.
std::filesystem::file_type file_type_of_mode(unsigned mode);

// The whole file, if it is a regular file (a symlink to one is fine) of at most max_bytes;
// otherwise throws FileReadError "<file>: is a FIFO (named pipe), not a regular file" or
// "<file>: is 1234567 bytes, more than the 65536 bytes <what> may have".
std::string read_regular_file(const std::filesystem::path& file, std::uintmax_t max_bytes, const std::string& what);

}  // namespace openday
