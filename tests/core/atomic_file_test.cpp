// The atomic writer never replaces what it was not given (issue 33): a symbolic link, a folder,
// a FIFO or a device at the final path is refused with an error naming the path and what it is,
// and left as it was; the file a symlink points to is not touched.
#include "core/util/atomic_file.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <iterator>

#include "support/temp_dir.h"

namespace openday {
namespace {

using testing::TempDir;

std::string read_all(const std::filesystem::path& file) {
  std::ifstream in(file);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string write_error(const std::filesystem::path& file) {
  try {
    write_file_atomically(file, "new");
  } catch (const FileWriteError& error) {
    return error.what();
  }
  return "(written)";
}

std::string slot_error(const std::filesystem::path& file) {
  try {
    AtomicFileSlot slot(file);
    std::ofstream(slot.temporary()) << "new";
    slot.commit();
  } catch (const FileWriteError& error) {
    return error.what();
  }
  return "(written)";
}

constexpr const char* kRefusal = "; only a regular file is replaced (remove it first, or give another name)";

// One of each thing a path may name that is not a regular file.
struct NotRegular {
  explicit NotRegular(const TempDir& dir) : fifo(dir / "fifo"), link(dir / "link"), other(dir / "other.txt"), folder(dir / "folder") {
    EXPECT_EQ(mkfifo(fifo.c_str(), 0600), 0);
    std::ofstream(other) << "someone else's";
    std::filesystem::create_symlink(other, link);
    std::filesystem::create_directory(folder);
  }
  void expect_untouched() const {
    EXPECT_TRUE(std::filesystem::is_fifo(std::filesystem::symlink_status(fifo)));
    EXPECT_TRUE(std::filesystem::is_symlink(std::filesystem::symlink_status(link)));
    EXPECT_EQ(read_all(other), "someone else's");
    EXPECT_TRUE(std::filesystem::is_directory(std::filesystem::symlink_status(folder)));
  }
  std::filesystem::path fifo, link, other, folder;
};

std::size_t entries(const TempDir& dir) {
  return static_cast<std::size_t>(std::distance(std::filesystem::directory_iterator(dir.path()), std::filesystem::directory_iterator()));
}

// write_file_atomically() and the AtomicFileSlot that libxlsxwriter's files go through.
TEST(AtomicFile, WriterAndSlotRefuseToReplaceAFifoASymlinkOrAFolder) {
  for (const auto writer : {write_error, slot_error}) {
    TempDir dir;
    const NotRegular there(dir);
    EXPECT_EQ(writer(there.fifo), there.fifo.string() + ": is a FIFO (named pipe)" + kRefusal);
    EXPECT_EQ(writer(there.link), there.link.string() + ": is a symbolic link" + kRefusal);
    EXPECT_EQ(writer(there.folder), there.folder.string() + ": is a folder" + kRefusal);
    there.expect_untouched();
    EXPECT_EQ(entries(dir), 4u) << "a temporary file was left behind";
  }
}

TEST(AtomicFile, ReplacesARegularFileAndCreatesAMissingOne) {
  TempDir dir;
  std::ofstream(dir / "old.txt") << "old";
  write_file_atomically(dir / "old.txt", "new");
  write_file_atomically(dir / "fresh.txt", "new");
  EXPECT_EQ(read_all(dir / "old.txt"), "new");
  EXPECT_EQ(read_all(dir / "fresh.txt"), "new");
}

}  // namespace
}  // namespace openday
