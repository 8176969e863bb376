#include "core/booth/booth_board.h"

#include <nats/nats.h>

#include <algorithm>
#include <stdexcept>

#include "core/booth/hub_connection.h"
#include "core/booth/hub_subjects.h"

namespace openday {
namespace {

// The subjects of the heartbeat stream, one per device that ever sent one.
std::vector<std::string> heartbeat_subjects(HubConnection& hub) {
  jsOptions options;
  jsOptions_Init(&options);
  const std::string filter = hub::heartbeat_subject("*");
  options.Stream.Info.SubjectsFilter = filter.c_str();
  jsStreamInfo* info = nullptr;
  jsErrCode js_error = static_cast<jsErrCode>(0);
  const std::string stream(hub::kHeartbeatsStream);
  const natsStatus status = js_GetStreamInfo(&info, hub.jetstream(), stream.c_str(), &options, &js_error);
  if (status != NATS_OK) throw std::runtime_error("reading the hub's heartbeats: " + nats_error_text(status));
  std::vector<std::string> subjects;
  if (info->State.Subjects)
    for (int i = 0; i < info->State.Subjects->Count; ++i) subjects.emplace_back(info->State.Subjects->List[i].Subject);
  jsStreamInfo_Destroy(info);
  std::sort(subjects.begin(), subjects.end());
  return subjects;
}

}  // namespace

std::vector<DeviceState> read_device_states(HubConnection& hub) {
  std::vector<DeviceState> states;
  const std::string stream(hub::kHeartbeatsStream);
  for (const std::string& subject : heartbeat_subjects(hub)) {
    natsMsg* message = nullptr;
    if (js_GetLastMsg(&message, hub.jetstream(), stream.c_str(), subject.c_str(), nullptr, nullptr) != NATS_OK) continue;
    DeviceState state;
    const std::string_view text(natsMsg_GetData(message), static_cast<std::size_t>(natsMsg_GetDataLength(message)));
    const bool readable = decode_heartbeat(text, state.beat).empty();
    state.received_at_ms = natsMsg_GetTime(message) / 1'000'000;  // nanoseconds on the hub's clock
    natsMsg_Destroy(message);
    if (readable) states.push_back(std::move(state));
  }
  return states;
}

std::string_view board_alert_name(BoardAlert alert) {
  switch (alert) {
    case BoardAlert::Silent: return "silent";
    case BoardAlert::LowDisk: return "low_disk";
    case BoardAlert::ContentDiffers: return "content_differs";
    case BoardAlert::ContentRefused: return "content_refused";
  }
  return "unknown";
}

BoardRow board_row(const DeviceState& state, std::int64_t now_ms, const std::string& desk_content_version) {
  const Heartbeat& beat = state.beat;
  BoardRow row;
  row.device = beat.device;
  row.role = beat.role;
  row.silent_ms = std::max<std::int64_t>(0, now_ms - state.received_at_ms);
  row.online = row.silent_ms <= kOnlineWithinMs;
  row.pending = beat.pending;
  // The age of the oldest row not uploaded, measured on the device's own clock at the time of
  // the heartbeat, so that a clock an hour off does not show an hour of lag.
  row.upload_lag_ms = beat.pending > 0 && beat.oldest_pending_at_ms > 0 ? std::max<std::int64_t>(0, beat.at_ms - beat.oldest_pending_at_ms) : 0;
  row.content_version = beat.content_version;
  if (row.silent_ms > kSilentAlertMs) row.alerts.push_back(BoardAlert::Silent);
  if (beat.free_disk_bytes && *beat.free_disk_bytes < kLowDiskAlertBytes) row.alerts.push_back(BoardAlert::LowDisk);
  if (!desk_content_version.empty() && !beat.content_version.empty() && beat.content_version != desk_content_version)
    row.alerts.push_back(BoardAlert::ContentDiffers);
  row.content_refused = beat.content_refused;
  if (!beat.content_refused.empty()) row.alerts.push_back(BoardAlert::ContentRefused);
  return row;
}

}  // namespace openday
