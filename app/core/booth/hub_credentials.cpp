#include "core/booth/hub_credentials.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <set>

#include <sodium.h>
#include <toml++/toml.h>

#include "core/booth/hub_subjects.h"
#include "core/booth/nkey.h"

namespace openday {
namespace {

constexpr std::string_view kCertificateBegin = "-----BEGIN CERTIFICATE-----";
constexpr std::string_view kCertificateEnd = "-----END CERTIFICATE-----";
constexpr std::size_t kMaxCaBytes = 32 * 1024;

struct Problem {
  int line = 0;
  std::string key;
  std::string message;
};

HubCredentialsLoad refuse(const std::filesystem::path& file, const Problem& problem) {
  std::string text = file.string();
  if (problem.line > 0) text += ":" + std::to_string(problem.line);
  text += ": ";
  if (!problem.key.empty()) text += problem.key + ": ";
  text += problem.message;
  return HubCredentialsLoad{std::nullopt, text, ""};
}

int line_of(const toml::node& node) { return static_cast<int>(node.source().begin.line); }

// The text of a required key, or the problem with it.
std::optional<std::string> text_of(const toml::table& root, std::string_view key, Problem& problem) {
  const toml::node* node = root.get(key);
  if (!node) {
    problem = Problem{0, std::string(key), "is missing (a credentials file has booth, device, nkey_seed and hub_ca)"};
    return std::nullopt;
  }
  const auto* text = node->as_string();
  if (!text) {
    problem = Problem{line_of(*node), std::string(key), "must be a quoted text"};
    return std::nullopt;
  }
  return text->get();
}

std::optional<Problem> check_id(const toml::table& root, std::string_view key, const std::string& value) {
  if (hub::is_valid_device_id(value)) return std::nullopt;
  return Problem{line_of(*root.get(key)), std::string(key), "must be 1-32 characters of A-Z a-z 0-9 - _, got \"" + value + "\""};
}

std::optional<Problem> check_ca(const toml::table& root, const std::string& pem) {
  const int line = line_of(*root.get("hub_ca"));
  if (pem.size() > kMaxCaBytes) return Problem{line, "hub_ca", "is longer than " + std::to_string(kMaxCaBytes) + " bytes"};
  // PEM is base64 between its armour lines: anything else (a quote, a control character) is not
  // a certificate, and would not survive being written back.
  const bool pem_characters = std::all_of(pem.begin(), pem.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/' || c == '=' || c == '-' ||
           c == ' ' || c == '\n';
  });
  if (!pem_characters) return Problem{line, "hub_ca", "holds characters that are not part of a PEM certificate"};
  const auto begin = pem.find(kCertificateBegin);
  if (begin == std::string::npos || pem.find(kCertificateEnd, begin) == std::string::npos)
    return Problem{line, "hub_ca", "must hold a PEM certificate (-----BEGIN CERTIFICATE----- ... -----END CERTIFICATE-----)"};
  return std::nullopt;
}

std::optional<Problem> unknown_key(const toml::table& root) {
  static const std::set<std::string_view> known = {"booth", "device", "nkey_seed", "hub_ca", "content_key", "content_signing_seed"};
  for (const auto& [key, value] : root)
    if (!known.count(key.str()))
      return Problem{line_of(value), std::string(key.str()),
                     "is not a key of a credentials file (booth, device, nkey_seed, hub_ca, content_key, content_signing_seed)"};
  return std::nullopt;
}

std::string to_hex(const std::array<unsigned char, 32>& bytes) {
  std::array<char, 65> hex{};
  sodium_bin2hex(hex.data(), hex.size(), bytes.data(), bytes.size());
  return std::string(hex.data());
}

// 64 hex digits, exactly: a key of 32 bytes.
std::optional<std::array<unsigned char, 32>> from_hex(const std::string& text) {
  if (text.size() != 64 || !std::all_of(text.begin(), text.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }))
    return std::nullopt;
  std::array<unsigned char, 32> bytes{};
  std::size_t used = 0;
  if (sodium_hex2bin(bytes.data(), bytes.size(), text.data(), text.size(), nullptr, &used, nullptr) != 0 || used != bytes.size()) return std::nullopt;
  return bytes;
}

