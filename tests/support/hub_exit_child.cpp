// A process that drops a connection of libnats right before it ends, as `openday voucher redeem`
// does, while libnats's callback thread still holds the connection (its closed callback is slow;
// libnats frees the connection, with its TLS context, after that callback). With "close" it calls
// close_hub_library before returning from main, as openday's main does. Exit 0 when libnats was
// done with the connection before the process began to exit; exit 1 when it was still at work,
// that is when OpenSSL's exit handler could tear OpenSSL down under it (the desk's SIGSEGV in
// SSL_CTX_free).
#include <nats/nats.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>

#include "core/booth/hub_connection.h"

namespace {

using namespace std::chrono_literals;

std::atomic<bool> closed_callback_done{false};

void slow_closed_callback(natsConnection*, void*) {
  std::this_thread::sleep_for(300ms);
  closed_callback_done = true;
}

// Registered after libnats initialised OpenSSL, so it runs before OpenSSL's exit handler.
void check_libnats_is_done() {
  if (closed_callback_done) return;
  std::fputs("the process began to exit while libnats still held a connection\n", stderr);
  _exit(1);
}

}  // namespace

// argv: a URL where nothing listens, "close" or not.
int main(int argc, char** argv) {
  if (argc != 3) return 2;
  natsOptions* options = nullptr;
  if (natsOptions_Create(&options) != NATS_OK) return 3;
  natsOptions_SetURL(options, argv[1]);
  natsOptions_SetSecure(options, true);  // the connection owns a TLS context
  natsOptions_SetRetryOnFailedConnect(options, true, [](natsConnection*, void*) {}, nullptr);
  natsOptions_SetClosedCB(options, &slow_closed_callback, nullptr);
  natsConnection* connection = nullptr;
  const natsStatus status = natsConnection_Connect(&connection, options);
  natsOptions_Destroy(options);
  if (status != NATS_NOT_YET_CONNECTED) return 4;
  std::atexit(check_libnats_is_done);
  natsConnection_Destroy(connection);  // the closed callback, queued, holds the last reference
  if (std::string(argv[2]) == "close") openday::close_hub_library();
  return 0;
}
