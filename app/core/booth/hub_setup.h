#pragma once
// The booth hub's setup (issue 32, `openday hub init`): a small certificate authority and the
// hub's TLS certificate, nats-server's config (TLS only, JetStream, one NKey user per device with
// the narrowest permissions that work) and one credentials file per device, each with the booth's
// content key (the desk's also with the seed that signs content bundles).
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace openday {

struct HubSetupRequest {
  std::string booth;
  std::vector<std::string> devices;     // e.g. kiosk-1,kiosk-2,kiosk-3,desk
  std::string listen = "0.0.0.0:4222";  // HOST:PORT
  std::filesystem::path store;          // JetStream store folder (default: OUT/jetstream)
  std::filesystem::path out;            // where nats-server.conf, the certificates and <device>.creds go
  std::vector<std::string> extra_names;  // more host names / IPs for the hub certificate
};

struct HubSetupResult {
  std::string error;
  std::vector<std::filesystem::path> written;
  bool ok() const { return error.empty(); }
};

HubSetupResult write_hub_setup(const HubSetupRequest& request);

// What one device may publish and subscribe to at the hub (from the one permission table).
struct HubPermissions {
  std::vector<std::string> publish;
  std::vector<std::string> subscribe;
};
HubPermissions hub_permissions(std::string_view device);

// The file names a hub setup writes into its out folder.
inline constexpr std::string_view kHubConfigFile = "nats-server.conf";
inline constexpr std::string_view kHubCaCertFile = "ca.pem";
inline constexpr std::string_view kHubCaKeyFile = "ca.key";
inline constexpr std::string_view kHubCertFile = "hub.pem";
inline constexpr std::string_view kHubKeyFile = "hub.key";

}  // namespace openday
