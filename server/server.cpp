#include "server/server.h"

#include <stdexcept>

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
      acceptor_(io) {
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
    if (ec) {
      log_.warn("accepting a connection failed: " + ec.message());
    } else {
      std::erase_if(sessions_, [](const std::weak_ptr<Session>& s) {
        auto live = s.lock();
        return !live || !live->is_open();
      });
      if (sessions_.size() >= settings_.max_sessions) {
        log_.warn("refusing a connection: the server has its maximum of " +
                  std::to_string(settings_.max_sessions) + " connections");
        std::error_code ignored;
        socket.close(ignored);
      } else {
        // Replies and events are small frames written one after another: without this, Nagle's
        // algorithm and delayed acknowledgements can hold one back for tens of milliseconds.
        std::error_code ignored;
        socket.set_option(asio::ip::tcp::no_delay(true), ignored);
        auto session = std::make_shared<Session>(std::move(socket), next_session_++, lobby_,
                                                 log_, settings_.session);
        sessions_.push_back(session);
        session->start();
      }
    }
    accept();
  });
}

void Server::stop() {
  if (stopped_) return;
  stopped_ = true;
  std::error_code ignored;
  acceptor_.close(ignored);
  for (auto& weak : sessions_)
    if (auto s = weak.lock()) s->close();
  sessions_.clear();
  lobby_.stop();
}

}  // namespace hegemon::server
