#include "client/app/game_client.h"

#include <imgui.h>

#include <cstdlib>
#include <iostream>
#include <utility>

#include "client/app/client_settings.h"
#include "client/app/model_updates.h"
#include "client/app/panels/territory_map.h"
#include "client/app/scenario_catalog.h"
#include "client/app/status_bar.h"

namespace hegemon::client {
namespace {

using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

constexpr auto kLobbyRefresh = 5s;
constexpr int kSettleFrames = TurnTour::kSettleFrames;

std::string default_player_name() {
  if (const char* user = std::getenv("USER"); user && *user) {
    std::string name(user);
    if (name.size() <= 32) return name;
  }
  return "Player";
}

NetworkSession::Settings network_settings(const ClientOptions& options) {
  NetworkSession::Settings settings;
  settings.retry_first_connect = options.unattended();
  return settings;
}

}  // namespace

GameClient::GameClient(ClientOptions options, UiFonts fonts)
    : options_(std::move(options)),
      fonts_(fonts),
      network_(network_settings(options_)),
      started_(Clock::now()),
      tour_(options_.autoplay, options_.screenshot_dir) {
  std::string problem;
  settings_ = load_client_settings(options_.settings_path, &problem);
  if (!problem.empty()) connect_form_.error = problem;
  // A scale asked for is remembered for the runs after.
  if (options_.ui_scale > 0 && settings_.ui_scale() != options_.ui_scale) {
    settings_.set_ui_scale(options_.ui_scale);
    save_settings();
  }

  connect_form_.address = options_.server                ? options_.server->text()
                          : !settings_.server().empty() ? settings_.server()
                                                        : "127.0.0.1:7700";
  connect_form_.name = options_.name                          ? *options_.name
                       : !settings_.player_name().empty() ? settings_.player_name()
                                                           : default_player_name();

  network_.set_online_handler([this](const pb::Welcome& w, bool again) { on_online(w, again); });
  network_.set_event_handler([this](const pb::ServerMessage& e) { on_event(e); });
  if (options_.server) connect(*options_.server, connect_form_.name);
}

// --- Frames -----------------------------------------------------------------------------------

void GameClient::frame() {
  tick();
  draw();
}

bool GameClient::tick() {
  const std::uint64_t activity = network_.activity();
  const Screen screen = screen_;
  check_timeout();
  network_.poll();
  if (screen_ == Screen::Connect && network_.state() == LinkState::Offline &&
      !network_.last_error().empty())
    connect_form_.error = network_.last_error();
  if (screen_ == Screen::Lobby && network_.online() && !lobby_.loading &&
      Clock::now() >= next_lobby_refresh_)
    refresh_lobby();
  run_unattended_steps();
  return network_.activity() != activity || screen_ != screen || exit_code_.has_value();
}

bool GameClient::draws_every_frame() const {
  return options_.unattended() || !options_.screenshot_dir.empty();
}

std::chrono::milliseconds GameClient::clock_redraw() const {
  using std::chrono::milliseconds;
  if (network_.state() == LinkState::Connecting || network_.state() == LinkState::Waiting)
    return milliseconds(1000);
  // The turn's countdown, when the match has a deadline running.
  if (screen_ == Screen::Match && match_.summary.deadline_unix_ms() > 0 &&
      match_.summary.status() != pb::MATCH_PAUSED && !match_.view.ended())
    return milliseconds(1000);
  return milliseconds(0);
}

void GameClient::draw() {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->WorkPos);
  ImGui::SetNextWindowSize(viewport->WorkSize);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoSavedSettings |
                                 ImGuiWindowFlags_NoBringToFrontOnFocus;
  ImGui::Begin("Hegemon", nullptr, flags);
  ImGui::BeginChild("screen", ImVec2(0, -status_bar_height()), false);
  switch (screen_) {
    case Screen::Connect: {
      const bool busy = network_.state() == LinkState::Connecting ||
                        network_.state() == LinkState::Waiting;
      if (connect_screen_.draw(connect_form_, busy, network_.status_text(), fonts_)) {
        std::string why;
        const auto address = parse_server_address(connect_form_.address, &why);
        if (!address) {
          connect_form_.error = why;
        } else if (connect_form_.name.empty() || connect_form_.name.size() > 32) {
          connect_form_.error = "Your name must be 1 to 32 characters long.";
        } else {
          connect(*address, connect_form_.name);
        }
      }
      break;
    }
    case Screen::Lobby: {
      LobbyActions actions;
      actions.refresh = [this] { refresh_lobby(); };
      actions.create = [this](const pb::CreateMatch& request, const std::string& take) {
        create_match(request, take);
      };
      actions.join = [this](std::uint64_t id, const std::string& state, const std::string& pw) {
        join(id, state, pw);
      };
      actions.observe = [this](std::uint64_t id, const std::string& pw) { observe(id, pw); };
      actions.resume = [this](const pb::RememberedSeat& seat) { resume(seat); };
      actions.disconnect = [this] { disconnect(); };
      actions.chat = [this](const std::string& text) { send_lobby_chat(text); };
      lobby_screen_.draw(lobby_, actions, fonts_);
      break;
    }
    case Screen::Match:
      load_drawn_map();
      match_screen_.draw(match_, match_actions(), network_.state(), fonts_);
      break;
  }
  ImGui::EndChild();
  draw_status_bar(network_.state(), network_.status_text(), lobby_message());
  ImGui::End();

