// openday: parses the command line and hands it to the command it names (app/commands).
#include <algorithm>
#include <csignal>
#include <cstdio>
#include <exception>
#include <string>
#include <string_view>
#include <vector>

#include "commands/commands.h"
#include "core/booth/hub_connection.h"
#include "core/ops/cli.h"
#include "ui/route_registry.h"

namespace {

using namespace openday;
using namespace openday::commands;

std::vector<std::string> route_lines() {
  std::vector<std::string> lines;
  for (const auto& info : ui::route_catalog()) {
    std::string line = info.route;
    line.resize(std::max<std::size_t>(line.size() + 2, 22), ' ');
    lines.push_back(line + info.description);
  }
  return lines;
}

int print_help(const CommandLine& command) {
  if (!command.subcommand_help.empty()) {
    std::fputs(command.subcommand_help.c_str(), stdout);
    return 0;
  }
  const auto routes = route_lines();
  std::fputs(help_text(routes).c_str(), stdout);
  return 0;
}

int dispatch(const CommandLine& command) {
  switch (command.kind) {
    case CommandKind::Help: return print_help(command);
    case CommandKind::Version:
      std::printf("openday %s\n", OPENDAY_VERSION);
      return 0;
    case CommandKind::RunKiosk: return run_kiosk(command.kiosk);
    case CommandKind::Stats: return run_stats(command.stats);
    case CommandKind::Validate: return run_validate(command.validate);
    case CommandKind::Redeem: return run_redeem(command.redeem);
    case CommandKind::Simulate: return run_simulate(command.simulate);
    case CommandKind::Export: return run_export(command.export_);
    case CommandKind::SetPin: return run_set_pin(command.set_pin);
    case CommandKind::ContentTemplate: return run_content_template(command.content);
    case CommandKind::ContentExport: return run_content_export(command.content);
    case CommandKind::ContentImport: return run_content_import(command.content);
    case CommandKind::TallyAdd: return run_tally_add(command.tally);
    case CommandKind::TallyList: return run_tally_list(command.tally);
    case CommandKind::Speak: return run_speak(command.speak);
    case CommandKind::Search: return run_search(command.search);
    case CommandKind::Doctor: return run_doctor(command.doctor);
    case CommandKind::Status: return run_status(command.status);
    case CommandKind::HubInit: return run_hub_init(command.hub_init);
    case CommandKind::HubSync: return run_hub_sync(command.hub_sync);
    case CommandKind::HubStatus: return run_hub_status(command.hub_status);
    case CommandKind::HubStock: return run_hub_stock(command.hub_stock);
    case CommandKind::HubPublishContent: return run_hub_publish_content(command.hub_publish_content);
    case CommandKind::HubFetchContent: return run_hub_fetch_content(command.hub_fetch_content);
    case CommandKind::Handwriting: return run_handwriting(command.handwriting);
    case CommandKind::Print: return run_print(command.print);
  }
  return kExitUsage;
}

int run_command_line(int argc, char** argv) {
  const std::vector<std::string_view> args(argv + 1, argv + argc);
  const CommandLineParse parsed = parse_command_line(args);
  if (!parsed.command) {
    std::fprintf(stderr, "openday: %s\n", parsed.error.c_str());
    return kExitUsage;
  }
  return dispatch(*parsed.command);
}

}  // namespace

int main(int argc, char** argv) {
  // A log reader that went away (`| tee`, `| logger` set-ups) must not kill the kiosk: a write
  // to a closed pipe fails with EPIPE instead of raising SIGPIPE, and the kiosk keeps serving.
  std::signal(SIGPIPE, SIG_IGN);
  // The last net: whatever a library throws ends in a message and exit 1, never in abort().
  int exit_code = kExitUnexpected;
  try {
    exit_code = run_command_line(argc, argv);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "openday: unexpected error: %s\n", error.what());
  }
  close_hub_library();
  return exit_code;
}
