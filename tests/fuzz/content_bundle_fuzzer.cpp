// libFuzzer harness: a content bundle as a kiosk receives it from the hub (issue 32), opened by
// open_content_bundle. Each input is tried twice: as it is, against the fuzzing key (the seeds
// are signed with it), and as a body that the harness signs itself, so that the framing, the
// booth and the path checks behind the signature are reached too. Whatever opens holds only
// safe paths and the expected booth, and signs and opens again to the same files.
#include <sodium.h>

#include <cstddef>
#include <cstdint>

#include "core/booth/content_bundle.h"
#include "fuzz_support.h"

namespace {

using openday::ContentKey;
using openday::fuzz::require;

// The fuzzing key's seed: 32 bytes of 0x42; the seeds in seeds/content_bundle are signed with it.
ContentKey fuzz_seed() {
  ContentKey seed{};
  seed.fill(0x42);
  return seed;
}

ContentKey public_key_of(const ContentKey& seed) {
  ContentKey public_key{};
  unsigned char secret[crypto_sign_SECRETKEYBYTES];
  crypto_sign_seed_keypair(public_key.data(), secret, seed.data());
  return public_key;
}

bool is_safe_path(const std::string& path) {
  if (path == openday::kBundleQuizFile) return true;
  if (!path.starts_with("content/") || path.find('\\') != std::string::npos || path.find("//") != std::string::npos) return false;
  return path.find("/../") == std::string::npos && path.find("/./") == std::string::npos && !path.ends_with("/..") && !path.ends_with("/.") &&
         !path.ends_with("/");
}

void check(std::string_view bytes, const ContentKey& seed, const ContentKey& key) {
  const openday::BundleOpen opened = openday::open_content_bundle(bytes, key, "FUZZ");
  if (!opened.bundle) {
    require(opened.refusal.rfind("the content bundle ", 0) == 0, "a refusal does not say what it refuses");
    return;
  }
  require(opened.refusal.empty(), "an opened bundle carries a refusal");
  require(opened.bundle->header.booth == "FUZZ", "a bundle of another booth opened");
  std::size_t total = 0;
  for (const openday::BundleFile& file : opened.bundle->files) {
    require(is_safe_path(file.path), "an opened bundle holds a path outside the content folder");
    total += file.bytes.size();
  }
  require(total <= openday::kMaxBundleContentBytes, "an opened bundle holds more than its bound");
  const std::string again = openday::sign_content_bundle(*opened.bundle, seed);
  const openday::BundleOpen reopened = openday::open_content_bundle(again, key, "FUZZ");
  require(reopened.bundle && reopened.bundle->files.size() == opened.bundle->files.size(), "an opened bundle does not sign and open again");
  for (std::size_t i = 0; i < opened.bundle->files.size(); ++i)
    require(reopened.bundle->files[i].path == opened.bundle->files[i].path && reopened.bundle->files[i].bytes == opened.bundle->files[i].bytes,
            "a bundle signed again opens to other files");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (sodium_init() < 0) return 0;
  static const ContentKey seed = fuzz_seed();
  static const ContentKey key = public_key_of(seed);
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  check(bytes, seed, key);
  // The input as a body, signed here.
  std::string body(bytes);
  unsigned char secret[crypto_sign_SECRETKEYBYTES];
  ContentKey ignored{};
  crypto_sign_seed_keypair(ignored.data(), secret, seed.data());
  unsigned char signature[crypto_sign_BYTES];
  crypto_sign_detached(signature, nullptr, reinterpret_cast<const unsigned char*>(body.data()), body.size(), secret);
  body.append(reinterpret_cast<const char*>(signature), sizeof signature);
  check(body, seed, key);
  return 0;
}