  // What the frame just drawn showed: the lobby's list, a turn of the match.
  if (screen_ == Screen::Lobby && lobby_.loaded) {
    ++lobby_frames_;
    if (!options_.screenshot_dir.empty() && !lobby_shot_taken_ && lobby_frames_ >= kSettleFrames) {
      screenshot_requests_.push_back(options_.screenshot_dir + "/lobby.png");
      lobby_shot_taken_ = true;
    }
  }
  if (screen_ == Screen::Match) {
    TurnTour::Step step = tour_.frame_drawn(match_.view.turn());
    if (step.show) match_screen_.show_tab(*step.show);
    if (step.close_closeup) match_screen_.open_closeup("");
    if (step.open_closeup) {
      // The state the viewer fears most (the first other state for a spectator).
      const pb::ThreatView* worst = nullptr;
      for (const auto& t : match_.view.threats())
        if (!worst || t.total() > worst->total()) worst = &t;
      if (worst)
        match_screen_.open_closeup(worst->from());
      else if (match_.view.others_size() > 0)
        match_screen_.open_closeup(match_.view.others(0).id());
    }
    for (auto& shot : step.shots) screenshot_requests_.push_back(std::move(shot));
  }
}

std::string GameClient::lobby_message() const {
  switch (screen_) {
    case Screen::Lobby: return lobby_.status;
    case Screen::Match: return match_.status_line;
    default: return "";
  }
}

std::vector<std::string> GameClient::take_screenshot_requests() {
  return std::exchange(screenshot_requests_, {});
}

void GameClient::screenshot_taken(const std::string& path, const std::string& error) {
  if (!error.empty()) {
    fatal("the screenshot " + path + " was not saved: " + error);
    return;
  }
  if (options_.unattended()) std::cout << "hegemon-client: saved " << path << std::endl;
}

std::string GameClient::window_title() const {
  switch (screen_) {
    case Screen::Lobby: return "Hegemon: lobby of " + lobby_.server;
    case Screen::Match: {
      const std::string who =
          match_.spectator() ? "watching " + match_.summary.name() : state_name(match_.view, match_.my_state);
      return "Hegemon: " + who + ", turn " + std::to_string(match_.collecting_turn()) + " of " +
             std::to_string(match_.view.turns());
    }
    default: return "Hegemon";
  }
}

// --- Connection and lobby ------------------------------------------------------------------

std::string GameClient::server_key() const { return lobby_.server; }

void GameClient::connect(const ServerAddress& address, const std::string& name) {
  connect_form_.error.clear();
  lobby_ = LobbyModel{};
  lobby_.server = address.text();
  lobby_.player = name;
  for (const auto& seat : settings_.seats())
    if (seat.server() == lobby_.server) lobby_.my_seats.push_back(seat);
  network_.connect(address.host, address.port, name);
}

