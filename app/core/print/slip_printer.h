#pragma once
// The kiosk's printer (issue 30): what the screens ask for — print this item's 办事指南, print
// this voucher's 兑奖凭条 — turned into slips and queued (print_queue.h). Exists only when the
// config names a printer: screens show no print buttons without one. Used on the UI thread.
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "core/booth/config.h"
#include "core/print/print_queue.h"
#include "core/print/slip.h"

namespace openday::print {

class SlipPrinter {
 public:
  // config.printer_name must be set. vouchers_printed_before: the codes whose slip this kiosk
  // printed before it started (printed_voucher_codes of its database, slip_sources.h). Without
  // a reporter, each slip's outcome is logged on stderr.
  SlipPrinter(const Config& config, std::filesystem::path spool_dir, std::set<std::string> vouchers_printed_before = {},
              PrintReporter reporter = {});

  std::uint64_t print_guide(const EventInfo& event, const Department& department, const ApprovalItem& item);
  // A voucher's slip is printed once per code from the kiosk (staff reprint at the desk):
  // nullopt when this code's slip was already printed here, before a restart too. A print that
  // ended as 打印机暂不可用 does not count: the visitor may try again.
  std::optional<std::uint64_t> print_voucher_once(const EventInfo& event, const VoucherFacts& voucher);
  // The desk's 补打凭条: prints the slip whether or not it was printed before.
  std::uint64_t reprint_voucher(const EventInfo& event, const VoucherFacts& voucher);
  bool voucher_printed(const std::string& code) const;
  // The desk's 打印当日概况.
  std::uint64_t print_day_summary(const EventInfo& event, const DaySummaryFacts& summary);
  PrintStatus status(std::uint64_t ticket) const { return queue_.status(ticket); }

 private:
  PrintQueue queue_;
  std::set<std::string> vouchers_printed_before_;
  std::map<std::string, std::uint64_t, std::less<>> voucher_tickets_;  // code -> ticket of its print since start
};

}  // namespace openday::print
