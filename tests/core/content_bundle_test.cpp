// Issue 32, content from the desk: the signed content bundle packed, opened, refused and
// unpacked without a hub, and the content keys in the devices' credentials.
#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "core/booth/content_bundle.h"
#include "core/booth/hub_credentials.h"
#include "core/booth/nkey.h"
#include "core/content/content_version.h"
#include "support/temp_dir.h"

namespace openday {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

const std::string kCa = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";

// The shipped sample content and quiz bank, copied where a test may change them.
struct Sample {
  fs::path content, quiz;
};
Sample copy_sample(const TempDir& dir) {
  Sample sample{dir / "content", dir / "quiz" / "questions.json"};
  fs::copy(fs::path(OPENDAY_ASSETS_DIR) / "content", sample.content, fs::copy_options::recursive);
  fs::create_directories(sample.quiz.parent_path());
  fs::copy_file(fs::path(OPENDAY_ASSETS_DIR) / "quiz" / "questions.json", sample.quiz);
  return sample;
}

std::string read_text(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

bool has_incoming_leftover(const fs::path& folder) {
  for (const auto& entry : fs::directory_iterator(folder))
    if (entry.path().filename().string().find(".incoming-") != std::string::npos) return true;
  return false;
}

class ContentBundleTest : public ::testing::Test {
 protected:
  TempDir dir;
  Sample sample = copy_sample(dir);
  ContentSigningKey key = generate_content_signing_key();

  std::string pack() {
    const BundlePack pack = pack_content_bundle(sample.content, sample.quiz, "B1", key.seed);
    EXPECT_EQ(pack.error, "");
    return pack.bytes;
  }
  // A small bundle the desk would never pack, signed with the booth's key.
  std::string forge(std::vector<BundleFile> files, std::string booth = "B1") {
    return sign_content_bundle(ContentBundle{BundleHeader{std::move(booth), 1, "abcdef"}, std::move(files)}, key.seed);
  }
};

TEST_F(ContentBundleTest, PackedContentOpensUnpacksAndValidates) {
  const std::string bytes = pack();
  ASSERT_TRUE(bytes.starts_with("OPENDAY-BUNDLE 1\nbooth B1\n"));
  const BundleOpen opened = open_content_bundle(bytes, key.public_key, "B1");
  ASSERT_TRUE(opened.bundle) << opened.refusal;
  EXPECT_EQ(opened.bundle->header.version, content_version(sample.content, sample.quiz));
  EXPECT_EQ(opened.bundle->files.size(), 29u);  // 28 content files and the quiz bank

  const BundleUnpack unpacked = unpack_content_bundle(*opened.bundle, dir / "staged" / "bundle", 5);
  ASSERT_TRUE(unpacked.ok()) << unpacked.error;
  EXPECT_EQ(unpacked.content_dir, dir / "staged" / "bundle" / "content");
  EXPECT_EQ(unpacked.quiz_file, dir / "staged" / "bundle" / "questions.json");
  EXPECT_EQ(content_problems(unpacked.content_dir, unpacked.quiz_file, 5), "");
  EXPECT_EQ(content_version(unpacked.content_dir, unpacked.quiz_file), opened.bundle->header.version);
  EXPECT_EQ(read_text(unpacked.content_dir / "event.json"), read_text(sample.content / "event.json"));
  EXPECT_FALSE(has_incoming_leftover(dir / "staged"));

  // Unpacked again over the earlier bundle: swapped in, the old one gone.
  const BundleUnpack again = unpack_content_bundle(*opened.bundle, dir / "staged" / "bundle", 5);
  ASSERT_TRUE(again.ok()) << again.error;
  EXPECT_FALSE(has_incoming_leftover(dir / "staged"));
}

TEST_F(ContentBundleTest, AnotherKeyAnAlteredByteOrAnotherBoothIsRefused) {
  const std::string bytes = pack();
  const ContentSigningKey other = generate_content_signing_key();
  BundleOpen opened = open_content_bundle(bytes, other.public_key, "B1");
  EXPECT_FALSE(opened.bundle);
  EXPECT_NE(opened.refusal.find("signed by another key"), std::string::npos) << opened.refusal;

  std::string altered = bytes;
  altered[altered.size() / 2] ^= 0x01;
  opened = open_content_bundle(altered, key.public_key, "B1");
  EXPECT_FALSE(opened.bundle);
  EXPECT_NE(opened.refusal.find("signed by another key"), std::string::npos) << opened.refusal;

  opened = open_content_bundle(bytes, key.public_key, "B2");
  EXPECT_FALSE(opened.bundle);
  EXPECT_NE(opened.refusal.find("is for booth \"B1\", and this device belongs to booth \"B2\""), std::string::npos) << opened.refusal;
}

TEST_F(ContentBundleTest, PathTraversalAndStrayPathsAreRefused) {
  const BundleFile quiz{"questions.json", "[]"};
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"content/../../etc/passwd", "path traversal"}, {"content/a/../../b", "path traversal"}, {"../questions.json", "neither"},
      {"/etc/passwd", "neither"},                     {"content//x.json", "path traversal"},   {"content/./x.json", "path traversal"},
      {"content/a\\..\\b", "backslash"},              {"content/", "path traversal"},
  };
  for (const auto& [path, expected] : cases) {
    const BundleOpen opened = open_content_bundle(forge({quiz, BundleFile{path, "x"}}), key.public_key, "B1");
    EXPECT_FALSE(opened.bundle) << path;
    EXPECT_NE(opened.refusal.find(expected), std::string::npos) << path << ": " << opened.refusal;
  }
  const BundleOpen twice = open_content_bundle(forge({quiz, quiz}), key.public_key, "B1");
  EXPECT_NE(twice.refusal.find("twice"), std::string::npos) << twice.refusal;
  const BundleOpen no_quiz = open_content_bundle(forge({BundleFile{"content/event.json", "{}"}}), key.public_key, "B1");
  EXPECT_NE(no_quiz.refusal.find("no quiz bank"), std::string::npos) << no_quiz.refusal;
  EXPECT_TRUE(open_content_bundle(forge({quiz, BundleFile{"content/departments/x.json", "{}"}}), key.public_key, "B1").bundle);
}

