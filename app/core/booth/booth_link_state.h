#pragma once
// What the kiosk's screens may know of the booth hub: whether this device is linked at all, and
// whether the hub answered lately (the uplink's own state; nothing here waits for it).
#include <cstdint>
#include <filesystem>
#include <optional>
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
  // The booth's prize stock (issue 27): as last read from the hub (none before the first read),
  // and what this device holds of it, from which it gives prizes while the hub is away.
  std::optional<std::int64_t> booth_prizes = std::nullopt;
  std::int64_t prizes_held = 0;
  // A booth device with nothing left that cannot reach the hub: no prize can be given here now.
  bool prizes_unavailable_here() const { return configured && !reachable && prizes_held <= 0; }
};

}  // namespace openday
