#include "client/app/screenshot.h"

#include <SDL_opengl.h>
#include <stb_image_write.h>

#include <filesystem>
#include <vector>

namespace hegemon::client {

std::string save_screenshot(const std::string& path, int width, int height) {
  if (width <= 0 || height <= 0) return "the window has no size to capture";
  const std::size_t w = static_cast<std::size_t>(width);
  const std::size_t h = static_cast<std::size_t>(height);
  std::vector<unsigned char> rgba(w * h * 4);
  glReadBuffer(GL_BACK);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data());
  if (const GLenum error = glGetError(); error != GL_NO_ERROR)
    return "glReadPixels failed with OpenGL error " + std::to_string(error);

  // OpenGL's rows start at the bottom; a PNG's at the top. Alpha is dropped.
  std::vector<unsigned char> rgb(w * h * 3);
  for (std::size_t y = 0; y < h; ++y) {
    const unsigned char* from = rgba.data() + (h - 1 - y) * w * 4;
    unsigned char* to = rgb.data() + y * w * 3;
    for (std::size_t x = 0; x < w; ++x) {
      to[x * 3 + 0] = from[x * 4 + 0];
      to[x * 3 + 1] = from[x * 4 + 1];
      to[x * 3 + 2] = from[x * 4 + 2];
    }
  }
  std::error_code ec;
  const std::filesystem::path target(path);
  if (target.has_parent_path()) std::filesystem::create_directories(target.parent_path(), ec);
  if (!stbi_write_png(path.c_str(), width, height, 3, rgb.data(), width * 3))
    return "cannot write " + path;
  return "";
}

}  // namespace hegemon::client
