#include "fleet.h"

#include "io_wait.h"

namespace hegemon::load {

bool Fleet::open(std::uint16_t port, int count, const std::string& prefix, int at_once,
                 double timeout_seconds) {
  const asio::ip::tcp::endpoint server(asio::ip::address_v4::loopback(), port);
  const int first = tally_.answered();
  const int goal = first + count;
  // Shared with the callbacks, which may outlive this call when it times out.
  struct Attempts {
    std::vector<std::shared_ptr<LoadConnection>> opened;
    std::vector<char> ok;  // welcomed, by attempt
    int in_progress = 0;
  };
  auto a = std::make_shared<Attempts>();
  a->opened.resize(static_cast<std::size_t>(count));
  a->ok.assign(static_cast<std::size_t>(count), 0);
  int started = 0;
  auto launch = [&](int i) {
    auto c = std::make_shared<LoadConnection>(io_, scratch_);
    a->opened[static_cast<std::size_t>(i)] = c;
    ++a->in_progress;
    // Exactly one of: a welcome, a close (refused), a connect failure, ends the attempt.
    auto finished = std::make_shared<bool>(false);
    auto end = [this, a, finished](int FleetTally::*counter) {
      if (*finished) return;
      *finished = true;
      --a->in_progress;
      ++(tally_.*counter);
    };
    c->on_close([end] { end(&FleetTally::refused); });
    c->connect(server, [c, i, a, end, name = prefix + std::to_string(i)](bool connected) {
      if (!connected) return end(&FleetTally::unconnected);
      c->hello(name, [i, a, end](bool welcomed) {
        if (welcomed) a->ok[static_cast<std::size_t>(i)] = 1;
        end(welcomed ? &FleetTally::welcomed : &FleetTally::refused);
      });
    });
  };
  const bool done = run_until(
      io_,
      [&] {
        while (started < count && a->in_progress < at_once) launch(started++);
        return tally_.answered() == goal;
      },
      seconds(timeout_seconds));
  for (int i = 0; i < count; ++i) {
    auto& c = a->opened[static_cast<std::size_t>(i)];
    if (!c) continue;
    all_.push_back(c);
    if (a->ok[static_cast<std::size_t>(i)]) welcomed_.push_back(c);
  }
  return done;
}

int Fleet::still_open() const {
  int n = 0;
  for (const auto& c : welcomed_) n += c->is_open() ? 1 : 0;
  return n;
}

void Fleet::close_all() {
  for (auto& c : all_) {
    c->on_close(nullptr);  // the handler holds the attempt that holds the connection
    c->close();
  }
  run_for(io_, std::chrono::milliseconds(200));
  all_.clear();
  welcomed_.clear();
}

}  // namespace hegemon::load
