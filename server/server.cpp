#include "server/server.h"

#include <stdexcept>
#include <vector>

namespace hegemon::server {
namespace {

std::unique_ptr<MatchStore> open_store(const ServerSettings& s, Log& log,
                                       asio::any_io_executor executor) {
  std::error_code ec;
  std::filesystem::create_directories(s.data_dir, ec);
  if (ec)
    throw std::runtime_error("cannot create the data folder " + s.data_dir.string() + ": " +
                             ec.message());
  // SQLite's default page is 4 KiB.
  const std::int64_t max_pages = s.max_database_mb > 0 ? s.max_database_mb * 256 : 0;
  return std::make_unique<MatchStore>(s.data_dir / "hegemon.sqlite", log, std::move(executor),
                                      max_pages);
}

}  // namespace

Server::Server(asio::io_context& io, ServerSettings settings, Log& log)
    : io_(io),
      settings_(std::move(settings)),
      log_(log),
      store_(open_store(settings_, log, io.get_executor())),
      lobby_(io, *store_, log, {settings_.max_matches, settings_.assets_dir}),
      requests_(lobby_, log, settings_.session.server_name, settings_.assets_dir),
      acceptor_(io),
      accept_pause_(io) {
  lobby_.restore();
  if (settings_.read_only) store_->set_read_only(true);
  std::error_code ec;
  const auto address = asio::ip::make_address(settings_.host, ec);
  if (ec) throw std::runtime_error("\"" + settings_.host + "\" is not an IP address");
  const asio::ip::tcp::endpoint endpoint(address, settings_.port);
  acceptor_.open(endpoint.protocol(), ec);
  if (!ec) acceptor_.set_option(asio::ip::tcp::acceptor::reuse_address(true), ec);
  if (!ec) acceptor_.bind(endpoint, ec);
  if (!ec) acceptor_.listen(asio::socket_base::max_listen_connections, ec);
  if (ec)
    throw std::runtime_error("cannot listen on " + settings_.host + ":" +
                             std::to_string(settings_.port) + ": " + ec.message());
}

void Server::start() { accept(); }

void Server::accept() {
  acceptor_.async_accept([this](std::error_code ec, asio::ip::tcp::socket socket) {
    if (stopped_) return;
    if (!ec) {
      admit(std::move(socket));
      return accept();
    }
    log_.warn("accepting a connection failed: " + ec.message() +
              (ec == std::errc::too_many_files_open
                   ? " (the process is out of file descriptors: raise its limit, see "
                     "docs/SERVER.md)"
                   : ""));
    accept_pause_.expires_after(std::chrono::milliseconds(100));
    accept_pause_.async_wait([this](const std::error_code& wait) {
      if (!wait && !stopped_) accept();
    });
  });
}

void Server::admit(asio::ip::tcp::socket socket) {
  std::error_code ignored;
  if (sessions_.size() >= settings_.max_sessions) {
    log_.warn("refusing a connection: the server has its maximum of " +
              std::to_string(settings_.max_sessions) + " connections");
    socket.close(ignored);
    return;
  }
  // Replies and events are small frames: without this, Nagle's algorithm and delayed
  // acknowledgements can hold one back for tens of milliseconds.
  socket.set_option(asio::ip::tcp::no_delay(true), ignored);
  const std::uint64_t id = next_session_++;
  auto session = std::make_shared<Session>(std::move(socket), id, requests_, log_,
                                           settings_.session,
                                           [this](std::uint64_t closed) { sessions_.erase(closed); });
  sessions_.emplace(id, session);
  session->start();
}

SessionTraffic Server::traffic(std::uint64_t session_id) const {
  auto it = sessions_.find(session_id);
  if (it == sessions_.end()) return {};
  auto s = it->second.lock();
  return s ? s->traffic() : SessionTraffic{};
}

SessionFootprint Server::footprint() const {
  SessionFootprint sum;
  for (const auto& [id, weak] : sessions_)
    if (auto s = weak.lock()) {
      const SessionFootprint f = s->footprint();
      sum.read_buffer += f.read_buffer;
      sum.write_queue += f.write_queue;
      sum.write_slots += f.write_slots;
    }
  return sum;
}

void Server::stop() {
  if (stopped_) return;
  stopped_ = true;
  std::error_code ignored;
  acceptor_.close(ignored);
  accept_pause_.cancel();
  // Closing a connection removes it from the index: close a copy.
  std::vector<std::shared_ptr<Session>> open;
  for (const auto& [id, weak] : sessions_)
    if (auto s = weak.lock()) open.push_back(std::move(s));
  for (const auto& s : open) s->close();
  sessions_.clear();
  lobby_.stop();
}

}  // namespace hegemon::server
