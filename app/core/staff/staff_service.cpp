#include "core/staff/staff_service.h"

#include <sys/statvfs.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <functional>
#include <iterator>
#include <thread>
#include <utility>

#include "core/util/atomic_file.h"
#include "core/reports/stats.h"
#include "core/visits/store.h"

namespace openday {
namespace {

constexpr std::int64_t kLowStock = 10;
constexpr std::uint64_t kLowDiskBytes = 200ull << 20;

std::optional<std::uint64_t> free_bytes(const std::filesystem::path& folder) {
  struct statvfs info {};
  if (statvfs(folder.c_str(), &info) != 0) return std::nullopt;
  return static_cast<std::uint64_t>(info.f_bavail) * info.f_frsize;
}

}  // namespace

std::vector<ExportDestination> export_destinations(const std::filesystem::path& fallback) {
  std::vector<ExportDestination> out;
  // udisks mounts sticks at /media/<user>/<label> (Debian) or /run/media/<user>/<label>.
  for (const char* root : {"/media", "/run/media"}) {
    std::error_code ec;
    for (const auto& user : std::filesystem::directory_iterator(root, ec)) {
      if (!user.is_directory(ec)) continue;
      std::error_code inner;
      for (const auto& stick : std::filesystem::directory_iterator(user.path(), inner))
        if (stick.is_directory(inner)) out.push_back({stick.path(), true});
    }
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.folder < b.folder; });
  out.push_back({fallback, false});
  return out;
}

StaffService::StaffService(StaffPaths paths, const Config& config, DurableStore& store, std::function<StoreHealth()> health)
    : paths_(std::move(paths)), config_(config), store_(store), health_(std::move(health)), tally_(paths_.database, store, config),
      booth_({paths_.database, paths_.content_dir, paths_.quiz_file}, store) {}

StaffService::~StaffService() { wait(); }

void StaffService::check_pin(std::string pin, std::int64_t now_ms) {
  if (pin_pending()) return;  // one check at a time: a double tap on 确定 checks once
  pin_result_.reset();
  pin_typed_ = pin;
  pin_asked_at_ = {now_ms, pin_clock_().steady_ms};
  // The check runs on the store's writer (a right PIN's hash may be renewed in the same
  // transaction): the keypad says 正在验证 meanwhile and the frame never waits for the hash.
  pin_.start_durable(store_, PinJob{{}, pin_lockout_},
                     [pin = std::move(pin), now = pin_asked_at_, cost = pin_hash_cost_](DurableTransaction& tx, PinJob& job) {
                       job.check = openday::check_pin(tx, job.lockout, pin, now, cost);
                     });
}

void StaffService::ask_pin_status(std::int64_t now_ms) {
  if (pin_pending()) return;
  pin_typed_.clear();
  pin_asked_at_ = {now_ms, pin_clock_().steady_ms};
  pin_.start_durable(store_, PinJob{{}, pin_lockout_},
                     [now = pin_asked_at_](DurableTransaction& tx, PinJob& job) { job.check = pin_status(tx, job.lockout, now); });
}

// Attempts counted while the disk was full are written as soon as it takes them.
void StaffService::save_unsaved_pin_attempts() {
  if (pin_pending() || pin_lockout_.unsaved.empty()) return;
  const auto now = std::chrono::steady_clock::now();
  if (now < next_pin_save_) return;
  next_pin_save_ = now + std::chrono::seconds(1);
  PinClock clock = pin_clock_();
  clock.wall_ms = utc_now_ms();
  pin_save_.start_durable(store_, pin_lockout_, [clock](DurableTransaction& tx, PinLockout& lockout) { save_pin_lockout(tx, lockout, clock); });
}

// The database cannot be written (full disk, read-only): check the PIN read-only, so that staff
// can still reach the dashboard that says what is wrong, and count the attempt in memory: the
// lockout holds (fail closed), and the attempts are written later.
void StaffService::check_pin_read_only() {
  pin_read_only_.start_async([file = paths_.database, pin = std::exchange(pin_typed_, std::string()), lockout = pin_lockout_,
                              now = pin_asked_at_]() mutable {
    StoredPin stored;  // no readable hash: nobody gets in
    try {
      stored = read_stored_pin(open_store_read_only(file));
    } catch (const std::exception&) {
    }
    PinJob job;
    job.check = check_pin_offline(lockout, stored, pin, now);
    job.lockout = std::move(lockout);
    return job;
  });
}

namespace {

// A kiosk's first report can come before its writer created the database (the file exists,
// its schema not yet): it waits for the writer, briefly, rather than call the file foreign.
StoreHealth wait_for_the_writer(const std::function<StoreHealth()>& health_of) {
  constexpr auto kPatience = std::chrono::seconds(3);
  const auto give_up = std::chrono::steady_clock::now() + kPatience;
  StoreHealth health = health_of();
  while (!health.open && health.last_error.empty() && std::chrono::steady_clock::now() < give_up) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    health = health_of();
  }
  return health;
}

}  // namespace

