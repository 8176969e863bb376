#include "core/booth/booth_intake.h"

#include <nats/nats.h>
#include <sodium.h>

#include <algorithm>

#include <stdexcept>

#include "core/booth/hub_connection.h"
#include "core/booth/hub_subjects.h"
#include "core/visits/booth_store.h"
#include "core/visits/events.h"
#include "core/visits/sqlite.h"

namespace openday {
namespace {

// A pull subscription on one of the booth's streams, with its own durable position.
class PullConsumer {
 public:
  PullConsumer(HubConnection& desk, std::string_view stream, const std::string& subject, const std::string& durable) {
    jsSubOptions options;
    jsSubOptions_Init(&options);
    const std::string stream_name(stream);
    options.Stream = stream_name.c_str();
    options.Config.AckPolicy = js_AckExplicit;
    options.Config.MaxAckPending = 4096;
    jsErrCode js_error = static_cast<jsErrCode>(0);
    const natsStatus status = js_PullSubscribe(&subscription_, desk.jetstream(), subject.c_str(), durable.c_str(), nullptr, &options, &js_error);
    if (status != NATS_OK)
      throw std::runtime_error("cannot read the hub's stream " + stream_name + ": " + nats_error_text(status));
  }
  ~PullConsumer() { natsSubscription_Destroy(subscription_); }
  PullConsumer(const PullConsumer&) = delete;
  PullConsumer& operator=(const PullConsumer&) = delete;

  // Fetches about max messages (more when earlier pulls left some waiting); an empty list when
  // none came within wait.
  natsMsgList fetch(std::size_t max, std::chrono::milliseconds wait, bool& caught_up) {
    natsMsgList list{};
    jsErrCode js_error = static_cast<jsErrCode>(0);
    const int batch = batch_for(static_cast<int>(max));
    const natsStatus status = natsSubscription_Fetch(&list, subscription_, batch, wait.count(), &js_error);
    if (status == NATS_TIMEOUT) {
      caught_up = true;
      return natsMsgList{};
    }
    if (status != NATS_OK) throw std::runtime_error("fetching from the hub: " + nats_error_text(status));
    caught_up = list.Count < batch || last_says_nothing_pending(list);
    return list;
  }

 private:
  // libnats 3.4.1 (Debian 12) writes past the list it allocates when a fetch starts with more
  // than half its batch already waiting on the subscription (left there by earlier pull requests
  // still live on the hub, such as those buffered while reconnecting), fixed upstream in v3.10.0:
  // the batch is kept above twice what waits.
  int batch_for(int max) const {
    int waiting = 0;
    if (natsSubscription_GetPending(subscription_, &waiting, nullptr) != NATS_OK || waiting < 0) waiting = 0;
    return max + 2 * waiting;
  }

  static bool last_says_nothing_pending(const natsMsgList& list) {
    if (list.Count == 0) return true;
    jsMsgMetaData* meta = nullptr;
    if (natsMsg_GetMetaData(&meta, list.Msgs[list.Count - 1]) != NATS_OK) return false;
    const bool none = meta->NumPending == 0;
    jsMsgMetaData_Destroy(meta);
    return none;
  }

