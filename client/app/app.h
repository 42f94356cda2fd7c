// The window and the main loop: SDL2 events -> a new ImGui frame -> the client's UI -> OpenGL
// render (and the screenshots asked for) -> swap. Nothing else happens here.
#pragma once

#include <utility>

#include "client/app/client_options.h"

namespace hegemon::client {

class App {
 public:
  explicit App(ClientOptions options) : options_(std::move(options)) {}
  /// Opens the window and runs until it is closed or the client is done; the exit status.
  int run();

 private:
  ClientOptions options_;
};

}  // namespace hegemon::client