void StaffService::refresh_dashboard() {
  if (dashboard_.running()) return;
  // A booth device shows the booth's stock, as last read from the hub, not its own share.
  std::optional<std::int64_t> booth_stock = booth_prizes_ ? booth_prizes_.booth_stock() : std::nullopt;
  const bool booth = static_cast<bool>(booth_prizes_);
  dashboard_.start_async([paths = paths_, bundle = bundle_, health_of = health_, config = config_, booth, booth_stock]() {
    const StoreHealth health = wait_for_the_writer(health_of);
    Dashboard dashboard;
    ReportRequest request;
    request.databases = {paths.database};
    request.from = request.to = local_today();
    request.content = bundle.content.get();
    request.quiz = bundle.quiz.get();
    request.config = &config;
    dashboard.today = build_report(request);
    if (booth) dashboard.today.prize_stock = booth_stock;  // unknown until read: never this device's share
    // The dashboard lists and charts what visitors opened and answered: no zero counts.
    dashboard.today.departments = most_viewed_departments(dashboard.today, dashboard.today.departments.size());
    dashboard.today.questions = answered_questions(dashboard.today, dashboard.today.questions.size());
    dashboard.health = health;
    dashboard.free_disk_bytes = free_bytes(paths.database.parent_path());
    if (!health.open) dashboard.warnings.push_back({StaffWarning::DatabaseUnavailable, health.last_error});
    if (!health.recovery_note.empty()) dashboard.warnings.push_back({StaffWarning::DatabaseRecovered, health.recovery_note});
    if (!health.replaced_note.empty()) dashboard.warnings.push_back({StaffWarning::DatabaseReplaced, health.replaced_note});
    if (health.dropped > 0) dashboard.warnings.push_back({StaffWarning::EventsDropped, std::to_string(health.dropped)});
    if (dashboard.today.prize_stock && *dashboard.today.prize_stock < kLowStock)
      dashboard.warnings.push_back({StaffWarning::LowStock, std::to_string(*dashboard.today.prize_stock)});
    if (dashboard.free_disk_bytes && *dashboard.free_disk_bytes < kLowDiskBytes)
      dashboard.warnings.push_back({StaffWarning::LowDisk, std::to_string(*dashboard.free_disk_bytes >> 20)});
    return dashboard;
  });
}

namespace {

Event redemption_event(const Redemption& redemption) {
  Event redeemed;
  redeemed.type = EventType::VoucherRedeemed;
  redeemed.item = redemption.code;
  redeemed.target = "staff";
  // The same instant as the voucher row (and the hub's record), so that a desk rebuilding the
  // row from this event agrees with the kiosk's own file, and a report to the hub is recognised.
  redeemed.at_ms = redemption.redeemed_at_ms;
  return redeemed;
}

// The redemption as the hub answered it, noted in this database (a failed commit does not undo
// it on the hub: the visitor has the prize; the log says what it could).
Redemption redeem_through_hub(DurableStore& store, const HubRedemption& hub) {
  Redemption result;
  result.code = hub.code;
  result.redeemed_at_ms = hub.at_ms;
  result.redeemed_by = hub.redeemed_by;
  switch (hub.outcome) {
    case HubRedemption::Outcome::Redeemed: result.outcome = Redemption::Outcome::Redeemed; break;
    case HubRedemption::Outcome::AlreadyRedeemed: result.outcome = Redemption::Outcome::AlreadyRedeemed; return result;
    case HubRedemption::Outcome::Unknown: result.outcome = Redemption::Outcome::Unknown; return result;
    case HubRedemption::Outcome::Unreachable: result.outcome = Redemption::Outcome::HubUnreachable; return result;
  }
  const DurableResult logged = store
                                   .run_durable([result](DurableTransaction& tx) {
                                     note_hub_redemption_in(tx.db(), result.code, result.redeemed_at_ms);
                                     tx.add_event(redemption_event(result));
                                   })
                                   .get();
  if (!logged.committed) throw std::runtime_error("redeemed on the booth hub, but not logged here: " + logged.error);
  return result;
}

}  // namespace

