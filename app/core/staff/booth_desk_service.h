#pragma once
// The desk's booth board off the UI thread (issue 32): reads the booth's view from the desk's
// database, and logs the desk's answers to calls and questions. A call or question answered
// here leaves the lists at once, so a second tap on it does nothing.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <set>
#include <string>

#include "core/staff/booth_desk.h"
#include "core/staff/pending.h"

namespace openday {

class BoothDeskService {
 public:
  struct Paths {
    std::filesystem::path database, content_dir, quiz_file;
  };
  BoothDeskService(Paths paths, DurableStore& store) : paths_(std::move(paths)), store_(store) {}

  void set_content(std::shared_ptr<const Content> content) { content_ = std::move(content); }
  void refresh();
  // The latest view, without what was answered here since.
  std::optional<BoothDeskView> view() const;
  std::optional<std::string> error() const { return view_.error(); }
  void handle_call(const StaffCall& call);
  void answer_question(const DeskQuestion& question);

  bool poll();  // collects finished work; true when something finished
  bool busy() const { return view_.running() || answers_.running(); }

 private:
  void answer(std::string id, DurableJob job);

  Paths paths_;
  DurableStore& store_;
  std::shared_ptr<const Content> content_;
  std::shared_ptr<std::string> desk_version_ = std::make_shared<std::string>();  // the desk's content fingerprint, once known
  Pending<BoothDeskView> view_;
  Pending<bool> answers_;
  std::set<std::string> answered_;  // ids answered here
  std::vector<std::pair<std::string, DurableJob>> waiting_;  // answers tapped while one commits
};

}  // namespace openday
