#include "core/staff/booth_desk_service.h"

#include <algorithm>

#include "core/content/content_version.h"
#include "core/util/local_clock.h"
#include "core/visits/store.h"

namespace openday {

void BoothDeskService::refresh() {
  if (view_.running()) return;
  view_.start_async([paths = paths_, content = content_, version = desk_version_]() {
    if (version->empty()) *version = content_version(paths.content_dir, paths.quiz_file);
    Database db = open_store_read_only(paths.database);
    const std::int64_t now = utc_now_ms();
    return read_booth_desk(db, content.get(), now, local_midnight_ms(local_today()), *version);
  });
}

std::optional<BoothDeskView> BoothDeskService::view() const {
  std::optional<BoothDeskView> view = view_.result();
  if (!view) return view;
  std::erase_if(view->calls, [this](const StaffCall& c) { return answered_.count(c.id) > 0; });
  std::erase_if(view->questions, [this](const DeskQuestion& q) { return answered_.count(q.id) > 0; });
  return view;
}

void BoothDeskService::answer(std::string id, DurableJob job) {
  if (!answered_.insert(id).second) return;  // a second tap on the same row
  waiting_.emplace_back(std::move(id), std::move(job));
  poll();
}

void BoothDeskService::handle_call(const StaffCall& call) {
  answer(call.id, [call](DurableTransaction& tx) { log_call_handled(tx, call); });
}

void BoothDeskService::answer_question(const DeskQuestion& question) {
  answer(question.id, [question](DurableTransaction& tx) { log_question_answered(tx, question); });
}

bool BoothDeskService::poll() {
  bool finished = view_.collect();
  if (answers_.collect()) {
    finished = true;
    if (answers_.error()) answered_.clear();  // not stored: show them again
    refresh();
  }
  if (!answers_.running() && !waiting_.empty()) {
    std::vector<DurableJob> jobs;
    for (auto& [id, job] : waiting_) jobs.push_back(std::move(job));
    waiting_.clear();
    answers_.start_durable(store_, false, [jobs = std::move(jobs)](DurableTransaction& tx, bool& done) {
      for (const DurableJob& job : jobs) job(tx);
      done = true;
    });
  }
  return finished;
}

}  // namespace openday
