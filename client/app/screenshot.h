// Saving what the window shows as a PNG.
#pragma once

#include <string>

namespace hegemon::client {

/// Reads the current OpenGL back buffer (`width` x `height` pixels, after rendering and before
/// the swap) and writes it to `path` as an RGB PNG, top row first. "" on success, otherwise why
/// it failed.
std::string save_screenshot(const std::string& path, int width, int height);

}  // namespace hegemon::client
