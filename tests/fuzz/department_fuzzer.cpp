// libFuzzer harness: one department file of the content folder. The input becomes
// <content>/departments/fuzzed.json beside a valid event.json and one shipped department (so
// duplicate ids across files are reachable), and load_content reads the folder as the kiosk does.
#include <cstddef>
#include <cstdint>

#include "content_checks.h"

namespace {

std::filesystem::path content_dir;
std::filesystem::path fuzzed_file;

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  const std::filesystem::path shipped = std::filesystem::path(OPENDAY_ASSETS_DIR) / "content";
  content_dir = openday::fuzz::scratch_dir() / "content";
  openday::fuzz::write_file(content_dir / "event.json", openday::fuzz::read_file(shipped / "event.json"));
  openday::fuzz::write_file(content_dir / "departments" / "a-shipped.json",
                            openday::fuzz::read_file(shipped / "departments" / "fuwu-zhongxin.json"));
  fuzzed_file = content_dir / "departments" / "fuzzed.json";
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  openday::fuzz::load_fuzzed_content(fuzzed_file, content_dir, data, size);
  return 0;
}
