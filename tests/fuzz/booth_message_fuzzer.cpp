// libFuzzer harness: a message from the booth hub (an event row or a heartbeat), as the desk
// reads it off the network. What decodes must encode and decode back to the same value.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/booth/booth_messages.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  openday::EventRecord record;
  if (openday::decode_event_record(text, record).empty()) {
    openday::EventRecord again;
    if (!openday::decode_event_record(openday::encode_event_record(record), again).empty()) std::abort();
  }
  openday::Heartbeat beat;
  if (openday::decode_heartbeat(text, beat).empty()) {
    openday::Heartbeat again;
    if (!openday::decode_heartbeat(openday::encode_heartbeat(beat), again).empty() || !(again == beat)) std::abort();
  }
  return 0;
}
