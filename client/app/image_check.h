// Checks on screenshots: is an image blank, is a PNG file a real, non-blank picture. Used by the
// client's --check-png option, which the smoke test runs on the screenshots it asked for.
#pragma once

#include <cstddef>
#include <string>

namespace hegemon::client {

/// True when every pixel of the image (`width` x `height`, `channels` bytes a pixel, rows packed)
/// is the same: nothing was drawn. An empty image is blank.
bool image_is_blank(const unsigned char* pixels, int width, int height, int channels);

/// "" when `path` is a PNG that can be read and is not blank; otherwise what is wrong with it.
std::string check_png(const std::string& path);

}  // namespace hegemon::client
