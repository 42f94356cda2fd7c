// A real hegemon server for tests: in this process on its own thread (TestServer) or as a child
// process that can be killed (ServerProcess). Both listen on 127.0.0.1 port 0 and report the
// port they got.
#pragma once

#include <sys/types.h>

#include <asio.hpp>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <sstream>
#include <string>
#include <thread>

#include "server/log.h"
#include "server/server.h"

namespace hegemon::testing {

/// A fresh, empty folder under the system's temporary folder, removed by the destructor.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

class TestServer {
 public:
  /// Starts a server on 127.0.0.1:`port` (0: any free port) keeping its database in
  /// `data_dir`.
  explicit TestServer(const std::filesystem::path& data_dir,
                      server::ServerSettings settings = {}, std::uint16_t port = 0);
  ~TestServer();
  TestServer(const TestServer&) = delete;
  TestServer& operator=(const TestServer&) = delete;

  std::uint16_t port() const { return port_; }
  /// Everything the server logged so far.
  std::string log_text() const;
  /// Runs `fn` on the server's thread and waits for it.
  void on_server_thread(const std::function<void(server::Server&)>& fn);

 private:
  std::ostringstream log_stream_;
  server::Log log_;
  asio::io_context io_;
  std::unique_ptr<server::Server> server_;
  std::uint16_t port_ = 0;
  std::thread thread_;
};

/// hegemon-server as a child process.
class ServerProcess {
 public:
  /// Starts the binary with --listen 127.0.0.1:0 --data `data_dir` and waits for its
  /// "listening on" line.
  explicit ServerProcess(const std::filesystem::path& data_dir);
  /// SIGKILLs the process if it still runs.
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  std::uint16_t port() const { return port_; }
  /// Kills the process at once (SIGKILL) and reaps it.
  void kill_now();
  /// Sends SIGTERM and waits for the exit; returns the exit status.
  int terminate();

 private:
  pid_t pid_ = -1;
  std::uint16_t port_ = 0;
};

}  // namespace hegemon::testing
