#include "core/print/slip_sources.h"

#include "core/quiz/vouchers.h"
#include "core/visits/events.h"

namespace openday::print {

SlipOrigin slip_origin(const EventInfo& event, std::int64_t now_ms) {
  return SlipOrigin{.event = event, .printed_at = format_local_time(now_ms, "%Y-%m-%d %H:%M")};
}

std::optional<VoucherFacts> find_voucher_facts(const Database& db, std::string_view typed_code, const Config& config) {
  const auto code = normalize_voucher_code(typed_code);
  if (!code) return std::nullopt;
  for (const StoredVoucher& voucher : read_vouchers(db)) {
    if (voucher.code != *code) continue;
    return VoucherFacts{.code = voucher.code,
                        .prize = config.prize_name,
                        .collect_at = config.prize_desk,
                        .issued_at = format_local_time(voucher.issued_at_ms, "%Y-%m-%d %H:%M")};
  }
  return std::nullopt;
}

Paper configured_paper(const Config& config) { return paper_from_name(config.printer_paper).value_or(Paper::Roll80mm); }

}  // namespace openday::print
