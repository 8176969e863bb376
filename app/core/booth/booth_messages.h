#pragma once
// What crosses the booth hub, as JSON: one event row per message (its message id "kiosk_id:seq"
// lets JetStream drop a repeated publish), and each device's heartbeat. Everything decoded here
// came over the network: sizes are bounded and every field is checked before it is believed.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/visits/event_record.h"

namespace openday {

inline constexpr std::size_t kMaxBoothMessageBytes = 64 * 1024;

std::string encode_event_record(const EventRecord& record);
// The problem, or "" with record filled in.
std::string decode_event_record(std::string_view json, EventRecord& record);
// JetStream's de-duplication id of a row: "kiosk_id:seq".
std::string event_message_id(const EventRecord& record);

// A device's state, sent every few seconds while it reaches the hub.
struct Heartbeat {
  std::string device;        // the credentials' device id (the subject token)
  std::string kiosk_id;      // the id its rows are logged under
  std::string role;          // "kiosk" | "desk"
  std::int64_t at_ms = 0;    // the device's clock when sent
  std::string content_version;
  std::int64_t last_seq = 0;     // its newest row
  std::int64_t acked_seq = 0;    // its newest row the hub holds
  std::int64_t pending = 0;      // rows not yet on the hub
  std::int64_t oldest_pending_at_ms = 0;  // when the oldest of them was logged; 0 when none
  std::optional<std::int64_t> prize_stock;
  std::optional<std::int64_t> free_disk_bytes;
  std::string last_event_type;
  std::int64_t last_event_at_ms = 0;
  std::string content_refused;  // why the desk's latest content bundle was refused; "" when not
  bool operator==(const Heartbeat&) const = default;
};

std::string encode_heartbeat(const Heartbeat& heartbeat);
std::string decode_heartbeat(std::string_view json, Heartbeat& heartbeat);

// A device's last heartbeat, with when the hub stored it (the hub's clock: a device whose own
// clock is off is still shown as silent or not by the same measure as the others).
struct DeviceState {
  Heartbeat beat;
  std::int64_t received_at_ms = 0;
  bool operator==(const DeviceState&) const = default;
};
// As the desk keeps it in its database.
std::string encode_device_state(const DeviceState& state);
std::string decode_device_state(std::string_view json, DeviceState& state);

}  // namespace openday
