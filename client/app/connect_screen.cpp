#include "client/app/connect_screen.h"

#include <algorithm>

#include <imgui.h>
#include <imgui_stdlib.h>

namespace hegemon::client {

bool ConnectScreen::draw(ConnectForm& form, bool busy, const std::string& status,
                         const UiFonts& fonts) {
  const ImVec2 area = ImGui::GetContentRegionAvail();
  const float width = std::min(560.0f, area.x - 40.0f);
  ImGui::SetCursorPos(ImVec2((area.x - width) * 0.5f, area.y * 0.22f));
  bool go = false;
  ImGui::BeginChild("connect", ImVec2(width, 0), false);
  heading(fonts, "Hegemon");
  ImGui::TextColored(colors::kMuted, "Govern a state: split its budget, sign or break treaties, and");
  ImGui::TextColored(colors::kMuted, "push on, or resist, its neighbours.");
  ImGui::Spacing();
  ImGui::Separator();
  ImGui::Spacing();

  ImGui::PushItemWidth(width - 150.0f);
  if (!focused_) {
    ImGui::SetKeyboardFocusHere();
    focused_ = true;
  }
  go |= ImGui::InputTextWithHint("Server", "host:port, e.g. 127.0.0.1:7700", &form.address,
                                 ImGuiInputTextFlags_EnterReturnsTrue);
  go |= ImGui::InputTextWithHint("Your name", "shown to the other players", &form.name,
                                 ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::PopItemWidth();
  ImGui::Spacing();

  if (busy) ImGui::BeginDisabled();
  go |= ImGui::Button(busy ? "Connecting..." : "Connect", ImVec2(160, 0));
  if (busy) ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::TextColored(colors::kMuted, "Enter also connects");

  ImGui::Spacing();
  if (!form.error.empty()) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextColored(colors::kBad, "%s", form.error.c_str());
    ImGui::PopTextWrapPos();
  } else if (busy) {
    ImGui::TextColored(colors::kMuted, "%s", status.c_str());
  }
  ImGui::Spacing();
  ImGui::Separator();
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextColored(colors::kMuted,
                     "No server yet? Start one with ./hegemon serve (it listens on port 7700), "
                     "or play at once with ./hegemon play.");
  ImGui::PopTextWrapPos();
  ImGui::EndChild();
  return go && !busy;
}

}  // namespace hegemon::client
