#include "core/quiz/vouchers.h"

#include <sys/random.h>

#include <cctype>
#include <cerrno>
#include <stdexcept>

#include "core/visits/prize_reserve_store.h"
#include "core/visits/store.h"

namespace openday {
namespace {

constexpr int kCodeAttempts = 8;

void fill_random(unsigned char* out, std::size_t size) {
  std::size_t done = 0;
  while (done < size) {
    const ssize_t n = getrandom(out + done, size - done, 0);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw std::runtime_error("the operating system's random source failed");
    }
    done += static_cast<std::size_t>(n);
  }
}

}  // namespace

std::string new_voucher_code() {
  // Rejection sampling keeps every symbol equally likely: 248 = 8 * 31.
  const std::size_t alphabet = kVoucherAlphabet.size();
  const unsigned limit = static_cast<unsigned>(256 - 256 % alphabet);
  std::string code;
  unsigned char bytes[32];
  while (code.size() < kVoucherLength) {
    fill_random(bytes, sizeof bytes);
    for (unsigned char b : bytes) {
      if (b >= limit || code.size() == kVoucherLength) continue;
      code += kVoucherAlphabet[b % alphabet];
    }
  }
  return code.substr(0, 4) + "-" + code.substr(4);
}

std::optional<std::string> normalize_voucher_code(std::string_view typed) {
  std::string symbols;
  for (char c : typed) {
    if (c == '-' || c == ' ' || c == '_' || c == '.') continue;
    const char upper = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (kVoucherAlphabet.find(upper) == std::string_view::npos) return std::nullopt;
    symbols += upper;
  }
  if (symbols.size() != kVoucherLength) return std::nullopt;
  return symbols.substr(0, 4) + "-" + symbols.substr(4);
}

std::optional<std::int64_t> read_prize_stock(const Database& db) { return db.query_int("SELECT remaining FROM prize_stock WHERE id = 1"); }

std::vector<StoredVoucher> read_vouchers(const Database& db) {
  Statement rows = db.prepare("SELECT code, kiosk_id, issued_at_ms, redeemed_at_ms FROM vouchers");
  enum : int { kCode, kKioskId, kIssuedAtMs, kRedeemedAtMs };
  std::vector<StoredVoucher> out;
  while (rows.step()) {
    StoredVoucher& v = out.emplace_back(StoredVoucher{rows.column_text(kCode), rows.column_text(kKioskId), rows.column_int(kIssuedAtMs), std::nullopt});
    if (!rows.column_is_null(kRedeemedAtMs)) v.redeemed_at_ms = rows.column_int(kRedeemedAtMs);
  }
  return out;
}

std::int64_t ensure_prize_stock(DurableTransaction& tx, int initial_stock) {
  Statement insert = tx.db().prepare("INSERT OR IGNORE INTO prize_stock (id, remaining, updated_at_ms) VALUES (1, ?1, ?2)");
  insert.bind(1, initial_stock).bind(2, utc_now_ms());
  insert.run();
  return read_prize_stock(tx.db()).value_or(0);
}

VoucherIssue issue_voucher(DurableTransaction& tx, std::int64_t session, int initial_stock, std::int64_t at_ms, bool registered_codes) {
  VoucherIssue result;
  Database& db = tx.db();
  std::int64_t stock = ensure_prize_stock(tx, initial_stock);
  Statement existing = db.prepare("SELECT code FROM vouchers WHERE kiosk_id = ?1 AND session = ?2");
  existing.bind(1, tx.kiosk_id()).bind(2, session);
  if (existing.step()) {
    result.outcome = VoucherIssue::Outcome::AlreadyIssued;
    result.code = existing.column_text(0);
    result.stock_left = stock;
    return result;
  }
  if (stock <= 0) {
    result.outcome = VoucherIssue::Outcome::OutOfStock;
    return result;
  }
  Statement take = db.prepare("UPDATE prize_stock SET remaining = remaining - 1, updated_at_ms = ?1 WHERE id = 1 AND remaining > 0");
  take.bind(1, at_ms);
  take.run();
  if (db.changes() != 1) {
    result.outcome = VoucherIssue::Outcome::OutOfStock;
    return result;
  }
  stock -= 1;
  Statement insert = db.prepare(
      "INSERT INTO vouchers (code, kiosk_id, session, issued_at_ms) VALUES (?1, ?2, ?3, ?4) ON CONFLICT (code) DO NOTHING");
  for (int attempt = 0; attempt < kCodeAttempts && result.code.empty(); ++attempt) {
    std::optional<std::string> registered = registered_codes ? take_prize_code(db) : std::nullopt;
    const std::string code = registered ? *registered : new_voucher_code();
    insert.bind(1, code).bind(2, tx.kiosk_id()).bind(3, session).bind(4, at_ms);
    insert.run();
    if (db.changes() == 1) result.code = code;  // 0: the code was taken (one in 10^12): draw again
  }
  if (result.code.empty()) throw std::runtime_error("could not draw an unused voucher code");
  Event issued;
  issued.type = EventType::VoucherIssued;
  issued.session = session;
  issued.item = result.code;
  issued.value = stock;
  issued.at_ms = at_ms;
  tx.add_event(std::move(issued));
  result.outcome = VoucherIssue::Outcome::Issued;
  result.stock_left = stock;
  return result;
}

