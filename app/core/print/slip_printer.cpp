#include "core/print/slip_printer.h"

#include "core/print/slip_sources.h"
#include "core/visits/events.h"

namespace openday::print {

SlipPrinter::SlipPrinter(const Config& config, std::filesystem::path spool_dir, PrintReporter reporter)
    : queue_({.printer = config.printer_name.value_or(""), .paper = configured_paper(config), .spool_dir = std::move(spool_dir)},
             std::move(reporter)) {}

std::uint64_t SlipPrinter::print_guide(const EventInfo& event, const Department& department, const ApprovalItem& item) {
  return queue_.submit(guide_slip(slip_origin(event, utc_now_ms()), department, item), "guide " + item.id);
}

std::optional<std::uint64_t> SlipPrinter::print_voucher_once(const EventInfo& event, const VoucherFacts& voucher) {
  if (!vouchers_printed_.insert(voucher.code).second) return std::nullopt;
  return queue_.submit(voucher_slip(slip_origin(event, utc_now_ms()), voucher), "voucher " + voucher.code);
}

}  // namespace openday::print
