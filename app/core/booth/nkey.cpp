#include "core/booth/nkey.h"

#include <sodium.h>

#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <vector>

namespace openday::nkey {
namespace {

// NATS's prefix bytes: the role is in the top five bits of the first byte.
constexpr unsigned char kPrefixSeed = 18 << 3;  // 'S'
constexpr unsigned char kPrefixUser = 20 << 3;  // 'U'
constexpr std::string_view kBase32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
constexpr std::size_t kSeedRawSize = 2 + 32 + 2;

void ensure_sodium() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
}

// RFC 4648 base32 without padding, as NATS writes its keys.
std::string base32_encode(const std::vector<unsigned char>& bytes) {
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (unsigned char byte : bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += kBase32Alphabet[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += kBase32Alphabet[(buffer << (5 - bits)) & 31];
  return out;
}

std::optional<std::vector<unsigned char>> base32_decode(std::string_view text) {
  std::vector<unsigned char> out;
  unsigned buffer = 0;
  int bits = 0;
  for (char c : text) {
    const std::size_t value = kBase32Alphabet.find(c);
    if (value == std::string_view::npos) return std::nullopt;
    buffer = (buffer << 5) | static_cast<unsigned>(value);
    bits += 5;
    if (bits >= 8) {
      out.push_back(static_cast<unsigned char>((buffer >> (bits - 8)) & 0xff));
      bits -= 8;
    }
  }
  // The bits after the last whole byte are padding: a text with any set is not one NATS wrote.
  if ((buffer & ((1u << bits) - 1)) != 0) return std::nullopt;
  return out;
}

void append_crc(std::vector<unsigned char>& raw) {
  const std::uint16_t crc = crc16_xmodem(raw.data(), raw.size());
  raw.push_back(static_cast<unsigned char>(crc & 0xff));
  raw.push_back(static_cast<unsigned char>(crc >> 8));
}

SeedDecode refuse(std::string why) { return SeedDecode{std::nullopt, std::move(why)}; }

}  // namespace

std::uint16_t crc16_xmodem(const unsigned char* data, std::size_t size) {
  std::uint16_t crc = 0;
  for (std::size_t i = 0; i < size; ++i) {
    crc = static_cast<std::uint16_t>(crc ^ (static_cast<std::uint16_t>(data[i]) << 8));
    for (int bit = 0; bit < 8; ++bit)
      crc = static_cast<std::uint16_t>((crc & 0x8000) ? (crc << 1) ^ 0x1021 : crc << 1);
  }
  return crc;
}

PublicKey public_key_of(const Seed& seed) {
  ensure_sodium();
  PublicKey key{};
  std::array<unsigned char, crypto_sign_SECRETKEYBYTES> secret{};
  crypto_sign_seed_keypair(key.data(), secret.data(), seed.data());
  sodium_memzero(secret.data(), secret.size());
  return key;
}

std::string encode_user_public_key(const PublicKey& key) {
  std::vector<unsigned char> raw{kPrefixUser};
  raw.insert(raw.end(), key.begin(), key.end());
  append_crc(raw);
  return base32_encode(raw);
}

std::string encode_user_seed(const Seed& seed) {
  // Two prefix bytes: the seed role in the top five bits, then the user role across the rest.
  std::vector<unsigned char> raw{static_cast<unsigned char>(kPrefixSeed | (kPrefixUser >> 5)),
                                 static_cast<unsigned char>((kPrefixUser & 31) << 3)};
  raw.insert(raw.end(), seed.begin(), seed.end());
  append_crc(raw);
  std::string text = base32_encode(raw);
  sodium_memzero(raw.data(), raw.size());
  return text;
}

SeedDecode decode_user_seed(std::string_view text) {
  const std::size_t expected = (kSeedRawSize * 8 + 4) / 5;
  if (text.size() != expected)
    return refuse("is " + std::to_string(text.size()) + " characters long; a user seed \"SU...\" has " + std::to_string(expected));
  if (text.substr(0, 2) != "SU") return refuse("does not start with \"SU\" (not a NATS user seed)");
  auto raw = base32_decode(text);
  if (!raw) return refuse("is not base32 text (only A-Z and 2-7, as NATS writes it)");
  if (raw->size() != kSeedRawSize) return refuse("does not decode to a 32-byte seed");
  const std::uint16_t stored = static_cast<std::uint16_t>((*raw)[kSeedRawSize - 2] | ((*raw)[kSeedRawSize - 1] << 8));
  if (crc16_xmodem(raw->data(), kSeedRawSize - 2) != stored) return refuse("fails its checksum (a character is wrong or missing)");
  if (((*raw)[0] & 0xf8) != kPrefixSeed || ((((*raw)[0] & 7) << 5) | (((*raw)[1] & 0xf8) >> 3)) != kPrefixUser)
    return refuse("is not a user seed (wrong prefix)");
  Seed seed{};
  std::copy(raw->begin() + 2, raw->begin() + 34, seed.begin());
  sodium_memzero(raw->data(), raw->size());
  return SeedDecode{seed, ""};
}

UserKey generate_user() {
  ensure_sodium();
  UserKey key;
  randombytes_buf(key.seed.data(), key.seed.size());
  key.public_text = encode_user_public_key(public_key_of(key.seed));
  key.seed_text = encode_user_seed(key.seed);
  return key;
}

Signature sign(const Seed& seed, std::string_view nonce) {
  ensure_sodium();
  PublicKey public_key{};
  std::array<unsigned char, crypto_sign_SECRETKEYBYTES> secret{};
  crypto_sign_seed_keypair(public_key.data(), secret.data(), seed.data());
  Signature signature{};
  crypto_sign_detached(signature.data(), nullptr, reinterpret_cast<const unsigned char*>(nonce.data()), nonce.size(), secret.data());
  sodium_memzero(secret.data(), secret.size());
  return signature;
}

}  // namespace openday::nkey
