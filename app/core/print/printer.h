#pragma once
// The CUPS side of printing (issue 30): what the configured printer says about itself, and one
// job sent to it. Every call here may wait on the CUPS server (CUPS_SERVER, or the local one):
// never call them on the UI thread; the kiosk goes through PrintQueue (print_queue.h).
#include <filesystem>
#include <string>
#include <vector>

#include "core/print/slip.h"

namespace openday::print {

struct PrinterProbe {
  bool exists = false;      // CUPS knows a printer of that name
  bool accepting = false;   // printer-is-accepting-jobs
  bool stopped = false;     // printer-state 5 (cupsdisable, or the backend gave up)
  std::vector<std::string> reasons{};  // printer-state-reasons other than "none"
  std::string error{};      // why CUPS could not be asked (no server), else empty
  // Whether a slip sent now would print: exists, accepts, is not stopped, has paper, is online.
  bool usable() const;
  // "idle, accepting jobs" / "stopped (media-empty)" / "no such printer": for doctor and logs.
  std::string describe() const;
};

PrinterProbe probe_printer(const std::string& name);

// The state of a job CUPS accepted.
enum class JobState { Pending, Printing, Completed, Failed };

struct JobSubmission {
  int job_id = 0;           // 0 when CUPS refused it
  std::string error{};      // CUPS's reason when refused
};

// Sends a PDF to the printer as one job (for A4 with media=A4).
JobSubmission submit_pdf(const std::string& printer, const std::filesystem::path& pdf, const std::string& title, Paper paper);
JobState job_state(const std::string& printer, int job_id);

}  // namespace openday::print
