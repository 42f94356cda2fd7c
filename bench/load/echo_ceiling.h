// The network ceiling: a plain Asio echo server on the wire's framing (each complete frame read
// is written back, all the frames of one read in one write), on one thread like the game
// server's network loop, and clients that keep frames in flight on each connection.
#pragma once

#include <string>

namespace hegemon::load {

struct EchoFigures {
  int connections = 0;  // connections that were open through the measurement
  double messages_per_second = 0;
};

/// Echoes `frame` (one encoded frame) over `connections` connections on 127.0.0.1, each keeping
/// `in_flight` frames unanswered, for `seconds` after a one-second warm-up.
EchoFigures measure_echo(const std::string& frame, int connections, int in_flight, double seconds,
                         double timeout_seconds);

}  // namespace hegemon::load
