#include "server_child.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <stdexcept>
#include <thread>

#include "server/listening_line.h"

namespace hegemon::load {

ServerChild::ServerChild(const std::filesystem::path& binary, const std::filesystem::path& data_dir,
                         const std::vector<std::string>& extra)
    : log_(data_dir / "server.log") {
  std::filesystem::create_directories(data_dir);
  std::vector<std::string> args = {binary.string(),   "--listen",    "127.0.0.1:0", "--data",
                                   data_dir.string(), "--log-level", "warn"};
  args.insert(args.end(), extra.begin(), extra.end());
  int out[2];
  if (::pipe(out) != 0) throw std::runtime_error("pipe failed");
  const int log_fd = ::open(log_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (log_fd < 0) throw std::runtime_error("cannot create " + log_.string());
  pid_ = ::fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    ::prctl(PR_SET_PDEATHSIG, SIGTERM);  // never outlive the benchmark
    ::dup2(out[1], STDOUT_FILENO);
    ::dup2(log_fd, STDERR_FILENO);
    ::close(out[0]);
    ::close(out[1]);
    ::close(log_fd);
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    ::execv(argv[0], argv.data());
    std::_Exit(127);
  }
  ::close(out[1]);
  ::close(log_fd);
  const std::string line = server::read_first_line(out[0]);
  ::close(out[0]);
  const auto port = server::listening_port(line);
  if (!port) {
    stop();
    throw std::runtime_error(binary.string() + " did not start (see " + log_.string() + "): \"" +
                             line + "\"");
  }
  port_ = *port;
}

ServerChild::~ServerChild() { stop(); }

long long ServerChild::rss_bytes() const {
  if (pid_ <= 0) return 0;
  std::ifstream status("/proc/" + std::to_string(pid_) + "/status");
  std::string key;
  while (status >> key) {
    if (key == "VmRSS:") {
      long long kib = 0;
      status >> kib;
      return kib * 1024;
    }
    status.ignore(1 << 12, '\n');
  }
  return 0;
}

int ServerChild::log_lines_with(const std::string& text) const {
  std::ifstream in(log_);
  int n = 0;
  for (std::string line; std::getline(in, line);)
    if (line.find(text) != std::string::npos) ++n;
  return n;
}

void ServerChild::stop() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGTERM);
  int status = 0;
  const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (::waitpid(pid_, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() >= end) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, &status, 0);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  pid_ = -1;
}

}  // namespace hegemon::load
