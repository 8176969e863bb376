// `openday print`: a 办事指南 or 兑奖凭条 slip as a PDF, or a test slip to the printer (issue 30).
#include <cstdio>
#include <exception>
#include <future>
#include <string>

#include "commands/commands.h"
#include "commands/loading.h"
#include "core/print/print_queue.h"
#include "core/print/slip_pdf.h"
#include "core/print/slip_sources.h"
#include "core/visits/events.h"
#include "core/visits/store.h"

namespace openday::commands {
namespace {

constexpr const char* kWho = "openday print";


int write_pdf(const print::Slip& slip, print::Paper paper, const std::filesystem::path& file) {
  const print::RenderResult result = print::render_slip_pdf(slip, paper, file);
  if (!result.ok()) {
    std::fprintf(stderr, "%s: %s\n", kWho, result.error.c_str());
    return kExitPrint;
  }
  std::printf("wrote %s (%s, %d page%s)\n", file.c_str(), std::string(print::paper_name(paper)).c_str(), result.pages,
              result.pages == 1 ? "" : "s");
  return 0;
}

int print_item(const PrintOptions& options, const Config& config, print::Paper paper) {
  ContentLoad loaded = load_content(options.content_dir);
  print_problems(kWho, loaded.problems);
  if (!loaded.content) return kExitContent;
  const auto [department, item] = loaded.content->approval_item(options.item_id);
  if (!item) {
    std::fprintf(stderr, "%s: --item %s: no approval item with that id in %s\n", kWho, options.item_id.c_str(),
                 options.content_dir.c_str());
    return kExitContent;
  }
  const auto origin = print::slip_origin(effective_event(loaded.content->event, config), utc_now_ms());
  return write_pdf(print::guide_slip(origin, *department, *item), paper, *options.pdf);
}

int print_voucher(const PrintOptions& options, const Config& config, print::Paper paper) {
  ContentLoad loaded = load_content(options.content_dir);
  print_problems(kWho, loaded.problems);
  if (!loaded.content) return kExitContent;
  std::optional<print::VoucherFacts> voucher;
  try {
    const Database db = open_store_read_only(options.db_path);
    voucher = print::find_voucher_facts(db, options.voucher_code, config);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "%s: --db %s: %s\n", kWho, options.db_path.c_str(), error.what());
    return kExitDatabase;
  }
  if (!voucher) {
    std::fprintf(stderr, "%s: --voucher %s: no such voucher in %s\n", kWho, options.voucher_code.c_str(), options.db_path.c_str());
    return kExitUnknownVoucher;
  }
  const auto origin = print::slip_origin(effective_event(loaded.content->event, config), utc_now_ms());
  return write_pdf(print::voucher_slip(origin, *voucher), paper, *options.pdf);
}

// Sends the test slip through the kiosk's own queue and waits for CUPS to finish it.
int print_test(const PrintOptions& options, const Config& config, print::Paper paper) {
  if (!config.printer_name) {
    std::fprintf(stderr, "%s: --test: no printer configured: set [printer] name in %s\n", kWho, options.config_path.c_str());
    return kExitPrint;
  }
  ContentLoad loaded = load_content(options.content_dir);
  const EventInfo event = effective_event(loaded.content ? loaded.content->event : EventInfo{}, config);
  std::promise<print::PrintReport> finished;
  const auto spool = std::filesystem::temp_directory_path() / ("openday-print-" + std::to_string(utc_now_ms()));
  {
    print::PrintQueue queue({.printer = *config.printer_name, .paper = paper, .spool_dir = spool},
                            [&finished](const print::PrintReport& report) { finished.set_value(report); });
    queue.submit(print::test_slip(print::slip_origin(event, utc_now_ms()), *config.printer_name, paper), "test");
    const print::PrintReport report = finished.get_future().get();
    std::error_code ignored;
    std::filesystem::remove_all(spool, ignored);
    if (report.status != print::PrintStatus::Done) {
      std::fprintf(stderr, "%s: --test: not printed: %s\n", kWho, report.detail.c_str());
      return kExitPrint;
    }
  }
  std::printf("printed a test slip on %s (%s)\n", config.printer_name->c_str(), std::string(print::paper_name(paper)).c_str());
  return 0;
}

}  // namespace

int run_print(const PrintOptions& options) {
  const auto config = load_config(options.config_path);
  if (!config) return kExitConfig;
  const print::Paper paper = options.paper ? *print::paper_from_name(*options.paper) : print::configured_paper(*config);
  if (!options.item_id.empty()) return print_item(options, *config, paper);
  if (!options.voucher_code.empty()) return print_voucher(options, *config, paper);
  return print_test(options, *config, paper);
}

}  // namespace openday::commands
