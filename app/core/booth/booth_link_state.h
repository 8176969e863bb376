#pragma once
// What the kiosk's screens may know of the booth hub: whether this device is linked at all, and
// whether the hub answered lately (the uplink's own state; nothing here waits for it).
#include <filesystem>
#include <string>

namespace openday {

// Content the desk published through the hub, verified, unpacked and validated beside the
// database: the kiosk switches to it at its next attract screen.
struct StagedContent {
  std::filesystem::path content_dir;
  std::filesystem::path quiz_file;
  std::string version;
};

struct BoothLinkState {
  bool configured = false;  // booth.hub set and the credentials usable
  bool reachable = false;   // the uplink is connected to the hub now
};

}  // namespace openday