void GameClient::on_online(const pb::Welcome& welcome, bool again) {
  // What the lobby said before this connection, as the server kept it.
  if (!welcome.lobby_chat().empty())
    lobby_.chat.assign(welcome.lobby_chat().begin(), welcome.lobby_chat().end());
  settings_.set_server(lobby_.server);
  settings_.set_player_name(lobby_.player);
  save_settings();
  if (options_.unattended())
    std::cout << "hegemon-client: connected to " << welcome.server_name() << " at "
              << lobby_.server << std::endl;
  if (again) {
    lobby_.status = "Connected again.";
    if (screen_ == Screen::Match && match_.match_id != 0) {
      if (!match_.spectator()) {
        pb::RememberedSeat seat;
        seat.set_server(server_key());
        seat.set_match_id(match_.match_id);
        seat.set_state(match_.my_state);
        seat.set_seat_token(match_.seat_token);
        seat.set_match_name(match_.summary.name());
        resume(seat);
      } else {
        observe(match_.match_id, options_.password);
      }
      match_.status_line = "Connected again: taking the seat back...";
    }
    refresh_lobby();
    return;
  }
  if (screen_ == Screen::Connect) screen_ = Screen::Lobby;
  if (options_.create && !start_done_) {
    start_done_ = true;
    const auto scenario = local_scenario(client_assets_dir(), *options_.create);
    std::vector<std::string> humans = options_.human_seats;
    if (humans.empty()) {
      if (!scenario || scenario->states.empty()) {
        fatal("this client does not have the scenario \"" + *options_.create +
              "\" in its assets, so it cannot tell which seat is the first: name the human "
              "seats with --seats");
        return;
      }
      humans.push_back(scenario->states.front().id);
    }
    pb::CreateMatch request;
    request.set_name(lobby_.player + "'s " + *options_.create);
    request.set_scenario(*options_.create);
    for (const auto& id : humans) {
      pb::SeatPlan& seat = *request.add_seats();
      seat.set_state(id);
      seat.set_kind(pb::SEAT_HUMAN);
    }
    request.set_password(options_.password);
    create_match(request, humans.front());
    return;
  }
  if (options_.join && !start_done_) {
    start_done_ = true;
    join(options_.join->match_id, options_.join->state, options_.password);
  }
  if (options_.observe && !start_done_) {
    start_done_ = true;
    observe(options_.observe, options_.password);
  }
  refresh_lobby();
}

void GameClient::on_event(const pb::ServerMessage& event) {
  if (match_.match_id != 0 && apply_event(match_, event)) {
    if (event.has_turn_resolved()) {
      // The new turn's deadline comes with the match's summary in the list of matches.
      refresh_lobby();
      if (options_.unattended())
        std::cout << "hegemon-client: turn " << match_.view.turn() << " of "
                  << match_.view.turns() << " resolved" << std::endl;
    }
    return;
  }
  if (event.has_chat() && event.chat().match_id() == 0) {
    lobby_.chat.push_back(event.chat());
    constexpr std::size_t kMaxLobbyChat = 200;
    if (lobby_.chat.size() > kMaxLobbyChat) lobby_.chat.erase(lobby_.chat.begin());
  } else if (event.has_match_update()) {
    for (auto& match : lobby_.matches)
      if (match.match_id() == event.match_update().match().match_id())
        match = event.match_update().match();
  } else if (event.has_error()) {
    const std::string text = "The server says: " + describe(event.error());
    lobby_.status = text;
    match_.status_line = text;
  }
}

void GameClient::refresh_lobby(bool again) {
  next_lobby_refresh_ = Clock::now() + kLobbyRefresh;
  if (!network_.online() || (lobby_.loading && !again)) return;
  lobby_.loading = true;
  const int request = ++lobby_request_;
  pb::ClientMessage message;
  message.mutable_list_matches();
  network_.send(
      std::move(message),
      [this, request](const pb::ServerMessage& reply) {
        if (request != lobby_request_) return;
        lobby_.loading = false;
        // An empty list may come as a reply without a body (no matches field set at all).
        if (reply.has_match_list() || reply.body_case() == pb::ServerMessage::BODY_NOT_SET) {
          lobby_.matches.assign(reply.match_list().matches().begin(),
                                reply.match_list().matches().end());
          for (const auto& match : lobby_.matches)
            if (match.match_id() == match_.match_id && match.turn() == match_.view.turn()) {
              pb::MatchUpdate update;
              *update.mutable_match() = match;
              apply_match_update(match_, update);
            }
          lobby_.loaded = true;
          lobby_frames_ = 0;
        } else if (reply.has_error()) {
          lobby_.status = "The list of matches failed: " + describe(reply.error());
        }
      },
      [this, request](const std::string& why) {
        if (request != lobby_request_) return;
        lobby_.loading = false;
        lobby_.status = "The list of matches failed: " + why;
      });
}

