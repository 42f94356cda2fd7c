// The requests a connection makes of one match: seats, watching, orders, readiness, pausing and
// views. The table has found the match and checked the standing; the match checks its phase.
#pragma once

#include "server/request.h"

namespace hegemon::server {

class MatchRequests {
 public:
  static void join(Request& request);
  static void reconnect(Request& request);
  static void observe(Request& request);
  static void leave(Request& request);
  static void view(Request& request);
  static void submit(Request& request);
  static void set_ready(Request& request);
  static void pause(Request& request);
  static void resume(Request& request);
};

}  // namespace hegemon::server
