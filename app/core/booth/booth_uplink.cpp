#include "core/booth/booth_uplink.h"

#include <nats/nats.h>

#include <algorithm>
#include <utility>
#include <optional>

#include "core/booth/hub_connection.h"
#include "core/booth/hub_subjects.h"
#include "core/booth/content_watch.h"
#include "core/booth/prize_share.h"
#include "core/content/content_version.h"
#include "core/quiz/vouchers.h"
#include "core/visits/booth_store.h"
#include "core/visits/events.h"
#include "core/visits/store.h"

namespace openday {
namespace {

std::optional<std::int64_t> free_disk_bytes(const std::filesystem::path& file) {
  std::error_code ec;
  const auto space = std::filesystem::space(file.has_parent_path() ? file.parent_path() : ".", ec);
  if (ec) return std::nullopt;
  return static_cast<std::int64_t>(space.available);
}

// Publishes one message into the booth's streams and waits for the hub's acknowledgement.
void publish_acknowledged(HubConnection& hub, const std::string& subject, const std::string& data, const std::string& message_id) {
  jsPubOptions options;
  jsPubOptions_Init(&options);
  options.MsgId = message_id.empty() ? nullptr : message_id.c_str();
  jsPubAck* ack = nullptr;
  jsErrCode js_error = static_cast<jsErrCode>(0);
  const natsStatus status = js_Publish(&ack, hub.jetstream(), subject.c_str(), data.data(), static_cast<int>(data.size()), &options, &js_error);
  jsPubAck_Destroy(ack);
  if (status != NATS_OK)
    throw std::runtime_error("publishing on " + subject + ": " + nats_error_text(status) +
                             (js_error != 0 ? " (JetStream error " + std::to_string(static_cast<int>(js_error)) + ")" : ""));
}

}  // namespace

UplinkPump::UplinkPump(const UplinkOptions& options, HubConnection& hub)
    : options_(options), hub_(&hub), content_dir_(options.content_dir), quiz_file_(options.quiz_file) {}

void UplinkPump::remember_progress(const std::string& kiosk_id, std::int64_t seq) {
  progress_[kiosk_id] = seq;
  try {
    Database db = open_for_uplink(options_.db_file);
    db.write_transaction("starting to record the upload", "recording the upload", [&] { save_uplink_progress(db, kiosk_id, seq); });
  } catch (const SqliteError&) {
    // A full or read-only disk: the progress stays in memory; after a restart the rows are
    // published again and the hub and the desk drop the copies.
  }
}

void UplinkPump::publish_record(const EventRecord& record) {
  publish_acknowledged(*hub_, hub::events_subject(options_.credentials.device), encode_event_record(record), event_message_id(record));
}

std::size_t UplinkPump::publish_pending(std::size_t max_rows) {
  Database db = open_for_uplink(options_.db_file);
  if (!progress_loaded_) {
    for (const auto& [kiosk, seq] : uplink_progress(db)) progress_[kiosk] = std::max(progress_[kiosk], seq);
    progress_loaded_ = true;
  }
  const std::int64_t newest = newest_event_id(db);
  if (newest == caught_up_at_id_) return 0;
  std::size_t published = 0;
  for (const auto& [kiosk, run] : event_runs(db)) {
    while (published < max_rows) {
      const auto acked = progress_.find(kiosk);
      const std::int64_t after = acked == progress_.end() ? run.first - 1 : acked->second;
      if (after >= run.second) break;
      const auto records = event_records_after(db, kiosk, after, std::min(options_.batch, max_rows - published));
      if (records.empty()) break;
      std::int64_t last_acked = after;
      try {
        for (const EventRecord& record : records) {
          publish_record(record);
          last_acked = record.seq;
          ++published;
        }
      } catch (...) {
        if (last_acked != after) remember_progress(kiosk, last_acked);
        throw;
      }
      remember_progress(kiosk, last_acked);
    }
  }
  if (published < max_rows) caught_up_at_id_ = newest;
  return published;
}

Heartbeat UplinkPump::send_heartbeat() {
  Database db = open_for_uplink(options_.db_file);
  const UplinkBacklog backlog = uplink_backlog(db, options_.kiosk_id, progress_);
  Heartbeat beat;
  beat.device = options_.credentials.device;
  beat.kiosk_id = options_.kiosk_id;
  beat.role = options_.role;
  beat.at_ms = utc_now_ms();
  beat.content_version = content_version_now();
  beat.content_refused = content_refused;
  beat.last_seq = backlog.last_seq;
  const auto own = progress_.find(options_.kiosk_id);
  beat.acked_seq = own == progress_.end() ? 0 : own->second;
  beat.pending = backlog.pending;
  beat.oldest_pending_at_ms = backlog.oldest_pending_at_ms;
  beat.prize_stock = read_prize_stock(db);
  beat.free_disk_bytes = free_disk_bytes(options_.db_file);
  beat.last_event_type = backlog.last_event_type;
  beat.last_event_at_ms = backlog.last_event_at_ms;
  publish_acknowledged(*hub_, hub::heartbeat_subject(options_.credentials.device), encode_heartbeat(beat), "");
  return beat;
}

void UplinkPump::set_content_source(const std::filesystem::path& content_dir, const std::filesystem::path& quiz_file) {
  content_dir_ = content_dir;
  quiz_file_ = quiz_file;
  content_version_.reset();
}

const std::string& UplinkPump::content_version_now() {
  if (!content_version_) content_version_ = content_dir_.empty() ? "" : content_version(content_dir_, quiz_file_);
  return *content_version_;
}

BoothUplink::BoothUplink(UplinkOptions options)
    : options_(std::move(options)),
      prizes_(std::make_unique<PrizeShare>(options_.db_file, options_.kiosk_id, options_.credentials.device, options_.holds_prize_share)) {
  thread_ = std::thread([this] { run(); });
}

BoothUplink::~BoothUplink() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

UplinkStatus BoothUplink::status() const {
  std::lock_guard lock(mutex_);
  return status_;
}

void BoothUplink::wait_for(std::chrono::milliseconds delay) {
  std::unique_lock lock(mutex_);
  wake_.wait_for(lock, delay, [this] { return stopping_ || !jobs_.empty(); });
}

void BoothUplink::post(HubJob job) {
  {
    std::lock_guard lock(mutex_);
    jobs_.push_back(std::move(job));
  }
  wake_.notify_all();
}

void BoothUplink::run_jobs() {
  while (true) {
    HubJob job;
    {
      std::lock_guard lock(mutex_);
      if (jobs_.empty()) return;
      job = std::move(jobs_.front());
      jobs_.pop_front();
    }
    try {
      job(hub_ && hub_->connected() ? hub_.get() : nullptr);
    } catch (const std::exception&) {
      // The job's promise is broken: its caller reads that as the hub not answering.
    }
  }
}

PrizeBucket* BoothUplink::prize_bucket(HubConnection& hub, std::string& error) {
  if (hub.credentials().desk) {
    // The desk creates the bucket when staff first set the stock from it.
    if (std::string problem = ensure_prize_bucket(hub); !problem.empty()) {
      error = problem;
      return nullptr;
    }
  }
  return prizes_->bucket(hub, error);
}

std::future<HubRedemption> BoothUplink::redeem(std::string canonical_code, std::int64_t now_ms) {
  auto promise = std::make_shared<std::promise<HubRedemption>>();
  auto answer = promise->get_future();
  post([this, promise, code = std::move(canonical_code), now_ms](HubConnection* hub) {
    HubRedemption unreachable;
    unreachable.code = code;
    if (!hub) {
      unreachable.error = "the hub is not connected";
      promise->set_value(unreachable);
      return;
    }
    PrizeBucket* bucket = prizes_->bucket(*hub, unreachable.error);
    promise->set_value(bucket ? redeem_on_hub(*bucket, code, options_.credentials.device, now_ms) : unreachable);
  });
  return answer;
}

std::future<BoothStockChange> BoothUplink::set_booth_stock(std::int64_t wanted) {
  auto promise = std::make_shared<std::promise<BoothStockChange>>();
  auto answer = promise->get_future();
  post([this, promise, wanted](HubConnection* hub) {
    BoothStockChange change;
    change.error = "the hub is not connected";
    PrizeBucket* bucket = hub ? prize_bucket(*hub, change.error) : nullptr;
    if (bucket) change = set_booth_stock_on_hub(*bucket, wanted, options_.credentials.device, utc_now_ms());
    promise->set_value(change);
  });
  return answer;
}

bool BoothUplink::connect_if_needed() {
  if (hub_ && hub_->connected()) return true;
  if (hub_ && !hub_->closed()) {
    // Reconnecting in the background: wait for it rather than open a second connection.
    std::lock_guard lock(mutex_);
    status_.connected = false;
    return false;
  }
  if (hub_) drop_connection();
  HubConnection::Open open = HubConnection::connect(options_.url, options_.credentials, options_.connect_timeout);
  std::lock_guard lock(mutex_);
  if (!open.connection) {
    status_.connected = false;
    status_.last_error = open.error;
    return false;
  }
  hub_ = std::move(open.connection);
  if (pump_)
    pump_->use_connection(*hub_);
  else
    pump_ = std::make_unique<UplinkPump>(options_, *hub_);
  status_.connected = true;
  return true;
}

// libnats gave up on the connection (the hub refused the device's key twice in a row, as a hub
// restarted with a regenerated config does, or a passing refusal): nothing would ever be
// uploaded on it again. It goes, with the prize bucket made on it; the pump keeps what it knows.
void BoothUplink::drop_connection() {
  const std::string why = hub_->closed_error();
  prizes_->forget_bucket();
  hub_.reset();
  std::lock_guard lock(mutex_);
  status_.connected = false;
  status_.last_error = why;
}

void BoothUplink::pass() {
  std::optional<StagedContent> switched;
  {
    std::lock_guard lock(mutex_);
    switched = std::exchange(switched_, std::nullopt);
  }
  if (switched) pump_->set_content_source(switched->content_dir, switched->quiz_file);
  // The prize share first: it never throws, and a kiosk keeps its share topped up even while
  // its rows cannot be published (before the desk set up the streams).
  const PrizeShareStatus prizes = prizes_->settle(*hub_, utc_now_ms());
  {
    std::lock_guard lock(mutex_);
    if (prizes.booth_available) status_.booth_prizes = prizes.booth_available;
    status_.prizes_held = prizes.held;
    status_.double_redemptions = prizes.doubles;
    status_.prize_error = prizes.error;
  }
  const std::size_t published = pump_->publish_pending(options_.batch);
  const auto now = std::chrono::steady_clock::now();
  std::optional<Heartbeat> beat;
  if (now >= next_heartbeat_) {
    beat = pump_->send_heartbeat();
    next_heartbeat_ = now + options_.heartbeat_interval;
  }
  if (!options_.content_staging_root.empty() && now >= next_content_check_) {
    next_content_check_ = now + options_.content_poll_interval;
    check_for_content();
  }
  std::lock_guard lock(mutex_);
  status_.connected = true;
  status_.published += published;
  status_.content_refused = pump_->content_refused;
  if (beat) status_.pending = beat->pending;
}

// The desk's latest bundle: verified against the booth's key, unpacked and validated beside
// the database; a refusal goes into the heartbeat, where the desk's board shows it.
void BoothUplink::check_for_content() {
  const ContentFetch fetched = fetch_latest_bundle(*hub_, options_.credentials, pump_->content_version_now(), options_.content_staging_root,
                                                   options_.questions_per_round);
  if (fetched.outcome == ContentFetch::Outcome::Refused) pump_->content_refused = fetched.refusal;
  if (fetched.outcome != ContentFetch::Outcome::Staged && fetched.outcome != ContentFetch::Outcome::SameVersion) return;
  pump_->content_refused.clear();
  if (fetched.outcome != ContentFetch::Outcome::Staged || fetched.version == staged_version_) return;
  staged_version_ = fetched.version;
  std::lock_guard lock(mutex_);
  staged_ = StagedContent{fetched.staged_content_dir, fetched.staged_quiz_file, fetched.version};
}

std::optional<StagedContent> BoothUplink::take_staged_content() {
  std::optional<StagedContent> staged;
  {
    std::lock_guard lock(mutex_);
    staged = std::exchange(staged_, std::nullopt);
    if (staged) switched_ = staged;
  }
  return staged;
}

void BoothUplink::run() {
  while (true) {
    {
      std::lock_guard lock(mutex_);
      if (stopping_) break;
    }
    std::chrono::milliseconds delay = options_.poll_interval;
    const bool connected = connect_if_needed();
    run_jobs();
    if (!connected) {
      // While libnats reconnects an established connection on its own, looking at its status
      // costs nothing: look again at the poll interval, so that the backlog leaves as soon as
      // the hub is back rather than up to longest_retry_wait later (the catch-up benchmark).
      if (!hub_) {
        delay = retry_wait_;
        retry_wait_ = std::min(retry_wait_ * 2, options_.longest_retry_wait);
      }
    } else {
      try {
        pass();
        retry_wait_ = std::chrono::milliseconds(500);
      } catch (const std::exception& error) {
        std::lock_guard lock(mutex_);
        status_.last_error = error.what();
        delay = retry_wait_;
        retry_wait_ = std::min(retry_wait_ * 2, options_.longest_retry_wait);
      }
    }
    wait_for(delay);
  }
  // A last heartbeat, so that the board shows the final backlog and stock of a device that stopped.
  run_jobs();
  if (hub_ && hub_->connected() && pump_) {
    try {
      prizes_->give_back_all(*hub_, utc_now_ms());
      pump_->publish_pending(options_.batch * 4);
      pump_->send_heartbeat();
    } catch (const std::exception&) {
    }
  }
}

}  // namespace openday
