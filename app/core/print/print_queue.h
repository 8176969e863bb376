#pragma once
// The kiosk's print queue (issue 30): slips are rendered and sent to CUPS on a thread of their
// own, never on the UI thread. The UI submits a slip and reads the ticket's status each frame
// (a lock and a map lookup): 正在打印 while CUPS has it, 请取走凭条 once the job completed, and
// 打印机暂不可用 when the printer is missing, stopped, out of paper or offline, or refused it.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>

#include "core/print/slip.h"

namespace openday::print {

enum class PrintStatus { Unknown, Printing, Done, Unavailable };

struct PrintSettings {
  std::string printer;                 // the CUPS queue (config printer.name)
  Paper paper = Paper::Roll80mm;       // config printer.paper
  std::filesystem::path spool_dir{};   // where the PDFs wait for CUPS (removed once sent)
  std::chrono::milliseconds poll{250};  // how often a job's state is asked
  std::chrono::seconds give_up{90};    // a job not done by then counts as not printed
};

// What became of a job, for the event log: called on the queue's thread.
struct PrintReport {
  std::uint64_t ticket = 0;
  std::string title;   // the job's title: "guide <item id>", "voucher <code>", "test"
  PrintStatus status = PrintStatus::Unknown;
  std::string detail;  // CUPS's words when it failed
  std::int64_t accepted_after_ms = -1;  // submit -> CUPS accepted the job (the tap benchmark)
};
using PrintReporter = std::function<void(const PrintReport&)>;

class PrintQueue {
 public:
  explicit PrintQueue(PrintSettings settings, PrintReporter reporter = {});
  ~PrintQueue();
  PrintQueue(const PrintQueue&) = delete;
  PrintQueue& operator=(const PrintQueue&) = delete;

  // Queues the slip; returns at once with the ticket to ask about.
  std::uint64_t submit(Slip slip, std::string title);
  PrintStatus status(std::uint64_t ticket) const;

 private:
  struct Job {
    std::uint64_t ticket = 0;
    Slip slip;
    std::string title;
    std::chrono::steady_clock::time_point submitted{};
  };
  void run();
  PrintReport print_one(const Job& job);
  // Waits until the job completed or failed, the printer stopped, or the queue is stopping.
  PrintStatus follow(int job_id, std::string& detail);
  void set_status(std::uint64_t ticket, PrintStatus status);
  bool wait_for(std::chrono::milliseconds delay);  // false when told to stop

  PrintSettings settings_;
  PrintReporter reporter_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Job> jobs_;
  std::map<std::uint64_t, PrintStatus> statuses_;
  std::uint64_t next_ticket_ = 1;
  bool stopping_ = false;
  std::thread worker_;
};

}  // namespace openday::print