// content_key (every device) and content_signing_seed (the desk only, and of that key).
std::optional<Problem> read_content_keys(const toml::table& root, HubCredentials& credentials) {
  Problem problem;
  if (!root.get("content_key"))
    return Problem{0, "content_key",
                   "is missing: this credentials file was written by a hub init from before signed content bundles (a format "
                   "only days old); run `openday hub init` again and give every device its new credentials file"};
  const auto key_text = text_of(root, "content_key", problem);
  if (!key_text) return problem;
  const auto key = from_hex(*key_text);
  if (!key) return Problem{line_of(*root.get("content_key")), "content_key", "must be 64 hexadecimal digits (an Ed25519 public key)"};
  credentials.content_public_key = *key;
  if (!root.get("content_signing_seed")) return std::nullopt;
  const int line = line_of(*root.get("content_signing_seed"));
  if (!credentials.desk)
    return Problem{line, "content_signing_seed",
                   "belongs only in the desk's credentials (device \"" + credentials.device + "\" is a kiosk): whoever holds it can sign content"};
  const auto seed_text = text_of(root, "content_signing_seed", problem);
  if (!seed_text) return problem;
  const auto seed = from_hex(*seed_text);
  if (!seed) return Problem{line, "content_signing_seed", "must be 64 hexadecimal digits (an Ed25519 seed)"};
  if (content_public_key_of(*seed) != *key)
    return Problem{line, "content_signing_seed", "is not the seed of content_key (the two come from different hub inits)"};
  credentials.content_signing_seed = *seed;
  return std::nullopt;
}

HubCredentialsLoad read_document(const toml::table& root, const std::filesystem::path& file) {
  if (auto problem = unknown_key(root)) return refuse(file, *problem);
  Problem problem;
  HubCredentials credentials;
  credentials.file = file;
  const auto booth = text_of(root, "booth", problem);
  if (!booth) return refuse(file, problem);
  if (auto wrong = check_id(root, "booth", *booth)) return refuse(file, *wrong);
  const auto device = text_of(root, "device", problem);
  if (!device) return refuse(file, problem);
  if (auto wrong = check_id(root, "device", *device)) return refuse(file, *wrong);
  const auto seed_text = text_of(root, "nkey_seed", problem);
  if (!seed_text) return refuse(file, problem);
  const nkey::SeedDecode seed = nkey::decode_user_seed(*seed_text);
  if (!seed.seed) return refuse(file, Problem{line_of(*root.get("nkey_seed")), "nkey_seed", seed.error});
  const auto ca = text_of(root, "hub_ca", problem);
  if (!ca) return refuse(file, problem);
  if (auto wrong = check_ca(root, *ca)) return refuse(file, *wrong);
  credentials.booth = *booth;
  credentials.device = *device;
  credentials.desk = hub::is_desk_device(*device);
  if (auto wrong = read_content_keys(root, credentials)) return refuse(file, *wrong);
  credentials.seed = *seed.seed;
  credentials.public_nkey = nkey::encode_user_public_key(nkey::public_key_of(*seed.seed));
  credentials.hub_ca_pem = *ca;
  return HubCredentialsLoad{std::move(credentials), "", ""};
}

}  // namespace

HubCredentialsLoad parse_hub_credentials(std::string_view text, const std::filesystem::path& file_name) {
  try {
    const toml::table root = toml::parse(text, file_name.string());
    return read_document(root, file_name);
  } catch (const toml::parse_error& error) {
    return refuse(file_name, Problem{static_cast<int>(error.source().begin.line), "",
                                     "is not a valid credentials file: " + std::string(error.description())});
  } catch (const std::exception& error) {
    return refuse(file_name, Problem{0, "", std::string("cannot be read: ") + error.what()});
  }
}

