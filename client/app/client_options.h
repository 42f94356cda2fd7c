// The command line of hegemon-client.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hegemon::client {

/// "HOST:PORT", split. An IPv6 host is written in brackets: "[::1]:7700".
struct ServerAddress {
  std::string host;
  std::uint16_t port = 0;

  /// "127.0.0.1:7700" (brackets again for an IPv6 host).
  std::string text() const;
};

/// Parses "HOST:PORT"; nullopt (and `error` set) when it is not one.
std::optional<ServerAddress> parse_server_address(const std::string& text, std::string* error = nullptr);

/// A seat to take at start: --join MATCH_ID:STATE.
struct JoinTarget {
  std::uint64_t match_id = 0;
  std::string state;
};

struct ClientOptions {
  std::optional<ServerAddress> server;   // --server: connect at once
  std::optional<std::string> name;       // --name
  std::string settings_path;             // --settings (default: default_settings_path())
  int width = 1440;                      // --width, --height: the window at start
  int height = 900;
  float ui_scale = 0;                    // --ui-scale: text and controls (0 = remembered or DPI)
  bool autoplay = false;                 // --autoplay: submit the drafted orders every turn, ready
  std::optional<std::string> create;     // --create SCENARIO: create a match and take a seat
  std::vector<std::string> human_seats;  // --seats A,B: human seats of --create (default: the first state)
  std::optional<JoinTarget> join;        // --join MATCH_ID:STATE
  std::uint64_t observe = 0;             // --observe MATCH_ID: watch a match (0 = none)
  std::string password;                  // --password: for --create and --join
  std::string screenshot_dir;            // --screenshot-dir: lobby.png, match.png, match-turn-N.png
  int quit_after_turn = 0;               // --quit-after-turn N: exit 0 once the view reaches turn N
  int timeout_seconds = 0;               // --timeout: exit non-zero after this long
  std::string check_png;                 // --check-png FILE: check a screenshot and exit
  bool help = false;
  bool version = false;

  /// True when nobody is expected at the keyboard: errors end the program instead of waiting.
  bool unattended() const { return autoplay || quit_after_turn > 0; }
};

/// Parses argv (without argv[0]). Throws std::invalid_argument with a message that names the
/// bad option and what it expects.
ClientOptions parse_client_options(const std::vector<std::string>& args);
ClientOptions parse_client_options(int argc, char** argv);

/// $XDG_CONFIG_HOME/hegemon/client.txtpb, else ~/.config/hegemon/client.txtpb, else
/// ./hegemon-client.txtpb when neither variable is set.
std::string default_settings_path();

const char* client_usage();

}  // namespace hegemon::client
