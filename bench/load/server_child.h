// hegemon-server as a child of the benchmark: started on 127.0.0.1 port 0 with its own data
// folder, its memory read from /proc, stopped by its process id (and only it).
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace hegemon::load {

class ServerChild {
 public:
  /// Starts `binary` with --listen 127.0.0.1:0 --data `data_dir` --log-level warn and `extra`
  /// arguments, its log going to `data_dir`/server.log, and waits for its "listening on" line.
  /// Throws std::runtime_error when it does not start.
  ServerChild(const std::filesystem::path& binary, const std::filesystem::path& data_dir,
              const std::vector<std::string>& extra);
  /// Stops the server if it still runs.
  ~ServerChild();
  ServerChild(const ServerChild&) = delete;
  ServerChild& operator=(const ServerChild&) = delete;

  std::uint16_t port() const { return port_; }
  pid_t pid() const { return pid_; }
  /// The server's resident memory (VmRSS) in bytes; 0 once it has stopped.
  long long rss_bytes() const;
  /// Lines of its log that contain `text`.
  int log_lines_with(const std::string& text) const;
  /// SIGTERM, then SIGKILL if it has not exited within ten seconds; reaps it.
  void stop();

 private:
  pid_t pid_ = -1;
  std::uint16_t port_ = 0;
  std::filesystem::path log_;
};

}  // namespace hegemon::load
