#include "core/booth/prize_bucket.h"

#include "core/booth/hub_connection.h"
#include "core/quiz/vouchers.h"

namespace openday {
namespace {

constexpr int kCompareAndSetAttempts = 16;
constexpr std::uint8_t kBucketHistory = 4;

}  // namespace

PrizeBucket::Open PrizeBucket::open(HubConnection& hub) {
  if (!hub.connected()) return Open{nullptr, "the hub is not connected"};
  kvStore* kv = nullptr;
  const std::string bucket(kPrizeBucket);
  const natsStatus status = js_KeyValue(&kv, hub.jetstream(), bucket.c_str());
  if (status == NATS_NOT_FOUND) return Open{nullptr, "the hub has no prize stock yet: set it from the desk (openday hub stock set N)"};
  if (status != NATS_OK) return Open{nullptr, "cannot open the hub's prize bucket " + bucket + ": " + nats_error_text(status)};
  return Open{std::unique_ptr<PrizeBucket>(new PrizeBucket(hub, kv)), ""};
}

PrizeBucket::~PrizeBucket() {
  if (kv_) kvStore_Destroy(kv_);
}

bool PrizeBucket::reachable(std::string& error) const {
  if (hub_.connected()) return true;
  error = "the hub is not connected";
  return false;
}

PrizeBucket::Raw PrizeBucket::get(const std::string& key) {
  Raw raw;
  if (!reachable(raw.error)) return raw;
  kvEntry* entry = nullptr;
  const natsStatus status = kvStore_Get(&entry, kv_, key.c_str());
  if (status == NATS_NOT_FOUND) return raw;
  if (status != NATS_OK) {
    raw.error = "reading " + key + " from the hub: " + nats_error_text(status);
    return raw;
  }
  raw.revision = kvEntry_Revision(entry);
  if (kvEntry_Operation(entry) == kvOp_Put) {
    const int length = kvEntry_ValueLen(entry);
    const auto* data = static_cast<const char*>(kvEntry_Value(entry));
    raw.value = std::string(data ? data : "", data ? static_cast<std::size_t>(length) : 0);
  }
  kvEntry_Destroy(entry);
  return raw;
}

PrizeBucket::StockRead PrizeBucket::read_stock() {
  StockRead read;
  const Raw raw = get(std::string(kStockKey));
  if (!raw.error.empty()) {
    read.error = raw.error;
    return read;
  }
  read.revision = raw.value ? raw.revision : 0;
  if (!raw.value) {
    read.stock = BoothStock{};
    return read;
  }
  std::string problem;
  read.stock = decode_booth_stock(*raw.value, problem);
  if (!read.stock) read.error = "the hub's prize stock record is unreadable: " + problem;
  return read;
}

PrizeBucket::StockRead PrizeBucket::update_stock(const std::function<bool(BoothStock&)>& change) {
  const std::string key(kStockKey);
  for (int attempt = 0; attempt < kCompareAndSetAttempts; ++attempt) {
    StockRead read = read_stock();
    if (!read.error.empty()) return read;
    if (!change(*read.stock)) return read;
    const std::string text = encode_booth_stock(*read.stock);
    if (!reachable(read.error)) return read;
    std::uint64_t revision = 0;
    const natsStatus status = read.revision == 0 ? kvStore_Create(&revision, kv_, key.c_str(), text.data(), static_cast<int>(text.size()))
                                                 : kvStore_Update(&revision, kv_, key.c_str(), text.data(), static_cast<int>(text.size()), read.revision);
    if (status == NATS_OK) {
      read.revision = revision;
      return read;
    }
    // Refused: someone else's change came first (read again and retry), or the hub failed.
    const Raw now = get(key);
    if (!now.error.empty()) return StockRead{std::nullopt, 0, now.error};
    if ((now.value ? now.revision : 0) == read.revision)
      return StockRead{std::nullopt, 0, "writing the prize stock to the hub: " + nats_error_text(status)};
  }
  return StockRead{std::nullopt, 0, "the hub's prize stock kept changing during " + std::to_string(kCompareAndSetAttempts) + " attempts"};
}

PrizeBucket::Create PrizeBucket::create_voucher(const VoucherRecord& record, std::string& error) {
  if (!reachable(error)) return Create::Failed;
  const std::string key = voucher_key(record.code);
  const std::string text = encode_voucher_record(record);
  std::uint64_t revision = 0;
  const natsStatus status = kvStore_Create(&revision, kv_, key.c_str(), text.data(), static_cast<int>(text.size()));
  if (status == NATS_OK) return Create::Created;
  const Raw now = get(key);
  if (now.value) return Create::Exists;
  error = "registering voucher " + record.code + " on the hub: " + nats_error_text(status);
  return Create::Failed;
}

PrizeBucket::VoucherRead PrizeBucket::read_voucher(const std::string& canonical_code) {
  VoucherRead read;
  const Raw raw = get(voucher_key(canonical_code));
  read.error = raw.error;
  if (!raw.error.empty() || !raw.value) return read;
  read.revision = raw.revision;
  std::string problem;
  read.record = decode_voucher_record(*raw.value, problem);
  if (!read.record) read.error = "the hub's record of voucher " + canonical_code + " is unreadable: " + problem;
  return read;
}

PrizeBucket::Update PrizeBucket::update_voucher(const VoucherRecord& record, std::uint64_t revision, std::string& error) {
  if (!reachable(error)) return Update::Failed;
  const std::string key = voucher_key(record.code);
  const std::string text = encode_voucher_record(record);
  std::uint64_t written = 0;
  const natsStatus status = kvStore_Update(&written, kv_, key.c_str(), text.data(), static_cast<int>(text.size()), revision);
  if (status == NATS_OK) return Update::Written;
  const Raw now = get(key);
  if (now.error.empty() && now.revision != revision) return Update::Conflict;
  error = "writing voucher " + record.code + " to the hub: " + nats_error_text(status);
  return Update::Failed;
}

std::string ensure_prize_bucket(HubConnection& desk) {
  if (!desk.credentials().desk) return "only the desk sets up the hub's prize bucket; " + desk.credentials().device + " is a kiosk";
  const std::string bucket(kPrizeBucket);
  kvStore* kv = nullptr;
  natsStatus status = js_KeyValue(&kv, desk.jetstream(), bucket.c_str());
  if (status == NATS_NOT_FOUND) {
    kvConfig config;
    kvConfig_Init(&config);
    config.Bucket = bucket.c_str();
    config.History = kBucketHistory;
    config.StorageType = js_FileStorage;
    config.MaxValueSize = static_cast<int32_t>(kMaxPrizeRecordBytes);
    status = js_CreateKeyValue(&kv, desk.jetstream(), &config);
  }
  if (kv) kvStore_Destroy(kv);
  if (status == NATS_OK) return "";
  return "cannot create the hub's prize bucket " + bucket + ": " + nats_error_text(status);
}

BoothStockChange set_booth_stock_on_hub(PrizeBucket& bucket, std::int64_t wanted, const std::string& by, std::int64_t now_ms) {
  BoothStockChange change;
  const auto written = bucket.update_stock([&](BoothStock& stock) {
    change.before = set_booth_stock(stock, wanted, by, now_ms);
    change.after = stock.available();
    return true;
  });
  change.error = written.error;
  return change;
}

HubRedemption redeem_on_hub(PrizeBucket& bucket, const std::string& canonical_code, const std::string& device, std::int64_t now_ms) {
  HubRedemption result;
  result.code = canonical_code;
  const std::string redemption_id = new_voucher_code();  // 40 random bits: this call's mark
  for (int attempt = 0; attempt < kCompareAndSetAttempts; ++attempt) {
    PrizeBucket::VoucherRead read = bucket.read_voucher(canonical_code);
    if (!read.error.empty()) {
      result.error = read.error;
      return result;
    }
    if (!read.record) {
      result.outcome = HubRedemption::Outcome::Unknown;
      return result;
    }
    VoucherRecord& record = *read.record;
    result.issued_by = record.device;
    if (record.redeemed_at_ms && record.redemption_id == redemption_id) {
      // Our own write, whose acknowledgement was lost on the way back: it is this redemption
      // (another call of the same device in the same millisecond has another id).
      result.outcome = HubRedemption::Outcome::Redeemed;
      result.at_ms = now_ms;
      return result;
    }
    if (record.redeemed_at_ms) {
      result.outcome = HubRedemption::Outcome::AlreadyRedeemed;
      result.at_ms = *record.redeemed_at_ms;
      result.redeemed_by = record.redeemed_by;
      return result;
    }
    record.redeemed_at_ms = now_ms;
    record.redeemed_by = device;
    record.redemption_id = redemption_id;
    std::string error;
    switch (bucket.update_voucher(record, read.revision, error)) {
      case PrizeBucket::Update::Written:
        result.outcome = HubRedemption::Outcome::Redeemed;
        result.at_ms = now_ms;
        return result;
      case PrizeBucket::Update::Conflict: continue;  // another redemption (or the issuer's report) came first: look again
      case PrizeBucket::Update::Failed:
        result.error = error;
        return result;
    }
  }
  result.error = "voucher " + canonical_code + " kept changing on the hub";
  return result;
}

LateReport report_redemption(PrizeBucket& bucket, const std::string& canonical_code, const std::string& device, std::int64_t at_ms,
                             std::string& error) {
  for (int attempt = 0; attempt < kCompareAndSetAttempts; ++attempt) {
    PrizeBucket::VoucherRead read = bucket.read_voucher(canonical_code);
    if (!read.error.empty()) {
      error = read.error;
      return LateReport::Failed;
    }
    if (!read.record) {
      // The issuer's own code that was never registered (drawn while the hub was away).
      VoucherRecord record{canonical_code, device, true, at_ms, at_ms, at_ms, device, "", {}};
      const PrizeBucket::Create created = bucket.create_voucher(record, error);
      if (created == PrizeBucket::Create::Created) return LateReport::Recorded;
      if (created == PrizeBucket::Create::Failed) return LateReport::Failed;
      continue;
    }
    VoucherRecord& record = *read.record;
    if (record.redeemed_by == device && record.redeemed_at_ms == at_ms) return LateReport::Recorded;  // reported before
    for (const auto& late : record.late)
      if (late.by == device && late.at_ms == at_ms) return LateReport::Double;
    const bool first = !record.redeemed_at_ms;
    if (!first && record.late.size() >= kMaxLateRedemptions) return LateReport::Double;  // the record stays readable
    if (first) {
      record.redeemed_at_ms = at_ms;
      record.redeemed_by = device;
    } else {
      record.late.push_back({device, at_ms});
    }
    switch (bucket.update_voucher(record, read.revision, error)) {
      case PrizeBucket::Update::Written: return first ? LateReport::Recorded : LateReport::Double;
      case PrizeBucket::Update::Conflict: continue;
      case PrizeBucket::Update::Failed: return LateReport::Failed;
    }
  }
  error = "voucher " + canonical_code + " kept changing on the hub";
  return LateReport::Failed;
}

}  // namespace openday
