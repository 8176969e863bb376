#include "core/booth/booth_messages.h"

#include <nlohmann/json.hpp>

namespace openday {
namespace {

using Json = nlohmann::json;

constexpr std::size_t kMaxIdBytes = 64;
constexpr std::size_t kMaxTextBytes = 16 * 1024;

// Reads JSON from the network: never throws, "" or what is wrong.
std::string parse_object(std::string_view text, Json& object) {
  if (text.size() > kMaxBoothMessageBytes) return "message of " + std::to_string(text.size()) + " bytes (at most " + std::to_string(kMaxBoothMessageBytes) + ")";
  object = Json::parse(text.begin(), text.end(), nullptr, false);
  if (object.is_discarded()) return "not JSON";
  if (!object.is_object()) return "not a JSON object";
  return "";
}

std::string read_text(const Json& object, const char* key, std::size_t max_bytes, bool required, std::optional<std::string>& out) {
  const auto found = object.find(key);
  if (found == object.end() || found->is_null()) {
    out.reset();
    return required ? std::string("field ") + key + " is missing" : "";
  }
  if (!found->is_string()) return std::string("field ") + key + " is not text";
  const auto& text = found->get_ref<const std::string&>();
  if (text.size() > max_bytes) return std::string("field ") + key + " is longer than " + std::to_string(max_bytes) + " bytes";
  if (required && text.empty()) return std::string("field ") + key + " is empty";
  out = text;
  return "";
}

std::string read_required_text(const Json& object, const char* key, std::size_t max_bytes, std::string& out) {
  std::optional<std::string> value;
  if (std::string problem = read_text(object, key, max_bytes, true, value); !problem.empty()) return problem;
  out = std::move(*value);
  return "";
}

std::string read_int(const Json& object, const char* key, bool required, std::optional<std::int64_t>& out) {
  const auto found = object.find(key);
  if (found == object.end() || found->is_null()) {
    out.reset();
    return required ? std::string("field ") + key + " is missing" : "";
  }
  if (!found->is_number_integer()) return std::string("field ") + key + " is not a whole number";
  out = found->get<std::int64_t>();
  return "";
}

std::string read_required_int(const Json& object, const char* key, std::int64_t& out) {
  std::optional<std::int64_t> value;
  if (std::string problem = read_int(object, key, true, value); !problem.empty()) return problem;
  out = *value;
  return "";
}

void put_text(Json& object, const char* key, const std::optional<std::string>& text) {
  if (text) object[key] = *text;
}

void put_int(Json& object, const char* key, const std::optional<std::int64_t>& value) {
  if (value) object[key] = *value;
}

// Runs each reader in turn and stops at the first problem.
template <typename... Readers>
std::string first_problem(Readers&&... readers) {
  std::string problem;
  ((problem.empty() ? (problem = readers(), 0) : 0), ...);
  return problem;
}

}  // namespace

std::string encode_event_record(const EventRecord& r) {
  Json object = {{"kiosk_id", r.kiosk_id}, {"seq", r.seq}, {"at_ms", r.at_ms}, {"utc_offset_min", r.utc_offset_min}, {"session", r.session}, {"type", r.type}};
  put_text(object, "screen", r.screen);
  put_text(object, "department", r.department);
  put_text(object, "item", r.item);
  put_text(object, "target", r.target);
  put_int(object, "value", r.value);
  put_int(object, "count", r.count);
  put_text(object, "detail", r.detail);
  // Invalid UTF-8 in a stored row (the kiosk checks its input, but a file may be old) is
  // replaced rather than thrown on: one odd row must never stop a device's upload.
  return object.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string decode_event_record(std::string_view json, EventRecord& r) {
  Json object;
  if (std::string problem = parse_object(json, object); !problem.empty()) return problem;
  r = EventRecord{};
  return first_problem([&] { return read_required_text(object, "kiosk_id", kMaxIdBytes, r.kiosk_id); },
                       [&] { return read_required_int(object, "seq", r.seq); },
                       [&] { return read_required_int(object, "at_ms", r.at_ms); },
                       [&] { return read_required_int(object, "utc_offset_min", r.utc_offset_min); },
                       [&] { return read_required_int(object, "session", r.session); },
                       [&] { return read_required_text(object, "type", kMaxIdBytes, r.type); },
                       [&] { return read_text(object, "screen", kMaxTextBytes, false, r.screen); },
                       [&] { return read_text(object, "department", kMaxTextBytes, false, r.department); },
                       [&] { return read_text(object, "item", kMaxTextBytes, false, r.item); },
                       [&] { return read_text(object, "target", kMaxTextBytes, false, r.target); },
                       [&] { return read_int(object, "value", false, r.value); },
                       [&] { return read_int(object, "count", false, r.count); },
                       [&] { return read_text(object, "detail", kMaxTextBytes, false, r.detail); });
}

std::string event_message_id(const EventRecord& record) { return record.kiosk_id + ":" + std::to_string(record.seq); }

std::string encode_heartbeat(const Heartbeat& h) {
  Json object = {{"device", h.device},
                 {"kiosk_id", h.kiosk_id},
                 {"role", h.role},
                 {"at_ms", h.at_ms},
                 {"content_version", h.content_version},
                 {"last_seq", h.last_seq},
                 {"acked_seq", h.acked_seq},
                 {"pending", h.pending},
                 {"oldest_pending_at_ms", h.oldest_pending_at_ms},
                 {"last_event_type", h.last_event_type},
                 {"last_event_at_ms", h.last_event_at_ms}};
  put_int(object, "prize_stock", h.prize_stock);
  put_int(object, "free_disk_bytes", h.free_disk_bytes);
  if (!h.content_refused.empty()) object["content_refused"] = h.content_refused;
  return object.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string decode_heartbeat(std::string_view json, Heartbeat& h) {
  Json object;
  if (std::string problem = parse_object(json, object); !problem.empty()) return problem;
  h = Heartbeat{};
  std::optional<std::string> content_version, last_event_type, content_refused;
  std::string problem = first_problem([&] { return read_required_text(object, "device", kMaxIdBytes, h.device); },
                                      [&] { return read_required_text(object, "kiosk_id", kMaxIdBytes, h.kiosk_id); },
                                      [&] { return read_required_text(object, "role", kMaxIdBytes, h.role); },
                                      [&] { return read_required_int(object, "at_ms", h.at_ms); },
                                      [&] { return read_text(object, "content_version", kMaxIdBytes, false, content_version); },
                                      [&] { return read_required_int(object, "last_seq", h.last_seq); },
                                      [&] { return read_required_int(object, "acked_seq", h.acked_seq); },
                                      [&] { return read_required_int(object, "pending", h.pending); },
                                      [&] { return read_required_int(object, "oldest_pending_at_ms", h.oldest_pending_at_ms); },
                                      [&] { return read_int(object, "prize_stock", false, h.prize_stock); },
                                      [&] { return read_int(object, "free_disk_bytes", false, h.free_disk_bytes); },
                                      [&] { return read_text(object, "last_event_type", kMaxIdBytes, false, last_event_type); },
                                      [&] { return read_text(object, "content_refused", kMaxTextBytes, false, content_refused); },
                                      [&] {
                                        std::optional<std::int64_t> at;
                                        std::string p = read_int(object, "last_event_at_ms", false, at);
                                        h.last_event_at_ms = at.value_or(0);
                                        return p;
                                      });
  h.content_version = content_version.value_or("");
  h.last_event_type = last_event_type.value_or("");
  h.content_refused = content_refused.value_or("");
  return problem;
}

std::string encode_device_state(const DeviceState& state) {
  return Json{{"received_at_ms", state.received_at_ms}, {"beat", Json::parse(encode_heartbeat(state.beat))}}.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string decode_device_state(std::string_view json, DeviceState& state) {
  Json object;
  if (std::string problem = parse_object(json, object); !problem.empty()) return problem;
  state = DeviceState{};
  if (std::string problem = read_required_int(object, "received_at_ms", state.received_at_ms); !problem.empty()) return problem;
  const auto beat = object.find("beat");
  if (beat == object.end() || !beat->is_object()) return "field beat is missing";
  return decode_heartbeat(beat->dump(), state.beat);
}

}  // namespace openday