void StaffService::redeem(std::string typed_code) {
  if (redeem_.running()) return;
  forget_redemption();
  if (booth_prizes_) {
    redeem_.start_async([this, typed_code = std::move(typed_code)] {
      const auto code = normalize_voucher_code(typed_code);
      if (!code) return Redemption{};
      const auto hub = await_hub(booth_prizes_.redeem(*code, utc_now_ms()));
      const bool ask_own_file = !hub || hub->outcome == HubRedemption::Outcome::Unreachable || hub->outcome == HubRedemption::Outcome::Unknown;
      if (!ask_own_file) return redeem_through_hub(store_, *hub);
      // The hub is away (or does not know a code this device drew while it was): this device's
      // own codes only, reported to the hub later.
      const bool unknown_to_hub = hub && hub->outcome == HubRedemption::Outcome::Unknown;
      auto own = std::make_shared<Redemption>();
      const DurableResult done = store_
                                     .run_durable([own, code = *code](DurableTransaction& tx) {
                                       *own = redeem_own_voucher_in(tx.db(), code, tx.kiosk_id(), utc_now_ms());
                                       if (own->outcome == Redemption::Outcome::Redeemed) tx.add_event(redemption_event(*own));
                                     })
                                     .get();
      if (!done.committed) throw std::runtime_error(done.error);
      if (unknown_to_hub && own->outcome == Redemption::Outcome::HubUnreachable) own->outcome = Redemption::Outcome::Unknown;
      return *own;
    });
    return;
  }
  redeem_.start_durable(store_, Redemption{}, [typed_code = std::move(typed_code)](DurableTransaction& tx, Redemption& redemption) {
    redemption = redeem_voucher_in(tx.db(), typed_code, utc_now_ms());
    if (redemption.outcome == Redemption::Outcome::Redeemed) tx.add_event(redemption_event(redemption));
  });
}

void StaffService::read_stock() {
  if (stock_.running()) return;
  stock_.forget();
  if (booth_prizes_) {
    stock_.start_async([link = booth_prizes_] {
      const auto stock = link.booth_stock();
      if (!stock) throw std::runtime_error("the booth's prize stock has not been read from the hub yet");
      return *stock;
    });
    return;
  }
  const int initial = config_.initial_stock;
  stock_.start_durable(store_, std::int64_t{0}, [initial](DurableTransaction& tx, std::int64_t& stock) { stock = ensure_prize_stock(tx, initial); });
}

void StaffService::set_stock(std::int64_t stock) {
  if (stock_.running() || stock < 0) return;
  if (booth_prizes_) {
    stock_.start_async([this, stock] {
      const auto change = await_hub(booth_prizes_.set_stock(stock));
      if (!change) throw std::runtime_error("the booth hub did not answer within 4 s");
      if (!change->error.empty()) throw std::runtime_error(change->error);
      const BoothStockChange done = *change;
      // Logged here with before and after, as a kiosk's own stock change is.
      const DurableResult logged = store_.run_durable([done](DurableTransaction& tx) {
        Event adjusted;
        adjusted.type = EventType::StockAdjusted;
        adjusted.value = done.after;
        adjusted.target = "booth";
        adjusted.detail = std::to_string(done.before) + " -> " + std::to_string(done.after);
        tx.add_event(std::move(adjusted));
      }).get();
      if (!logged.committed) throw std::runtime_error("the booth's stock is now " + std::to_string(done.after) + ", but the change was not logged here: " + logged.error);
      return done.after;
    });
    return;
  }
  const int initial = config_.initial_stock;
  stock_.start_durable(store_, stock, [initial](DurableTransaction& tx, std::int64_t& wanted) { set_prize_stock(tx, wanted, initial); });
}

void StaffService::export_to(std::filesystem::path folder) {
  if (export_.running()) return;
  forget_export();
  // Exports are logged, like every staff action.
  Event logged;
  logged.type = EventType::Export;
  logged.detail = folder.string();
  logged.target = "all";
  store_.run_durable([logged](DurableTransaction& tx) { tx.add_event(logged); });
  export_.start_async([paths = paths_, bundle = bundle_, config = config_, folder = std::move(folder)]() {
    ReportRequest request;
    request.databases = {paths.database};
    request.content = bundle.content.get();
    request.quiz = bundle.quiz.get();
    request.config = &config;
    const Report report = build_report(request);
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    ExportRequest out{folder, ExportFormat::All, bundle.content ? effective_event(bundle.content->event, config).county : "", {paths.database}};
    return export_report(report, out);
  });
}

void StaffService::reload_content_from(std::filesystem::path content_dir, std::filesystem::path quiz_file) {
  if (reload_.running()) return;
  // From now on this is the content the kiosk runs: a later 重新载入内容 reads it too.
  paths_.content_dir = std::move(content_dir);
  paths_.quiz_file = std::move(quiz_file);
  reload_content();
}

