#pragma once
// A kiosk database written row by row for tests, so that every expected count is known.
#include <optional>
#include <string>

#include "core/visits/store.h"

namespace openday::testing {

class FixtureDb {
 public:
  FixtureDb(const std::filesystem::path& file, std::string kiosk, std::int64_t first_seq = 1000)
      : store_(open_store_for_writing(file)), kiosk_(std::move(kiosk)), seq_(first_seq) {}
  // at: "YYYY-MM-DD HH:MM" local time (UTC+8).
  void add(const std::string& at, std::int64_t session, const std::string& type, const std::string& target = "",
           const std::string& department = "", const std::string& item = "", std::optional<std::int64_t> value = {},
           std::optional<std::int64_t> count = {}) {
    Statement insert = store_.db.prepare(
        "INSERT INTO events (kiosk_id, seq, at_ms, utc_offset_min, session, type, target, department, item, value, count) "
        "VALUES (?1, ?2, (unixepoch(?3) - 8 * 3600) * 1000, 480, ?4, ?5, nullif(?6, ''), nullif(?7, ''), nullif(?8, ''), ?9, ?10)");
    insert.bind(1, kiosk_).bind(2, seq_++).bind(3, at).bind(4, session).bind(5, type).bind(6, target).bind(7, department).bind(8, item)
        .bind_optional(9, value).bind_optional(10, count);
    insert.run();
  }
  void voucher(const std::string& code, std::int64_t session, const std::string& at, bool redeemed) {
    Statement insert = store_.db.prepare(
        "INSERT INTO vouchers (code, kiosk_id, session, issued_at_ms, redeemed_at_ms) VALUES (?1, ?2, ?3, (unixepoch(?4) - 28800) * 1000, "
        "CASE WHEN ?5 THEN (unixepoch(?4) - 28800) * 1000 + 3600000 END)");
    insert.bind(1, code).bind(2, kiosk_).bind(3, session).bind(4, at).bind(5, redeemed ? 1 : 0);
    insert.run();
    add(at, session, "voucher_issued", "", "", code);
  }
  void stock(std::int64_t remaining) {
    Statement insert = store_.db.prepare("INSERT OR REPLACE INTO prize_stock (id, remaining, updated_at_ms) VALUES (1, ?1, 0)");
    insert.bind(1, remaining);
    insert.run();
  }

 private:
  OpenedStore store_;
  std::string kiosk_;
  std::int64_t seq_;
};

}  // namespace openday::testing
