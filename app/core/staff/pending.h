#pragma once
// One piece of staff work running off the UI thread, and what it left: its value or its error.
// A durable job fills its value inside the store's write transaction, and the value counts only
// once the COMMIT returned (a failed commit leaves the error instead); an async job runs on a
// thread of its own and an exception it throws becomes the error. The UI thread starts a job,
// calls collect() every frame, and reads result() and error().
#include <chrono>
#include <exception>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "core/visits/durable_store.h"

namespace openday {

template <typename T>
class Pending {
 public:
  // Started and not yet collected.
  bool running() const { return durable_.valid() || async_.valid(); }

  // fill(tx, value) runs in one write transaction of store, on a value that starts as initial.
  template <typename Fill>
  void start_durable(DurableStore& store, T initial, Fill fill) {
    auto value = std::make_shared<T>(std::move(initial));
    value_ = value;
    durable_ = store.run_durable([value, fill = std::move(fill)](DurableTransaction& tx) mutable { fill(tx, *value); });
  }

  // work() returns the value, on a thread of its own.
  template <typename Work>
  void start_async(Work work) {
    async_ = std::async(std::launch::async, std::move(work));
  }

  // Takes the job's outcome once it is there: a value replaces the last result and clears the
  // error; a failure sets the error and leaves the last result. True when it finished now.
  bool collect() {
    if (ready(durable_)) {
      const DurableResult done = durable_.get();
      if (done.committed) succeed(std::move(*value_));
      else error_ = done.error;
      value_.reset();
      return true;
    }
    if (ready(async_)) {
      try {
        succeed(async_.get());
      } catch (const std::exception& error) {
        error_ = error.what();
      }
      return true;
    }
    return false;
  }

  const std::optional<T>& result() const { return result_; }
  const std::optional<std::string>& error() const { return error_; }
  // The result, once: it is gone after this.
  std::optional<T> take_result() { return std::exchange(result_, std::nullopt); }
  void forget() {
    result_.reset();
    error_.reset();
  }

 private:
  template <typename F>
  static bool ready(const std::future<F>& future) {
    return future.valid() && future.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
  }
  void succeed(T value) {
    result_ = std::move(value);
    error_.reset();
  }

  std::future<DurableResult> durable_;
  std::shared_ptr<T> value_;  // the durable job's, shared with its transaction until collected
  std::future<T> async_;
  std::optional<T> result_;
  std::optional<std::string> error_;
};

}  // namespace openday
