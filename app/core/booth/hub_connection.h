#pragma once
// A device's connection to the booth hub (issue 32): TLS verified against the booth's CA, the
// device's NKey, its own reply inboxes, and libnats reconnecting in the background once the
// first connect succeeded. The uplink, the desk's sync and the status build on it.
#include <nats/nats.h>

#include <chrono>
#include <memory>
#include <string>

#include "core/booth/hub_credentials.h"

namespace openday {

class HubConnection {
 public:
  struct Open {
    std::unique_ptr<HubConnection> connection;
    std::string error;  // for an operator: what failed and where, when connection is empty
  };
  // Fails fast (within timeout) when the hub cannot be reached or refuses the device; the caller
  // retries. Once connected, the connection reconnects on its own, except that libnats closes it
  // for good when the hub refuses the device's key twice in a row (closed()): its owner then
  // drops it, with everything made on it, and connects anew.
  static Open connect(const std::string& url, const HubCredentials& credentials, std::chrono::milliseconds timeout);
  ~HubConnection();
  HubConnection(const HubConnection&) = delete;
  HubConnection& operator=(const HubConnection&) = delete;

  natsConnection* nats() const { return connection_; }
  jsCtx* jetstream() const { return jetstream_; }  // JetStream calls wait at most 2 s by default
  bool connected() const;                          // natsConnection_Status == NATS_CONN_STATUS_CONNECTED
  bool closed() const;                             // libnats gave up on it: it never reconnects again
  std::string closed_error() const;                // for an operator: why libnats closed it
  const HubCredentials& credentials() const;
  const std::string& url() const { return url_; }
  // Tells this connection from every other, also from a later one at the same address: whoever
  // holds it keeps it distinct (compared by owner), without keeping the connection.
  std::weak_ptr<const void> identity() const;

  // The last error the hub reported asynchronously (a permissions violation, a slow consumer),
  // "" if none: the hub refuses a publish without failing the publishing call.
  std::string last_async_error() const;

  // What libnats's callbacks reach. libnats runs its error and closed callbacks on its own
  // thread, queued, possibly after natsConnection_Destroy returned: they must never reach the
  // HubConnection itself, which may be gone by then (the heap corruption of a hub kill).
  struct Callbacks;

 private:
  HubConnection(std::string url, HubCredentials credentials);
  void wait_until_closed();

  std::string url_;
  std::shared_ptr<Callbacks> callbacks_;
  natsConnection* connection_ = nullptr;
  jsCtx* jetstream_ = nullptr;
};

// Ends libnats's own threads once no HubConnection (nor anything made on one) is left: the
// process calls it last, before it exits. libnats frees a connection's last reference on its
// callback thread, after the connection's closed callback; left running into exit(), that
// thread freed the connection's TLS context while OpenSSL's exit handler had already torn
// OpenSSL down (SIGSEGV in SSL_CTX_free, the desk's `voucher redeem` exiting -11). Waits at
// most a few seconds; nothing of libnats works afterwards.
void close_hub_library();

// The status's own text plus libnats's detail of this thread's last error.
std::string nats_error_text(natsStatus status);

// Desk only: creates (or updates to) the booth's four streams with their subjects, limits, and
// the events' 2-minute duplicate window, and the prize bucket (issue 27); idempotent. "" on
// success, else the error.
std::string ensure_booth_streams(HubConnection& desk);

}  // namespace openday
