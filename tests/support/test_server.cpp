#include "test_server.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <future>
#include <random>
#include <stdexcept>

#include "server/listening_line.h"

namespace hegemon::testing {

TempDir::TempDir() {
  std::random_device random;
  path_ = std::filesystem::temp_directory_path() /
          ("hegemon-test-" + std::to_string(::getpid()) + "-" + std::to_string(random()));
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

TestServer::TestServer(const std::filesystem::path& data_dir, server::ServerSettings settings,
                       std::uint16_t port)
    : log_(log_stream_, server::LogLevel::Debug) {
  settings.host = "127.0.0.1";
  settings.port = port;
  settings.data_dir = data_dir;
  if (settings.assets_dir.empty()) settings.assets_dir = HEGEMON_ASSETS_DIR;
  server_ = std::make_unique<server::Server>(io_, settings, log_);
  server_->start();
  port_ = server_->endpoint().port();
  thread_ = std::thread([this] { io_.run(); });
}

TestServer::~TestServer() {
  asio::post(io_, [this] {
    server_->stop();
    io_.stop();
  });
  thread_.join();
  server_.reset();  // storage finishes its queued writes here
}

std::string TestServer::log_text() const { return log_stream_.str(); }

void TestServer::on_server_thread(const std::function<void(server::Server&)>& fn) {
  std::promise<void> done;
  asio::post(io_, [&] {
    fn(*server_);
    done.set_value();
  });
  done.get_future().wait();
}

ServerProcess::ServerProcess(const std::filesystem::path& data_dir) {
  int out[2];
  if (::pipe(out) != 0) throw std::runtime_error("pipe failed");
  pid_ = ::fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    ::dup2(out[1], STDOUT_FILENO);
    ::close(out[0]);
    ::close(out[1]);
    const std::string data = data_dir.string();
    ::execl(HEGEMON_SERVER_BINARY, HEGEMON_SERVER_BINARY, "--listen", "127.0.0.1:0", "--data",
            data.c_str(), "--log-level", "warn", static_cast<char*>(nullptr));
    std::_Exit(127);
  }
  ::close(out[1]);
  const std::string line = server::read_first_line(out[0]);
  ::close(out[0]);
  const auto port = server::listening_port(line);
  if (!port) {
    kill_now();
    throw std::runtime_error("hegemon-server did not start: \"" + line + "\"");
  }
  port_ = *port;
}

ServerProcess::~ServerProcess() { kill_now(); }

void ServerProcess::kill_now() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGKILL);
  int status = 0;
  ::waitpid(pid_, &status, 0);
  pid_ = -1;
}

int ServerProcess::terminate() {
  if (pid_ <= 0) return -1;
  ::kill(pid_, SIGTERM);
  int status = 0;
  ::waitpid(pid_, &status, 0);
  pid_ = -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace hegemon::testing
