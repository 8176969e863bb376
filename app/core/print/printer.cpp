#include "core/print/printer.h"

#include <cups/cups.h>

#include <algorithm>
#include <cstdlib>
#include <sstream>

namespace openday::print {
namespace {

constexpr int kConnectTimeoutMs = 5000;

// Reasons that mean a slip would not come out (CUPS may add -error/-warning/-report suffixes).
bool blocks_printing(const std::string& reason) {
  for (const char* blocker : {"media-empty", "media-needed", "media-jam", "offline", "paused", "door-open", "shutdown"})
    if (reason.rfind(blocker, 0) == 0 && reason.find("-report") == std::string::npos) return true;
  return false;
}

std::vector<std::string> split_reasons(const char* text) {
  std::vector<std::string> reasons;
  if (!text) return reasons;
  std::stringstream list(text);
  for (std::string reason; std::getline(list, reason, ',');)
    if (!reason.empty() && reason != "none") reasons.push_back(reason);
  return reasons;
}

}  // namespace

bool PrinterProbe::usable() const {
  return exists && accepting && !stopped && std::none_of(reasons.begin(), reasons.end(), blocks_printing);
}

std::string PrinterProbe::describe() const {
  if (!error.empty()) return error;
  if (!exists) return "no such printer";
  std::string text = stopped ? "stopped" : "ready";
  text += accepting ? ", accepting jobs" : ", not accepting jobs";
  if (!reasons.empty()) {
    text += " (";
    for (std::size_t i = 0; i < reasons.size(); ++i) text += (i ? ", " : "") + reasons[i];
    text += ")";
  }
  return text;
}

PrinterProbe probe_printer(const std::string& name) {
  PrinterProbe probe;
  // libcups remembers the server per thread: read CUPS_SERVER (or client.conf) afresh, so that a
  // probe always asks the server configured now.
  cupsSetServer(nullptr);
  // Connect first: without a server cupsGetNamedDest only says "not found".
  http_t* http = httpConnect2(cupsServer(), ippPort(), nullptr, AF_UNSPEC, cupsEncryption(), 1, kConnectTimeoutMs, nullptr);
  if (!http) {
    probe.error = std::string("cannot reach CUPS at ") + cupsServer() + ":" + std::to_string(ippPort());
    return probe;
  }
  cups_dest_t* dest = cupsGetNamedDest(http, name.c_str(), nullptr);
  httpClose(http);
  if (!dest) return probe;
  probe.exists = true;
  const char* accepting = cupsGetOption("printer-is-accepting-jobs", dest->num_options, dest->options);
  probe.accepting = accepting && std::string(accepting) == "true";
  const char* state = cupsGetOption("printer-state", dest->num_options, dest->options);
  probe.stopped = state && std::atoi(state) == IPP_PSTATE_STOPPED;
  probe.reasons = split_reasons(cupsGetOption("printer-state-reasons", dest->num_options, dest->options));
  cupsFreeDests(1, dest);
  return probe;
}

JobSubmission submit_pdf(const std::string& printer, const std::filesystem::path& pdf, const std::string& title, Paper paper) {
  int num_options = 0;
  cups_option_t* options = nullptr;
  if (paper == Paper::A4) num_options = cupsAddOption("media", "A4", num_options, &options);
  JobSubmission submission;
  submission.job_id = cupsPrintFile(printer.c_str(), pdf.c_str(), title.c_str(), num_options, options);
  cupsFreeOptions(num_options, options);
  if (submission.job_id == 0) submission.error = printer + ": " + cupsLastErrorString();
  return submission;
}

JobState job_state(const std::string& printer, int job_id) {
  cups_job_t* jobs = nullptr;
  const int count = cupsGetJobs2(CUPS_HTTP_DEFAULT, &jobs, printer.c_str(), 0, CUPS_WHICHJOBS_ALL);
  JobState state = JobState::Failed;  // a job CUPS no longer knows did not print as far as we can tell
  for (int i = 0; i < count; ++i) {
    if (jobs[i].id != job_id) continue;
    switch (jobs[i].state) {
      case IPP_JSTATE_PENDING:
      case IPP_JSTATE_HELD: state = JobState::Pending; break;
      case IPP_JSTATE_PROCESSING: state = JobState::Printing; break;
      case IPP_JSTATE_COMPLETED: state = JobState::Completed; break;
      default: state = JobState::Failed; break;
    }
  }
  cupsFreeJobs(count, jobs);
  return state;
}

}  // namespace openday::print
