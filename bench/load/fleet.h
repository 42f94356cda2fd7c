// Many player connections to one server, opened and greeted (Hello) from one thread, with the
// tally of what the server did with each: welcomed, refused (closed before its Welcome), or
// not connected at all.
#pragma once

#include <asio.hpp>
#include <memory>
#include <string>
#include <vector>

#include "load_connection.h"

namespace hegemon::load {

struct FleetTally {
  int welcomed = 0;
  int refused = 0;      // connected, then closed by the server before its Welcome
  int unconnected = 0;  // the TCP connection itself failed
  int answered() const { return welcomed + refused + unconnected; }
};

class Fleet {
 public:
  explicit Fleet(asio::io_context& io) : io_(io), scratch_(std::size_t{1} << 18) {}

  /// Opens `count` connections to 127.0.0.1:`port`, at most `at_once` connecting together, each
  /// saying Hello as `prefix` + its number. Returns false if not every connection had an answer
  /// within `timeout_seconds`.
  bool open(std::uint16_t port, int count, const std::string& prefix, int at_once,
            double timeout_seconds);

  /// The connections that got their Welcome, in the order they were opened.
  const std::vector<std::shared_ptr<LoadConnection>>& welcomed() const { return welcomed_; }
  const FleetTally& tally() const { return tally_; }
  /// Welcomed connections still open now.
  int still_open() const;
  void close_all();

 private:
  asio::io_context& io_;
  std::vector<char> scratch_;
  std::vector<std::shared_ptr<LoadConnection>> all_;
  std::vector<std::shared_ptr<LoadConnection>> welcomed_;
  FleetTally tally_;
};

}  // namespace hegemon::load
