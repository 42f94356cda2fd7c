#include "client/app/app.h"

#include <SDL.h>
#include <SDL_opengl.h>
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <memory>
#include <thread>

#include "backends/imgui_impl_opengl3.h"
#include "backends/imgui_impl_sdl.h"
#include "client/app/client_settings.h"
#include "client/app/game_client.h"
#include "client/app/screenshot.h"
#include "client/app/ui_style.h"

namespace hegemon::client {
namespace {

constexpr auto kFrameBudget = std::chrono::microseconds(1'000'000 / 60);
/// Frames drawn after anything happens: ImGui settles hover, focus and layout a frame late.
constexpr int kSettleFrames = 3;
/// How long an idle client sleeps in SDL before it looks at the network again.
constexpr int kIdleWaitMs = 50;
/// How often a blinking text cursor is drawn while the player types.
constexpr auto kTypingRedraw = std::chrono::milliseconds(250);

/// Hands `event` to ImGui; false when it asks the window to close.
bool handle(const SDL_Event& event, SDL_Window* window) {
  ImGui_ImplSDL2_ProcessEvent(&event);
  if (event.type == SDL_QUIT) return false;
  return !(event.type == SDL_WINDOWEVENT && event.window.event == SDL_WINDOWEVENT_CLOSE &&
           event.window.windowID == SDL_GetWindowID(window));
}

/// The display's DPI over the 96 that the sizes were designed at, from 1 to 3 (SDL must be
/// started): a 4K laptop gets text it can read.
float dpi_scale() {
  float dpi = 0;
  if (SDL_GetDisplayDPI(0, &dpi, nullptr, nullptr) != 0 || dpi <= 0) return 1.0f;
  return std::clamp(dpi / 96.0f, 1.0f, 3.0f);
}

/// SDL, the window, the GL context and ImGui, torn down in reverse order.
class Window {
 public:
  /// `scale`: the size of text and controls; 0 takes it from the display's DPI.
  Window(int width, int height, float scale) {
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0)
      throw std::runtime_error(std::string("cannot start SDL: ") + SDL_GetError());
    sdl_ = true;
    if (scale <= 0) scale = dpi_scale();
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, 0);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 24);
    SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 8);
    const auto flags = static_cast<SDL_WindowFlags>(SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE |
                                                    SDL_WINDOW_ALLOW_HIGHDPI);
    window_ = SDL_CreateWindow("Hegemon", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, width,
                               height, flags);
    if (!window_) throw std::runtime_error(std::string("cannot open a window: ") + SDL_GetError());
    SDL_SetWindowMinimumSize(window_, 800, 560);
    gl_ = SDL_GL_CreateContext(window_);
    if (!gl_) throw std::runtime_error(std::string("cannot create an OpenGL 3 context: ") + SDL_GetError());
    SDL_GL_MakeCurrent(window_, gl_);
    SDL_GL_SetSwapInterval(1);  // vsync

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    io.IniFilename = nullptr;  // the layout is fixed; nothing to remember
    fonts_ = load_fonts(io, scale);
    apply_style(scale);
    ImGui_ImplSDL2_InitForOpenGL(window_, gl_);
    ImGui_ImplOpenGL3_Init("#version 130");
  }

  ~Window() {
    if (gl_) {
      ImGui_ImplOpenGL3_Shutdown();
      ImGui_ImplSDL2_Shutdown();
      ImGui::DestroyContext();
      SDL_GL_DeleteContext(gl_);
    }
    if (window_) SDL_DestroyWindow(window_);
    if (sdl_) SDL_Quit();
  }

  Window(const Window&) = delete;
  Window& operator=(const Window&) = delete;

  SDL_Window* sdl_window() const { return window_; }
  const UiFonts& fonts() const { return fonts_; }

 private:
  bool sdl_ = false;
  SDL_Window* window_ = nullptr;
  SDL_GLContext gl_ = nullptr;
  UiFonts fonts_;
};

}  // namespace

