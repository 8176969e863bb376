#pragma once
// The booth hub as the commands reach it: the address and this device's credentials, from the
// command line or the config.
#include <filesystem>
#include <optional>
#include <string>

#include <memory>

#include "core/booth/booth_intake.h"
#include "core/booth/booth_uplink.h"
#include "core/booth/config.h"
#include "core/booth/hub_connection.h"
#include "core/booth/hub_credentials.h"
#include "core/ops/cli.h"

namespace openday::commands {

struct HubLink {
  std::string url;
  HubCredentials credentials;
};

// --hub and --hub-credentials, else the config's booth.hub and booth.hub_credentials; nullopt
// after printing why, with exit_code set.
std::optional<HubLink> resolve_hub_link(const HubLinkOptions& given, const std::filesystem::path& config_path, const char* who, int& exit_code);

// Connected to the hub, or nullopt after printing why.
std::optional<std::unique_ptr<HubConnection>> connect_or_report(const HubLink& link, const char* who);

// Publishes every row of the database the hub does not hold yet, then a heartbeat; true when
// nothing is left behind.
bool upload_database(const HubLink& link, const std::filesystem::path& db_file, const std::string& kiosk_id, const char* who,
                     const std::filesystem::path& content_dir, const std::filesystem::path& quiz_file);

// The running kiosk's link to the hub (booth.hub set): its uplink, and on the desk the intake
// of the booth's events. Absent without a hub, or with unusable credentials (said on stderr:
// the device then works alone, as without a hub).
struct BoothLinkThreads {
  std::unique_ptr<BoothUplink> uplink;
  std::unique_ptr<DeskFeed> feed;
};
struct BoothLinkPlace {
  std::filesystem::path db_file;
  std::string kiosk_id;
  std::filesystem::path content_dir, quiz_file;
};
std::optional<BoothLinkThreads> start_booth_link(const Config& config, const BoothLinkPlace& place, DurableStore& store);

}  // namespace openday::commands
