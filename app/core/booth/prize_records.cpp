#include "core/booth/prize_records.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace openday {
namespace {

using Json = nlohmann::json;

constexpr std::size_t kMaxDevices = 256;
constexpr std::size_t kMaxIdBytes = 64;
constexpr std::int64_t kMaxCount = std::int64_t{1} << 40;  // far above any booth, far below overflow
constexpr std::int64_t kMostHeldPerDevice = 5;

std::optional<Json> parse_object(std::string_view text, std::string& error) {
  if (text.size() > kMaxPrizeRecordBytes) {
    error = "record of " + std::to_string(text.size()) + " bytes (at most " + std::to_string(kMaxPrizeRecordBytes) + ")";
    return std::nullopt;
  }
  Json object = Json::parse(text.begin(), text.end(), nullptr, false);
  if (object.is_discarded() || !object.is_object()) {
    error = "not a JSON object";
    return std::nullopt;
  }
  return object;
}

// A count: a whole number 0..2^40, 0 when absent.
bool read_count(const Json& object, const char* key, std::int64_t& out, std::string& error) {
  const auto found = object.find(key);
  if (found == object.end() || found->is_null()) {
    out = 0;
    return true;
  }
  if (!found->is_number_integer() || found->get<std::int64_t>() < 0 || found->get<std::int64_t>() > kMaxCount) {
    error = std::string("field ") + key + " is not a whole number from 0 to 2^40";
    return false;
  }
  out = found->get<std::int64_t>();
  return true;
}

bool read_time(const Json& object, const char* key, std::optional<std::int64_t>& out, std::string& error) {
  const auto found = object.find(key);
  if (found == object.end() || found->is_null()) {
    out.reset();
    return true;
  }
  if (!found->is_number_integer()) {
    error = std::string("field ") + key + " is not a time in milliseconds";
    return false;
  }
  out = found->get<std::int64_t>();
  return true;
}

bool read_id(const Json& object, const char* key, bool required, std::string& out, std::string& error) {
  const auto found = object.find(key);
  if (found == object.end() || found->is_null()) {
    if (required) error = std::string("field ") + key + " is missing";
    out.clear();
    return !required;
  }
  if (!found->is_string() || found->get_ref<const std::string&>().size() > kMaxIdBytes) {
    error = std::string("field ") + key + " is not a name of at most 64 bytes";
    return false;
  }
  out = found->get<std::string>();
  if (required && out.empty()) {
    error = std::string("field ") + key + " is empty";
    return false;
  }
  return true;
}

DeviceReserve& device_entry(BoothStock& stock, std::string_view device) { return stock.devices[std::string(device)]; }

// What the devices last reported holding.
std::int64_t reported_left(const BoothStock& stock) {
  std::int64_t held = 0;
  for (const auto& [device, reserve] : stock.devices) held += reserve.left;
  return held;
}

}  // namespace

std::int64_t BoothStock::available() const { return std::max<std::int64_t>(0, pool + reported_left(*this) - shortfall); }

std::int64_t BoothStock::to_give_back(std::int64_t held, std::int64_t now_ms) const {
  if (held <= 0) return 0;
  if (shortfall > 0) return held;
  if (now_ms < recall_until_ms) return std::max<std::int64_t>(0, held - 1);
  return 0;
}

std::string encode_booth_stock(const BoothStock& stock) {
  Json devices = Json::object();
  for (const auto& [device, reserve] : stock.devices)
    devices[device] = {{"granted", reserve.granted}, {"returned", reserve.returned}, {"left", reserve.left},
                       {"issued", reserve.issued}, {"at_ms", reserve.at_ms}};
  const Json object = {{"pool", stock.pool},
                       {"stocked", stock.stocked},
                       {"withdrawn", stock.withdrawn},
                       {"shortfall", stock.shortfall},
                       {"recall_until_ms", stock.recall_until_ms},
                       {"updated_at_ms", stock.updated_at_ms},
                       {"updated_by", stock.updated_by},
                       {"devices", devices}};
  return object.dump();
}

std::optional<BoothStock> decode_booth_stock(std::string_view text, std::string& error) {
  const auto object = parse_object(text, error);
  if (!object) return std::nullopt;
  BoothStock stock;
  std::optional<std::int64_t> recall, updated;
  if (!read_count(*object, "pool", stock.pool, error) || !read_count(*object, "stocked", stock.stocked, error) ||
      !read_count(*object, "withdrawn", stock.withdrawn, error) || !read_count(*object, "shortfall", stock.shortfall, error) ||
      !read_time(*object, "recall_until_ms", recall, error) || !read_time(*object, "updated_at_ms", updated, error) ||
      !read_id(*object, "updated_by", false, stock.updated_by, error))
    return std::nullopt;
  stock.recall_until_ms = recall.value_or(0);
  stock.updated_at_ms = updated.value_or(0);
  const auto devices = object->find("devices");
  if (devices == object->end() || devices->is_null()) return stock;
  if (!devices->is_object() || devices->size() > kMaxDevices) {
    error = "field devices is not an object of at most 256 devices";
    return std::nullopt;
  }
  for (const auto& [device, entry] : devices->items()) {
    if (device.empty() || device.size() > kMaxIdBytes || !entry.is_object()) {
      error = "field devices holds an entry that is not a device's";
      return std::nullopt;
    }
    DeviceReserve reserve;
    std::optional<std::int64_t> at;
    if (!read_count(entry, "granted", reserve.granted, error) || !read_count(entry, "returned", reserve.returned, error) ||
        !read_count(entry, "left", reserve.left, error) || !read_count(entry, "issued", reserve.issued, error) ||
        !read_time(entry, "at_ms", at, error)) {
      error = "device " + device + ": " + error;
      return std::nullopt;
    }
    reserve.at_ms = at.value_or(0);
    stock.devices.emplace(device, reserve);
  }
  return stock;
}