TEST_F(ContentBundleTest, EveryTruncationIsRefused) {
  const std::string bytes = forge({BundleFile{"questions.json", "[1,2,3]"}, BundleFile{"content/event.json", "{\"a\":1}"}});
  ASSERT_TRUE(open_content_bundle(bytes, key.public_key, "B1").bundle);
  for (std::size_t length = 0; length < bytes.size(); ++length) {
    const BundleOpen opened = open_content_bundle(std::string_view(bytes).substr(0, length), key.public_key, "B1");
    EXPECT_FALSE(opened.bundle) << length;
    const bool says_why = opened.refusal.find("truncated") != std::string::npos || opened.refusal.find("is not signed") != std::string::npos;
    EXPECT_TRUE(says_why) << length << ": " << opened.refusal;
  }
  const std::string real = pack();
  for (std::size_t cut : {std::size_t{1}, std::size_t{63}, std::size_t{65}, real.size() / 2})
    EXPECT_NE(open_content_bundle(std::string_view(real).substr(0, real.size() - cut), key.public_key, "B1").refusal.find("truncated"), std::string::npos)
        << cut;
  EXPECT_NE(open_content_bundle(real + "x", key.public_key, "B1").refusal.find("1 bytes after its signature"), std::string::npos);
}

TEST_F(ContentBundleTest, NotABundleUnsignedAndTooLargeAreRefused) {
  EXPECT_NE(open_content_bundle("{\"event\": 1}", key.public_key, "B1").refusal.find("is not an OpenDay content bundle"), std::string::npos);
  const std::string signed_bytes = forge({BundleFile{"questions.json", "[]"}});
  const std::string unsigned_bytes = signed_bytes.substr(0, signed_bytes.size() - 64);
  EXPECT_NE(open_content_bundle(unsigned_bytes, key.public_key, "B1").refusal.find("is not signed"), std::string::npos);
  const std::string huge = forge({BundleFile{"questions.json", std::string(kMaxBundleBytes, 'x')}});
  EXPECT_NE(open_content_bundle(huge, key.public_key, "B1").refusal.find("is too large"), std::string::npos);
  std::string counted = "OPENDAY-BUNDLE 1\nbooth B1\ncreated 1\nversion ab\nfiles 99999999\n";
  EXPECT_NE(open_content_bundle(counted, key.public_key, "B1").refusal.find("is too large"), std::string::npos);
  std::string sized = "OPENDAY-BUNDLE 1\nbooth B1\ncreated 1\nversion ab\nfiles 1\nfile 99999999999 questions.json\n";
  EXPECT_NE(open_content_bundle(sized, key.public_key, "B1").refusal.find("is too large"), std::string::npos);
}