void GameClient::create_match(const pb::CreateMatch& request, const std::string& take) {
  pb::ClientMessage message;
  *message.mutable_create_match() = request;
  lobby_.status = "Creating " + request.name() + "...";
  const std::string password = request.password();
  network_.send(
      std::move(message),
      [this, take, password](const pb::ServerMessage& reply) {
        if (reply.has_error()) {
          fatal("creating the match failed: " + describe(reply.error()));
          lobby_.status = "The match was not created: " + reply.error().reason();
          return;
        }
        if (!reply.has_match_created()) return;
        const pb::MatchSummary& match = reply.match_created().match();
        remember_owner(settings_, server_key(), match.match_id(), reply.match_created().owner_token());
        save_settings();
        lobby_.status = "Match " + std::to_string(match.match_id()) + " (" + match.name() +
                        ") created; you own it and can pause it.";
        if (options_.unattended())
          std::cout << "hegemon-client: created match " << match.match_id() << std::endl;
        if (!take.empty()) pending_join_ = PendingJoin{match.match_id(), take, password};
        lobby_.loaded = false;  // the seat is taken once the lobby has shown the new match
        refresh_lobby(true);
      },
      [this](const std::string& why) {
        fatal("creating the match failed: " + why);
        lobby_.status = "The match was not created: " + why;
      });
}

void GameClient::join(std::uint64_t match_id, const std::string& state,
                      const std::string& password) {
  if (const auto* seat = find_seat(settings_, server_key(), match_id); seat && seat->state() == state) {
    resume(*seat);
    return;
  }
  pb::ClientMessage message;
  auto& body = *message.mutable_join_match();
  body.set_match_id(match_id);
  body.set_state(state);
  body.set_password(password);
  lobby_.status = "Taking the seat of " + state + "...";
  network_.send(
      std::move(message),
      [this](const pb::ServerMessage& reply) { seat_reply(reply, "Taking the seat", std::nullopt); },
      [this](const std::string& why) { fatal("taking the seat failed: " + why); lobby_.status = why; });
}

void GameClient::resume(const pb::RememberedSeat& seat) {
  pb::ClientMessage message;
  auto& body = *message.mutable_reconnect();
  body.set_match_id(seat.match_id());
  body.set_seat_token(seat.seat_token());
  if (match_.match_id == seat.match_id() && match_.my_state == seat.state() &&
      !match_.reports.empty())
    body.set_last_report_turn(match_.reports.back().turn());
  network_.send(
      std::move(message),
      [this, seat](const pb::ServerMessage& reply) { seat_reply(reply, "Taking back the seat", seat); },
      [this](const std::string& why) { lobby_.status = "Taking back the seat failed: " + why; });
}

void GameClient::seat_reply(const pb::ServerMessage& reply, const std::string& what,
                            std::optional<pb::RememberedSeat> resumed) {
  if (reply.has_error()) {
    const auto code = reply.error().code();
    if (resumed && (code == pb::NOT_YOUR_SEAT || code == pb::NOT_FOUND)) {
      forget_seat(settings_, server_key(), resumed->match_id());
      save_settings();
      lobby_.my_seats.clear();
      for (const auto& seat : settings_.seats())
        if (seat.server() == lobby_.server) lobby_.my_seats.push_back(seat);
    }
    fatal(what + " failed: " + describe(reply.error()));
    lobby_.status = what + " failed: " + reply.error().reason();
    if (screen_ == Screen::Match) {
      screen_ = Screen::Lobby;
      refresh_lobby();
    }
    return;
  }
  if (!reply.has_seat_granted()) return;
  const pb::SeatGranted& granted = reply.seat_granted();
  apply_seat_granted(match_, granted);
  remember_seat(settings_, server_key(), granted.match().match_id(), granted.state(),
                granted.seat_token(), granted.match().name());
  save_settings();
  lobby_.my_seats.clear();
  for (const auto& seat : settings_.seats())
    if (seat.server() == lobby_.server) lobby_.my_seats.push_back(seat);
  lobby_.status.clear();
  screen_ = Screen::Match;
  tour_.restart();
  if (options_.unattended())
    std::cout << "hegemon-client: holding " << granted.state() << " in match "
              << granted.match().match_id() << " at turn " << match_.view.turn() << std::endl;
}

