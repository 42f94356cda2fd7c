#include "client/app/status_bar.h"

#include <imgui.h>

#include "client/app/ui_style.h"

namespace hegemon::client {

float status_bar_height() {
  return ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().WindowPadding.y;
}

void draw_status_bar(LinkState link, const std::string& link_text, const std::string& message) {
  ImGui::Separator();
  const ImVec4 color = link == LinkState::Online    ? colors::kGood
                       : link == LinkState::Offline ? colors::kMuted
                                                    : colors::kWarn;
  status_dot(color);
  ImGui::SameLine();
  ImGui::TextColored(link == LinkState::Online ? colors::kMuted : color, "%s", link_text.c_str());
  if (!message.empty()) {
    ImGui::SameLine();
    ImGui::TextColored(colors::kMuted, "  |  ");
    ImGui::SameLine();
    ImGui::TextUnformatted(message.c_str());
  }
}

}  // namespace hegemon::client
