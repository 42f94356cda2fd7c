// The first screen: which server, and under which name. Both are remembered between runs.
#pragma once

#include <string>

#include "client/app/ui_style.h"

namespace hegemon::client {

struct ConnectForm {
  std::string address;  // "HOST:PORT"
  std::string name;
  std::string error;    // why the last attempt failed, or what is wrong with the form
};

class ConnectScreen {
 public:
  /// Draws the form; true on the frame the player asks to connect. `busy`: an attempt is under
  /// way (the button waits); `status`: the connection's state in words.
  bool draw(ConnectForm& form, bool busy, const std::string& status, const UiFonts& fonts);

 private:
  bool focused_ = false;
};

}  // namespace hegemon::client
