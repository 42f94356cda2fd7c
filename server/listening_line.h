// The first line hegemon-server prints, "listening on HOST:PORT": a program that starts the
// server on port 0 (the tests' child server, hegemon-load) reads it to learn the port.
#pragma once

#include <unistd.h>

#include <cstdint>
#include <optional>
#include <string>

namespace hegemon::server {

inline constexpr const char* kListeningPrefix = "listening on ";

/// The first line read from `fd`, without its newline (what came before end of file, if none).
inline std::string read_first_line(int fd) {
  std::string line;
  char c;
  while (::read(fd, &c, 1) == 1 && c != '\n') line.push_back(c);
  return line;
}

/// The port of a "listening on HOST:PORT" line, or nothing for any other line.
inline std::optional<std::uint16_t> listening_port(const std::string& line) {
  const auto colon = line.rfind(':');
  if (line.rfind(kListeningPrefix, 0) != 0 || colon == std::string::npos) return std::nullopt;
  try {
    const int port = std::stoi(line.substr(colon + 1));
    if (port <= 0 || port > 65535) return std::nullopt;
    return static_cast<std::uint16_t>(port);
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

}  // namespace hegemon::server
