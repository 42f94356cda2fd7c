// The client as a whole, one frame at a time: which screen is up, the link to the server, what
// the lobby and the match show, the settings remembered between runs, and the unattended
// options (--create/--join, --autoplay, --screenshot-dir, --quit-after-turn, --timeout). The
// App calls frame() between ImGui's new frame and its render; everything runs on that thread.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "client/app/autoplay.h"
#include "client/app/client_options.h"
#include "client/app/connect_screen.h"
#include "client/app/lobby_screen.h"
#include "client/app/match_model.h"
#include "client/app/match_screen.h"
#include "client/app/network_session.h"
#include "client/app/turn_tour.h"
#include "client/app/ui_style.h"
#include "protocol/client_settings.pb.h"

namespace hegemon::client {

class GameClient {
 public:
  GameClient(ClientOptions options, UiFonts fonts);
  GameClient(const GameClient&) = delete;
  GameClient& operator=(const GameClient&) = delete;

  /// Polls the network and draws the current screen over the whole window: tick() then draw().
  void frame();
  /// The work of a frame that draws nothing: timeouts, the network, the lobby's refresh, the
  /// unattended steps. True when it brought anything new to show.
  bool tick();
  /// Draws the current screen over the whole window (between ImGui's new frame and its render).
  void draw();
  /// Whether every frame must be drawn whatever happens (the unattended runs, which count
  /// frames to let the screens settle before their screenshots).
  bool draws_every_frame() const;
  /// How often the screen must be drawn when nothing happens, for what changes with the clock
  /// (a turn's countdown, "trying again in 3 s"); zero when nothing does.
  std::chrono::milliseconds clock_redraw() const;
  /// Set once the client should end: the exit status.
  std::optional<int> exit_code() const { return exit_code_; }
  /// The screenshots to take of the frame just drawn (paths); emptied by the call.
  std::vector<std::string> take_screenshot_requests();
  /// Told how a requested screenshot went ("" = saved).
  void screenshot_taken(const std::string& path, const std::string& error);
  /// "Hegemon", "Hegemon: lobby of host:port", "Hegemon: Linnmark, turn 4 of 20".
  std::string window_title() const;

 private:
  enum class Screen { Connect, Lobby, Match };
  /// Loads the drawn map of the match's scenario from the assets when the model has none.
  void load_drawn_map();
  std::string no_drawn_map_;  // the scenario last found to have no drawn map
  /// A seat to take once the lobby has shown the match (after --create).
  struct PendingJoin {
    std::uint64_t match_id = 0;
    std::string state;
    std::string password;
  };

  // Connection and lobby.
  void connect(const ServerAddress& address, const std::string& name);
  void on_online(const pb::Welcome& welcome, bool again);
  void on_event(const pb::ServerMessage& event);
  /// Asks for the list of matches; `again` also when a request is already on its way (its
  /// answer is then ignored: it may predate what the player just did).
  void refresh_lobby(bool again = false);
  void create_match(const pb::CreateMatch& request, const std::string& take);
  void join(std::uint64_t match_id, const std::string& state, const std::string& password);
  void resume(const pb::RememberedSeat& seat);
  void observe(std::uint64_t match_id, const std::string& password);
  void seat_reply(const pb::ServerMessage& reply, const std::string& what,
                  std::optional<pb::RememberedSeat> resumed);
  void back_to_lobby();
  void disconnect();
  // The match.
  MatchScreenActions match_actions();
  void submit(const pb::OrderSet& orders, bool ready);
  void set_ready(bool ready);
  void send_chat(const std::string& to_state, const std::string& text);
  void send_lobby_chat(const std::string& text);
  void pause(bool pause);
  // Unattended runs.
  void run_unattended_steps();
  void fatal(const std::string& message);
  void check_timeout();

  void save_settings();
  std::string server_key() const;  // "host:port" of the current server
  std::string lobby_message() const;

  ClientOptions options_;
  UiFonts fonts_;
  pb::ClientSettings settings_;
  NetworkSession network_;
  Screen screen_ = Screen::Connect;

  ConnectForm connect_form_;
  ConnectScreen connect_screen_;
  LobbyModel lobby_;
  LobbyScreen lobby_screen_;
  MatchModel match_;
  MatchScreen match_screen_;

  std::chrono::steady_clock::time_point started_;
  std::chrono::steady_clock::time_point next_lobby_refresh_{};
  std::optional<PendingJoin> pending_join_;
  bool start_done_ = false;        // --create / --join sent
  bool lobby_shot_taken_ = false;
  int lobby_frames_ = 0;           // frames the lobby has shown its list
  int lobby_request_ = 0;          // the latest list request; earlier answers are ignored
  std::string pending_owner_token_;

  // Autoplay and the screenshots of each turn.
  Autoplay autoplay_;
  TurnTour tour_;
  std::vector<std::string> screenshot_requests_;
  std::optional<int> exit_code_;
};

}  // namespace hegemon::client
