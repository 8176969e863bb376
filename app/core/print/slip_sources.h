#pragma once
// Where a slip's facts come from: the event as shown (content and config) and, for a voucher,
// the store's voucher row with the config's prize. Kept out of slip.h so that a slip can be
// built and tested without a database.
#include <cstdint>
#include <optional>
#include <string_view>

#include "core/booth/config.h"
#include "core/print/slip.h"
#include "core/visits/sqlite.h"

namespace openday::print {

// The booth and the local time now_ms (UTC ms) as a slip's footer names them.
SlipOrigin slip_origin(const EventInfo& event, std::int64_t now_ms);

// The voucher's facts from db (any spelling of the code), or nullopt when db has no such code.
std::optional<VoucherFacts> find_voucher_facts(const Database& db, std::string_view typed_code, const Config& config);

// The paper the config names (printer.paper is checked when read: 80mm unless it says A4).
Paper configured_paper(const Config& config);

}  // namespace openday::print
