#pragma once
// The booth hub's subject scheme (issue 32), written once: the streams the hub keeps, the subjects
// each device publishes on, and the inbox prefix each device receives its replies under. The hub's
// permissions (hub_setup.cpp) and every publisher and reader use these, so that a renamed subject
// cannot drift between the hub's config and the devices.
#include <string>
#include <string_view>

namespace openday::hub {

inline constexpr std::string_view kEventsStream = "OPENDAY_EVENTS";          // subjects openday.events.*
inline constexpr std::string_view kHeartbeatsStream = "OPENDAY_HEARTBEATS";  // subjects openday.heartbeat.*, max 1 msg per subject
inline constexpr std::string_view kContentStream = "OPENDAY_CONTENT";        // subject openday.content, max 1 msg per subject
inline constexpr std::string_view kDeskStream = "OPENDAY_DESK";              // subjects openday.desk.* (desk -> one kiosk notices), max 1 per subject
inline constexpr std::string_view kContentSubject = "openday.content";

inline constexpr std::string_view kEventsPrefix = "openday.events.";
inline constexpr std::string_view kHeartbeatPrefix = "openday.heartbeat.";
inline constexpr std::string_view kDeskNoticePrefix = "openday.desk.";

inline std::string events_subject(std::string_view device) { return std::string(kEventsPrefix).append(device); }
inline std::string heartbeat_subject(std::string_view device) { return std::string(kHeartbeatPrefix).append(device); }
inline std::string desk_notice_subject(std::string_view device) { return std::string(kDeskNoticePrefix).append(device); }
// The booth's prize stock and vouchers (issue 27): a JetStream key-value bucket, whose records
// live in the stream KV_<bucket> under the subjects $KV.<bucket>.<key>.
inline constexpr std::string_view kPrizeBucketName = "OPENDAY_PRIZES";
inline std::string prize_bucket_stream() { return "KV_" + std::string(kPrizeBucketName); }
inline std::string prize_bucket_subjects() { return "$KV." + std::string(kPrizeBucketName) + ".>"; }

// Each device its own reply inboxes, so that the hub can let a device read only its own replies.
inline std::string inbox_prefix(std::string_view device) { return std::string("_INBOX_").append(device); }

// A device id is one subject token: letters, digits, - and _, 1-32 characters (the rule of
// booth.kiosk_id). A booth id follows the same rule.
inline bool is_valid_device_id(std::string_view id) {
  if (id.empty() || id.size() > 32) return false;
  for (char c : id) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

// The desk is the device whose id starts with "desk" ("desk", "desk-2").
inline bool is_desk_device(std::string_view id) { return id.substr(0, 4) == "desk"; }

}  // namespace openday::hub
