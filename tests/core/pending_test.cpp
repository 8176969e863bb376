// The one helper behind the staff service's background work (issue 10): a durable job's value
// counts only after its commit, a failure leaves an error and the last good value, and an
// exception of an async job becomes its error.
#include "core/staff/pending.h"

#include <gtest/gtest.h>

#include <deque>
#include <stdexcept>
#include <thread>

#include "core/visits/sqlite.h"

namespace openday {
namespace {

// A store whose jobs wait until the test settles them, so the moments before and after the
// commit can both be looked at.
class HeldStore final : public DurableStore {
 public:
  std::future<DurableResult> run_durable(DurableJob job) override {
    held_.push_back({std::move(job), {}});
    return held_.back().promise.get_future();
  }
  // Runs the oldest job and resolves it as committed, or as failed with this error.
  void settle(bool commit, const std::string& error = {}) {
    Held held = std::move(held_.front());
    held_.pop_front();
    Database no_file;
    DurableTransaction tx(no_file, kiosk_);
    held.job(tx);
    held.promise.set_value(DurableResult{commit, commit ? std::string() : error});
  }

 private:
  struct Held {
    DurableJob job;
    std::promise<DurableResult> promise;
  };
  std::deque<Held> held_;
  std::string kiosk_ = "k";
};

template <typename T>
bool collect_within_seconds(Pending<T>& pending, int seconds) {
  for (int i = 0; i < seconds * 1000; ++i) {
    if (pending.collect()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return false;
}

TEST(Pending, ADurableValueIsSeenOnlyAfterItsCommitReturned) {
  HeldStore store;
  Pending<int> stock;
  stock.start_durable(store, 5, [](DurableTransaction&, int& value) { value += 37; });
  EXPECT_TRUE(stock.running());
  EXPECT_FALSE(stock.collect()) << "nothing committed yet";
  EXPECT_FALSE(stock.result());
  store.settle(true);
  EXPECT_TRUE(stock.collect());
  EXPECT_FALSE(stock.running());
  EXPECT_EQ(stock.result(), 42) << "the initial value as the job left it";
  EXPECT_FALSE(stock.error());
  EXPECT_FALSE(stock.collect()) << "collected once";
}

TEST(Pending, AFailedCommitLeavesItsErrorAndTheLastGoodValue) {
  HeldStore store;
  Pending<int> stock;
  stock.start_durable(store, 0, [](DurableTransaction&, int& value) { value = 80; });
  store.settle(true);
  stock.collect();
  stock.start_durable(store, 0, [](DurableTransaction&, int& value) { value = 7; });
  store.settle(false, "disk full");
  EXPECT_TRUE(stock.collect());
  EXPECT_EQ(stock.result(), 80) << "the job's value was never committed";
  EXPECT_EQ(stock.error(), "disk full");
  stock.start_durable(store, 0, [](DurableTransaction&, int& value) { value = 9; });
  store.settle(true);
  stock.collect();
  EXPECT_EQ(stock.result(), 9);
  EXPECT_FALSE(stock.error()) << "a success clears the old error";
}

TEST(Pending, AnAsyncJobGivesItsValueOrItsExceptionAsTheError) {
  Pending<std::string> job;
  job.start_async([] { return std::string("report"); });
  ASSERT_TRUE(collect_within_seconds(job, 10));
  EXPECT_EQ(job.result(), "report");
  job.start_async([]() -> std::string { throw std::runtime_error("/media/usb: read-only file system"); });
  ASSERT_TRUE(collect_within_seconds(job, 10));
  EXPECT_EQ(job.error(), "/media/usb: read-only file system");
  EXPECT_EQ(job.result(), "report") << "the last good value stays";
}

TEST(Pending, TakeAndForgetEmptyIt) {
  HeldStore store;
  Pending<int> pin;
  pin.start_durable(store, 1, [](DurableTransaction&, int&) {});
  store.settle(true);
  pin.collect();
  EXPECT_EQ(pin.take_result(), 1);
  EXPECT_FALSE(pin.take_result()) << "taken once";
  pin.start_durable(store, 2, [](DurableTransaction&, int&) {});
  store.settle(false, "read-only");
  pin.collect();
  pin.forget();
  EXPECT_FALSE(pin.result());
  EXPECT_FALSE(pin.error());
}

}  // namespace
}  // namespace openday
