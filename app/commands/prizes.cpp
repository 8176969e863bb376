// The booth's prize stock and vouchers through the hub (issue 27): `openday hub stock set|show`
// and `openday voucher redeem --hub`.
#include <nlohmann/json.hpp>

#include <cstdio>

#include "commands/booth_link.h"
#include "commands/commands.h"
#include "core/booth/prize_bucket.h"
#include "core/quiz/vouchers.h"
#include "core/visits/prize_reserve_store.h"
#include "core/util/local_clock.h"
#include "core/visits/events.h"
#include "core/visits/store.h"

namespace openday::commands {
namespace {

void print_stock_table(const BoothStock& stock) {
  std::printf("booth stock (can still be promised): %lld\n", static_cast<long long>(stock.available()));
  std::printf("  not yet handed to a device: %lld\n", static_cast<long long>(stock.pool));
  std::printf("  stocked ever: %lld, taken out: %lld%s\n", static_cast<long long>(stock.stocked), static_cast<long long>(stock.withdrawn),
              stock.shortfall > 0 ? (", still to take back from devices: " + std::to_string(stock.shortfall)).c_str() : "");
  std::printf("%-16s %-8s %-8s %-9s %-8s\n", "device", "holds", "issued", "granted", "returned");
  for (const auto& [device, reserve] : stock.devices)
    std::printf("%-16s %-8lld %-8lld %-9lld %-8lld\n", device.c_str(), static_cast<long long>(reserve.left), static_cast<long long>(reserve.issued),
                static_cast<long long>(reserve.granted), static_cast<long long>(reserve.returned));
}

nlohmann::json stock_json(const BoothStock& stock) {
  nlohmann::json devices = nlohmann::json::object();
  for (const auto& [device, reserve] : stock.devices)
    devices[device] = {{"holds", reserve.left}, {"issued", reserve.issued}, {"granted", reserve.granted}, {"returned", reserve.returned},
                       {"reported_at_ms", reserve.at_ms}};
  return {{"available", stock.available()}, {"pool", stock.pool},           {"stocked", stock.stocked}, {"withdrawn", stock.withdrawn},
          {"shortfall", stock.shortfall},   {"updated_by", stock.updated_by}, {"devices", devices}};
}

// The bucket on a fresh connection; the desk creates it if missing.
std::unique_ptr<PrizeBucket> open_bucket(HubConnection& hub, const char* who) {
  if (hub.credentials().desk) {
    // The desk sets up the booth's streams with the bucket, so that the kiosks' rows flow too.
    if (const std::string problem = ensure_booth_streams(hub); !problem.empty()) {
      std::fprintf(stderr, "%s: %s\n", who, problem.c_str());
      return nullptr;
    }
  }
  PrizeBucket::Open open = PrizeBucket::open(hub);
  if (!open.bucket) std::fprintf(stderr, "%s: %s\n", who, open.error.c_str());
  return std::move(open.bucket);
}

// The redemption noted in the desk's own database (--db), where its board and export see it.
bool log_redemption(const std::filesystem::path& db_path, const std::string& kiosk_id, const std::string& code, std::int64_t at_ms, const char* who) {
  try {
    OpenedStore store = open_store_for_tool(db_path);
    store.db.skip_checkpoint_on_close();
    store.db.write_transaction("starting to log the redemption", "logging the redemption", [&] {
      note_hub_redemption_in(store.db, code, at_ms);
      Event redeemed;
      redeemed.type = EventType::VoucherRedeemed;
      redeemed.item = code;
      redeemed.target = "cli";
      redeemed.at_ms = at_ms;
      const std::string logged_as = command_line_kiosk_id(kiosk_id);
      Statement insert = prepare_event_insert(store.db);
      insert_event(insert, logged_as, next_event_seq(store.db, logged_as), redeemed);
    });
    return true;
  } catch (const SqliteError& error) {
    std::fprintf(stderr, "%s: redeemed on the booth hub, but not logged in %s: %s\n", who, db_path.c_str(), error.what());
    return false;
  }
}

// While the hub is away: only a code this device issued, from its own database.
int redeem_own_code_offline(const RedeemOptions& options, const std::string& device, const std::string& code, const std::string& why) {
  constexpr const char* who = "openday voucher";
  if (options.db_given && std::filesystem::exists(options.db_path)) {
    try {
      OpenedStore store = open_store_for_tool(options.db_path);
      store.db.skip_checkpoint_on_close();
      const Redemption own = store.db.write_transaction("starting the redemption", "committing the redemption", [&] {
        const Redemption result = redeem_own_voucher_in(store.db, code, device, utc_now_ms());
        if (result.outcome == Redemption::Outcome::Redeemed) {
          Event redeemed;
          redeemed.type = EventType::VoucherRedeemed;
          redeemed.item = result.code;
          redeemed.target = "cli";
          redeemed.at_ms = result.redeemed_at_ms;
          const std::string logged_as = command_line_kiosk_id(device);  // the running kiosk's writer owns its own id's seq
          Statement insert = prepare_event_insert(store.db);
          insert_event(insert, logged_as, next_event_seq(store.db, logged_as), redeemed);
        }
        return result;
      });
      if (own.outcome == Redemption::Outcome::Redeemed) {
        std::printf("REDEEMED %s at %s (this device's own code; the hub is told when it is back)\n", own.code.c_str(),
                    format_local_time(own.redeemed_at_ms).c_str());
        return 0;
      }
      if (own.outcome == Redemption::Outcome::AlreadyRedeemed) {
        std::fprintf(stderr, "%s: %s was already redeemed here at %s; do not hand out a second prize\n", who, own.code.c_str(),
                     format_local_time(own.redeemed_at_ms).c_str());
        return kExitVoucherAlreadyRedeemed;
      }
    } catch (const SqliteError& error) {
      std::fprintf(stderr, "%s: %s\n", who, error.what());
      return kExitDatabase;
    }
  }
  std::fprintf(stderr, "%s: 网络断开: %s is not a code this device (%s) issued, and the booth hub cannot be asked (%s); try again when the hub is back\n",
               who, code.c_str(), device.c_str(), why.c_str());
  return kExitVoucherHubUnreachable;
}

}  // namespace

int run_hub_stock(const HubStockOptions& options) {
  const char* who = options.set ? "openday hub stock set" : "openday hub stock show";
  int exit_code = 0;
  const auto link = resolve_hub_link(options.hub, options.config_path, who, exit_code);
  if (!link) return exit_code;
  auto hub = connect_or_report(*link, who);
  if (!hub) return kExitHub;
  const auto bucket = open_bucket(**hub, who);
  if (!bucket) return kExitHub;
  if (options.set) {
    const BoothStockChange change = set_booth_stock_on_hub(*bucket, *options.set, link->credentials.device, utc_now_ms());
    if (!change.error.empty()) {
      std::fprintf(stderr, "%s: %s\n", who, change.error.c_str());
      return kExitHub;
    }
    std::printf("booth stock: %lld -> %lld\n", static_cast<long long>(change.before), static_cast<long long>(change.after));
    return 0;
  }
  const PrizeBucket::StockRead read = bucket->read_stock();
  if (!read.error.empty()) {
    std::fprintf(stderr, "%s: %s\n", who, read.error.c_str());
    return kExitHub;
  }
  if (options.json) std::printf("%s\n", stock_json(*read.stock).dump(2).c_str());
  else print_stock_table(*read.stock);
  return 0;
}

int run_redeem_through_hub(const RedeemOptions& options) {
  constexpr const char* who = "openday voucher";
  int exit_code = 0;
  const auto link = resolve_hub_link(options.hub, options.config_path, who, exit_code);
  if (!link) return exit_code;
  const auto code = normalize_voucher_code(options.code);
  if (!code) {
    std::fprintf(stderr, "%s: '%s' cannot be a voucher code: 8 letters and digits from %.*s, like ABCD-EF23\n", who, options.code.c_str(),
                 static_cast<int>(kVoucherAlphabet.size()), kVoucherAlphabet.data());
    return kExitUnknownVoucher;
  }
  const std::string& device = link->credentials.device;
  HubConnection::Open open = HubConnection::connect(link->url, link->credentials, std::chrono::milliseconds(3000));
  if (!open.connection) return redeem_own_code_offline(options, device, *code, open.error);
  PrizeBucket::Open bucket = PrizeBucket::open(*open.connection);
  if (!bucket.bucket) return redeem_own_code_offline(options, device, *code, bucket.error);
  const HubRedemption result = redeem_on_hub(*bucket.bucket, *code, device, utc_now_ms());
  switch (result.outcome) {
    case HubRedemption::Outcome::Redeemed:
      if (options.db_given) log_redemption(options.db_path, device, result.code, result.at_ms, who);
      std::printf("REDEEMED %s at %s (issued by %s)\n", result.code.c_str(), format_local_time(result.at_ms).c_str(), result.issued_by.c_str());
      return 0;
    case HubRedemption::Outcome::AlreadyRedeemed:
      std::fprintf(stderr, "%s: %s was already redeemed at %s by %s; do not hand out a second prize\n", who, result.code.c_str(),
                   format_local_time(result.at_ms).c_str(), result.redeemed_by.c_str());
      return kExitVoucherAlreadyRedeemed;
    case HubRedemption::Outcome::Unknown:
      std::fprintf(stderr, "%s: %s is not a voucher of this booth (no device registered it on the hub); check the code\n", who, result.code.c_str());
      return kExitUnknownVoucher;
    case HubRedemption::Outcome::Unreachable: break;
  }
  return redeem_own_code_offline(options, device, *code, result.error);
}

}  // namespace openday::commands
