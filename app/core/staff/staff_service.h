#pragma once
// What staff screens need from the store, all of it off the UI thread: PIN checks, today's
// dashboard (a Report of the live database plus the store's health), redeeming vouchers,
// setting the stock, exports to a USB stick, and reloading content. Screens never speak SQL;
// they ask this and poll for answers.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/booth/config.h"
#include "core/content/content.h"
#include "core/visits/durable_store.h"
#include "core/reports/export.h"
#include "core/quiz/quiz_bank.h"
#include "core/reports/report.h"
#include "core/staff/booth_desk_service.h"
#include "core/staff/booth_prizes.h"
#include "core/staff/doctor.h"
#include "core/staff/pending.h"
#include "core/staff/staff.h"
#include "core/staff/tally_service.h"
#include "core/quiz/vouchers.h"

namespace openday {

enum class StaffWarning { DatabaseUnavailable, DatabaseRecovered, EventsDropped, LowStock, LowDisk, DatabaseReplaced };

struct Dashboard {
  Report today;
  StoreHealth health;
  std::optional<std::uint64_t> free_disk_bytes;  // where the database lives
  std::vector<std::pair<StaffWarning, std::string>> warnings;  // with a detail (a message, a count)
};

struct ExportDestination {
  std::filesystem::path folder;
  bool removable = false;  // under /media or /run/media: offered first
};

// Folders an export can go to: USB sticks first, then the fallback folder.
std::vector<ExportDestination> export_destinations(const std::filesystem::path& fallback);

// What the pre-flight check needs from the running kiosk itself: the screen it draws on and the
// font face it loaded (the rest it finds in the loaded bundle, the database and the kernel).
struct DoctorSurroundings {
  DisplayProbe display;
  std::string font_description;
  std::string font_error;
};

struct ContentBundle {
  std::shared_ptr<const Content> content;
  std::shared_ptr<const QuizBank> quiz;
};

struct StaffPaths {
  std::filesystem::path database;
  std::filesystem::path content_dir;
  std::filesystem::path quiz_file;
  std::filesystem::path export_fallback;  // when no USB stick is plugged in
};

class StaffService {
 public:
  StaffService(StaffPaths paths, const Config& config, DurableStore& store, std::function<StoreHealth()> health);
  ~StaffService();

  // The content the kiosk shows, for names in reports; replaced after a reload.
  void set_content(ContentBundle bundle) {
    booth_.set_content(bundle.content);
    bundle_ = std::move(bundle);
  }

  void check_pin(std::string pin, std::int64_t now_ms);
  void ask_pin_status(std::int64_t now_ms);
  std::optional<PinCheck> pin_result() const { return pin_result_; }
  bool pin_pending() const { return pin_.running() || pin_read_only_.running() || pin_save_.running(); }
  // How long the keypad stays locked, by the same monotonic clock that decides the lock (0: not
  // locked): the keypad counts this down, so setting the wall clock does not move it.
  std::int64_t pin_lock_left_ms() const { return lock_left_ms(pin_lockout_, pin_clock_()); }
  // Tests: the clocks the lockout reads.
  void set_pin_clock(std::function<PinClock()> clock) { pin_clock_ = std::move(clock); }
  // Tests: the cost a right PIN's stored hash is brought to (kPinHashCost), so that a test that
  // stored a cheap hash keeps it cheap. Only code can set it: no option or variable weakens it.
  void set_pin_hash_cost(PinHashCost cost) { pin_hash_cost_ = cost; }
  void forget_pin_result() { pin_result_.reset(); }

  void refresh_dashboard();
  const std::optional<Dashboard>& dashboard() const { return dashboard_.result(); }
  std::optional<std::string> dashboard_error() const { return dashboard_.error(); }

  // A device of a booth hub: redemptions and the stock go through the hub (issue 27).
  void set_booth_prizes(BoothPrizeLink link) { booth_prizes_ = std::move(link); }
  bool booth_prizes() const { return static_cast<bool>(booth_prizes_); }

