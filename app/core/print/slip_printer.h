#pragma once
// The kiosk's printer (issue 30): what the screens ask for — print this item's 办事指南, print
// this voucher's 兑奖凭条 — turned into slips and queued (print_queue.h). Exists only when the
// config names a printer: screens show no print buttons without one. Used on the UI thread.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <set>
#include <string>

#include "core/booth/config.h"
#include "core/print/print_queue.h"
#include "core/print/slip.h"

namespace openday::print {

class SlipPrinter {
 public:
  // config.printer_name must be set.
  SlipPrinter(const Config& config, std::filesystem::path spool_dir, PrintReporter reporter = {});

  std::uint64_t print_guide(const EventInfo& event, const Department& department, const ApprovalItem& item);
  // A voucher's slip is printed once per code from the kiosk (staff reprint at the desk with
  // `openday print --voucher`): nullopt when this code's slip was already printed here.
  std::optional<std::uint64_t> print_voucher_once(const EventInfo& event, const VoucherFacts& voucher);
  bool voucher_printed(const std::string& code) const { return vouchers_printed_.contains(code); }
  PrintStatus status(std::uint64_t ticket) const { return queue_.status(ticket); }

 private:
  PrintQueue queue_;
  std::set<std::string> vouchers_printed_;
};

}  // namespace openday::print
