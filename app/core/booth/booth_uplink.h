#pragma once
// A device's uplink to the booth hub: a background thread that publishes the committed rows of
// its database in order (message id "kiosk_id:seq", so the hub drops a repeated publish),
// remembers in the database what the hub acknowledged, and resumes there after an outage or a
// restart; and that sends the device's heartbeat. Nothing on the UI thread ever waits for it:
// the kiosk only reads its status.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <future>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "core/booth/booth_link_state.h"
#include "core/booth/booth_messages.h"
#include "core/booth/hub_credentials.h"
#include "core/booth/prize_bucket.h"

namespace openday {

class HubConnection;

struct UplinkOptions {
  std::filesystem::path db_file;
  std::string url;
  HubCredentials credentials;
  std::string kiosk_id;         // the id this device logs its own rows under
  std::string role = "kiosk";   // for the heartbeat
  // For the heartbeat's content version (the board's mismatch alert): fingerprinted on the
  // uplink's thread, never on the kiosk's start-up path.
  std::filesystem::path content_dir, quiz_file;
  std::chrono::milliseconds poll_interval{200};
  std::chrono::milliseconds heartbeat_interval{5000};
  std::chrono::milliseconds connect_timeout{2000};
  std::chrono::milliseconds longest_retry_wait{10000};
  std::size_t batch = 256;
  // Content from the desk: how often a kiosk asks the hub for the latest bundle, where it
  // unpacks it (empty: it never asks), and how many questions a round draws (for validating).
  std::chrono::milliseconds content_poll_interval{30000};
  std::filesystem::path content_staging_root;
  int questions_per_round = 5;
  // The booth's prize stock (issue 27): a kiosk holds a share of it, the desk holds none.
  bool holds_prize_share = true;
};

struct UplinkStatus {
  bool connected = false;
  std::string content_refused;  // why the desk's latest bundle was refused ("" when not)
  std::string last_error;       // the latest failure to reach the hub or to publish
  std::uint64_t published = 0;  // rows the hub acknowledged since start
  std::int64_t pending = 0;     // rows not yet on the hub, as of the last pass
  // The booth's prize stock as last read from the hub (none before the first read, or before
  // staff first set it), and this device's share of it.
  std::optional<std::int64_t> booth_prizes;
  std::int64_t prizes_held = 0;
  std::int64_t double_redemptions = 0;  // late redemptions of this device that were not the first
  std::string prize_error;
};

// One device's publishing, usable without the thread (`openday simulate --hub`, tests).
class UplinkPump {
 public:
  UplinkPump(const UplinkOptions& options, HubConnection& hub);
  // The connection that replaced the one libnats closed; what the pump knows stays.
  void use_connection(HubConnection& hub) { hub_ = &hub; }
  // Publishes what the hub does not hold yet, at most max_rows; the rows acknowledged are
  // recorded in the database. Returns how many were published; throws on a failure to publish
  // (the progress so far is kept).
  std::size_t publish_pending(std::size_t max_rows);
  // Sends the heartbeat and returns the backlog it reported.
  Heartbeat send_heartbeat();
  // The content the heartbeat names (after a switch to the desk's bundle).
  void set_content_source(const std::filesystem::path& content_dir, const std::filesystem::path& quiz_file);
  const std::string& content_version_now();
  std::string content_refused;  // carried by the heartbeat

 private:
  void publish_record(const EventRecord& record);
  void remember_progress(const std::string& kiosk_id, std::int64_t seq);

  const UplinkOptions& options_;
  HubConnection* hub_;
  std::map<std::string, std::int64_t> progress_;  // what the hub acknowledged, also when the disk refuses to record it
  bool progress_loaded_ = false;
  std::filesystem::path content_dir_, quiz_file_;
  std::optional<std::string> content_version_;
  std::int64_t caught_up_at_id_ = -1;  // the newest row when the last pass left nothing behind
};

class PrizeShare;

class BoothUplink {
 public:
  explicit BoothUplink(UplinkOptions options);
  ~BoothUplink();  // a last heartbeat if connected, then the thread ends
  BoothUplink(const BoothUplink&) = delete;
  BoothUplink& operator=(const BoothUplink&) = delete;

  UplinkStatus status() const;
  // The desk's bundle, once it is staged (and only once): the kiosk switches to it.
  std::optional<StagedContent> take_staged_content();

  // Work with the hub on the uplink's thread, ahead of its next pass; answered as Unreachable
  // (or with the error) at once while the hub is not connected. The caller waits with a timeout.
  std::future<HubRedemption> redeem(std::string canonical_code, std::int64_t now_ms);
  std::future<BoothStockChange> set_booth_stock(std::int64_t wanted);

 private:
  using HubJob = std::function<void(HubConnection* connected_hub)>;
  void post(HubJob job);
  void run_jobs();
  PrizeBucket* prize_bucket(HubConnection& hub, std::string& error);
  void check_for_content();
  void run();
  bool connect_if_needed();
  void drop_connection();
  void pass();
  void wait_for(std::chrono::milliseconds delay);

  UplinkOptions options_;
  std::unique_ptr<HubConnection> hub_;  // uplink thread only
  std::unique_ptr<UplinkPump> pump_;    // uplink thread only
  std::unique_ptr<PrizeShare> prizes_;  // uplink thread only
  std::deque<HubJob> jobs_;             // under mutex_
  std::chrono::milliseconds retry_wait_{500};
  std::chrono::steady_clock::time_point next_heartbeat_{};
  std::chrono::steady_clock::time_point next_content_check_{};
  std::optional<StagedContent> staged_;    // under mutex_
  std::optional<StagedContent> switched_;  // under mutex_: taken by the kiosk, not yet in the heartbeat
  std::string staged_version_;           // uplink thread: the version handed over last
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  UplinkStatus status_;  // under mutex_
  std::thread thread_;
};

}  // namespace openday