TEST_F(ContentBundleTest, PackRefusesSpecialFilesAndTooMuch) {
  fs::create_symlink("/etc/passwd", sample.content / "departments" / "link.json");
  BundlePack pack = pack_content_bundle(sample.content, sample.quiz, "B1", key.seed);
  EXPECT_NE(pack.error.find("link.json: is a symbolic link; a content bundle carries only regular files"), std::string::npos) << pack.error;
  fs::remove(sample.content / "departments" / "link.json");
  std::ofstream(sample.content / "big.bin", std::ios::binary) << std::string(kMaxBundleContentBytes + 1, 'x');
  pack = pack_content_bundle(sample.content, sample.quiz, "B1", key.seed);
  EXPECT_TRUE(pack.bytes.empty());
  EXPECT_NE(pack.error.find("more than a content bundle's 7 MiB (it travels as one message), reached at " + (sample.content / "big.bin").string()),
            std::string::npos)
      << pack.error;
}

TEST_F(ContentBundleTest, UnpackRefusesASymlinkOrSomeoneElsesFolder) {
  const BundleOpen opened = open_content_bundle(pack(), key.public_key, "B1");
  ASSERT_TRUE(opened.bundle);
  fs::create_directories(dir / "mine");
  std::ofstream(dir / "mine" / "notes.txt") << "keep me";
  BundleUnpack unpacked = unpack_content_bundle(*opened.bundle, dir / "mine", 5);
  EXPECT_NE(unpacked.error.find("holds \"notes.txt\", so it is not an unpacked content bundle"), std::string::npos) << unpacked.error;
  EXPECT_EQ(read_text(dir / "mine" / "notes.txt"), "keep me");
  fs::create_directory_symlink(dir / "mine", dir / "link");
  unpacked = unpack_content_bundle(*opened.bundle, dir / "link", 5);
  EXPECT_NE(unpacked.error.find("is a symbolic link"), std::string::npos) << unpacked.error;
  EXPECT_FALSE(has_incoming_leftover(dir.path()));
}

TEST_F(ContentBundleTest, AnInvalidBundleIsRefusedWithTheValidatorsReasonAndTheOldContentStays) {
  const BundleOpen good = open_content_bundle(pack(), key.public_key, "B1");
  ASSERT_TRUE(good.bundle);
  ASSERT_TRUE(unpack_content_bundle(*good.bundle, dir / "staged", 5).ok());
  const std::string old_version = content_version(dir / "staged" / "content", dir / "staged" / "questions.json");

  std::ofstream(sample.content / "event.json") << "{\"county\": ";
  const std::string reason = content_problems(sample.content, sample.quiz, 5, dir.path());
  ASSERT_TRUE(reason.starts_with("content/event.json:")) << reason;
  const std::string first_problem = reason.substr(0, reason.find("; "));
  const BundleOpen bad = open_content_bundle(pack(), key.public_key, "B1");  // signed with the right key
  ASSERT_TRUE(bad.bundle) << bad.refusal;
  const BundleUnpack unpacked = unpack_content_bundle(*bad.bundle, dir / "staged", 5);
  EXPECT_FALSE(unpacked.ok());
  EXPECT_TRUE(unpacked.error.starts_with("the content bundle does not pass validation: " + first_problem)) << unpacked.error;
  EXPECT_EQ(content_version(dir / "staged" / "content", dir / "staged" / "questions.json"), old_version);
  EXPECT_FALSE(has_incoming_leftover(dir.path()));
}