void StaffService::reload_content() {
  if (reload_.running()) return;
  reload_problems_.reset();
  reload_.start_async([paths = paths_, per_round = config_.questions_per_round]() {
    ReloadOutcome result;
    try {
      ContentLoad content = load_content(paths.content_dir);
      QuizBankLoad quiz = load_quiz_bank(paths.quiz_file, per_round, content.content ? &*content.content : nullptr);
      for (const auto& p : content.problems) result.second += p.to_string() + "\n";
      for (const auto& p : quiz.problems) result.second += p.to_string() + "\n";
      if (content.content && quiz.bank)
        result.first = ContentBundle{std::make_shared<const Content>(std::move(*content.content)),
                                     std::make_shared<const QuizBank>(std::move(*quiz.bank))};
    } catch (const std::exception& error) {
      // Whatever the loaders let through, the old content stays and the kiosk keeps running.
      result.first.reset();
      result.second += paths.content_dir.string() + ": cannot be loaded: " + error.what() + "\n";
    }
    return result;
  });
}

std::optional<ContentBundle> StaffService::take_reloaded() {
  auto out = std::move(reloaded_);
  reloaded_.reset();
  return out;
}

namespace {

// The checks of `openday doctor` that make sense inside the running kiosk, in the command's order.
// The database is judged by the kiosk's own writer: check_database opens the file as a new
// writer would, which may move a damaged one aside, and that must not happen under the kiosk.
std::vector<DoctorCheck> doctor_checks_in_kiosk(const StaffPaths& paths, const ContentBundle& bundle, const Config& config,
                                                const DoctorSurroundings& surroundings, const StoreHealth& health) {
  std::vector<DoctorCheck> checks;
  checks.push_back(check_display(surroundings.display));
  std::ifstream input_devices("/proc/bus/input/devices");
  const std::string devices((std::istreambuf_iterator<char>(input_devices)), std::istreambuf_iterator<char>());
  checks.push_back(check_touch(devices));
  checks.push_back(check_font(surroundings.font_description, surroundings.font_error));
  ContentLoad content;
  if (bundle.content) content.content = *bundle.content;
  checks.push_back(check_content(content, paths.content_dir));
  QuizBankLoad quiz;
  if (bundle.quiz) quiz.bank = *bundle.quiz;
  checks.push_back(check_quiz_bank(quiz, paths.quiz_file));
  const DoctorCheck database = check_running_database(health, paths.database);
  checks.push_back(database);
  const std::string event_date = bundle.content ? effective_event(bundle.content->event, config).date : std::string("unknown");
  checks.push_back(check_clock(local_today(), local_utc_offset_minutes(utc_now_ms()), event_date));
  if (database.ok) {
    checks.push_back(check_pin(paths.database));
    checks.push_back(check_prize_stock(paths.database, config));
  }
  checks.push_back(check_kiosk_id(config, 1));  // this kiosk cannot see the others at the booth
  if (config.printer_name) checks.push_back(check_printer(config, print::probe_printer(*config.printer_name)));  // issue 30
  return checks;
}

}  // namespace

void StaffService::run_doctor(DoctorSurroundings surroundings) {
  if (doctor_.running()) return;
  doctor_.forget();  // the screen shows "checking" until the new answer is there
  doctor_.start_async([paths = paths_, bundle = bundle_, config = config_, surroundings = std::move(surroundings), health = health_()]() {
    return doctor_checks_in_kiosk(paths, bundle, config, surroundings, health);
  });
}

bool StaffService::poll() {
  if (pin_.collect()) {
    if (auto job = pin_.take_result()) {
      pin_lockout_ = std::move(job->lockout);
      pin_result_ = job->check;
    } else if (!pin_typed_.empty()) {
      check_pin_read_only();
    }
  }
  if (pin_read_only_.collect()) {
    if (auto job = pin_read_only_.take_result()) {
      pin_lockout_ = std::move(job->lockout);
      pin_result_ = job->check;
    }
  }
  if (pin_save_.collect()) {
    if (auto saved = pin_save_.take_result()) pin_lockout_ = std::move(*saved);
  }
  save_unsaved_pin_attempts();
  dashboard_.collect();
  redeem_.collect();
  stock_.collect();
  export_.collect();
  if (reload_.collect()) {
    if (auto outcome = reload_.take_result()) {
      auto& [bundle, problems] = *outcome;
      Event logged;
      logged.type = EventType::ContentReload;
      logged.target = bundle ? "ok" : "rejected";
      logged.detail = problems.substr(0, 2000);
      store_.run_durable([logged](DurableTransaction& tx) { tx.add_event(logged); });
      if (bundle) reloaded_ = std::move(bundle);
      else reload_problems_ = problems;
    }
  }
  doctor_.collect();
  tally_.poll();
  booth_.poll();
  return pin_pending() || dashboard_.running() || redeem_.running() || stock_.running() || export_.running() || reload_.running() ||
         doctor_.running() || tally_.busy() || booth_.busy();
}

void StaffService::wait() {
  for (int i = 0; i < 10000 && poll(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

}  // namespace openday
