// What the server keeps for a connection that said Hello and then nothing: no read buffer, no
// write queue, and at most 8 KiB of memory in all. Counted (the heap's bytes in use, the
// session's buffers), not timed.
#include <gtest/gtest.h>

#include <malloc.h>

#include <memory>
#include <thread>
#include <vector>

#include "raw_connection.h"
#include "test_server.h"

namespace hegemon::testing {
namespace {

/// Bytes the process's heap has handed out and not taken back, over every thread's arena.
std::size_t heap_in_use() {
  const struct mallinfo2 info = mallinfo2();
  return info.uordblks + info.hblkhd;
}

TEST(IdleConnections, KeepNoBuffersAndAtMostEightKiBEach) {
  TempDir data;
  TestServer server(data.path());
  constexpr std::size_t kConnections = 300;
  // One connection first, so that what the server sets up once (its tables, the loop's pools)
  // is not counted per connection.
  RawConnection first(server.port());
  ASSERT_TRUE(first.hello("First"));
  std::vector<std::unique_ptr<RawConnection>> clients;
  clients.reserve(kConnections);
  const std::size_t log_before = server.log_text().size();
  const std::size_t before = heap_in_use();
  for (std::size_t i = 0; i < kConnections; ++i) {
    clients.push_back(std::make_unique<RawConnection>(server.port()));
    ASSERT_TRUE(clients.back()->hello("Idle" + std::to_string(i)));
  }
  // The Welcomes have arrived; once the server has also seen its writes complete, every
  // connection is idle on its side.
  server::SessionFootprint held;
  std::size_t sessions = 0;
  for (int tries = 0; tries < 500; ++tries) {
    server.on_server_thread([&](server::Server& s) {
      held = s.footprint();
      sessions = s.session_count();
    });
    if (held.write_queue == 0) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  const std::size_t after = heap_in_use();
  EXPECT_EQ(sessions, kConnections + 1);
  EXPECT_EQ(held.read_buffer, 0u) << "an idle connection keeps no read buffer";
  EXPECT_EQ(held.write_queue, 0u);
  EXPECT_LE(held.write_slots, (kConnections + 1) * 64) << "the write queue's bookkeeping";

  // What the test itself holds per connection, and the log lines the test server keeps in
  // memory, are not the server's.
  const std::size_t clients_bytes = kConnections * (sizeof(RawConnection) + 16);
  const std::size_t log_bytes = server.log_text().size() - log_before;
  const std::size_t grown = after > before ? after - before : 0;
  const std::size_t server_bytes = grown > clients_bytes + log_bytes ? grown - clients_bytes - log_bytes : 0;
  const std::size_t per_connection = server_bytes / kConnections;
  std::cout << "heap per idle connection: " << per_connection << " bytes (" << grown
            << " bytes for " << kConnections << " connections, less " << clients_bytes
            << " of the test's own and " << log_bytes << " of log text)\n";
  EXPECT_LE(per_connection, 8u * 1024u);
}

}  // namespace
}  // namespace hegemon::testing
