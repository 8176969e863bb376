// libFuzzer harness: a booth device's hub credentials file (issue 32), as parse_hub_credentials
// reads it. Either it loads, and then every field holds what the hub, the connection and the
// content bundles rely on and it writes back to the same credentials, or the error names the file.
#include <cstddef>
#include <cstdint>

#include "core/booth/hub_credentials.h"
#include "core/booth/hub_subjects.h"
#include "core/booth/nkey.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using openday::fuzz::require;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const openday::HubCredentialsLoad load = openday::parse_hub_credentials(text, "kiosk-1.creds");
  if (!load.credentials) {
    require(load.error.rfind("kiosk-1.creds", 0) == 0, "a credentials error does not name the file");
    return 0;
  }
  require(load.error.empty(), "loaded credentials carry an error");
  const openday::HubCredentials& credentials = *load.credentials;
  require(openday::hub::is_valid_device_id(credentials.booth), "a loaded booth id is not a valid id");
  require(openday::hub::is_valid_device_id(credentials.device), "a loaded device id is not a subject token");
  require(credentials.desk == openday::hub::is_desk_device(credentials.device), "the desk role does not follow the device id");
  require(credentials.public_nkey.size() == 56 && credentials.public_nkey.front() == 'U', "the public key is not a NATS user key");
  require(!credentials.content_signing_seed || credentials.desk, "a kiosk's credentials hold the content-signing seed");
  require(!credentials.content_signing_seed || openday::content_public_key_of(*credentials.content_signing_seed) == credentials.content_public_key,
          "the content-signing seed is not that of the content key");
  const std::string again =
      openday::format_hub_credentials(credentials.booth, credentials.device, openday::nkey::encode_user_seed(credentials.seed), credentials.hub_ca_pem,
                                      credentials.content_public_key, credentials.content_signing_seed);
  const openday::HubCredentialsLoad reread = openday::parse_hub_credentials(again, "kiosk-1.creds");
  require(reread.credentials.has_value(), "loaded credentials do not read back once written");
  require(reread.credentials->seed == credentials.seed && reread.credentials->device == credentials.device &&
              reread.credentials->hub_ca_pem == credentials.hub_ca_pem && reread.credentials->content_public_key == credentials.content_public_key &&
              reread.credentials->content_signing_seed == credentials.content_signing_seed,
          "credentials written back read as others");
  return 0;
}
