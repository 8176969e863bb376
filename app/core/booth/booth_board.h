#pragma once
// The booth at a glance, from the devices' heartbeats on the hub: which device is online or how
// long it has been silent, how far behind its upload is, and what needs a staff member's eye.
#include <cstdint>
#include <string>
#include <vector>

#include "core/booth/booth_messages.h"

namespace openday {

class HubConnection;

// Every device that ever sent a heartbeat; throws std::runtime_error when the hub cannot tell.
std::vector<DeviceState> read_device_states(HubConnection& hub);

inline constexpr std::int64_t kSilentAlertMs = 2 * 60 * 1000;
inline constexpr std::int64_t kOnlineWithinMs = 20 * 1000;
inline constexpr std::int64_t kLowDiskAlertBytes = 500LL * 1024 * 1024;

enum class BoardAlert { Silent, LowDisk, ContentDiffers, ContentRefused };
std::string_view board_alert_name(BoardAlert alert);  // "silent" | "low_disk" | "content_differs" | "content_refused"

struct BoardRow {
  std::string device;
  std::string role;
  bool online = false;
  std::int64_t silent_ms = 0;       // since its last heartbeat
  std::int64_t pending = 0;         // rows not yet on the hub
  std::int64_t upload_lag_ms = 0;   // age of its oldest row not yet on the hub; 0 when none
  std::string content_version;
  std::string content_refused;  // the reason, with ContentRefused
  std::vector<BoardAlert> alerts;
};

// desk_content_version: empty when unknown (no content-version alert then).
BoardRow board_row(const DeviceState& state, std::int64_t now_ms, const std::string& desk_content_version);

}  // namespace openday