void GameClient::observe(std::uint64_t match_id, const std::string& password) {
  pb::ClientMessage message;
  auto& body = *message.mutable_observe_match();
  body.set_match_id(match_id);
  body.set_password(password);
  network_.send(
      std::move(message),
      [this](const pb::ServerMessage& reply) {
        if (reply.has_error()) {
          fatal("watching the match failed: " + describe(reply.error()));
          lobby_.status = "Watching failed: " + reply.error().reason();
          if (screen_ == Screen::Match) screen_ = Screen::Lobby;
          return;
        }
        if (!reply.has_observing()) return;
        apply_observing(match_, reply.observing());
        screen_ = Screen::Match;
        match_screen_.show_tab(MatchTab::Report);  // a spectator has no budget to set
        tour_.restart();
      },
      [this](const std::string& why) { lobby_.status = "Watching failed: " + why; });
}

void GameClient::back_to_lobby() {
  if (match_.match_id != 0 && network_.online()) {
    pb::ClientMessage message;
    message.mutable_leave_match()->set_match_id(match_.match_id);
    network_.send(std::move(message), {}, {});
  }
  screen_ = Screen::Lobby;
  refresh_lobby();
}

void GameClient::disconnect() {
  network_.disconnect();
  screen_ = Screen::Connect;
  connect_form_.error.clear();
  lobby_.loaded = false;
}

// --- The match ---------------------------------------------------------------------------------

MatchScreenActions GameClient::match_actions() {
  MatchScreenActions actions;
  if (!match_.spectator()) {
    actions.match.submit = [this](const pb::OrderSet& orders, bool ready) { submit(orders, ready); };
    actions.match.set_ready = [this](bool ready) { set_ready(ready); };
  }
  actions.match.chat = [this](const std::string& to, const std::string& text) { send_chat(to, text); };
  actions.match.leave = [this] { back_to_lobby(); };
  actions.to_lobby = [this] { back_to_lobby(); };
  if (!find_owner_token(settings_, server_key(), match_.match_id).empty())
    actions.pause = [this](bool p) { pause(p); };
  return actions;
}

void GameClient::submit(const pb::OrderSet& orders, bool ready) {
  pb::ClientMessage message;
  auto& body = *message.mutable_submit_orders();
  body.set_match_id(match_.match_id);
  *body.mutable_orders() = orders;
  body.set_ready(ready);
  const std::uint64_t id = match_.match_id;
  match_.status_line = "Sending the orders for turn " + std::to_string(orders.turn()) + "...";
  network_.send(
      std::move(message),
      [this, id](const pb::ServerMessage& reply) {
        autoplay_.reply_received();
        if (match_.match_id != id) return;
        if (reply.has_orders_accepted()) {
          apply_orders_accepted(match_, reply.orders_accepted());
        } else if (reply.has_error()) {
          apply_error(match_, reply.error(), "Sending the orders");
          fatal("sending the orders failed: " + describe(reply.error()));
        }
      },
      [this, id](const std::string& why) {
        autoplay_.reply_received();
        if (match_.match_id != id) return;
        match_.status_line = "The orders were not sent: " + why;
      });
}

void GameClient::set_ready(bool ready) {
  pb::ClientMessage message;
  message.mutable_set_ready()->set_match_id(match_.match_id);
  message.mutable_set_ready()->set_ready(ready);
  const std::uint64_t id = match_.match_id;
  network_.send(
      std::move(message),
      [this, id, ready](const pb::ServerMessage& reply) {
        if (match_.match_id != id) return;
        if (reply.has_error()) {
          apply_error(match_, reply.error(), ready ? "Declaring ready" : "Taking back readiness");
          return;
        }
        match_.ready = ready;
        match_.status_line = ready ? "You are ready." : "You are no longer ready.";
      },
      [this, id](const std::string& why) {
        if (match_.match_id == id) match_.status_line = "Not sent: " + why;
      });
}

void GameClient::send_chat(const std::string& to_state, const std::string& text) {
  pb::ClientMessage message;
  auto& body = *message.mutable_send_chat();
  body.set_match_id(match_.match_id);
  body.set_to_state(to_state);
  body.set_text(text);
  const std::uint64_t id = match_.match_id;
  network_.send(
      std::move(message),
      [this, id](const pb::ServerMessage& reply) {
        if (match_.match_id == id && reply.has_error())
          apply_error(match_, reply.error(), "Sending the message");
      },
      [this, id](const std::string& why) {
        if (match_.match_id == id) match_.status_line = "The message was not sent: " + why;
      });
}

