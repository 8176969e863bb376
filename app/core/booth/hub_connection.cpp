#include "core/booth/hub_connection.h"

#include <arpa/inet.h>

#include <array>
#include <cctype>
#include <condition_variable>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <utility>
#include <vector>

#include "core/booth/hub_subjects.h"
#include "core/booth/nkey.h"
#include "core/booth/prize_bucket.h"

namespace openday {

struct HubConnection::Callbacks {
  explicit Callbacks(HubCredentials given) : credentials(std::move(given)) {}
  const HubCredentials credentials;  // the signing callback reads the seed from here at every reconnect
  std::mutex mutex;
  std::condition_variable closed_signal;
  bool closed = false;      // under mutex: libnats ran the closed callback, its last one
  std::string async_error;  // under mutex
};

namespace {

constexpr int64_t kJetStreamWaitMs = 2000;
constexpr int64_t kLibraryCloseWaitMs = 3000;
// libnats runs the closed callback at once unless its callback thread is busy elsewhere; should
// it drop it (out of memory), the state the callbacks reach stays alive, leaked rather than freed.
constexpr auto kClosedCallbackWait = std::chrono::seconds(5);
constexpr int64_t kReconnectWaitMs = 1000;
// A hub that stops answering (a black-holed network) is noticed within about 15 s.
constexpr int64_t kPingIntervalMs = 5000;
constexpr int kMaxPingsOut = 3;
constexpr int64_t kEventsDuplicateWindowNs = int64_t{120} * 1'000'000'000;
constexpr int32_t kMaxContentBytes = 8 * 1024 * 1024;

// nats_Open once per process: libnats's own threads and timers, until close_hub_library at the
// process's end (nats_Close under a live connection is undefined).
natsStatus open_library() {
  static const natsStatus status = nats_Open(-1);
  return status;
}

// The host of a nats:// or tls:// URL (brackets of an IPv6 address removed), "" if none.
std::string url_host(const std::string& url) {
  std::string rest = url;
  if (const auto scheme = rest.find("://"); scheme != std::string::npos) rest = rest.substr(scheme + 3);
  if (const auto at = rest.rfind('@'); at != std::string::npos) rest = rest.substr(at + 1);
  if (const auto slash = rest.find('/'); slash != std::string::npos) rest = rest.substr(0, slash);
  if (!rest.empty() && rest.front() == '[') {
    const auto close = rest.find(']');
    return close == std::string::npos ? std::string() : rest.substr(1, close - 1);
  }
  if (const auto colon = rest.rfind(':'); colon != std::string::npos) rest = rest.substr(0, colon);
  return rest;
}

bool is_ip_address(const std::string& host) {
  std::array<unsigned char, 16> buffer{};
  return inet_pton(AF_INET, host.c_str(), buffer.data()) == 1 || inet_pton(AF_INET6, host.c_str(), buffer.data()) == 1;
}

bool contains(const std::string& text, std::string_view part) {
  std::string lower = text;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower.find(part) != std::string::npos;
}

bool is_authorization_failure(const std::string& detail) {
  return contains(detail, "authorization violation") || contains(detail, "authentication");
}

// What a failed first connect means for an operator.
std::string explain_connect_failure(natsStatus status, const std::string& url, const HubCredentials& credentials) {
  const std::string detail = nats_error_text(status);
  if (is_authorization_failure(detail))
    return "the hub at " + url + " refused device " + credentials.device + "'s credentials (authorization violation): is " +
           credentials.file.string() + " from this booth's current hub init?";
  if (status == NATS_SSL_ERROR || contains(detail, "certificate") || contains(detail, "ssl") || contains(detail, "tls"))
    return "the hub at " + url + " failed TLS verification against booth " + credentials.booth + "'s CA from " +
           credentials.file.string() + " (is it this booth's hub, set up by the same hub init?): " + detail;
  return "cannot reach the hub at " + url + ": " + detail;
}

// libnats's own reference to the callbacks' state, the closure of every callback of one
// connection: released by the closed callback, after which libnats runs none of them again
// (the reconnect thread that signs nonces is joined before it, earlier callbacks ran before it).
using CallbacksRef = std::shared_ptr<HubConnection::Callbacks>;

HubConnection::Callbacks& callbacks_of(void* closure) { return **static_cast<CallbacksRef*>(closure); }

void on_async_error(natsConnection* connection, natsSubscription*, natsStatus status, void* closure) {
  HubConnection::Callbacks& callbacks = callbacks_of(closure);
  const char* text = nullptr;
  natsConnection_GetLastError(connection, &text);
  std::lock_guard<std::mutex> lock(callbacks.mutex);
  callbacks.async_error = std::string(natsStatus_GetText(status)) + (text && *text ? std::string(": ") + text : std::string());
}

void on_closed(natsConnection*, void* closure) {
  auto* libnats_ref = static_cast<CallbacksRef*>(closure);
  const CallbacksRef callbacks = *libnats_ref;
  delete libnats_ref;
  {
    std::lock_guard<std::mutex> lock(callbacks->mutex);
    callbacks->closed = true;
  }
  callbacks->closed_signal.notify_all();
}

natsStatus sign_nonce(char** error_text, unsigned char** signature, int* signature_length, const char* nonce, void* closure) {
  const nkey::Signature signed_nonce = nkey::sign(callbacks_of(closure).credentials.seed, nonce ? std::string_view(nonce) : std::string_view());
  // libnats frees the signature with free().
  auto* copy = static_cast<unsigned char*>(std::malloc(signed_nonce.size()));
  if (!copy) {
    *error_text = strdup("out of memory while signing the hub's nonce");
    return NATS_NO_MEMORY;
  }
  std::memcpy(copy, signed_nonce.data(), signed_nonce.size());
  *signature = copy;
  *signature_length = static_cast<int>(signed_nonce.size());
  return NATS_OK;
}

// The booth's streams: what each holds and how much of it.
struct StreamSpec {
  std::string_view name;
  std::vector<std::string> subjects;
  int64_t max_per_subject;  // 0: no limit
  int64_t duplicate_window_ns;
  int32_t max_msg_size;  // 0: the server's max_payload
};

std::vector<StreamSpec> booth_streams() {
  return {
      {hub::kEventsStream, {std::string(hub::kEventsPrefix) + "*"}, 0, kEventsDuplicateWindowNs, 0},
      {hub::kHeartbeatsStream, {std::string(hub::kHeartbeatPrefix) + "*"}, 1, 0, 0},
      {hub::kContentStream, {std::string(hub::kContentSubject)}, 1, 0, kMaxContentBytes},
      {hub::kDeskStream, {std::string(hub::kDeskNoticePrefix) + "*"}, 1, 0, 0},
  };
}

std::string ensure_stream(jsCtx* js, const StreamSpec& spec) {
  const std::string name(spec.name);
  std::vector<const char*> subjects;
  for (const std::string& subject : spec.subjects) subjects.push_back(subject.c_str());
  jsStreamConfig config;
  jsStreamConfig_Init(&config);
  config.Name = name.c_str();
  config.Subjects = subjects.data();
  config.SubjectsLen = static_cast<int>(subjects.size());
  config.Storage = js_FileStorage;
  config.Retention = js_LimitsPolicy;
  config.Discard = js_DiscardOld;
  if (spec.max_per_subject > 0) config.MaxMsgsPerSubject = spec.max_per_subject;
  if (spec.duplicate_window_ns > 0) config.Duplicates = spec.duplicate_window_ns;
  if (spec.max_msg_size > 0) config.MaxMsgSize = spec.max_msg_size;
  jsErrCode code = static_cast<jsErrCode>(0);
  jsStreamInfo* info = nullptr;
  natsStatus status = js_AddStream(&info, js, &config, nullptr, &code);
  // Another device (or this desk's own feed thread) may have created it a moment before: the hub
  // then answers "name in use", or "subjects overlap" when the two creations raced. Either way the
  // stream of this name is brought to this configuration; a stream of another name that truly
  // overlaps makes the update fail, and that is reported.
  if (status != NATS_OK && (code == JSStreamNameExistErr || code == JSStreamSubjectOverlapErr))
    status = js_UpdateStream(&info, js, &config, nullptr, &code);
  if (info) jsStreamInfo_Destroy(info);
  if (status == NATS_OK) return "";
  return "cannot create the hub's stream " + name + ": " + nats_error_text(status) +
         (code != 0 ? " (JetStream error " + std::to_string(static_cast<int>(code)) + ")" : "");
}

// A status's text with libnats's detail of it, if it has one.
std::string status_with_detail(natsStatus status, const char* libnats_detail) {
  std::string text = natsStatus_GetText(status);
  std::string detail = libnats_detail ? libnats_detail : "";
  // libnats starts its detail with the source location, "(conn.c:733): ", of no use to an operator.
  if (!detail.empty() && detail.front() == '(') {
    if (const auto end = detail.find("): "); end != std::string::npos) detail = detail.substr(end + 3);
  }
  if (!detail.empty() && detail != text) text += " (" + detail + ")";
  return text;
}

}  // namespace

std::string nats_error_text(natsStatus status) {
  natsStatus last = NATS_OK;
  return status_with_detail(status, nats_GetLastError(&last));
}

void close_hub_library() {
  // Without a prior nats_Open this only answers that the library is not initialised.
  static_cast<void>(nats_CloseAndWait(kLibraryCloseWaitMs));
}

HubConnection::HubConnection(std::string url, HubCredentials credentials)
    : url_(std::move(url)), callbacks_(std::make_shared<Callbacks>(std::move(credentials))) {}

HubConnection::~HubConnection() {
  if (jetstream_) jsCtx_Destroy(jetstream_);
  if (!connection_) return;
  natsConnection_Close(connection_);
  natsConnection_Destroy(connection_);
  wait_until_closed();
}

// Once libnats ran the closed callback, nothing of this connection runs on its threads any more.
void HubConnection::wait_until_closed() {
  std::unique_lock<std::mutex> lock(callbacks_->mutex);
  callbacks_->closed_signal.wait_for(lock, kClosedCallbackWait, [this] { return callbacks_->closed; });
}

bool HubConnection::connected() const { return connection_ && natsConnection_Status(connection_) == NATS_CONN_STATUS_CONNECTED; }

bool HubConnection::closed() const {
  if (!connection_ || natsConnection_IsClosed(connection_)) return true;
  std::lock_guard<std::mutex> lock(callbacks_->mutex);
  return callbacks_->closed;
}

std::string HubConnection::closed_error() const {
  std::string error = "the connection of " + callbacks_->credentials.device + " to the hub at " + url_ + " was closed for good";
  const char* text = nullptr;
  const natsStatus status = connection_ ? natsConnection_GetLastError(connection_, &text) : NATS_OK;
  if (status == NATS_OK) return error;
  return error + " after: " + status_with_detail(status, text);
}

std::weak_ptr<const void> HubConnection::identity() const { return callbacks_; }

const HubCredentials& HubConnection::credentials() const { return callbacks_->credentials; }

std::string HubConnection::last_async_error() const {
  std::lock_guard<std::mutex> lock(callbacks_->mutex);
  return callbacks_->async_error;
}

HubConnection::Open HubConnection::connect(const std::string& url, const HubCredentials& credentials, std::chrono::milliseconds timeout) {
  if (const natsStatus status = open_library(); status != NATS_OK) return Open{nullptr, "cannot start the NATS client library: " + nats_error_text(status)};
  std::unique_ptr<HubConnection> self(new HubConnection(url, credentials));
  // Handed to libnats with the options; the closed callback releases it, or this function when
  // no connection was made (a failed first connect runs no callbacks).
  auto libnats_ref = std::make_unique<CallbacksRef>(self->callbacks_);
  const std::string host = url_host(url);
  const std::string inbox = hub::inbox_prefix(credentials.device);
  natsOptions* options = nullptr;
  natsStatus status = natsOptions_Create(&options);
  if (status == NATS_OK) status = natsOptions_SetURL(options, url.c_str());
  if (status == NATS_OK) status = natsOptions_SetSecure(options, true);
  if (status == NATS_OK) status = natsOptions_SetCATrustedCertificates(options, credentials.hub_ca_pem.c_str());
  // OpenSSL's host check matches names, not addresses; for an IP address the CA check stands
  // alone, which suffices as the booth's own CA signs only its hub's certificate.
  if (status == NATS_OK && !host.empty() && !is_ip_address(host)) status = natsOptions_SetExpectedHostname(options, host.c_str());
  if (status == NATS_OK) status = natsOptions_SetNKey(options, credentials.public_nkey.c_str(), &sign_nonce, libnats_ref.get());
  if (status == NATS_OK) status = natsOptions_SetCustomInboxPrefix(options, inbox.c_str());
  if (status == NATS_OK) status = natsOptions_SetName(options, credentials.device.c_str());
  if (status == NATS_OK) status = natsOptions_SetTimeout(options, static_cast<int64_t>(timeout.count()));
  if (status == NATS_OK) status = natsOptions_SetAllowReconnect(options, true);
  if (status == NATS_OK) status = natsOptions_SetMaxReconnect(options, -1);
  if (status == NATS_OK) status = natsOptions_SetReconnectWait(options, kReconnectWaitMs);
  if (status == NATS_OK) status = natsOptions_SetPingInterval(options, kPingIntervalMs);
  if (status == NATS_OK) status = natsOptions_SetMaxPingsOut(options, kMaxPingsOut);
  if (status == NATS_OK) status = natsOptions_SetErrorHandler(options, &on_async_error, libnats_ref.get());
  if (status == NATS_OK) status = natsOptions_SetClosedCB(options, &on_closed, libnats_ref.get());
  if (status != NATS_OK) {
    const std::string error = "cannot set up the connection to the hub at " + url + ": " + nats_error_text(status);
    natsOptions_Destroy(options);
    return Open{nullptr, error};
  }
  status = natsConnection_Connect(&self->connection_, options);
  // About one first connect in 150 is refused although the key is right (the hub logs an NKey
  // authentication error; libnats 3.4.1 with nats-server 2.9): a second try signs a fresh nonce.
  if (status != NATS_OK && is_authorization_failure(nats_error_text(status))) status = natsConnection_Connect(&self->connection_, options);
  natsOptions_Destroy(options);
  if (status != NATS_OK) {
    const std::string error = explain_connect_failure(status, url, credentials);
    self->connection_ = nullptr;
    return Open{nullptr, error};
  }
  static_cast<void>(libnats_ref.release());  // the connection's closed callback owns it now
  jsOptions js_options;
  jsOptions_Init(&js_options);
  js_options.Wait = kJetStreamWaitMs;
  if (status = natsConnection_JetStream(&self->jetstream_, self->connection_, &js_options); status != NATS_OK)
    return Open{nullptr, "cannot use JetStream at the hub at " + url + ": " + nats_error_text(status)};
  return Open{std::move(self), ""};
}

std::string ensure_booth_streams(HubConnection& desk) {
  if (!desk.credentials().desk)
    return "only the desk sets up the hub's streams; " + desk.credentials().device + " is a kiosk";
  for (const StreamSpec& spec : booth_streams())
    if (std::string error = ensure_stream(desk.jetstream(), spec); !error.empty()) return error;
  return ensure_prize_bucket(desk);
}

}  // namespace openday
