#pragma once
// `openday simulate`: visitors at accelerated time drive the real core — visitor sessions,
// browsing, quiz rounds and vouchers — through the same code the screens use, for demos,
// benchmarks and tests. Deterministic for a seed, apart from the voucher codes.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "core/booth/config.h"

namespace openday {

struct Content;
struct QuizBank;

struct SimulationOptions {
  std::filesystem::path db_path;
  int visitors = 100;
  std::uint64_t seed = 1;
  std::optional<int> stock;  // sets the prize stock before the first visitor
  CalendarDate day;          // the simulated day: visitors arrive 9:00-17:00 local time
  // A kiosk of a booth hub (`--hub`): prizes only from its share of the booth's stock, which
  // between_visitors keeps settled with the hub (as the kiosk's uplink does in the background).
  bool booth_stock = false;
  std::function<void()> between_visitors;
};

struct SimulationReport {
  int sessions = 0;
  int engaged_sessions = 0;
  int quiz_rounds = 0;
  int quiz_passed = 0;
  int vouchers = 0;
  // The citizen's voice (issue 15)
  int faq_views = 0;
  int questions_asked = 0;
  int questions_registered = 0;
  int ratings = 0;
  double seconds = 0;  // wall time of the run
};

// on_voucher is called with each code after its commit returned.
SimulationReport simulate_visitors(const SimulationOptions& options, const Config& config, const Content& content,
                                   const QuizBank& bank, const std::function<void(const std::string&)>& on_voucher);

}  // namespace openday