  natsSubscription* subscription_ = nullptr;
};

std::string_view message_text(natsMsg* message) {
  return {natsMsg_GetData(message), static_cast<std::size_t>(natsMsg_GetDataLength(message))};
}

// When the hub stored a message, by the hub's clock.
std::int64_t stored_at_ms(natsMsg* message) {
  jsMsgMetaData* meta = nullptr;
  if (natsMsg_GetMetaData(&meta, message) != NATS_OK) return utc_now_ms();
  const std::int64_t at = meta->Timestamp / 1'000'000;
  jsMsgMetaData_Destroy(meta);
  return at;
}

void acknowledge_all(natsMsgList& list) {
  for (int i = 0; i < list.Count; ++i) natsMsg_Ack(list.Msgs[i], nullptr);
}

}  // namespace

struct BoothIntake::Subscriptions {
  Subscriptions(HubConnection& desk, const std::string& consumer_id)
      : events(desk, hub::kEventsStream, hub::events_subject("*"), "intake-" + consumer_id),
        heartbeats(desk, hub::kHeartbeatsStream, hub::heartbeat_subject("*"), "beats-" + consumer_id) {}
  PullConsumer events;
  PullConsumer heartbeats;
};

BoothIntake::BoothIntake(HubConnection& desk, const std::string& consumer_id)
    : subscriptions_(std::make_unique<Subscriptions>(desk, consumer_id)) {}

BoothIntake::~BoothIntake() = default;

IntakeResult BoothIntake::pull(const Store& store, std::size_t max_messages, std::chrono::milliseconds wait) {
  IntakeResult result;
  bool events_caught_up = false, beats_caught_up = false;
  natsMsgList events = subscriptions_->events.fetch(max_messages, wait, events_caught_up);
  natsMsgList beats = subscriptions_->heartbeats.fetch(max_messages, std::chrono::milliseconds(1), beats_caught_up);
  IntakeBatch batch;
  for (int i = 0; i < events.Count; ++i) {
    EventRecord record;
    if (std::string problem = decode_event_record(message_text(events.Msgs[i]), record); !problem.empty())
      batch.refused.push_back(std::string(natsMsg_GetSubject(events.Msgs[i])) + ": " + problem);
    else
      batch.events.push_back(std::move(record));
  }
  for (int i = 0; i < beats.Count; ++i) {
    DeviceState state;
    if (std::string problem = decode_heartbeat(message_text(beats.Msgs[i]), state.beat); !problem.empty()) {
      batch.refused.push_back(std::string(natsMsg_GetSubject(beats.Msgs[i])) + ": " + problem);
      continue;
    }
    state.received_at_ms = stored_at_ms(beats.Msgs[i]);
    batch.heartbeats.push_back(std::move(state));
  }
  try {
    if (events.Count > 0 || beats.Count > 0) store(batch);
  } catch (...) {
    natsMsgList_Destroy(&events);
    natsMsgList_Destroy(&beats);
    throw;
  }
  acknowledge_all(events);
  acknowledge_all(beats);
  result.received = static_cast<std::size_t>(events.Count + beats.Count);
  result.caught_up = events_caught_up;
  result.refused = std::move(batch.refused);
  natsMsgList_Destroy(&events);
  natsMsgList_Destroy(&beats);
  return result;
}

DeskFeed::DeskFeed(Options options, DurableStore& store) : options_(std::move(options)), store_(store) {
  thread_ = std::thread([this] { run(); });
}

DeskFeed::~DeskFeed() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

DeskFeed::Status DeskFeed::status() const {
  std::lock_guard lock(mutex_);
  return status_;
}

// One round: connects and sets up the intake if need be, then takes one batch in. True when
// the next round may follow at once (more was waiting).
bool DeskFeed::step() {
  if (hub_ && hub_->closed()) {
    // libnats gave up on it (the hub refused the desk's key twice in a row): the intake's
    // subscriptions go with it, and the desk connects anew below; its consumers on the hub keep
    // their position.
    intake_.reset();
    hub_.reset();
  }
  if (!hub_) {
    HubConnection::Open open = HubConnection::connect(options_.url, options_.credentials, options_.connect_timeout);
    if (!open.connection) throw std::runtime_error(open.error);
    if (const std::string problem = ensure_booth_streams(*open.connection); !problem.empty()) throw std::runtime_error(problem);
    std::string consumer;
    const DurableResult named = store_.run_durable([&consumer](DurableTransaction& tx) { consumer = intake_id(tx.db(), random_intake_id()); }).get();
    if (!named.committed) throw std::runtime_error("naming the desk's intake: " + named.error);
    intake_ = std::make_unique<BoothIntake>(*open.connection, consumer);
    hub_ = std::move(open.connection);
  }
  if (!hub_->connected()) {
    // A pull sent while libnats reconnects waits in its buffer and reaches the hub with every
    // other one at once: nothing is asked until the hub is back.
    std::lock_guard lock(mutex_);
    status_.connected = false;
    return false;
  }
  {
    // Said before the pull: the rows it stores are visible to readers of the desk's file at once.
    std::lock_guard lock(mutex_);
    status_.connected = true;
  }
  const IntakeResult pulled = intake_->pull(
      [this](const IntakeBatch& batch) {
        const DurableResult stored = store_.run_durable([&batch](DurableTransaction& tx) { store_intake_batch(tx.db(), batch); }).get();
        if (!stored.committed) throw std::runtime_error("storing the booth's events: " + stored.error);
      },
      500, std::chrono::milliseconds(500));
  std::lock_guard lock(mutex_);
  status_.connected = hub_->connected();
  status_.caught_up = pulled.caught_up;
  status_.received += pulled.received;
  return !pulled.caught_up;
}

void DeskFeed::run() {
  std::chrono::milliseconds retry_wait(500);
  while (true) {
    {
      std::lock_guard lock(mutex_);
      if (stopping_) return;
    }
    std::chrono::milliseconds delay(0);
    try {
      if (!step()) delay = std::chrono::milliseconds(200);
      retry_wait = std::chrono::milliseconds(500);
    } catch (const std::exception& error) {
      std::lock_guard lock(mutex_);
      status_.connected = hub_ && hub_->connected();
      status_.last_error = error.what();
      delay = retry_wait;
      retry_wait = std::min(retry_wait * 2, options_.longest_retry_wait);
    }
    std::unique_lock lock(mutex_);
    wake_.wait_for(lock, delay, [this] { return stopping_; });
  }
}

std::string random_intake_id() {
  unsigned char bytes[8];
  randombytes_buf(bytes, sizeof bytes);
  char hex[17];
  sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
  return hex;
}

std::size_t store_intake_batch(Database& db, const IntakeBatch& batch) {
  const std::size_t added = take_in_event_records(db, batch.events);
  for (const DeviceState& state : batch.heartbeats) {
    const Heartbeat& beat = state.beat;
    save_device_heartbeat(db, beat.device, encode_device_state(state));
    // A kiosk's stock as its own file tells it; the desk's own stock is in the desk's file.
    if (beat.prize_stock && beat.role != "desk") save_booth_stock(db, beat.kiosk_id, *beat.prize_stock);
  }
  return added;
}

}  // namespace openday
