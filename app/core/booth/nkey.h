#pragma once
// NATS NKey users (issue 32): an Ed25519 key pair per booth device, written in NATS's own text
// forms so that nats-server's `authorization { users = [ { nkey: U... } ] }` names the device and
// the device proves it holds the seed by signing the server's nonce.
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace openday::nkey {

using Seed = std::array<unsigned char, 32>;
using PublicKey = std::array<unsigned char, 32>;
using Signature = std::array<unsigned char, 64>;

struct UserKey {
  Seed seed{};
  std::string public_text;  // "U..." (56 characters)
  std::string seed_text;    // "SU..." (58 characters)
};

// A fresh user key from libsodium's random source.
UserKey generate_user();

// The public key of a seed (Ed25519's key pair from seed).
PublicKey public_key_of(const Seed& seed);

std::string encode_user_public_key(const PublicKey& key);  // "U" + base32(prefix, key, crc16)
std::string encode_user_seed(const Seed& seed);            // "SU" + ...

struct SeedDecode {
  std::optional<Seed> seed;
  std::string error;  // what is wrong with the text, when seed is empty
};
// Reads "SU..." back, checking its length, base32 alphabet, prefix bytes and CRC.
SeedDecode decode_user_seed(std::string_view text);

// The Ed25519 signature of the server's nonce (the nonce's bytes as sent).
Signature sign(const Seed& seed, std::string_view nonce);

// CRC-16/XMODEM (polynomial 0x1021, initial 0), the checksum of NATS's key texts.
std::uint16_t crc16_xmodem(const unsigned char* data, std::size_t size);

}  // namespace openday::nkey
