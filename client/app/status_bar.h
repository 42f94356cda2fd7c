// The line at the bottom of every screen: the connection's state and the last message.
#pragma once

#include <string>

#include "client/app/network_session.h"

namespace hegemon::client {

/// Height the status bar takes, in pixels, at the current font size.
float status_bar_height();

/// Draws the bar across the current window's remaining width.
void draw_status_bar(LinkState link, const std::string& link_text, const std::string& message);

}  // namespace hegemon::client
