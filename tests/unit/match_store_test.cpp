// The store's completions: where they run, and that one failed write fails only itself.
#include "server/match_store.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>
#include <sstream>
#include <thread>

namespace hegemon::server {

namespace {

class MatchStoreTest : public ::testing::Test {
 protected:
  MatchStoreTest()
      : dir_(std::filesystem::temp_directory_path() /
             ("hegemon-store-test-" + std::to_string(std::random_device{}()))),
        log_(quiet_) {
    std::filesystem::create_directories(dir_);
  }
  ~MatchStoreTest() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path file() const { return dir_ / "hegemon.sqlite"; }

  std::filesystem::path dir_;
  std::ostringstream quiet_;
  Log log_;
  asio::io_context io_;
};

MatchRecord record(std::uint64_t id) {
  MatchRecord r;
  r.id = id;
  r.settings.set_name("match " + std::to_string(id));
  return r;
}

TEST_F(MatchStoreTest, AWriteCompletesOnTheExecutorItsHandlerIsBoundTo) {
  MatchStore store(file(), log_, io_.get_executor());
  asio::io_context other;
  std::thread::id ran_on;
  bool done = false;
  store.save_match(record(1), pb::World{},
                   asio::bind_executor(other, [&](const StoreOutcome& outcome) {
                     EXPECT_TRUE(outcome) << outcome.error;
                     ran_on = std::this_thread::get_id();
                     done = true;
                   }));
  // `other` is kept busy until the completion ran on it, so run() returns only after that: it
  // ran here, not on the store's thread, and nothing was handed to the default executor.
  other.run();
  EXPECT_TRUE(done);
  EXPECT_EQ(ran_on, std::this_thread::get_id());
  EXPECT_EQ(io_.poll(), 0u);
}

TEST_F(MatchStoreTest, AHandlerBoundToNoExecutorCompletesOnTheStoresDefault) {
  MatchStore store(file(), log_, io_.get_executor());
  bool done = false;
  store.save_seat(1, {"KAR", "hash", "Karla"}, [&](const StoreOutcome& outcome) {
    EXPECT_TRUE(outcome) << outcome.error;
    done = true;
  });
  io_.run();
  EXPECT_TRUE(done);
}

TEST_F(MatchStoreTest, AFailedWriteFailsOnlyItselfAndTheOthersAreStored) {
  std::vector<std::string> outcomes(5);
  {
    MatchStore store(file(), log_, io_.get_executor());
    for (std::uint64_t id = 1; id <= 5; ++id) {
      // Match 3 is written twice: the second insert of its id fails.
      if (id == 4)
        store.save_match(record(3), pb::World{}, [&](const StoreOutcome& outcome) {
          outcomes[3] = outcome ? "stored" : outcome.error;
        });
      else
        store.save_match(record(id), pb::World{}, [&, id](const StoreOutcome& outcome) {
          outcomes[id - 1] = outcome ? "stored" : outcome.error;
        });
    }
    io_.run();
  }
  EXPECT_EQ(outcomes[0], "stored");
  EXPECT_EQ(outcomes[1], "stored");
  EXPECT_EQ(outcomes[2], "stored");
  EXPECT_NE(outcomes[3].find("UNIQUE"), std::string::npos) << outcomes[3];
  EXPECT_EQ(outcomes[4], "stored");
  MatchStore reopened(file(), log_, io_.get_executor());
  EXPECT_EQ(reopened.last_match_id(), 5u);
  EXPECT_EQ(reopened.load_matches().size(), 4u);  // 1, 2, 3 and 5
}

TEST_F(MatchStoreTest, ReadinessIsARowOfItsOwnAndTheLatestOrdersStayInForce) {
  {
    MatchStore store(file(), log_, io_.get_executor());
    store.save_match(record(1), pb::World{}, [](const StoreOutcome&) {});
    pb::OrderSet orders;
    orders.set_state("KAR");
    orders.set_turn(1);
    orders.add_orders()->mutable_cancel_proposal()->set_proposal_id(7);
    store.save_orders(1, 1, {"KAR", orders, false}, [](const StoreOutcome&) {});
    store.save_orders(1, 1, {"KAR", std::nullopt, true}, [](const StoreOutcome&) {});
    store.save_orders(1, 1, {"DRV", std::nullopt, true}, [](const StoreOutcome&) {});
    io_.run();
  }
  MatchStore reopened(file(), log_, io_.get_executor());
  const std::vector<StoredMatch> matches = reopened.load_matches();
  ASSERT_EQ(matches.size(), 1u);
  ASSERT_EQ(matches[0].pending.size(), 2u);
  const StoredOrders& kar = matches[0].pending[0];
  EXPECT_EQ(kar.state, "KAR");
  EXPECT_TRUE(kar.ready);
  ASSERT_TRUE(kar.orders.has_value());  // readiness alone left the orders as they were
  EXPECT_EQ(kar.orders->orders(0).cancel_proposal().proposal_id(), 7);
  EXPECT_EQ(matches[0].pending[1].state, "DRV");
  EXPECT_FALSE(matches[0].pending[1].orders.has_value());
}

}  // namespace
}  // namespace hegemon::server
