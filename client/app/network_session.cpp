#include "client/app/network_session.h"

#include <algorithm>
#include <exception>
#include <utility>

namespace hegemon::client {

using namespace std::chrono_literals;

std::chrono::milliseconds reconnect_delay(int attempt) {
  std::chrono::milliseconds delay = 500ms;
  for (int i = 1; i < attempt && delay < 15s; ++i) delay *= 2;
  return std::min<std::chrono::milliseconds>(delay, 15s);
}

NetworkSession::NetworkSession(Settings settings) : settings_(settings) {}

NetworkSession::~NetworkSession() { disconnect(); }

void NetworkSession::connect(const std::string& host, std::uint16_t port,
                             const std::string& player_name) {
  disconnect();
  host_ = host;
  port_ = port;
  player_name_ = player_name;
  failures_ = 0;
  connections_made_ = 0;
  last_error_.clear();
  start_attempt(Clock::now());
}

void NetworkSession::disconnect() {
  fail_pending("the connection was closed");
  connection_.reset();
  if (attempt_.valid()) abandoned_.push_back(std::move(attempt_));
  state_ = LinkState::Offline;
  last_error_.clear();
}

void NetworkSession::start_attempt(Clock::time_point) {
  state_ = LinkState::Connecting;
  attempt_ = std::async(std::launch::async, [host = host_, port = port_, name = player_name_,
                                             timeout = settings_.connect_timeout] {
    Attempt attempt;
    attempt.connection = std::make_unique<ServerConnection>();
    try {
      attempt.welcome = attempt.connection->connect(host, port, name, timeout);
    } catch (const std::exception& e) {
      attempt.error = e.what();
      attempt.connection.reset();
    }
    return attempt;
  });
}

void NetworkSession::finish_attempt(Clock::time_point now) {
  Attempt attempt = attempt_.get();
  if (!attempt.connection) {
    ++failures_;
    last_error_ = attempt.error;
    if (connections_made_ > 0 || settings_.retry_first_connect) {
      state_ = LinkState::Waiting;
      next_attempt_ = now + reconnect_delay(failures_ + 1);
    } else {
      state_ = LinkState::Offline;
    }
    return;
  }
  connection_ = std::move(attempt.connection);
  state_ = LinkState::Online;
  failures_ = 0;
  last_error_.clear();
  ++connections_made_;
  if (on_online_) on_online_(attempt.welcome, connections_made_ > 1);
}

void NetworkSession::lost(const std::string& reason, Clock::time_point now) {
  fail_pending(reason);
  connection_.reset();
  last_error_ = reason;
  failures_ = 0;
  state_ = LinkState::Waiting;
  next_attempt_ = now + reconnect_delay(1);
}

void NetworkSession::fail_pending(const std::string& reason) {
  std::vector<Pending> failed = std::move(pending_);
  pending_.clear();
  for (auto& p : failed)
    if (p.on_failure) p.on_failure(reason);
}

void NetworkSession::deliver_replies(Clock::time_point now) {
  std::vector<Pending> done;
  for (auto it = pending_.begin(); it != pending_.end();) {
    if (it->reply.wait_for(0s) == std::future_status::ready || now >= it->deadline) {
      done.push_back(std::move(*it));
      it = pending_.erase(it);
    } else {
      ++it;
    }
  }
  // Handlers may send new requests: they go to pending_, which is no longer being walked.
  activity_ += done.size();
  for (auto& p : done) {
    if (p.reply.wait_for(0s) != std::future_status::ready) {
      if (p.on_failure)
        p.on_failure("the server did not answer " + p.what + " within " +
                     std::to_string(settings_.reply_timeout.count() / 1000) + " s");
      continue;
    }
    try {
      pb::ServerMessage reply = p.reply.get();
      if (p.on_reply) p.on_reply(reply);
    } catch (const std::exception& e) {
      if (p.on_failure) p.on_failure(e.what());
    }
  }
}

void NetworkSession::poll(Clock::time_point now) {
  const LinkState was = state_;
  deliver(now);
  if (state_ != was) ++activity_;  // the link's state moving is activity too
}

void NetworkSession::deliver(Clock::time_point now) {
  std::erase_if(abandoned_, [](std::future<Attempt>& f) {
    return f.wait_for(0s) == std::future_status::ready;
  });
  if (attempt_.valid() && attempt_.wait_for(0s) == std::future_status::ready) finish_attempt(now);
  if (state_ == LinkState::Waiting && now >= next_attempt_) start_attempt(now);
  if (state_ != LinkState::Online) return;

  deliver_replies(now);
  // Events (a handler may disconnect, so look at the connection every time).
  while (connection_) {
    auto event = connection_->poll_event();
    if (!event) break;
    ++activity_;
    if (on_event_) on_event_(*event);
  }
  if (connection_ && !connection_->connected()) {
    deliver_replies(now);  // replies that made it before the end
    if (connection_) {
      const std::string reason = connection_->disconnect_reason();
      lost(reason.empty() ? "the connection to the server was lost" : reason, now);
    }
  }
}

bool NetworkSession::send(pb::ClientMessage message, ReplyHandler on_reply,
                          FailureHandler on_failure) {
  const std::string what = body_name(message);
  if (state_ != LinkState::Online || !connection_) {
    if (on_failure) on_failure("not connected to the server");
    return false;
  }
  Pending pending;
  pending.reply = connection_->request(std::move(message));
  pending.on_reply = std::move(on_reply);
  pending.on_failure = std::move(on_failure);
  pending.deadline = Clock::now() + settings_.reply_timeout;
  pending.what = what;
  pending_.push_back(std::move(pending));
  return true;
}

std::string NetworkSession::peer() const {
  if (host_.find(':') != std::string::npos) return "[" + host_ + "]:" + std::to_string(port_);
  return host_ + ":" + std::to_string(port_);
}

std::string NetworkSession::status_text(Clock::time_point now) const {
  switch (state_) {
    case LinkState::Offline:
      return last_error_.empty() ? "Not connected" : "Not connected: " + last_error_;
    case LinkState::Connecting:
      return "Connecting to " + peer() +
             (failures_ > 0 ? " (attempt " + std::to_string(failures_ + 1) + ")" : "") + "...";
    case LinkState::Online:
      return "Connected to " + peer() + " as " + player_name_;
    case LinkState::Waiting: {
      const auto left = std::chrono::duration_cast<std::chrono::seconds>(
          std::max(next_attempt_ - now, Clock::duration::zero()) + 999ms);
      return std::string(connections_made_ > 0 ? "Connection lost" : "Cannot reach " + peer()) +
             ": " + last_error_ + ". Trying again in " + std::to_string(left.count()) +
             " s (attempt " + std::to_string(failures_ + 1) + ")";
    }
  }
  return "";
}

}  // namespace hegemon::client
