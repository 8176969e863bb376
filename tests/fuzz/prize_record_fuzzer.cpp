// libFuzzer harness: a record of the booth's prize bucket (issue 27), the stock or a voucher, as
// a device reads it off the hub. What decodes must encode and decode back to the same text, and
// the accounting run on any stock that decodes keeps its books: every change moves prizes
// between the pool, the devices and the withdrawn, never creating or losing one.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/booth/prize_records.h"

namespace {

// pool + what devices hold - (stocked - withdrawn): 0 for a booth's own record, and whatever it
// is for a record from elsewhere, no change may move it.
std::int64_t imbalance(const openday::BoothStock& stock) {
  std::int64_t held = 0;
  for (const auto& [device, reserve] : stock.devices) held += reserve.granted - reserve.returned;
  return stock.pool + held - (stock.stocked - stock.withdrawn);
}

void check_accounting(openday::BoothStock stock, std::string_view text) {
  const std::int64_t before = imbalance(stock);
  // The input's bytes choose the changes: bounded as the command line bounds them.
  for (std::size_t i = 0; i + 1 < text.size() && i < 64; i += 2) {
    const auto a = static_cast<unsigned char>(text[i]), b = static_cast<unsigned char>(text[i + 1]);
    const std::string device = "kiosk-" + std::to_string(b % 4);
    switch (a % 3) {
      case 0: {
        const std::int64_t wanted = static_cast<std::int64_t>(b) * 3900;
        openday::set_booth_stock(stock, wanted, "desk", i);
        if (stock.available() != wanted) std::abort();
        break;
      }
      case 1:
        if (openday::grant_from_pool(stock, device, b % 9, static_cast<std::int64_t>(i)) > b % 9) std::abort();
        break;
      case 2: {
        const std::int64_t total = stock.devices[device].returned + b % 5;
        openday::take_back(stock, device, total, static_cast<std::int64_t>(i));
        break;
      }
    }
    if (imbalance(stock) != before || stock.pool < 0 || stock.shortfall < 0) std::abort();
    if (stock.to_give_back(b, static_cast<std::int64_t>(i)) > b) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::string error;
  if (const auto stock = openday::decode_booth_stock(text, error)) {
    const std::string encoded = openday::encode_booth_stock(*stock);
    std::string again_error;
    const auto again = openday::decode_booth_stock(encoded, again_error);
    if (!again || openday::encode_booth_stock(*again) != encoded) std::abort();
    check_accounting(*stock, text);
  } else if (error.empty()) {
    std::abort();  // a refusal always says why
  }
  error.clear();
  if (const auto record = openday::decode_voucher_record(text, error)) {
    const std::string encoded = openday::encode_voucher_record(*record);
    std::string again_error;
    const auto again = openday::decode_voucher_record(encoded, again_error);
    if (!again || openday::encode_voucher_record(*again) != encoded) std::abort();
  } else if (error.empty()) {
    std::abort();
  }
  return 0;
}