  void redeem(std::string typed_code);
  std::optional<Redemption> redemption() const { return redeem_.result(); }
  std::optional<std::string> redemption_error() const { return redeem_.error(); }
  void forget_redemption() { redeem_.forget(); }

  // Reads the current stock from the database (it changes with every voucher); stock() is empty
  // until the answer arrives.
  void read_stock();
  void set_stock(std::int64_t stock);
  std::optional<std::int64_t> stock() const { return stock_.result(); }
  std::optional<std::string> stock_error() const { return stock_.error(); }
  bool stock_pending() const { return stock_.running(); }  // a read or a change not yet answered

  void export_to(std::filesystem::path folder);
  bool exporting() const { return export_.running(); }
  std::optional<ExportResult> export_result() const { return export_.result(); }
  std::optional<std::string> export_error() const { return export_.error(); }
  void forget_export() { export_.forget(); }
  const StaffPaths& paths() const { return paths_; }

  // Validates the content folder and the quiz bank again; the result says whether to swap.
  void reload_content();
  // The same, from another folder (the desk's content through the booth hub), which the kiosk
  // keeps using afterwards.
  void reload_content_from(std::filesystem::path content_dir, std::filesystem::path quiz_file);
  bool reloading() const { return reload_.running(); }
  // A validated bundle, once (the kiosk takes it and swaps it in between frames).
  std::optional<ContentBundle> take_reloaded();
  std::optional<std::string> reload_problems() const { return reload_problems_; }

  // The staff desk's tally (现场登记, and the whole screen in the desk role).
  TallyService& tally() { return tally_; }
  // The booth board at the desk (issue 32): devices, calls, questions from the booth hub.
  BoothDeskService& booth() { return booth_; }
  const BoothDeskService& booth() const { return booth_; }

  // `openday doctor` from the staff screen: the checks that make sense inside the running kiosk.
  void run_doctor(DoctorSurroundings surroundings);
  bool doctor_running() const { return doctor_.running(); }
  const std::optional<std::vector<DoctorCheck>>& doctor_checks() const { return doctor_.result(); }
  std::optional<std::string> doctor_error() const { return doctor_.error(); }

  // Collects finished work; true while anything is still running.
  bool poll();
  // Whether any work runs or waits to be collected by poll(); collects nothing.
  bool busy() const {
    return pin_pending() || dashboard_.running() || redeem_.running() || stock_.running() || export_.running() || reload_.running() ||
           reloaded_.has_value() || doctor_.running() || tally_.busy() || booth_.busy();
  }
  void wait();  // tests

 private:
  StaffPaths paths_;
  Config config_;
  DurableStore& store_;
  std::function<StoreHealth()> health_;
  ContentBundle bundle_;

  // The PIN lockout of this process (see PinLockout); jobs work on a copy that replaces it when
  // their commit (or the read-only check) returned, so a failed commit counts nothing twice.
  struct PinJob {
    PinCheck check;
    PinLockout lockout;
  };
  void save_unsaved_pin_attempts();
  void check_pin_read_only();
  std::function<PinClock()> pin_clock_ = pin_clock_now;
  PinHashCost pin_hash_cost_ = kPinHashCost;
  PinLockout pin_lockout_;
  Pending<PinJob> pin_;
  std::string pin_typed_;  // for the read-only check when the database cannot be written
  PinClock pin_asked_at_;
  Pending<PinJob> pin_read_only_;
  std::optional<PinCheck> pin_result_;
  Pending<PinLockout> pin_save_;
  std::chrono::steady_clock::time_point next_pin_save_{};

  Pending<Dashboard> dashboard_;
  BoothPrizeLink booth_prizes_;
  Pending<Redemption> redeem_;
  Pending<std::int64_t> stock_;
  Pending<ExportResult> export_;

  using ReloadOutcome = std::pair<std::optional<ContentBundle>, std::string>;  // the bundle, or the problems
  Pending<ReloadOutcome> reload_;
  std::optional<ContentBundle> reloaded_;
  std::optional<std::string> reload_problems_;

  Pending<std::vector<DoctorCheck>> doctor_;
  TallyService tally_;
  BoothDeskService booth_;
};

}  // namespace openday
