#include "core/print/print_queue.h"

#include <system_error>

#include "core/print/printer.h"
#include "core/print/slip_pdf.h"

namespace openday::print {

PrintQueue::PrintQueue(PrintSettings settings, PrintReporter reporter)
    : settings_(std::move(settings)), reporter_(std::move(reporter)), worker_([this] { run(); }) {}

PrintQueue::~PrintQueue() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  worker_.join();
}

std::uint64_t PrintQueue::submit(Slip slip, std::string title) {
  std::uint64_t ticket = 0;
  {
    const std::lock_guard lock(mutex_);
    ticket = next_ticket_++;
    statuses_[ticket] = PrintStatus::Printing;
    jobs_.push_back({ticket, std::move(slip), std::move(title), std::chrono::steady_clock::now()});
  }
  wake_.notify_all();
  return ticket;
}

PrintStatus PrintQueue::status(std::uint64_t ticket) const {
  const std::lock_guard lock(mutex_);
  const auto found = statuses_.find(ticket);
  return found == statuses_.end() ? PrintStatus::Unknown : found->second;
}

void PrintQueue::set_status(std::uint64_t ticket, PrintStatus status) {
  const std::lock_guard lock(mutex_);
  statuses_[ticket] = status;
}

bool PrintQueue::wait_for(std::chrono::milliseconds delay) {
  std::unique_lock lock(mutex_);
  return !wake_.wait_for(lock, delay, [this] { return stopping_; });
}

void PrintQueue::run() {
  for (;;) {
    Job job;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
      if (stopping_) return;
      job = std::move(jobs_.front());
      jobs_.pop_front();
    }
    const PrintReport report = print_one(job);
    set_status(job.ticket, report.status);
    if (reporter_) reporter_(report);
  }
}

PrintReport PrintQueue::print_one(const Job& job) {
  PrintReport report{.ticket = job.ticket, .title = job.title, .status = PrintStatus::Unavailable, .detail = "", .accepted_after_ms = -1};
  const PrinterProbe probe = probe_printer(settings_.printer);
  if (!probe.usable()) {
    report.detail = settings_.printer + ": " + probe.describe();
    return report;
  }
  std::error_code ignored;
  std::filesystem::create_directories(settings_.spool_dir, ignored);
  const auto pdf = settings_.spool_dir / ("slip-" + std::to_string(job.ticket) + ".pdf");
  const RenderResult rendered = render_slip_pdf(job.slip, settings_.paper, pdf);
  if (!rendered.ok()) {
    report.detail = rendered.error;
    return report;
  }
  const JobSubmission submission = submit_pdf(settings_.printer, pdf, job.title, settings_.paper);
  std::filesystem::remove(pdf, ignored);  // CUPS keeps its own copy of an accepted job
  if (submission.job_id == 0) {
    report.detail = submission.error;
    return report;
  }
  report.accepted_after_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - job.submitted).count();
  report.status = follow(submission.job_id, report.detail);
  return report;
}

PrintStatus PrintQueue::follow(int job_id, std::string& detail) {
  const auto deadline = std::chrono::steady_clock::now() + settings_.give_up;
  while (std::chrono::steady_clock::now() < deadline) {
    const JobState state = job_state(settings_.printer, job_id);
    if (state == JobState::Completed) return PrintStatus::Done;
    if (state == JobState::Failed) {
      detail = settings_.printer + ": job " + std::to_string(job_id) + " was aborted or cancelled";
      return PrintStatus::Unavailable;
    }
    // A job waiting on a stopped printer, or one out of paper, will not come out soon.
    if (const PrinterProbe probe = probe_printer(settings_.printer); !probe.usable()) {
      detail = settings_.printer + ": " + probe.describe();
      return PrintStatus::Unavailable;
    }
    if (!wait_for(settings_.poll)) break;
  }
  if (detail.empty()) detail = settings_.printer + ": job " + std::to_string(job_id) + " did not finish in time";
  return PrintStatus::Unavailable;
}

}  // namespace openday::print
