// Issue 32: NATS NKeys and the device credentials file (no hub needed).
#include <gtest/gtest.h>
#include <sodium.h>
#include <sys/stat.h>

#include <fstream>

#include "core/booth/hub_credentials.h"
#include "core/booth/hub_subjects.h"
#include "core/booth/nkey.h"
#include "support/temp_dir.h"

namespace openday {
namespace {

const std::string kCa = "-----BEGIN CERTIFICATE-----\nMIIBfake\n-----END CERTIFICATE-----\n";

TEST(NKey, Crc16IsXmodem) {
  const std::string check = "123456789";
  EXPECT_EQ(nkey::crc16_xmodem(reinterpret_cast<const unsigned char*>(check.data()), check.size()), 0x31C3);
}

TEST(NKey, UserKeyTextsHaveNatsShapeAndRoundTrip) {
  const nkey::UserKey key = nkey::generate_user();
  EXPECT_EQ(key.public_text.size(), 56u);
  EXPECT_EQ(key.public_text.front(), 'U');
  EXPECT_EQ(key.seed_text.size(), 58u);
  EXPECT_EQ(key.seed_text.substr(0, 2), "SU");
  const nkey::SeedDecode decoded = nkey::decode_user_seed(key.seed_text);
  ASSERT_TRUE(decoded.seed) << decoded.error;
  EXPECT_EQ(*decoded.seed, key.seed);
  EXPECT_EQ(nkey::encode_user_public_key(nkey::public_key_of(*decoded.seed)), key.public_text);
  EXPECT_NE(nkey::generate_user().seed, key.seed);
}

TEST(NKey, FlippedCharacterFailsTheChecksum) {
  const nkey::UserKey key = nkey::generate_user();
  std::string flipped = key.seed_text;
  flipped[20] = flipped[20] == 'A' ? 'B' : 'A';
  const nkey::SeedDecode decoded = nkey::decode_user_seed(flipped);
  EXPECT_FALSE(decoded.seed);
  EXPECT_NE(decoded.error.find("checksum"), std::string::npos) << decoded.error;
}

TEST(NKey, NonSeedTextsAreRefusedWithTheReason) {
  const nkey::UserKey key = nkey::generate_user();
  EXPECT_NE(nkey::decode_user_seed(key.public_text).error.find("characters long"), std::string::npos);
  std::string not_user = key.seed_text;
  not_user[1] = 'A';
  EXPECT_NE(nkey::decode_user_seed(not_user).error.find("\"SU\""), std::string::npos);
  std::string lower = key.seed_text;
  lower[30] = 'a';
  EXPECT_NE(nkey::decode_user_seed(lower).error.find("base32"), std::string::npos);
}

TEST(NKey, SignatureVerifiesWithThePublicKey) {
  const nkey::UserKey key = nkey::generate_user();
  const std::string nonce = "k9Jq1Yx5v2Lw8B3n";
  const nkey::Signature signature = nkey::sign(key.seed, nonce);
  const nkey::PublicKey public_key = nkey::public_key_of(key.seed);
  EXPECT_EQ(crypto_sign_verify_detached(signature.data(), reinterpret_cast<const unsigned char*>(nonce.data()), nonce.size(),
                                        public_key.data()),
            0);
  const std::string other = "k9Jq1Yx5v2Lw8B3m";
  EXPECT_NE(crypto_sign_verify_detached(signature.data(), reinterpret_cast<const unsigned char*>(other.data()), other.size(),
                                        public_key.data()),
            0);
}

TEST(HubSubjects, SchemeAndIds) {
  EXPECT_EQ(hub::events_subject("kiosk-1"), "openday.events.kiosk-1");
  EXPECT_EQ(hub::heartbeat_subject("desk"), "openday.heartbeat.desk");
  EXPECT_EQ(hub::desk_notice_subject("kiosk-2"), "openday.desk.kiosk-2");
  EXPECT_EQ(hub::inbox_prefix("kiosk-1"), "_INBOX_kiosk-1");
  EXPECT_TRUE(hub::is_valid_device_id("kiosk_1-A"));
  EXPECT_FALSE(hub::is_valid_device_id(""));
  EXPECT_FALSE(hub::is_valid_device_id("kiosk.1"));
  EXPECT_FALSE(hub::is_valid_device_id("kiosk*"));
  EXPECT_FALSE(hub::is_valid_device_id(std::string(33, 'k')));
  EXPECT_TRUE(hub::is_desk_device("desk"));
  EXPECT_TRUE(hub::is_desk_device("desk-2"));
  EXPECT_FALSE(hub::is_desk_device("kiosk-desk"));
}

std::string valid_text(const std::string& device = "kiosk-1") {
  return format_hub_credentials("B1", device, nkey::generate_user().seed_text, kCa, generate_content_signing_key().public_key, std::nullopt);
}

TEST(HubCredentials, FormattedFileParsesBack) {
  const nkey::UserKey key = nkey::generate_user();
  const ContentSigningKey content_key = generate_content_signing_key();
  const std::string text = format_hub_credentials("B1", "desk", key.seed_text, kCa, content_key.public_key, content_key.seed);
  EXPECT_NE(text.find("private"), std::string::npos);
  const HubCredentialsLoad load = parse_hub_credentials(text, "desk.creds");
  ASSERT_TRUE(load.credentials) << load.error;
  EXPECT_EQ(load.credentials->booth, "B1");
  EXPECT_EQ(load.credentials->device, "desk");
  EXPECT_TRUE(load.credentials->desk);
  EXPECT_EQ(load.credentials->seed, key.seed);
  EXPECT_EQ(load.credentials->public_nkey, key.public_text);
  EXPECT_EQ(load.credentials->hub_ca_pem, kCa);
  EXPECT_EQ(load.credentials->content_public_key, content_key.public_key);
  EXPECT_EQ(load.credentials->content_signing_seed, content_key.seed);
  EXPECT_FALSE(parse_hub_credentials(valid_text(), "k.creds").credentials->desk);
  EXPECT_FALSE(parse_hub_credentials(valid_text(), "k.creds").credentials->content_signing_seed);
}

struct BadCredentials {
  std::string text;
  std::string expected;  // a part of the error
};

TEST(HubCredentials, ErrorsNameFileLineAndField) {
  const std::string seed = nkey::generate_user().seed_text;
  std::string broken_seed = seed;
  broken_seed[10] = broken_seed[10] == 'Q' ? 'R' : 'Q';
  const std::vector<BadCredentials> cases = {
      {"booth = \"B1\"\ndevice = \"kiosk-1\"\nhub_ca = \"\"\"\n" + kCa + "\"\"\"\n", "x.creds: nkey_seed: is missing"},
      {"booth = \"B1\"\ndevice = \"kiosk-1\"\nnkey_seed = \"" + broken_seed + "\"\nhub_ca = \"\"\"\n" + kCa + "\"\"\"\n",
       "x.creds:3: nkey_seed: fails its checksum"},
      {"booth = \"B1\"\ndevice = 7\n", "x.creds:2: device: must be a quoted text"},
      {"booth = \"B 1\"\n", "x.creds:1: booth: must be 1-32 characters"},
      {"booth = \"B1\"\ndevice = \"kiosk.1\"\n", "x.creds:2: device: must be 1-32 characters"},
      {"booth = \"B1\"\ndevice = \"kiosk-1\"\nnkey_seed = \"" + seed + "\"\nhub_ca = \"not a pem\"\n",
       "x.creds:4: hub_ca: must hold a PEM certificate"},
      {"booth = \"B1\"\ndevice = \"kiosk-1\"\nnkey_seed = \"" + seed + "\"\nhub_ca = \"\"\"\n" + kCa + "\"x\"\"\"\n",
       "x.creds:4: hub_ca: holds characters that are not part of a PEM certificate"},
      {"booth = \"B1\"\nhub_url = \"x\"\n", "x.creds:2: hub_url: is not a key of a credentials file"},
      {"booth = \"B1\"\ndevice = \n", "x.creds:2: is not a valid credentials file"},
      {"[booth\n", "x.creds:1: is not a valid credentials file"},
  };
  for (const BadCredentials& bad : cases) {
    const HubCredentialsLoad load = parse_hub_credentials(bad.text, "x.creds");
    EXPECT_FALSE(load.credentials) << bad.text;
    EXPECT_NE(load.error.find(bad.expected), std::string::npos) << "expected \"" << bad.expected << "\" in: " << load.error;
  }
}

TEST(HubCredentials, LoadChecksFileKindSizeAndMode) {
  testing::TempDir dir;
  const auto file = dir / "kiosk-1.creds";
  {
    std::ofstream out(file);
    out << valid_text();
  }
  ::chmod(file.c_str(), 0600);
  HubCredentialsLoad load = load_hub_credentials(file);
  ASSERT_TRUE(load.credentials) << load.error;
  EXPECT_EQ(load.credentials->file, file);
  EXPECT_EQ(load.warning, "");

  ::chmod(file.c_str(), 0644);
  load = load_hub_credentials(file);
  ASSERT_TRUE(load.credentials) << load.error;
  EXPECT_NE(load.warning.find("readable by other users (mode 644)"), std::string::npos) << load.warning;
  EXPECT_NE(load.warning.find("kiosk-1"), std::string::npos) << load.warning;

  EXPECT_NE(load_hub_credentials(dir.path()).error.find("is not a regular file"), std::string::npos);
  EXPECT_NE(load_hub_credentials(dir / "missing.creds").error.find("cannot open"), std::string::npos);
  const auto big = dir / "big.creds";
  {
    std::ofstream out(big);
    out << valid_text() << "# " << std::string(kMaxHubCredentialsBytes, 'x') << "\n";
  }
  const HubCredentialsLoad too_big = load_hub_credentials(big);
  EXPECT_FALSE(too_big.credentials);
  EXPECT_NE(too_big.error.find("at most 65536"), std::string::npos) << too_big.error;
}

}  // namespace
}  // namespace openday
