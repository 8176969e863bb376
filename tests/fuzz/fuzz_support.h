#pragma once
// Shared by the libFuzzer harnesses: each harness hands its input to a reader the way the kiosk
// does (as a file on disk), so a scratch folder per fuzzing process holds those files.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

namespace openday::fuzz {

// A scratch folder for this process, removed at exit. Prefers /dev/shm: the readers get a real
// file, and rewriting it for every input costs no disk writes.
inline const std::filesystem::path& scratch_dir() {
  static const std::filesystem::path dir = [] {
    std::error_code ec;
    std::filesystem::path base = std::filesystem::is_directory("/dev/shm", ec) ? "/dev/shm" : std::filesystem::temp_directory_path();
    std::string pattern = (base / "openday-fuzz.XXXXXX").string();
    if (!mkdtemp(pattern.data())) {
      std::perror("openday fuzz: cannot create a scratch folder");
      std::abort();
    }
    std::atexit([] {
      std::error_code ignored;
      std::filesystem::remove_all(scratch_dir(), ignored);
    });
    return std::filesystem::path(pattern);
  }();
  return dir;
}

inline void write_file(const std::filesystem::path& file, std::string_view bytes) {
  std::filesystem::create_directories(file.parent_path());
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) {
    std::fprintf(stderr, "openday fuzz: cannot write %s\n", file.c_str());
    std::abort();
  }
}

inline std::string read_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in && !in.eof()) {
    std::fprintf(stderr, "openday fuzz: cannot read %s\n", file.c_str());
    std::abort();
  }
  return text;
}

// A broken promise of a reader: print what and where, then abort so libFuzzer saves the input.
[[noreturn]] inline void violated(const char* what) {
  std::fprintf(stderr, "openday fuzz: reader contract violated: %s\n", what);
  std::abort();
}

inline void require(bool condition, const char* what) {
  if (!condition) violated(what);
}

// Runs one reader on the input; any exception that escapes it ends the run as a crash, like
// the abort it would be in the kiosk.
template <typename Read>
void run_reader(Read&& read) {
  read();
}

}  // namespace openday::fuzz
