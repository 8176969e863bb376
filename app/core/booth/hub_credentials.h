#pragma once
// A booth device's credentials for the hub (issue 32): which booth and device it is, its NKey
// seed, the booth CA it verifies the hub against, and the key content bundles are signed with. `openday hub init` writes one such file per
// device (<device>.creds, mode 0600); the device reads it from booth.hub_credentials.
#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace openday {

struct HubCredentials {
  std::filesystem::path file;
  std::string booth;                     // booth id
  std::string device;                    // device id, the subject token ("kiosk-1", "desk")
  bool desk = false;                     // the desk role (hub::is_desk_device)
  std::array<unsigned char, 32> seed{};  // the Ed25519 seed
  std::string public_nkey;               // "U..."
  std::string hub_ca_pem;                // the booth CA certificate that devices verify the hub against
  // The booth's content-signing key (Ed25519): every device trusts bundles signed by it; only
  // the desk holds the seed that signs them.
  std::optional<std::array<unsigned char, 32>> content_signing_seed;
  std::array<unsigned char, 32> content_public_key{};
};

struct HubCredentialsLoad {
  std::optional<HubCredentials> credentials;
  std::string error;    // names the file, the line and key where known, and what is wrong
  std::string warning;  // a loadable file that others may read (the seed is a secret)
};

inline constexpr std::size_t kMaxHubCredentialsBytes = 64 * 1024;

// Reads a credentials file: a regular file of at most 64 KiB, then parse_hub_credentials.
HubCredentialsLoad load_hub_credentials(const std::filesystem::path& file);
HubCredentialsLoad parse_hub_credentials(std::string_view text, const std::filesystem::path& file_name);

// The booth's content-signing key pair as hub init makes it (crypto_sign_keypair).
struct ContentSigningKey {
  std::array<unsigned char, 32> seed{};
  std::array<unsigned char, 32> public_key{};
};
ContentSigningKey generate_content_signing_key();
// The public key of a signing seed (crypto_sign_seed_keypair).
std::array<unsigned char, 32> content_public_key_of(const std::array<unsigned char, 32>& seed);

// The text of a credentials file, as hub init writes it and parse_hub_credentials reads it;
// signing_seed only in the desk's.
std::string format_hub_credentials(std::string_view booth, std::string_view device, std::string_view seed_text, std::string_view hub_ca_pem,
                                   const std::array<unsigned char, 32>& content_key,
                                   const std::optional<std::array<unsigned char, 32>>& signing_seed);

}  // namespace openday
