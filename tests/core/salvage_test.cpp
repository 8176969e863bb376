// A damaged database the kiosk moves aside at its start: what can still be read from it is
// carried into the fresh one (issue 33), so that earlier voucher codes stay redeemable, the
// staff PIN still opens the staff screen and the prize stock does not reset.
#include "core/visits/salvage.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "core/quiz/vouchers.h"
#include "core/staff/staff.h"
#include "core/visits/store.h"
#include "support/temp_dir.h"

namespace openday {
namespace {

using testing::TempDir;

constexpr const char* kPin = "25801234";
constexpr int kEvents = 6000;
const std::string kKiosk = "kiosk-1";  // DurableTransaction keeps a reference to it

struct Seeded {
  std::vector<std::string> codes;
};

Seeded seed(const std::filesystem::path& file) {
  Seeded seeded;
  OpenedStore store = open_store_for_writing(file);
  set_pin(store.db, kPin);
  store.db.write_transaction("seed", "seed", [&] {
    DurableTransaction tx(store.db, kKiosk);
    for (std::int64_t session = 1; session <= 5; ++session) seeded.codes.push_back(issue_voucher(tx, session, 50, 1000 + session).code);
    Statement insert = prepare_event_insert(store.db);
    for (std::int64_t seq = 1; seq <= kEvents; ++seq) {
      Event tap;
      tap.type = EventType::Tap;
      tap.at_ms = 1'700'000'000'000 + seq;
      tap.target = "a button with a longer name, so that the events fill many pages";
      insert_event(insert, "kiosk-1", seq, tap);
    }
  });
  return seeded;
}

// Overwrites three leaf pages in the middle of the events table with garbage; the schema page and
// the other tables' pages stay as they were.
void damage_events_pages(const std::filesystem::path& file) {
  std::vector<std::int64_t> pages;
  std::int64_t page_size = 0;
  {
    Database db(file, Database::Mode::ReadOnly);
    page_size = db.query_int("PRAGMA page_size").value_or(4096);
    Statement leaves = db.prepare("SELECT pageno FROM dbstat WHERE name = 'events' AND pagetype = 'leaf' ORDER BY pageno");
    while (leaves.step()) pages.push_back(leaves.column_int(0));
  }
  ASSERT_GT(pages.size(), 20u);
  std::fstream out(file, std::ios::in | std::ios::out | std::ios::binary);
  const std::string garbage(static_cast<std::size_t>(page_size), '\xEE');
  for (const std::size_t at : {pages.size() / 3, pages.size() / 2, pages.size() / 2 + 1}) {
    out.seekp((pages[at] - 1) * page_size);
    out.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
  }
}

TEST(Salvage, AfterADamagedFileWasMovedAsideVouchersPinStockAndMostEventsAreCarriedOver) {
  TempDir dir;
  const auto file = dir / "kiosk.db";
  const Seeded seeded = seed(file);
  ASSERT_EQ(seeded.codes.size(), 5u);
  damage_events_pages(file);

  OpenedStore store = open_store_for_writing(file);
  ASSERT_FALSE(store.recovery_note.empty()) << "the damage was not noticed";
  EXPECT_NE(store.recovery_note.find("5 vouchers"), std::string::npos) << store.recovery_note;
  EXPECT_NE(store.recovery_note.find("the staff PIN"), std::string::npos) << store.recovery_note;
  EXPECT_NE(store.recovery_note.find("the prize stock"), std::string::npos) << store.recovery_note;

  EXPECT_EQ(read_prize_stock(store.db), 45) << "the stock was reset";
  store.db.write_transaction("redeem", "redeem", [&] {
    EXPECT_EQ(redeem_voucher_in(store.db, seeded.codes.front(), 5000).outcome, Redemption::Outcome::Redeemed) << "an earlier code no longer redeems";
    DurableTransaction tx(store.db, kKiosk);
    EXPECT_EQ(check_pin(tx, kPin, 5000).outcome, PinCheck::Outcome::Accepted) << "the staff PIN was lost";
  });
  const std::int64_t events = store.db.query_int("SELECT count(*) FROM events").value_or(0);
  EXPECT_GT(events, kEvents * 8 / 10) << "the readable events were not carried over";
  EXPECT_LT(events, kEvents) << "the damaged pages' rows cannot all be there";
  EXPECT_EQ(store.db.query_int("SELECT count(*) FROM events WHERE kiosk_id = 'kiosk-1' AND seq = 1"), 1);
}

TEST(Salvage, AFileThatCannotBeReadAtAllCarriesNothingAndSaysWhy) {
  TempDir dir;
  const auto fresh_file = dir / "fresh.db";
  const auto damaged = dir / "damaged.db";
  std::ofstream(damaged) << "not a database at all, only text that is long enough to have a header";
  OpenedStore fresh = open_store_for_writing(fresh_file);
  const SalvageSummary summary = salvage_into(fresh.db, damaged);
  EXPECT_FALSE(summary.error.empty());
  EXPECT_EQ(summary.events + summary.vouchers + summary.settings, 0);
  EXPECT_NE(describe(summary).find("nothing could be carried over"), std::string::npos) << describe(summary);
}

}  // namespace
}  // namespace openday