int App::run() {
  std::unique_ptr<Window> window;
  try {
    // The scale asked for now, else the one remembered, else the display's.
    float scale = options_.ui_scale;
    if (scale <= 0) scale = load_client_settings(options_.settings_path).ui_scale();
    window = std::make_unique<Window>(options_.width, options_.height, scale);
  } catch (const std::exception& e) {
    std::cerr << "hegemon-client: " << e.what() << "\n";
    return 1;
  }
  GameClient client(options_, window->fonts());
  std::string title;
  bool open = true;
  using Clock = std::chrono::steady_clock;
  // Idle means idle: with nothing new to show the loop sleeps in SDL and only looks at the
  // network, and draws again on input, on news from the server, and as often as the clock on
  // screen (or a blinking cursor) needs.
  int frames_owed = kSettleFrames;
  Clock::time_point last_drawn = Clock::now();
  // How fast frames are drawn (the work of a frame, not the pause after it): said at the end of
  // an unattended run, which draws every frame, so that it can be measured.
  long long frames = 0;
  Clock::duration drawing{};
  const auto finish = [&](int code) {
    if (options_.unattended() && frames > 0) {
      const double ms =
          std::chrono::duration<double, std::milli>(drawing).count() / static_cast<double>(frames);
      std::cout << "hegemon-client: drew " << frames << " frames, " << ms
                << " ms of work each: " << (ms > 0 ? 1000.0 / ms : 0.0)
                << " frames a second at most" << std::endl;
    }
    return code;
  };
  while (open) {
    const auto frame_start = Clock::now();
    SDL_Event event{};
    bool input = false;
    if (frames_owed == 0 && !client.draws_every_frame() &&
        SDL_WaitEventTimeout(&event, kIdleWaitMs) == 1) {
      open = handle(event, window->sdl_window()) && open;
      input = true;
    }
    // A key pressed and released within one frame would reach ImGui (1.86) as no press at all:
    // the events after a key press wait for the next frame.
    bool key_pressed = input && event.type == SDL_KEYDOWN;
    while (!key_pressed && SDL_PollEvent(&event)) {
      open = handle(event, window->sdl_window()) && open;
      input = true;
      key_pressed = event.type == SDL_KEYDOWN;
    }
    const bool news = client.tick();
    const auto ticked = Clock::now();
    const auto period = ImGui::GetIO().WantTextInput ? kTypingRedraw : client.clock_redraw();
    if (input || news || client.draws_every_frame())
      frames_owed = std::max(frames_owed, kSettleFrames);
    else if (period.count() > 0 && ticked - last_drawn >= period)
      frames_owed = std::max(frames_owed, 1);  // only the clock moved: one frame shows it
    if (frames_owed == 0) {
      if (const auto code = client.exit_code()) return finish(*code);
      continue;
    }
    --frames_owed;
    last_drawn = ticked;

    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    ImGui::NewFrame();
    client.draw();
    ImGui::Render();

    int width = 0, height = 0;
    SDL_GL_GetDrawableSize(window->sdl_window(), &width, &height);
    glViewport(0, 0, width, height);
    glClearColor(0.07f, 0.08f, 0.10f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    for (const auto& path : client.take_screenshot_requests())
      client.screenshot_taken(path, save_screenshot(path, width, height));
    SDL_GL_SwapWindow(window->sdl_window());

    if (const std::string now = client.window_title(); now != title) {
      title = now;
      SDL_SetWindowTitle(window->sdl_window(), title.c_str());
    }
    if (const auto code = client.exit_code()) return finish(*code);
    // Vsync paces the loop on a real display; a virtual one may not wait at all.
    const auto spent = Clock::now() - frame_start;
    ++frames;
    drawing += spent;
    if (spent < kFrameBudget) std::this_thread::sleep_for(kFrameBudget - spent);
  }
  return finish(0);
}

}  // namespace hegemon::client