TEST_F(ContentBundleTest, FilesThatDoNotMatchTheVersionAreRefused) {
  BundleOpen opened = open_content_bundle(pack(), key.public_key, "B1");
  ASSERT_TRUE(opened.bundle);
  opened.bundle->header.version = "000000000000";
  const BundleUnpack unpacked = unpack_content_bundle(*opened.bundle, dir / "staged", 5);
  EXPECT_NE(unpacked.error.find("do not match its content version"), std::string::npos) << unpacked.error;
  EXPECT_FALSE(fs::exists(dir / "staged"));
}

// ---- The content keys in the credentials.

std::string credentials_text(const std::string& device, const ContentKey& public_key, const std::optional<ContentKey>& seed) {
  return format_hub_credentials("B1", device, nkey::generate_user().seed_text, kCa, public_key, seed);
}

TEST(HubCredentialsContentKey, DeskHoldsTheSeedEveryDeviceTheKey) {
  const ContentSigningKey key = generate_content_signing_key();
  const std::string desk = credentials_text("desk", key.public_key, key.seed);
  EXPECT_NE(desk.find("content_signing_seed = \""), std::string::npos);
  HubCredentialsLoad load = parse_hub_credentials(desk, "desk.creds");
  ASSERT_TRUE(load.credentials) << load.error;
  EXPECT_EQ(load.credentials->content_signing_seed, key.seed);
  EXPECT_EQ(load.credentials->content_public_key, key.public_key);
  EXPECT_EQ(content_public_key_of(key.seed), key.public_key);

  const std::string kiosk = credentials_text("kiosk-1", key.public_key, std::nullopt);
  EXPECT_EQ(kiosk.find("content_signing_seed"), std::string::npos);
  load = parse_hub_credentials(kiosk, "kiosk-1.creds");
  ASSERT_TRUE(load.credentials) << load.error;
  EXPECT_FALSE(load.credentials->content_signing_seed);
  EXPECT_EQ(load.credentials->content_public_key, key.public_key);
}

TEST(HubCredentialsContentKey, OldOrWrongContentKeysAreRefusedWithTheReason) {
  const ContentSigningKey key = generate_content_signing_key();
  const ContentSigningKey other = generate_content_signing_key();
  std::string old = credentials_text("kiosk-1", key.public_key, std::nullopt);
  old = old.substr(0, old.find("# The key the booth's content"));
  HubCredentialsLoad load = parse_hub_credentials(old, "kiosk-1.creds");
  EXPECT_FALSE(load.credentials);
  EXPECT_NE(load.error.find("kiosk-1.creds: content_key: is missing"), std::string::npos) << load.error;
  EXPECT_NE(load.error.find("only days old"), std::string::npos) << load.error;
  EXPECT_NE(load.error.find("run `openday hub init` again"), std::string::npos) << load.error;

  load = parse_hub_credentials(credentials_text("kiosk-1", key.public_key, key.seed), "kiosk-1.creds");
  EXPECT_NE(load.error.find("content_signing_seed: belongs only in the desk's credentials"), std::string::npos) << load.error;
  load = parse_hub_credentials(credentials_text("desk", other.public_key, key.seed), "desk.creds");
  EXPECT_NE(load.error.find("content_signing_seed: is not the seed of content_key"), std::string::npos) << load.error;
  std::string short_key = credentials_text("kiosk-1", key.public_key, std::nullopt);
  short_key.replace(short_key.find("content_key = \"") + 15, 2, "");
  load = parse_hub_credentials(short_key, "kiosk-1.creds");
  EXPECT_NE(load.error.find("content_key: must be 64 hexadecimal digits"), std::string::npos) << load.error;
}

}  // namespace
}  // namespace openday
