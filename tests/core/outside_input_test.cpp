// Every file the program reads from outside (a path staff type, a file on a USB stick) is
// refused at once when it is a folder, a FIFO or a device, or larger than its bound, with an
// error naming it: none hangs on a FIFO with no writer or reads /dev/zero forever (issue 33).
#include <gtest/gtest.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <thread>

#include "core/booth/config.h"
#include "core/content/json_reader.h"
#include "core/content/xlsx_reader.h"
#include "core/util/bounded_read.h"
#include "core/util/mapped_file.h"
#include "core/visits/store.h"
#include "support/temp_dir.h"

namespace openday {
namespace {

using testing::TempDir;

// A FIFO whose reader, if one blocks on it, is released after a few seconds (a writer opens it
// and closes it again), so that a reader that waits fails its expectation instead of hanging.
class Fifo {
 public:
  explicit Fifo(std::filesystem::path path) : path_(std::move(path)) {
    EXPECT_EQ(mkfifo(path_.c_str(), 0600), 0);
    watchdog_ = std::thread([this] {
      for (int i = 0; i < 50 && !done_; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
      if (done_) return;
      const int fd = ::open(path_.c_str(), O_WRONLY | O_NONBLOCK);
      if (fd >= 0) ::close(fd);
    });
  }
  ~Fifo() {
    done_ = true;
    watchdog_.join();
  }
  Fifo(const Fifo&) = delete;
  Fifo& operator=(const Fifo&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
  std::atomic<bool> done_{false};
  std::thread watchdog_;
};

std::string read_error(const std::filesystem::path& file, std::uintmax_t max_bytes) {
  try {
    read_regular_file(file, max_bytes, "this file");
  } catch (const FileReadError& error) {
    return error.what();
  }
  return "(read)";
}

TEST(OutsideInput, BoundedReadTakesARegularFileOrASymlinkToOne) {
  TempDir dir;
  std::ofstream(dir / "a.txt") << "hello";
  std::filesystem::create_symlink(dir / "a.txt", dir / "link");
  EXPECT_EQ(read_regular_file(dir / "a.txt", 5, "this file"), "hello");
  EXPECT_EQ(read_regular_file(dir / "link", 5, "this file"), "hello");
  EXPECT_EQ(read_error(dir / "a.txt", 4), (dir / "a.txt").string() + ": is 5 bytes, more than the 4 bytes this file may have");
  EXPECT_EQ(read_error(dir / "none", 4).rfind((dir / "none").string() + ": cannot be opened: ", 0), 0u);
}

TEST(OutsideInput, BoundedReadRefusesAFifoADeviceAndAFolder) {
  TempDir dir;
  const Fifo fifo(dir / "fifo");
  EXPECT_EQ(read_error(fifo.path(), 1000), fifo.path().string() + ": is a FIFO (named pipe), not a regular file");
  EXPECT_EQ(read_error("/dev/zero", 1000), "/dev/zero: is a character device, not a regular file");
  EXPECT_EQ(read_error(dir.path(), 1000), dir.path().string() + ": is a folder, not a regular file");
}

TEST(OutsideInput, FontMapRefusesAFifoADeviceAndAFolder) {
  TempDir dir;
  const Fifo fifo(dir / "font.ttf");
  for (const std::filesystem::path& file : {fifo.path(), std::filesystem::path("/dev/zero"), dir.path()}) {
    std::string error;
    EXPECT_TRUE(MappedFile::open(file, error).empty()) << file;
    EXPECT_NE(error.find(file.string() + ": is a"), std::string::npos) << error;
    EXPECT_NE(error.find(", not a regular file"), std::string::npos) << error;
  }
  std::ofstream(dir / "big.ttf") << std::string(100, 'x');
  std::string error;
  EXPECT_TRUE(MappedFile::open(dir / "big.ttf", error, 99).empty());
  EXPECT_EQ(error, (dir / "big.ttf").string() + ": is 100 bytes, more than the 99 bytes a mapped file may have");
}

// The readers that bounded themselves already: a regression guard, each naming the file.
TEST(OutsideInput, ConfigContentWorkbookAndDatabaseReadersRefuseNonRegularFiles) {
  TempDir dir;
  const Fifo fifo(dir / "fifo");
  for (const std::filesystem::path& file : {fifo.path(), std::filesystem::path("/dev/zero"), dir.path()}) {
    const ConfigLoadResult config = load_config_file(file);
    ASSERT_FALSE(config.ok()) << file;
    EXPECT_EQ(config.problems.front().file, file);
    JsonProblems problems;
    EXPECT_FALSE(parse_json_file(file, problems).has_value()) << file;
    ASSERT_FALSE(problems.empty());
    EXPECT_EQ(problems.front().file, file);
    EXPECT_FALSE(read_xlsx(file).workbook.has_value()) << file;
    EXPECT_FALSE(is_sqlite_file_or_absent(file)) << file;
  }
}

}  // namespace
}  // namespace openday
