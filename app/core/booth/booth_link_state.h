#pragma once
// What the kiosk's screens may know of the booth hub: whether this device is linked at all, and
// whether the hub answered lately (the uplink's own state; nothing here waits for it).
namespace openday {

struct BoothLinkState {
  bool configured = false;  // booth.hub set and the credentials usable
  bool reachable = false;   // the uplink is connected to the hub now
};

}  // namespace openday
