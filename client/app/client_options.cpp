#include "client/app/client_options.h"

#include <charconv>
#include <cstdlib>
#include <limits>
#include <stdexcept>
#include <string_view>

namespace hegemon::client {
namespace {

template <typename T>
T whole_number(std::string_view option, const std::string& text, T low, T high) {
  T value{};
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty())
    throw std::invalid_argument(std::string(option) + " expects a whole number, not \"" + text +
                                "\"");
  if (value < low || value > high)
    throw std::invalid_argument(std::string(option) + " expects a number from " +
                                std::to_string(low) + " to " + std::to_string(high) + ", not " +
                                text);
  return value;
}

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> out;
  std::string item;
  for (const char c : text + ",") {
    if (c == ',') {
      if (!item.empty()) out.push_back(item);
      item.clear();
    } else if (c != ' ') {
      item.push_back(c);
    }
  }
  return out;
}

JoinTarget parse_join(const std::string& text) {
  const auto colon = text.find(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == text.size())
    throw std::invalid_argument("--join expects MATCH_ID:STATE, e.g. 3:LIN, not \"" + text + "\"");
  JoinTarget target;
  target.match_id = whole_number<std::uint64_t>("--join", text.substr(0, colon), 1,
                                                std::numeric_limits<std::uint64_t>::max());
  target.state = text.substr(colon + 1);
  return target;
}

}  // namespace

std::string ServerAddress::text() const {
  if (host.find(':') != std::string::npos) return "[" + host + "]:" + std::to_string(port);
  return host + ":" + std::to_string(port);
}

std::optional<ServerAddress> parse_server_address(const std::string& text, std::string* error) {
  const auto fail = [&](const std::string& why) -> std::optional<ServerAddress> {
    if (error) *error = why;
    return std::nullopt;
  };
  const auto colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == text.size())
    return fail("a server address is HOST:PORT, e.g. 127.0.0.1:7700, not \"" + text + "\"");
  ServerAddress address;
  address.host = text.substr(0, colon);
  if (address.host.size() >= 2 && address.host.front() == '[' && address.host.back() == ']')
    address.host = address.host.substr(1, address.host.size() - 2);
  if (address.host.empty() || address.host.find_first_of(" \t") != std::string::npos)
    return fail("\"" + text + "\" has no host name before the port");
  const std::string port = text.substr(colon + 1);
  unsigned value = 0;
  const auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
  if (ec != std::errc() || end != port.data() + port.size() || value == 0 || value > 65535)
    return fail("the port in \"" + text + "\" must be a number from 1 to 65535");
  address.port = static_cast<std::uint16_t>(value);
  return address;
}

