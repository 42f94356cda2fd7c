#include "client/app/ui_style.h"

#include <filesystem>

namespace hegemon::client {
namespace {

constexpr const char* kFontDir = "/usr/share/fonts/truetype/dejavu/";

// Latin with its supplements and extensions, punctuation, arrows, maths minus, geometric shapes
// and dingbats: state names, dashes, ellipses, arrows and tick marks.
const ImWchar kGlyphRanges[] = {
    0x0020, 0x00FF, 0x0100, 0x024F, 0x2010, 0x205E, 0x20AC, 0x20AC, 0x2190, 0x21FF,
    0x2212, 0x2212, 0x2264, 0x2265, 0x25A0, 0x25FF, 0x2600, 0x26FF, 0x2713, 0x2717, 0,
};

ImFont* load(ImGuiIO& io, const char* file, float size) {
  const std::string path = std::string(kFontDir) + file;
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return nullptr;
  ImFontConfig config;
  config.OversampleH = 2;
  config.OversampleV = 1;
  return io.Fonts->AddFontFromFileTTF(path.c_str(), size, &config, kGlyphRanges);
}

}  // namespace

UiFonts load_fonts(ImGuiIO& io, float scale) {
  UiFonts fonts;
  fonts.body = load(io, "DejaVuSans.ttf", 17.0f * scale);
  if (!fonts.body) fonts.body = io.Fonts->AddFontDefault();
  fonts.heading = load(io, "DejaVuSans-Bold.ttf", 21.0f * scale);
  if (!fonts.heading) fonts.heading = fonts.body;
  io.FontDefault = fonts.body;
  return fonts;
}

void apply_style(float scale) {
  ImGui::StyleColorsDark();
  ImGuiStyle& style = ImGui::GetStyle();
  style.WindowPadding = ImVec2(10, 10);
  style.FramePadding = ImVec2(8, 4);
  style.ItemSpacing = ImVec2(9, 6);
  style.CellPadding = ImVec2(6, 3);
  style.WindowRounding = 4;
  style.ChildRounding = 4;
  style.FrameRounding = 3;
  style.PopupRounding = 4;
  style.TabRounding = 3;
  style.GrabRounding = 3;
  style.ScrollbarSize = 15;
  ImVec4* c = style.Colors;
  c[ImGuiCol_WindowBg] = ImVec4(0.09f, 0.10f, 0.12f, 1.0f);
  c[ImGuiCol_ChildBg] = ImVec4(0.11f, 0.12f, 0.15f, 1.0f);
  c[ImGuiCol_PopupBg] = ImVec4(0.12f, 0.13f, 0.16f, 0.98f);
  c[ImGuiCol_Header] = ImVec4(0.22f, 0.35f, 0.55f, 0.55f);
  c[ImGuiCol_TitleBgActive] = ImVec4(0.16f, 0.29f, 0.48f, 1.0f);
  style.ScaleAllSizes(scale);
}

void heading(const UiFonts& fonts, const std::string& text) {
  ImGui::PushFont(fonts.heading ? fonts.heading : ImGui::GetFont());
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopFont();
}

void status_dot(const ImVec4& color) {
  const float size = ImGui::GetTextLineHeight();
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(at.x + size * 0.5f, at.y + size * 0.55f),
                                              size * 0.32f, ImGui::GetColorU32(color));
  ImGui::Dummy(ImVec2(size, size));
}

void tooltip(const std::string& text) {
  if (!ImGui::IsItemHovered()) return;
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

}  // namespace hegemon::client
