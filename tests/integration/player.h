// A player at the keyboard of a test: one connection, with the requests a match needs.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

#include "client/net/server_connection.h"
#include "protocol/wire.pb.h"

namespace hegemon::testing {

using namespace std::chrono_literals;

class Player {
 public:
  Player(std::uint16_t port, const std::string& name);

  client::ServerConnection& connection() { return connection_; }

  /// Creates a match of `scenario` with these human seats (the rest bots); returns its id and
  /// keeps the owner token.
  std::uint64_t create(const std::string& scenario, const std::vector<std::string>& humans,
                       std::uint32_t deadline_seconds = 0, const std::string& password = "");
  /// Takes a seat; returns the reply (SeatGranted or an error). Keeps the seat token.
  pb::ServerMessage join(std::uint64_t match, const std::string& state,
                         const std::string& password = "");
  /// Takes a seat back with its token; returns the reply (SeatGranted or an error) and, when
  /// granted, keeps the seat as join() does.
  pb::ServerMessage reconnect(std::uint64_t match, const std::string& token, int last_report_turn);
  /// Sends a budget that keeps the current split, for the turn being collected, and readiness.
  pb::ServerMessage submit_budget(std::uint64_t match, int turn, bool ready = true);
  /// Sends any order set.
  pb::ServerMessage submit(std::uint64_t match, const pb::OrderSet& orders, bool ready);
  /// Waits for the next TurnResolved of this match.
  pb::TurnResolved wait_turn(std::chrono::milliseconds timeout = 10s);

  const std::string& seat_token() const { return seat_token_; }
  const std::string& owner_token() const { return owner_token_; }
  const std::string& state() const { return state_; }
  const pb::PlayerView& view() const { return view_; }

 private:
  client::ServerConnection connection_;
  std::string seat_token_;
  std::string owner_token_;
  std::string state_;
  pb::PlayerView view_;
};

/// A new tutorial match with two human seats, KAR taken by `kar` and DRV by `drv`; its id.
std::uint64_t seat_kar_and_drv(Player& kar, Player& drv);

/// An order set of one published budget with `allocation`.
pb::OrderSet budget(const std::string& state, int turn, const pb::Allocation& allocation);

/// The error code of a reply, or ERROR_UNSPECIFIED when it is not an error.
pb::ErrorCode error_of(const pb::ServerMessage& reply);

}  // namespace hegemon::testing
