#include "core/print/slip_sources.h"

#include <exception>
#include <map>
#include <system_error>
#include <utility>

#include "core/quiz/vouchers.h"
#include "core/visits/store.h"
#include "core/visits/events.h"

namespace openday::print {
namespace {

// What read finds in the kiosk's database file; nullopt when the file does not exist yet or
// cannot be read now (the kiosk's store reports that itself; a slip need not wait for it).
template <typename Read>
auto read_if_readable(const std::filesystem::path& database, Read read) -> std::optional<decltype(read(std::declval<const Database&>()))> {
  std::error_code error;
  if (!std::filesystem::exists(database, error)) return std::nullopt;
  try {
    return read(open_store_read_only(database));
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

}  // namespace

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

VoucherFacts desk_voucher_facts(const std::filesystem::path& database, const std::string& code, const Config& config) {
  const auto stored = read_if_readable(database, [&](const Database& db) { return find_voucher_facts(db, code, config); });
  if (stored && *stored) return **stored;
  return VoucherFacts{.code = code, .prize = config.prize_name, .collect_at = config.prize_desk, .issued_at = ""};
}

std::set<std::string> printed_voucher_codes(const Database& db) {
  std::map<std::string, int, std::less<>> printed;  // code -> prints that did not fail
  EventRows rows(db, std::nullopt, std::nullopt);
  while (rows.next()) {
    const auto code = rows.item();
    if (!code) continue;
    if (rows.type() == EventType::PrintVoucher) ++printed[std::string(*code)];
    else if (rows.type() == EventType::PrintFailed && rows.target() == "voucher") --printed[std::string(*code)];
  }
  std::set<std::string> codes;
  for (const auto& [code, count] : printed)
    if (count > 0) codes.insert(code);
  return codes;
}

std::set<std::string> printed_voucher_codes(const std::filesystem::path& database) {
  return read_if_readable(database, [](const Database& db) { return printed_voucher_codes(db); }).value_or(std::set<std::string>{});
}

Paper configured_paper(const Config& config) { return paper_from_name(config.printer_paper).value_or(Paper::Roll80mm); }

}  // namespace openday::print