std::int64_t set_prize_stock(DurableTransaction& tx, std::int64_t stock, int initial_stock) {
  const std::int64_t before = ensure_prize_stock(tx, initial_stock);
  Statement update = tx.db().prepare("UPDATE prize_stock SET remaining = ?1, updated_at_ms = ?2 WHERE id = 1");
  update.bind(1, stock).bind(2, utc_now_ms());
  update.run();
  Event adjusted;
  adjusted.type = EventType::StockAdjusted;
  adjusted.value = stock;
  adjusted.detail = std::to_string(before) + " -> " + std::to_string(stock);
  tx.add_event(std::move(adjusted));
  return stock;
}

Redemption redeem_voucher_in(Database& db, std::string_view typed, std::int64_t now_ms) {
  Redemption result;
  const auto code = normalize_voucher_code(typed);
  if (!code) return result;
  result.code = *code;
  Statement find = db.prepare("SELECT redeemed_at_ms FROM vouchers WHERE code = ?1");
  find.bind(1, *code);
  if (!find.step()) {
    result.outcome = Redemption::Outcome::Unknown;
    return result;
  }
  if (!find.column_is_null(0)) {
    result.outcome = Redemption::Outcome::AlreadyRedeemed;
    result.redeemed_at_ms = find.column_int(0);
    return result;
  }
  Statement redeem = db.prepare("UPDATE vouchers SET redeemed_at_ms = ?1 WHERE code = ?2 AND redeemed_at_ms IS NULL");
  redeem.bind(1, now_ms).bind(2, *code);
  redeem.run();
  result.outcome = Redemption::Outcome::Redeemed;
  result.redeemed_at_ms = now_ms;
  return result;
}

Redemption redeem_own_voucher_in(Database& db, std::string_view typed, const std::string& kiosk_id, std::int64_t now_ms) {
  const auto code = normalize_voucher_code(typed);
  if (!code) return Redemption{};
  Statement issuer = db.prepare("SELECT kiosk_id FROM vouchers WHERE code = ?1");
  issuer.bind(1, *code);
  if (!issuer.step() || issuer.column_text(0) != kiosk_id) return Redemption{Redemption::Outcome::HubUnreachable, *code, 0, ""};
  return redeem_voucher_in(db, typed, now_ms);
}

void note_hub_redemption_in(Database& db, const std::string& canonical_code, std::int64_t at_ms) {
  Statement redeem = db.prepare("UPDATE vouchers SET redeemed_at_ms = ?1 WHERE code = ?2 AND redeemed_at_ms IS NULL");
  redeem.bind(1, at_ms).bind(2, canonical_code);
  redeem.run();
}

Redemption redeem_voucher_from_desk(Database& db, std::string_view typed) {
  // This connection never checkpoints: the kiosk's own writer does that (see README).
  db.exec("PRAGMA wal_autocheckpoint=0", "turning off checkpoints for the desk connection");
  db.skip_checkpoint_on_close();
  return db.write_transaction("starting the redemption", "committing the redemption", [&db, typed] {
    const std::int64_t now = utc_now_ms();
    Redemption result = redeem_voucher_in(db, typed, now);
    if (result.outcome == Redemption::Outcome::Redeemed) {
      Statement kiosk = db.prepare("SELECT kiosk_id FROM vouchers WHERE code = ?1");
      kiosk.bind(1, result.code);
      kiosk.step();
      const std::string desk = "desk@" + kiosk.column_text(0);
      Event redeemed;
      redeemed.type = EventType::VoucherRedeemed;
      redeemed.item = result.code;
      redeemed.target = "cli";
      redeemed.at_ms = now;
      Statement insert = prepare_event_insert(db);
      insert_event(insert, desk, next_event_seq(db, desk), redeemed);
    }
    return result;
  });
}

}  // namespace openday