void GameClient::send_lobby_chat(const std::string& text) {
  pb::ClientMessage message;
  message.mutable_send_chat()->set_text(text);
  network_.send(
      std::move(message),
      [this](const pb::ServerMessage& reply) {
        if (reply.has_error()) lobby_.status = "The message was not sent: " + describe(reply.error());
      },
      [this](const std::string& why) { lobby_.status = "The message was not sent: " + why; });
}

void GameClient::pause(bool pause) {
  pb::ClientMessage message;
  const std::string token = find_owner_token(settings_, server_key(), match_.match_id);
  if (pause) {
    message.mutable_pause_match()->set_match_id(match_.match_id);
    message.mutable_pause_match()->set_owner_token(token);
  } else {
    message.mutable_resume_match()->set_match_id(match_.match_id);
    message.mutable_resume_match()->set_owner_token(token);
  }
  const std::uint64_t id = match_.match_id;
  network_.send(
      std::move(message),
      [this, id, pause](const pb::ServerMessage& reply) {
        if (match_.match_id == id && reply.has_error())
          apply_error(match_, reply.error(), pause ? "Pausing the match" : "Resuming the match");
      },
      {});
}

// --- Unattended runs -----------------------------------------------------------------------------

void GameClient::run_unattended_steps() {
  if (exit_code_) return;
  // The seat to take once the lobby has shown the new match (and been photographed).
  if (pending_join_ && screen_ == Screen::Lobby && lobby_.loaded &&
      lobby_frames_ >= kSettleFrames && (options_.screenshot_dir.empty() || lobby_shot_taken_)) {
    const PendingJoin target = *pending_join_;
    pending_join_.reset();
    join(target.match_id, target.state, target.password);
  }
  if (screen_ != Screen::Match || !tour_.done(match_.view.turn())) return;

  const int turn = match_.view.turn();
  if (options_.quit_after_turn > 0 && turn >= options_.quit_after_turn) {
    if (options_.unattended())
      std::cout << "hegemon-client: reached turn " << turn << "; done" << std::endl;
    exit_code_ = 0;
    return;
  }
  if (options_.quit_after_turn > 0 && match_.view.ended()) {
    fatal("the match ended at turn " + std::to_string(turn) + ", before turn " +
          std::to_string(options_.quit_after_turn));
    return;
  }
  if (options_.autoplay && autoplay_.step(match_, match_actions().match) && options_.unattended())
    std::cout << "hegemon-client: sent the orders for turn " << match_.collecting_turn()
              << ", ready" << std::endl;
}

void GameClient::fatal(const std::string& message) {
  if (!options_.unattended() || exit_code_) return;
  std::cerr << "hegemon-client: " << message << std::endl;
  exit_code_ = 1;
}

void GameClient::check_timeout() {
  if (options_.timeout_seconds <= 0 || exit_code_) return;
  if (Clock::now() - started_ < std::chrono::seconds(options_.timeout_seconds)) return;
  std::cerr << "hegemon-client: gave up after " << options_.timeout_seconds << " s; "
            << network_.status_text() << "; the match was at turn " << match_.view.turn()
            << std::endl;
  exit_code_ = 3;
}

void GameClient::save_settings() {
  std::string error;
  if (!save_client_settings(settings_, options_.settings_path, &error)) lobby_.status = error;
}

void GameClient::load_drawn_map() {
  const std::string& scenario = match_.view.scenario();
  if (scenario.empty() || scenario == no_drawn_map_) return;
  if (match_.territories && match_.territories->scenario() == scenario) return;
  const std::string path = client_assets_dir() + "/maps/" + scenario + ".territories.pb";
  if (scenario.find('/') == std::string::npos) match_.territories = load_territory_map(path);
  if (match_.territories && match_.territories->scenario() == scenario) return;
  // Looked for once: a scenario without a drawn map is shown by positions.
  match_.territories.reset();
  no_drawn_map_ = scenario;
  std::cerr << "no drawn map for " << scenario << " (" << path
            << "): the map shows positions only\n";
}

}  // namespace hegemon::client
