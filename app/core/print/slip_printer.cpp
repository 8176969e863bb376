#include "core/print/slip_printer.h"

#include "core/content/ui_text.h"
#include "core/print/slip_sources.h"
#include "core/util/log.h"
#include "core/visits/events.h"

namespace openday::print {
namespace {

// What became of each slip, on stderr (the journal): a failure names CUPS's reason.
void log_report(const PrintReport& report) {
  if (report.status == PrintStatus::Done) {
    log_line("print " + report.title + ": printed (CUPS accepted it after " + std::to_string(report.accepted_after_ms) + " ms)");
    return;
  }
  log_line("print " + report.title + ": " + std::string(tr(Text::PrintStatusUnavailable)) + " (" + report.detail + ")");
}

}  // namespace

SlipPrinter::SlipPrinter(const Config& config, std::filesystem::path spool_dir, std::set<std::string> vouchers_printed_before,
                         PrintReporter reporter)
    : queue_({.printer = config.printer_name.value_or(""), .paper = configured_paper(config), .spool_dir = std::move(spool_dir)},
             reporter ? std::move(reporter) : PrintReporter(log_report)),
      vouchers_printed_before_(std::move(vouchers_printed_before)) {}

std::uint64_t SlipPrinter::print_guide(const EventInfo& event, const Department& department, const ApprovalItem& item) {
  return queue_.submit(guide_slip(slip_origin(event, utc_now_ms()), department, item), "guide " + item.id);
}

bool SlipPrinter::voucher_printed(const std::string& code) const {
  if (vouchers_printed_before_.contains(code)) return true;
  const auto ticket = voucher_tickets_.find(code);
  return ticket != voucher_tickets_.end() && queue_.status(ticket->second) != PrintStatus::Unavailable;
}

std::optional<std::uint64_t> SlipPrinter::print_voucher_once(const EventInfo& event, const VoucherFacts& voucher) {
  if (voucher_printed(voucher.code)) return std::nullopt;
  return reprint_voucher(event, voucher);
}

std::uint64_t SlipPrinter::reprint_voucher(const EventInfo& event, const VoucherFacts& voucher) {
  const std::uint64_t ticket = queue_.submit(voucher_slip(slip_origin(event, utc_now_ms()), voucher), "voucher " + voucher.code);
  voucher_tickets_[voucher.code] = ticket;
  return ticket;
}

std::uint64_t SlipPrinter::print_day_summary(const EventInfo& event, const DaySummaryFacts& summary) {
  return queue_.submit(day_summary_slip(slip_origin(event, utc_now_ms()), summary), "summary " + summary.day);
}

}  // namespace openday::print