std::int64_t set_booth_stock(BoothStock& stock, std::int64_t wanted, std::string_view by, std::int64_t now_ms) {
  // A shortfall above what the pool and the devices still hold is never paid (a device gave
  // those prizes to winners before it reported them): it must not swallow prizes staff add.
  stock.shortfall = std::min(stock.shortfall, stock.pool + reported_left(stock));
  const std::int64_t before = stock.available();
  const std::int64_t delta = std::max<std::int64_t>(0, wanted) - before;
  if (delta >= 0) {
    const std::int64_t cancelled = std::min(stock.shortfall, delta);
    stock.shortfall -= cancelled;
    stock.pool += delta - cancelled;
    stock.stocked += delta - cancelled;
  } else {
    const std::int64_t from_pool = std::min(stock.pool, -delta);
    stock.pool -= from_pool;
    stock.withdrawn += from_pool;
    stock.shortfall += -delta - from_pool;
  }
  stock.updated_at_ms = now_ms;
  stock.updated_by = std::string(by);
  return before;
}

std::int64_t reserve_target(std::int64_t pool, std::size_t devices) {
  const std::int64_t sharing = static_cast<std::int64_t>(std::max<std::size_t>(devices, 1)) * 4;
  return std::clamp<std::int64_t>(pool / sharing, 0, kMostHeldPerDevice);
}

std::int64_t grant_from_pool(BoothStock& stock, std::string_view device, std::int64_t want, std::int64_t now_ms) {
  const std::int64_t granted = std::clamp<std::int64_t>(want, 0, stock.pool);
  DeviceReserve& reserve = device_entry(stock, device);
  stock.pool -= granted;
  reserve.granted += granted;
  reserve.at_ms = now_ms;
  stock.updated_at_ms = now_ms;
  stock.updated_by = std::string(device);
  return granted;
}

std::int64_t take_back(BoothStock& stock, std::string_view device, std::int64_t returned_total, std::int64_t now_ms) {
  DeviceReserve& reserve = device_entry(stock, device);
  // Never more than the booth granted it: a database ahead of a bucket recreated empty must
  // not return prizes nobody stocked.
  returned_total = std::min(returned_total, reserve.granted);
  const std::int64_t back = std::max<std::int64_t>(0, returned_total - reserve.returned);
  if (back == 0) return 0;
  reserve.returned = returned_total;
  reserve.at_ms = now_ms;
  const std::int64_t paid = std::min(stock.shortfall, back);
  stock.shortfall -= paid;
  stock.withdrawn += paid;
  stock.pool += back - paid;
  stock.updated_at_ms = now_ms;
  stock.updated_by = std::string(device);
  return back;
}

std::string encode_voucher_record(const VoucherRecord& record) {
  Json object = {{"code", record.code}, {"device", record.device}, {"issued", record.issued}, {"registered_at_ms", record.registered_at_ms}};
  if (record.issued_at_ms) object["issued_at_ms"] = *record.issued_at_ms;
  if (record.redeemed_at_ms) {
    object["redeemed_at_ms"] = *record.redeemed_at_ms;
    object["redeemed_by"] = record.redeemed_by;
    if (!record.redemption_id.empty()) object["redemption_id"] = record.redemption_id;
  }
  if (!record.late.empty()) {
    Json late = Json::array();
    for (const auto& entry : record.late) late.push_back({{"by", entry.by}, {"at_ms", entry.at_ms}});
    object["late"] = late;
  }
  return object.dump();
}

std::optional<VoucherRecord> decode_voucher_record(std::string_view text, std::string& error) {
  const auto object = parse_object(text, error);
  if (!object) return std::nullopt;
  VoucherRecord record;
  std::optional<std::int64_t> registered;
  if (!read_id(*object, "code", true, record.code, error) || !read_id(*object, "device", true, record.device, error) ||
      !read_time(*object, "registered_at_ms", registered, error) || !read_time(*object, "issued_at_ms", record.issued_at_ms, error) ||
      !read_time(*object, "redeemed_at_ms", record.redeemed_at_ms, error) || !read_id(*object, "redeemed_by", false, record.redeemed_by, error) ||
      !read_id(*object, "redemption_id", false, record.redemption_id, error))
    return std::nullopt;
  record.registered_at_ms = registered.value_or(0);
  const auto issued = object->find("issued");
  record.issued = issued != object->end() && issued->is_boolean() && issued->get<bool>();
  const auto late = object->find("late");
  if (late == object->end() || late->is_null()) return record;
  if (!late->is_array() || late->size() > kMaxLateRedemptions) {
    error = "field late is not a list of at most 32 redemptions";
    return std::nullopt;
  }
  for (const Json& entry : *late) {
    VoucherRecord::Late one;
    std::optional<std::int64_t> at;
    if (!entry.is_object() || !read_id(entry, "by", true, one.by, error) || !read_time(entry, "at_ms", at, error)) {
      if (error.empty()) error = "field late holds an entry that is not a redemption";
      return std::nullopt;
    }
    one.at_ms = at.value_or(0);
    record.late.push_back(std::move(one));
  }
  return record;
}

std::string voucher_key(std::string_view canonical_code) { return "code." + std::string(canonical_code); }

}  // namespace openday