ClientOptions parse_client_options(const std::vector<std::string>& args) {
  ClientOptions o;
  for (std::size_t i = 0; i < args.size(); ++i) {
    std::string option = args[i];
    std::optional<std::string> inline_value;
    if (const auto eq = option.find('='); option.rfind("--", 0) == 0 && eq != std::string::npos) {
      inline_value = option.substr(eq + 1);
      option = option.substr(0, eq);
    }
    const auto value = [&]() -> std::string {
      if (inline_value) return *inline_value;
      if (i + 1 >= args.size()) throw std::invalid_argument(option + " needs a value");
      return args[++i];
    };
    const auto flag = [&] {
      if (inline_value) throw std::invalid_argument(option + " takes no value");
    };

    if (option == "--server") {
      std::string why;
      o.server = parse_server_address(value(), &why);
      if (!o.server) throw std::invalid_argument("--server: " + why);
    } else if (option == "--name") {
      const std::string name = value();
      if (name.empty() || name.size() > 32)
        throw std::invalid_argument("--name expects 1 to 32 characters");
      o.name = name;
    } else if (option == "--settings") {
      o.settings_path = value();
      if (o.settings_path.empty()) throw std::invalid_argument("--settings needs a file name");
    } else if (option == "--width") {
      o.width = whole_number("--width", value(), 320, 16384);
    } else if (option == "--height") {
      o.height = whole_number("--height", value(), 240, 16384);
    } else if (option == "--ui-scale") {
      const std::string text = value();
      char* end = nullptr;
      const double scale = std::strtod(text.c_str(), &end);
      if (text.empty() || *end != '\0' || !(scale >= 0.5 && scale <= 4.0))
        throw std::invalid_argument(
            "--ui-scale is a number from 0.5 to 4 (1 = as designed), "
            "not \"" +
            text + "\"");
      o.ui_scale = static_cast<float>(scale);
    } else if (option == "--autoplay") {
      flag();
      o.autoplay = true;
    } else if (option == "--create") {
      o.create = value();
      if (o.create->empty()) throw std::invalid_argument("--create needs a scenario name");
    } else if (option == "--seats") {
      o.human_seats = split_list(value());
      if (o.human_seats.empty())
        throw std::invalid_argument("--seats expects state ids separated by commas, e.g. KAR,LIN");
    } else if (option == "--join") {
      o.join = parse_join(value());
    } else if (option == "--observe") {
      o.observe = whole_number<std::uint64_t>("--observe", value(), 1,
                                              std::numeric_limits<std::uint64_t>::max());
    } else if (option == "--password") {
      o.password = value();
    } else if (option == "--screenshot-dir") {
      o.screenshot_dir = value();
      if (o.screenshot_dir.empty()) throw std::invalid_argument("--screenshot-dir needs a folder");
    } else if (option == "--quit-after-turn") {
      o.quit_after_turn = whole_number("--quit-after-turn", value(), 1, 100000);
    } else if (option == "--timeout") {
      o.timeout_seconds = whole_number("--timeout", value(), 1, 7 * 24 * 3600);
    } else if (option == "--check-png") {
      o.check_png = value();
    } else if (option == "--help" || option == "-h") {
      flag();
      o.help = true;
    } else if (option == "--version") {
      flag();
      o.version = true;
    } else {
      throw std::invalid_argument("unknown option \"" + args[i] + "\" (see --help)");
    }
  }
  if ((o.create ? 1 : 0) + (o.join ? 1 : 0) + (o.observe ? 1 : 0) > 1)
    throw std::invalid_argument("--create, --join and --observe cannot be used together");
  if (!o.human_seats.empty() && !o.create)
    throw std::invalid_argument("--seats goes with --create");
  if ((o.create || o.join || o.observe) && !o.server)
    throw std::invalid_argument(std::string(o.create ? "--create" : o.join ? "--join" : "--observe") +
                                " needs --server HOST:PORT");
  if (o.autoplay && !o.create && !o.join)
    throw std::invalid_argument("--autoplay needs --create or --join: it plays one seat");
  if (o.settings_path.empty()) o.settings_path = default_settings_path();
  return o;
}

ClientOptions parse_client_options(int argc, char** argv) {
  std::vector<std::string> args;
  for (int i = 1; i < argc; ++i) args.emplace_back(argv[i]);
  return parse_client_options(args);
}

std::string default_settings_path() {
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg)
    return std::string(xdg) + "/hegemon/client.txtpb";
  if (const char* home = std::getenv("HOME"); home && *home)
    return std::string(home) + "/.config/hegemon/client.txtpb";
  return "hegemon-client.txtpb";
}

const char* client_usage() {
  return R"(Usage: hegemon-client [OPTIONS]

The desktop client of Hegemon: connect to a hegemon-server, pick or create a match in the lobby,
and govern one state.

  --server HOST:PORT     connect to this server at once (default: the address remembered from
                         the last run, confirmed on the connect screen)
  --name NAME            your player name (1 to 32 characters; default: the remembered one)
  --settings FILE        where the client remembers the server, the name and its seat tokens
                         (default: $XDG_CONFIG_HOME/hegemon/client.txtpb or
                         ~/.config/hegemon/client.txtpb)
  --width W, --height H  the window's size at start (default 1440 x 900)
  --ui-scale S           the size of text and controls, 0.5 to 4 (1 = as designed), and
                         remembered for the next runs (default: the remembered one, else from
                         the display's DPI)
  --create SCENARIO      create a match of SCENARIO (e.g. tutorial) and take its first seat;
                         the other seats are played by bots
  --seats A,B            with --create: the human seats (the first one is yours)
  --join MATCH_ID:STATE  take this seat of a match at once (or take it back, with a remembered
                         seat token)
  --observe MATCH_ID     watch this match at once (public information only)
  --password TEXT        the password of the match to create, join or watch
  --autoplay             submit the drafted orders every turn and declare ready (with --create
                         or --join): a match plays itself through the client
  --screenshot-dir DIR   save lobby.png, match.png and match-turn-N.png in DIR
  --quit-after-turn N    exit (status 0) once the match has reached turn N
  --timeout SECONDS      give up (status 3) after this long
  --check-png FILE       check that FILE is a readable PNG that is not blank, then exit
                         (status 0 when it is)
  --help                 show this help
  --version              show the version

Exit status: 0 done, 1 a fatal error, 2 bad options, 3 timed out.
)";
}

}  // namespace hegemon::client
