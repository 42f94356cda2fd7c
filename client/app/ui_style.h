// The client's look: fonts, colours and spacing, set once at start; small drawing helpers the
// shell's screens share.
#pragma once

#include <imgui.h>

#include <string>

namespace hegemon::client {

struct UiFonts {
  ImFont* body = nullptr;     // DejaVu Sans 17 px, or ImGui's own font
  ImFont* heading = nullptr;  // DejaVu Sans Bold 21 px, or the body font
};

/// Loads DejaVu Sans (Debian's fonts-dejavu-core) when it is installed, ImGui's own font
/// otherwise. Call before the renderer builds the font atlas.
UiFonts load_fonts(ImGuiIO& io, float scale = 1.0f);

/// Dark theme with a little more air and rounding than ImGui's default.
void apply_style(float scale = 1.0f);

namespace colors {
inline const ImVec4 kGood{0.45f, 0.85f, 0.45f, 1.0f};
inline const ImVec4 kWarn{0.95f, 0.75f, 0.30f, 1.0f};
inline const ImVec4 kBad{0.95f, 0.40f, 0.35f, 1.0f};
inline const ImVec4 kMuted{0.62f, 0.64f, 0.68f, 1.0f};
inline const ImVec4 kAccent{0.45f, 0.70f, 1.0f, 1.0f};
}  // namespace colors

/// A heading line in the heading font.
void heading(const UiFonts& fonts, const std::string& text);

/// A small filled circle in `color`, on the current line, sized to the text.
void status_dot(const ImVec4& color);

/// Text shown when the mouse rests on the last item.
void tooltip(const std::string& text);

}  // namespace hegemon::client