HubCredentialsLoad load_hub_credentials(const std::filesystem::path& file) {
  // O_NONBLOCK: a FIFO given by mistake must not hang the device; it is refused below.
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return refuse(file, Problem{0, "", std::string("cannot open the hub credentials file: ") + std::strerror(errno)});
  struct stat info {};
  if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
    ::close(fd);
    return refuse(file, Problem{0, "", "is not a regular file (give the path of the <device>.creds file that hub init wrote)"});
  }
  if (static_cast<std::size_t>(info.st_size) > kMaxHubCredentialsBytes) {
    ::close(fd);
    return refuse(file, Problem{0, "", "is " + std::to_string(info.st_size) + " bytes; a credentials file has at most " +
                                           std::to_string(kMaxHubCredentialsBytes)});
  }
  std::string text(kMaxHubCredentialsBytes + 1, '\0');
  std::size_t used = 0;
  while (used < text.size()) {
    const ssize_t got = ::read(fd, text.data() + used, text.size() - used);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      const int error = errno;
      ::close(fd);
      return refuse(file, Problem{0, "", std::string("cannot read the hub credentials file: ") + std::strerror(error)});
    }
    if (got == 0) break;
    used += static_cast<std::size_t>(got);
  }
  ::close(fd);
  if (used > kMaxHubCredentialsBytes)
    return refuse(file, Problem{0, "", "grew beyond " + std::to_string(kMaxHubCredentialsBytes) + " bytes while it was read"});
  text.resize(used);
  HubCredentialsLoad load = parse_hub_credentials(text, file);
  if (load.credentials && (info.st_mode & 077) != 0) {
    char mode[8];
    std::snprintf(mode, sizeof mode, "%03o", static_cast<unsigned>(info.st_mode & 0777));
    load.warning = file.string() + ": is readable by other users (mode " + mode + "); whoever reads it can act as device " +
                   load.credentials->device + " at the hub: chmod 600 it";
  }
  return load;
}

ContentSigningKey generate_content_signing_key() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
  ContentSigningKey key;
  std::array<unsigned char, crypto_sign_SECRETKEYBYTES> secret{};
  crypto_sign_keypair(key.public_key.data(), secret.data());
  crypto_sign_ed25519_sk_to_seed(key.seed.data(), secret.data());
  sodium_memzero(secret.data(), secret.size());
  return key;
}

std::array<unsigned char, 32> content_public_key_of(const std::array<unsigned char, 32>& seed) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
  std::array<unsigned char, 32> public_key{};
  std::array<unsigned char, crypto_sign_SECRETKEYBYTES> secret{};
  crypto_sign_seed_keypair(public_key.data(), secret.data(), seed.data());
  sodium_memzero(secret.data(), secret.size());
  return public_key;
}

std::string format_hub_credentials(std::string_view booth, std::string_view device, std::string_view seed_text, std::string_view hub_ca_pem,
                                   const std::array<unsigned char, 32>& content_key,
                                   const std::optional<std::array<unsigned char, 32>>& signing_seed) {
  std::string text;
  text += "# OpenDay booth hub credentials: device \"" + std::string(device) + "\" of booth \"" + std::string(booth) + "\".\n";
  text += "# Written by `openday hub init`. Keep this file private (mode 0600) and on this device only:\n";
  text += "# whoever holds nkey_seed can act as this device at the hub.\n";
  text += "booth = \"" + std::string(booth) + "\"\n";
  text += "device = \"" + std::string(device) + "\"\n";
  text += "nkey_seed = \"" + std::string(seed_text) + "\"\n";
  text += "# The booth's certificate authority: the device trusts a hub only if its certificate is signed by it.\n";
  text += "hub_ca = \"\"\"\n" + std::string(hub_ca_pem) + "\"\"\"\n";
  text += "# The key the booth's content bundles are signed with: this device takes only content it signed.\n";
  text += "content_key = \"" + to_hex(content_key) + "\"\n";
  if (signing_seed) {
    text += "# The desk's secret half of content_key: it signs the content the desk publishes.\n";
    std::string seed_hex = to_hex(*signing_seed);
    text += "content_signing_seed = \"" + seed_hex + "\"\n";
    sodium_memzero(seed_hex.data(), seed_hex.size());
  }
  return text;
}

}  // namespace openday
