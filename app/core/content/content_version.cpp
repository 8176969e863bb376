#include "core/content/content_version.h"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <vector>

namespace openday {
namespace {

constexpr std::uintmax_t kMaxHashedFileBytes = 64ull * 1024 * 1024;

bool hash_file(crypto_generichash_state& state, const std::filesystem::path& file, const std::string& name) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec) || std::filesystem::file_size(file, ec) > kMaxHashedFileBytes || ec) return false;
  std::ifstream in(file, std::ios::binary);
  if (!in) return false;
  // The name and a separator first: a file renamed is other content.
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(name.data()), name.size() + 1);
  std::array<char, 64 * 1024> buffer{};
  while (in) {
    in.read(buffer.data(), buffer.size());
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(buffer.data()), static_cast<unsigned long long>(in.gcount()));
  }
  return true;
}

}  // namespace

std::string content_version(const std::filesystem::path& content_dir, const std::filesystem::path& quiz_file) {
  if (sodium_init() < 0) return "";
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (auto it = std::filesystem::recursive_directory_iterator(content_dir, ec); !ec && it != std::filesystem::recursive_directory_iterator();
       it.increment(ec))
    if (it->is_regular_file(ec)) files.push_back(it->path());
  if (ec) return "";
  std::sort(files.begin(), files.end());
  crypto_generichash_state state;
  crypto_generichash_init(&state, nullptr, 0, 16);
  for (const auto& file : files)
    if (!hash_file(state, file, std::filesystem::relative(file, content_dir, ec).generic_string())) return "";
  if (!quiz_file.empty() && !hash_file(state, quiz_file, "quiz")) return "";
  std::array<unsigned char, 16> digest{};
  crypto_generichash_final(&state, digest.data(), digest.size());
  std::array<char, 33> hex{};
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), 6);
  return std::string(hex.data());
}

}  // namespace openday
