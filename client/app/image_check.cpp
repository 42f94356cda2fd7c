#include "client/app/image_check.h"

#include <stb_image.h>

#include <cstring>
#include <fstream>
#include <memory>

namespace hegemon::client {

bool image_is_blank(const unsigned char* pixels, int width, int height, int channels) {
  if (!pixels || width <= 0 || height <= 0 || channels <= 0) return true;
  const std::size_t pixel = static_cast<std::size_t>(channels);
  const std::size_t count = static_cast<std::size_t>(width) * static_cast<std::size_t>(height);
  for (std::size_t i = 1; i < count; ++i)
    if (std::memcmp(pixels, pixels + i * pixel, pixel) != 0) return false;
  return true;
}

std::string check_png(const std::string& path) {
  static constexpr unsigned char kSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  char head[8] = {};
  std::ifstream in(path, std::ios::binary);
  if (!in) return path + " does not exist or cannot be opened";
  if (!in.read(head, sizeof head) || std::memcmp(head, kSignature, sizeof head) != 0)
    return path + " is not a PNG file";
  int width = 0, height = 0, channels = 0;
  std::unique_ptr<unsigned char, void (*)(void*)> pixels(
      stbi_load(path.c_str(), &width, &height, &channels, 0), stbi_image_free);
  if (!pixels) {
    const char* why = stbi_failure_reason();
    return path + " cannot be read as an image" + (why ? std::string(" (") + why + ")" : "");
  }
  if (image_is_blank(pixels.get(), width, height, channels))
    return path + " is blank: its " + std::to_string(width) + " x " + std::to_string(height) +
           " pixels are all the same colour";
  return "";
}

}  // namespace hegemon::client
