// A connection's replies leave together: what one turn of the server's loop queued for a
// connection goes out in one write, not one write per reply. Counted, not timed.
#include <gtest/gtest.h>

#include "protocol/frame_codec.h"
#include "raw_connection.h"
#include "test_server.h"

namespace hegemon::testing {
namespace {

TEST(GatheredWrites, RepliesToRequestsReadTogetherLeaveInOneWrite) {
  TempDir data;
  TestServer server(data.path());
  RawConnection c(server.port());
  ASSERT_TRUE(c.hello("Pinger"));
  const std::uint64_t session = c.session_id();
  server::SessionTraffic before;
  server.on_server_thread([&](server::Server& s) { before = s.traffic(session); });
  EXPECT_EQ(before.frames, 1u) << "the Welcome";

  constexpr int kPings = 50;
  std::string bytes;
  for (int i = 0; i < kPings; ++i) {
    pb::ClientMessage ping;
    ping.set_request_id(100 + i);
    ping.mutable_ping()->set_nonce(static_cast<std::uint64_t>(i));
    bytes += net::encode_frame(ping);
  }
  c.send_raw(bytes);  // one send: the server reads them together
  for (int i = 0; i < kPings; ++i) {
    const auto reply = c.read();
    ASSERT_TRUE(reply);
    EXPECT_EQ(reply->request_id(), static_cast<std::uint64_t>(100 + i)) << "replies keep their order";
    EXPECT_EQ(reply->pong().nonce(), static_cast<std::uint64_t>(i));
  }
  server::SessionTraffic after;
  server.on_server_thread([&](server::Server& s) { after = s.traffic(session); });
  EXPECT_EQ(after.frames - before.frames, static_cast<std::uint64_t>(kPings));
  // One write when the 50 requests came in one read; a few when the kernel split them.
  EXPECT_LE(after.writes - before.writes, 5u) << (after.writes - before.writes) << " writes";
}

}  // namespace
}  // namespace hegemon::testing
